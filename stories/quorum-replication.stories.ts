import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/quorum-replication/quorum-replication.js';

interface Args {
  n?: string;
  r?: string;
  w?: string;
  sloppy?: boolean;
  seed?: string;
}

/** X writes v1, then v2 at 200 ms; Y reads at 250 ms, once v2 is acknowledged (delays 5–60 ms, seed 16). */
const twoWrites = {
  step: 19,
  minDelay: 5,
  maxDelay: 60,
  actions: [
    { type: 'write', at: 0, client: 'X', value: 'v1' },
    { type: 'write', at: 200, client: 'X', value: 'v2' },
    { type: 'read', at: 250, client: 'Y' },
  ],
};

/** B and C fail, X writes v2, B and C come back, Y reads. */
const twoDown = [
  { type: 'write', at: 0, client: 'X', value: 'v1' },
  { type: 'fail', at: 100, node: 'B' },
  { type: 'fail', at: 100, node: 'C' },
  { type: 'write', at: 110, client: 'X', value: 'v2' },
  { type: 'recover', at: 300, node: 'B' },
  { type: 'recover', at: 300, node: 'C' },
  { type: 'read', at: 400, client: 'Y' },
];

const meta: Meta<Args> = {
  title: 'Components/Quorum Replication',
  component: 'ls-quorum-replication',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `In a leaderless (Dynamo-style) store a key lives on **N** replicas. A write returns after **W** of them
acknowledge it, a read after **R** answer — while the other replicas may still be catching up: every message here has
its own delay. If **R + W > N**, every read quorum shares at least one replica with every write quorum, so a read sees
the latest acknowledged write; with R + W ≤ N it may not, and the element marks such a read **stale**.

Versions carry **vector clocks** (one counter per client). A version whose clock is at least another's replaces it;
two writes that did not see each other have incomparable clocks and are kept as **siblings** — the client reads both
and its next write merges them. **Read repair** sends the newest version to replicas that answered with an older one.
When home replicas are down, **hinted handoff** parks the write on a spare node and delivers it when they return, and
a **sloppy quorum** counts that spare toward W: writes stay available, but R + W > N no longer guarantees a fresh read.

Try it: step message by message with **←/→**, **Space** plays; the buttons record a write, a read, a failure, a
partition or a new R/W at the current moment.`,
      },
    },
  },
  args: { n: '3', r: '2', w: '2', sloppy: false, seed: '16' },
  argTypes: {
    n: { control: 'text' },
    r: { control: 'text' },
    w: { control: 'text' },
    sloppy: { control: 'boolean' },
    seed: { control: 'text' },
  },
  render: (a) => html`<ls-quorum-replication
    n=${ifDefined(a.n)}
    r=${ifDefined(a.r)}
    w=${ifDefined(a.w)}
    sloppy=${a.sloppy ? 'true' : 'false'}
    seed=${ifDefined(a.seed)}
    .config=${twoWrites}
  ></ls-quorum-replication>`,
};
export default meta;

type Story = StoryObj<Args>;

/**
 * N = 3, R = 2, W = 2: X's write v2 is acknowledged by two replicas while the third is still receiving it; Y's read
 * asks all three and returns after two answers — one of which must hold v2, because 2 + 2 > 3.
 */
export const Default: Story = { name: 'N=3 R=2 W=2: fresh reads', tags: ['bench'] };

/**
 * Same seed and delays with R = 1, W = 1: v2 is acknowledged by the first replica, and Y's read, sent at that very
 * moment, is answered first by a replica v2 has not reached yet. The read is stale; read repair fixes the replica after.
 */
export const StaleRead: Story = {
  name: 'R=1 W=1: a stale read',
  render: () => html`<ls-quorum-replication
    .config=${{ ...twoWrites, r: 1, w: 1, seed: 16, step: 17, actions: [...twoWrites.actions.slice(0, 2), { type: 'read', at: 227, client: 'Y' }], title: 'R + W = 2 ≤ N = 3: the read misses v2' }}
  ></ls-quorum-replication>`,
};

/** Two of three home replicas down and a strict quorum: only A is reachable, W = 2 cannot be met, and the write fails at once. */
export const NodeDownStrict: Story = {
  name: 'Two replicas down, strict quorum: the write fails',
  render: () => html`<ls-quorum-replication .config=${{ seed: 1, step: 10, actions: twoDown, title: 'B and C down, strict quorum' }}></ls-quorum-replication>`,
};

/**
 * The same failures with a sloppy quorum: spares D and E store v2 with hints for B and C, their acks count, and the
 * write succeeds. When B and C recover, each hint is handed over once.
 */
export const NodeDownSloppy: Story = {
  name: 'Two replicas down, sloppy quorum + hinted handoff',
  render: () => html`<ls-quorum-replication .config=${{ seed: 1, step: 15, sloppy: true, actions: twoDown, title: 'B and C down, sloppy quorum and hinted handoff' }}></ls-quorum-replication>`,
};

/**
 * Why a sloppy quorum breaks R + W > N: v2 lands on C and on the spares D and E (hints for A and B, cut off). Then A
 * and B return but D and E are cut off before they hand over, and slow C answers last: Y's R = 2 read hears only A and B.
 */
export const SloppyStale: Story = {
  name: 'Sloppy quorum: R + W > N and still stale',
  render: () => html`<ls-quorum-replication
    .config=${{
      sloppy: true,
      step: 21,
      slow: ['C'],
      readRepair: false,
      actions: [
        { type: 'write', at: 0, client: 'X', value: 'v1' },
        { type: 'partition', at: 300, side: ['A', 'B'] },
        { type: 'write', at: 310, client: 'X', value: 'v2' },
        { type: 'partition', at: 600, side: ['D', 'E'] },
        { type: 'read', at: 610, client: 'Y' },
        { type: 'heal', at: 900 },
        { type: 'read', at: 1000, client: 'Y' },
      ],
      title: 'Sloppy quorum: the read quorum misses the stand-ins',
    }}
  ></ls-quorum-replication>`,
};

/**
 * A partition puts X with A and spare D, Y with B and C. Both writes succeed (sloppy quorum) without seeing each other:
 * their clocks {X:1} and {Y:1} are concurrent. After the heal X reads both siblings, and its next write, {X:2, Y:1},
 * supersedes them on every replica.
 */
export const Siblings: Story = {
  name: 'Partition, concurrent writes, siblings, merge',
  render: () => html`<ls-quorum-replication
    .config=${{
      sloppy: true,
      step: 22,
      actions: [
        { type: 'partition', at: 0, side: ['X', 'A', 'D'] },
        { type: 'write', at: 10, client: 'X', value: 'book' },
        { type: 'write', at: 20, client: 'Y', value: 'pen' },
        { type: 'heal', at: 300 },
        { type: 'read', at: 400, client: 'X' },
        { type: 'write', at: 600, client: 'X', value: 'book+pen' },
        { type: 'read', at: 900, client: 'Y' },
      ],
      title: 'Concurrent writes become siblings; a later write merges them',
    }}
  ></ls-quorum-replication>`,
};

/** C is down while v1 is written (no hinted handoff), so it comes back empty. Y's read hears it answer with nothing and read repair sends it v1. */
export const ReadRepair: Story = {
  name: 'Read repair heals a lagging replica',
  render: () => html`<ls-quorum-replication
    .config=${{
      hintedHandoff: false,
      step: 15,
      actions: [
        { type: 'fail', at: 0, node: 'C' },
        { type: 'write', at: 10, client: 'X', value: 'v1' },
        { type: 'recover', at: 300, node: 'C' },
        { type: 'read', at: 400, client: 'Y' },
      ],
      title: 'Read repair',
    }}
  ></ls-quorum-replication>`,
};

/** Last-writer-wins: X writes "book" and Y writes "pen" 5 ms later; both are acknowledged, and "book" silently disappears. */
export const LastWriterWins: Story = {
  name: 'Last-writer-wins loses a write',
  render: () => html`<ls-quorum-replication
    .config=${{
      lww: true,
      step: 20,
      actions: [
        { type: 'write', at: 0, client: 'X', value: 'book' },
        { type: 'write', at: 5, client: 'Y', value: 'pen' },
        { type: 'read', at: 300, client: 'X' },
      ],
      title: 'Last-writer-wins',
    }}
  ></ls-quorum-replication>`,
};

/** Every problem is reported with its path. */
export const InvalidConfig: Story = {
  name: 'Invalid config',
  render: () => html`<ls-quorum-replication .config=${{ n: 3, r: 4, slopy: true, actions: [{ type: 'fail', at: 0, node: 'Q' }] }}></ls-quorum-replication>`,
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/consistent-hash-ring/consistent-hash-ring.js';

interface Args {
  nodes?: string;
  vnodes?: string;
  'key-count'?: string;
  replication?: string;
  seed?: string;
  probe?: string;
}

const meta: Meta<Args> = {
  title: 'Components/Consistent Hash Ring',
  component: 'ls-consistent-hash-ring',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `Consistent hashing places nodes and keys on the same ring of 2<sup>32</sup> positions; a key belongs to the
first node clockwise from it. When a node joins, only the keys between it and its predecessor move — about 1/N of
them — where \`hash mod N\` would move almost all. Virtual nodes (many ring positions per node) even out the load.

Try it: add a node (**+** or the button), select a node and press **Delete**, step back and forth through the changes
with **←/→**, and type a key into the probe to see its clockwise walk.`,
      },
    },
  },
  args: { nodes: 'A,B,C,D', vnodes: '8', 'key-count': '80', seed: '1' },
  argTypes: {
    nodes: { control: 'text' },
    vnodes: { control: 'text' },
    'key-count': { control: 'text' },
    replication: { control: 'text' },
    seed: { control: 'text' },
    probe: { control: 'text' },
  },
  render: (a) => html`<ls-consistent-hash-ring
    nodes=${ifDefined(a.nodes)}
    vnodes=${ifDefined(a.vnodes)}
    key-count=${ifDefined(a['key-count'])}
    replication=${ifDefined(a.replication)}
    seed=${ifDefined(a.seed)}
    probe=${ifDefined(a.probe)}
  ></ls-consistent-hash-ring>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Four nodes with eight virtual nodes each and 80 keys. Add and remove nodes to see which keys move. */
export const Default: Story = {};

/**
 * The same four nodes with 1 virtual node each (left) and 200 each (right). With one position per node the arcs are
 * wildly unequal — one node can own half the ring; with 200 the busiest node is within a few percent of the mean.
 */
export const WhyVirtualNodes: Story = {
  name: 'Why virtual nodes',
  render: () => html`<div style="display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:1rem">
    <ls-consistent-hash-ring .config=${{ title: '1 virtual node per node', nodes: ['A', 'B', 'C', 'D'], vnodes: 1, keyCount: 400, seed: 3 }}></ls-consistent-hash-ring>
    <ls-consistent-hash-ring .config=${{ title: '200 virtual nodes per node', nodes: ['A', 'B', 'C', 'D'], vnodes: 200, keyCount: 400, seed: 3 }}></ls-consistent-hash-ring>
  </div>`,
};

/**
 * Node C fails. Press → (or the step button) to remove it: only C's keys move, and they spread over the surviving
 * nodes because C's virtual nodes were scattered around the ring. Loaded from a JSON file through `src`.
 */
export const ANodeFails: Story = {
  name: 'A node fails',
  render: () => html`<ls-consistent-hash-ring src="data/ring-failure.json"></ls-consistent-hash-ring>`,
};

/**
 * Five nodes become six. Consistent hashing moves about 1/6 of the keys, all to the new node; `hash mod N` moves
 * about 5/6 of them, because almost every key's `hash mod 5` differs from its `hash mod 6`.
 */
export const ModuloVsConsistent: Story = {
  name: 'Modulo vs consistent',
  render: () => html`<ls-consistent-hash-ring
    .config=${{ nodes: ['A', 'B', 'C', 'D', 'E'], vnodes: 64, keyCount: 300, seed: 11, actions: [{ type: 'add', id: 'F' }] }}
  ></ls-consistent-hash-ring>`,
};

/** A bigger machine gets a larger weight and so more virtual nodes: `big` (weight 3) holds about three times the keys of each small node. */
export const WeightedNodes: Story = {
  name: 'Weighted nodes',
  render: () => html`<ls-consistent-hash-ring>
    <script type="application/json">
      { "nodes": [{ "id": "big", "weight": 3 }, "s1", "s2", "s3"], "vnodes": 40, "keyCount": 300, "seed": 5 }
    </script>
  </ls-consistent-hash-ring>`,
};

/**
 * Replication factor 3: each key is stored on the first three *distinct* nodes clockwise. The probe shows the walk for
 * `cart:1042` — virtual nodes of a node already chosen are skipped.
 */
export const ReplicationThree: Story = {
  name: 'Replication 3',
  args: { nodes: 'A,B,C,D,E', vnodes: '6', 'key-count': '60', replication: '3', probe: 'cart:1042' },
};

/** 100 nodes × 500 virtual nodes and 100 000 keys: lookups stay a binary search over 50 000 positions. */
export const LargeRing: Story = {
  name: 'A large ring',
  tags: ['bench'],
  render: () => html`<ls-consistent-hash-ring
    .config=${{ nodes: Array.from({ length: 100 }, (_, i) => `n${String(i).padStart(3, '0')}`), vnodes: 500, keyCount: 100_000, seed: 1 }}
  ></ls-consistent-hash-ring>`,
};

/** A configuration with mistakes shows where each one is, and the page goes on working. */
export const ConfigurationErrors: Story = {
  name: 'Configuration errors',
  render: () => html`<ls-consistent-hash-ring
    .config=${{ nodes: ['A', 'B', { id: 'C', weight: 'heavy' }], vnode: 3, replication: 0 }}
  ></ls-consistent-hash-ring>`,
};

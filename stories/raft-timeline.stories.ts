import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/raft-timeline/raft-timeline.js';
import { SCENARIOS } from '../src/components/raft-timeline/scenarios.js';

const meta: Meta = {
  title: 'Components/Raft Timeline',
  component: 'ls-raft-timeline',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `Raft you can break, rewind and check. A seeded simulation of the extended paper's Figure 2 rules runs the
scenario; the diagram shows each server's role and term along its lane, every message as an arrow (lost ones crossed
out) and commits as diamonds. Crash and restart servers, cut the network, send client requests or make the network
lossy — each action is recorded into the scenario at the cursor, and **Copy scenario** exports the run. The four
safety invariants are checked at every event; the broken variants show exactly where they fail.

Keyboard: focus the diagram, then **Space** plays, **←/→** step to the previous/next event, **Home/End**.`,
      },
    },
  },
};
export default meta;

type Story = StoryObj;
const story = (config: object): Story => ({ render: () => html`<ls-raft-timeline .config=${config}></ls-raft-timeline>` });

/** Five servers elect a leader from scratch: the first election timer to fire wins. */
export const Default: Story = story(SCENARIOS.leaderElection);
/** The leader crashes; missing heartbeats start an election, and the new leader keeps the committed entry. */
export const LeaderCrash: Story = { name: 'Leader crash and re-election', ...story(SCENARIOS.leaderCrash) };
/** Client requests are appended by the leader, replicated, and committed once a majority has them. */
export const LogReplication: Story = { name: 'Log replication and commit', ...story(SCENARIOS.logReplication) };
/** Two candidates split the vote in term 1; randomized timeouts break the tie in term 2. */
export const SplitVote: Story = { name: 'Split vote', ...story(SCENARIOS.splitVote) };
/** A leader cut off in the minority cannot commit; after the heal it steps down and its entries are overwritten. */
export const Partition: Story = { name: 'Network partition', ...story(SCENARIOS.partition) };
/** The paper's Figure 8: a leader that commits an earlier term's entry by counting replicas loses it — Leader Completeness breaks. */
export const Figure8: Story = { name: 'The Figure 8 bug', ...story(SCENARIOS.figure8) };
/** Voting without the log up-to-date check lets a stale server win and erase committed entries. */
export const NoLogCheck: Story = { name: 'Votes without the log check', ...story(SCENARIOS.noLogCheck) };
/** Nine servers: a majority is five, so four can fail. */
export const NineNodes: Story = { name: '9 servers', tags: ['bench'], ...story(SCENARIOS.nineNodes) };
/** A lossy network (messages dropped at random): Raft retries, elections repeat, commits still happen. */
export const LossyNetwork: Story = { name: 'Lossy network', ...story(SCENARIOS.lossyNetwork) };
/** A blogger's own three-server scenario from attributes: click the buttons to break it. */
export const FromAttributes: Story = { name: 'From attributes', render: () => html`<ls-raft-timeline nodes="3" seed="7" duration="4000"></ls-raft-timeline>` };
/** A scenario with mistakes is reported where they are. */
export const InvalidScenario: Story = {
  name: 'Invalid scenario',
  ...story({ nodes: ['S1', 'S2', 'S3'], events: [{ at: -5, type: 'crash', node: 'S9' }, { at: 100, type: 'partition', groups: [['S1', 'S2'], ['S2', 'S3']] }, { at: 200, type: 'request' }] }),
};

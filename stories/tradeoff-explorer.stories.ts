import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/tradeoff-explorer/tradeoff-explorer.js';

interface Args {
  mode?: 'cp' | 'ap';
  replication?: 'sync' | 'async';
  rtt?: string;
  lag?: string;
  rate?: string;
  regions?: string;
  seed?: string;
}

/** eu is cut off from 3 s to 7 s. */
const partition = {
  duration: 10_000,
  actions: [
    { type: 'cut', at: 3000, regions: ['eu'] },
    { type: 'heal', at: 7000 },
  ],
};

const meta: Meta<Args> = {
  title: 'Components/Tradeoff Explorer',
  component: 'ls-tradeoff-explorer',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `**CAP** (Brewer; proved by Gilbert and Lynch): while the network between replicas is partitioned, a replicated
store cannot both answer every request (**A**) and keep every read linearizable (**C**). It must choose, per request: **CP**
refuses requests on any side that lacks a majority of the replicas, so the majority side stays consistent and the minority
side is unavailable; **AP** answers everywhere, so the cut-off side serves stale reads and both sides accept writes that
diverge. When the network heals, last-writer-wins keeps the newest timestamp and silently drops the other side's write.

**PACELC** (Abadi) adds the trade-off you pay every day: **E**lse, with no partition, choose **L**atency or
**C**onsistency. Synchronous replication makes every write wait for the farthest replica (a cross-region round trip) and
never serves a stale read; asynchronous replication acknowledges locally and leaves a lag window in which the other regions
read old values.

Here one client per region reads and writes a single register through its region's first replica (marked \`*\`). Cut and
heal the network, switch CP/AP or sync/async, or send your own read or write — each is recorded at the current time.
Step with **←/→** (request by request), **Space** plays. The table "Same workload, four policies" runs the whole
scenario under each fixed choice.`,
      },
    },
  },
  args: { mode: 'cp', replication: 'sync', rtt: '80', lag: '200', rate: '3', regions: 'us:3,eu:2', seed: '1' },
  argTypes: {
    mode: { control: 'inline-radio', options: ['cp', 'ap'] },
    replication: { control: 'inline-radio', options: ['sync', 'async'] },
    rtt: { control: 'text' },
    lag: { control: 'text' },
    rate: { control: 'text' },
    regions: { control: 'text' },
    seed: { control: 'text' },
  },
  render: (a) => html`<ls-tradeoff-explorer
    mode=${ifDefined(a.mode)}
    replication=${ifDefined(a.replication)}
    rtt=${ifDefined(a.rtt)}
    lag=${ifDefined(a.lag)}
    rate=${ifDefined(a.rate)}
    regions=${ifDefined(a.regions)}
    seed=${ifDefined(a.seed)}
    .config=${{ ...partition, time: 6000 }}
  ></ls-tradeoff-explorer>`,
};
export default meta;

type Story = StoryObj<Args>;

/** CP: eu (2 of 5 replicas) is cut off from 3 s to 7 s and refuses every request; us keeps a majority and stays consistent. */
export const PartitionCP: Story = {
  name: 'Partition with CP: the minority is unavailable',
  tags: ['bench'],
};

/** The same partition with AP: nothing fails, but eu reads stale values, both sides write, and on heal LWW drops a write. */
export const PartitionAP: Story = {
  name: 'Same partition with AP: stale reads, divergence, LWW on heal',
  args: { mode: 'ap' },
  render: (a) => html`<ls-tradeoff-explorer mode=${ifDefined(a.mode)} .config=${{ ...partition, time: 7500, title: 'AP: eu keeps answering while cut off' }}></ls-tradeoff-explorer>`,
};

/** No partition. Above: synchronous replication (every write pays the 80 ms round trip, no stale reads). Below: asynchronous (1 ms writes, stale reads within the lag). */
export const ElseSyncVsAsync: Story = {
  name: 'Healthy network: sync vs async (PACELC else)',
  render: () => html`<div style="display:grid;gap:1rem">
    <ls-tradeoff-explorer .config=${{ replication: 'sync', rate: 5, time: 10_000, title: 'Synchronous: consistency, paid in latency' }}></ls-tradeoff-explorer>
    <ls-tradeoff-explorer .config=${{ replication: 'async', rate: 5, time: 10_000, title: 'Asynchronous: latency, paid in stale reads' }}></ls-tradeoff-explorer>
  </div>`,
};

/** Three regions far apart (150 ms round trips, 400 ms async lag): move the RTT and lag sliders and watch write latency and the stale-read share trade places. */
export const GeoRtt: Story = {
  name: 'Geo-distributed: tune the round trip',
  args: { regions: 'us:2,eu:2,ap:1', rtt: '150', lag: '400', replication: 'async', mode: 'ap', rate: '4' },
  render: (a) => html`<ls-tradeoff-explorer
    mode=${ifDefined(a.mode)}
    replication=${ifDefined(a.replication)}
    rtt=${ifDefined(a.rtt)}
    lag=${ifDefined(a.lag)}
    rate=${ifDefined(a.rate)}
    regions=${ifDefined(a.regions)}
    seed=${ifDefined(a.seed)}
    .config=${{ time: 10_000, title: 'Three regions, 150 ms apart' }}
  ></ls-tradeoff-explorer>`,
};

/** Every problem is reported with its path. */
export const InvalidConfig: Story = {
  name: 'Invalid config',
  render: () => html`<ls-tradeoff-explorer .config=${{ mode: 'ca', rtt: 200, lag: 50, actions: [{ type: 'cut', at: 10, regions: ['mars'] }] }}></ls-tradeoff-explorer>`,
};

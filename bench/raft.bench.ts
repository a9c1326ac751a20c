// Raft model benchmarks: simulated events per second (same `benches` shape as bench/models.bench.ts).
// Each bench's name carries its event count, so events/s = events ÷ (median ms / 1000); `eventsPerSecond`
// measures it directly (`node` the bundled file and call it, or see the console line printed on load).
import { RaftSimulation, type RaftAction, type RaftScenarioInput } from '../src/components/raft-timeline/model.js';

/** A long run with client requests every 100 ms, a crash/restart every 2 s, partitions and message loss. */
function workload(nodes: number, duration: number): RaftScenarioInput {
  const ids = Array.from({ length: nodes }, (_, i) => `S${i + 1}`);
  const events: RaftAction[] = [];
  for (let t = 300, i = 0; t < duration; t += 100, i++) events.push({ at: t, type: 'request', command: `cmd ${i}` });
  for (let t = 1000, i = 0; t + 1500 < duration; t += 2000, i++) {
    const id = ids[(i * 3) % nodes];
    events.push({ at: t, type: 'crash', node: id }, { at: t + 900, type: 'restart', node: id });
  }
  for (let t = 1500; t + 600 < duration; t += 5000) {
    const cut = Math.floor(nodes / 2);
    events.push({ at: t, type: 'partition', groups: [ids.slice(0, cut), ids.slice(cut)] }, { at: t + 600, type: 'heal' });
  }
  events.push({ at: 0, type: 'drop-rate', rate: 0.02 });
  return { nodes: ids, seed: 42, duration, events };
}

const five = workload(5, 60_000);
const nine = workload(9, 60_000);
const count = (sc: RaftScenarioInput) => new RaftSimulation(sc, { checkpointEvery: 0 }).run().events.length;
const fiveEvents = count(five);
const nineEvents = count(nine);

/** Best of `runs` timed runs, in simulated events per real second. */
export function eventsPerSecond(sc: RaftScenarioInput, runs = 5): number {
  let best = Infinity;
  let events = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    events = new RaftSimulation(sc, { checkpointEvery: 0 }).run().events.length;
    best = Math.min(best, performance.now() - t0);
  }
  return Math.round(events / (best / 1000));
}

const fmt = (n: number) => n.toLocaleString('en-US');

export const benches: { name: string; run: () => void; iterations?: number }[] = [
  {
    name: `raft: 5 nodes, 60 s simulated, requests + crashes + partitions + 2% loss (${fmt(fiveEvents)} events)`,
    run: () => void new RaftSimulation(five, { checkpointEvery: 0 }).run(),
  },
  {
    name: `raft: 9 nodes, 60 s simulated, requests + crashes + partitions + 2% loss (${fmt(nineEvents)} events)`,
    run: () => void new RaftSimulation(nine, { checkpointEvery: 0 }).run(),
  },
  {
    name: 'raft: 5 nodes, same run with automatic checkpoints every 1 s and seek back to 30 s',
    run: () => void new RaftSimulation(five).run().seek(30_000),
  },
];

console.log(`raft: ${fmt(eventsPerSecond(five))} events/s (5 nodes), ${fmt(eventsPerSecond(nine))} events/s (9 nodes)`);

// Model benchmarks of the visualizations added with set 1, at the largest configurations their schemas accept:
// each element computes its whole run when configured, so this is the work before its first render.
import { parse, type Schema } from '../src/core/validate.js';
import { BalancerScenario, balancerConfigSchema } from '../src/components/load-balancer/model.js';
import { cacheConfigSchema, simulateEviction, simulateStampede } from '../src/components/cache-simulator/model.js';
import { QuorumScenario, quorumConfigSchema } from '../src/components/quorum-replication/model.js';
import { TradeoffScenario, tradeoffConfigSchema } from '../src/components/tradeoff-explorer/model.js';

function cfg<T>(schema: Schema<T>, input: Record<string, unknown>): T {
  const r = parse(schema, input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const balancer = cfg(balancerConfigSchema, { rate: 166, duration: 120_000, actions: [{ at: 30_000, type: 'fail', server: 'B' }] });
const eviction = cfg(cacheConfigSchema, { keys: 2000, length: 2000, capacity: 64, maxSize: 128, scan: { every: 100, length: 30 } });
const stampede = cfg(cacheConfigSchema, { mode: 'stampede', duration: 60_000 });
const writes = Array.from({ length: 110 }, (_, i) => ({ type: i % 3 ? 'write' : 'read', at: i * 500, client: i % 2 ? 'X' : 'Y', ...(i % 3 ? { value: `v${i}` } : {}) }));
const quorum = cfg(quorumConfigSchema, { n: 5, r: 3, w: 3, spares: 3, sloppy: true, actions: writes });

export const benches: { name: string; run: () => void; iterations?: number }[] = [
  { name: 'load balancer: 7 algorithms × ~20 000 requests (the most a config may ask), one failure', iterations: 5, run: () => void new BalancerScenario(balancer) },
  { name: 'cache: 4 policies + MIN over 2 000 requests, hit-ratio curve at up to 32 sizes', iterations: 5, run: () => void simulateEviction(eviction) },
  { name: 'cache: stampede, 60 s, all four variants', run: () => void ['none', 'coalesce', 'jitter', 'both'].forEach((v) => simulateStampede(stampede, v as 'none')) },
  { name: 'quorum: N=5 + 3 spares, 110 reads and writes, every message', run: () => void new QuorumScenario(quorum) },
  { name: 'trade-off explorer: default run and the four fixed policies', run: () => void new TradeoffScenario(cfg(tradeoffConfigSchema, {})) },
];

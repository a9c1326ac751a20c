// Model benchmarks for `npm run bench` (scripts/bench.mjs bundles and runs this file on Node).
import { parse } from '../src/core/validate.js';
import { RingScenario, ringConfigSchema, type RingConfig } from '../src/components/consistent-hash-ring/model.js';

function cfg(input: Record<string, unknown>): RingConfig {
  const r = parse(ringConfigSchema, input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const bigNodes = Array.from({ length: 100 }, (_, i) => `n${i}`);
const big = cfg({ nodes: bigNodes, vnodes: 500, keyCount: 100_000, actions: [{ type: 'add', id: 'new' }] });

export const benches: { name: string; run: () => void; iterations?: number }[] = [
  {
    name: 'ring: build 100 nodes × 500 vnodes and place 100 000 keys',
    run: () => void new RingScenario(big).stateAt(0),
  },
  {
    name: 'ring: node joins a 100 × 500 ring with 100 000 keys (both states + diff)',
    run: () => void new RingScenario(big).stateAt(1),
  },
  {
    name: 'ring: generate and validate a 100 000-key config',
    run: () => void cfg({ nodes: bigNodes, vnodes: 500, keyCount: 100_000 }),
  },
  {
    name: 'ring: 1 000 000 lookups on a 50 000-vnode ring',
    iterations: 5,
    run: () => {
      const ring = new RingScenario(cfg({ nodes: bigNodes, vnodes: 500, keyCount: 0 })).stateAt(0).ring;
      let x = 0;
      for (let i = 0; i < 1_000_000; i++) x ^= ring.ownerIndexOfHash((i * 2654435761) >>> 0);
      if (x < 0) throw new Error('unreachable');
    },
  },
];

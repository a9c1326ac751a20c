// Every model benchmark `npm run bench` runs (scripts/bench.mjs bundles this file for Node).
import { benches as models } from './models.bench.js';
import { benches as raft } from './raft.bench.js';
import { benches as viz } from './viz-set1.bench.js';

export const benches = [...models, ...raft, ...viz];

/**
 * A load balancer in front of a pool of servers, as a pure and deterministic model (no DOM, no
 * wall clock, no unseeded randomness): a seeded discrete-event simulation over simulated ms.
 *
 * **Traffic.** Requests arrive as a Poisson process at `rate` per second. Each carries a client key
 * (`user-1` … `user-K`, drawn from a Zipf law with exponent `keySkew`: 0 = every key equally likely,
 * larger = a few hot keys) and an amount of work w with mean 1 (`distribution`: exponential, constant
 * or lognormal with σ = 1). The arrival stream is drawn once from `seed` and **every algorithm
 * receives exactly the same stream**, so their numbers can be compared side by side.
 *
 * **Servers.** Server s has `concurrency` workers, a FIFO queue and a `speed`: a request takes
 * w · serviceTime / speed ms once a worker picks it up. A server the learner fails (`actions`) drops
 * everything it holds (those requests fail at that instant) and a request sent to it while it is down
 * fails after `failTimeout` ms (a connect timeout; 0 = refused at once). A recovered server starts
 * empty.
 *
 * **Health checks.** Every `interval` ms the balancer probes every server. A probe of a live server
 * succeeds at once; a probe of a dead one fails when its `timeout` expires. `unhealthyThreshold`
 * consecutive failures mark a server unhealthy (no more traffic); `healthyThreshold` consecutive
 * successes mark it healthy again. Between a failure and its detection the balancer keeps sending
 * the dead server its share, and those requests fail: detection takes up to about
 * unhealthyThreshold × interval + timeout. When no server is marked healthy a request fails at once
 * (a 503; real balancers often "fail open" instead).
 *
 * **Algorithms** (each picks among the servers marked healthy):
 * - `round-robin`: the next server in turn.
 * - `weighted-round-robin`: NGINX's smooth weighted round robin by `weight`.
 * - `least-connections`: fewest requests in flight (queued + in service); ties at random.
 * - `random`: uniform.
 * - `power-of-two`: two distinct servers at random, the one with fewer in flight.
 * - `least-latency`: lowest EWMA of observed latency × (in flight + 1) (Finagle/Linkerd's cost);
 *   the average starts at `serviceTime` and moves by α = 0.2 towards each response's latency.
 * - `consistent-hash`: the key's position on a ring of 64 virtual nodes per healthy server
 *   (MurmurHash3); a key keeps its server while the healthy set is unchanged.
 */
import { murmur3 } from '../../core/hash.js';
import { createRng, type Rng } from '../../core/prng.js';
import * as v from '../../core/validate.js';

export const ALGORITHMS = ['round-robin', 'weighted-round-robin', 'least-connections', 'random', 'power-of-two', 'least-latency', 'consistent-hash'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];
export type Distribution = 'exponential' | 'constant' | 'lognormal';
/** Why a request failed: sent to a dead server, dropped when its server died, or no healthy server. */
export type FailCause = 'dead' | 'reset' | 'none';

export const MAX_SERVERS = 10;
export const MAX_REQUESTS = 20_000;
export const MAX_ACTIONS = 100;
export const VNODES = 64;
export const EWMA_ALPHA = 0.2;
/** Samples of the per-server charts. */
export const SAMPLES = 120;

export interface ServerSpec {
  id: string;
  speed: number;
  concurrency: number;
  weight: number;
}
export interface HealthCheck {
  interval: number;
  timeout: number;
  unhealthyThreshold: number;
  healthyThreshold: number;
}
export interface ServerAction {
  at: number;
  type: 'fail' | 'recover';
  server: string;
}
export interface BalancerConfig {
  seed: number;
  duration: number;
  rate: number;
  servers: ServerSpec[];
  serviceTime: number;
  distribution: Distribution;
  keys: number;
  keySkew: number;
  failTimeout: number;
  healthCheck: HealthCheck;
  algorithms: Algorithm[];
  actions: ServerAction[];
  focus?: Algorithm;
  time: number;
  title?: string;
}

// ───────────────────────────── config ─────────────────────────────

const ID = /^[A-Za-z0-9][\w.-]{0,23}$/;
const idSchema = v.string({ pattern: ID, describe: 'an id of 1–24 letters, digits, ".", "-" or "_"' });
const serverObject = v.object(
  {
    id: v.describe(idSchema, 'Server name.'),
    speed: v.optional(v.describe(v.number({ min: 0.05, max: 20 }), 'Relative speed: a request takes work × serviceTime / speed ms.'), 1),
    concurrency: v.optional(v.describe(v.number({ integer: true, min: 1, max: 64 }), 'Requests served in parallel; the rest wait in its queue.'), 1),
    weight: v.optional(v.describe(v.number({ integer: true, min: 1, max: 100 }), 'Weight for weighted round robin.'), 1),
  },
  { name: 'a server id or { id, speed?, concurrency?, weight? }' },
);
const serverSchema: v.Schema<ServerSpec> = {
  ...serverObject,
  spec: { type: 'union', of: [idSchema, serverObject] as v.Schema<unknown>[] },
  check(input, path, issues) {
    return serverObject.check(typeof input === 'string' ? { id: input } : input, path, issues);
  },
};
const hcSchema = v.object({
  interval: v.optional(v.describe(v.number({ min: 100, max: 60_000 }), 'ms between probes.'), 2000),
  timeout: v.optional(v.describe(v.number({ min: 0, max: 30_000 }), 'ms before a probe of a dead server counts as failed.'), 500),
  unhealthyThreshold: v.optional(v.describe(v.number({ integer: true, min: 1, max: 10 }), 'Consecutive failed probes before a server is removed.'), 2),
  healthyThreshold: v.optional(v.describe(v.number({ integer: true, min: 1, max: 10 }), 'Consecutive good probes before it is added back.'), 2),
});
const actionSchema = v.object(
  {
    at: v.describe(v.number({ min: 0 }), 'Simulated ms.'),
    type: v.describe(v.oneOf(['fail', 'recover'] as const), 'Kill the server or bring it back.'),
    server: v.describe(idSchema, 'Server id.'),
  },
  { name: '{ at, type, server }' },
);
const DEFAULT_SERVERS: ServerSpec[] = ['A', 'B', 'C', 'D'].map((id, i) => ({ id, speed: i === 3 ? 0.4 : 1, concurrency: 2, weight: i === 3 ? 1 : 2 }));

const rawSchema = v.object({
  seed: v.optional(v.describe(v.number({ integer: true, min: 0, max: 2 ** 32 - 1 }), 'Seed of arrivals, keys, work and random choices.'), 1),
  duration: v.optional(v.describe(v.number({ integer: true, min: 1000, max: 120_000 }), 'Simulated ms.'), 30_000),
  rate: v.optional(v.describe(v.number({ min: 0.1, max: 500 }), 'Requests per second (Poisson).'), 45),
  servers: v.optional(v.describe(v.array(serverSchema, { minItems: 1, maxItems: MAX_SERVERS, uniqueBy: v.idKey, uniqueName: 'id' }), 'The pool.'), DEFAULT_SERVERS),
  serviceTime: v.optional(v.describe(v.number({ min: 1, max: 10_000 }), 'Mean service time at speed 1, ms.'), 100),
  distribution: v.optional(v.describe(v.oneOf(['exponential', 'constant', 'lognormal'] as const), 'Spread of the work per request (mean 1).'), 'exponential'),
  keys: v.optional(v.describe(v.number({ integer: true, min: 1, max: 10_000 }), 'Distinct client keys (sessions).'), 200),
  keySkew: v.optional(v.describe(v.number({ min: 0, max: 3 }), 'Zipf exponent of key popularity (0 = uniform).'), 0),
  failTimeout: v.optional(v.describe(v.number({ min: 0, max: 30_000 }), 'ms until a request sent to a dead server fails.'), 1000),
  healthCheck: v.optional(v.describe(hcSchema, 'Active health checks.'), { interval: 2000, timeout: 500, unhealthyThreshold: 2, healthyThreshold: 2 }),
  algorithms: v.optional(v.describe(v.array(v.oneOf(ALGORITHMS), { minItems: 1, uniqueBy: v.idKey, uniqueName: 'algorithm' }), 'Algorithms to compare.'), [...ALGORITHMS]),
  actions: v.optional(v.describe(v.array(actionSchema, { maxItems: MAX_ACTIONS }), 'Server failures and recoveries, in time order.'), []),
  focus: v.optional(v.describe(v.oneOf(ALGORITHMS), 'The algorithm shown in detail (default: the first).')),
  time: v.optional(v.describe(v.number({ min: 0 }), 'Where the player starts, ms.'), 0),
  title: v.optional(v.describe(v.string({ maxLength: 200 }), 'Accessible name and visible title.')),
});

/** Validates a load-balancer scenario and fills defaults. */
export const balancerConfigSchema: v.Schema<BalancerConfig> = v.refine(rawSchema as v.Schema<BalancerConfig>, (c, path, issues) => {
  const at = (k: string) => v.joinPath(path, k);
  const expected = (c.rate * c.duration) / 1000;
  if (expected > MAX_REQUESTS) issues.push({ path: at('rate'), message: `expected rate × duration ≤ ${MAX_REQUESTS} requests, got ${Math.round(expected)}` });
  if (c.time > c.duration) issues.push({ path: at('time'), message: `expected at most duration (${c.duration}), got ${c.time}` });
  if (c.healthCheck.timeout >= c.healthCheck.interval)
    issues.push({ path: v.joinPath(at('healthCheck'), 'timeout'), message: `expected less than interval (${c.healthCheck.interval}), got ${c.healthCheck.timeout}` });
  if (c.focus && !c.algorithms.includes(c.focus)) issues.push({ path: at('focus'), message: `expected one of the algorithms (${c.algorithms.join(', ')}), got "${c.focus}"` });
  const ids = c.servers.map((s) => s.id);
  const down = new Set<string>();
  c.actions.forEach((a, i) => {
    const p = v.joinPath(at('actions'), i);
    if (a.at > c.duration) issues.push({ path: v.joinPath(p, 'at'), message: `expected at most duration (${c.duration}), got ${a.at}` });
    else if (i > 0 && a.at < c.actions[i - 1].at) issues.push({ path: v.joinPath(p, 'at'), message: `expected actions in time order: ${a.at} comes before ${c.actions[i - 1].at}` });
    if (!ids.includes(a.server)) issues.push({ path: v.joinPath(p, 'server'), message: `expected one of the servers (${ids.join(', ')}), got "${a.server}"` });
    else if (a.type === 'fail' ? down.has(a.server) : !down.has(a.server))
      issues.push({ path: v.joinPath(p, 'type'), message: `server "${a.server}" is already ${a.type === 'fail' ? 'down' : 'up'} at this point` });
    else if (a.type === 'fail') down.add(a.server);
    else down.delete(a.server);
  });
});

// ───────────────────────────── traffic ─────────────────────────────

export interface Arrival {
  id: number;
  /** Arrival time, ms. */
  t: number;
  /** Key index, 0 = the most popular. */
  key: number;
  /** Work, mean 1. */
  work: number;
}

/** Cumulative Zipf probabilities for ranks 1…n with exponent s. */
export function zipfCdf(n: number, s: number): number[] {
  const w = Array.from({ length: n }, (_, i) => (i + 1) ** -s);
  const total = w.reduce((a, b) => a + b, 0);
  let acc = 0;
  return w.map((x) => (acc += x / total));
}

function drawWork(d: Distribution, rng: Rng): number {
  if (d === 'constant') return 1;
  const u = 1 - rng.next();
  if (d === 'exponential') return -Math.log(u);
  // lognormal, σ = 1, μ = −σ²/2 so the mean is 1 (Box–Muller)
  return Math.exp(-0.5 + Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next()));
}

/** The arrival stream every algorithm receives. */
export function arrivals(c: Pick<BalancerConfig, 'seed' | 'rate' | 'duration' | 'keys' | 'keySkew' | 'distribution'>): Arrival[] {
  const rng = createRng(c.seed);
  const cdf = zipfCdf(c.keys, c.keySkew);
  const out: Arrival[] = [];
  let t = 0;
  for (;;) {
    t += (-Math.log(1 - rng.next()) * 1000) / c.rate;
    if (t > c.duration || out.length >= MAX_REQUESTS * 1.2) break;
    const u = rng.next();
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (cdf[m] < u) lo = m + 1;
      else hi = m;
    }
    out.push({ id: out.length, t, key: lo, work: drawWork(c.distribution, rng) });
  }
  return out;
}

export const keyName = (k: number): string => `user-${k + 1}`;

// ───────────────────────────── health ─────────────────────────────

/** Whether server `id` is up at t, given the actions (an action at exactly t has happened). */
export function isUp(actions: readonly ServerAction[], id: string, t: number): boolean {
  let up = true;
  for (const a of actions) {
    if (a.at > t) break;
    if (a.server === id) up = a.type === 'recover';
  }
  return up;
}

export interface Probe {
  /** When its result was known (probe time, + timeout when it failed). */
  at: number;
  server: number;
  ok: boolean;
  /** Consecutive results of this kind so far, this one included. */
  streak: number;
}
export interface HealthEvent {
  at: number;
  server: number;
  healthy: boolean;
}

/** The probes and the resulting marks (healthy / unhealthy) over the run; the same for every algorithm. */
export function healthTimeline(c: Pick<BalancerConfig, 'servers' | 'actions' | 'healthCheck' | 'duration'>): { probes: Probe[]; events: HealthEvent[] } {
  const { interval, timeout, unhealthyThreshold, healthyThreshold } = c.healthCheck;
  const probes: Probe[] = [];
  const events: HealthEvent[] = [];
  c.servers.forEach((s, i) => {
    let marked = true;
    let streak = 0;
    let last = true;
    for (let k = 1; k * interval <= c.duration; k++) {
      const ok = isUp(c.actions, s.id, k * interval);
      const at = ok ? k * interval : k * interval + timeout;
      if (at > c.duration) break;
      streak = ok === last ? streak + 1 : 1;
      last = ok;
      probes.push({ at, server: i, ok, streak });
      if (marked && !ok && streak >= unhealthyThreshold) events.push({ at, server: i, healthy: (marked = false) });
      else if (!marked && ok && streak >= healthyThreshold) events.push({ at, server: i, healthy: (marked = true) });
    }
  });
  const order = (a: { at: number; server: number }, b: { at: number; server: number }) => a.at - b.at || a.server - b.server;
  return { probes: probes.sort(order), events: events.sort(order) };
}

/** Consistent-hash lookup: the server (index into `ids`) owning `key` on a ring of VNODES points per id. */
export function buildRing(ids: readonly string[], members: readonly number[]): (key: string) => number {
  const pts: [number, number][] = [];
  for (const m of members) for (let j = 0; j < VNODES; j++) pts.push([murmur3(`${ids[m]}#${j}`), m]);
  pts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return (key) => {
    const h = murmur3(key);
    let lo = 0;
    let hi = pts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pts[mid][0] < h) lo = mid + 1;
      else hi = mid;
    }
    return pts[lo % pts.length][1];
  };
}

/** For consistent hashing over the servers marked healthy: keys owned per server, and the owner of the hottest key (−1 if none). */
export function keyOwners(c: Pick<BalancerConfig, 'servers' | 'keys'>, marked: readonly boolean[]): { keys: number[]; hot: number } {
  const members = marked.flatMap((m, i) => (m ? [i] : []));
  const keys = c.servers.map(() => 0);
  if (!members.length) return { keys, hot: -1 };
  const ring = buildRing(c.servers.map((s) => s.id), members);
  for (let k = 0; k < c.keys; k++) keys[ring(keyName(k))]++;
  return { keys, hot: ring(keyName(0)) };
}

// ───────────────────────────── simulation ─────────────────────────────

export interface Routed {
  id: number;
  /** Server index, or −1 when no server was healthy. */
  server: number;
  /** Arrival, service start, completion (or failure) times, ms. */
  t: number;
  start: number;
  end: number;
  ok: boolean;
  cause?: FailCause;
}

export interface AlgoRun {
  algo: Algorithm;
  /** One per arrival, in arrival order. */
  requests: Routed[];
}

/** A binary min-heap of requests by end time. */
class Heap {
  items: Routed[] = [];
  push(r: Routed): void {
    const a = this.items;
    a.push(r);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (a[p].end <= a[i].end) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  pop(): Routed {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        let m = i;
        if (l < a.length && a[l].end < a[m].end) m = l;
        if (l + 1 < a.length && a[l + 1].end < a[m].end) m = l + 1;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

/** Runs one algorithm over the shared arrivals and health timeline. */
export function runAlgorithm(c: BalancerConfig, algo: Algorithm, stream: readonly Arrival[], health: readonly HealthEvent[]): AlgoRun {
  const n = c.servers.length;
  const ids = c.servers.map((s) => s.id);
  const rng = createRng((c.seed ^ murmur3(algo)) >>> 0);
  const up = Array<boolean>(n).fill(true);
  const marked = Array<boolean>(n).fill(true);
  const free = c.servers.map((s) => Array<number>(s.concurrency).fill(0));
  const heaps = c.servers.map(() => new Heap());
  const ewma = Array<number>(n).fill(c.serviceTime);
  const score = Array<number>(n).fill(0);
  let rr = 0;
  let ring: ((key: string) => number) | undefined;
  const requests: Routed[] = [];

  const drain = (t: number) => {
    for (let s = 0; s < n; s++) {
      const h = heaps[s];
      while (h.items.length && h.items[0].end <= t) {
        const r = h.pop();
        ewma[s] += EWMA_ALPHA * (r.end - r.t - ewma[s]);
      }
    }
  };
  const leastBy = (list: number[], cost: (s: number) => number): number => {
    let best: number[] = [];
    let bc = Infinity;
    for (const s of list) {
      const k = cost(s);
      if (k < bc) (bc = k), (best = [s]);
      else if (k === bc) best.push(s);
    }
    return best.length === 1 ? best[0] : best[rng.int(best.length)];
  };
  const pick = (list: number[], a: Arrival): number => {
    const load = (s: number) => heaps[s].items.length;
    switch (algo) {
      case 'round-robin':
        return list[rr++ % list.length];
      case 'weighted-round-robin': {
        let total = 0;
        let best = list[0];
        for (const s of list) {
          score[s] += c.servers[s].weight;
          total += c.servers[s].weight;
          if (score[s] > score[best]) best = s;
        }
        score[best] -= total;
        return best;
      }
      case 'least-connections':
        return leastBy(list, load);
      case 'random':
        return list[rng.int(list.length)];
      case 'power-of-two': {
        if (list.length === 1) return list[0];
        const i = rng.int(list.length);
        let j = rng.int(list.length - 1);
        if (j >= i) j++;
        return load(list[j]) < load(list[i]) ? list[j] : list[i];
      }
      case 'least-latency':
        return leastBy(list, (s) => ewma[s] * (load(s) + 1));
      default:
        ring ??= buildRing(ids, list);
        return ring(keyName(a.key));
    }
  };

  type Item = { t: number; p: number; run: () => void };
  const items: Item[] = [];
  for (const act of c.actions) {
    const s = ids.indexOf(act.server);
    items.push({
      t: act.at,
      p: 0,
      run: () => {
        if (act.type === 'recover') {
          up[s] = true;
          free[s].fill(act.at);
          return;
        }
        up[s] = false;
        const keep: Routed[] = [];
        while (heaps[s].items.length) {
          const r = heaps[s].pop();
          if (r.cause) keep.push(r);
          else Object.assign(r, { start: Math.min(r.start, act.at), end: act.at, ok: false, cause: 'reset' as FailCause });
        }
        keep.forEach((r) => heaps[s].push(r));
      },
    });
  }
  for (const e of health)
    items.push({
      t: e.at,
      p: 1,
      run: () => {
        marked[e.server] = e.healthy;
        ring = undefined;
      },
    });
  for (const a of stream)
    items.push({
      t: a.t,
      p: 2,
      run: () => {
        const list = [];
        for (let s = 0; s < n; s++) if (marked[s]) list.push(s);
        if (!list.length) {
          requests.push({ id: a.id, server: -1, t: a.t, start: a.t, end: a.t, ok: false, cause: 'none' });
          return;
        }
        const s = pick(list, a);
        let r: Routed;
        if (!up[s]) r = { id: a.id, server: s, t: a.t, start: a.t, end: a.t + c.failTimeout, ok: false, cause: 'dead' };
        else {
          const f = free[s];
          let w = 0;
          for (let i = 1; i < f.length; i++) if (f[i] < f[w]) w = i;
          const start = Math.max(a.t, f[w]);
          f[w] = start + (a.work * c.serviceTime) / c.servers[s].speed;
          r = { id: a.id, server: s, t: a.t, start, end: f[w], ok: true };
        }
        requests.push(r);
        heaps[s].push(r);
      },
    });
  items.sort((x, y) => x.t - y.t || x.p - y.p);
  for (const it of items) {
    drain(it.t);
    it.run();
  }
  return { algo, requests };
}

// ───────────────────────────── statistics ─────────────────────────────

/** Nearest-rank percentile of an ascending array (undefined when empty). */
export function percentile(sorted: readonly number[], p: number): number | undefined {
  if (!sorted.length) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface ServerNow {
  /** Requests in flight at t (queued + in service + waiting on a dead server). */
  inFlight: number;
  /** Waiting for a worker. */
  queue: number;
  served: number;
  failed: number;
  /** Busy worker time / (concurrency × t), 0–1. */
  util: number;
}

export interface AlgoNow {
  algo: Algorithm;
  arrived: number;
  served: number;
  failed: number;
  inFlight: number;
  p50?: number;
  p95?: number;
  p99?: number;
  /** Served per second since 0. */
  throughput: number;
  servers: ServerNow[];
}

/** The tallies of one run at time t (a request counts once it has arrived; it is served or failed once it ended). */
export function algoAt(c: BalancerConfig, run: AlgoRun, t: number): AlgoNow {
  const servers: ServerNow[] = c.servers.map(() => ({ inFlight: 0, queue: 0, served: 0, failed: 0, util: 0 }));
  const lat: number[] = [];
  let arrived = 0;
  let served = 0;
  let failed = 0;
  let inFlight = 0;
  for (const r of run.requests) {
    if (r.t > t) break;
    arrived++;
    const s = servers[r.server];
    if (s && r.cause !== 'dead') s.util += Math.max(0, Math.min(r.end, t) - r.start);
    if (r.end > t) {
      inFlight++;
      if (s) {
        s.inFlight++;
        if (r.start > t) s.queue++;
      }
    } else if (r.ok) {
      served++;
      s.served++;
      lat.push(r.end - r.t);
    } else {
      failed++;
      if (s) s.failed++;
    }
  }
  servers.forEach((s, i) => (s.util = t > 0 ? s.util / (c.servers[i].concurrency * t) : 0));
  lat.sort((a, b) => a - b);
  return { algo: run.algo, arrived, served, failed, inFlight, p50: percentile(lat, 50), p95: percentile(lat, 95), p99: percentile(lat, 99), throughput: t > 0 ? (served * 1000) / t : 0, servers };
}

/** In flight per server at SAMPLES + 1 evenly spaced times 0…duration. */
export function inFlightSeries(c: BalancerConfig, run: AlgoRun): number[][] {
  const step = c.duration / SAMPLES;
  const out = c.servers.map(() => Array<number>(SAMPLES + 2).fill(0));
  for (const r of run.requests) {
    if (r.server < 0) continue;
    const i0 = Math.ceil(r.t / step - 1e-9);
    const i1 = Math.min(SAMPLES + 1, Math.ceil(r.end / step - 1e-9));
    if (i1 <= i0 || i0 > SAMPLES) continue;
    out[r.server][i0]++;
    out[r.server][i1]--;
  }
  return out.map((d) => {
    let acc = 0;
    return d.slice(0, SAMPLES + 1).map((x) => (acc += x));
  });
}

export interface HealthNow {
  up: boolean;
  marked: boolean;
  /** The last probe result known at t. */
  probe?: Probe;
  /** When the server last went down (if it is down). */
  downSince?: number;
}

/** A run of every algorithm over the same traffic and failures. */
export class BalancerScenario {
  readonly config: BalancerConfig;
  readonly stream: Arrival[];
  readonly probes: Probe[];
  readonly health: HealthEvent[];
  readonly runs: AlgoRun[];
  private series = new Map<Algorithm, number[][]>();

  constructor(config: BalancerConfig) {
    this.config = config;
    this.stream = arrivals(config);
    const h = healthTimeline(config);
    this.probes = h.probes;
    this.health = h.events;
    this.runs = config.algorithms.map((a) => runAlgorithm(config, a, this.stream, this.health));
  }

  get duration(): number {
    return this.config.duration;
  }

  get focus(): Algorithm {
    return this.config.focus ?? this.config.algorithms[0];
  }

  run(algo: Algorithm): AlgoRun {
    return this.runs.find((r) => r.algo === algo) ?? this.runs[0];
  }

  /** Every algorithm's tallies at t. */
  algosAt(t: number): AlgoNow[] {
    return this.runs.map((r) => algoAt(this.config, r, t));
  }

  healthAt(t: number): HealthNow[] {
    return this.config.servers.map((s, i) => {
      let marked = true;
      for (const e of this.health) if (e.at <= t && e.server === i) marked = e.healthy;
      let probe: Probe | undefined;
      for (const p of this.probes) if (p.at <= t && p.server === i) probe = p;
      let downSince: number | undefined;
      for (const a of this.config.actions) if (a.at <= t && a.server === s.id) downSince = a.type === 'fail' ? a.at : undefined;
      return { up: downSince === undefined, marked, probe, downSince };
    });
  }

  seriesOf(algo: Algorithm): number[][] {
    let s = this.series.get(algo);
    if (!s) this.series.set(algo, (s = inFlightSeries(this.config, this.run(algo))));
    return s;
  }

  /** A new scenario with a server failed or recovered at t (later actions dropped, as in an editor's undo). */
  withAction(t: number, type: 'fail' | 'recover', server: string): BalancerScenario {
    const at = Math.round(Math.max(0, Math.min(this.duration, t)));
    const kept = this.config.actions.filter((a) => a.at <= at);
    if (isUp(kept, server, at) !== (type === 'fail') || !this.config.servers.some((s) => s.id === server)) return this;
    let same = -1;
    kept.forEach((a, i) => a.at === at && a.server === server && (same = i));
    // the same server toggled twice at one instant: the second undoes the first
    const actions = same >= 0 ? kept.filter((_, i) => i !== same) : [...kept, { at, type, server }];
    return new BalancerScenario({ ...this.config, actions: actions.slice(-MAX_ACTIONS), time: at });
  }

  withFocus(focus: Algorithm): BalancerScenario {
    const next = Object.create(BalancerScenario.prototype) as BalancerScenario;
    Object.assign(next, this, { config: { ...this.config, focus } });
    return next;
  }

  /** The scenario as JSON config; pasting it back reproduces this run at `time`. */
  toJSON(time = this.config.time): Record<string, unknown> {
    const { title, actions, focus, ...rest } = this.config;
    const out: Record<string, unknown> = { ...rest, servers: rest.servers.map((s) => ({ ...s })), algorithms: [...rest.algorithms], healthCheck: { ...rest.healthCheck } };
    if (actions.length) out.actions = actions.map((a) => ({ ...a }));
    if (focus) out.focus = focus;
    out.time = Math.round(Math.max(0, Math.min(this.duration, time)));
    if (title) out.title = title;
    return out;
  }
}

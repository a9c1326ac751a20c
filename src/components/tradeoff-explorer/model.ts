/**
 * CAP and PACELC on a small replicated register, as a pure and deterministic model (no DOM, no wall
 * clock, no unseeded randomness). The state at any simulated millisecond is a function of the config
 * (seed, topology, policy, recorded actions).
 *
 * **Topology.** Regions (2–4) hold 1–5 replicas each; one client per region talks to its region's
 * first replica, the coordinator. Round trips: client ↔ coordinator and replica ↔ replica in one
 * region `localRtt`, between regions `rtt`; each message's round trip is its base × (1 + jitter·u)
 * with u a seeded uniform draw per request and replica.
 *
 * **Workload.** Each client sends requests as a seeded Poisson stream (`rate` a second), a write with
 * probability `writeRatio`, else a read; the learner adds reads and writes (`actions`). Writes get
 * versions v1, v2, … in issue order, which is also their last-writer-wins timestamp order (clocks are
 * assumed synchronized). A replica holds the highest version it has applied (LWW).
 *
 * **The network.** `cut` actions separate the listed regions from the others (cuts accumulate;
 * `heal` restores every link). Reachability is decided when a request is issued; a message that could
 * not be sent is delivered at the next heal plus a one-way trip (rtt/2): anti-entropy catch-up.
 *
 * **Partition policy (the P in PACELC).**
 * - CP: a request fails unless the coordinator's side holds a majority of all replicas, or while the
 *   coordinator is catching up after a heal (it missed writes; it refuses until they arrive).
 * - AP: every request is served by whatever its side can reach.
 *
 * **Else policy (the E in PACELC).**
 * - sync: a write is acknowledged after every reachable replica applied it (latency = client hop +
 *   slowest round trip, ≥ rtt when another region is reachable).
 * - async: acknowledged after the coordinator applied it (latency = client hop); replicas in the region
 *   apply it after a one-way trip, other regions after `lag` × (1 + jitter·u).
 *
 * Reads are served by the coordinator from its own copy (latency = client hop). A read is **stale** if
 * it returns a version older than the newest write already acknowledged when the read was issued. A
 * write is **lost** when LWW discards it for good: every replica now holds a higher version, no write
 * ever built on it, and a write issued after it was acknowledged overwrote it without having seen it
 * (its coordinator still held an older version).
 */
import { fmix32 } from '../../core/hash.js';
import { createRng } from '../../core/prng.js';
import * as v from '../../core/validate.js';

export type Mode = 'cp' | 'ap';
export type Replication = 'sync' | 'async';
export type Outcome = 'ok' | 'stale' | 'failed';

export interface Region {
  id: string;
  replicas: number;
}

export type Action =
  | { type: 'cut'; at: number; regions: string[] }
  | { type: 'heal'; at: number }
  | { type: 'mode'; at: number; mode: Mode }
  | { type: 'replication'; at: number; replication: Replication }
  | { type: 'read' | 'write'; at: number; client: string };

export interface TradeoffConfig {
  seed: number;
  regions: Region[];
  /** Round trip between regions, ms. */
  rtt: number;
  /** Round trip inside a region (and client ↔ coordinator), ms. */
  localRtt: number;
  /** Async replication delay to other regions, ms (≥ rtt/2). */
  lag: number;
  jitter: number;
  /** Requests a second per client. */
  rate: number;
  writeRatio: number;
  duration: number;
  mode: Mode;
  replication: Replication;
  actions: Action[];
  time: number;
  title?: string;
}

export const MAX_REPLICAS = 9;
const MAX_PER_CLIENT = 400;

// ───────────────────────────── config ─────────────────────────────

const at = v.describe(v.number({ min: 0 }), 'Simulated ms.');
const id = v.string({ pattern: /^[A-Za-z0-9_-]{1,12}$/, describe: 'an id of 1–12 letters, digits, - or _' });
const actionSchema = v.tagged('type', {
  cut: v.object({ type: v.oneOf(['cut']), at, regions: v.describe(v.array(id, { minItems: 1 }), 'Regions cut off from all the others.') }),
  heal: v.object({ type: v.oneOf(['heal']), at }),
  mode: v.object({ type: v.oneOf(['mode']), at, mode: v.oneOf(['cp', 'ap']) }),
  replication: v.object({ type: v.oneOf(['replication']), at, replication: v.oneOf(['sync', 'async']) }),
  read: v.object({ type: v.oneOf(['read']), at, client: v.describe(id, 'The region whose client sends it.') }),
  write: v.object({ type: v.oneOf(['write']), at, client: v.describe(id, 'The region whose client sends it.') }),
} as Record<string, v.Schema<Action>>);

const rawSchema = v.object({
  seed: v.optional(v.describe(v.number({ integer: true, min: 0, max: 2 ** 32 - 1 }), 'Seed of the workload and the network jitter.'), 1),
  regions: v.optional(
    v.describe(
      v.array(v.object({ id, replicas: v.number({ integer: true, min: 1, max: 5 }) }, { name: '{ id, replicas }' }), { minItems: 2, maxItems: 4, uniqueBy: v.idKey, uniqueName: 'id' }),
      'Regions and their replica counts; one client per region.',
    ),
    [
      { id: 'us', replicas: 3 },
      { id: 'eu', replicas: 2 },
    ],
  ),
  rtt: v.optional(v.describe(v.number({ min: 1, max: 1000 }), 'Round trip between regions, ms.'), 80),
  localRtt: v.optional(v.describe(v.number({ min: 0.1, max: 50 }), 'Round trip inside a region and client to coordinator, ms.'), 1),
  lag: v.optional(v.describe(v.number({ min: 0.5, max: 10_000 }), 'Asynchronous replication delay to other regions, ms (at least rtt/2).'), 200),
  jitter: v.optional(v.describe(v.number({ min: 0, max: 2 }), 'Each round trip is its base × (1 + jitter × uniform[0,1)).'), 0.25),
  rate: v.optional(v.describe(v.number({ min: 0, max: 40 }), 'Requests a second from each client.'), 3),
  writeRatio: v.optional(v.describe(v.number({ min: 0, max: 1 }), 'Share of the generated requests that are writes.'), 0.4),
  duration: v.optional(v.describe(v.number({ integer: true, min: 1000, max: 60_000 }), 'Simulated ms to run.'), 10_000),
  mode: v.optional(v.describe(v.oneOf(['cp', 'ap']), 'During a partition: cp refuses requests without a majority, ap serves them.'), 'cp'),
  replication: v.optional(v.describe(v.oneOf(['sync', 'async']), 'Without a partition: sync waits for every reachable replica, async only for the local one.'), 'sync'),
  actions: v.optional(v.describe(v.array(actionSchema, { maxItems: 200 }), 'Recorded actions, in time order.'), []),
  time: v.optional(v.describe(v.number({ min: 0 }), 'Where the player starts, ms.'), 0),
  title: v.optional(v.describe(v.string({ maxLength: 200 }), 'Accessible name and visible title.')),
});

/** Validates a trade-off explorer scenario and fills defaults. */
export const tradeoffConfigSchema: v.Schema<TradeoffConfig> = v.refine(rawSchema as v.Schema<TradeoffConfig>, (c, path, issues) => {
  const push = (p: string, message: string) => issues.push({ path: p, message });
  const total = c.regions.reduce((s, r) => s + r.replicas, 0);
  if (total > MAX_REPLICAS) push(v.joinPath(path, 'regions'), `expected at most ${MAX_REPLICAS} replicas in all, got ${total}`);
  if (c.lag < c.rtt / 2) push(v.joinPath(path, 'lag'), `expected at least rtt/2 (${c.rtt / 2}): replication cannot beat a one-way trip, got ${c.lag}`);
  if (c.time > c.duration) push(v.joinPath(path, 'time'), `expected at most duration (${c.duration}), got ${c.time}`);
  const ids = c.regions.map((r) => r.id);
  const known = `regions: ${ids.join(', ')}`;
  c.actions.forEach((a, i) => {
    const p = v.joinPath(v.joinPath(path, 'actions'), i);
    if (a.at > c.duration) push(v.joinPath(p, 'at'), `expected at most duration (${c.duration}), got ${a.at}`);
    else if (i > 0 && a.at < c.actions[i - 1].at) push(v.joinPath(p, 'at'), `expected actions in time order: ${a.at} comes before ${c.actions[i - 1].at}`);
    if (a.type === 'cut') {
      a.regions.forEach((r, k) => {
        if (!ids.includes(r)) push(v.joinPath(v.joinPath(p, 'regions'), k), `unknown region ${JSON.stringify(r)} (${known})`);
      });
      if (ids.every((r) => a.regions.includes(r))) push(v.joinPath(p, 'regions'), 'expected some regions to stay on the other side, got all of them');
    }
    if ((a.type === 'read' || a.type === 'write') && !ids.includes(a.client)) push(v.joinPath(p, 'client'), `unknown region ${JSON.stringify(a.client)} (${known})`);
  });
});

// ───────────────────────────── the simulation ─────────────────────────────

export interface Replica {
  /** `us-1`, `us-2`, … */
  id: string;
  region: number;
}

export interface Request {
  i: number;
  /** Issue time, ms. */
  t: number;
  /** Region index of the client (and its coordinator). */
  client: number;
  kind: 'read' | 'write';
  /** Sent by the learner (an action). */
  user: boolean;
  mode: Mode;
  replication: Replication;
  outcome: Outcome;
  /** Why it failed (CP only): no majority on its side, or the coordinator is catching up after a heal. */
  reason?: 'minority' | 'catch-up';
  /** Served requests: ms until the client had its answer. */
  latency?: number;
  /** Write: the version written; read: the version returned. */
  version?: number;
  /** Read: the newest version acknowledged when it was issued. */
  latest?: number;
  /** Replicas the coordinator could reach (itself included). */
  reach: number;
  /** Base round trip to the slowest reachable replica (no jitter), ms. */
  baseRtt: number;
}

export interface Write {
  /** Version, from 1. */
  version: number;
  req: number;
  t: number;
  /** Acknowledged at, ms. */
  ack: number;
  region: number;
  /** The version the coordinator held when it was issued (what this write overwrote). */
  pred: number;
  /** When each replica applies it (Infinity: never). */
  apply: number[];
}

export interface Run {
  config: TradeoffConfig;
  replicas: Replica[];
  requests: Request[];
  writes: Write[];
  /** Times of heals that restored at least one cut link. */
  heals: number[];
}

/** A uniform [0, 1) draw keyed by (seed, key, slot): stable when other requests are added. */
function draw(seed: number, key: number, slot: number): number {
  return fmix32((fmix32((seed + Math.imul(key, 0x9e3779b1)) >>> 0) ^ Math.imul(slot + 1, 0x85ebca6b)) >>> 0) / 4294967296;
}

export const majority = (n: number): number => Math.floor(n / 2) + 1;

/** Cut links (as `a,b` region-index pairs, a < b) in force at time t. */
export function cutsAt(c: TradeoffConfig, t: number): Set<string> {
  const ids = c.regions.map((r) => r.id);
  let cut = new Set<string>();
  for (const a of c.actions) {
    if (a.at > t) break;
    if (a.type === 'heal') cut = new Set();
    if (a.type !== 'cut') continue;
    const side = a.regions.map((r) => ids.indexOf(r));
    for (const i of side) for (let j = 0; j < ids.length; j++) if (!side.includes(j)) cut.add(`${Math.min(i, j)},${Math.max(i, j)}`);
  }
  return cut;
}

/** Connected groups of region indexes, given the cut links. */
export function components(regionCount: number, cut: Set<string>): number[][] {
  const seen = new Array<boolean>(regionCount).fill(false);
  const out: number[][] = [];
  for (let s = 0; s < regionCount; s++) {
    if (seen[s]) continue;
    const group = [s];
    seen[s] = true;
    for (let k = 0; k < group.length; k++)
      for (let j = 0; j < regionCount; j++)
        if (!seen[j] && !cut.has(`${Math.min(group[k], j)},${Math.max(group[k], j)}`)) {
          seen[j] = true;
          group.push(j);
        }
    out.push(group.sort((a, b) => a - b));
  }
  return out;
}

/** The policy in force at t (the last recorded switch at or before t wins). */
export function policyAt(c: TradeoffConfig, t: number): { mode: Mode; replication: Replication } {
  let mode = c.mode;
  let replication = c.replication;
  for (const a of c.actions) {
    if (a.at > t) break;
    if (a.type === 'mode') mode = a.mode;
    if (a.type === 'replication') replication = a.replication;
  }
  return { mode, replication };
}

interface Pending {
  t: number;
  client: number;
  kind: 'read' | 'write';
  user: boolean;
  key: number;
}

/** The seeded request stream plus the learner's reads and writes, in issue order. */
function workload(c: TradeoffConfig): Pending[] {
  const out: Pending[] = [];
  c.regions.forEach((_, client) => {
    if (c.rate <= 0) return;
    const rng = createRng(fmix32((c.seed + Math.imul(client + 1, 0x9e3779b1)) >>> 0));
    let t = 0;
    for (let n = 0; n < MAX_PER_CLIENT; n++) {
      t += (-Math.log(1 - rng.next()) * 1000) / c.rate;
      const kind = rng.next() < c.writeRatio ? 'write' : 'read';
      if (Math.round(t) > c.duration) break;
      out.push({ t: Math.round(t), client, kind, user: false, key: (client << 16) | n });
    }
  });
  c.actions.forEach((a, n) => {
    if (a.type === 'read' || a.type === 'write') out.push({ t: a.at, client: c.regions.findIndex((r) => r.id === a.client), kind: a.type, user: true, key: 0x7fff0000 + n });
  });
  return out.sort((a, b) => a.t - b.t || a.client - b.client || a.key - b.key);
}

/** The highest version replica `r` has applied by time t (0: the initial value). */
export function versionAt(writes: readonly Write[], r: number, t: number): number {
  for (let k = writes.length - 1; k >= 0; k--) if (writes[k].apply[r] <= t) return writes[k].version;
  return 0;
}

/** The newest version acknowledged by time t. */
export function latestAcked(writes: readonly Write[], t: number): number {
  let best = 0;
  for (const w of writes) if (w.ack <= t && w.version > best) best = w.version;
  return best;
}

/** Runs the whole scenario. `force` replaces the policy for the whole run (switch actions ignored). */
export function simulate(c: TradeoffConfig, force?: { mode: Mode; replication: Replication }): Run {
  const replicas: Replica[] = [];
  const home: number[] = [];
  c.regions.forEach((r, ri) => {
    home.push(replicas.length);
    for (let k = 1; k <= r.replicas; k++) replicas.push({ id: `${r.id}-${k}`, region: ri });
  });
  const N = replicas.length;
  const seed = c.seed >>> 0;
  const heals: number[] = [];
  for (const a of c.actions) if (a.type === 'heal' && cutsAt(c, a.at - 1e-9).size > 0 && !heals.includes(a.at)) heals.push(a.at);
  const half = c.rtt / 2;
  const requests: Request[] = [];
  const writes: Write[] = [];
  // per replica: the heal windows [h, h + rtt/2) in which it catches up on missed writes
  const catchUp: number[][] = replicas.map(() => []);

  for (const p of workload(c)) {
    const { mode, replication } = force ?? policyAt(c, p.t);
    const coord = home[p.client];
    const comps = components(c.regions.length, cutsAt(c, p.t));
    const side = comps.find((g) => g.includes(p.client))!;
    const reachable = replicas.map((r) => side.includes(r.region));
    const reach = reachable.filter(Boolean).length;
    const base = replicas.map((r, j) => (j === coord || !reachable[j] ? 0 : r.region === p.client ? c.localRtt : c.rtt));
    const req: Request = { i: requests.length, t: p.t, client: p.client, kind: p.kind, user: p.user, mode, replication, outcome: 'ok', reach, baseRtt: Math.max(...base) };
    requests.push(req);
    if (mode === 'cp' && reach < majority(N)) {
      req.outcome = 'failed';
      req.reason = 'minority';
      continue;
    }
    if (mode === 'cp' && catchUp[coord].some((h) => p.t >= h && p.t < h + half)) {
      req.outcome = 'failed';
      req.reason = 'catch-up';
      continue;
    }
    const u = (slot: number) => 1 + c.jitter * draw(seed, p.key, slot);
    const hop = c.localRtt * u(N);
    if (p.kind === 'read') {
      req.version = versionAt(writes, coord, p.t);
      req.latest = latestAcked(writes, p.t);
      req.latency = hop;
      if (req.version < req.latest) req.outcome = 'stale';
      continue;
    }
    const heal = heals.find((h) => h > p.t);
    const rt = base.map((b, j) => b * u(j));
    const apply = replicas.map((r, j) => {
      if (!reachable[j]) {
        if (heal === undefined) return Infinity;
        if (!catchUp[j].includes(heal)) catchUp[j].push(heal);
        return heal + half;
      }
      const sent = p.t + hop / 2;
      if (j === coord) return sent;
      return sent + (replication === 'async' && r.region !== p.client ? c.lag * u(j) : rt[j] / 2);
    });
    req.latency = replication === 'sync' ? hop + Math.max(...rt) : hop;
    req.version = writes.length + 1;
    writes.push({ version: req.version, req: req.i, t: p.t, ack: p.t + req.latency, region: p.client, pred: versionAt(writes, coord, p.t), apply });
  }
  return { config: c, replicas, requests, writes, heals };
}

/** Versions lost for good by time t (see the module comment). */
export function lostWrites(run: Run, t: number): number[] {
  const ws = run.writes.filter((w) => w.t <= t);
  let floor = Infinity;
  for (let r = 0; r < run.replicas.length; r++) floor = Math.min(floor, versionAt(ws, r, t));
  const built = new Set(ws.map((w) => w.pred));
  return ws
    .filter((w) => w.ack <= t && w.version < floor && !built.has(w.version) && ws.some((x) => x.version > w.version && x.t >= w.ack && x.pred < w.version))
    .map((w) => w.version);
}

/** Nearest-rank percentile of a list (0 when empty). */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export interface Tally {
  requests: number;
  reads: number;
  ok: number;
  stale: number;
  failed: number;
  lost: number;
  /** Write latency, ms. */
  p50: number;
  p99: number;
  /** Read latency, ms. */
  readP50: number;
}

/** Counters over the requests issued by time t. */
export function tally(run: Run, t: number): Tally {
  const done = run.requests.filter((r) => r.t <= t);
  const served = (k: string) => done.filter((r) => r.kind === k && r.latency !== undefined).map((r) => r.latency!);
  const wl = served('write');
  const count = (o: Outcome) => done.filter((r) => r.outcome === o).length;
  return {
    requests: done.length,
    reads: done.filter((r) => r.kind === 'read').length,
    ok: count('ok'),
    stale: count('stale'),
    failed: count('failed'),
    lost: lostWrites(run, t).length,
    p50: percentile(wl, 50),
    p99: percentile(wl, 99),
    readP50: percentile(served('read'), 50),
  };
}

export interface Snapshot {
  t: number;
  mode: Mode;
  replication: Replication;
  /** Connected groups of region indexes (one group: no partition). */
  groups: number[][];
  cut: Set<string>;
  /** Each replica's version now. */
  versions: number[];
  /** The newest acknowledged version now. */
  latest: number;
  /** Each client's most recent request (issued by t). */
  last: (Request | undefined)[];
  tally: Tally;
  lost: number[];
}

/** A run with the recorded-action editing the view needs; states are recomputed, never mutated. */
export class TradeoffScenario {
  readonly run: Run;
  private memo = new Map<string, Tally>();

  constructor(readonly config: TradeoffConfig) {
    this.run = simulate(config);
  }

  get duration(): number {
    return this.config.duration;
  }

  stateAt(t: number): Snapshot {
    const c = this.config;
    const { writes, requests } = this.run;
    const cut = cutsAt(c, t);
    const last = c.regions.map((_, i) => requests.filter((r) => r.client === i && r.t <= t).at(-1));
    return {
      t,
      ...policyAt(c, t),
      cut,
      groups: components(c.regions.length, cut),
      versions: this.run.replicas.map((_, r) => versionAt(writes, r, t)),
      latest: latestAcked(writes, t),
      last,
      tally: tally(this.run, t),
      lost: lostWrites(this.run, t),
    };
  }

  /** Whole-run totals of this workload under each fixed policy (PC/EC, PC/EL, PA/EC, PA/EL). */
  compare(): { mode: Mode; replication: Replication; tally: Tally }[] {
    return (['cp', 'ap'] as const).flatMap((mode) =>
      (['sync', 'async'] as const).map((replication) => {
        const k = mode + replication;
        if (!this.memo.has(k)) this.memo.set(k, tally(simulate(this.config, { mode, replication }), this.config.duration));
        return { mode, replication, tally: this.memo.get(k)! };
      }),
    );
  }

  /**
   * Records an action at its time. Later actions of the same kind are dropped, as in an editor's undo
   * history (a cut or heal drops later cuts and heals; a mode switch drops later mode switches);
   * requests and other kinds of action are kept.
   */
  withAction(action: Action): TradeoffScenario {
    const c = this.config;
    const kind = (a: Action) => (a.type === 'cut' || a.type === 'heal' ? 'net' : a.type === 'read' || a.type === 'write' ? '' : a.type);
    const keep = c.actions.filter((a) => a.at <= action.at || kind(a) !== kind(action) || !kind(a));
    if ((action.type === 'mode' || action.type === 'replication') && action.at === 0)
      return new TradeoffScenario({ ...c, [action.type]: action.type === 'mode' ? action.mode : action.replication, actions: keep.filter((a) => a.type !== action.type) });
    const n = keep.filter((a) => a.at <= action.at).length;
    return new TradeoffScenario({ ...c, actions: [...keep.slice(0, n), action, ...keep.slice(n)] });
  }

  /** Same actions, other parameters (round trips, lag, rate…). */
  withParams(patch: Partial<Pick<TradeoffConfig, 'rtt' | 'lag' | 'localRtt' | 'rate' | 'writeRatio' | 'jitter'>>): TradeoffScenario {
    const next = { ...this.config, ...patch };
    next.lag = Math.max(next.lag, next.rtt / 2);
    return new TradeoffScenario(next);
  }

  /** A config that reproduces this run, starting at `time`. */
  toJSON(time: number): Record<string, unknown> {
    const { title, ...rest } = this.config;
    return { ...rest, actions: rest.actions.map((a) => ({ ...a })), time: Math.round(time), ...(title ? { title } : {}) };
  }
}

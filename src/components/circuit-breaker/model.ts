/**
 * A circuit breaker in front of a flaky downstream service, as a pure and deterministic model (no
 * DOM, no wall clock, no unseeded randomness): a seeded discrete-event simulation over simulated milliseconds.
 *
 * **The client.** `rps` requests a second arrive evenly spaced (request i at i·1000/rps ms). Each
 * request makes a first attempt and, on failure, up to `retries` more. The delay before retry k
 * (k = 0 for the first retry) is:
 *
 *   ```text
 *   backoff "none"        0                                   (naive: retry at once)
 *   backoff "exponential" min(maxDelay, baseDelay · 2^k)
 *   backoff "jitter"      uniform[0, min(maxDelay, baseDelay · 2^k))   ("full jitter", AWS)
 *   ```
 *
 *   An attempt the breaker rejects (short-circuited) fails at once and is **not** retried: the
 *   client treats an open circuit as "fail fast", as Resilience4j's Retry does when
 *   CallNotPermittedException is among its ignored exceptions.
 *
 * **The downstream.** It has a base failure rate f and latency ℓ that the learner sets and may
 * change over time (`changes`, each `{ at, failureRate?, latency? }`), a `capacity` in calls a
 * second and a client `timeout`. Its load L is the number of calls that reached it in the last
 * 1000 ms, this one included. Overload makes it slower and makes it fail:
 *
 *   ```text
 *   latency   d = ℓ · max(1, L / capacity)
 *   P(fail)   = 1 − (1 − f) · min(1, capacity / L)
 *   a call with d ≥ timeout fails (a timeout) after `timeout` ms
 *   ```
 *
 *   so retries that multiply the load on a struggling service make it fail more — a retry storm.
 *
 * **The breaker** follows Resilience4j's count-based circuit breaker:
 * - CLOSED: calls pass; each completed call is recorded in a sliding window of the last
 *   `windowSize` outcomes. Once at least `minimumCalls` are recorded and the failure rate in the
 *   window is ≥ `failureThreshold` %, it trips to OPEN.
 * - OPEN: every call is rejected at once (short-circuited) for `openDuration` ms, then the breaker
 *   moves to HALF_OPEN by itself (`automaticTransitionFromOpenToHalfOpenEnabled`).
 * - HALF_OPEN: the first `halfOpenCalls` calls are let through and the rest rejected; when all of
 *   them have completed, a failure rate ≥ the threshold trips it OPEN again, otherwise it CLOSES.
 * - Every transition starts a fresh window; simplification: a call let through before the last
 *   transition is not recorded when it completes (Resilience4j records it in the new state).
 *   Slow-call thresholds and time-based windows are not modelled.
 *
 * A run is a pure function of the config; the view asks `stateAt(t)` for any t.
 */
import { createRng } from '../../core/prng.js';
import * as v from '../../core/validate.js';

export type BreakerState = 'closed' | 'open' | 'half-open';
export type Backoff = 'none' | 'exponential' | 'jitter';
export type Outcome = 'success' | 'failure' | 'rejected';

export const MAX_DURATION = 300_000;
export const MAX_RPS = 200;
export const MAX_RETRIES = 6;
export const MAX_CHANGES = 200;
/** Width of a chart bucket and of the load window, ms. */
export const BUCKET = 1000;

export interface DownstreamChange {
  /** Simulated ms. */
  at: number;
  /** 0…1. */
  failureRate?: number;
  /** ms. */
  latency?: number;
}

export interface BreakerConfig {
  seed: number;
  /** Simulated ms. */
  duration: number;
  rps: number;
  failureRate: number;
  latency: number;
  capacity: number;
  timeout: number;
  changes: DownstreamChange[];
  breaker: boolean;
  windowSize: number;
  minimumCalls: number;
  /** Percent, 1–100. */
  failureThreshold: number;
  openDuration: number;
  halfOpenCalls: number;
  retries: number;
  backoff: Backoff;
  baseDelay: number;
  maxDelay: number;
  /** Where the player starts, ms. */
  time: number;
  title?: string;
}

// ───────────────────────────── config ─────────────────────────────

const ms = (max: number) => v.number({ min: 0, max });
const changeSchema = v.object(
  {
    at: v.describe(ms(MAX_DURATION), 'Simulated ms at which the downstream changes.'),
    failureRate: v.optional(v.describe(v.number({ min: 0, max: 1 }), 'New base failure rate, 0–1.')),
    latency: v.optional(v.describe(v.number({ min: 1, max: 10_000 }), 'New base latency, ms.')),
  },
  { name: '{ at, failureRate?, latency? }' },
);

const rawSchema = v.object({
  seed: v.optional(v.describe(v.number({ integer: true, min: 0, max: 2 ** 32 - 1 }), 'Seed of the failures and the jitter.'), 1),
  duration: v.optional(v.describe(v.number({ integer: true, min: 1000, max: MAX_DURATION }), 'Simulated ms to run.'), 60_000),
  rps: v.optional(v.describe(v.number({ min: 0.1, max: MAX_RPS }), 'Client requests a second.'), 20),
  failureRate: v.optional(v.describe(v.number({ min: 0, max: 1 }), 'Downstream base failure rate at t = 0, 0–1.'), 0.02),
  latency: v.optional(v.describe(v.number({ min: 1, max: 10_000 }), 'Downstream base latency at t = 0, ms.'), 100),
  capacity: v.optional(v.describe(v.number({ min: 1, max: 10_000 }), 'Calls a second the downstream serves before it slows down and fails.'), 40),
  timeout: v.optional(v.describe(v.number({ min: 1, max: 60_000 }), 'Client timeout, ms.'), 1000),
  changes: v.optional(v.describe(v.array(changeSchema, { maxItems: MAX_CHANGES }), 'Changes to the downstream over time, in order of `at`.'), []),
  breaker: v.optional(v.describe(v.boolean(), 'Put a circuit breaker in front of the downstream.'), true),
  windowSize: v.optional(v.describe(v.number({ integer: true, min: 1, max: 1000 }), 'Sliding window: the last N calls (slidingWindowSize).'), 20),
  minimumCalls: v.optional(v.describe(v.number({ integer: true, min: 1, max: 1000 }), 'Calls recorded before the rate is judged (minimumNumberOfCalls).'), 10),
  failureThreshold: v.optional(v.describe(v.number({ min: 1, max: 100 }), 'Failure rate in percent that opens the breaker (failureRateThreshold).'), 50),
  openDuration: v.optional(v.describe(v.number({ integer: true, min: 1, max: MAX_DURATION }), 'ms the breaker stays open (waitDurationInOpenState).'), 5000),
  halfOpenCalls: v.optional(v.describe(v.number({ integer: true, min: 1, max: 100 }), 'Trial calls let through when half-open (permittedNumberOfCallsInHalfOpenState).'), 3),
  retries: v.optional(v.describe(v.number({ integer: true, min: 0, max: MAX_RETRIES }), 'Retries after a failed attempt.'), 3),
  backoff: v.optional(v.describe(v.oneOf(['none', 'exponential', 'jitter'] as const), 'Delay before a retry: none (at once), exponential, or exponential with full jitter.'), 'jitter'),
  baseDelay: v.optional(v.describe(v.number({ min: 1, max: 60_000 }), 'First back-off delay, ms.'), 200),
  maxDelay: v.optional(v.describe(v.number({ min: 1, max: 120_000 }), 'Largest back-off delay, ms.'), 5000),
  time: v.optional(v.describe(v.number({ min: 0 }), 'Where the player starts, ms (default 0).'), 0),
  title: v.optional(v.describe(v.string({ maxLength: 200 }), 'Accessible name and visible title.')),
});

/** Validates a circuit-breaker scenario and fills defaults. */
export const breakerConfigSchema: v.Schema<BreakerConfig> = v.refine(rawSchema as v.Schema<BreakerConfig>, (c, path, issues) => {
  if (c.minimumCalls > c.windowSize)
    issues.push({ path: v.joinPath(path, 'minimumCalls'), message: `expected at most windowSize (${c.windowSize}), got ${c.minimumCalls}` });
  if (c.baseDelay > c.maxDelay) issues.push({ path: v.joinPath(path, 'baseDelay'), message: `expected at most maxDelay (${c.maxDelay}), got ${c.baseDelay}` });
  if (c.time > c.duration) issues.push({ path: v.joinPath(path, 'time'), message: `expected at most duration (${c.duration}), got ${c.time}` });
  c.changes.forEach((ch, i) => {
    const p = v.joinPath(v.joinPath(path, 'changes'), i);
    if (ch.at > c.duration) issues.push({ path: v.joinPath(p, 'at'), message: `expected at most duration (${c.duration}), got ${ch.at}` });
    else if (i > 0 && ch.at < c.changes[i - 1].at) issues.push({ path: v.joinPath(p, 'at'), message: `expected changes in time order: ${ch.at} comes before ${c.changes[i - 1].at}` });
    if (ch.failureRate === undefined && ch.latency === undefined) issues.push({ path: p, message: 'expected failureRate or latency (or both)' });
  });
});

// ───────────────────────────── theory ─────────────────────────────

/** The delay before retry k (0-based); `draw` is a uniform [0, 1) number, used by "jitter" only. */
export function retryDelay(c: Pick<BreakerConfig, 'backoff' | 'baseDelay' | 'maxDelay'>, k: number, draw: number): number {
  if (c.backoff === 'none') return 0;
  const ceiling = Math.min(c.maxDelay, c.baseDelay * 2 ** k);
  return c.backoff === 'jitter' ? draw * ceiling : ceiling;
}

/** The downstream's failure probability at load L (calls in the last second): 1 − (1 − f)·min(1, capacity/L). */
export function failureProbability(f: number, load: number, capacity: number): number {
  return 1 - (1 - f) * Math.min(1, capacity / Math.max(1, load));
}

/** The downstream's latency at load L: ℓ·max(1, L/capacity). */
export function loadedLatency(latency: number, load: number, capacity: number): number {
  return latency * Math.max(1, load / capacity);
}

/** The base failure rate and latency in force at time t (the last change at or before t wins). */
export function downstreamAt(c: Pick<BreakerConfig, 'failureRate' | 'latency' | 'changes'>, t: number): { failureRate: number; latency: number } {
  let failureRate = c.failureRate;
  let latency = c.latency;
  for (const ch of c.changes) {
    if (ch.at > t) break;
    if (ch.failureRate !== undefined) failureRate = ch.failureRate;
    if (ch.latency !== undefined) latency = ch.latency;
  }
  return { failureRate, latency };
}

// ───────────────────────────── the simulation ─────────────────────────────

/** One attempt of one request. */
export interface Attempt {
  request: number;
  /** 0 = first attempt. */
  n: number;
  /** When it was made, ms. */
  start: number;
  /** When its result came back (= start when rejected). */
  end: number;
  outcome: Outcome;
  /** Failed by timeout (the downstream was too slow). */
  timeout: boolean;
  /** Downstream load it saw (calls in the last second, itself included); 0 when rejected. */
  load: number;
  /** The breaker state it met. */
  state: BreakerState;
}

export interface Transition {
  at: number;
  from: BreakerState;
  to: BreakerState;
  /** The failure rate (%) of the window that caused it (undefined for open → half-open). */
  rate?: number;
}

/** A breaker record: an outcome counted in the window */
export interface Recorded {
  at: number;
  ok: boolean;
}

export interface Bucket {
  /** Start of the second, ms. */
  t: number;
  /** Attempts that reached the downstream and succeeded / failed, and attempts rejected by the breaker. */
  succeeded: number;
  failed: number;
  rejected: number;
  /** Attempts made that were retries. */
  retries: number;
  /** Calls that reached the downstream (= load). */
  load: number;
  /** The breaker state at the end of the second. */
  state: BreakerState;
  /** Base failure rate in force at the start of the second. */
  failureRate: number;
}

export interface Totals {
  requests: number;
  attempts: number;
  succeeded: number;
  failed: number;
  rejected: number;
  retries: number;
  /** Requests that, in the end, succeeded / failed (all attempts used, or short-circuited). */
  requestsOk: number;
  requestsFailed: number;
}

export interface BreakerRun {
  config: BreakerConfig;
  /** Attempts in order of `end`. */
  attempts: Attempt[];
  transitions: Transition[];
  /** Outcomes the breaker counted, in order. */
  recorded: Recorded[];
  buckets: Bucket[];
}

interface Ev {
  t: number;
  seq: number;
  kind: 'attempt' | 'done' | 'half-open';
  request: number;
  n: number;
  /** done: the attempt. */
  attempt?: Attempt;
  /** done: the breaker generation it was let through in. */
  gen?: number;
}

/** A binary min-heap of events by (t, seq). */
class Queue {
  private items: Ev[] = [];
  get size(): number {
    return this.items.length;
  }
  private less(a: Ev, b: Ev): boolean {
    return a.t < b.t || (a.t === b.t && a.seq < b.seq);
  }
  push(e: Ev): void {
    const a = this.items;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  pop(): Ev {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l], a[m])) m = l;
        if (r < a.length && this.less(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

/** Runs the scenario from 0 to `duration` (attempts still in flight at the end are dropped). */
export function simulate(config: BreakerConfig): BreakerRun {
  const c = config;
  const rng = createRng(c.seed);
  const q = new Queue();
  let seq = 0;
  const gap = 1000 / c.rps;
  const count = Math.floor((c.duration - 1e-9) / gap) + 1;
  for (let i = 0; i < count; i++) q.push({ t: i * gap, seq: seq++, kind: 'attempt', request: i, n: 0 });

  let state = 'closed' as BreakerState;
  let gen = 0;
  let outcomes: boolean[] = [];
  let halfOpenLet = 0;
  const transitions: Transition[] = [];
  const recorded: Recorded[] = [];
  const attempts: Attempt[] = [];
  const recent: number[] = [];
  let head = 0;

  const move = (at: number, to: BreakerState, rate?: number) => {
    transitions.push({ at, from: state, to, rate });
    state = to;
    gen++;
    outcomes = [];
    halfOpenLet = 0;
    if (to === 'open') q.push({ t: at + c.openDuration, seq: seq++, kind: 'half-open', request: -1, n: 0 });
  };
  const failurePct = () => (100 * outcomes.filter((ok) => !ok).length) / outcomes.length;

  while (q.size) {
    const e = q.pop();
    if (e.t > c.duration) break;
    if (e.kind === 'half-open') {
      if (state === 'open') move(e.t, 'half-open');
      continue;
    }
    if (e.kind === 'done') {
      const a = e.attempt!;
      attempts.push(a);
      if (c.breaker && e.gen === gen && state !== 'open') {
        outcomes.push(a.outcome === 'success');
        recorded.push({ at: e.t, ok: a.outcome === 'success' });
        if (state === 'closed') {
          if (outcomes.length > c.windowSize) outcomes.shift();
          if (outcomes.length >= c.minimumCalls) {
            const rate = failurePct();
            if (rate >= c.failureThreshold) move(e.t, 'open', rate);
          }
        } else if (outcomes.length >= c.halfOpenCalls) {
          const rate = failurePct();
          move(e.t, rate >= c.failureThreshold ? 'open' : 'closed', rate);
        }
      }
      if (a.outcome === 'failure' && a.n < c.retries) {
        const at = e.t + retryDelay(c, a.n, c.backoff === 'jitter' ? rng.next() : 0);
        q.push({ t: at, seq: seq++, kind: 'attempt', request: a.request, n: a.n + 1 });
      }
      continue;
    }
    // an attempt
    const permitted = !c.breaker || state === 'closed' || (state === 'half-open' && halfOpenLet < c.halfOpenCalls);
    if (!permitted) {
      attempts.push({ request: e.request, n: e.n, start: e.t, end: e.t, outcome: 'rejected', timeout: false, load: 0, state });
      continue;
    }
    if (state === 'half-open') halfOpenLet++;
    recent.push(e.t);
    while (recent[head] <= e.t - BUCKET) head++;
    const load = recent.length - head;
    if (head > 4096) {
      recent.splice(0, head);
      head = 0;
    }
    const ds = downstreamAt(c, e.t);
    const d = loadedLatency(ds.latency, load, c.capacity);
    const draw = rng.next();
    const timeout = d >= c.timeout;
    const ok = !timeout && draw >= failureProbability(ds.failureRate, load, c.capacity);
    const attempt: Attempt = { request: e.request, n: e.n, start: e.t, end: e.t + Math.min(d, c.timeout), outcome: ok ? 'success' : 'failure', timeout, load, state };
    q.push({ t: attempt.end, seq: seq++, kind: 'done', request: e.request, n: e.n, attempt, gen });
  }
  return { config: c, attempts, transitions, recorded, buckets: bucketize(c, attempts, transitions) };
}

function bucketize(c: BreakerConfig, attempts: Attempt[], transitions: Transition[]): Bucket[] {
  const n = Math.ceil(c.duration / BUCKET);
  const out: Bucket[] = [];
  for (let i = 0; i < n; i++)
    out.push({ t: i * BUCKET, succeeded: 0, failed: 0, rejected: 0, retries: 0, load: 0, state: stateIn(transitions, Math.min(c.duration, (i + 1) * BUCKET)), failureRate: downstreamAt(c, i * BUCKET).failureRate });
  for (const a of attempts) {
    // outcomes count in the second the result came back; load and retries in the second the call was made
    const b = out[Math.min(n - 1, Math.floor(a.end / BUCKET))];
    const s = out[Math.min(n - 1, Math.floor(a.start / BUCKET))];
    if (a.outcome === 'success') b.succeeded++;
    else if (a.outcome === 'failure') b.failed++;
    else b.rejected++;
    if (a.n > 0) s.retries++;
    if (a.outcome !== 'rejected') s.load++;
  }
  return out;
}

/** The breaker state at time t given the transitions (a transition at exactly t has happened). */
export function stateIn(transitions: readonly Transition[], t: number): BreakerState {
  let s: BreakerState = 'closed';
  for (const tr of transitions) {
    if (tr.at > t) break;
    s = tr.to;
  }
  return s;
}

/** Index of the first item whose `key` is > t (items sorted by key). */
function upper<T>(items: readonly T[], t: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface BreakerSnapshot {
  t: number;
  state: BreakerState;
  /** The last transition at or before t. */
  since?: Transition;
  /** The outcomes in the current window (true = success), oldest first. */
  window: boolean[];
  /** Failure rate of the window, %, or undefined when empty. */
  windowRate?: number;
  /** When the breaker, if open, turns half-open. */
  openUntil?: number;
  downstream: { failureRate: number; latency: number };
  /** Calls that reached the downstream in the last second. */
  load: number;
  totals: Totals;
}

/** A run with memoised look-ups by time. */
export class BreakerScenario {
  readonly config: BreakerConfig;
  readonly run: BreakerRun;
  private startsSorted: number[];

  constructor(config: BreakerConfig) {
    this.config = config;
    this.run = simulate(config);
    this.startsSorted = this.run.attempts
      .filter((a) => a.outcome !== 'rejected')
      .map((a) => a.start)
      .sort((a, b) => a - b);
  }

  get duration(): number {
    return this.config.duration;
  }

  stateAt(time: number): BreakerSnapshot {
    const c = this.config;
    const t = Math.max(0, Math.min(c.duration, time));
    const r = this.run;
    const ti = upper(r.transitions, t, (x) => x.at);
    const since = ti > 0 ? r.transitions[ti - 1] : undefined;
    const state = since?.to ?? 'closed';
    const from = since?.at ?? -1;
    const ri = upper(r.recorded, t, (x) => x.at);
    const win: boolean[] = [];
    for (let i = ri - 1; i >= 0 && r.recorded[i].at > from && win.length < Math.max(c.windowSize, c.halfOpenCalls); i--) {
      // a record at exactly the transition time belongs to the old window (it caused the transition)
      win.unshift(r.recorded[i].ok);
    }
    const windowRate = win.length ? (100 * win.filter((ok) => !ok).length) / win.length : undefined;
    const lo = upper(this.startsSorted, t - BUCKET, (x) => x);
    const hi = upper(this.startsSorted, t, (x) => x);
    return {
      t,
      state,
      since,
      window: win,
      windowRate,
      openUntil: state === 'open' ? since!.at + c.openDuration : undefined,
      downstream: downstreamAt(c, t),
      load: hi - lo,
      totals: totalsAt(r, t),
    };
  }

  /** A new scenario with the downstream changed at time t (later changes dropped, as in an editor's undo). */
  withChange(t: number, change: { failureRate?: number; latency?: number }): BreakerScenario {
    const at = Math.round(Math.max(0, Math.min(this.config.duration, t)));
    const kept = this.config.changes.filter((ch) => ch.at < at);
    const next: DownstreamChange = { at };
    if (change.failureRate !== undefined) next.failureRate = Math.max(0, Math.min(1, change.failureRate));
    if (change.latency !== undefined) next.latency = Math.max(1, Math.min(10_000, change.latency));
    const same = this.config.changes.find((ch) => ch.at === at);
    if (same) Object.assign(next, { ...same, ...next });
    return new BreakerScenario({ ...this.config, changes: [...kept, next].slice(-MAX_CHANGES), time: at });
  }

  /** A new scenario with other policy settings (breaker on/off, retries, back-off). */
  withPolicy(patch: Partial<Pick<BreakerConfig, 'breaker' | 'retries' | 'backoff'>>): BreakerScenario {
    return new BreakerScenario({ ...this.config, ...patch });
  }

  /** The scenario as JSON config; pasting it back reproduces this run at `time`. */
  toJSON(time = this.config.time): Record<string, unknown> {
    const { title, changes, ...rest } = this.config;
    const out: Record<string, unknown> = { ...rest, time: Math.round(Math.max(0, Math.min(this.config.duration, time))) };
    if (changes.length) out.changes = changes.map((ch) => ({ ...ch }));
    if (title) out.title = title;
    return out;
  }
}

/** Totals of everything that came back (or was rejected) by time t. */
export function totalsAt(run: BreakerRun, t: number): Totals {
  const out: Totals = { requests: 0, attempts: 0, succeeded: 0, failed: 0, rejected: 0, retries: 0, requestsOk: 0, requestsFailed: 0 };
  const retries = run.config.retries;
  for (const a of run.attempts) {
    if (a.end > t) break;
    out.attempts++;
    if (a.n === 0) out.requests++;
    else out.retries++;
    if (a.outcome === 'success') {
      out.succeeded++;
      out.requestsOk++;
    } else if (a.outcome === 'rejected') {
      out.rejected++;
      out.requestsFailed++;
    } else {
      out.failed++;
      if (a.n >= retries) out.requestsFailed++;
    }
  }
  return out;
}

/** The same downstream under naive retries (at once, at least 3) and no breaker: the retry-storm baseline. */
export function naiveBaseline(c: BreakerConfig): BreakerConfig {
  return { ...c, breaker: false, backoff: 'none', retries: Math.max(3, c.retries) };
}

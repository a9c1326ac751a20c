/**
 * Rate limiters, as a pure and deterministic model (no DOM, no wall clock, no unseeded randomness).
 *
 * Five algorithms judge the SAME stream of requests (integer millisecond arrival times), each
 * allowing `limit` requests per `window` ms:
 *
 * - **Token bucket** — a bucket of `limit` tokens, full at t = 0, refilled continuously at
 *   limit/window tokens per ms; a request takes one token or is rejected. It allows a burst of up to
 *   `limit` at once, and at most limit + limit·Δt/window over any span Δt.
 * - **Leaky bucket** (as a queue) — accepted requests wait in a queue of `limit` places that leaks
 *   one request every window/limit ms; a request that finds the queue full is rejected. What leaves
 *   the bucket is perfectly smooth (never more than `limit` per window); the price is the wait.
 * - **Fixed window** — a counter per aligned window [k·window, (k+1)·window); at most `limit`
 *   accepted per counter. Its flaw: `limit` just before an edge and `limit` just after are all
 *   accepted — **2 × limit** within a span far shorter than a window;
 * - **Sliding log** — keeps the times of accepted requests; accepts when fewer than `limit` lie in
 *   (t − window, t]. Exact, but stores one timestamp per accepted request.
 * - **Sliding window counter** — two counters: the estimate is
 *   `previous · (window − elapsed)/window + current`, and a request is accepted when estimate + 1 ≤ limit.
 *   Cheap like fixed window, close to the sliding log.
 *
 * All arithmetic is exact: token bucket levels are kept in units of 1/window token, leaky bucket
 * departure times in units of 1/limit ms, and the sliding counter's comparison is cross-multiplied,
 * so no float rounding ever flips a decision.
 *
 * Traffic is seeded: `steady` (about `rate` requests per window, evenly spaced with a little
 * jitter), `bursty` (one clump of about `rate` requests per window at a random moment) or
 * `boundary` (`limit` requests in the last fifth of a window and `limit` in the first fifth of the
 * next, at every other window edge). `actions` add bursts of `count` requests at `at` ms — what the
 * learner fires is recorded there, so a scenario replays exactly.
 */
import { createRng } from '../../core/prng.js';
import * as v from '../../core/validate.js';

export const ALGORITHMS = ['token-bucket', 'leaky-bucket', 'fixed-window', 'sliding-log', 'sliding-window-counter'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];
export type Traffic = 'steady' | 'bursty' | 'boundary';

export const MAX_LIMIT = 100;
export const MAX_REQUESTS = 2000;
export const MAX_ACTIONS = 200;

export interface BurstAction {
  type: 'burst';
  /** Arrival time in ms. */
  at: number;
  /** Requests arriving at once. */
  count: number;
}

export interface RateRequest {
  /** Index in arrival order. */
  i: number;
  /** Arrival time, integer ms. */
  t: number;
  /** Generated traffic, or fired by an action. */
  source: 'traffic' | 'action';
}

export interface Decision {
  accepted: boolean;
  /** The algorithm's level just before the request: tokens, queued requests, or the window count/estimate. */
  before: number;
  /** …and just after it. */
  after: number;
  /** Leaky bucket: ms the accepted request waits in the queue before it is processed. */
  wait?: number;
  /** Leaky bucket: when the accepted request leaves the queue (ms, possibly fractional). */
  done?: number;
  /** Fixed window and sliding counter: the index of the request's window */
  windowIndex?: number;
}

// ───────────────────────────── traffic ─────────────────────────────

export interface TrafficOptions {
  limit: number;
  window: number;
  traffic: Traffic;
  /** Requests per window (steady and bursty). */
  rate: number;
  seed: number;
  duration: number;
}

/** The seeded arrival times in [0, duration), sorted. */
export function generateTraffic(o: TrafficOptions): number[] {
  const rng = createRng(o.seed);
  const out: number[] = [];
  const cap = (t: number) => Math.min(o.duration - 1, Math.max(0, Math.round(t)));
  if (o.traffic === 'steady') {
    const gap = o.window / o.rate;
    for (let t = gap / 2; t < o.duration && out.length < MAX_REQUESTS; t += gap) out.push(cap(t + rng.range(-0.25, 0.25) * gap));
  } else if (o.traffic === 'bursty') {
    for (let w = 0; w * o.window < o.duration; w++) {
      const n = Math.max(0, Math.round(o.rate * rng.range(0.5, 1.5)));
      const start = (w + rng.range(0, 0.8)) * o.window;
      const gap = (o.window * 0.15) / Math.max(1, n);
      for (let j = 0; j < n && out.length < MAX_REQUESTS; j++) {
        const t = start + j * gap;
        if (t < o.duration) out.push(cap(t));
      }
    }
  } else {
    const span = o.window / 5;
    const gap = span / o.limit;
    for (let k = 1; k * o.window + span <= o.duration; k += 2) {
      const edge = k * o.window;
      for (let j = 0; j < 2 * o.limit && out.length < MAX_REQUESTS; j++) out.push(Math.floor(edge - span + (j + 0.5) * gap)); // floor keeps the first half before the edge
    }
  }
  return out.sort((a, b) => a - b);
}

// ───────────────────────────── the algorithms ─────────────────────────────

/** Runs one algorithm over sorted arrival times; returns a decision per request. Pure. */
export function runAlgorithm(algo: Algorithm, times: readonly number[], limit: number, window: number): Decision[] {
  const out: Decision[] = [];
  if (algo === 'token-bucket') {
    // level in units of 1/window token: capacity limit·window, +limit per ms, −window per request
    const cap = limit * window;
    let units = cap;
    let last = 0;
    for (const t of times) {
      units = Math.min(cap, units + (t - last) * limit);
      last = t;
      const before = units / window;
      const accepted = units >= window;
      if (accepted) units -= window;
      out.push({ accepted, before, after: units / window });
    }
  } else if (algo === 'leaky-bucket') {
    // departure times in units of 1/limit ms; one request leaves every window/limit ms
    const done: number[] = [];
    let lastDone = -Infinity;
    for (const t of times) {
      const a = t * limit;
      let queued = 0;
      for (let j = done.length - 1; j >= 0 && done[j] > a; j--) queued++;
      const accepted = queued < limit;
      const d: Decision = { accepted, before: queued, after: queued };
      if (accepted) {
        const leave = Math.max(a, lastDone + window);
        lastDone = leave;
        done.push(leave);
        d.after = leave > a ? queued + 1 : queued;
        d.done = leave / limit;
        d.wait = (leave - a) / limit;
      }
      out.push(d);
    }
  } else if (algo === 'fixed-window' || algo === 'sliding-window-counter') {
    const counts = new Map<number, number>();
    for (const t of times) {
      const w = Math.floor(t / window);
      const cur = counts.get(w) ?? 0;
      const prev = counts.get(w - 1) ?? 0;
      if (algo === 'fixed-window') {
        const accepted = cur < limit;
        if (accepted) counts.set(w, cur + 1);
        out.push({ accepted, before: cur, after: accepted ? cur + 1 : cur, windowIndex: w });
      } else {
        const rest = window - (t - w * window); // ms of the previous window still inside the sliding one
        const accepted = prev * rest + (cur + 1) * window <= limit * window;
        if (accepted) counts.set(w, cur + 1);
        const est = (c: number) => (prev * rest) / window + c;
        out.push({ accepted, before: est(cur), after: est(accepted ? cur + 1 : cur), windowIndex: w });
      }
    }
  } else {
    const log: number[] = [];
    let head = 0;
    for (const t of times) {
      while (head < log.length && log[head] <= t - window) head++;
      const n = log.length - head;
      const accepted = n < limit;
      if (accepted) log.push(t);
      out.push({ accepted, before: n, after: accepted ? n + 1 : n });
    }
  }
  return out;
}

/** The most of `times` (sorted) that fall in any half-open span (t − window, t]. */
export function peakInWindow(times: readonly number[], window: number): number {
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < times.length; hi++) {
    while (times[lo] <= times[hi] - window) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

// ───────────────────────────── config ─────────────────────────────

const actionSchema = v.object(
  {
    type: v.oneOf(['burst'] as const),
    at: v.describe(v.number({ min: 0 }), 'Arrival time in ms.'),
    count: v.optional(v.describe(v.number({ integer: true, min: 1, max: MAX_REQUESTS }), 'Requests arriving at once.'), 1),
  },
  { name: '{ type: "burst", at, count }' },
);

const rawSchema = v.object({
  limit: v.optional(v.describe(v.number({ integer: true, min: 1, max: MAX_LIMIT }), 'Requests allowed per window (also the bucket size).'), 5),
  window: v.optional(v.describe(v.number({ integer: true, min: 10, max: 3_600_000 }), 'The window, in ms.'), 1000),
  algorithms: v.optional(
    v.describe(v.array(v.oneOf(ALGORITHMS), { minItems: 1, uniqueBy: (r) => (typeof r === 'string' ? r : undefined), uniqueName: 'algorithm' }), 'Which algorithms to show, in order (default: all five).'),
  ),
  traffic: v.optional(v.describe(v.oneOf(['steady', 'bursty', 'boundary'] as const), 'The generated request stream.'), 'boundary'),
  rate: v.optional(v.describe(v.number({ min: 0, max: 1000 }), 'Steady and bursty traffic: requests per window on average (default 1.5 × limit).')),
  seed: v.optional(v.describe(v.number({ integer: true, min: 0, max: 2 ** 32 - 1 }), 'Seed for the generated traffic.'), 1),
  duration: v.optional(v.describe(v.number({ integer: true, min: 1 }), 'Length of the run in ms (default 3 windows, 2 for boundary traffic; at most 50 windows).')),
  actions: v.optional(v.describe(v.array(actionSchema, { maxItems: MAX_ACTIONS }), 'Bursts added to the stream (what the learner fired).'), []),
  step: v.optional(v.describe(v.number({ integer: true, min: 0 }), 'How many requests have arrived when shown (default: all).')),
  title: v.optional(v.describe(v.string({ maxLength: 200 }), 'Accessible name and visible title.')),
});

export interface RateConfig {
  limit: number;
  window: number;
  algorithms: Algorithm[];
  traffic: Traffic;
  /** Given rate, or undefined for the default (1.5 × limit). */
  rate?: number;
  seed: number;
  duration: number;
  actions: BurstAction[];
  /** Requests arrived when shown. */
  step: number;
  title?: string;
}

/** Validates a rate limiter config, fills defaults and checks the stream's size. */
export const rateConfigSchema: v.Schema<RateConfig> = {
  expected: rawSchema.expected,
  kind: 'object',
  spec: rawSchema.spec,
  check(input, path, issues) {
    const raw = rawSchema.check(input, path, issues);
    if (!raw) return undefined;
    const before = issues.length;
    const duration = raw.duration ?? raw.window * (raw.traffic === 'boundary' ? 2 : 3);
    if (duration > raw.window * 50) issues.push({ path: v.joinPath(path, 'duration'), message: `expected at most 50 windows (${raw.window * 50} ms), got ${duration}` });
    raw.actions.forEach((a, i) => {
      if (a.at >= duration) issues.push({ path: v.joinPath(v.joinPath(v.joinPath(path, 'actions'), i), 'at'), message: `expected a time before the end of the run (${duration} ms), got ${a.at}` });
    });
    if (issues.length > before) return undefined;
    const config: RateConfig = {
      limit: raw.limit,
      window: raw.window,
      algorithms: raw.algorithms ?? [...ALGORITHMS],
      traffic: raw.traffic,
      rate: raw.rate,
      seed: raw.seed,
      duration,
      actions: raw.actions.map((a) => ({ type: 'burst', at: Math.round(a.at), count: a.count })),
      step: 0,
      title: raw.title,
    };
    const n = streamOf(config).length;
    if (n > MAX_REQUESTS) {
      issues.push({ path: path || 'config', message: `the run has ${n} requests; at most ${MAX_REQUESTS} (lower rate, duration or burst counts)` });
      return undefined;
    }
    if (raw.step !== undefined && raw.step > n) {
      issues.push({ path: v.joinPath(path, 'step'), message: `expected at most ${n} (the number of requests), got ${raw.step}` });
      return undefined;
    }
    config.step = raw.step ?? n;
    return config;
  },
};

/** The whole request stream: generated traffic plus the actions' bursts, by time (traffic first at equal times, then actions in order). */
export function streamOf(c: RateConfig): RateRequest[] {
  const gen = generateTraffic({ limit: c.limit, window: c.window, traffic: c.traffic, rate: c.rate ?? c.limit * 1.5, seed: c.seed, duration: c.duration });
  const all: { t: number; source: RateRequest['source']; order: number }[] = gen.map((t, order) => ({ t, source: 'traffic', order }));
  c.actions.forEach((a, j) => {
    for (let k = 0; k < a.count; k++) all.push({ t: a.at, source: 'action', order: gen.length + j * MAX_REQUESTS + k });
  });
  all.sort((a, b) => a.t - b.t || a.order - b.order);
  return all.map((r, i) => ({ i, t: r.t, source: r.source }));
}

// ───────────────────────────── the scenario ─────────────────────────────

export interface AlgorithmRun {
  algo: Algorithm;
  decisions: Decision[];
}

export interface RateTally {
  accepted: number;
  rejected: number;
  /** The most accepted requests in any window-length span (leaky bucket: the most processed). */
  peak: number;
}

/**
 * A rate limiting scenario: one request stream judged by every algorithm. Decisions are causal, so
 * the state after `step` requests is the prefix of one full run — stepping back or seeking is exact.
 */
export class RateScenario {
  readonly config: RateConfig;
  readonly requests: RateRequest[];
  readonly runs: AlgorithmRun[];

  constructor(config: RateConfig) {
    this.config = config;
    this.requests = streamOf(config);
    const times = this.requests.map((r) => r.t);
    this.runs = config.algorithms.map((algo) => ({ algo, decisions: runAlgorithm(algo, times, config.limit, config.window) }));
  }

  get length(): number {
    return this.requests.length;
  }

  run(algo: Algorithm): AlgorithmRun | undefined {
    return this.runs.find((r) => r.algo === algo);
  }

  /** Accepted, rejected and peak per window over the first `step` requests. */
  tally(algo: Algorithm, step = this.length): RateTally {
    const run = this.run(algo);
    const s = Math.max(0, Math.min(this.length, Math.round(step)));
    if (!run) return { accepted: 0, rejected: 0, peak: 0 };
    // the leaky bucket's peak is of what it processes: departure times, exact in units of 1/limit ms
    const lb = algo === 'leaky-bucket';
    const { limit, window } = this.config;
    const acc: number[] = [];
    for (let i = 0; i < s; i++) if (run.decisions[i].accepted) acc.push(lb ? Math.round(run.decisions[i].done! * limit) : this.requests[i].t);
    acc.sort((a, b) => a - b);
    return { accepted: acc.length, rejected: s - acc.length, peak: peakInWindow(acc, lb ? window * limit : window) };
  }

  /** A new scenario with `count` requests fired at `at` ms (null when out of range or over the caps). */
  withBurst(at: number, count: number): RateScenario | null {
    const c = this.config;
    const t = Math.round(at);
    if (!Number.isFinite(t) || t < 0 || t >= c.duration || !Number.isInteger(count) || count < 1) return null;
    if (c.actions.length >= MAX_ACTIONS || this.length + count > MAX_REQUESTS) return null;
    const actions = [...c.actions, { type: 'burst' as const, at: t, count }];
    const next = new RateScenario({ ...c, actions, step: 0 });
    return new RateScenario({ ...next.config, step: next.length });
  }

  /** The index just past the last request arriving at or before `t` (how many have arrived by then). */
  arrivedBy(t: number): number {
    let n = 0;
    while (n < this.length && this.requests[n].t <= t) n++;
    return n;
  }

  /** The scenario as JSON config; pasting it back reproduces this exact run at `step`. */
  toJSON(step = this.config.step): Record<string, unknown> {
    const c = this.config;
    const out: Record<string, unknown> = { limit: c.limit, window: c.window };
    if (c.algorithms.length !== ALGORITHMS.length || c.algorithms.some((a, i) => a !== ALGORITHMS[i])) out.algorithms = [...c.algorithms];
    out.traffic = c.traffic;
    if (c.rate !== undefined) out.rate = c.rate;
    out.seed = c.seed;
    out.duration = c.duration;
    if (c.actions.length) out.actions = c.actions.map((a) => ({ type: 'burst', at: a.at, count: a.count }));
    out.step = Math.max(0, Math.min(this.length, Math.round(step)));
    if (c.title) out.title = c.title;
    return out;
  }
}

/**
 * Caches as pure, deterministic models (no DOM, no clock, no unseeded randomness). Three modes:
 *
 * **eviction** — LRU, LFU, FIFO and ARC run side by side on the identical trace of key requests: a
 * seeded Zipf trace (rank k drawn with probability ∝ k^−skew, keys `k1`…`kN`, `k1` the hottest),
 * optionally polluted by periodic scans of never-repeated keys `s1`, `s2`, …, or a trace the author
 * supplies; keys a learner requests are inserted into it (`requests: [{ at, key }]`).
 * - LRU evicts the least recently used key; FIFO the oldest inserted (a hit changes nothing);
 *   LFU the key with the fewest hits since it was cached, ties broken by least recent use (counts are
 *   forgotten on eviction).
 * - ARC is the Adaptive Replacement Cache of Megiddo and Modha (FAST 2003, Fig. 4): T1 holds keys
 *   seen once recently, T2 keys seen at least twice; the ghost lists B1 and B2 remember the keys
 *   recently evicted from each, and a hit in a ghost list moves the target size p of T1 towards the
 *   list that would have hit. A scan only passes through T1, so the frequent keys in T2 survive it.
 * - Bélády's MIN (evict the key whose next use is furthest away) is computed for the hit-ratio-vs-size
 *   curves as the offline optimum no online policy can beat.
 *
 * **writes** — one client reads and writes key x (values 1, 2, 3…; the database starts at 0, the
 * cache cold) under cache-aside, write-through (with read-through) and write-behind (flushed every
 * `flushEvery` ms, coalescing to the latest value). Messages travel between client, cache and
 * database with fixed one-way latencies. A crash at `crash.at` either empties the cache (it restarts
 * at once; write-behind's unflushed writes are lost) or kills the client (app) mid-operation.
 *
 * **stampede** — `hotKeys` keys are cached at t = 0 with the same TTL and read `rps` times a second
 * (seeded uniform choice of key). A miss queries the database for `recompute` ms and then caches
 * the value again. Four variants on the identical request stream: no fix (every miss queries),
 * request coalescing (single-flight: one query per key at a time, the others wait for it), jittered
 * TTL (each TTL drawn uniformly from ttl·(1 ± jitter)) and both.
 */
import { createRng, type Rng } from '../../core/prng.js';
import * as v from '../../core/validate.js';

export type Mode = 'eviction' | 'writes' | 'stampede';
export type Policy = 'lru' | 'lfu' | 'fifo' | 'arc';
export type Pattern = 'cache-aside' | 'write-through' | 'write-behind';
export type Lane = 'client' | 'cache' | 'db';
export type Variant = 'none' | 'coalesce' | 'jitter' | 'both';

export const POLICIES: readonly Policy[] = ['lru', 'lfu', 'fifo', 'arc'];
export const PATTERNS: readonly Pattern[] = ['cache-aside', 'write-through', 'write-behind'];
export const VARIANTS: readonly Variant[] = ['none', 'coalesce', 'jitter', 'both'];
export const MAX_TRACE = 2000;
export const MAX_REQUESTS = 200;
const MAX_STAMPEDE = 400_000;

// ───────────────────────────── config ─────────────────────────────

const int = (min: number, max: number) => v.number({ integer: true, min, max });
function opt<T>(s: v.Schema<T>, text: string): v.Schema<T | undefined>;
function opt<T>(s: v.Schema<T>, text: string, d: NoInfer<T>): v.Schema<T>;
function opt<T>(s: v.Schema<T>, text: string, d?: T) {
  return d === undefined ? v.optional(v.describe(s, text)) : v.optional(v.describe(s, text), d);
}
const keySchema = v.string({ pattern: /^[\w:.#-]{1,16}$/, describe: 'a key of 1–16 letters, digits, _ : . # or -' });

const rawSchema = v.object({
  mode: opt(v.oneOf(['eviction', 'writes', 'stampede'] as const), 'What to show.', 'eviction'),
  title: opt(v.string({ maxLength: 200 }), 'Visible title.'),
  seed: opt(int(0, 2 ** 32 - 1), 'Random seed.', 1),
  // eviction
  policies: opt(v.array(v.oneOf(POLICIES), { minItems: 1, uniqueBy: (x) => (typeof x === 'string' ? x : undefined), uniqueName: 'policy' }), 'Policies to compare.', [...POLICIES]),
  capacity: opt(int(1, 64), 'Cache size in keys.', 6),
  keys: opt(int(1, 10_000), 'Distinct Zipf keys.', 40),
  skew: opt(v.number({ min: 0, max: 3 }), 'Zipf exponent s: P(rank k) ∝ k^−s.', 0.8),
  length: opt(int(1, MAX_TRACE), 'Requests generated.', 300),
  scan: opt(v.object({ every: int(1, MAX_TRACE), length: int(1, MAX_TRACE) }, { name: '{ every, length }' }), 'A scan of `length` new keys after every `every` requests.'),
  trace: opt(v.array(keySchema, { minItems: 1, maxItems: MAX_TRACE }), 'Your own trace of keys.'),
  requests: opt(v.array(v.object({ at: int(0, MAX_TRACE + MAX_REQUESTS), key: keySchema }, { name: '{ at, key }' }), { maxItems: MAX_REQUESTS }), 'Keys inserted before request `at`.', []),
  maxSize: opt(int(1, 128), 'Largest size on the curve.'),
  step: opt(int(0, MAX_TRACE + MAX_REQUESTS), 'Starting step.', 0),
  // writes
  ops: opt(v.array(v.oneOf(['read', 'write'] as const), { minItems: 1, maxItems: 12 }), 'The client’s operations on x.', ['read', 'write', 'read', 'write', 'write', 'read']),
  cacheMs: opt(v.number({ min: 0.1, max: 100 }), 'Cache latency, ms.', 1),
  dbMs: opt(v.number({ min: 0.1, max: 1000 }), 'Database latency, ms.', 8),
  think: opt(v.number({ min: 0, max: 1000 }), 'Pause between operations, ms.', 6),
  flushEvery: opt(v.number({ min: 1, max: 10_000 }), 'Write-behind flush period, ms.', 60),
  crash: opt(v.object({ at: v.number({ min: 0, max: 100_000 }), target: v.oneOf(['cache', 'app'] as const) }, { name: '{ at, target }' }), 'A crash at `at` ms.'),
  // stampede
  rps: opt(v.number({ min: 1, max: 20_000 }), 'Reads a second.', 1000),
  hotKeys: opt(int(1, 500), 'Hot keys, cached at t = 0.', 20),
  ttl: opt(v.number({ min: 1, max: 600_000 }), 'TTL, ms.', 10_000),
  recompute: opt(v.number({ min: 1, max: 60_000 }), 'DB query time, ms.', 200),
  duration: opt(v.number({ min: 100, max: 600_000 }), 'Simulated ms.', 30_000),
  jitter: opt(v.number({ min: 0, max: 0.9 }), 'TTL = ttl × (1 ± jitter).', 0.2),
  time: opt(v.number({ min: 0 }), 'Starting time, ms.', 0),
});

export type CacheConfig = v.Infer<typeof rawSchema>;

/** Validates a cache scenario, fills defaults and checks the cross-field rules. */
export const cacheConfigSchema: v.Schema<CacheConfig> = v.refine(rawSchema, (c, path, issues) => {
  const at = (k: string, message: string) => issues.push({ path: v.joinPath(path, k), message });
  let n = c.trace ? c.trace.length : c.length;
  c.requests.forEach((r, i) => {
    if (r.at > n) issues.push({ path: v.joinPath(v.joinPath(v.joinPath(path, 'requests'), i), 'at'), message: `expected at most ${n} (the trace length at that point), got ${r.at}` });
    n++;
  });
  if (c.step > n) at('step', `expected at most the trace length (${n}), got ${c.step}`);
  if (c.maxSize !== undefined && c.maxSize < c.capacity) at('maxSize', `expected at least capacity (${c.capacity}), got ${c.maxSize}`);
  if (c.mode === 'stampede') {
    if ((c.rps * c.duration) / 1000 > MAX_STAMPEDE) at('rps', `expected rps × duration ≤ ${MAX_STAMPEDE} requests, got ${Math.round((c.rps * c.duration) / 1000)}`);
    if (c.time > c.duration) at('time', `expected at most duration (${c.duration}), got ${c.time}`);
  }
});

// ───────────────────────────── Zipf traces ─────────────────────────────

/** P(rank k) = k^−s / Σ j^−s for k = 1…n (index 0 is rank 1). */
export function zipfProbabilities(n: number, s: number): number[] {
  const w = Array.from({ length: n }, (_, i) => (i + 1) ** -s);
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / sum);
}

/** A sampler of ranks 1…n with Zipf(s) probabilities (inverse CDF by binary search). */
export function zipfSampler(n: number, s: number, rng: Rng): () => number {
  const cdf: number[] = [];
  let acc = 0;
  for (const p of zipfProbabilities(n, s)) cdf.push((acc += p));
  return () => Math.min(n - 1, countUpTo(cdf, rng.next() * acc)) + 1;
}

/** The trace: the author's, or the seeded Zipf one with its scans; then the learner's requests inserted. */
export function buildTrace(c: Pick<CacheConfig, 'trace' | 'seed' | 'keys' | 'skew' | 'length' | 'scan' | 'requests'>): string[] {
  let out: string[];
  if (c.trace) out = c.trace.slice();
  else {
    out = [];
    const draw = zipfSampler(c.keys, c.skew, createRng(c.seed));
    let scanned = 0;
    for (let i = 0; out.length < c.length; i++) {
      if (c.scan && i > 0 && i % c.scan.every === 0) for (let j = 0; j < c.scan.length && out.length < c.length; j++) out.push(`s${++scanned}`);
      if (out.length < c.length) out.push(`k${draw()}`);
    }
  }
  for (const r of c.requests) out.splice(Math.min(r.at, out.length), 0, r.key);
  return out;
}

// ───────────────────────────── eviction policies ─────────────────────────────

export interface Access {
  hit: boolean;
  /** The key pushed out of the cache to make room, if any. */
  evicted?: string;
}

/** A key in the cache; `seg` is ARC's list, `freq` LFU's count. */
export interface Slot {
  key: string;
  seg?: 't1' | 't2';
  freq?: number;
}

export interface CachePolicy {
  access(key: string): Access;
  /** Cached keys, the next victim last (ARC: T2 then T1, each most recent first). */
  slots(): Slot[];
  readonly size: number;
  /** ARC only: ghost lists (most recent first) and the target size p of T1. */
  ghosts?(): { b1: string[]; b2: string[]; p: number };
}

const first = (m: Map<string, unknown>): string => m.keys().next().value as string;
const newestFirst = (m: Map<string, unknown>): string[] => [...m.keys()].reverse();

/** LRU (touch = move to the end of an insertion-ordered Map) or FIFO (a hit changes nothing). */
class Queue implements CachePolicy {
  private m = new Map<string, true>();
  constructor(
    private cap: number,
    private touch: boolean,
  ) {}
  get size() {
    return this.m.size;
  }
  access(key: string): Access {
    if (this.m.has(key)) {
      if (this.touch) this.m.delete(key), this.m.set(key, true);
      return { hit: true };
    }
    let evicted: string | undefined;
    if (this.m.size >= this.cap) this.m.delete((evicted = first(this.m)));
    this.m.set(key, true);
    return { hit: false, evicted };
  }
  slots(): Slot[] {
    return newestFirst(this.m).map((key) => ({ key }));
  }
}

/** O(1) LFU: buckets of keys by count, each in recency order; evicts from the lowest bucket, least recent first. */
class Lfu implements CachePolicy {
  private freq = new Map<string, number>();
  private buckets = new Map<number, Map<string, true>>();
  private min = 0;
  constructor(private cap: number) {}
  get size() {
    return this.freq.size;
  }
  private put(key: string, f: number) {
    this.freq.set(key, f);
    let b = this.buckets.get(f);
    if (!b) this.buckets.set(f, (b = new Map()));
    b.set(key, true);
  }
  access(key: string): Access {
    const f = this.freq.get(key);
    if (f !== undefined) {
      const b = this.buckets.get(f)!;
      b.delete(key);
      if (!b.size) {
        this.buckets.delete(f);
        if (this.min === f) this.min = f + 1;
      }
      this.put(key, f + 1);
      return { hit: true };
    }
    let evicted: string | undefined;
    if (this.freq.size >= this.cap) {
      const b = this.buckets.get(this.min)!;
      b.delete((evicted = first(b)));
      if (!b.size) this.buckets.delete(this.min);
      this.freq.delete(evicted);
    }
    this.put(key, 1);
    this.min = 1;
    return { hit: false, evicted };
  }
  slots(): Slot[] {
    return [...this.buckets.keys()].sort((a, b) => b - a).flatMap((f) => newestFirst(this.buckets.get(f)!).map((key) => ({ key, freq: f })));
  }
}

/** ARC (Megiddo & Modha 2003, Fig. 4). Each list is an insertion-ordered Map: first = LRU end. */
class Arc implements CachePolicy {
  private t1 = new Map<string, true>();
  private t2 = new Map<string, true>();
  private b1 = new Map<string, true>();
  private b2 = new Map<string, true>();
  p = 0;
  constructor(private c: number) {}
  get size() {
    return this.t1.size + this.t2.size;
  }
  /** Evicts the LRU key of T1 (to B1) or of T2 (to B2). */
  private replace(inB2: boolean): string {
    const fromT1 = this.t1.size > 0 && ((inB2 && this.t1.size === this.p) || this.t1.size > this.p || this.t2.size === 0);
    const [t, b] = fromT1 ? [this.t1, this.b1] : [this.t2, this.b2];
    const k = first(t);
    t.delete(k);
    b.set(k, true);
    return k;
  }
  access(x: string): Access {
    const { t1, t2, b1, b2, c } = this;
    if (t1.has(x) || t2.has(x)) {
      t1.delete(x);
      t2.delete(x);
      t2.set(x, true);
      return { hit: true };
    }
    let evicted: string | undefined;
    if (b1.has(x)) {
      this.p = Math.min(c, this.p + Math.max(b2.size / b1.size, 1));
      evicted = this.replace(false);
      b1.delete(x);
      t2.set(x, true);
    } else if (b2.has(x)) {
      this.p = Math.max(0, this.p - Math.max(b1.size / b2.size, 1));
      evicted = this.replace(true);
      b2.delete(x);
      t2.set(x, true);
    } else {
      if (t1.size + b1.size === c) {
        if (t1.size < c) {
          b1.delete(first(b1));
          evicted = this.replace(false);
        } else {
          t1.delete((evicted = first(t1)));
        }
      } else {
        const total = t1.size + t2.size + b1.size + b2.size;
        if (total >= c) {
          if (total === 2 * c) b2.delete(first(b2));
          evicted = this.replace(false);
        }
      }
      t1.set(x, true);
    }
    return { hit: false, evicted };
  }
  slots(): Slot[] {
    return [...newestFirst(this.t2).map((key) => ({ key, seg: 't2' as const })), ...newestFirst(this.t1).map((key) => ({ key, seg: 't1' as const }))];
  }
  ghosts() {
    return { b1: newestFirst(this.b1), b2: newestFirst(this.b2), p: this.p };
  }
}

export function createPolicy(policy: Policy, capacity: number): CachePolicy {
  return policy === 'lfu' ? new Lfu(capacity) : policy === 'arc' ? new Arc(capacity) : new Queue(capacity, policy === 'lru');
}

/** The policy after the first `n` requests of the trace. */
export function cacheAt(policy: Policy, trace: readonly string[], capacity: number, n: number): CachePolicy {
  const cache = createPolicy(policy, capacity);
  for (let i = 0; i < n && i < trace.length; i++) cache.access(trace[i]);
  return cache;
}

/** Every request's outcome under one policy. */
export function runPolicy(policy: Policy, trace: readonly string[], capacity: number): Access[] {
  const cache = createPolicy(policy, capacity);
  return trace.map((k) => cache.access(k));
}

/** Hits of Bélády's MIN (evict the key next used furthest in the future) at this size. */
export function optimalHits(trace: readonly string[], capacity: number): number {
  const next: number[] = new Array(trace.length);
  const seen = new Map<string, number>();
  for (let i = trace.length - 1; i >= 0; i--) {
    next[i] = seen.get(trace[i]) ?? Infinity;
    seen.set(trace[i], i);
  }
  const cache = new Map<string, number>();
  let hits = 0;
  trace.forEach((k, i) => {
    if (cache.has(k)) hits++;
    else if (cache.size >= capacity) {
      let victim = '';
      let far = -1;
      for (const [key, n] of cache)
        if (n > far) {
          far = n;
          victim = key;
        }
      cache.delete(victim);
    }
    cache.set(k, next[i]);
  });
  return hits;
}

export const hitsOf = (results: readonly Access[], n = results.length): number => {
  let h = 0;
  for (let i = 0; i < n && i < results.length; i++) if (results[i].hit) h++;
  return h;
};

/** The cache sizes of the hit-ratio chart: 1…maxSize, at most 32 of them, always including `capacity`. */
export function curveSizes(capacity: number, maxSize?: number): number[] {
  const top = maxSize ?? Math.min(128, Math.max(16, 2 * capacity));
  const step = Math.ceil(top / 32);
  const out = new Set<number>([capacity]);
  for (let s = 1; s <= top; s += step) out.add(s);
  out.add(top);
  return [...out].sort((a, b) => a - b);
}

/** Hit ratio (0…1) of a policy (or 'opt', Bélády's MIN) at each size. */
export function hitRatioCurve(policy: Policy | 'opt', trace: readonly string[], sizes: readonly number[]): number[] {
  const n = Math.max(1, trace.length);
  return sizes.map((s) => (policy === 'opt' ? optimalHits(trace, s) : hitsOf(runPolicy(policy, trace, s))) / n);
}

export interface EvictionRun {
  trace: string[];
  results: Record<Policy, Access[]>;
  sizes: number[];
  curves: Record<Policy | 'opt', number[]>;
}

export function simulateEviction(c: CacheConfig): EvictionRun {
  const trace = buildTrace(c);
  const sizes = curveSizes(c.capacity, c.maxSize);
  const results = {} as Record<Policy, Access[]>;
  const curves = { opt: hitRatioCurve('opt', trace, sizes) } as Record<Policy | 'opt', number[]>;
  for (const p of c.policies) {
    results[p] = runPolicy(p, trace, c.capacity);
    curves[p] = hitRatioCurve(p, trace, sizes);
  }
  return { trace, results, sizes, curves };
}

// ───────────────────────────── write patterns ─────────────────────────────

export interface Message {
  from: Lane;
  to: Lane;
  send: number;
  arrive: number;
  label: string;
  /** The client operation it belongs to (−1: a write-behind flush). */
  op: number;
  /** A reply that reached a client that had already crashed. */
  lost?: boolean;
}

/** A value held from `at` on (`value` undefined: nothing cached). */
export interface Held {
  at: number;
  value?: number;
  /** Cache only: when the entry expires. */
  until?: number;
}

export interface OpResult {
  op: number;
  kind: 'read' | 'write';
  start: number;
  /** When the client got its answer (undefined: never, the app crashed). */
  done?: number;
  /** The value written, or the value the read returned. */
  value?: number;
  /** Read only: the latest write acknowledged before the read began. */
  expected?: number;
  /** Read only: served by the cache. */
  hit?: boolean;
}

export interface Window {
  from: number;
  to: number;
  /** `stale`: the cache holds an older value than the database; `ahead`: a newer one. */
  kind: 'stale' | 'ahead';
}

export interface WriteRun {
  pattern: Pattern;
  messages: Message[];
  ops: OpResult[];
  cache: Held[];
  db: Held[];
  windows: Window[];
  /** Write-behind: acknowledged writes the cache lost in a crash before flushing them. */
  lost: number[];
  end: number;
}

const heldAt = (h: readonly Held[], t: number): Held | undefined => {
  let out: Held | undefined;
  for (const x of h) if (x.at <= t) out = x;
  return out;
};

/** The cached value at time t (undefined when empty or expired). */
export function cachedAt(run: Pick<WriteRun, 'cache'>, t: number): number | undefined {
  const h = heldAt(run.cache, t);
  return h && (h.until === undefined || t < h.until) ? h.value : undefined;
}

export const dbAt = (run: Pick<WriteRun, 'db'>, t: number): number => heldAt(run.db, t)?.value ?? 0;

export function simulateWrites(c: CacheConfig, pattern: Pattern): WriteRun {
  const messages: Message[] = [];
  const ops: OpResult[] = [];
  const cache: Held[] = [{ at: 0 }];
  const db: Held[] = [{ at: 0, value: 0 }];
  const appDead = c.crash?.target === 'app' ? c.crash.at : Infinity;
  const cacheCrash = c.crash?.target === 'cache' ? c.crash.at : Infinity;
  const behind = pattern === 'write-behind';
  let dirty: number | undefined;
  let flushed = 0;
  const lost: number[] = [];
  let crashed = false;
  let nextFlush = c.flushEvery;
  const lat = (a: Lane, b: Lane) => (a === 'db' || b === 'db' ? c.dbMs : c.cacheMs);
  const send = (from: Lane, to: Lane, label: string, at: number, op: number): number | undefined => {
    if (from === 'client' && at >= appDead) return undefined;
    const arrive = at + lat(from, to);
    messages.push({ from, to, send: at, arrive, label, op, lost: to === 'client' && arrive > appDead ? true : undefined });
    return arrive;
  };
  const setCache = (at: number, value?: number) => cache.push({ at, value, until: value === undefined || (behind && dirty !== undefined) ? undefined : at + c.ttl });
  /** Applies the flushes and the crash up to time t, in time order. */
  const advance = (t: number) => {
    for (;;) {
      const flush = behind ? nextFlush : Infinity;
      const crash = crashed ? Infinity : cacheCrash;
      if (Math.min(flush, crash) > t) return;
      if (crash <= flush) {
        crashed = true;
        if (dirty !== undefined) for (let w = flushed + 1; w <= dirty; w++) lost.push(w);
        dirty = undefined;
        cache.push({ at: crash });
      } else {
        if (dirty !== undefined) {
          const arrive = send('cache', 'db', `UPDATE x=${(flushed = dirty)}`, flush, -1)!;
          db.push({ at: arrive, value: dirty });
          send('db', 'cache', 'ok', arrive, -1);
          // the entry is clean now and may expire
          const h = heldAt(cache, flush);
          if (h?.value === dirty) cache.push({ at: flush, value: dirty, until: flush + c.ttl });
          dirty = undefined;
        }
        nextFlush += c.flushEvery;
      }
    }
  };
  let t = 0;
  let written = 0;
  let acked = 0;
  c.ops.forEach((kind, op) => {
    const r: OpResult = { op, kind, start: t };
    ops.push(r);
    const fin = (at: number | undefined, value?: number) => {
      if (at !== undefined && at <= appDead) r.done = at;
      r.value = value;
    };
    if (kind === 'write') {
      const w = ++written;
      r.value = w;
      if (pattern === 'cache-aside') {
        const a = send('client', 'db', `UPDATE x=${w}`, t, op);
        if (a === undefined) return;
        advance(a);
        db.push({ at: a, value: w });
        const b = send('db', 'client', 'ok', a, op)!;
        const d = send('client', 'cache', 'DEL x', b, op);
        if (d !== undefined) {
          advance(d);
          setCache(d);
          fin(send('cache', 'client', 'ok', d, op), w);
        }
      } else {
        const a = send('client', 'cache', `SET x=${w}`, t, op);
        if (a === undefined) return;
        advance(a);
        if (behind) {
          dirty = w;
          setCache(a, w);
          fin(send('cache', 'client', 'ok', a, op), w);
        } else {
          setCache(a, w);
          const b = send('cache', 'db', `UPDATE x=${w}`, a, op)!;
          advance(b);
          db.push({ at: b, value: w });
          fin(send('cache', 'client', 'ok', send('db', 'cache', 'ok', b, op)!, op), w);
        }
      }
      if (r.done !== undefined) acked = w;
    } else {
      r.expected = acked;
      const a = send('client', 'cache', 'GET x', t, op);
      if (a === undefined) return;
      advance(a);
      const v0 = cachedAt({ cache }, a);
      if (v0 !== undefined) {
        r.hit = true;
        fin(send('cache', 'client', `x=${v0}`, a, op), v0);
      } else if (pattern === 'cache-aside') {
        const b = send('cache', 'client', 'miss', a, op)!;
        const q = send('client', 'db', 'SELECT x', b, op);
        if (q !== undefined) {
          advance(q);
          const dv = dbAt({ db }, q);
          const back = send('db', 'client', `x=${dv}`, q, op)!;
          fin(back, dv);
          const s = send('client', 'cache', `SET x=${dv}`, back, op);
          if (s !== undefined) {
            advance(s);
            setCache(s, dv);
          }
        }
      } else {
        const q = send('cache', 'db', 'SELECT x', a, op)!;
        advance(q);
        const dv = dbAt({ db }, q);
        const back = send('db', 'cache', `x=${dv}`, q, op)!;
        advance(back);
        if (cachedAt({ cache }, back) === undefined) setCache(back, dv);
        fin(send('cache', 'client', `x=${dv}`, back, op), dv);
      }
    }
    const last = messages.length ? Math.max(...messages.filter((m) => m.op === op).map((m) => m.arrive)) : t;
    t = Math.max(t, last) + c.think;
  });
  let end = Math.max(t, ...messages.map((m) => m.arrive));
  if (behind) {
    advance(end + c.flushEvery);
    end = Math.max(end, ...messages.map((m) => m.arrive));
  }
  if (cacheCrash <= end + c.flushEvery) advance(cacheCrash), (end = Math.max(end, cacheCrash));
  if (appDead < Infinity) end = Math.max(end, appDead);
  messages.sort((a, b) => a.send - b.send || a.arrive - b.arrive);
  cache.sort((a, b) => a.at - b.at);
  db.sort((a, b) => a.at - b.at);
  const run: WriteRun = { pattern, messages, ops, cache, db, windows: [], lost, end: end + c.think };
  run.windows = windowsOf(run);
  // show a window that outlasts the operations (a stale entry waiting for its TTL), up to 4× their span
  run.end = Math.max(run.end, ...run.windows.map((w) => Math.min(w.to, 4 * run.end)));
  return run;
}

/** Intervals in which the cache holds a value different from the database's. */
function windowsOf(run: WriteRun): Window[] {
  const times = [...new Set([...run.cache.flatMap((h) => (h.until ? [h.at, h.until] : [h.at])), ...run.db.map((h) => h.at), run.end])].sort((a, b) => a - b);
  const out: Window[] = [];
  for (let i = 0; i + 1 < times.length; i++) {
    const t = times[i];
    const cv = cachedAt(run, t);
    const dv = dbAt(run, t);
    if (cv === undefined || cv === dv) continue;
    const kind = cv < dv ? 'stale' : 'ahead';
    const prev = out[out.length - 1];
    if (prev && prev.to === t && prev.kind === kind) prev.to = times[i + 1];
    else out.push({ from: t, to: times[i + 1], kind });
  }
  return out;
}

// ───────────────────────────── stampede ─────────────────────────────

export interface StampedeRun {
  variant: Variant;
  /** Start times of database queries, in order. */
  queries: number[];
  /** Queries per key. */
  perKey: number[];
  /** The largest number of queries one expiry caused (queries for a key while it was missing). */
  herd: number;
  hits: number;
  misses: number;
  /** Misses that waited for another request's query (coalescing). */
  waits: number;
  requests: number;
  bucket: number;
  /** Queries started per bucket. */
  load: number[];
}

/** Request i arrives at i·1000/rps ms and reads the key drawn i-th from createRng(seed). */
export function simulateStampede(c: CacheConfig, variant: Variant): StampedeRun {
  const coalesce = variant === 'coalesce' || variant === 'both';
  const jitter = variant === 'jitter' || variant === 'both' ? c.jitter : 0;
  const keyRng = createRng(c.seed);
  const ttlRng = createRng((c.seed ^ 0x9e3779b9) >>> 0);
  const ttl = () => c.ttl * (1 + jitter * (2 * ttlRng.next() - 1));
  const K = c.hotKeys;
  const expires = Array.from({ length: K }, () => ttl());
  const inflight = new Array<number>(K).fill(-1);
  const herdNow = new Array<number>(K).fill(0);
  const perKey = new Array<number>(K).fill(0);
  /** Pending completions [time, key], in time order (queries all take `recompute` ms). */
  const pending: [number, number][] = [];
  let head = 0;
  const queries: number[] = [];
  const bucket = c.duration / 120;
  const load = new Array<number>(120).fill(0);
  let hits = 0;
  let misses = 0;
  let waits = 0;
  let herd = 0;
  const gap = 1000 / c.rps;
  const n = Math.floor((c.duration - 1e-9) / gap) + 1;
  for (let i = 0; i < n; i++) {
    const t = i * gap;
    const k = keyRng.int(K);
    while (head < pending.length && pending[head][0] <= t) {
      const [at, key] = pending[head++];
      expires[key] = at + ttl();
      if (inflight[key] === at) inflight[key] = -1;
      herdNow[key] = 0;
    }
    if (t < expires[k]) {
      hits++;
      continue;
    }
    misses++;
    if (coalesce && inflight[k] >= 0) {
      waits++;
      continue;
    }
    const done = t + c.recompute;
    inflight[k] = done;
    pending.push([done, k]);
    queries.push(t);
    perKey[k]++;
    herd = Math.max(herd, ++herdNow[k]);
    load[Math.min(119, Math.floor(t / bucket))]++;
  }
  return { variant, queries, perKey, herd, hits, misses, waits, requests: n, bucket, load };
}

/** Index of the first item > t (sorted numbers). */
export function countUpTo(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

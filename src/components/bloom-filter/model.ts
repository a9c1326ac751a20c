/**
 * Bloom filters, as a pure and deterministic model (no DOM, no wall clock, no unseeded randomness).
 *
 * - A filter has `m` bits and `k` hash functions. The k bit positions of a key come from **double
 *   hashing** over MurmurHash3 x86_32 (hash.ts), as Kirsch and Mitzenmacher showed is as good as k
 *   independent hashes for the false-positive rate:
 *
 *   ```text
 *   h1  = murmur3(key, 0)
 *   h2  = murmur3(key, 0x9747b28c) | 1        (forced odd)
 *   h_i = (h1 + i · h2) mod m                 for i = 0 … k − 1
 *   ```
 *
 *   h1 + i·h2 < 16 · 2^32 = 2^36, so the sum is exact in a double before the `mod`. h2 is odd so
 *   that, when m is a power of two, the k positions are all different (an odd step is coprime with
 *   m). For other m positions can coincide — all k of them when h2 mod m = 0, which happens for
 *   about one key in m: the known weakness of plain double hashing, too rare to move the measured
 *   rate. Setting a bit twice is harmless, and the counting variant counts every hit, so removal
 *   undoes exactly what adding did.
 * - `mightContain(key)` is true when all k bits are 1: "probably present". One 0 bit means
 *   "definitely not present" — a Bloom filter has no false negatives, only false positives.
 * - The **counting** variant keeps a 4-bit counter per position instead of a bit (a bit is "set"
 *   when its counter is > 0). `add` increments the k counters, `remove` decrements them. Counters
 *   saturate at 15 and then stick there: once a counter overflowed its true count is unknown, and
 *   decrementing it could later produce a false negative, so a saturated counter is never lowered.
 * - `remove` is refused when the key cannot have been added: when `mightContain` is false, or a
 *   (non-saturated) counter is lower than the number of times the key hits it. It cannot refuse a key that was never
 *   added but tests positive (a false positive): removing it takes counts that belong to other keys,
 *   and those keys may then test negative — **false negatives**. Only the application, which knows
 *   what it inserted, can prevent that; the scenario below detects and reports it.
 * - Theory: after n distinct keys the fill ratio is about 1 − e^(−kn/m) and the false-positive rate
 *   about (1 − e^(−kn/m))^k; the k that minimises it is (m/n)·ln 2, and a target rate p needs
 *   m = −n·ln p / (ln 2)^2 bits. `measureFprCurve()` checks the formula by experiment: insert n
 *   seeded random keys, query other seeded keys that were never inserted, and count the positives.
 *   The formula is an approximation: one filter's rate scatters around it (its fill ratio varies
 *   from filter to filter), and for small m the average runs slightly above it, since
 *   E[fill^k] > E[fill]^k; from a few thousand bits on the difference is lost in the noise.
 * - A scenario is the config plus a list of actions (add/remove/query); the filter after `step`
 *   actions is a function of the config alone, so stepping back or seeking is exact.
 */
import { murmur3 } from '../../core/hash.js';
import { createRng } from '../../core/prng.js';
import * as v from '../../core/validate.js';

export const MIN_M = 8;
export const MAX_M = 100_000;
export const MAX_K = 16;
export const MAX_KEYS = 100_000;
export const MAX_ACTIONS = 1000;
/** The largest value of a 4-bit counter; a counter that reaches it sticks. */
export const COUNTER_MAX = 15;
/** The seed of the second hash, h2 (MurmurHash3's customary non-zero seed). */
export const SEED2 = 0x9747b28c;

export type BloomActionType = 'add' | 'remove' | 'query';
export interface BloomAction {
  type: BloomActionType;
  key: string;
}

// ───────────────────────────── hashing and theory ─────────────────────────────

/** The two base hashes of double hashing: h1 = murmur3(key, 0), h2 = murmur3(key, SEED2) | 1. */
export function baseHashes(key: string): [number, number] {
  return [murmur3(key, 0), (murmur3(key, SEED2) | 1) >>> 0];
}

/** The k bit positions of `key` in a filter of m bits, in hash order (they may repeat when m is not a power of two). */
export function positionsOf(key: string, m: number, k: number): number[] {
  const [h1, h2] = baseHashes(key);
  const out = new Array<number>(k);
  for (let i = 0; i < k; i++) out[i] = (h1 + i * h2) % m;
  return out;
}

/** The expected fraction of bits set after n distinct keys: 1 − e^(−kn/m). */
export function expectedFill(m: number, k: number, n: number): number {
  return 1 - Math.exp((-k * n) / m);
}

/** The classic false-positive rate: (1 − e^(−kn/m))^k. */
export function theoreticalFpr(m: number, k: number, n: number): number {
  return expectedFill(m, k, n) ** k;
}

/** The k that minimises the false-positive rate for m bits and n keys: (m/n)·ln 2 (a real number; Infinity at n = 0). */
export function optimalK(m: number, n: number): number {
  return (m / n) * Math.LN2;
}

/** The best whole k from 1 to MAX_K: floor or ceil of the optimum, whichever gives the lower rate. */
export function bestK(m: number, n: number): number {
  if (n <= 0) return MAX_K;
  const x = optimalK(m, n);
  const lo = Math.min(MAX_K, Math.max(1, Math.floor(x)));
  const hi = Math.min(MAX_K, Math.max(1, Math.ceil(x)));
  return theoreticalFpr(m, hi, n) < theoreticalFpr(m, lo, n) ? hi : lo;
}

/** Bits needed for n keys at false-positive rate p (with the optimal k): m = −n·ln p / (ln 2)^2, rounded up. */
export function mForP(n: number, p: number): number {
  return Math.ceil((-n * Math.log(p)) / (Math.LN2 * Math.LN2));
}

/** The optimal k for a target rate p: −log2 p (the bits-per-key factor drops out). */
export function kForP(p: number): number {
  return -Math.log2(p);
}

/** The n at which the theoretical rate reaches `p` (used to size the experiment's x axis). */
export function nAtFpr(m: number, k: number, p: number): number {
  return -(m / k) * Math.log(1 - p ** (1 / k));
}

// ───────────────────────────── the filter ─────────────────────────────

/** A Bloom filter (plain or counting). Mutable; the scenario clones it per step. */
export class BloomFilter {
  readonly m: number;
  readonly k: number;
  readonly counting: boolean;
  /** One byte per bit: 0 or 1. */
  readonly bits: Uint8Array;
  /** Counting variant: a 4-bit counter per position (0…15); undefined otherwise. */
  readonly counters?: Uint8Array;
  /** Bits currently set. */
  setCount = 0;

  constructor(m: number, k: number, counting = false) {
    this.m = m;
    this.k = k;
    this.counting = counting;
    this.bits = new Uint8Array(m);
    if (counting) this.counters = new Uint8Array(m);
  }

  clone(): BloomFilter {
    const f = new BloomFilter(this.m, this.k, this.counting);
    f.bits.set(this.bits);
    if (this.counters) f.counters!.set(this.counters);
    f.setCount = this.setCount;
    return f;
  }

  positions(key: string): number[] {
    return positionsOf(key, this.m, this.k);
  }

  /** Sets the key's bits (increments its counters); returns the positions that went from 0 to 1. */
  add(key: string): number[] {
    return this.addAt(this.positions(key));
  }

  /** `add` with the positions already computed. */
  addAt(pos: readonly number[]): number[] {
    const fresh: number[] = [];
    for (const p of pos) {
      if (this.counters && this.counters[p] < COUNTER_MAX) this.counters[p]++;
      if (!this.bits[p]) {
        this.bits[p] = 1;
        this.setCount++;
        fresh.push(p);
      }
    }
    return fresh;
  }

  /** True when all k bits are set: "probably present". False means "definitely not present". */
  mightContain(key: string): boolean {
    return this.allSet(this.positions(key));
  }

  allSet(pos: readonly number[]): boolean {
    for (const p of pos) if (!this.bits[p]) return false;
    return true;
  }

  /** Why `remove` would be refused, or undefined when it is allowed. */
  removeProblem(pos: readonly number[]): 'not-counting' | 'absent' | undefined {
    if (!this.counters) return 'not-counting';
    if (!this.allSet(pos)) return 'absent';
    const hits = new Map<number, number>();
    for (const p of pos) hits.set(p, (hits.get(p) ?? 0) + 1);
    // a saturated counter may stand for more hits than it shows, so it never blocks a removal
    for (const [p, h] of hits) if (this.counters[p] < Math.min(h, COUNTER_MAX)) return 'absent';
    return undefined;
  }

  /**
   * Counting variant: decrements the key's counters (saturated ones stay at 15). Returns the
   * positions that went from 1 to 0, or null — and changes nothing — when the filter is not a
   * counting one or the key cannot have been added (`mightContain` is false).
   */
  remove(key: string): number[] | null {
    return this.removeAt(this.positions(key));
  }

  removeAt(pos: readonly number[]): number[] | null {
    if (this.removeProblem(pos)) return null;
    const cleared: number[] = [];
    const c = this.counters!;
    for (const p of pos) {
      if (c[p] === COUNTER_MAX) continue;
      c[p]--;
      if (c[p] === 0) {
        this.bits[p] = 0;
        this.setCount--;
        cleared.push(p);
      }
    }
    return cleared;
  }

  /** Fraction of the m bits that are set. */
  get fill(): number {
    return this.setCount / this.m;
  }
}

// ───────────────────────────── the experiment ─────────────────────────────

/** `count` distinct keys `<prefix><6 base-36 chars>` drawn from `seed` (the same seed gives the same keys). */
export function randomKeys(count: number, seed: number | string, prefix = 'user:'): string[] {
  const rng = createRng(seed);
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < count) {
    const key = `${prefix}${Math.floor(rng.next() * 36 ** 6).toString(36).padStart(6, '0')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(key);
  }
  return out;
}

export interface FprPoint {
  /** Keys inserted. */
  n: number;
  /** False positives among the queries. */
  falsePositives: number;
  queries: number;
  /** falsePositives / queries. */
  measured: number;
  /** (1 − e^(−kn/m))^k. */
  theory: number;
  /** Measured fraction of bits set. */
  fill: number;
}

export interface CurveOptions {
  m: number;
  k: number;
  seed: number;
  /** The largest n on the curve. */
  nMax: number;
  /** Points after n = 0 (default 16). */
  points?: number;
  /** Never-inserted keys queried at each point, per filter (default 1000). */
  queries?: number;
  /**
   * Independent filters to average over (default 1). One small filter's rate scatters widely
   * around the formula (its fill ratio varies from filter to filter); averaging shows the mean.
   */
  trials?: number;
}

/**
 * The false-positive rate measured as a filter fills: insert seeded random keys one by one and, at
 * `points` evenly spaced values of n up to `nMax`, query `queries` other seeded keys (prefixed
 * `probe:` where inserted keys are `key:`, so never inserted) and count how many test positive; with `trials` > 1, sum over that many independent
 * filters (trial t > 0 draws its keys from the seed "<seed>#<t>"). Deterministic for a given seed.
 */
export function measureFprCurve(opts: CurveOptions): FprPoint[] {
  const { m, k, seed } = opts;
  const nMax = Math.max(1, Math.round(opts.nMax));
  const points = Math.max(1, Math.min(nMax, opts.points ?? 16));
  const q = opts.queries ?? 1000;
  const trials = Math.max(1, opts.trials ?? 1);
  const ns = Array.from({ length: points + 1 }, (_, j) => Math.round((j * nMax) / points));
  const fps = new Array<number>(ns.length).fill(0);
  const fills = new Array<number>(ns.length).fill(0);
  for (let t = 0; t < trials; t++) {
    const s = t ? `${seed}#${t}` : seed;
    const filter = new BloomFilter(m, k);
    const probes = randomKeys(q, `${s}:queries`, 'probe:').map((key) => positionsOf(key, m, k));
    const keys = randomKeys(nMax, s, 'key:');
    let inserted = 0;
    ns.forEach((n, j) => {
      while (inserted < n) filter.add(keys[inserted++]);
      for (const pos of probes) if (filter.allSet(pos)) fps[j]++;
      fills[j] += filter.fill / trials;
    });
  }
  const total = q * trials;
  return ns.map((n, j) => ({ n, falsePositives: fps[j], queries: total, measured: total ? fps[j] / total : 0, theory: theoreticalFpr(m, k, n), fill: fills[j] }));
}

/** One measurement: a fresh filter with n keys from `seed`, queried with `queries` never-inserted keys. */
export function measureFpr(m: number, k: number, n: number, seed: number, queries = 1000): FprPoint {
  return measureFprCurve({ m, k, seed, nMax: Math.max(1, n), points: 1, queries })[n > 0 ? 1 : 0];
}

// ───────────────────────────── config ─────────────────────────────

export const bloomKey = v.string({ minLength: 1, maxLength: 200 });

const actionSchema = v.tagged<BloomAction>('type', {
  add: v.object({ type: v.oneOf(['add'] as const), key: bloomKey }, { name: '{ type: "add", key }' }),
  remove: v.object({ type: v.oneOf(['remove'] as const), key: bloomKey }, { name: '{ type: "remove", key }' }),
  query: v.object({ type: v.oneOf(['query'] as const), key: bloomKey }, { name: '{ type: "query", key }' }),
});

const rawSchema = v.object({
  m: v.optional(v.describe(v.number({ integer: true, min: MIN_M, max: MAX_M }), 'Bits in the filter.'), 64),
  k: v.optional(v.describe(v.number({ integer: true, min: 1, max: MAX_K }), 'Hash functions (bits set per key).'), 3),
  counting: v.optional(v.describe(v.boolean(), 'A counting Bloom filter: 4-bit counters instead of bits, so keys can be removed.'), false),
  seed: v.optional(v.describe(v.number({ integer: true, min: 0, max: 2 ** 32 - 1 }), 'Seed for generated keys and the false-positive experiment.'), 1),
  keys: v.optional(v.describe(v.array(bloomKey, { maxItems: MAX_KEYS, uniqueBy: v.idKey, uniqueName: 'key' }), 'Keys added before the history starts. Overrides keyCount.')),
  keyCount: v.optional(v.describe(v.number({ integer: true, min: 0, max: MAX_KEYS }), 'How many seeded random keys to add first when `keys` is not given.'), 0),
  actions: v.optional(v.describe(v.array(actionSchema, { maxItems: MAX_ACTIONS }), 'Adds, removals (counting filters only) and queries, applied in order.'), []),
  step: v.optional(v.describe(v.number({ integer: true, min: 0 }), 'How many actions are applied when the filter is shown (default: all).')),
  probe: v.optional(v.describe(v.string({ maxLength: 200 }), 'A key typed into the form, its positions previewed.')),
  title: v.optional(v.describe(v.string({ maxLength: 200 }), 'Accessible name and visible title.')),
});

export interface BloomConfig {
  m: number;
  k: number;
  counting: boolean;
  seed: number;
  /** The keys added before the first action. */
  keys: string[];
  actions: BloomAction[];
  /** How many of `actions` are applied. */
  step: number;
  probe?: string;
  title?: string;
}

/** Validates a Bloom filter config and fills defaults; replays the actions to check each removal. */
export const bloomConfigSchema: v.Schema<BloomConfig> = {
  expected: rawSchema.expected,
  kind: 'object',
  spec: rawSchema.spec,
  check(input, path, issues) {
    const raw = rawSchema.check(input, path, issues);
    if (!raw) return undefined;
    const before = issues.length;
    const keys = raw.keys ?? randomKeys(raw.keyCount, raw.seed);
    const filter = new BloomFilter(raw.m, raw.k, raw.counting);
    for (const key of keys) filter.add(key);
    raw.actions.forEach((a, i) => {
      const p = v.joinPath(v.joinPath(path, 'actions'), i);
      if (a.type === 'add') filter.add(a.key);
      else if (a.type === 'remove') {
        const problem = filter.removeProblem(filter.positions(a.key));
        if (problem === 'not-counting') issues.push({ path: v.joinPath(p, 'type'), message: 'a plain Bloom filter cannot remove keys (set counting: true)' });
        else if (problem === 'absent') issues.push({ path: v.joinPath(p, 'key'), message: `${JSON.stringify(a.key)} is definitely not in the filter at this point, so it cannot be removed` });
        else filter.remove(a.key);
      }
    });
    if (raw.step !== undefined && raw.step > raw.actions.length)
      issues.push({ path: v.joinPath(path, 'step'), message: `expected at most ${raw.actions.length} (the number of actions), got ${raw.step}` });
    if (issues.length > before) return undefined;
    return {
      m: raw.m,
      k: raw.k,
      counting: raw.counting,
      seed: raw.seed,
      keys,
      actions: raw.actions.map((a) => ({ type: a.type, key: a.key })),
      step: raw.step ?? raw.actions.length,
      probe: raw.probe,
      title: raw.title,
    };
  },
};

// ───────────────────────────── the scenario ─────────────────────────────

/** What the action that led to a step did. */
export interface BloomChange {
  action: BloomAction;
  /** The key's k positions, in hash order. */
  positions: number[];
  /** add: bits that went 0 → 1; remove: bits that went 1 → 0. */
  flipped: number[];
  /** query: the filter's answer ("probably present"). */
  present?: boolean;
  /** query: probably present although not in the set — a false positive. */
  falsePositive?: boolean;
  /** remove: the key was not in the set (never added, or already removed) — it only tested positive — so other keys' counts were taken. */
  neverAdded?: boolean;
  /** remove: keys in the set that now test negative because of this removal — false negatives. */
  falseNegatives?: string[];
}

export interface BloomState {
  step: number;
  filter: BloomFilter;
  /** The keys in the set (what the application inserted and did not remove), with their multiplicity. */
  members: ReadonlyMap<string, number>;
  /** Distinct keys in the set. */
  n: number;
  /** Undefined at step 0. */
  change?: BloomChange;
}

/**
 * A Bloom filter scenario: the config, its initial keys and a history of adds, removals and
 * queries. `stateAt(step)` is a pure function of the config; `withAction` returns a new scenario
 * (the history after the current step is discarded, as in an editor's undo).
 */
export class BloomScenario {
  readonly config: BloomConfig;
  private cache = new Map<number, BloomState>();
  private posCache = new Map<string, number[]>();
  private changes?: BloomChange[];

  constructor(config: BloomConfig) {
    this.config = config;
  }

  get length(): number {
    return this.config.actions.length;
  }

  /** The key's positions (memoised: they depend only on m and k). */
  positions(key: string): number[] {
    let p = this.posCache.get(key);
    if (!p) {
      p = positionsOf(key, this.config.m, this.config.k);
      if (this.posCache.size > 50_000) this.posCache.clear();
      this.posCache.set(key, p);
    }
    return p;
  }

  stateAt(step: number): BloomState {
    const s = Math.max(0, Math.min(this.length, Math.round(step)));
    const hit = this.cache.get(s);
    if (hit) return hit;
    // Start from the nearest cached state at or before s (or from scratch) and apply actions forward.
    let from = -1;
    for (const c of this.cache.keys()) if (c < s && c > from) from = c;
    let state = from >= 0 ? this.cache.get(from)! : this.initial();
    for (let i = state.step; i < s; i++) state = this.apply(state, this.config.actions[i]);
    this.remember(state);
    return state;
  }

  /** A new scenario with `action` recorded after `step` (later history dropped); null when refused. */
  withAction(step: number, action: BloomAction): BloomScenario | null {
    const s = Math.max(0, Math.min(this.length, Math.round(step)));
    if (!action.key || action.key.length > 200 || action.key.trim() === '') return null;
    if (action.type === 'remove' && this.removeProblem(s, action.key)) return null;
    const actions = [...this.config.actions.slice(0, s), { type: action.type, key: action.key }];
    if (actions.length > MAX_ACTIONS) return null;
    return new BloomScenario({ ...this.config, actions, step: actions.length });
  }

  /** Why removing `key` at `step` is refused: a plain filter, or the key is definitely absent. */
  removeProblem(step: number, key: string): 'not-counting' | 'absent' | undefined {
    return this.stateAt(step).filter.removeProblem(this.positions(key));
  }

  /** The scenario as JSON config; pasting it back reproduces this exact run at `step`. */
  toJSON(step = this.config.step): Record<string, unknown> {
    const c = this.config;
    const out: Record<string, unknown> = { m: c.m, k: c.k };
    if (c.counting) out.counting = true;
    out.seed = c.seed;
    const generated = randomKeys(c.keys.length, c.seed);
    if (c.keys.length && generated.every((key, i) => key === c.keys[i])) out.keyCount = c.keys.length;
    else if (c.keys.length) out.keys = [...c.keys];
    if (c.actions.length) {
      out.actions = c.actions.map((a) => ({ type: a.type, key: a.key }));
      out.step = Math.max(0, Math.min(c.actions.length, Math.round(step)));
    }
    if (c.probe) out.probe = c.probe;
    if (c.title) out.title = c.title;
    return out;
  }

  private initial(): BloomState {
    const filter = new BloomFilter(this.config.m, this.config.k, this.config.counting);
    const members = new Map<string, number>();
    for (const key of this.config.keys) {
      filter.addAt(this.positions(key));
      members.set(key, 1);
    }
    return { step: 0, filter, members, n: members.size };
  }

  /** What every action did, in order (one replay over a single filter; memoised). */
  history(): readonly BloomChange[] {
    if (!this.changes) {
      const { filter, members } = this.initial();
      this.changes = this.config.actions.map((a) => this.run(filter, members as Map<string, number>, a));
    }
    return this.changes;
  }

  private apply(prev: BloomState, action: BloomAction): BloomState {
    const filter = prev.filter.clone();
    const members = action.type === 'query' ? (prev.members as Map<string, number>) : new Map(prev.members);
    const change = this.run(filter, members, action);
    return { step: prev.step + 1, filter, members, n: members.size, change };
  }

  /** Applies one action to a filter and the set of members, in place; returns what it did. */
  private run(filter: BloomFilter, members: Map<string, number>, action: BloomAction): BloomChange {
    const positions = this.positions(action.key);
    if (action.type === 'query') {
      const present = filter.allSet(positions);
      return { action, positions, flipped: [], present, falsePositive: present && !members.has(action.key) };
    }
    if (action.type === 'add') {
      const flipped = filter.addAt(positions);
      // A plain filter is a set; a counting filter counts repeated adds (each needs its own remove).
      members.set(action.key, this.config.counting ? (members.get(action.key) ?? 0) + 1 : 1);
      return { action, positions, flipped };
    }
    const flipped = filter.removeAt(positions) ?? [];
    const count = members.get(action.key) ?? 0;
    const change: BloomChange = { action, positions, flipped, neverAdded: count === 0, falseNegatives: [] };
    if (count > 1) members.set(action.key, count - 1);
    else members.delete(action.key);
    if (flipped.length) {
      const gone = new Set(flipped);
      for (const key of members.keys()) if (this.positions(key).some((p) => gone.has(p))) change.falseNegatives!.push(key);
    }
    return change;
  }

  private remember(state: BloomState): void {
    if (this.cache.size > 16) this.cache.delete(this.cache.keys().next().value as number);
    this.cache.set(state.step, state);
  }
}

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../../src/core/prng.js';
import { parse } from '../../src/core/validate.js';
import {
  buildTrace,
  cacheAt,
  cacheConfigSchema,
  cachedAt,
  createPolicy,
  dbAt,
  hitRatioCurve,
  hitsOf,
  optimalHits,
  runPolicy,
  simulateEviction,
  simulateStampede,
  simulateWrites,
  zipfProbabilities,
  zipfSampler,
  PATTERNS,
  type CacheConfig,
  type Policy,
} from '../../src/components/cache-simulator/model.js';

function config(input: Record<string, unknown>): CacheConfig {
  const r = parse(cacheConfigSchema, input);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.value;
}
const issues = (input: unknown): string[] => {
  const r = parse(cacheConfigSchema, input);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};

/** Brute-force references: plain arrays, linear scans, no cleverness. */
function reference(policy: 'lru' | 'lfu' | 'fifo', trace: string[], cap: number): { hit: boolean; evicted?: string }[] {
  const keys: string[] = [];
  const inserted = new Map<string, number>();
  const used = new Map<string, number>();
  const count = new Map<string, number>();
  return trace.map((k, t) => {
    if (keys.includes(k)) {
      used.set(k, t);
      count.set(k, count.get(k)! + 1);
      return { hit: true };
    }
    let evicted: string | undefined;
    if (keys.length >= cap) {
      const score = (x: string): [number, number] =>
        policy === 'fifo' ? [inserted.get(x)!, 0] : policy === 'lru' ? [used.get(x)!, 0] : [count.get(x)!, used.get(x)!];
      evicted = keys.reduce((a, b) => {
        const [a1, a2] = score(a);
        const [b1, b2] = score(b);
        return b1 < a1 || (b1 === a1 && b2 < a2) ? b : a;
      });
      keys.splice(keys.indexOf(evicted), 1);
    }
    keys.push(k);
    inserted.set(k, t);
    used.set(k, t);
    count.set(k, 1);
    return { hit: false, evicted };
  });
}

const arbTrace = fc.array(fc.integer({ min: 1, max: 12 }).map((n) => `k${n}`), { minLength: 1, maxLength: 120 });

describe('config', () => {
  it('fills defaults for the eviction mode', () => {
    const c = config({});
    expect(c).toMatchObject({ mode: 'eviction', capacity: 6, keys: 40, skew: 0.8, length: 300, policies: ['lru', 'lfu', 'fifo', 'arc'], requests: [], step: 0 });
  });

  it('locates bad values, cross-field problems and unknown fields', () => {
    expect(issues({ capacity: 0 })).toEqual(['capacity: expected an integer from 1 to 64, got 0']);
    expect(issues({ skew: 'steep' })).toEqual(['skew: expected a number from 0 to 3, got "steep"']);
    expect(issues({ policies: ['lru', 'lru'] })[0]).toMatch(/^policies\[1\]: duplicate policy "lru"/);
    expect(issues({ policies: ['clock'] })[0]).toMatch(/^policies\[0\]: expected one of "lru", "lfu", "fifo", "arc"/);
    expect(issues({ trace: ['a', 'b'], requests: [{ at: 3, key: 'z' }] })).toEqual(['requests[0].at: expected at most 2 (the trace length at that point), got 3']);
    expect(issues({ trace: ['a', 'b b'] })[0]).toMatch(/^trace\[1\]: expected a key of 1–16/);
    expect(issues({ length: 10, step: 11 })[0]).toMatch(/^step: expected at most the trace length \(10\)/);
    expect(issues({ capacity: 10, maxSize: 4 })[0]).toMatch(/^maxSize: expected at least capacity \(10\)/);
    expect(issues({ mode: 'stampede', rps: 20_000, duration: 600_000 })[0]).toMatch(/^rps: expected rps × duration ≤/);
    expect(issues({ crash: { at: 5, target: 'db' } })[0]).toMatch(/^crash\.target: expected one of "cache", "app"/);
    expect(issues({ capacty: 3 })[0]).toMatch(/^capacty: unknown field \(did you mean "capacity"\?\)/);
  });
});

describe('Zipf traces', () => {
  it('probabilities sum to 1 and fall as rank^−s', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 200 }), fc.double({ min: 0, max: 3, noNaN: true }), (n, s) => {
        const p = zipfProbabilities(n, s);
        expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
        expect(p[1] / p[0]).toBeCloseTo(2 ** -s, 9);
      }),
    );
  });

  it('sampled frequencies match rank^−s within 4 standard errors', () => {
    for (const [n, s, seed] of [[50, 0.8, 1], [20, 1.2, 7], [10, 0, 3]] as const) {
      const draw = zipfSampler(n, s, createRng(seed));
      const N = 100_000;
      const counts = new Array(n + 1).fill(0);
      for (let i = 0; i < N; i++) counts[draw()]++;
      expect(counts[0]).toBe(0);
      zipfProbabilities(n, s).forEach((p, i) => {
        expect(Math.abs(counts[i + 1] / N - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N) + 1e-9);
      });
    }
  });

  it('is deterministic per seed, and inserts scans and learner requests where asked', () => {
    const c = config({ length: 30, scan: { every: 5, length: 3 }, requests: [{ at: 0, key: 'mine' }] });
    const t = buildTrace(c);
    expect(buildTrace(c)).toEqual(t);
    expect(t).toHaveLength(31);
    expect(t[0]).toBe('mine');
    expect(t.slice(6, 9)).toEqual(['s1', 's2', 's3']);
    expect(new Set(t.filter((k) => k.startsWith('s'))).size).toBe(t.filter((k) => k.startsWith('s')).length);
    expect(buildTrace({ ...c, seed: 2 })).not.toEqual(t);
  });
});

describe('eviction policies', () => {
  it('LRU, LFU and FIFO agree with brute-force references on random traces', () => {
    fc.assert(
      fc.property(arbTrace, fc.integer({ min: 1, max: 8 }), fc.constantFrom('lru', 'lfu', 'fifo' as const), (trace, cap, p) => {
        expect(runPolicy(p, trace, cap)).toEqual(reference(p, trace, cap));
      }),
      { numRuns: 300 },
    );
  });

  it('every policy: size ≤ capacity, slots = size, evicts only when full, hits + misses = requests', () => {
    fc.assert(
      fc.property(arbTrace, fc.integer({ min: 1, max: 8 }), fc.constantFrom<Policy>('lru', 'lfu', 'fifo', 'arc'), (trace, cap, p) => {
        const cache = createPolicy(p, cap);
        let hits = 0;
        let misses = 0;
        for (const k of trace) {
          const before = cache.size;
          const r = cache.access(k);
          if (r.hit) hits++;
          else misses++;
          expect(cache.size).toBeLessThanOrEqual(cap);
          expect(cache.slots()).toHaveLength(cache.size);
          expect(cache.slots().some((s) => s.key === k)).toBe(true);
          if (r.evicted !== undefined) expect(before).toBe(cap);
          if (!r.hit && before < cap) expect(r.evicted).toBeUndefined();
        }
        expect(hits + misses).toBe(trace.length);
      }),
      { numRuns: 300 },
    );
  });

  it('ARC keeps its invariants: |T1|+|B1| ≤ c, all four lists ≤ 2c, 0 ≤ p ≤ c, ghosts only when full', () => {
    fc.assert(
      fc.property(arbTrace, fc.integer({ min: 1, max: 8 }), (trace, c) => {
        const arc = createPolicy('arc', c);
        for (const k of trace) {
          arc.access(k);
          const g = arc.ghosts!();
          const t1 = arc.slots().filter((s) => s.seg === 't1').length;
          const t2 = arc.slots().filter((s) => s.seg === 't2').length;
          const [b1, b2] = [g.b1.length, g.b2.length];
          expect(t1 + t2).toBeLessThanOrEqual(c);
          expect(t1 + b1).toBeLessThanOrEqual(c);
          expect(t1 + t2 + b1 + b2).toBeLessThanOrEqual(2 * c);
          if (b1 + b2 > 0) expect(t1 + t2).toBe(c);
          expect(g.p).toBeGreaterThanOrEqual(0);
          expect(g.p).toBeLessThanOrEqual(c);
          for (const key of [...g.b1, ...g.b2]) expect(arc.slots().some((s) => s.key === key)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('LRU is a stack algorithm: its hits never fall as the cache grows', () => {
    fc.assert(
      fc.property(arbTrace, (trace) => {
        const sizes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
        const h = hitRatioCurve('lru', trace, sizes);
        for (let i = 1; i < h.length; i++) expect(h[i]).toBeGreaterThanOrEqual(h[i - 1]);
      }),
    );
  });

  it("Bélády's MIN is never beaten by any policy", () => {
    fc.assert(
      fc.property(arbTrace, fc.integer({ min: 1, max: 8 }), (trace, cap) => {
        const opt = optimalHits(trace, cap);
        for (const p of ['lru', 'lfu', 'fifo', 'arc'] as const) expect(hitsOf(runPolicy(p, trace, cap))).toBeLessThanOrEqual(opt);
      }),
      { numRuns: 300 },
    );
  });

  it("FIFO is not a stack algorithm: Bélády's anomaly on 1 2 3 4 1 2 5 1 2 3 4 5 (3 frames beat 4)", () => {
    const trace = '1 2 3 4 1 2 5 1 2 3 4 5'.split(' ');
    const [three, four] = hitRatioCurve('fifo', trace, [3, 4]);
    expect(four).toBeLessThan(three);
    const [l3, l4] = hitRatioCurve('lru', trace, [3, 4]);
    expect(l4).toBeGreaterThanOrEqual(l3);
  });

  it('ARC beats LRU on scan-polluted Zipf traces (seeds 1–10, every seed)', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const c = config({ seed, length: 2000, keys: 100, skew: 1, capacity: 16, scan: { every: 40, length: 20 } });
      const run = simulateEviction(c);
      const lru = hitsOf(run.results.lru);
      const arc = hitsOf(run.results.arc);
      expect(arc, `seed ${seed}`).toBeGreaterThan(lru);
    }
  });

  it('cacheAt replays the same run as runPolicy; the same seed gives the same run', () => {
    const c = config({ seed: 5, length: 200 });
    const a = simulateEviction(c);
    expect(simulateEviction(c)).toEqual(a);
    for (const p of c.policies) {
      const cache = cacheAt(p, a.trace, c.capacity, 100);
      expect(cache.size).toBeLessThanOrEqual(c.capacity);
      const again = createPolicy(p, c.capacity);
      a.trace.slice(0, 100).forEach((k) => again.access(k));
      expect(cache.slots()).toEqual(again.slots());
    }
    expect(a.curves.lru[a.sizes.indexOf(c.capacity)]).toBeCloseTo(hitsOf(a.results.lru) / a.trace.length, 12);
  });
});

describe('write patterns', () => {
  const arbWrites = fc.record({
    ops: fc.array(fc.constantFrom('read', 'write'), { minLength: 1, maxLength: 10 }),
    cacheMs: fc.integer({ min: 1, max: 5 }),
    dbMs: fc.integer({ min: 2, max: 30 }),
    think: fc.integer({ min: 0, max: 20 }),
    flushEvery: fc.integer({ min: 5, max: 200 }),
    crash: fc.option(fc.record({ at: fc.integer({ min: 0, max: 400 }), target: fc.constantFrom('cache', 'app') }), { nil: undefined }),
  });

  it('messages arrive after they are sent; cache-aside and write-through never lose an acknowledged write', () => {
    fc.assert(
      fc.property(arbWrites, (w) => {
        const c = config({ mode: 'writes', ...w });
        for (const p of PATTERNS) {
          const r = simulateWrites(c, p);
          for (const m of r.messages) expect(m.arrive).toBeGreaterThan(m.send);
          for (const o of r.ops) if (o.done !== undefined) expect(o.done).toBeGreaterThan(o.start);
          if (p !== 'write-behind') expect(r.lost).toEqual([]);
          for (const win of r.windows) expect(win.to).toBeGreaterThan(win.from);
        }
      }),
    );
  });

  it('only a cache crash loses writes, only under write-behind, and only acknowledged writes the database never got', () => {
    fc.assert(
      fc.property(arbWrites, (w) => {
        const c = config({ mode: 'writes', ...w });
        const r = simulateWrites(c, 'write-behind');
        if (c.crash?.target !== 'cache') expect(r.lost).toEqual([]);
        for (const v of r.lost) {
          expect(r.ops.some((o) => o.kind === 'write' && o.value === v)).toBe(true);
          expect(r.db.every((h) => h.value !== v || h.at > c.crash!.at)).toBe(true);
        }
      }),
    );
  });

  it('without a crash every pattern ends with the last write in the database, and reads never go back in time', () => {
    fc.assert(
      fc.property(arbWrites, (w) => {
        const c = config({ mode: 'writes', ...w, crash: undefined });
        const writes = c.ops.filter((o) => o === 'write').length;
        for (const p of PATTERNS) {
          const r = simulateWrites(c, p);
          expect(dbAt(r, r.end)).toBe(writes);
          expect(r.lost).toEqual([]);
          for (const o of r.ops) if (o.kind === 'read') expect(o.value).toBe(o.expected);
        }
      }),
    );
  });

  it('write-through reads its own writes from the cache; write-behind writes to the database at most once per flush', () => {
    const c = config({ mode: 'writes', ops: ['write', 'read', 'write', 'write', 'read'], flushEvery: 100 });
    const wt = simulateWrites(c, 'write-through');
    expect(wt.ops.filter((o) => o.kind === 'read').every((o) => o.hit)).toBe(true);
    const wb = simulateWrites(c, 'write-behind');
    const updates = wb.messages.filter((m) => m.from === 'cache' && m.to === 'db' && m.label.startsWith('UPDATE'));
    expect(updates.length).toBeLessThan(3);
    const times = updates.map((m) => m.send);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(100);
  });

  it('a cache crash before the flush loses write-behind’s acknowledged writes; the next read returns the old value', () => {
    const c = config({ mode: 'writes', ops: ['write', 'write', 'read'], flushEvery: 1000, crash: { at: 12, target: 'cache' } });
    const wb = simulateWrites(c, 'write-behind');
    expect(wb.lost).toEqual([1, 2]);
    const read = wb.ops[2];
    expect(read.value).toBe(0);
    expect(read.expected).toBe(2);
    expect(cachedAt(wb, 13)).toBeUndefined();
    for (const p of ['cache-aside', 'write-through'] as const) expect(simulateWrites(c, p).lost).toEqual([]);
  });

  it('an app crash between the database update and the DEL leaves cache-aside stale until the TTL', () => {
    const base = config({ mode: 'writes', ops: ['read', 'write'], ttl: 500 });
    const ok = simulateWrites(base, 'cache-aside');
    const upd = ok.messages.find((m) => m.label.startsWith('UPDATE'))!;
    const c = { ...base, crash: { at: upd.arrive + 1, target: 'app' as const } };
    const r = simulateWrites(c, 'cache-aside');
    expect(r.messages.some((m) => m.label === 'DEL x')).toBe(false);
    const stale = r.windows.find((w) => w.kind === 'stale')!;
    expect(stale.from).toBe(upd.arrive);
    expect(stale.to).toBe(r.cache.find((h) => h.value === 0)!.until);
  });

  it('is deterministic', () => {
    const c = config({ mode: 'writes', crash: { at: 30, target: 'cache' } });
    for (const p of PATTERNS) expect(simulateWrites(c, p)).toEqual(simulateWrites(c, p));
  });
});

describe('stampede', () => {
  const arbSt = fc.record({
    seed: fc.integer({ min: 0, max: 1000 }),
    rps: fc.integer({ min: 10, max: 2000 }),
    hotKeys: fc.integer({ min: 1, max: 30 }),
    ttl: fc.integer({ min: 200, max: 5000 }),
    recompute: fc.integer({ min: 1, max: 500 }),
    duration: fc.integer({ min: 1000, max: 15_000 }),
    jitter: fc.double({ min: 0, max: 0.9, noNaN: true }),
  });

  it('hits + misses = requests; coalesced misses either query or wait; the request stream is shared', () => {
    fc.assert(
      fc.property(arbSt, (s) => {
        const c = config({ mode: 'stampede', ...s });
        const none = simulateStampede(c, 'none');
        for (const v of ['none', 'coalesce', 'jitter', 'both'] as const) {
          const r = simulateStampede(c, v);
          expect(r.hits + r.misses).toBe(r.requests);
          expect(r.queries.length + r.waits).toBe(r.misses);
          expect(r.load.reduce((a, b) => a + b, 0)).toBe(r.queries.length);
          expect(r.perKey.reduce((a, b) => a + b, 0)).toBe(r.queries.length);
          expect(r.requests).toBe(none.requests);
        }
        expect(none.waits).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('coalescing sends exactly one database query per expiry: queries for a key never overlap and are a TTL apart', () => {
    fc.assert(
      fc.property(arbSt, (s) => {
        const c = config({ mode: 'stampede', ...s });
        const r = simulateStampede(c, 'coalesce');
        expect(r.herd).toBeLessThanOrEqual(1);
        const none = simulateStampede(c, 'none');
        expect(r.queries.length).toBeLessThanOrEqual(none.queries.length);
      }),
      { numRuns: 60 },
    );
    // and per key, with no jitter, consecutive queries are exactly recompute + ttl apart or more
    const c = config({ mode: 'stampede', hotKeys: 1, rps: 1000, ttl: 1000, recompute: 100, duration: 10_000 });
    const q = simulateStampede(c, 'coalesce').queries;
    for (let i = 1; i < q.length; i++) expect(q[i] - q[i - 1]).toBeGreaterThanOrEqual(1100);
    expect(q.length).toBe(9);
  });

  it('without a fix, an expiry sends about rps × recompute queries for a single hot key', () => {
    const c = config({ mode: 'stampede', hotKeys: 1, rps: 1000, ttl: 5000, recompute: 200, duration: 6000 });
    const r = simulateStampede(c, 'none');
    expect(r.herd).toBe(200);
  });

  it('jitter lowers the peak of a mass expiry (seed 1, defaults)', () => {
    const c = config({ mode: 'stampede' });
    const peak = (v: 'none' | 'jitter') => Math.max(...simulateStampede(c, v).load);
    expect(peak('jitter')).toBeLessThan(peak('none') / 2);
  });

  it('is deterministic per seed', () => {
    const c = config({ mode: 'stampede', seed: 9 });
    expect(simulateStampede(c, 'both')).toEqual(simulateStampede(c, 'both'));
  });
});

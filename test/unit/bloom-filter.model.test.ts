import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { murmur3 } from '../../src/core/hash.js';
import { parse } from '../../src/core/validate.js';
import {
  BloomFilter,
  BloomScenario,
  COUNTER_MAX,
  SEED2,
  bestK,
  bloomConfigSchema,
  expectedFill,
  kForP,
  mForP,
  measureFpr,
  measureFprCurve,
  optimalK,
  positionsOf,
  randomKeys,
  theoreticalFpr,
  type BloomConfig,
} from '../../src/components/bloom-filter/model.js';

function config(input: Record<string, unknown>): BloomConfig {
  const r = parse(bloomConfigSchema, input);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.value;
}

const issues = (input: unknown): string[] => {
  const r = parse(bloomConfigSchema, input);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};

const arbM = fc.integer({ min: 8, max: 100_000 });
const arbK = fc.integer({ min: 1, max: 16 });
/** Keys from a small alphabet, so that sequences repeat keys and collide often. */
const arbKey = fc.stringMatching(/^[a-e]{1,3}$/);

describe('positions (double hashing over MurmurHash3)', () => {
  it('are k integers in [0, m), deterministic, and equal (h1 + i·h2) mod m', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), arbM, arbK, (key, m, k) => {
        const pos = positionsOf(key, m, k);
        expect(pos).toHaveLength(k);
        for (const p of pos) {
          expect(Number.isInteger(p)).toBe(true);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThan(m);
        }
        expect(positionsOf(key, m, k)).toEqual(pos);
        const h1 = BigInt(murmur3(key, 0));
        const h2 = BigInt((murmur3(key, SEED2) | 1) >>> 0);
        pos.forEach((p, i) => expect(BigInt(p)).toBe((h1 + BigInt(i) * h2) % BigInt(m)));
      }),
      { numRuns: 300 },
    );
  });

  it('are all different when m is a power of two (h2 is odd, so coprime with m)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.integer({ min: 3, max: 16 }), arbK, (key, e, k) => {
        const m = 2 ** e;
        fc.pre(k <= m);
        expect(new Set(positionsOf(key, m, k)).size).toBe(k);
      }),
    );
  });

  it('a longer k extends the same sequence (the first positions do not change)', () => {
    fc.assert(
      fc.property(fc.string(), arbM, arbK, (key, m, k) => {
        expect(positionsOf(key, m, 16).slice(0, k)).toEqual(positionsOf(key, m, k));
      }),
    );
  });
});

describe('the filter', () => {
  type Op = { add: boolean; key: string; pick: number };
  const ops = fc.array(fc.record({ add: fc.boolean(), key: arbKey, pick: fc.nat() }), { maxLength: 80 });

  it('has no false negatives: every key added (and not removed) tests positive, plain or counting', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 256 }), fc.integer({ min: 1, max: 8 }), fc.boolean(), ops, (m, k, counting, list: Op[]) => {
        const f = new BloomFilter(m, k, counting);
        const members = new Map<string, number>();
        for (const op of list) {
          const live = [...members.keys()];
          if (op.add || !counting || !live.length) {
            f.add(op.key);
            members.set(op.key, (members.get(op.key) ?? 0) + 1);
          } else {
            const key = live[op.pick % live.length];
            expect(f.remove(key)).not.toBeNull();
            const c = members.get(key)! - 1;
            if (c) members.set(key, c);
            else members.delete(key);
          }
          for (const key of members.keys()) expect(f.mightContain(key)).toBe(true);
        }
        // bits and the set count agree; counting: a bit is set exactly when its counter is > 0
        let set = 0;
        for (let i = 0; i < m; i++) {
          set += f.bits[i];
          if (f.counters) expect(f.bits[i]).toBe(f.counters[i] > 0 ? 1 : 0);
        }
        expect(f.setCount).toBe(set);
      }),
      { numRuns: 300 },
    );
  });

  it('the scenario agrees: at every step every member tests positive', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 128 }), fc.integer({ min: 1, max: 6 }), fc.array(arbKey, { maxLength: 10 }), fc.array(fc.record({ type: fc.constantFrom('add', 'query'), key: arbKey }), { maxLength: 30 }), (m, k, keys, actions) => {
        const sc = new BloomScenario(config({ m, k, keys: [...new Set(keys)], actions }));
        for (let s = 0; s <= sc.length; s++) {
          const st = sc.stateAt(s);
          for (const key of st.members.keys()) expect(st.filter.mightContain(key)).toBe(true);
          if (st.change?.action.type === 'query' && !st.change.present) expect(st.members.has(st.change.action.key)).toBe(false);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('counting: removing a key just added restores the exact previous counters (when no counter reached 15)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 512 }), fc.integer({ min: 1, max: 10 }), fc.array(fc.string({ maxLength: 6 }), { maxLength: 60 }), fc.string({ maxLength: 6 }), (m, k, prefill, key) => {
        const f = new BloomFilter(m, k, true);
        for (const p of prefill) f.add(p);
        const counters = Uint8Array.from(f.counters!);
        const bits = Uint8Array.from(f.bits);
        const setCount = f.setCount;
        f.add(key);
        fc.pre(!f.positions(key).some((p) => f.counters![p] === COUNTER_MAX));
        expect(f.remove(key)).not.toBeNull();
        expect(Array.from(f.counters!)).toEqual(Array.from(counters));
        expect(Array.from(f.bits)).toEqual(Array.from(bits));
        expect(f.setCount).toBe(setCount);
      }),
      { numRuns: 300 },
    );
  });

  it('counting: counters saturate at 15 and then stick, so an overflowed count is never lowered', () => {
    const f = new BloomFilter(64, 1, true);
    for (let i = 0; i < 20; i++) f.add('same');
    const [p] = f.positions('same');
    expect(f.counters![p]).toBe(COUNTER_MAX);
    for (let i = 0; i < 20; i++) expect(f.remove('same')).toEqual([]);
    expect(f.counters![p]).toBe(COUNTER_MAX);
    expect(f.mightContain('same')).toBe(true);
  });

  it('counting: a key whose k positions all coincide (h2 mod m = 0) can be added more than 15 times over and still removed', () => {
    const m = 13;
    const key = randomKeys(5000, 4).find((x) => new Set(positionsOf(x, m, 16)).size === 1)!;
    expect(key, 'about one key in 13 has h2 ≡ 0 (mod 13)').toBeDefined();
    const f = new BloomFilter(m, 16, true);
    f.add(key); // 16 hits on one counter: it saturates at 15
    expect(f.counters![positionsOf(key, m, 1)[0]]).toBe(COUNTER_MAX);
    expect(f.removeProblem(f.positions(key))).toBeUndefined();
    expect(f.remove(key)).toEqual([]);
    expect(f.mightContain(key)).toBe(true);
  });

  it('refuses to remove a key that was never added when it tests negative, and changes nothing', () => {
    const f = new BloomFilter(256, 3, true);
    for (const key of randomKeys(20, 5)) f.add(key);
    const absent = randomKeys(200, 6, 'other:').find((key) => !f.mightContain(key))!;
    const before = Array.from(f.counters!);
    expect(f.removeProblem(f.positions(absent))).toBe('absent');
    expect(f.remove(absent)).toBeNull();
    expect(Array.from(f.counters!)).toEqual(before);
    // and a plain filter never removes
    const plain = new BloomFilter(64, 3);
    plain.add('a');
    expect(plain.remove('a')).toBeNull();
    expect(plain.mightContain('a')).toBe(true);
  });

  it('refuses a removal that would take a counter below zero (a key hitting one bit twice)', () => {
    const f = new BloomFilter(10, 4, true);
    // find a key whose positions repeat (m = 10 is not a power of two), then leave that bit at 1
    const key = randomKeys(500, 1).find((x) => new Set(f.positions(x)).size < 4)!;
    const repeated = f.positions(key).find((p, i, all) => all.indexOf(p) !== i)!;
    f.counters![repeated] = 1;
    f.bits[repeated] = 1;
    for (const p of f.positions(key)) if (!f.bits[p]) ((f.counters![p] = 1), (f.bits[p] = 1));
    expect(f.mightContain(key)).toBe(true);
    expect(f.remove(key)).toBeNull();
  });

  it('removing a never-added false positive is allowed by the filter, and the scenario reports the false negatives it causes', () => {
    const keys = randomKeys(12, 3);
    const base = config({ m: 32, k: 2, counting: true, keys });
    const sc0 = new BloomScenario(base);
    const f = sc0.stateAt(0).filter;
    // a never-added key that tests positive and whose removal clears a bit some member needs
    const ghost = randomKeys(2000, 9, 'ghost:').find((key) => {
      if (!f.mightContain(key)) return false;
      const g = f.clone();
      const cleared = g.remove(key)!;
      return cleared.length > 0 && keys.some((m) => !g.mightContain(m));
    })!;
    expect(ghost).toBeDefined();
    const sc = sc0.withAction(0, { type: 'query', key: ghost })!.withAction(1, { type: 'remove', key: ghost })!;
    const q = sc.stateAt(1).change!;
    expect(q.present).toBe(true);
    expect(q.falsePositive).toBe(true);
    const r = sc.stateAt(2).change!;
    expect(r.neverAdded).toBe(true);
    expect(r.falseNegatives!.length).toBeGreaterThan(0);
    for (const key of r.falseNegatives!) {
      expect(sc.stateAt(2).members.has(key)).toBe(true);
      expect(sc.stateAt(2).filter.mightContain(key)).toBe(false);
    }
  });
});

describe('theory', () => {
  it('optimal k is (m/n)·ln 2, where the expected fill is exactly one half', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 100_000 }), fc.integer({ min: 1, max: 10_000 }), (m, n) => {
        expect(optimalK(m, n)).toBeCloseTo((m / n) * Math.LN2, 12);
        expect(expectedFill(m, optimalK(m, n), n)).toBeCloseTo(0.5, 12);
      }),
    );
  });

  it('bestK gives the lowest theoretical rate of every whole k from 1 to 16', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 100_000 }), fc.integer({ min: 1, max: 20_000 }), (m, n) => {
        const best = theoreticalFpr(m, bestK(m, n), n);
        for (let k = 1; k <= 16; k++) expect(best).toBeLessThanOrEqual(theoreticalFpr(m, k, n) * (1 + 1e-12));
      }),
    );
    expect(bestK(64, 5)).toBe(9); // 64/5 · ln 2 = 8.87
    expect(bestK(1000, 1)).toBe(16); // capped
  });

  it('m for a target p: −n ln p / (ln 2)^2 bits reach p at the optimal k', () => {
    expect(mForP(1000, 0.01)).toBe(9586); // 9585.06… bits: 9.59 per key
    expect(kForP(0.01)).toBeCloseTo(6.644, 3);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 1e-6, max: 0.5, noNaN: true }), (n, p) => {
        const m = mForP(n, p);
        const rate = theoreticalFpr(m, optimalK(m, n), n);
        expect(rate).toBeLessThanOrEqual(p * (1 + 1e-9));
        // one bit fewer would miss the target (up to rounding): m is the smallest such m
        expect(theoreticalFpr(m - 1, optimalK(m - 1, n), n)).toBeGreaterThan(p * (1 - 1e-9));
        // and k = (m/n)·ln 2 is −log2 p, up to the rounding of m (at most one bit: ln 2 / n)
        expect(Math.abs(optimalK(m, n) - kForP(p))).toBeLessThanOrEqual(Math.LN2 / n + 1e-9);
      }),
    );
  });

  it('the formula: 0 with no keys, rising with n, and (1 − e^(−kn/m))^k at a known point', () => {
    expect(theoreticalFpr(64, 3, 0)).toBe(0);
    expect(theoreticalFpr(1000, 7, 100)).toBeCloseTo((1 - Math.exp(-0.7)) ** 7, 15);
    expect(theoreticalFpr(9586, 7, 1000)).toBeCloseTo(0.01, 3);
    fc.assert(
      fc.property(arbM, arbK, fc.integer({ min: 0, max: 10_000 }), (m, k, n) => {
        expect(theoreticalFpr(m, k, n + 1)).toBeGreaterThanOrEqual(theoreticalFpr(m, k, n));
      }),
    );
  });
});

describe('measured false-positive rate', () => {
  /**
   * The band. For one filter with fill ρ, a never-added key tests positive with probability
   * π ≈ ρ^k, so Q queries give Binomial(Q, π) false positives. ρ itself varies from filter to filter:
   * the empty bits after b = kn hashes into m bits have variance
   *   Var(E) = m(1 − 1/m)^b + m(m − 1)(1 − 2/m)^b − m²(1 − 1/m)^(2b)
   * (balls in bins), and by the delta method Var(π) ≈ (kρ^(k−1))² Var(E)/m². Pooling T independent
   * filters, the measured rate r has
   *   σ² = π(1 − π)/(TQ) + Var(π)/T.
   * We require |r − (1 − e^(−kn/m))^k| ≤ 4σ (a two-sided normal tail of 6·10⁻⁵ per check). The
   * formula's own bias (E[ρ] vs 1 − e^(−kn/m), Jensen's E[ρ^k] vs E[ρ]^k, distinct positions from
   * double hashing) is O(k²/m) and is checked to be below σ/2 for the sizes used here, so the band
   * is about the formula and not about a bias. Seeds are fixed: the test is deterministic.
   */
  function sigma(m: number, k: number, n: number, q: number, t: number): { sigma: number; bias: number } {
    const b = k * n;
    const varE = m * (1 - 1 / m) ** b + m * (m - 1) * (1 - 2 / m) ** b - m * m * (1 - 1 / m) ** (2 * b);
    const rho = 1 - (1 - 1 / m) ** b;
    const pi = theoreticalFpr(m, k, n);
    const varPi = (k * rho ** (k - 1)) ** 2 * (varE / (m * m));
    const jensen = 0.5 * k * (k - 1) * rho ** (k - 2) * (varE / (m * m));
    const bias = Math.abs(rho ** k - pi) + jensen;
    return { sigma: Math.sqrt((pi * (1 - pi)) / (t * q) + varPi / t), bias };
  }

  const cases: [m: number, k: number, n: number][] = [
    [4096, 4, 600],
    [10_007, 7, 1000],
    [5000, 3, 1500],
    [2048, 1, 500],
    [8192, 8, 900],
  ];

  for (const [m, k, n] of cases) {
    it(`m = ${m}, k = ${k}, n = ${n}: pooled over 30 seeds within 4σ of the formula, each seed within 5σ`, () => {
      const T = 30;
      const Q = 2000;
      const pi = theoreticalFpr(m, k, n);
      const pooled = sigma(m, k, n, Q, T);
      expect(pooled.bias).toBeLessThan(pooled.sigma / 2);
      const single = sigma(m, k, n, Q, 1).sigma;
      let fp = 0;
      for (let seed = 1; seed <= T; seed++) {
        const point = measureFpr(m, k, n, seed, Q);
        expect(point.n).toBe(n);
        expect(point.queries).toBe(Q);
        expect(Math.abs(point.measured - pi), `seed ${seed}: ${point.measured} vs ${pi} (σ ${single})`).toBeLessThanOrEqual(5 * single);
        fp += point.falsePositives;
      }
      const rate = fp / (T * Q);
      expect(Math.abs(rate - pi), `${rate} vs ${pi} (σ ${pooled.sigma})`).toBeLessThanOrEqual(4 * pooled.sigma);
    });
  }

  it('a single filter’s curve never falls as n grows (bits are only ever set), starts at 0 and is deterministic', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 2000 }), fc.integer({ min: 1, max: 8 }), fc.nat(), fc.integer({ min: 1, max: 400 }), (m, k, seed, nMax) => {
        const curve = measureFprCurve({ m, k, seed, nMax, points: 8, queries: 200 });
        expect(curve[0]).toMatchObject({ n: 0, falsePositives: 0, fill: 0 });
        expect(curve[curve.length - 1].n).toBe(nMax);
        for (let i = 1; i < curve.length; i++) {
          expect(curve[i].n).toBeGreaterThanOrEqual(curve[i - 1].n);
          expect(curve[i].falsePositives).toBeGreaterThanOrEqual(curve[i - 1].falsePositives);
          expect(curve[i].fill).toBeGreaterThanOrEqual(curve[i - 1].fill);
          expect(curve[i].theory).toBe(theoreticalFpr(m, k, curve[i].n));
        }
        expect(measureFprCurve({ m, k, seed, nMax, points: 8, queries: 200 })).toEqual(curve);
      }),
      { numRuns: 40 },
    );
  });

  it('averaging trials sums their queries', () => {
    const one = measureFprCurve({ m: 64, k: 3, seed: 2, nMax: 40, points: 4, queries: 100 });
    const four = measureFprCurve({ m: 64, k: 3, seed: 2, nMax: 40, points: 4, queries: 100, trials: 4 });
    expect(four[4].queries).toBe(400);
    expect(four[4].falsePositives).toBeGreaterThanOrEqual(one[4].falsePositives); // trial 0 is the same filter
  });
});

describe('config validation', () => {
  it('fills defaults', () => {
    const c = config({});
    expect(c).toMatchObject({ m: 64, k: 3, counting: false, seed: 1, keys: [], actions: [], step: 0 });
  });

  it('names the exact path of each problem', () => {
    expect(issues({ k: 40 })).toEqual(['k: expected an integer from 1 to 16, got 40']);
    expect(issues({ m: 4 })).toEqual(['m: expected an integer from 8 to 100000, got 4']);
    expect(issues({ m: 'lots' })).toEqual(['m: expected an integer from 8 to 100000, got "lots"']);
    expect(issues({ counting: 'yes' })).toEqual(['counting: expected true or false, got "yes"']);
    expect(issues({ actions: [{ type: 'add', key: 'a' }, { type: 'query', key: 'b' }, { type: 'add' }] })).toEqual([
      'actions[2].key: is required (a non-empty string of at most 200 characters)',
    ]);
    expect(issues({ actions: [{ type: 'delete', key: 'a' }] })).toEqual(['actions[0].type: expected one of "add", "remove", "query", got "delete"']);
    expect(issues({ keys: ['a', 'b', 'a'] })).toEqual(['keys[2]: duplicate key "a" (also at keys[0])']);
    expect(issues({ keys: ['  '] })).toEqual(['keys[0]: expected a non-empty string of at most 200 characters, got "  "']);
    expect(issues({ seeds: 3 })[0]).toMatch(/^seeds: unknown field \(did you mean "seed"\?\)/);
    expect(issues([1])[0]).toMatch(/^config: expected an object/);
  });

  it('reports every problem at once', () => {
    const list = issues({ m: 0, k: 0, seed: -1, step: 'x' });
    expect(list).toHaveLength(4);
    expect(list.map((l) => l.split(':')[0])).toEqual(['m', 'k', 'seed', 'step']);
  });

  it('replays the actions: removals need a counting filter and a key that might be present', () => {
    expect(issues({ keys: ['a'], actions: [{ type: 'remove', key: 'a' }] })).toEqual(['actions[0].type: a plain Bloom filter cannot remove keys (set counting: true)']);
    const f = new BloomFilter(64, 3, true);
    f.add('a');
    const absent = randomKeys(100, 1, 'x:').find((key) => !f.mightContain(key))!;
    expect(issues({ counting: true, keys: ['a'], actions: [{ type: 'query', key: 'a' }, { type: 'remove', key: absent }] })).toEqual([
      `actions[1].key: ${JSON.stringify(absent)} is definitely not in the filter at this point, so it cannot be removed`,
    ]);
    // removed once, the second removal of the same key is refused at its own index
    expect(issues({ counting: true, actions: [{ type: 'add', key: 'a' }, { type: 'remove', key: 'a' }, { type: 'remove', key: 'a' }] })).toEqual([
      'actions[2].key: "a" is definitely not in the filter at this point, so it cannot be removed',
    ]);
    expect(issues({ actions: [{ type: 'add', key: 'a' }], step: 2 })).toEqual(['step: expected at most 1 (the number of actions), got 2']);
  });
});

describe('scenario', () => {
  const actions = [
    { type: 'add', key: 'user:42' },
    { type: 'query', key: 'user:7' },
    { type: 'add', key: 'user:7' },
    { type: 'remove', key: 'user:42' },
    { type: 'query', key: 'user:42' },
  ];

  it('stateAt is pure: any order of seeks gives the same states as a fresh scenario', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 20 }), (seeks) => {
        const sc = new BloomScenario(config({ m: 40, k: 3, counting: true, keyCount: 6, seed: 3, actions }));
        for (const s of seeks) {
          const fresh = new BloomScenario(sc.config).stateAt(s);
          const got = sc.stateAt(s);
          expect(Array.from(got.filter.counters!)).toEqual(Array.from(fresh.filter.counters!));
          expect([...got.members]).toEqual([...fresh.members]);
          expect(got.change).toEqual(fresh.change);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('history() lists what each step did, as stateAt does', () => {
    const sc = new BloomScenario(config({ m: 40, k: 3, counting: true, keyCount: 6, seed: 3, actions }));
    sc.history().forEach((change, i) => expect(change).toEqual(sc.stateAt(i + 1).change));
    expect(sc.stateAt(3).n).toBe(8);
    expect(sc.stateAt(4).members.has('user:42')).toBe(false);
  });

  it('withAction drops the later history and refuses impossible removals', () => {
    const sc = new BloomScenario(config({ m: 64, k: 3, counting: true, actions }));
    const branched = sc.withAction(1, { type: 'add', key: 'b' })!;
    expect(branched.config.actions.map((a) => a.key)).toEqual(['user:42', 'b']);
    expect(branched.config.step).toBe(2);
    const f = sc.stateAt(0).filter;
    const absent = randomKeys(50, 1).find((key) => !f.mightContain(key))!;
    expect(sc.withAction(0, { type: 'remove', key: absent })).toBeNull();
    expect(sc.withAction(0, { type: 'add', key: '' })).toBeNull();
    const plain = new BloomScenario(config({ keys: ['a'] }));
    expect(plain.withAction(0, { type: 'remove', key: 'a' })).toBeNull();
  });

  it('toJSON round-trips: the exported config reproduces the run and the step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 300 }), arbK, fc.boolean(), fc.nat({ max: 1000 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 5 }), (m, k, counting, seed, keyCount, step) => {
        const base = new BloomScenario(config({ m, k, counting, seed, keyCount, actions: actions.filter((a) => counting || a.type !== 'remove') }));
        const at = Math.min(step, base.length);
        const json = JSON.parse(JSON.stringify(base.toJSON(at)));
        if (keyCount) expect(json.keyCount).toBe(keyCount);
        const back = new BloomScenario(config(json));
        expect(back.config.step).toBe(at);
        expect(back.config.actions).toEqual(base.config.actions);
        for (let s = 0; s <= base.length; s++) expect(Array.from(back.stateAt(s).filter.bits)).toEqual(Array.from(base.stateAt(s).filter.bits));
      }),
      { numRuns: 60 },
    );
    // explicit keys, probe and title survive too
    const c = config({ m: 16, k: 2, keys: ['x', 'y'], probe: 'z', title: 'T', actions: [{ type: 'query', key: 'z' }] });
    expect(config(JSON.parse(JSON.stringify(new BloomScenario(c).toJSON())))).toEqual(c);
  });

  it('is deterministic: the same seed gives the same generated keys and bits', () => {
    const a = new BloomScenario(config({ m: 1000, k: 5, keyCount: 200, seed: 8 }));
    const b = new BloomScenario(config({ m: 1000, k: 5, keyCount: 200, seed: 8 }));
    expect(a.config.keys).toEqual(b.config.keys);
    expect(new Set(a.config.keys).size).toBe(200);
    expect(Array.from(a.stateAt(0).filter.bits)).toEqual(Array.from(b.stateAt(0).filter.bits));
    expect(new BloomScenario(config({ m: 1000, k: 5, keyCount: 200, seed: 9 })).config.keys).not.toEqual(a.config.keys);
  });
});

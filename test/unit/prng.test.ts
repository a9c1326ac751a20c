import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng, seedToInt } from '../../src/core/prng.js';

describe('createRng (mulberry32)', () => {
  it('the same seed gives the same stream; different seeds differ', () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const a = createRng(seed);
        const b = createRng(seed);
        const xs = Array.from({ length: 20 }, () => a.next());
        expect(Array.from({ length: 20 }, () => b.next())).toEqual(xs);
        const c = createRng(seed + 1);
        expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(xs);
      }),
      { numRuns: 50 },
    );
  });

  it('draws lie in range', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
        const r = createRng(seed);
        for (let i = 0; i < 50; i++) {
          const x = r.next();
          expect(x >= 0 && x < 1).toBe(true);
          const k = r.int(n);
          expect(Number.isInteger(k) && k >= 0 && k < n).toBe(true);
        }
      }),
    );
  });

  it('is roughly uniform: a chi-square over 10 buckets stays below the 0.1% critical value', () => {
    const r = createRng(42);
    const buckets = new Array(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) buckets[Math.floor(r.next() * 10)]++;
    const chi = buckets.reduce((a, c) => a + (c - n / 10) ** 2 / (n / 10), 0);
    expect(chi).toBeLessThan(27.88); // df = 9, p = 0.001
  });

  it('resumes from a checkpointed state', () => {
    const a = createRng('demo');
    a.next();
    a.next();
    const b = createRng(a.state);
    expect(b.next()).toBe(a.next());
  });

  it('shuffle is a permutation', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.nat(), (xs, seed) => {
        expect(createRng(seed).shuffle(xs).sort()).toEqual(xs.slice().sort());
      }),
    );
  });

  it('string seeds are hashed, numeric seeds are kept', () => {
    expect(seedToInt(7)).toBe(7);
    expect(seedToInt('a')).not.toBe(seedToInt('b'));
  });
});

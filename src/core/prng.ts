/**
 * Seeded pseudo-random numbers.
 *
 * Algorithm: **mulberry32** (Tommy Ettinger, public domain) — a 32-bit state, one multiply-xorshift
 * chain per draw, period 2^32. It is small, fast and plenty for teaching simulations; it is not
 * cryptographic. A string seed is first hashed to 32 bits with MurmurHash3 so that "demo" and
 * "demo2" give unrelated streams.
 *
 * Models never call `Math.random` or read a clock: they take a seed and draw from an `Rng`.
 */
import { murmur3 } from './hash.js';

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** A float in [min, max). */
  range(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A new array with the items in a random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** The current 32-bit state, to checkpoint and later resume with `createRng(state)`. */
  readonly state: number;
}

/** Normalise a number or string seed to an unsigned 32-bit integer. */
export function seedToInt(seed: number | string): number {
  if (typeof seed === 'string') return murmur3(seed);
  if (!Number.isFinite(seed)) return 0;
  // Keep integer seeds as they are (mod 2^32); mix fractional ones through their bits.
  return Number.isInteger(seed) ? seed >>> 0 : murmur3(String(seed));
}

export function createRng(seed: number | string = 0): Rng {
  let a = seedToInt(seed);
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    range: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => items[int(items.length)],
    shuffle: (items) => {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
    get state() {
      return a;
    },
  };
}

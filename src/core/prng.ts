/**
 * Seeded pseudo-random numbers.
 *
 * Algorithm: **mulberry32** (Tommy Ettinger, public domain) — a 32-bit state, one multiply-xorshift
 * chain per draw, period 2^32. It is small, fast and plenty for teaching simulations; it is not
 * cryptographic. A string seed is first hashed to 32 bits (`stringSeed`) so that "demo" and
 * "demo2" give unrelated streams.
 *
 * Models never call `Math.random` or read a clock: they take a seed and draw from an `Rng`.
 */

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
  if (typeof seed === 'number' && Number.isInteger(seed)) return seed >>> 0;
  if (typeof seed === 'number' && !Number.isFinite(seed)) return 0;
  return stringSeed(String(seed));
}

/**
 * A 32-bit seed from text: FNV-1a over UTF-16 code units, then MurmurHash3's fmix32 finaliser so
 * that similar strings ("quiz#1", "quiz#2") give unrelated streams. (For ring positions, which
 * readers may check by hand, the models use the full MurmurHash3 in hash.ts.)
 */
export function stringSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
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

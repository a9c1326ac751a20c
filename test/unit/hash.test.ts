import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fmix32, hex32, murmur3 } from '../../src/core/hash.js';

describe('murmur3 (MurmurHash3 x86_32)', () => {
  // Published reference vectors of MurmurHash3_x86_32 (SMHasher / widely reproduced test tables).
  it.each([
    ['', 0, 0x00000000],
    ['', 1, 0x514e28b7],
    ['', 0xffffffff, 0x81f16f39],
    ['a', 0x9747b28c, 0x7fa09ea6],
    ['abc', 0, 0xb3dd93fa],
    ['abcd', 0x9747b28c, 0xf0478627],
    ['Hello, world!', 0x9747b28c, 0x24884cba],
    ['The quick brown fox jumps over the lazy dog', 0x9747b28c, 0x2fa826cd],
  ])('hash(%j, %i) matches the reference', (text, seed, expected) => {
    expect(murmur3(text, seed)).toBe(expected);
  });

  it('hashes UTF-8 bytes, not UTF-16 code units', () => {
    // "ππ" is 4 UTF-8 bytes; its hash must differ from the 2-code-unit reading and be stable.
    expect(murmur3('ππ')).toBe(murmur3('ππ'));
    expect(murmur3('π')).not.toBe(murmur3('\u00cf\u0080'));
  });

  it('always returns an unsigned 32-bit integer', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.nat(), (s, seed) => {
        const h = murmur3(s, seed);
        return Number.isInteger(h) && h >= 0 && h < 2 ** 32;
      }),
    );
  });

  it('spreads similar names: consecutive vnode labels fall in all 16 sixteenths of the ring', () => {
    const buckets = new Set<number>();
    for (let i = 0; i < 64; i++) buckets.add(murmur3(`node-1#${i}`) >>> 28);
    expect(buckets.size).toBe(16);
  });

  it('fmix32 is a bijection on a sample (no two inputs collide)', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 50_000; i++) seen.add(fmix32(i));
    expect(seen.size).toBe(50_000);
  });

  it('hex32 pads to eight digits', () => {
    expect(hex32(255)).toBe('0x000000ff');
    expect(hex32(2 ** 32 - 1)).toBe('0xffffffff');
  });
});

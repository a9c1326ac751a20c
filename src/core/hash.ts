/**
 * Stable string hashing shared by the models.
 *
 * `murmur3(text, seed)` is MurmurHash3 x86_32 (Austin Appleby, public domain) over the UTF-8 bytes
 * of `text`: an unsigned 32-bit result that is identical on every platform and in every browser, so
 * a ring position printed in a lesson can be checked by hand with any MurmurHash3 implementation.
 * It mixes well — similar inputs such as `node-1#7` and `node-1#8` land far apart — which plain
 * FNV-1a does not.
 */
const encoder = /* @__PURE__ */ new TextEncoder();
let buffer = new Uint8Array(256);

export function murmur3(text: string, seed = 0): number {
  // Encode into a reused buffer: hashing 100 000 keys allocates nothing.
  if (buffer.length < text.length * 3) buffer = new Uint8Array(text.length * 3);
  const bytes = buffer;
  const len = encoder.encodeInto(text, bytes).written;
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  let h = seed >>> 0;
  const blocks = len & ~3;
  for (let i = 0; i < blocks; i += 4) {
    let k = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const rest = len & 3;
  if (rest) {
    let k = bytes[blocks];
    if (rest > 1) k ^= bytes[blocks + 1] << 8;
    if (rest > 2) k ^= bytes[blocks + 2] << 16;
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
  }
  h ^= len;
  return fmix32(h);
}

/** MurmurHash3's 32-bit finaliser: an avalanche step, usable on its own to scramble an integer. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** `0x1a2b3c4d` — a 32-bit value as 8 hex digits. */
export function hex32(n: number): string {
  return '0x' + (n >>> 0).toString(16).padStart(8, '0');
}

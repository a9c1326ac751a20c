/**
 * A linear scale: `linear([0, max], [0, 100])(x)`. The views need only this mapping for bar widths;
 * d3-scale's `scaleLinear` brings d3-interpolate, d3-color, d3-format and d3-array with it (≈ 9 KiB
 * gzip), over a third of an element's 25 KiB budget, so elements that need ticks, time or colour
 * interpolation use d3-scale and the rest use this.
 */
export function linear(domain: readonly [number, number], range: readonly [number, number]): (x: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (x) => r0 + (x - d0) * k;
}

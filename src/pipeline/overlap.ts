/**
 * Keeps the items of `ranked` (best first) that overlap no item kept before them, sorted by start. Linear in the
 * total length of the spans: a bitmap of covered offsets instead of comparing every pair (which was quadratic on
 * texts with hundreds of thousands of candidates).
 */
export function keepNonOverlapping<T extends { start: number; end: number }>(
  ranked: readonly T[],
  textLength: number,
): T[] {
  const covered = new Uint8Array(textLength + 1);
  const kept: T[] = [];
  outer: for (const c of ranked) {
    for (let i = c.start; i < c.end; i++) if (covered[i]) continue outer;
    covered.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

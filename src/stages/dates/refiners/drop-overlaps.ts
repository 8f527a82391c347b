import { keepNonOverlapping } from '../../../pipeline/overlap.js';
import type { Context } from '../../../pipeline/types.js';
import type { DateCandidate } from '../types.js';

/** Keeps the longest of overlapping candidates (then the higher priority, then the earlier), sorted by start. */
export function dropOverlaps(ctx: Context, items: DateCandidate[]): DateCandidate[] {
  const ranked = [...items].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || (b.priority ?? 0) - (a.priority ?? 0) || a.start - b.start,
  );
  return keepNonOverlapping(ranked, ctx.doc.text.length);
}

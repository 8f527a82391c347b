import type { Context } from '../../../pipeline/types.js';
import type { DateCandidate } from '../types.js';

/** Keeps the longest of overlapping candidates (then the higher priority, then the earlier), sorted by start. */
export function dropOverlaps(_ctx: Context, items: DateCandidate[]): DateCandidate[] {
  const ranked = [...items].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || (b.priority ?? 0) - (a.priority ?? 0) || a.start - b.start,
  );
  const kept: DateCandidate[] = [];
  for (const c of ranked) {
    if (kept.some((k) => k.start < c.end && c.start < k.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

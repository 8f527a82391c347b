import type { Context } from '../../../pipeline/types.js';
import { pad2 } from '../calendar.js';
import { candidate, intOf, lowerAt, positionsOf, reference, tokenAt, triggers, yearOf } from '../scan.js';
import type { DateCandidate } from '../types.js';

const WEEK = triggers(['week']);

/** "week 32" → 2023-W32 (year from the reference date unless "week 32 of 2023" gives one). */
export function weekNumber(ctx: Context): DateCandidate[] {
  const out: DateCandidate[] = [];
  const toks = ctx.doc.tokens;
  for (const i of positionsOf(ctx, WEEK)) {
    const t = toks[i];
    if (t?.lower !== 'week') continue;
    const n = intOf(tokenAt(ctx, i + 1), 2);
    if (n === null || n < 1 || n > 53) continue;
    let j = i + 2;
    let year: number | null = null;
    let inferred = false;
    if (lowerAt(ctx, j) === 'of' || lowerAt(ctx, j) === ',') {
      const y = yearOf(tokenAt(ctx, j + 1));
      if (y !== null) {
        year = y;
        j += 2;
      }
    }
    if (year === null) {
      inferred = true;
      year = reference(ctx)?.y ?? null;
    }
    out.push(candidate(ctx, i, j, 'week-number', 'week', year === null ? null : `${year}-W${pad2(n)}`, { inferred }));
  }
  return out;
}

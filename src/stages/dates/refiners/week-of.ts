import type { Context } from '../../../pipeline/types.js';
import { addDays, fmtDay, isoWeek, parseYmd } from '../calendar.js';
import type { DateCandidate } from '../types.js';

const SHIFTS: ReadonlyMap<string, number> = new Map([
  ['before', -1],
  ['after', 1],
]);

/**
 * "the week of March 6" → the ISO week holding that day (`2000-W10`); "the day before last Tuesday" → the Monday; the
 * span widened over "the week of" / "day before".
 */
export function weekOf(ctx: Context, items: DateCandidate[]): DateCandidate[] {
  const toks = ctx.doc.tokens;
  return items.map((c) => {
    if (c.grain !== 'day' || c.value === null || c.t0 < 2) return c;
    const shift = SHIFTS.get(toks[c.t0 - 1]?.lower ?? '');
    if (shift !== undefined && toks[c.t0 - 2]?.lower === 'day') {
      const d = parseYmd(c.value);
      const first = toks[c.t0 - 2];
      if (!d || !first || first.sentence !== toks[c.t0]?.sentence) return c;
      const n = addDays(d, shift);
      return { ...c, t0: c.t0 - 2, start: first.start, value: fmtDay(n.y, n.m, n.d), endValue: undefined };
    }
    return weekOfDay(ctx, c);
  });
}

/** "the week of March 6" → the ISO week holding that day (`2000-W10`), the span widened over "the week of". */
function weekOfDay(ctx: Context, c: DateCandidate): DateCandidate {
  const toks = ctx.doc.tokens;
  if (c.t0 < 3) return c;
  if (toks[c.t0 - 1]?.lower !== 'of' || toks[c.t0 - 2]?.lower !== 'week' || toks[c.t0 - 3]?.lower !== 'the') return c;
  const d = parseYmd(c.value as string);
  const first = toks[c.t0 - 3];
  if (!d || !first || first.sentence !== toks[c.t0]?.sentence) return c;
  return { ...c, t0: c.t0 - 3, start: first.start, value: isoWeek(d), grain: 'week' as const, endValue: undefined };
}

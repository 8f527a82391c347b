import type { Context } from '../../../pipeline/types.js';
import { isoWeek, parseYmd } from '../calendar.js';
import type { DateCandidate } from '../types.js';

/** "the week of March 6" → the ISO week holding that day (`2000-W10`), the span widened over "the week of". */
export function weekOf(ctx: Context, items: DateCandidate[]): DateCandidate[] {
  const toks = ctx.doc.tokens;
  return items.map((c) => {
    if (c.grain !== 'day' || c.value === null || c.t0 < 3) return c;
    if (toks[c.t0 - 1]?.lower !== 'of' || toks[c.t0 - 2]?.lower !== 'week' || toks[c.t0 - 3]?.lower !== 'the') return c;
    const d = parseYmd(c.value);
    const first = toks[c.t0 - 3];
    if (!d || !first || first.sentence !== toks[c.t0]?.sentence) return c;
    return { ...c, t0: c.t0 - 3, start: first.start, value: isoWeek(d), grain: 'week' as const, endValue: undefined };
  });
}

import type { Context } from '../../../pipeline/types.js';
import { fmtDay, fmtDayNoYear, validDay } from '../calendar.js';
import { MONTHS } from '../lexicon.js';
import {
  candidate,
  dayAt,
  frontedAt,
  inferYear,
  lowerAt,
  monthAt,
  positionsOf,
  reference,
  tenseAt,
  tokenAt,
  triggers,
  yearOf,
} from '../scan.js';
import type { DateCandidate } from '../types.js';

/** Words after "Sept. 11" that make it the day of the 2001 attacks (not a singular "attack": Benghazi, 2012). */
const SEPT_11 = new Set(['attacks', 'terrorist', 'terror', 'hijackers', 'hijackings', 'commission', 'victims']);
const RANGE = new Set(['-', '–', '—', 'to', 'through', 'until', 'and']);
const MONTH_WORDS = triggers([...MONTHS.keys()]);

/** "July 10, 2023", "Aug. 11", "July 3–5", "July 30 to Aug. 2": month before day, optional year. */
export function monthDay(ctx: Context): DateCandidate[] {
  const out: DateCandidate[] = [];
  let last = -1;
  for (const i of positionsOf(ctx, MONTH_WORDS)) {
    if (i <= last) continue;
    const mo = monthAt(ctx, i);
    if (!mo) continue;
    const d = dayAt(ctx, mo.next);
    if (!d) continue;
    let j = d.next;
    // A range: "3–5", "3 to 5", "July 30 to Aug. 2".
    let endMonth = mo.month;
    let endDay: number | null = null;
    const sep = tokenAt(ctx, j);
    if (sep && RANGE.has(sep.lower)) {
      const mo2 = monthAt(ctx, j + 1);
      const d2 = mo2 ? dayAt(ctx, mo2.next) : sep.lower === 'and' ? null : dayAt(ctx, j + 1);
      if (d2 && d2.day > (mo2 ? 0 : d.day)) {
        endMonth = mo2 ? mo2.month : mo.month;
        endDay = d2.day;
        j = d2.next;
      }
    }
    let year: number | null = null;
    let k = j;
    if (tokenAt(ctx, k)?.text === ',') k++;
    const y = yearOf(tokenAt(ctx, k));
    if (y !== null) {
      year = y;
      j = k + 1;
    }
    let inferred = false;
    let value: string | null = null;
    let endValue: string | undefined;
    // "the Sept. 11 attacks", "the September 11 hijackers": the day of 2001 the words name, whatever the reference.
    const ref = reference(ctx);
    if (year === null && mo.month === 9 && d.day === 11 && endDay === null && SEPT_11.has(lowerAt(ctx, j))) {
      if (!ref || ref.y >= 2001) year = 2001;
    }
    if (year === null) {
      if (ref) {
        const tense = tenseAt(ctx, i, j);
        year = inferYear(ref, mo.month, d.day, tense, tense === 'past' && frontedAt(ctx, i, j));
        inferred = true;
      } else if (validDay(2000, mo.month, d.day)) {
        // No reference date: the year cannot be known (`XXXX-08-11`).
        value = fmtDayNoYear(mo.month, d.day);
        if (endDay !== null && validDay(2000, endMonth, endDay)) endValue = fmtDayNoYear(endMonth, endDay);
      } else continue;
    }
    if (year !== null) {
      if (!validDay(year, mo.month, d.day)) continue;
      value = fmtDay(year, mo.month, d.day);
      if (endDay !== null) {
        const ey = endMonth < mo.month ? year + 1 : year;
        if (validDay(ey, endMonth, endDay)) endValue = fmtDay(ey, endMonth, endDay);
      }
    }
    out.push(candidate(ctx, i, j, 'month-day', 'day', value, { inferred, ...(endValue ? { endValue } : {}) }));
    last = j - 1;
  }
  return out;
}

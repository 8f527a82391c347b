import type { Context } from '../../../pipeline/types.js';
import { fmtDay, fmtDayNoYear, validDay } from '../calendar.js';
import {
  candidate,
  dayAt,
  frontedAt,
  inferYear,
  monthAt,
  NUMBERS,
  positionsOf,
  reference,
  tenseAt,
  tokenAt,
  yearOf,
} from '../scan.js';
import type { DateCandidate } from '../types.js';

const RANGE = new Set(['-', '–', '—', 'to']);

/** "10 July 2023", "the 10th of July", "3–5 July": day before month, optional year. */
export function dayMonth(ctx: Context): DateCandidate[] {
  const out: DateCandidate[] = [];
  let last = -1;
  for (const i of positionsOf(ctx, NUMBERS)) {
    if (i <= last) continue;
    const d = dayAt(ctx, i);
    if (!d) continue;
    let j = d.next;
    const startDay = d.day;
    let endDay: number | null = null;
    const sep = tokenAt(ctx, j);
    if (sep && RANGE.has(sep.lower)) {
      const d2 = dayAt(ctx, j + 1);
      if (d2 && d2.day > d.day && monthAt(ctx, d2.next)) {
        endDay = d2.day;
        j = d2.next;
      }
    }
    if (tokenAt(ctx, j)?.lower === 'of') j++;
    const mo = monthAt(ctx, j);
    if (!mo) continue;
    j = mo.next;
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
    if (year === null) {
      const ref = reference(ctx);
      if (ref) {
        const tense = tenseAt(ctx, i, j);
        year = inferYear(ref, mo.month, startDay, tense, tense === 'past' && frontedAt(ctx, i, j));
        inferred = true;
      } else if (validDay(2000, mo.month, startDay)) {
        // No reference date: the year cannot be known (`XXXX-07-03`).
        value = fmtDayNoYear(mo.month, startDay);
        if (endDay !== null && validDay(2000, mo.month, endDay)) endValue = fmtDayNoYear(mo.month, endDay);
      } else continue;
    }
    if (year !== null) {
      if (!validDay(year, mo.month, startDay)) continue;
      value = fmtDay(year, mo.month, startDay);
      if (endDay !== null && validDay(year, mo.month, endDay)) endValue = fmtDay(year, mo.month, endDay);
    }
    out.push(candidate(ctx, i, j, 'day-month', 'day', value, { inferred, ...(endValue ? { endValue } : {}) }));
    last = j - 1;
  }
  return out;
}

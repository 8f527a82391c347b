import type { Context } from '../../../pipeline/types.js';
import type { DateCandidate } from '../types.js';

/** Rules whose candidate is a calendar day named by its month and day ("April 25", "25 April", "Oct. 26, 1998"). */
const CALENDAR_DAY = new Set(['month-day', 'day-month', 'iso-date', 'numeric-date']);

/**
 * "Saturday, April 25", "Monday Oct. 26": a weekday right before a calendar day (a comma between, or nothing) is one
 * mention, of the calendar day's value: the weekday names that day, not the one the weekday rule counts from the
 * publication date. Runs on start-sorted, non-overlapping candidates (after dropOverlaps).
 */
export function weekdayDate(ctx: Context, items: DateCandidate[]): DateCandidate[] {
  const toks = ctx.doc.tokens;
  const out: DateCandidate[] = [];
  for (let i = 0; i < items.length; i++) {
    const a = items[i] as DateCandidate;
    const b = items[i + 1];
    if (
      a.rule === 'relative-weekday' &&
      a.t1 - a.t0 === 1 &&
      b &&
      CALENDAR_DAY.has(b.rule) &&
      b.grain === 'day' &&
      (b.t0 === a.t1 || (b.t0 === a.t1 + 1 && toks[a.t1]?.text === ',')) &&
      toks[a.t0]?.sentence === toks[b.t0]?.sentence
    ) {
      out.push({ ...b, start: a.start, t0: a.t0, rule: `${b.rule}+weekday` });
      i++;
    } else out.push(a);
  }
  return out;
}

import type { Context } from '../../../pipeline/types.js';
import type { DateGrain } from '../../../schema.js';
import {
  addDays,
  addMonths,
  dayNumber,
  fmtDay,
  fmtMonth,
  fmtYear,
  isoWeek,
  parseYmd,
  weekday,
  type Ymd,
} from '../calendar.js';
import { lowerAt, positionsOf, reference, tenseAt, triggers } from '../scan.js';
import type { DateCandidate } from '../types.js';

const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})/;
const MONTH = /^(\d{4})-(\d{2})/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Words that name a reporting period longer than a quarter: "the nine months", "the first half". */
const PERIOD_WORDS = triggers(['months', 'half']);
const MULTI_QUARTER_MONTHS = new Set(['six', 'nine', 'twelve', '6', '9', '12']);
const HALVES = new Set(['first', 'second']);

/** Token indices where a story turns to a period longer than a quarter ("In the first nine months, net was …"). */
function longPeriodCues(ctx: Context): number[] {
  const out: number[] = [];
  for (const i of positionsOf(ctx, PERIOD_WORDS)) {
    const p = lowerAt(ctx, i - 1);
    if (lowerAt(ctx, i) === 'months' ? MULTI_QUARTER_MONTHS.has(p) : HALVES.has(p)) out.push(i);
  }
  return out;
}

/**
 * Anaphoric dates, resolved in text order against the dates before them (as HeidelTime does for news narratives):
 * "the quarter"/"the latest period" take the quarter last named; "the year-ago quarter" that quarter a year before;
 * "a year earlier", "year-ago", "the 1988 period" in a results story the period being reported a year before: the
 * quarter, or the year once the story has turned to "the nine months" or "the year"; "that year" the year last named;
 * "the same month", "the following month", "that day" the month/day last named. With nothing named before, the value
 * the extractor gave from the reference date stays. A quarter anchors when it is over by the reference date, or when
 * it is the first quarter the story names, in a past clause (a fiscal fourth quarter reported in November). One pass
 * over the sorted candidates.
 */
export function anchor(ctx: Context, items: DateCandidate[]): DateCandidate[] {
  const ref = reference(ctx);
  const cues = longPeriodCues(ctx);
  let cue = 0;
  let quarter: { y: number; q: number } | null = null;
  let firstQuarter = true;
  /** The kind of period a results story is talking about at this point. */
  let period: 'quarter' | 'year' = 'quarter';
  let year: number | null = null;
  /**
   * The year of the last date of year grain or finer, relative ones included ("last year … the year before"), anaphoric
   * ones too, but not another "the previous year" (two in a row name the same year).
   */
  let anyYear: number | null = null;
  let month: { y: number; m: number } | null = null;
  let day: string | null = null;
  /** The last date of year grain or finer, relative ones included, for "three weeks earlier" (not another shift). */
  let lastDate: { value: string; grain: DateGrain } | null = null;
  return items.map((c) => {
    while (cue < cues.length && (cues[cue] as number) < c.t0) {
      period = 'year';
      cue++;
    }
    let value = c.value;
    let grain: DateGrain = c.grain;
    if (c.anaphor && value !== null) {
      switch (c.anaphor) {
        case 'same-quarter':
          if (quarter) value = `${quarter.y}-Q${quarter.q}`;
          break;
        case 'quarter-year-before':
          if (quarter) value = `${quarter.y - 1}-Q${quarter.q}`;
          break;
        case 'quarter-of-year': {
          const y = YEAR.exec(value);
          if (quarter && y) value = `${y[1]}-Q${quarter.q}`;
          break;
        }
        case 'period-year-before':
          if (period === 'year') {
            const y = YEAR.exec(value);
            if (quarter) value = fmtYear(quarter.y - 1);
            else if (y) value = y[1] as string;
            grain = 'year';
          } else if (quarter) {
            value = `${quarter.y - 1}-Q${quarter.q}`;
            grain = 'quarter';
          }
          break;
        case 'period-of-year': {
          const y = YEAR.exec(value);
          if (period === 'year' && y) {
            value = y[1] as string;
            grain = 'year';
          } else if (quarter && y) {
            value = `${y[1]}-Q${quarter.q}`;
            grain = 'quarter';
          }
          break;
        }
        case 'same-year':
          if (year !== null) value = fmtYear(year);
          break;
        case 'previous-year':
        case 'next-year':
          if (anyYear !== null) value = fmtYear(anyYear + (c.anaphor === 'next-year' ? 1 : -1));
          break;
        case 'previous-month':
          if (month) {
            const n = addMonths(month.y, month.m, -1);
            value = fmtMonth(n.y, n.m);
          }
          break;
        case 'same-month':
          if (month) value = fmtMonth(month.y, month.m);
          break;
        case 'next-month':
          if (month) {
            const n = addMonths(month.y, month.m, 1);
            value = fmtMonth(n.y, n.m);
          }
          break;
        case 'same-day':
          if (day) value = day;
          break;
        case 'shifted': {
          const v = c.shift && lastDate ? shiftFrom(lastDate, c.shift) : null;
          if (v) value = v;
          break;
        }
        case 'previous-week':
        case 'next-week':
        case 'same-week': {
          // The week of a day the story is at: a day within a month of the reference date (a weekly report's
          // "the previous week" after an old record date is still the week before publication).
          const d = recentDay(day, ref);
          if (d) {
            const shift = c.anaphor === 'same-week' ? 0 : c.anaphor === 'next-week' ? 7 : -7;
            value = isoWeek(addDays(d, shift));
          }
          break;
        }
        case 'previous-weekday':
        case 'next-weekday': {
          // The weekday the extractor valued from the reference date, counted from the day the story is at instead.
          const d = recentDay(day, ref);
          const own = parseYmd(value);
          if (d && own) {
            const back = c.anaphor === 'previous-weekday';
            const gap = back ? (weekday(d) - weekday(own) + 7) % 7 : (weekday(own) - weekday(d) + 7) % 7;
            const n = addDays(d, (gap === 0 ? 7 : gap) * (back ? -1 : 1));
            value = fmtDay(n.y, n.m, n.d);
          }
          break;
        }
        case 'next-day':
        case 'previous-day': {
          const d = day ? parseYmd(day) : null;
          if (d) {
            const n = addDays(d, c.anaphor === 'next-day' ? 1 : -1);
            value = fmtDay(n.y, n.m, n.d);
          }
          break;
        }
      }
    }
    if (value !== null) {
      // Only dates the text names by themselves anchor the ones after them ("a year earlier" does not move "that year").
      const q = QUARTER.exec(value);
      if (q && c.rule === 'quarter') {
        const y = Number(q[1]);
        const n = Number(q[2]);
        // A quarter still ahead at publication is not one a results story reports on ("expects the fourth quarter to
        // be weak"), unless it is the story's first quarter in a past clause (fiscal quarters run ahead of the calendar).
        const over = !ref || y < ref.y || (y === ref.y && n * 3 < ref.m);
        if (over || (firstQuarter && tenseAt(ctx, c.t0) === 'past')) {
          quarter = { y, q: n };
          period = 'quarter';
        }
        firstQuarter = false;
      } else if (c.anaphor === 'same-quarter') period = 'quarter';
      else if (c.rule === 'the-year') period = 'year';
      if (c.anaphor !== 'shifted' && (grain === 'year' || grain === 'month' || grain === 'day'))
        lastDate = { value, grain };
      const chained = c.anaphor === 'previous-year' || c.anaphor === 'next-year';
      if (!chained && (grain === 'year' || grain === 'month' || grain === 'day')) {
        const y = YEAR.exec(value);
        if (y) anyYear = Number(y[1]);
      }
      if (!c.anaphor && (c.grain === 'year' || c.grain === 'month' || c.grain === 'day')) {
        const y = YEAR.exec(value);
        if (y && !c.relative) year = Number(y[1]);
        const m = MONTH.exec(value);
        if (m) month = { y: Number(m[1]), m: Number(m[2]) };
        if (DAY.test(value)) day = value;
      }
    }
    return value === c.value && grain === c.grain ? c : { ...c, value, grain };
  });
}

/** The day last named, when it lies within a month of the reference date (the day a story is at); else null. */
function recentDay(day: string | null, ref: Ymd | null): Ymd | null {
  const d = day ? parseYmd(day) : null;
  return d && ref && Math.abs(dayNumber(d.y, d.m, d.d) - dayNumber(ref.y, ref.m, ref.d)) <= 31 ? d : null;
}

/**
 * A date `shift` units from `from`, at the unit's grain, when `from` is fine enough to count from (days and weeks from
 * a day, months from a day or month, years from any); else null.
 */
function shiftFrom(
  from: { value: string; grain: DateGrain },
  shift: NonNullable<DateCandidate['shift']>,
): string | null {
  const y = YEAR.exec(from.value);
  if (!y) return null;
  if (shift.unit === 'year') return fmtYear(Number(y[1]) + shift.n);
  const m = MONTH.exec(from.value);
  if (shift.unit === 'month') {
    if (!m) return null;
    const n = addMonths(Number(m[1]), Number(m[2]), shift.n);
    return fmtMonth(n.y, n.m);
  }
  const d = DAY.test(from.value) ? parseYmd(from.value) : null;
  if (!d) return null;
  const n = addDays(d, shift.unit === 'week' ? 7 * shift.n : shift.n);
  return shift.unit === 'week' ? isoWeek(n) : fmtDay(n.y, n.m, n.d);
}

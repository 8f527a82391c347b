import type { Context } from '../../../pipeline/types.js';
import { addMonths, fmtMonth, fmtYear } from '../calendar.js';
import { reference } from '../scan.js';
import type { DateCandidate } from '../types.js';

const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})/;
const MONTH = /^(\d{4})-(\d{2})/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Anaphoric dates, resolved in text order against the dates before them (as HeidelTime does for news narratives):
 * "the quarter"/"the latest period" take the quarter last named; "a year earlier", "the year-ago quarter" in an
 * earnings story that quarter a year before; "the 1988 period" that quarter of 1988; "that year" the year last named;
 * "the same month", "the following month", "that day" the month/day last named. With nothing named before, the value
 * the extractor gave from the reference date stays. Only a quarter over by the reference date anchors. One pass over
 * the sorted candidates.
 */
export function anchor(ctx: Context, items: DateCandidate[]): DateCandidate[] {
  const ref = reference(ctx);
  let quarter: { y: number; q: number } | null = null;
  let year: number | null = null;
  let month: { y: number; m: number } | null = null;
  let day: string | null = null;
  return items.map((c) => {
    let value = c.value;
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
        case 'same-year':
          if (year !== null) value = fmtYear(year);
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
      }
    }
    if (value !== null) {
      // Only dates the text names by themselves anchor the ones after them ("a year earlier" does not move "that year").
      const q = QUARTER.exec(value);
      // Only a quarter already over at publication is one a results story reports on ("the fourth quarter" ahead is not).
      if (q && c.rule === 'quarter') {
        const y = Number(q[1]);
        const n = Number(q[2]);
        if (!ref || y < ref.y || (y === ref.y && n * 3 < ref.m)) quarter = { y, q: n };
      }
      if (!c.anaphor && (c.grain === 'year' || c.grain === 'month' || c.grain === 'day')) {
        const y = YEAR.exec(value);
        if (y && !c.relative) year = Number(y[1]);
        const m = MONTH.exec(value);
        if (m) month = { y: Number(m[1]), m: Number(m[2]) };
        if (DAY.test(value)) day = value;
      }
    }
    return value === c.value ? c : { ...c, value };
  });
}

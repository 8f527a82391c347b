import type { Context, Stage } from '../../pipeline/types.js';
import type { DateMention } from '../../schema.js';
import { ago } from './extractors/ago.js';
import { anaphoric } from './extractors/anaphoric.js';
import { bareYear } from './extractors/bare-year.js';
import { dayMonth } from './extractors/day-month.js';
import { decadeCentury } from './extractors/decade-century.js';
import { holiday } from './extractors/holiday.js';
import { isoDate } from './extractors/iso-date.js';
import { monthDay } from './extractors/month-day.js';
import { monthYear } from './extractors/month-year.js';
import { numericDate } from './extractors/numeric-date.js';
import { partOfDay } from './extractors/part-of-day.js';
import { quarter } from './extractors/quarter.js';
import { referenceDate } from './extractors/reference-date.js';
import { relativeDay } from './extractors/relative-day.js';
import { relativeUnit } from './extractors/relative-unit.js';
import { relativeWeekday } from './extractors/relative-weekday.js';
import { season } from './extractors/season.js';
import { spelledYear } from './extractors/spelled-year.js';
import { weekNumber } from './extractors/week-number.js';
import { weekend } from './extractors/weekend.js';
import { anchor } from './refiners/anchor.js';
import { dropOverlaps } from './refiners/drop-overlaps.js';
import { partOfDayRefiner } from './refiners/part-of-day.js';
import { partOfYear } from './refiners/part-of-year.js';
import { requireReference } from './refiners/require-reference.js';
import { weekOf } from './refiners/week-of.js';
import { weekdayDate } from './refiners/weekday-date.js';
import { widenModifiers } from './refiners/widen-modifiers.js';
import type { DateCandidate } from './types.js';

export type { DateCandidate } from './types.js';

/** Date mentions as TIMEX3 values: a hand-written rule set over the tokens (see docs/decisions-dates.md). */
export const datesStage: Stage<'dates', DateCandidate> = {
  name: 'dates',
  needs: [],
  extractors: [
    referenceDate, // first: sets ctx.publishedAt from a dateline when the caller gave none
    isoDate,
    numericDate,
    monthDay,
    dayMonth,
    monthYear,
    bareYear,
    decadeCentury,
    quarter,
    weekNumber,
    season,
    relativeDay,
    relativeWeekday,
    relativeUnit,
    ago,
    anaphoric,
    spelledYear,
    weekend,
    holiday,
    partOfDay,
  ],
  refiners: [widenModifiers, partOfDayRefiner, partOfYear, dropOverlaps, weekdayDate, weekOf, anchor, requireReference],
  finalize(ctx: Context, items: DateCandidate[]): DateMention[] {
    return items.map((c) => ({
      start: c.start,
      end: c.end,
      text: ctx.doc.text.slice(c.start, c.end),
      // A part of the day ("Tuesday night") on a day value: TIMEX3 `2023-07-11TNI`.
      value:
        c.dayPart && c.grain === 'day' && c.value?.length === 10 && c.value[0] !== 'X'
          ? `${c.value}T${c.dayPart}`
          : (c.value as string),
      ...(c.endValue ? { endValue: c.endValue } : {}),
      grain: c.grain,
      relative: c.relative,
      inferred: c.inferred,
      zone: ctx.zoneAt(c.start),
    }));
  },
};

import type { DateGrain } from '../../schema.js';

/** A date the extractors found. Offsets are normalized-text offsets; `value` is null when it needs a reference date. */
export interface DateCandidate {
  start: number;
  end: number;
  /** Token range [t0, t1) of the span. */
  t0: number;
  t1: number;
  value: string | null;
  endValue?: string;
  grain: DateGrain;
  relative: boolean;
  inferred: boolean;
  /** The extractor that produced it ("month-day", "relative-weekday", ...), for tests and debugging. */
  rule: string;
  /**
   * Resolved against the dates before it by the anchor refiner (HeidelTime's anaphoric dates): "the quarter" is the
   * quarter last named, "a year earlier" in an earnings story that quarter a year before, "that year" the year last
   * named, "the following month" the month after the one last named.
   */
  anaphor?: Anaphor;
  /** For the `shifted` anaphor ("three weeks earlier"): units from the date last named. */
  shift?: { n: number; unit: 'day' | 'week' | 'month' | 'year' };
  /** Extra weight when two candidates overlap with the same length. */
  priority?: number;
  /**
   * A part of the day ("Tuesday night", "this morning"): appended to a day value as TIMEX3's `T` + `MO`/`AF`/`EV`/`NI`
   * when the mention is finalized, so the refiners before (anchor, week-of) still see a plain day.
   */
  dayPart?: DayPart;
}

export type DayPart = 'MO' | 'AF' | 'EV' | 'NI';

export type Anaphor =
  | 'same-quarter'
  | 'quarter-year-before'
  | 'quarter-of-year'
  /** "a year earlier", "year-ago", "the 1988 period": the reported period a year before (a quarter, or a year after "the nine months"). */
  | 'period-year-before'
  | 'period-of-year'
  | 'same-year'
  /** "the previous year", "the year before": the year before the one last named; "the following year" the one after. */
  | 'previous-year'
  | 'next-year'
  | 'previous-month'
  /** "the previous week", "the following week": the week before/after the one of the day last named. */
  | 'previous-week'
  | 'next-week'
  | 'same-month'
  | 'next-month'
  | 'same-day'
  /** "three weeks earlier": `shift` units from the date last named. */
  | 'shifted'
  /** "for the week", "later in the week": the ISO week of the day last named. */
  | 'same-week'
  | 'next-day'
  | 'previous-day'
  /** "the previous Friday", "the following Monday": that weekday before/after the day last named. */
  | 'previous-weekday'
  | 'next-weekday';

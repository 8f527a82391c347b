import type { Context } from '../../../pipeline/types.js';
import type { Token } from '../../../text/types.js';
import { SEASONS } from '../lexicon.js';
import type { DateCandidate } from '../types.js';

/** "first half", "second half", "last half", "latter half": TIMEX3's `H1` / `H2`. */
const HALF_OF: ReadonlyMap<string, 'H1' | 'H2'> = new Map([
  ['first', 'H1'],
  ['1st', 'H1'],
  ['second', 'H2'],
  ['2nd', 'H2'],
  ['last', 'H2'],
  ['latter', 'H2'],
]);
/** "the first two quarters of 1990", "the last two quarters of the year": a half. */
const TWO_QUARTERS: ReadonlyMap<string, 'H1' | 'H2'> = new Map([
  ['first', 'H1'],
  ['last', 'H2'],
]);
const YEAR_VALUE = /^\d{4}$/;

/**
 * A part of a year named before "of" and a year, whatever wrote the year ("1990", "nineteen ninety-four", "this year",
 * "next year", "the year", "fiscal 1990"): "the first half of 1990" → `1990-H1`, "the last half of 1989" → `1989-H2`,
 * "the first two quarters of 1990" → `1990-H1` (TIMEX3 halves), "the winter of nineteen ninety-four" → `1994-WI` (the
 * season extractor reads digit years itself). The year's mention widens to take the part in; "the last half of the
 * '80s" stays a decade. A bare "the first half" (a results story's half of no named year) is left out, as TimeBank
 * leaves it.
 */
export function partOfYear(ctx: Context, items: DateCandidate[]): DateCandidate[] {
  const toks = ctx.doc.tokens;
  return items.map((c) => {
    if (c.grain !== 'year' || c.value === null || !YEAR_VALUE.test(c.value)) return c;
    if (toks[c.t0 - 1]?.lower !== 'of') return c;
    const head = toks[c.t0 - 2];
    if (head?.kind !== 'word' || head.cap) return c;
    let t0 = -1;
    let value = '';
    let grain: DateCandidate['grain'] = 'half';
    const season = SEASONS.get(head.lower);
    if (head.lower === 'half') {
      const h = HALF_OF.get(toks[c.t0 - 3]?.lower ?? '');
      if (h) {
        t0 = c.t0 - 3;
        value = `${c.value}-${h}`;
      }
    } else if (head.lower === 'quarters' && toks[c.t0 - 3]?.lower === 'two') {
      const h = TWO_QUARTERS.get(toks[c.t0 - 4]?.lower ?? '');
      if (h) {
        t0 = c.t0 - 4;
        value = `${c.value}-${h}`;
      }
    } else if (season) {
      t0 = c.t0 - 2;
      value = `${c.value}-${season}`;
      grain = 'season';
    }
    if (t0 < 0) return c;
    const first = toks[t0] as Token;
    if (first.sentence !== (toks[c.t0] as Token).sentence) return c;
    return { ...c, t0, start: first.start, value, grain, rule: `${c.rule}+part-of-year` };
  });
}

import type { Context } from '../../../pipeline/types.js';
import { addDays, addMonths, fmtDay, fmtMonth, fmtYear, isoWeek } from '../calendar.js';
import { BEFORE_WORDS } from '../lexicon.js';
import { candidate, lowerAt, positionsOf, reference, triggers } from '../scan.js';
import type { DateCandidate } from '../types.js';

const WORDS = triggers([
  'that',
  'same',
  'following',
  'next',
  'previous',
  'prior',
  'preceding',
  'year',
  'month',
  'week',
  'day',
]);
/** "for the week", "during the month", "over the week": the week or month the story reports on. */
const THE_UNIT_PREPS = new Set(['for', 'in', 'during', 'over', 'through', 'throughout']);
/** "the end of the month", "the rest of the week". */
const PART_OF = new Set(['end', 'start', 'beginning', 'middle', 'rest', 'remainder', 'balance', 'close', 'turn']);
/** "the week ended Feb. 27", "the month before the vote", "the week of March 6": another date's week or month. */
const NOT_AFTER_UNIT = new Set([
  ...['ended', 'ending', 'ends', 'to', 'up', 'starting', 'beginning', 'begun', 'preceding', 'before', 'after'],
  ...['ahead', 'of', 'that', 'when', 'since', 'following', 'prior', 'leading', 'through', 'in', 'which', 'where'],
  ...['earlier', 'later', 'ago', "'s", '’s', 'long'],
]);
const DAY_PARTS = new Set(['day', 'morning', 'afternoon', 'evening', 'night']);
const THE_YEAR_PREPS = new Set(['for', 'in', 'during', 'through', 'throughout', 'of', 'over']);
const YEAR_MODS = new Set(['full', 'current', 'fiscal', 'financial']);
const NOT_AFTER_YEAR = new Set(['before', 'earlier', 'after', 'ago', 'later', 'prior', 'since', 'when']);

/**
 * Dates named by reference to the story: "that year", "the same month", "the following month", "that same day"
 * (resolved against the date last named by the anchor refiner), and the reporting year: "for the year", "the full
 * year", "the current fiscal year", "by year end", "year's end", "earlier in the year".
 */
export function anaphoric(ctx: Context): DateCandidate[] {
  const out: DateCandidate[] = [];
  const ref = reference(ctx);
  const toks = ctx.doc.tokens;
  const refYear = ref ? fmtYear(ref.y) : null;
  const refMonth = ref ? `${fmtYear(ref.y)}-${String(ref.m).padStart(2, '0')}` : null;
  const refDay = ctx.publishedAt;
  let last = -1;
  for (const i of positionsOf(ctx, WORDS)) {
    const t = toks[i];
    if (i <= last || !t) continue;
    const w = t.lower;
    const n1 = lowerAt(ctx, i + 1);
    if (w === 'that' || w === 'same') {
      // "that year", "that same day", "the same month", "that week"
      let j = i + 1;
      if (w === 'that' && n1 === 'same') j++;
      const unit = lowerAt(ctx, j);
      const t0 = w === 'same' && lowerAt(ctx, i - 1) === 'the' ? i - 1 : i;
      if (w === 'same' && t0 === i) continue;
      if (unit === 'year' && !NOT_AFTER_YEAR.has(lowerAt(ctx, j + 1)))
        out.push(candidate(ctx, t0, j + 1, 'anaphoric', 'year', refYear, { relative: true, anaphor: 'same-year' }));
      else if (unit === 'month')
        out.push(candidate(ctx, t0, j + 1, 'anaphoric', 'month', refMonth, { relative: true, anaphor: 'same-month' }));
      else if (unit === 'day')
        out.push(candidate(ctx, t0, j + 1, 'anaphoric', 'day', refDay, { relative: true, anaphor: 'same-day' }));
      else if (unit === 'week' && !NOT_AFTER_UNIT.has(lowerAt(ctx, j + 1)))
        // "that week", "the same week": the week of the day last named
        out.push(
          candidate(ctx, t0, j + 1, 'anaphoric', 'week', ref ? isoWeek(ref) : null, {
            relative: true,
            anaphor: 'same-week',
          }),
        );
      else continue;
      last = j;
      continue;
    }
    if (
      lowerAt(ctx, i - 1) === 'the' &&
      DAY_PARTS.has(n1) &&
      (w === 'next' || w === 'following' || BEFORE_WORDS.has(w))
    ) {
      // "the next morning", "the following day", "the previous day", "the prior day": a day from the one last named.
      const back = BEFORE_WORDS.has(w);
      const d = ref ? addDays(ref, back ? -1 : 1) : null;
      out.push(
        candidate(ctx, i - 1, i + 2, 'anaphoric', 'day', d ? fmtDay(d.y, d.m, d.d) : null, {
          relative: true,
          anaphor: back ? 'previous-day' : 'next-day',
        }),
      );
      last = i + 1;
      continue;
    }
    if ((BEFORE_WORDS.has(w) || w === 'following') && lowerAt(ctx, i - 1) === 'the') {
      // "the previous year", "the prior month", "the following year" (TimeML: the unit before/after the anchor's).
      if ((n1 !== 'year' && n1 !== 'month' && n1 !== 'week') || toks[i + 1]?.cap) continue;
      if (NOT_AFTER_YEAR.has(lowerAt(ctx, i + 2))) continue;
      const back = w !== 'following';
      if (n1 === 'week') {
        const d = ref ? addDays(ref, back ? -7 : 7) : null;
        out.push(
          candidate(ctx, i - 1, i + 2, 'anaphoric', 'week', d ? isoWeek(d) : null, {
            relative: true,
            anaphor: back ? 'previous-week' : 'next-week',
          }),
        );
      } else if (n1 === 'month') {
        const m = ref ? addMonths(ref.y, ref.m, back ? -1 : 1) : null;
        out.push(
          candidate(ctx, i - 1, i + 2, 'anaphoric', 'month', m ? fmtMonth(m.y, m.m) : null, {
            relative: true,
            anaphor: back ? 'previous-month' : 'next-month',
          }),
        );
      } else {
        out.push(
          candidate(ctx, i - 1, i + 2, 'anaphoric', 'year', ref ? fmtYear(ref.y + (back ? -1 : 1)) : null, {
            relative: true,
            anaphor: back ? 'previous-year' : 'next-year',
          }),
        );
      }
      last = i + 1;
      continue;
    }
    if (w === 'next' || BEFORE_WORDS.has(w) || w === 'following') continue;
    if (w === 'day') {
      // "the day before", "the day after" closing a clause ("He had arrived the day before."): the day before/after the
      // one last named (not "the day before the vote", "day before last Tuesday": the week-of refiner's).
      const dir = n1 === 'before' ? -1 : n1 === 'after' ? 1 : 0;
      const after = toks[i + 2];
      if (dir && lowerAt(ctx, i - 1) === 'the' && !t.cap && (!after || after.kind === 'punct')) {
        const d = ref ? addDays(ref, dir) : null;
        out.push(
          candidate(ctx, i - 1, i + 2, 'anaphoric', 'day', d ? fmtDay(d.y, d.m, d.d) : null, {
            relative: true,
            anaphor: dir < 0 ? 'previous-day' : 'next-day',
          }),
        );
        last = i + 1;
      }
      continue;
    }
    if (w === 'month' || w === 'year' || w === 'week') {
      // "the year before", "the month before" closing a clause ("than the year before."): the unit before the anchor's.
      const after = toks[i + 2];
      if (lowerAt(ctx, i - 1) === 'the' && n1 === 'before' && !t.cap && (!after || after.kind === 'punct')) {
        const m = ref && w === 'month' ? addMonths(ref.y, ref.m, -1) : null;
        const d = ref && w === 'week' ? addDays(ref, -7) : null;
        out.push(
          w === 'week'
            ? candidate(ctx, i - 1, i + 2, 'anaphoric', 'week', d ? isoWeek(d) : null, {
                relative: true,
                anaphor: 'previous-week',
              })
            : w === 'month'
              ? candidate(ctx, i - 1, i + 2, 'anaphoric', 'month', m ? fmtMonth(m.y, m.m) : null, {
                  relative: true,
                  anaphor: 'previous-month',
                })
              : candidate(ctx, i - 1, i + 2, 'anaphoric', 'year', ref ? fmtYear(ref.y - 1) : null, {
                  relative: true,
                  anaphor: 'previous-year',
                }),
        );
        last = i + 1;
        continue;
      }
    }
    if (w === 'month' || w === 'week') {
      // "For the week, the index fell 3.8%", "later in the month", "by the end of the month": the unit of the date last
      // named (a day's week, a month), else the reference date's.
      if (lowerAt(ctx, i - 1) !== 'the' || t.cap) continue;
      const after = toks[i + 1];
      if (after && after.kind !== 'punct' && (after.kind === 'number' || NOT_AFTER_UNIT.has(after.lower))) continue;
      const p = lowerAt(ctx, i - 2);
      let t0 = i - 1;
      /** "by the end of the month", "later in the month": the month of the reference date, not the one last named. */
      let current = false;
      if (THE_UNIT_PREPS.has(p)) {
        const p2 = lowerAt(ctx, i - 3);
        if (p === 'in' && (p2 === 'earlier' || p2 === 'later')) {
          t0 = i - 3;
          current = true;
        }
      } else if (p === 'of' && PART_OF.has(lowerAt(ctx, i - 3)) && lowerAt(ctx, i - 4) === 'the') current = true;
      else continue;
      out.push(
        w === 'month'
          ? candidate(ctx, t0, i + 1, 'the-unit', 'month', refMonth, {
              relative: true,
              ...(current ? {} : { anaphor: 'same-month' as const }),
            })
          : candidate(ctx, t0, i + 1, 'the-unit', 'week', ref ? isoWeek(ref) : null, {
              relative: true,
              anaphor: 'same-week',
            }),
      );
      last = i;
      continue;
    }
    // w === 'year'
    if (n1 === 'end' || ((n1 === "'s" || n1 === '’s') && lowerAt(ctx, i + 2) === 'end')) {
      // "by year end", "at year's end"
      const t1 = n1 === 'end' ? i + 2 : i + 3;
      const p = lowerAt(ctx, i - 1);
      if (p !== 'the' && p !== 'last' && p !== 'this') {
        out.push(candidate(ctx, i, t1, 'year-end', 'year', refYear, { relative: true }));
        last = t1 - 1;
      }
      continue;
    }
    // "for the year", "for the full year", "in the current fiscal year"
    let k = i - 1;
    while (k > i - 3 && YEAR_MODS.has(lowerAt(ctx, k))) k--;
    if (lowerAt(ctx, k) !== 'the') continue;
    const p = lowerAt(ctx, k - 1);
    if (!THE_YEAR_PREPS.has(p)) continue;
    const after = toks[i + 1];
    if (after && (after.kind === 'number' || NOT_AFTER_YEAR.has(after.lower))) continue;
    // "the year's", "Person of the Year": not the reporting year.
    if (t.cap || after?.lower === "'s" || after?.lower === '’s') continue;
    // "earlier in the year", "later in the year"
    const p2 = lowerAt(ctx, k - 2);
    const t0 = p === 'in' && (p2 === 'earlier' || p2 === 'later') ? k - 2 : k;
    out.push(candidate(ctx, t0, i + 1, 'the-year', 'year', refYear, { relative: true }));
  }
  return out;
}

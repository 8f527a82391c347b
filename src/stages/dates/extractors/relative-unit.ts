import type { Context } from '../../../pipeline/types.js';
import { addDays, addMonths, fmtMonth, fmtYear, isoWeek, weekday } from '../calendar.js';
import { candidate, lowerAt, positionsOf, reference, triggers } from '../scan.js';
import type { DateCandidate } from '../types.js';
import { resultsSentence } from './ago.js';

const SHIFT: ReadonlyMap<string, number> = new Map([
  ['last', -1],
  ['past', -1],
  ['this', 0],
  ['current', 0],
  ['next', 1],
  ['coming', 1],
]);
const UNITS = new Set(['week', 'month', 'year', 'decade']);
const SHIFT_WORDS = triggers([...SHIFT.keys()]);

const AMOUNT_WORDS = new Set(['million', 'billion', 'share', '%', 'cents']);

/** "… $3 million last year", "… 62 cents a share last year", "last year's $1.55 billion": a figure right beside it. */
function figureBeside(ctx: Context, i: number): boolean {
  const p = ctx.doc.tokens[i - 1];
  if (p && (p.kind === 'number' || AMOUNT_WORDS.has(p.lower))) return true;
  const a = lowerAt(ctx, i + 2);
  if (a !== "'s" && a !== '’s') return false;
  const n = ctx.doc.tokens[i + 3];
  return !!n && (n.kind === 'number' || n.text === '$' || n.lower === 'c$');
}

/** "last week" → 2023-W31, "this month", "next year", "the past year", "earlier this year" (with widen-modifiers). */
export function relativeUnit(ctx: Context): DateCandidate[] {
  const out: DateCandidate[] = [];
  const ref = reference(ctx);
  const toks = ctx.doc.tokens;
  let last = -1;
  for (const i of positionsOf(ctx, SHIFT_WORDS)) {
    if (i <= last) continue;
    const t = toks[i];
    if (t?.kind !== 'word') continue;
    const shift = SHIFT.get(t.lower);
    if (shift === undefined) continue;
    const unit = lowerAt(ctx, i + 1);
    if (!UNITS.has(unit)) continue;
    // "This Week", "Next Year" with a capital unit word: a title, not a date.
    if (toks[i + 1]?.cap) continue;
    // "the past year" and "the coming year" read as the year before/after; "past"/"coming" need the article, or
    // "this past week" (the week before; "this past year" may be the last twelve months).
    const before = lowerAt(ctx, i - 1);
    const thisPast = t.lower === 'past' && before === 'this' && unit === 'week';
    if ((t.lower === 'past' || t.lower === 'coming') && before !== 'the' && !thisPast) continue;
    // "the last week of March", "the next month of talks": a part of another date, not the unit before/after this one.
    if (before === 'the' && (t.lower === 'last' || t.lower === 'next') && lowerAt(ctx, i + 2) === 'of') continue;
    // "last year's" is fine; "this year alone" fine; "last month" followed by "s" (plural) cannot happen.
    let value: string | null = null;
    const grain = unit as 'week' | 'month' | 'year' | 'decade';
    if (ref) {
      // "this past week" in a Saturday or Sunday story: the working week just ending, the reference date's own week.
      if (grain === 'week') value = isoWeek(addDays(ref, thisPast && weekday(ref) % 6 === 0 ? 0 : 7 * shift));
      else if (grain === 'month') {
        const m = addMonths(ref.y, ref.m, shift);
        value = fmtMonth(m.y, m.m);
      } else if (grain === 'year') value = fmtYear(ref.y + shift);
      else value = String(Math.floor(ref.y / 10) + shift);
    }
    const t0 = thisPast || (before === 'the' && (t.lower === 'past' || t.lower === 'coming')) ? i - 1 : i;
    // "compared with $6.1 million last year", "from last year's $1.55 billion": in a results story, the period reported.
    const comparison = t.lower === 'last' && grain === 'year' && figureBeside(ctx, i) && resultsSentence(ctx, t);
    out.push(
      candidate(ctx, t0, i + 2, 'relative-unit', grain, value, {
        relative: true,
        ...(comparison ? { anaphor: 'period-year-before' as const } : {}),
      }),
    );
    last = i + 1;
  }
  return out;
}

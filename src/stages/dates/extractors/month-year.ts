import type { Context } from '../../../pipeline/types.js';
import type { Token } from '../../../text/types.js';
import { fmtMonth, fmtMonthNoYear } from '../calendar.js';
import { AMBIGUOUS_MONTHS, DATE_PREPOSITIONS, MONTHS } from '../lexicon.js';
import {
  candidate,
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

const PREFIX = /^(mid|early|late|end)-/;
const MARCH_ON = new Set(['on', 'for', 'against']);
/** Month names, and "mid-July", "early-May", "late-June", "end-March" (one token each). */
const MONTH_WORDS = triggers([...MONTHS.keys()].flatMap((m) => [m, `mid-${m}`, `early-${m}`, `late-${m}`, `end-${m}`]));
const YEAR_SHIFT: ReadonlyMap<string, number> = new Map([
  ['this', 0],
  ['last', -1],
  ['next', 1],
]);

/**
 * "August 1988", "in August", "mid-July", "last April": a month without a day. A bare month needs a capital; "May",
 * "March" and short forms need a preposition, a modifier or a year beside them.
 */
export function monthYear(ctx: Context): DateCandidate[] {
  const out: DateCandidate[] = [];
  const toks = ctx.doc.tokens;
  let last = -1;
  for (const i of positionsOf(ctx, MONTH_WORDS)) {
    if (i <= last) continue;
    const t = toks[i];
    if (t?.kind !== 'word') continue;
    let month: number | undefined;
    let next = i + 1;
    let prefixed = false;
    let abbr = false;
    const mo = t.cap ? monthAt(ctx, i) : null;
    if (mo) {
      month = mo.month;
      next = mo.next;
      abbr = AMBIGUOUS_MONTHS.has(t.lower);
    } else {
      const m = PREFIX.exec(t.lower);
      // "mid-July": the month part keeps its capital.
      if (!m || !/^\p{Lu}/u.test(t.text.slice(m[0].length))) continue;
      month = MONTHS.get(t.lower.slice(m[0].length));
      if (month === undefined) continue;
      prefixed = true;
    }
    let k = next;
    if (tokenAt(ctx, k)?.text === ',') k++;
    if (tokenAt(ctx, k)?.lower === 'of') k++;
    const y = yearOf(tokenAt(ctx, k));
    if (y !== null) {
      out.push(candidate(ctx, i, k + 1, 'month-year', 'month', fmtMonth(y, month)));
      last = k;
      continue;
    }
    const prev = lowerAt(ctx, i - 1);
    // "February this year", "April next year", "October of last year": the month in that year.
    let r = next;
    if (lowerAt(ctx, r) === 'of') r++;
    const shift = YEAR_SHIFT.get(lowerAt(ctx, r));
    if (shift !== undefined && lowerAt(ctx, r + 1) === 'year' && !(abbr && !DATE_PREPOSITIONS.has(prev))) {
      const ref = reference(ctx);
      const value = ref ? fmtMonth(ref.y + shift, month) : null;
      out.push(candidate(ctx, i, r + 2, 'month-this-year', 'month', value, { relative: true }));
      last = r + 1;
      continue;
    }
    const hasPrep = DATE_PREPOSITIONS.has(prev) || prefixed;
    if (abbr && !hasPrep) continue;
    // After "and"/"or" an ambiguous month before a name or "on/for/against" is a name or a march: "Hungary and Jan
    // Kavan", "the Coalition to Stop Trump and March on the RNC" (not "between now and March", "and May at 125 stg").
    if (abbr && (prev === 'and' || prev === 'or')) {
      const n = tokenAt(ctx, next);
      if (n?.kind === 'word' && ((n.cap && !n.upper) || MARCH_ON.has(n.lower))) continue;
    }
    if (!hasPrep) {
      // "April Ryan", "June Carter": a capitalised word right after makes it a name.
      const n = tokenAt(ctx, next);
      if (n && n.kind === 'word' && n.cap) continue;
      const p = tokenAt(ctx, i - 1);
      if (p && p.kind === 'word' && p.cap && p.sentence === t.sentence) continue;
    }
    // "the May 5 ..." is month-day's; a number right after means a day or a quantity.
    if (tokenAt(ctx, next)?.kind === 'number') continue;
    const ref = reference(ctx);
    let value: string | null = null;
    let relative = false;
    if (ref) {
      let year: number;
      if (prev === 'last' || prev === 'past') {
        year = month < ref.m ? ref.y : ref.y - 1;
        relative = true;
      } else if (prev === 'next' || prev === 'coming') {
        year = month > ref.m ? ref.y : ref.y + 1;
        relative = true;
      } else if (prev === 'this') {
        year = ref.y;
        relative = true;
      } else {
        // "the June contract", "June Swiss francs", "for March delivery": a contract month, the first one not before
        // the reference month (contracts trade until they expire); a span's months run up to its last ("for the
        // November to April shipment" in March: November of the year before).
        const end = prev === 'since' ? null : contractEnd(ctx, i, next);
        // "since March": the latest March not after the reference month.
        if (prev === 'since') year = month <= ref.m ? ref.y : ref.y - 1;
        else if (end !== null) {
          const endYear = end >= ref.m ? ref.y : ref.y + 1;
          year = month <= end ? endYear : endYear - 1;
        } else {
          let tense = tenseAt(ctx, i, next);
          // "the November election", "the March summit": an event named by its month lies ahead unless the clause is
          // past ("lost the November election").
          if (tense !== 'past' && EVENT_NOUNS.has(lowerAt(ctx, next))) tense = 'future';
          year = inferYear(ref, month, null, tense, tense === 'past' && frontedAt(ctx, i, next));
        }
      }
      value = fmtMonth(year, month);
    } else if (prev !== 'last' && prev !== 'past' && prev !== 'next' && prev !== 'coming' && prev !== 'this') {
      // No reference date: the year cannot be known (`XXXX-08`).
      value = fmtMonthNoYear(month);
    }
    const t0 = relative ? i - 1 : i;
    out.push(candidate(ctx, t0, next, 'month', 'month', value, { inferred: ref !== null, relative }));
    last = next - 1;
  }
  return out.map((c) => monthQuarter(ctx, c));
}

/**
 * Words after a month that make it a traded contract's month ("for March delivery", "May/Sept shipment", "the June
 * contract", "June T-bonds"); not the plural statistics ("February shipments rose") nor a bare commodity ("January
 * wheat exports").
 */
const CONTRACT_NOUNS = new Set([
  'delivery',
  'shipment',
  'contract',
  'contracts',
  'futures',
  'options',
  't-bonds',
  't-bills',
]);
const RANGE_LINKS = new Set(['to', 'through', '/', '-', '\u2013', 'and']);
/** Events named by the month they fall in ("the November election", "a June summit"). */
const EVENT_NOUNS = new Set([
  ...['election', 'elections', 'vote', 'ballot', 'referendum', 'primary', 'primaries', 'caucus', 'caucuses', 'runoff'],
  ...['summit', 'meeting', 'conference', 'convention', 'congress', 'deadline', 'trial', 'hearing', 'session'],
]);
/** Currencies traded by month after a capitalised adjective ("June Swiss francs", "June German marks"). */
const CURRENCY_NOUNS = new Set(['francs', 'marks', 'yen', 'dollars', 'pounds', 'guilders', 'lire']);

/**
 * When the words at token i name a traded contract (in the sentence of the month at token m): the month the contract
 * span ends in (the month itself, or the last of "July to September shipment"); else null.
 */
function contractEnd(ctx: Context, m: number, i: number): number | null {
  const month = tokenAt(ctx, m);
  const t = tokenAt(ctx, i);
  // A month in an upper-case headline is the headline's ("COPPER STOCKS FALL IN JANUARY").
  if (!month || !t || month.upper || t.sentence !== month.sentence) return null;
  const own = MONTHS.get(month.lower) ?? null;
  // The first month of a span: "for July to September shipment", "for May/Aug shipments".
  if (RANGE_LINKS.has(t.lower) && MONTHS.has(lowerAt(ctx, i + 1))) {
    const m2 = monthAt(ctx, i + 1);
    return m2 && contractEnd(ctx, i + 1, m2.next) !== null ? m2.month : null;
  }
  if (CONTRACT_NOUNS.has(t.lower)) return own;
  return t.kind === 'word' && t.cap && !t.upper && CURRENCY_NOUNS.has(lowerAt(ctx, i + 1)) ? own : null;
}

const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

/**
 * "the September quarter", "the December 1986 quarter" (Australian and New Zealand statistics): the quarter ending in
 * that month, `1986-Q4`, the span taking "quarter" in.
 */
function monthQuarter(ctx: Context, c: DateCandidate): DateCandidate {
  if (lowerAt(ctx, c.t1) !== 'quarter' || c.value === null) return c;
  const m = YEAR_MONTH.exec(c.value);
  const month = m ? Number(m[2]) : 0;
  if (!m || month % 3 !== 0) return c;
  const q = tokenAt(ctx, c.t1) as Token;
  return { ...c, t1: c.t1 + 1, end: q.end, value: `${m[1]}-Q${month / 3}`, grain: 'quarter' };
}

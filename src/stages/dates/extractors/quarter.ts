import type { Context } from '../../../pipeline/types.js';
import { NO_YEAR, quarterOf } from '../calendar.js';
import {
  candidate,
  dayAt,
  inferYear,
  intOf,
  lowerAt,
  monthAt,
  positionsOf,
  reference,
  tenseAt,
  tokenAt,
  touching,
  triggers,
  yearOf,
} from '../scan.js';
import type { DateCandidate } from '../types.js';

const ORD: ReadonlyMap<string, number> = new Map([
  ['first', 1],
  ['1st', 1],
  ['second', 2],
  ['2nd', 2],
  ['third', 3],
  ['3rd', 3],
  ['fourth', 4],
  ['4th', 4],
]);
const QN = /^q([1-4])$/;
/** Tokens a quarter is found from: "quarter(s)" (and the ordinal before it), "Q3", "third-quarter", "period". */
const STARTS = triggers([
  'quarter',
  'quarters',
  'period',
  'q1',
  'q2',
  'q3',
  'q4',
  ...[...ORD.keys()].map((o) => `${o}-quarter`),
]);
const LATEST = new Set(['latest', 'recent', 'most', 'past', 'last', 'previous', 'same']);

const YEAR_AGO = new Set(['year-ago', 'year-earlier', 'year-before']);
/** "last/next/this quarter"-style words before a numbered quarter: relative to the reference date. */
const SHIFTED = new Set(['last', 'previous', 'next', 'this', 'coming']);
/** Words that may come between "the" and "quarter"/"period" in an anaphoric quarter. */
const QUARTER_MODS = new Set([
  'the',
  'latest',
  'most',
  'recent',
  'year-ago',
  'year-earlier',
  'year-before',
  'this',
  'current',
  'same',
  'previous',
  'past',
  'last',
  'corresponding',
  'comparable',
  'fiscal',
]);

/**
 * "the quarter", "the latest quarter/period", "this quarter", "the year-ago quarter", "the 1988 quarter", "last year's
 * quarter", "the corresponding period last year", "the quarter a year ago": quarters named by reference to another,
 * valued from the reference date here and resolved against the quarter last named by the anchor refiner.
 */
function theQuarter(ctx: Context, i: number): DateCandidate | null {
  const word = lowerAt(ctx, i);
  const p = lowerAt(ctx, i - 1);
  let t0 = i;
  let yearBefore = YEAR_AGO.has(p);
  let year: number | null = null;
  let current = false;
  const apos = p === "'s" || p === '’s';
  if (apos && lowerAt(ctx, i - 2) === 'year' && lowerAt(ctx, i - 3) === 'last') {
    // "last year's quarter"
    yearBefore = true;
    t0 = i - 3;
  } else if (yearOf(tokenAt(ctx, i - 1)) !== null && lowerAt(ctx, i - 2) === 'the') {
    // "the 1988 quarter", "the 1988 period"
    year = yearOf(tokenAt(ctx, i - 1));
    t0 = i - 2;
  } else {
    if (word === 'period' && !(LATEST.has(p) || yearBefore || p === 'corresponding' || p === 'comparable')) return null;
    if (!(p === 'the' || LATEST.has(p) || yearBefore || p === 'this' || p === 'current' || p === 'corresponding'))
      return null;
    while (t0 > 0 && QUARTER_MODS.has(lowerAt(ctx, t0 - 1))) t0--;
    current = p === 'current';
  }
  let t1 = i + 1;
  // "... last year", "... a year ago", "... a year earlier"
  const n1 = lowerAt(ctx, t1);
  if (n1 === 'last' && lowerAt(ctx, t1 + 1) === 'year') {
    yearBefore = true;
    t1 += 2;
  } else if (
    (n1 === 'a' || n1 === 'one') &&
    lowerAt(ctx, t1 + 1) === 'year' &&
    ['ago', 'earlier'].includes(lowerAt(ctx, t1 + 2))
  ) {
    yearBefore = true;
    t1 += 3;
  }
  const ref = reference(ctx);
  let value: string | null = null;
  if (ref) {
    const cur = quarterOf(ref.m);
    let y = ref.y;
    let qq = current || p === 'this' ? cur : cur - 1;
    if (qq === 0) {
      qq = 4;
      y--;
    }
    if (yearBefore) y--;
    if (year !== null) y = year;
    value = `${y}-Q${qq}`;
  }
  // "the quarter ended July 31": the quarter the story named before (a fiscal one), else the calendar quarter holding
  // most of its days (May–July: the second).
  const ended = year === null && !yearBefore ? endedQuarter(ctx, t1) : null;
  if (ended) value = `${ended.y}-Q${ended.q}`;
  // "the 1988 period", "the year-ago period": the period being reported, which the story may have widened to a year.
  const period = word === 'period';
  const anaphor = current
    ? undefined
    : year !== null
      ? period
        ? 'period-of-year'
        : 'quarter-of-year'
      : yearBefore
        ? period
          ? 'period-year-before'
          : 'quarter-year-before'
        : 'same-quarter';
  return candidate(ctx, t0, t1, 'the-quarter', 'quarter', value, {
    relative: true,
    inferred: true,
    ...(anaphor ? { anaphor } : {}),
  });
}

/**
 * "… ended/ending Sept. 30" after "the quarter" at token i: the calendar quarter holding most of the three months that
 * end then (the month before the end month is the middle one), with the year inferred as for any month.
 */
function endedQuarter(ctx: Context, i: number): { y: number; q: number } | null {
  const w = lowerAt(ctx, i);
  if (w !== 'ended' && w !== 'ending') return null;
  const mo = monthAt(ctx, i + 1);
  const ref = reference(ctx);
  if (!mo || !ref) return null;
  const day = dayAt(ctx, mo.next);
  const y = yearOf(tokenAt(ctx, day ? day.next : mo.next)) ?? yearOf(tokenAt(ctx, (day ? day.next : mo.next) + 1));
  let year = y ?? inferYear(ref, mo.month, day?.day ?? null, w === 'ended' ? 'past' : tenseAt(ctx, i));
  let middle = mo.month - 1;
  if (middle === 0) {
    middle = 12;
    year--;
  }
  return { y: year, q: quarterOf(middle) };
}

/** The year a quarter named without one refers to. */
function quarterYear(
  ref: { y: number; m: number },
  q: number,
  tense: 'future' | 'past' | 'none',
  fiscal = false,
): number {
  const cur = quarterOf(ref.m);
  // "expects a profit in the first quarter" in an October story: next year's. A quarter two or more behind the current
  // one is not what a future clause reports (a fiscal quarter, numbered from another month, is left at this year).
  if (tense === 'future' && !fiscal && q < cur - 1) return ref.y + 1;
  // Companies report a finished quarter in future sentences too ("expects to report third-quarter losses").
  if (q <= cur) return ref.y;
  return tense === 'past' ? ref.y - 1 : ref.y;
}

/**
 * "Q3 2024", "the third quarter (of 2024)", "third-quarter", "this year's second quarter", "the latest quarter",
 * "the year-ago quarter".
 */
export function quarter(ctx: Context): DateCandidate[] {
  const out: DateCandidate[] = [];
  const toks = ctx.doc.tokens;
  let last = -1;
  let tried = -1;
  for (const p of positionsOf(ctx, STARTS)) {
    // "third quarter" starts a token before "quarter"; "quarter", "Q3", "third-quarter", "period" at it.
    const w = lowerAt(ctx, p);
    for (let i = w === 'quarter' || w === 'quarters' ? p - 1 : p; i <= p; i++) {
      if (i <= last || i <= tried) continue;
      tried = i;
      const t = toks[i];
      if (t?.kind !== 'word') continue;
      let q: number | null = null;
      let j = i + 1;
      const qm = QN.exec(t.lower);
      if (qm) {
        q = Number(qm[1]);
      } else {
        // "third-quarter" is one token; "third quarter" two; "3rd quarter" a number and a suffix.
        const hy = t.lower.indexOf('-quarter');
        if (hy > 0 && hy + 8 === t.lower.length) q = ORD.get(t.lower.slice(0, hy)) ?? null;
        else if (lowerAt(ctx, i + 1) === 'quarter' || lowerAt(ctx, i + 1) === 'quarters') {
          // "the fiscal-first quarter"
          q = ORD.get(t.lower.startsWith('fiscal-') ? t.lower.slice(7) : t.lower) ?? null;
          j = i + 2;
        }
        if (q === null && (t.lower === 'quarter' || t.lower === 'period')) {
          const c = theQuarter(ctx, i);
          if (c) {
            out.push(c);
            last = c.t1 - 1;
          }
          continue;
        }
      }
      if (q === null) continue;
      let t0 = i;
      let year: number | null = null;
      let relative = false;
      // After: "of 2024", "2024", "of this year"
      let k = j;
      if (lowerAt(ctx, k) === 'of' || lowerAt(ctx, k) === ',') k++;
      const y = yearOf(tokenAt(ctx, k));
      if (y !== null) {
        year = y;
        j = k + 1;
      } else if (
        lowerAt(ctx, j) === 'of' &&
        ['this', 'last', 'next'].includes(lowerAt(ctx, j + 1)) &&
        lowerAt(ctx, j + 2) === 'year'
      ) {
        const w = lowerAt(ctx, j + 1);
        const ref = reference(ctx);
        if (ref) year = ref.y + (w === 'last' ? -1 : w === 'next' ? 1 : 0);
        relative = true;
        j += 3;
      }
      // Before: "the", "2024", "fiscal 2024", "this year's", "last year's", "1989's", "the year-ago"
      let b = i - 1;
      const fiscal = lowerAt(ctx, b) === 'fiscal' || lowerAt(ctx, i).startsWith('fiscal');
      if (lowerAt(ctx, b) === 'fiscal') b--;
      const yearAgo = YEAR_AGO.has(lowerAt(ctx, b));
      if (yearAgo) {
        t0 = b;
        b--;
      }
      const isApos = (x: string) => x === "'" || x === '’';
      const possessive = lowerAt(ctx, b) === "'s" || lowerAt(ctx, b) === '’s';
      if (possessive || (lowerAt(ctx, b) === 's' && isApos(lowerAt(ctx, b - 1)))) {
        const h = possessive ? b - 1 : b - 2;
        const yb = yearOf(tokenAt(ctx, h));
        const w = lowerAt(ctx, h - 1);
        if (year === null && yb !== null) {
          year = yb;
          t0 = h;
        } else if (year === null && lowerAt(ctx, h) === 'year' && ['this', 'last', 'next'].includes(w)) {
          const ref = reference(ctx);
          if (ref) year = ref.y + (w === 'last' ? -1 : w === 'next' ? 1 : 0);
          relative = true;
          t0 = h - 1;
        }
      } else if (year === null) {
        const yb = yearOf(tokenAt(ctx, b));
        if (yb !== null && !touching(tokenAt(ctx, b), tokenAt(ctx, b + 1))) {
          year = yb;
          t0 = b;
        }
      }
      let inferred = false;
      let value: string | null = null;
      // "this year's quarter", "the third quarter of last year": relative to a year the reference date gives.
      const shifted = relative;
      if (year === null) {
        inferred = true;
        relative = true;
        const ref = reference(ctx);
        const p = lowerAt(ctx, i - 1);
        if (ref) {
          if (p === 'last' || p === 'previous') year = quarterYear(ref, q, 'past');
          else year = quarterYear(ref, q, tenseAt(ctx, i), fiscal);
        } else if (!yearAgo && !shifted && !SHIFTED.has(p)) {
          // No reference date: the year cannot be known (`XXXX-Q3`).
          value = `${NO_YEAR}-Q${q}`;
          relative = false;
          inferred = false;
        }
      }
      if (year !== null && yearAgo && inferred) year--;
      if (year !== null) value = `${year}-Q${q}`;
      if (intOf(t, 1) !== null) continue;
      out.push(candidate(ctx, t0, j, 'quarter', 'quarter', value, { relative: relative && inferred, inferred }));
      last = j - 1;
    }
  }
  return out;
}

import type { Context } from '../../../pipeline/types.js';
import { fmtMonth } from '../calendar.js';
import { MONTHS } from '../lexicon.js';
import { candidate, lowerAt, positionsOf, tokenAt, triggers } from '../scan.js';
import type { DateCandidate } from '../types.js';

const CENTURIES: ReadonlyMap<string, number> = new Map([
  ['eighteen', 18],
  ['nineteen', 19],
]);
const TENS: ReadonlyMap<string, number> = new Map([
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['thirteen', 13],
  ['fourteen', 14],
  ['fifteen', 15],
  ['sixteen', 16],
  ['seventeen', 17],
  ['eighteen', 18],
  ['nineteen', 19],
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fifty', 50],
  ['sixty', 60],
  ['seventy', 70],
  ['eighty', 80],
  ['ninety', 90],
]);
const UNITS: ReadonlyMap<string, number> = new Map([
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
]);
const DECADES: ReadonlyMap<string, number> = new Map([
  ['twenties', 2],
  ['thirties', 3],
  ['forties', 4],
  ['fifties', 5],
  ['sixties', 6],
  ['seventies', 7],
  ['eighties', 8],
  ['nineties', 9],
]);

const WORDS = triggers([...CENTURIES.keys(), 'year', ...DECADES.keys()]);

/** "ninety-six", "ninety six", "eighty": the last two digits of a spelled year, and the index after them. */
function twoDigits(ctx: Context, i: number): { n: number; next: number } | null {
  const w = lowerAt(ctx, i);
  const dash = w.indexOf('-');
  if (dash > 0) {
    const tens = TENS.get(w.slice(0, dash));
    const unit = UNITS.get(w.slice(dash + 1));
    return tens !== undefined && tens >= 20 && unit !== undefined ? { n: tens + unit, next: i + 1 } : null;
  }
  const tens = TENS.get(w);
  if (tens === undefined) return null;
  const unit = tens >= 20 ? UNITS.get(lowerAt(ctx, i + 1)) : undefined;
  return unit !== undefined ? { n: tens + unit, next: i + 2 } : { n: tens, next: i + 1 };
}

/**
 * Years as transcripts write them: "nineteen ninety-six", "January nineteen ninety-seven", "the year two thousand",
 * and decades: "the nineties" (in the reference date's century, else the 20th).
 */
export function spelledYear(ctx: Context): DateCandidate[] {
  const out: DateCandidate[] = [];
  const toks = ctx.doc.tokens;
  let last = -1;
  for (const i of positionsOf(ctx, WORDS)) {
    const t = toks[i];
    if (i <= last || !t) continue;
    const c = CENTURIES.get(t.lower);
    if (c !== undefined) {
      const d = twoDigits(ctx, i + 1);
      if (!d || d.n < 10) continue;
      const year = c * 100 + d.n;
      const m = tokenAt(ctx, i - 1);
      const month = m?.cap ? MONTHS.get(m.lower) : undefined;
      if (month !== undefined && m && m.lower.length > 3)
        out.push(candidate(ctx, i - 1, d.next, 'spelled-year', 'month', fmtMonth(year, month)));
      else out.push(candidate(ctx, i, d.next, 'spelled-year', 'year', String(year)));
      last = d.next - 1;
      continue;
    }
    if (t.lower === 'year' && lowerAt(ctx, i - 1) === 'the' && lowerAt(ctx, i + 1) === 'two') {
      if (lowerAt(ctx, i + 2) === 'thousand') out.push(candidate(ctx, i - 1, i + 3, 'spelled-year', 'year', '2000'));
      continue;
    }
    const dec = DECADES.get(t.lower);
    if (dec !== undefined && lowerAt(ctx, i - 1) === 'the') {
      const ref = ctx.publishedAt ? Number(ctx.publishedAt.slice(0, 2)) : 19;
      const century = ref >= 20 && dec > 2 ? 19 : ref;
      out.push(candidate(ctx, i - 1, i + 1, 'spelled-decade', 'decade', `${century}${dec}`));
    }
  }
  return out;
}

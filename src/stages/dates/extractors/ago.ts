import type { Context } from '../../../pipeline/types.js';
import type { Token } from '../../../text/types.js';
import { addDays, addMonths, fmtDay, fmtMonth, fmtYear, isoWeek, quarterOf, type Ymd } from '../calendar.js';
import { NUMBER_WORDS } from '../lexicon.js';
import { candidate, intOf, lowerAt, reference } from '../scan.js';
import type { DateCandidate } from '../types.js';

const UNIT: ReadonlyMap<string, 'day' | 'week' | 'month' | 'year' | 'decade'> = new Map([
  ['day', 'day'],
  ['days', 'day'],
  ['week', 'week'],
  ['weeks', 'week'],
  ['month', 'month'],
  ['months', 'month'],
  ['year', 'year'],
  ['years', 'year'],
  ['decade', 'decade'],
  ['decades', 'decade'],
]);
const AGO = new Set(['ago', 'earlier']);
const HYPHENATED = new Set(['year-ago', 'year-earlier']);

const quarterly = new WeakMap<Context, boolean>();

/**
 * True in a quarterly-results story (the word "quarter" in this sentence, or three times in the article): "a year
 * earlier" then means the same quarter a year before.
 */
function quarterSentence(ctx: Context, tok: Token): boolean {
  let doc = quarterly.get(ctx);
  if (doc === undefined) {
    let n = 0;
    for (const t of ctx.doc.tokens) if (t.kind === 'word' && t.lower.includes('quarter')) n++;
    doc = n >= 3;
    quarterly.set(ctx, doc);
  }
  if (doc) return true;
  const s = ctx.doc.sentences[tok.sentence];
  if (!s) return false;
  for (let k = s.tokenStart; k < s.tokenEnd; k++) if (ctx.doc.tokens[k]?.lower.includes('quarter')) return true;
  return false;
}

function yearAgoValue(ctx: Context, ref: Ymd, tok: Token): { value: string; grain: 'year' | 'quarter' } {
  if (quarterSentence(ctx, tok)) {
    let q = quarterOf(ref.m) - 1;
    let y = ref.y - 1;
    if (q === 0) {
      q = 4;
      y--;
    }
    return { value: `${y}-Q${q}`, grain: 'quarter' };
  }
  return { value: fmtYear(ref.y - 1), grain: 'year' };
}

/** "two years ago", "six weeks ago", "a year earlier", "year-earlier": counted back from the reference date. */
export function ago(ctx: Context): DateCandidate[] {
  const out: DateCandidate[] = [];
  const ref = reference(ctx);
  const toks = ctx.doc.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t) continue;
    if (HYPHENATED.has(t.lower)) {
      // "year-ago quarter" is the quarter extractor's.
      if (lowerAt(ctx, i + 1) === 'quarter') continue;
      const v = ref ? yearAgoValue(ctx, ref, t) : null;
      out.push(
        candidate(ctx, i, i + 1, 'ago', v?.grain ?? 'year', v?.value ?? null, {
          relative: true,
          ...(v?.grain === 'quarter' ? { anaphor: 'quarter-year-before' as const } : {}),
        }),
      );
      continue;
    }
    const unit0 = toks[i + 1];
    if (!unit0 || !UNIT.has(unit0.lower)) continue;
    let n = intOf(t, 3);
    if (n === null && t.kind === 'word') n = NUMBER_WORDS.get(t.lower) ?? null;
    if (n === null || n < 1) continue;
    const unit = UNIT.get(lowerAt(ctx, i + 1));
    if (!unit || !AGO.has(lowerAt(ctx, i + 2))) continue;
    let value: string | null = null;
    let grain: DateCandidate['grain'] = unit;
    if (ref) {
      if (unit === 'day') {
        const d = addDays(ref, -n);
        value = fmtDay(d.y, d.m, d.d);
      } else if (unit === 'week') value = isoWeek(addDays(ref, -7 * n));
      else if (unit === 'month') {
        const m = addMonths(ref.y, ref.m, -n);
        value = fmtMonth(m.y, m.m);
      } else if (unit === 'year') {
        if (n === 1) {
          const v = yearAgoValue(ctx, ref, t);
          value = v.value;
          grain = v.grain;
        } else value = fmtYear(ref.y - n);
      } else value = String(Math.floor((ref.y - 10 * n) / 10));
    }
    out.push(
      candidate(ctx, i, i + 3, 'ago', grain, value, {
        relative: true,
        ...(grain === 'quarter' ? { anaphor: 'quarter-year-before' as const } : {}),
      }),
    );
    i += 2;
  }
  return out;
}

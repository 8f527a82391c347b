import type { Context } from '../../../pipeline/types.js';
import type { Token } from '../../../text/types.js';
import { addDays, addMonths, fmtDay, fmtMonth, fmtYear, isoWeek, quarterOf, type Ymd } from '../calendar.js';
import { NUMBER_WORDS } from '../lexicon.js';
import { candidate, intOf, lowerAt, positionsOf, reference, triggers } from '../scan.js';
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
const STARTS = triggers([...AGO, ...HYPHENATED]);

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

/** Words of a sentence reporting results ("net income was $2.1 million, or six cents a share"). */
const RESULTS = new Set([
  '$',
  'c$',
  'cents',
  'net',
  'earnings',
  'earned',
  'profit',
  'loss',
  'sales',
  'revenue',
  'revenues',
  'income',
]);

/** True when the sentence of token `tok` reports figures (money, earnings, sales). */
export function resultsSentence(ctx: Context, tok: Token): boolean {
  const s = ctx.doc.sentences[tok.sentence];
  if (!s) return false;
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    const t = ctx.doc.tokens[k] as Token;
    if (RESULTS.has(t.lower)) return true;
  }
  return false;
}

type YearAgo = { value: string; grain: 'year' | 'quarter'; anaphor?: 'period-year-before' };

/**
 * "a year earlier", "year-ago": in a results story the period being reported a year before (resolved by the anchor
 * refiner: the quarter last named, or the year after "the nine months"); else the year before the reference.
 */
function yearAgoValue(ctx: Context, ref: Ymd, tok: Token): YearAgo {
  if (quarterSentence(ctx, tok)) {
    let q = quarterOf(ref.m) - 1;
    let y = ref.y - 1;
    if (q === 0) {
      q = 4;
      y--;
    }
    return { value: `${y}-Q${q}`, grain: 'quarter', anaphor: 'period-year-before' };
  }
  // A results sentence in a story that named a quarter: the anchor makes it that quarter a year before.
  if (resultsSentence(ctx, tok)) return { value: fmtYear(ref.y - 1), grain: 'year', anaphor: 'period-year-before' };
  return { value: fmtYear(ref.y - 1), grain: 'year' };
}

/**
 * "two years ago", "six weeks ago", "a year earlier", "year-earlier": counted back from the reference date; "three
 * weeks earlier": counted back from the date last named (the anchor refiner).
 */
export function ago(ctx: Context): DateCandidate[] {
  const out: DateCandidate[] = [];
  const ref = reference(ctx);
  const toks = ctx.doc.tokens;
  for (const p of positionsOf(ctx, STARTS)) {
    const hyphenated = HYPHENATED.has(lowerAt(ctx, p));
    // "two years ago": the number two tokens before "ago".
    const i = hyphenated ? p : p - 2;
    const t = toks[i];
    if (!t) continue;
    if (hyphenated) {
      // "year-ago quarter" is the quarter extractor's.
      if (lowerAt(ctx, i + 1) === 'quarter') continue;
      const v = ref ? yearAgoValue(ctx, ref, t) : null;
      out.push(
        candidate(ctx, i, i + 1, 'ago', v?.grain ?? 'year', v?.value ?? null, {
          relative: true,
          ...(v?.anaphor ? { anaphor: v.anaphor } : {}),
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
    const dir = lowerAt(ctx, i + 2);
    if (!unit || !AGO.has(dir)) continue;
    // "three weeks earlier", "12 months earlier" (TimeML: anchored on the date the narrative is at; "ago" counts from
    // the reference date): resolved by the anchor refiner; "a year earlier" keeps the results-story reading below.
    // "three days later" is not here: TimeML makes "three days" a DURATION and "later" a signal (TimeBank does too).
    if (dir === 'earlier' && !(n === 1 && unit === 'year') && unit !== 'decade' && lowerAt(ctx, i + 3) !== 'than') {
      const sign = -1;
      let value: string | null = null;
      if (ref) {
        if (unit === 'day') {
          const d = addDays(ref, sign * n);
          value = fmtDay(d.y, d.m, d.d);
        } else if (unit === 'week') value = isoWeek(addDays(ref, sign * 7 * n));
        else if (unit === 'month') {
          const m = addMonths(ref.y, ref.m, sign * n);
          value = fmtMonth(m.y, m.m);
        } else value = fmtYear(ref.y + sign * n);
      }
      out.push(
        candidate(ctx, i, i + 3, 'ago', unit, value, {
          relative: true,
          anaphor: 'shifted',
          shift: { n: sign * n, unit },
        }),
      );
      continue;
    }
    let value: string | null = null;
    let grain: DateCandidate['grain'] = unit;
    let anaphor: YearAgo['anaphor'];
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
          anaphor = v.anaphor;
        } else value = fmtYear(ref.y - n);
      } else value = String(Math.floor((ref.y - 10 * n) / 10));
    }
    out.push(
      candidate(ctx, i, i + 3, 'ago', grain, value, {
        relative: true,
        ...(anaphor ? { anaphor } : {}),
      }),
    );
  }
  return out;
}

import type { Context } from '../../pipeline/types.js';
import type { DateGrain } from '../../schema.js';
import type { Token } from '../../text/types.js';
import { parseYmd, type Ymd } from './calendar.js';
import { MONTHS } from './lexicon.js';
import type { DateCandidate } from './types.js';

/** Helpers shared by the date extractors: token look-ups, the reference date and the tense of a sentence. */

export const tokenAt = (ctx: Context, i: number): Token | undefined => ctx.doc.tokens[i];

/** True when two tokens touch (no space between them). */
export const touching = (a: Token | undefined, b: Token | undefined): boolean => !!a && !!b && a.end === b.start;

const DIGITS = /^\d+$/;

/** A number token made of digits only, as a number; else null. */
export function intOf(t: Token | undefined, maxLen = 4): number | null {
  if (t?.kind !== 'number' || t.text.length > maxLen || !DIGITS.test(t.text)) return null;
  return Number(t.text);
}

/** A four-digit year between 1000 and 2199. */
export function yearOf(t: Token | undefined): number | null {
  if (t?.text.length !== 4) return null;
  const n = intOf(t);
  return n !== null && n >= 1000 && n <= 2199 ? n : null;
}

const ORDINAL_SUFFIX = new Set(['st', 'nd', 'rd', 'th']);

/** A day of the month at token i ("11", "3rd"): the day and the index after it, or null. */
export function dayAt(ctx: Context, i: number): { day: number; next: number } | null {
  const t = tokenAt(ctx, i);
  if (!t || t.text.length > 2) return null;
  const n = intOf(t, 2);
  if (n === null || n < 1 || n > 31) return null;
  let next = i + 1;
  const s = tokenAt(ctx, next);
  if (s && touching(t, s) && ORDINAL_SUFFIX.has(s.lower)) next++;
  const after = tokenAt(ctx, next);
  // "5:30", "3.5", "11%": not a day.
  if (after && touching(tokenAt(ctx, next - 1), after) && (after.text === ':' || after.text === '%')) return null;
  return { day: n, next };
}

/** A month name at token i ("Aug." included): month, index after it and whether it was capitalised and ambiguous. */
export function monthAt(ctx: Context, i: number): { month: number; next: number; abbr: boolean } | null {
  const t = tokenAt(ctx, i);
  if (t?.kind !== 'word' || !t.cap) return null;
  const month = MONTHS.get(t.lower);
  if (month === undefined) return null;
  let next = i + 1;
  const dot = tokenAt(ctx, next);
  const abbr = t.lower.length <= 4 && t.lower !== 'june' && t.lower !== 'july' && t.lower !== 'may';
  if (abbr && dot && dot.text === '.' && touching(t, dot)) next++;
  return { month, next, abbr };
}

export function reference(ctx: Context): Ymd | null {
  return ctx.publishedAt ? parseYmd(ctx.publishedAt) : null;
}

export type Tense = 'future' | 'past' | 'none';

const FUTURE = new Set([
  'will',
  'shall',
  "won't",
  'wo',
  'next',
  'upcoming',
  'coming',
  'scheduled',
  'expected',
  'expects',
  'plans',
  'planned',
  'would',
  'tomorrow',
  'slated',
  'due',
  'until',
  'later',
]);
const PAST = new Set([
  'said',
  'was',
  'were',
  'had',
  'did',
  'ago',
  'last',
  'yesterday',
  'earlier',
  'reported',
  'told',
  'announced',
  'been',
]);
const cache = new WeakMap<Context, Map<number, Tense>>();

/** The tense a sentence suggests: a future marker (will, 'll, going to, next) wins over past ones. */
export function tenseOf(ctx: Context, sentence: number): Tense {
  let m = cache.get(ctx);
  if (!m) {
    m = new Map();
    cache.set(ctx, m);
  }
  const hit = m.get(sentence);
  if (hit) return hit;
  const s = ctx.doc.sentences[sentence];
  let tense: Tense = 'none';
  if (s) {
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      const t = ctx.doc.tokens[k] as Token;
      if (t.kind !== 'word') continue;
      const w = t.lower;
      if (FUTURE.has(w) || w.endsWith("'ll") || w.endsWith('’ll')) {
        tense = 'future';
        break;
      }
      if (w === 'going' && ctx.doc.tokens[k + 1]?.lower === 'to') {
        tense = 'future';
        break;
      }
      if (tense === 'none' && (PAST.has(w) || (w.length > 4 && w.endsWith('ed')))) tense = 'past';
    }
  }
  m.set(sentence, tense);
  return tense;
}

/** Builds a candidate over tokens [t0, t1). */
export function candidate(
  ctx: Context,
  t0: number,
  t1: number,
  rule: string,
  grain: DateGrain,
  value: string | null,
  extra: Partial<Pick<DateCandidate, 'relative' | 'inferred' | 'endValue' | 'priority'>> = {},
): DateCandidate {
  const a = ctx.doc.tokens[t0] as Token;
  const b = ctx.doc.tokens[t1 - 1] as Token;
  return {
    start: a.start,
    end: b.end,
    t0,
    t1,
    value,
    grain,
    relative: extra.relative ?? false,
    inferred: extra.inferred ?? false,
    rule,
    ...(extra.endValue ? { endValue: extra.endValue } : {}),
    ...(extra.priority ? { priority: extra.priority } : {}),
  };
}

/**
 * The year for a month (and day) given without one: the occurrence nearest the reference date, looking back in past
 * sentences and ahead in future ones.
 */
export function inferYear(ref: Ymd, month: number, day: number | null, tense: Tense): number {
  const key = (y: number) => y * 400 + month * 32 + (day ?? 16);
  const r = ref.y * 400 + ref.m * 32 + (day === null ? 16 : ref.d);
  if (tense === 'past') return key(ref.y) <= r + 3 ? ref.y : ref.y - 1; // a few days' slack for late publication
  if (tense === 'future') return key(ref.y) >= r ? ref.y : ref.y + 1;
  let best = ref.y;
  for (const y of [ref.y - 1, ref.y + 1]) if (Math.abs(key(y) - r) < Math.abs(key(best) - r)) best = y;
  return best;
}

/** The sentence-level tense of token i. */
export const tenseAt = (ctx: Context, i: number): Tense => tenseOf(ctx, (tokenAt(ctx, i) as Token).sentence);

/** Lower-case text of token i, or ''. */
export const lowerAt = (ctx: Context, i: number): string => tokenAt(ctx, i)?.lower ?? '';

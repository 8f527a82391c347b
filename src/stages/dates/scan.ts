import type { Context } from '../../pipeline/types.js';
import type { DateGrain } from '../../schema.js';
import type { Token } from '../../text/types.js';
import { dayNumber, parseYmd, type Ymd } from './calendar.js';
import { MONTHS, SEASONS, WEEKDAYS } from './lexicon.js';
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
  if (after && touching(tokenAt(ctx, next - 1), after)) {
    if (after.text === '%') return null;
    if (after.text === ':' && tokenAt(ctx, next + 1)?.kind === 'number' && touching(after, tokenAt(ctx, next + 1)))
      return null;
  }
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
  'next',
  'upcoming',
  'coming',
  'tomorrow',
  'until',
  'till',
  'scheduled',
  'expected',
  'due',
  'effective',
  'payable',
  'plans',
  'planning',
  'expire',
  'expires',
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
  'since',
  'reported',
  'told',
  'brought',
  'took',
  'made',
  'came',
  'went',
  'began',
  'rose',
  'fell',
  'paid',
  'sold',
  'bought',
  'won',
  'lost',
  'got',
  'gave',
  'left',
  'met',
  'became',
  'saw',
  'held',
  'ran',
  'wrote',
  'spent',
  'found',
  'hit',
  'born',
  'sent',
  'flew',
  'drove',
  'spoke',
  'stood',
  'threw',
  'knew',
  'thought',
  'felt',
  'kept',
  'led',
  'meant',
  'struck',
  'taught',
  'understood',
  'wore',
  'swore',
  'chose',
  'broke',
  'fought',
  'caught',
  'sought',
  'built',
  'dealt',
  'fled',
  'laid',
  'sat',
  'stole',
  'tore',
  'withdrew',
  'arose',
  'forgot',
  'froze',
  'grew',
  'hid',
  'rode',
  'rang',
  'sang',
  'sank',
  'shook',
  'slid',
  'stuck',
  'swam',
  'swung',
  'wept',
  'blew',
  'drew',
  'drank',
  'ate',
  'overcame',
  'heard',
  'forgave',
  'awoke',
  'bled',
  'bent',
  'slept',
]);
const IS_ARE = new Set(['is', 'are']);
const AS_THAN = new Set(['as', 'than']);
const MODALS = new Set(['should', 'might', 'may', 'must', 'can']);
const EFFECTIVE_NEXT = new Set(['from', 'as', 'on', 'immediately', 'in', 'at', 'with', 'upon', 'after']);
/** Verbs of a timetable, whose present tense is a future ("the show opens Thursday", "talks resume on Tuesday"). */
const SCHEDULE = new Set([
  ...['begins', 'starts', 'opens', 'ends', 'closes', 'resumes', 'reopens', 'convenes', 'arrives', 'departs'],
  ...['begin', 'resume', 'reopen', 'convene'],
]);
/** Words before "starts" that make it the economic series ("housing starts rose in February"). */
const STARTS_NOUN = new Set([
  'housing',
  'home',
  'building',
  'construction',
  'residential',
  'single-family',
  'multi-family',
  'multifamily',
]);
const UNTIL = new Set(['until', 'till']);
const OTHER_DATE_WORDS = new Set(['next', 'coming', 'upcoming']);
/** Words after "next" that make it a date of its own ("next year", "next Tuesday"). */
const DATE_UNITS = new Set(['week', 'month', 'year', 'quarter', 'weekend']);
const isDateWord = (w: string): boolean => DATE_UNITS.has(w) || SEASONS.has(w) || WEEKDAYS.has(w) || MONTHS.has(w);
/** "expects to return to profit in the first quarter", "hopes to sign the deal in May": the future. */
const AIM_TO = new Set(['expects', 'expect', 'intends', 'intend', 'hopes', 'hope', 'aims', 'aim']);
/** "plans to" (not "vacation plans"), "due" (not "due to the storm"; "due to be carried out" is), "expected". */
function futureWord(toks: Token[], k: number, w: string): boolean {
  if (w === 'plans' || AIM_TO.has(w)) return toks[k + 1]?.lower === 'to';
  // "did not plan to remove him Thursday"; not "his plan to provide free tuition" (a noun).
  if (w === 'plan') return toks[k + 1]?.lower === 'to' && !DETERMINERS.has(toks[k - 1]?.lower ?? '');
  // "better than expected", "closed Friday as expected": a comparison, not a plan.
  if (w === 'expected') return !AS_THAN.has(toks[k - 1]?.lower ?? '');
  // "effective Jan. 1", "effective from Monday", "effective immediately"; not "close and effective cooperation".
  if (w === 'effective') {
    const n = toks[k + 1];
    return !!n && (n.kind === 'number' || (n.kind === 'word' && (n.cap || EFFECTIVE_NEXT.has(n.lower))));
  }
  // A timetable in the present: "the convention, which begins Monday", "the conference opens on Saturday"; not a
  // noun ("the opens", "housing starts in December").
  if (SCHEDULE.has(w)) {
    const p = toks[k - 1]?.lower ?? '';
    return !DETERMINERS.has(p) && !(w === 'starts' && STARTS_NOUN.has(p));
  }
  if (w === 'due') return toks[k + 1]?.lower !== 'to' || toks[k + 2]?.lower === 'be';
  // "is to meet bankers on Friday", "are to be sentenced Monday": an arrangement, the future.
  if (w === 'to') return IS_ARE.has(toks[k - 1]?.lower ?? '') && toks[k + 1]?.kind === 'word';
  return FUTURE.has(w) || w.endsWith("'ll") || w.endsWith('’ll') || (w === 'going' && toks[k + 1]?.lower === 'to');
}

const BEFORE = 10;
const AFTER = 4;
const FRONTED_AFTER = 10;

/**
 * Words before a past form that make it part of another verb group: "will be held Friday", "is expected to be released
 * Monday", "will hit the road Friday", "to cut rates in June" (the auxiliary or the verb before decides).
 */
const BEFORE_PARTICIPLE = new Set([
  'be',
  'been',
  'being',
  'will',
  'would',
  'shall',
  'should',
  'can',
  'could',
  'may',
  'might',
  'must',
  'to',
]);
/** A determiner before an "-ed" word makes it an adjective: "an increased dividend", "the proposed merger". */
const DETERMINERS = new Set(['a', 'an', 'the', 'its', 'his', 'her', 'their', 'our', 'this', 'that', 'these', 'those']);
/** Words that open a new clause after the date: its verbs are not the date's. */
const CLAUSE_OPENERS = new Set(['that', 'which', 'who', 'whom', 'when', 'where', 'while', 'because', 'if', 'unless']);
/** "planned to start on June 25", "slated to open in May": a plan, the future. */
const PLAN_TO = new Set(['planned', 'slated', 'intended', 'poised']);

/** The tense cue of word k for a date at token i, or null (not a cue); `s0` is the sentence's first token. */
function cueAt(toks: Token[], k: number, i: number, s0: number): Tense | null {
  const t = toks[k] as Token;
  if (t.kind !== 'word') return null;
  const w = t.lower;
  const next = toks[k + 1]?.lower;
  // "next to the embassy" is a place.
  if (w === 'next' && next === 'to') return null;
  // "set to resume Monday", "planned to start on June 25"
  if ((w === 'set' || PLAN_TO.has(w)) && next === 'to') return 'future';
  // "would be traveling Thursday", "would be paid in January": the future of a past clause ("would have" is not).
  if (w === 'would' && next === 'be' && k < i) return 'future';
  // "should cease by Saturday", "might decide Tuesday": a modal before the date looks ahead ("may have fired" does not).
  if (MODALS.has(w) && k < i && !(t.cap && k !== s0) && next !== 'have' && toks[k + 2]?.lower !== 'have')
    return 'future';
  if (futureWord(toks, k, w)) return 'future';
  const ed = w.length > 4 && w.endsWith('ed');
  // "-ed" on a capitalised word inside a sentence is a name ("United States", "Red Sea"), not a past verb; so is an
  // "un-…-ed" word an adjective ("unchanged", "undisclosed").
  if (PAST.has(w) || (ed && !(t.cap && !t.upper && k !== s0) && !w.startsWith('un'))) {
    const p = toks[k - 1]?.lower ?? '';
    if (k < i && (BEFORE_PARTICIPLE.has(p) || (ed && DETERMINERS.has(p)))) return null;
    return 'past';
  }
  return null;
}

/**
 * The tense the words around token i suggest (its clause, roughly: up to 10 tokens before and 4 after, inside the
 * sentence). The cue nearest before the date decides, as the date belongs to that verb: "said Friday it will close"
 * is a past Friday, "said he will begin withdrawing on Friday" a future one. With no cue before it, the nearest after
 * it ("On Friday, officials said …"); a future marker right after the date makes it the subject of a future clause
 * ("said Friday will be the deadline"). "by" and "as soon as" mark the future only right before the date ("by Friday"),
 * and "by" not after a past perfect ("had filed reports by Monday").
 */
export function tenseAt(ctx: Context, i: number, next?: number): Tense {
  const toks = ctx.doc.tokens;
  const tok = toks[i];
  if (!tok) return 'none';
  const s = ctx.doc.sentences[tok.sentence];
  if (!s) return 'none';
  const from = Math.max(s.tokenStart, i - BEFORE);
  // A fronted date ("In January, American Medical brought in …"): the clause after its comma is the date's.
  // Also a date opening a clause after "but"/"and" ("…, but on Thursday, the party announced …"): the cues before
  // the conjunction are the other clause's.
  const afterLink = clauseLinkBefore(toks, i, s.tokenStart);
  const fronted =
    (i - s.tokenStart <= 2 && (toks[i + 1]?.text === ',' || toks[i + 2]?.text === ',')) ||
    (next !== undefined && frontedAt(ctx, i, next)) ||
    (afterLink >= 0 && (toks[i + 1]?.text === ',' || toks[i + 2]?.text === ','));
  const to = Math.min(s.tokenEnd, i + (fronted ? FRONTED_AFTER : AFTER));
  // "by Friday" is a deadline; "told by his son", "a ruling by the court" are not: only "by" right before the date.
  // "overshadowed by Friday's accident", "blocked by Tuesday's vote": a possessive date is no deadline.
  const poss = toks[i + 1]?.lower === "'s" || toks[i + 1]?.lower === '\u2019s';
  if (i - 1 >= from && toks[i - 1]?.lower === 'by' && !poss) {
    // A past perfect's "by" is a time behind ("had filed reports by Wednesday", "had not sold out by Friday"); any
    // other "by" a deadline ahead, past verbs included ("if they did not change their mind by Monday", "were ordered
    // to leave by Friday", "confident of reaching agreement by Friday"), unless a future cue comes first.
    for (let k = i - 2; k >= from; k--) {
      const t = toks[k] as Token;
      if (t.lower === 'to' && toks[k + 1]?.kind === 'word' && !(toks[k + 1] as Token).cap) return 'future';
      if (t.lower === 'had') return 'past';
      if (cueAt(toks, k, i, s.tokenStart) === 'future') return 'future';
    }
    return 'future';
  }
  // "could leave as soon as Tuesday": the earliest of times still ahead.
  if (i - 3 >= from && toks[i - 1]?.lower === 'as' && toks[i - 2]?.lower === 'soon' && toks[i - 3]?.lower === 'as')
    return 'future';
  if (i + 1 < to && toks[i + 1]?.kind === 'word' && futureWord(toks, i + 1, (toks[i + 1] as Token).lower))
    return 'future';
  for (let k = i - 1; k >= from; k--) {
    if (fronted && k <= afterLink) break;
    // "Until Thursday, they had not called him a suspect": a fronted "until" takes the main clause's tense.
    if (fronted && UNTIL.has((toks[k] as Token).lower)) continue;
    const c = cueAt(toks, k, i, s.tokenStart);
    if (c) return c;
  }
  for (let k = i; k < to; k++) {
    // "its announcement Wednesday that it planned to …": a verb past "that" is another clause's.
    if (CLAUSE_OPENERS.has((toks[k] as Token).lower)) break;
    const c = cueAt(toks, k, i, s.tokenStart);
    if (c) return c;
  }
  // "Until Friday, the offer stands": with no verb to say otherwise, a time still ahead.
  if (fronted && UNTIL.has(toks[i - 1]?.lower ?? '')) return 'future';
  return sentenceFuture(toks, s.tokenStart, from, s.tokenEnd, to);
}

const CLAUSE_LINKS = new Set(['but', 'and', 'yet']);

/**
 * The index of a "but"/"and"/"yet" right before the date or its preposition ("but on Thursday", "and Friday"), after
 * a comma; -1 when there is none.
 */
function clauseLinkBefore(toks: Token[], i: number, s0: number): number {
  let k = i - 1;
  if (k > s0 && FRONT_WORDS.has(toks[k]?.lower ?? '')) k--;
  if (k <= s0 || !CLAUSE_LINKS.has(toks[k]?.lower ?? '')) return -1;
  return toks[k - 1]?.text === ',' ? k : -1;
}

/** Words that may open a sentence before a fronted date: "In January, …", "In early March, …", "On Aug. 11, …". */
const FRONT_WORDS = new Set(['in', 'on', 'during', 'since', 'early', 'late', 'mid', 'mid-']);

/**
 * A date over tokens [i, next) that opens its sentence and ends at a comma ("In January, American Medical brought
 * in …", "On Aug. 11, …"): it frames the main clause after the comma, so that clause's tense is the date's.
 */
export function frontedAt(ctx: Context, i: number, next: number): boolean {
  const toks = ctx.doc.tokens;
  const tok = toks[i];
  const s = tok ? ctx.doc.sentences[tok.sentence] : undefined;
  if (!s || i - s.tokenStart > 2 || toks[next]?.text !== ',') return false;
  for (let k = s.tokenStart; k < i; k++) if (!FRONT_WORDS.has(toks[k]?.lower ?? '')) return false;
  return true;
}

/**
 * No cue near the date: a future marker anywhere else in its sentence ("… scheduled to spend five hours on the ground
 * in Dar es Salaam, her first stop Tuesday morning"). Far-off past markers are not read: news defaults to the past.
 */
function sentenceFuture(toks: Token[], a: number, b: number, c: number, d: number): Tense {
  for (const [from, to] of [
    [a, b],
    [d, c],
  ] as const) {
    for (let k = from; k < to; k++) {
      const t = toks[k] as Token;
      if (t.kind !== 'word') continue;
      const w = t.lower;
      if (w === 'next' && toks[k + 1]?.lower === 'to') continue;
      // "a turnaround next year", "tomorrow" far from the date are another date, not the date's clause.
      if (w === 'tomorrow' || (OTHER_DATE_WORDS.has(w) && isDateWord(toks[k + 1]?.lower ?? ''))) continue;
      if (w === 'set' && toks[k + 1]?.lower === 'to') return 'future';
      if (futureWord(toks, k, w)) return 'future';
    }
  }
  return 'none';
}

/** Builds a candidate over tokens [t0, t1). */
export function candidate(
  ctx: Context,
  t0: number,
  t1: number,
  rule: string,
  grain: DateGrain,
  value: string | null,
  extra: Partial<
    Pick<DateCandidate, 'relative' | 'inferred' | 'endValue' | 'priority' | 'anaphor' | 'dayPart' | 'shift'>
  > = {},
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
    ...(extra.anaphor ? { anaphor: extra.anaphor } : {}),
    ...(extra.dayPart ? { dayPart: extra.dayPart } : {}),
    ...(extra.shift ? { shift: extra.shift } : {}),
  };
}

/** How much further a date may lie against the tense than with it and still be chosen. */
const AGAINST = 3;
const NO_TENSE_AHEAD = 2;

/**
 * The year for a month (and day) given without one: the occurrence nearest the reference date, where a date against
 * the tense (ahead in a past sentence, behind in a future one) counts three times as far.
 */
export function inferYear(ref: Ymd, month: number, day: number | null, tense: Tense, strict = false): number {
  const r = dayNumber(ref.y, ref.m, ref.d);
  let best = ref.y;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const y of [ref.y - 1, ref.y, ref.y + 1]) {
    const dist = dayNumber(y, month, day ?? 15) - r;
    // A month-grain date holds the reference date when they share the month.
    const d = day === null && y === ref.y && month === ref.m ? 0 : dist;
    const against = (tense === 'past' && d > 3) || (tense === 'future' && d < 0);
    // News tells of the past more than of the future: with no tense cue a date ahead counts a bit further.
    const ahead = tense === 'none' && d > 3;
    // `strict`: the clause's own main verb is past ("In January, the company brought in …"): never after.
    const cost =
      against && strict ? Number.POSITIVE_INFINITY : Math.abs(d) * (against ? AGAINST : ahead ? NO_TENSE_AHEAD : 1);
    if (cost < bestCost) {
      bestCost = cost;
      best = y;
    }
  }
  return best;
}

/** Lower-case text of token i, or ''. */
export const lowerAt = (ctx: Context, i: number): string => tokenAt(ctx, i)?.lower ?? '';

/** A set of trigger words an extractor starts from, registered at load time (`triggers`). */
export interface Triggers {
  readonly id: number;
  readonly words: readonly string[];
}

/** Trigger word → the ids of the groups holding it. */
const GROUPS_OF = new Map<string, number[]>();
let groupCount = 0;
const indexCache = new WeakMap<Context, number[][]>();

/** Registers words an extractor starts from (lower case); `positionsOf` then lists where any of them occurs. */
export function triggers(words: readonly string[]): Triggers {
  const id = groupCount++;
  for (const w of new Set(words)) {
    const ids = GROUPS_OF.get(w);
    if (ids) ids.push(id);
    else GROUPS_OF.set(w, [id]);
  }
  return { id, words };
}

/** Every number token. */
export const NUMBERS: Triggers = triggers([]);
/**
 * Words starting "pre-", "post-", "mid-", "end-", "early-" or "late-" ("pre-1914", "post-1959", "mid-1988", "end-1987":
 * one word token each).
 */
export const PRE_POST_WORDS: Triggers = triggers([]);
const YEAR_PREFIXES = ['pre-', 'post-', 'mid-', 'end-', 'early-', 'late-'];
const PREFIX_FIRST = new Set(YEAR_PREFIXES.map((p) => p.charCodeAt(0)));

/**
 * The token indices, in text order, of the words of `group` (or of two groups, merged). One pass over the tokens per
 * document builds the lists of every group, so an extractor costs a look-up, not a scan of its own.
 */
export function positionsOf(ctx: Context, group: Triggers, other?: Triggers): number[] {
  let index = indexCache.get(ctx);
  if (!index) {
    const lists: number[][] = Array.from({ length: groupCount }, () => []);
    const numbers = lists[NUMBERS.id] as number[];
    const prePost = lists[PRE_POST_WORDS.id] as number[];
    const toks = ctx.doc.tokens;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i] as Token;
      if (t.kind !== 'word') {
        if (t.kind === 'number') numbers.push(i);
        continue;
      }
      const ids = GROUPS_OF.get(t.lower);
      if (ids) for (const id of ids) (lists[id] as number[]).push(i);
      else if (PREFIX_FIRST.has(t.lower.charCodeAt(0)) && YEAR_PREFIXES.some((p) => t.lower.startsWith(p)))
        prePost.push(i);
    }
    index = lists;
    indexCache.set(ctx, index);
  }
  const a = index[group.id] as number[];
  if (!other) return a;
  // Merge two sorted lists.
  const b = index[other.id] as number[];
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x < y)) {
      out.push(x as number);
      i++;
    } else {
      if (x === y) i++;
      out.push(y);
      j++;
    }
  }
  return out;
}

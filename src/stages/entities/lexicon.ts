/** Word-level look-ups: our name lists, compromise's lexicon and the gazetteer, behind one small API. */
import type { ResolvedConfig } from '../../config.js';
import { type GazetteerEntry, getGazetteer } from '../../gazetteer/index.js';
import { lexiconTags } from '../../nlp/compromise.js';
import type { Context } from '../../pipeline/types.js';
import { detached } from '../../text/normalize.js';
import { nameLists } from './lists.js';

const NAME_TAGS = new Set([
  'FirstName',
  'MaleName',
  'FemaleName',
  'LastName',
  'Person',
  'ProperNoun',
  'Place',
  'Country',
  'City',
  'Region',
  'Organization',
  'SportsTeam',
  'Demonym',
  'Honorific',
  'Abbreviation',
]);
const GIVEN_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);
const PLACE_TAGS = new Set(['Place', 'Country', 'City', 'Region']);

// What the lists and compromise's lexicon say of one string, as bits, computed once per string (these tests run for
// every candidate word; the lexicon look-up lower-cases its key and the tag tests walk arrays each time).
const COMMON = 1;
const NOT_NAME = 2;
const GIVEN = 4;
const LAST = 8;
const LEX_ORG = 16;
const SHAPE = 32;
const KNOWN = 64;
const VERB = 128;
const VERB_TAGS = new Set(['PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Verb', 'Copula', 'Modal']);
const wordMemo = new Map<string, number>();

function bitsOf(s: string): number {
  const l = nameLists();
  const tags = lexiconTags(s);
  let b = KNOWN;
  const listed = l.notNames.has(s);
  if (listed) b |= COMMON | NOT_NAME;
  else if (tags.length) {
    if (!tags.some((t) => NAME_TAGS.has(t))) b |= COMMON;
  } else if (/^[a-z]{3,}(?:ing|ed|ly)$/.test(s) && s.length > 5) b |= COMMON;
  if (!listed && (tags.includes('Month') || tags.includes('WeekDay'))) b |= NOT_NAME;
  if (l.givenNames.has(s) || tags.some((t) => GIVEN_TAGS.has(t))) b |= GIVEN;
  if (tags.includes('LastName')) b |= LAST;
  if (tags.includes('Organization') || tags.includes('SportsTeam')) b |= LEX_ORG;
  if (shapeOf(s)) b |= SHAPE;
  if (tags.some((t) => VERB_TAGS.has(t))) b |= VERB;
  return b;
}

function wordBits(s: string): number {
  const b = wordMemo.get(s);
  if (b !== undefined) return b;
  if (wordMemo.size >= 50_000) wordMemo.clear();
  const n = bitsOf(s);
  wordMemo.set(detached(s), n);
  return n;
}

/** A common English word written with a capital only because it starts a sentence ("After", "Trailing"). */
export function isCommonWord(lower: string): boolean {
  return (wordBits(lower) & COMMON) !== 0;
}

/** Month, weekday and the other capitalised non-names of data/names/not-names.txt. */
export function isNotName(lower: string): boolean {
  return (wordBits(lower) & NOT_NAME) !== 0;
}

export function isGivenName(lower: string): boolean {
  return (wordBits(lower) & GIVEN) !== 0;
}

/** A verb in compromise's lexicon ("said", "visited", "is"). */
export function isVerb(lower: string): boolean {
  return (wordBits(lower) & VERB) !== 0;
}

export function isLastName(lower: string): boolean {
  return (wordBits(lower) & LAST) !== 0;
}

/** Surname shape: "-enko", "-ov", "Mc-", "O'-" ... (evidence, never alone). */
export function surnameShape(word: string): boolean {
  return (wordBits(word) & SHAPE) !== 0;
}

function shapeOf(word: string): boolean {
  const lower = word.toLowerCase();
  const l = nameLists();
  for (const s of l.surnameSuffixes) if (lower.length > s.length + 2 && lower.endsWith(s)) return true;
  for (const p of l.surnamePrefixes) {
    if (lower.startsWith(p) && word.length > p.length + 1 && /\p{Lu}/u.test(word[p.length] ?? '')) return true;
  }
  return false;
}

/** ISO code of a demonym ("Russian" → "RU"); '' for a demonym compromise knows but the gazetteer does not. */
export function demonymCode(ctx: Context, word: string): string | null {
  const m = memo(ctx).demonyms;
  let code = m.get(word);
  if (code === undefined) {
    code = getGazetteer(ctx.config).demonym(word) || (lexiconTags(word).includes('Demonym') ? '' : null);
    m.set(detached(word), code);
  }
  return code;
}

interface Memo {
  places: Map<string, GazetteerEntry | null>;
  demonyms: Map<string, string | null>;
  strong: Map<string, GazetteerEntry | 'lexicon' | null>;
}
const memos = new WeakMap<ResolvedConfig, Memo>();
const MEMO_LIMIT = 50_000;

/** Gazetteer answers memoised per config object (gazetteer look-ups dominate this stage's cost otherwise). */
function memo(ctx: Context): Memo {
  let m = memos.get(ctx.config);
  if (!m || m.places.size > MEMO_LIMIT || m.demonyms.size > MEMO_LIMIT || m.strong.size > MEMO_LIMIT) {
    m = { places: new Map(), demonyms: new Map(), strong: new Map() };
    memos.set(ctx.config, m);
  }
  return m;
}

/** The best gazetteer entry for a surface, or null. */
export function placeEntry(ctx: Context, surface: string): GazetteerEntry | null {
  const m = memo(ctx).places;
  let e = m.get(surface);
  if (e === undefined) {
    e = getGazetteer(ctx.config).lookup(surface)[0] ?? null;
    m.set(detached(surface), e);
  }
  return e;
}

/**
 * A place strong enough to decide a bare capitalised name: a country, continent, region or feature, a city of
 * 15,000 or more, a multi-word name, or one compromise tags as a place.
 */
export function strongPlace(ctx: Context, surface: string): GazetteerEntry | 'lexicon' | null {
  const m = memo(ctx).strong;
  let r = m.get(surface);
  if (r === undefined) {
    r = strongPlaceOf(ctx, surface);
    m.set(detached(surface), r);
  }
  return r;
}

function strongPlaceOf(ctx: Context, surface: string): GazetteerEntry | 'lexicon' | null {
  const e = placeEntry(ctx, surface) ?? (surface.includes('.') ? placeEntry(ctx, surface.replace(/\./g, '')) : null);
  const multi = surface.includes(' ');
  if (e) {
    if (e.kind === 'country' || e.kind === 'continent') return e;
    // A bare given name ("Martin", "Paris") is a place only when it names a country.
    const lower = surface.toLowerCase();
    if (!multi && (isGivenName(lower) || isLastName(lower) || isCommonWord(lower))) return null;
    if (e.kind !== 'city' && e.kind !== 'town' && e.kind !== 'village' && e.kind !== 'other') return e;
    if (e.population >= 15000 || multi) return e;
  }
  const tags = lexiconTags(surface);
  if (tags.some((t) => PLACE_TAGS.has(t)) && !tags.some((t) => GIVEN_TAGS.has(t))) return e ?? 'lexicon';
  return null;
}

export function lexiconOrg(surface: string): boolean {
  return (wordBits(surface) & LEX_ORG) !== 0;
}

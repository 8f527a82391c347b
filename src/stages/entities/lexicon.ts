/** Word-level look-ups: our name lists, compromise's lexicon and the gazetteer, behind one small API. */
import type { ResolvedConfig } from '../../config.js';
import { type GazetteerEntry, getGazetteer } from '../../gazetteer/index.js';
import { lexiconTags } from '../../nlp/compromise.js';
import type { Context } from '../../pipeline/types.js';
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

/** A common English word written with a capital only because it starts a sentence ("After", "Trailing"). */
export function isCommonWord(lower: string): boolean {
  if (nameLists().notNames.has(lower)) return true;
  const tags = lexiconTags(lower);
  if (tags.length) return !tags.some((t) => NAME_TAGS.has(t));
  return /^[a-z]{3,}(?:ing|ed|ly)$/.test(lower) && lower.length > 5;
}

/** Month, weekday and the other capitalised non-names of data/names/not-names.txt. */
export function isNotName(lower: string): boolean {
  if (nameLists().notNames.has(lower)) return true;
  const tags = lexiconTags(lower);
  return tags.includes('Month') || tags.includes('WeekDay');
}

export function isGivenName(lower: string): boolean {
  return nameLists().givenNames.has(lower) || lexiconTags(lower).some((t) => GIVEN_TAGS.has(t));
}

export function isLastName(lower: string): boolean {
  return lexiconTags(lower).includes('LastName');
}

/** Surname shape: "-enko", "-ov", "Mc-", "O'-" ... (evidence, never alone). */
export function surnameShape(word: string): boolean {
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
    m.set(word, code);
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
    m.set(surface, e);
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
    m.set(surface, r);
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
  const tags = lexiconTags(surface);
  return tags.includes('Organization') || tags.includes('SportsTeam');
}

/** Demonyms in the text and the article's focus: which countries, and which place, the story is about. */
import { foldToken, type Gazetteer, type GazetteerEntry } from '../../gazetteer/index.js';
import type { Context } from '../../pipeline/types.js';
import type { Focus, Place } from '../../schema.js';
import { isAsciiLetter } from '../../text/normalize.js';
import type { CueHit } from './cues.js';

export interface DemonymHit {
  start: number;
  end: number;
  code: string;
}

/** A demonym of a continent, region or city ("European", "Texan", "Muscovite"): no country evidence by itself. */
export interface AreaDemonymHit {
  start: number;
  end: number;
  place: GazetteerEntry;
}

/**
 * Capitalised demonyms in in-scope text ("Russian", "Lithuanians", "South Korean", the parts of "Israeli-Egyptian"),
 * skipping words inside a place candidate (the "Russian" of "Russian Federation") and words naming a language or a set
 * phrase ("in French", "English-language", "French fries": languageUse). Demonyms of areas ("European", "Texan") go to
 * `areas` when given.
 */
export function scanDemonyms(
  ctx: Context,
  gaz: Gazetteer,
  covered: (offset: number) => boolean,
  areas?: AreaDemonymHit[],
): DemonymHit[] {
  const out: DemonymHit[] = [];
  const text = ctx.doc.text;
  const toks = ctx.doc.tokens;
  const heads = gaz.demonymHeads();
  // The end of the last demonym read as a language: "in French and German" makes both languages.
  let language = -1;
  const isLanguage = (start: number, end: number) => {
    if (
      languageUse(text, start, end) ||
      (language >= 0 && start - language <= LIST_JOIN_MAX && LIST_JOINS.has(text.slice(language, start)))
    ) {
      language = end;
      return true;
    }
    return false;
  };
  // A hit of either kind: a country's code goes to `out`, an area's entry to `areas`.
  const push = (start: number, end: number, d: string | GazetteerEntry) => {
    if (isLanguage(start, end)) return;
    if (typeof d === 'string') out.push({ start, end, code: d });
    else areas?.push({ start, end, place: d });
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t?.kind !== 'word') continue;
    if (!t.cap) {
      // "anti-Russian", "pro-Western": a capitalised part after a lower-case prefix.
      // A word with no capital (its lower case is the very same string) has none.
      if (t.lower !== t.text && t.text.includes('-') && !covered(t.start) && ctx.inScope(t.start))
        hyphenParts(t.text, t.start, gaz, covered, isLanguage, out);
      continue;
    }
    if (covered(t.start) || !ctx.inScope(t.start)) continue;
    // The word's folded form, once (its lower case when ASCII): the look-ups need neither the filter nor the folding.
    const key = foldToken(t);
    const next = toks[i + 1];
    // Only a word that opens a two-word demonym is tried with the next one.
    if (
      next &&
      next.kind === 'word' &&
      next.cap &&
      next.start === t.end + 1 &&
      next.sentence === t.sentence &&
      heads.has(key)
    ) {
      // "Sri Lankan", "Latin American", "South Ossetian": one demonym (and not the "American" of the United States).
      const d2 = gaz.anyDemonym(`${t.text} ${next.text}`);
      if (d2 !== null) {
        push(t.start, next.end, d2);
        i++;
        continue;
      }
    }
    const d = gaz.anyDemonym(t.text, key);
    // "Native Americans", "Native Hawaiian": an indigenous people, not the country or the state.
    if (d !== null && toks[i - 1]?.lower === 'native' && toks[i - 1]?.cap && toks[i - 1]?.end === t.start - 1) continue;
    if (d !== null) push(t.start, t.end, d);
    else if (t.text.includes('-')) hyphenParts(t.text, t.start, gaz, covered, isLanguage, out);
  }
  return out;
}

/** What joins two languages of a list: "French and German", "French, German". */
const LIST_JOINS = new Set([' and ', ' or ', ', ', ' and some ', ' and a little ']);
/** The longest of LIST_JOINS: a longer gap is no join (and is never sliced: a text of many demonyms stays linear). */
const LIST_JOIN_MAX = 14;

/**
 * The demonyms among a hyphenated word's parts: "Israeli-Egyptian peace", "Russian-American crew", "anti-Russian",
 * "Georgian-controlled" (a part that is a demonym, capitalised, outside a place candidate).
 */
function hyphenParts(
  word: string,
  start: number,
  gaz: Gazetteer,
  covered: (offset: number) => boolean,
  skip: (start: number, end: number) => boolean,
  out: DemonymHit[],
): void {
  let from = 0;
  while (from <= word.length) {
    let to = word.indexOf('-', from);
    if (to < 0) to = word.length;
    const c = word.charCodeAt(from);
    if (to - from > 2 && c >= 65 && c <= 90 && !covered(start + from)) {
      const code = gaz.demonym(word.slice(from, to));
      if (code && !skip(start + from, start + to)) out.push({ start: start + from, end: start + to, code });
    }
    from = to + 1;
  }
}

/** The most a country gets from cues alone. */
const CUE_CAP = 1.5;
/** The relative score a country needs to be a focus country: with a place in the text, ... */
const PLACE_MIN = 0.3;
/** ... named by demonyms alone (which already passed the early-in-the-story test), ... */
const DEMONYM_ONLY_MIN = 0.2;
/** ... known from cues alone (no place, no demonym). */
const CUE_ONLY_MIN = 0.5;
/** A demonym counts when it comes this early (share of the text), or in the headline or dateline. */
const DEMONYM_EARLY = 1 / 3;

const KIND_WEIGHT: Record<string, number> = { country: 1, region: 0.8, city: 0.8, town: 0.8, village: 0.8 };

/**
 * Focus from the places (their in-scope mentions, weighted by kind and by how early they come), demonyms and cues.
 * What makes a country the subject rather than a passing mention:
 * - a place in it: always counts (places are facts of the text);
 * - a demonym ("Japanese"): counts, except for a country named by demonyms alone, only after the first third of the
 *   text, in a story that names places of other countries ("..., a British banker said" in a story about Brazil);
 * - a currency ("dlrs", "yen"): counts only for a country already named, or when nothing in the story names a country
 *   (dollars are quoted in stories about every country; an earnings brief of "Acme Co" in "cts" is American);
 * - a company form or an institution ("Inc", "Plc", "Bundesbank"): counts, at most CUE_CAP per country.
 * Countries scored relative to the strongest (1); a country with a place needs PLACE_MIN (a country named once in
 * passing beside the subject's many mentions is not a focus country, though its place stays in `places`), one named
 * by demonyms alone DEMONYM_ONLY_MIN, one known from cues alone CUE_ONLY_MIN. The place is the dateline's place, else the most salient place below country level in the top
 * country (salience ≥ 0.5), else the top country itself.
 */
export function computeFocus(
  ctx: Context,
  places: readonly Place[],
  demonyms: readonly DemonymHit[],
  cues: readonly CueHit[] = [],
): Focus {
  const len = Math.max(1, ctx.doc.text.length);
  const early = (offset: number) => {
    const z = ctx.zoneAt(offset);
    return z === 'headline' || z === 'dateline' ? 2 : 1 + 0.5 * (1 - offset / len);
  };
  const w = new Map<string, number>();
  const add = (cc: string, v: number) => w.set(cc, (w.get(cc) ?? 0) + v);
  const placeCountries = new Set<string>();
  for (const p of places) {
    if (!p.countryCode) continue;
    placeCountries.add(p.countryCode);
    const k = KIND_WEIGHT[p.kind] ?? 0.5;
    for (const m of p.mentions) add(p.countryCode, k * early(m.start));
  }
  // Countries named by demonyms only where the story is told (headline, dateline, first third), or anywhere when no
  // place names a country.
  const demonymCountries = new Set<string>();
  const earlyDemonym = new Set<string>();
  for (const d of demonyms) {
    demonymCountries.add(d.code);
    const z = ctx.zoneAt(d.start);
    if (z === 'headline' || z === 'dateline' || d.start / len < DEMONYM_EARLY) earlyDemonym.add(d.code);
  }
  for (const d of demonyms) {
    if (placeCountries.size && !placeCountries.has(d.code) && !earlyDemonym.has(d.code)) continue;
    add(d.code, 0.5 * early(d.start));
  }
  const named = new Set(w.keys());
  const anyNamed = placeCountries.size > 0 || demonymCountries.size > 0;
  // Cues count at most CUE_CAP per country: "dlrs" ten times is not ten mentions of the United States.
  const cue = new Map<string, number>();
  for (const c of cues) {
    if (c.kind === 'currency' && anyNamed && !placeCountries.has(c.code) && !demonymCountries.has(c.code)) continue;
    cue.set(c.code, (cue.get(c.code) ?? 0) + c.weight * early(c.start));
  }
  for (const [code, v] of cue) add(code, Math.min(CUE_CAP, v));
  const max = Math.max(0, ...w.values());
  const countries =
    max > 0
      ? [...w]
          .map(([code, v]) => ({ code, score: Math.round((v / max) * 1000) / 1000 }))
          .filter(
            (c) =>
              c.score >= (placeCountries.has(c.code) ? PLACE_MIN : named.has(c.code) ? DEMONYM_ONLY_MIN : CUE_ONLY_MIN),
          )
          .sort((a, b) => b.score - a.score || compareCodes(a.code, b.code))
      : [];
  const top = countries[0]?.code ?? null;
  let place: string | null = null;
  // A dateline names where the story happened.
  const dateline = places.find((p) => p.kind !== 'country' && p.mentions.some((m) => m.zone === 'dateline'));
  if (dateline) place = dateline.id;
  else if (top) {
    const inTop = places.filter((p) => p.countryCode === top).sort((a, b) => b.salience - a.salience);
    const local = inTop.find((p) => p.kind !== 'country' && p.kind !== 'continent' && p.salience >= 0.5);
    place = (local ?? inTop.find((p) => p.kind === 'country') ?? null)?.id ?? null;
  }
  return { countries, place };
}

/** Two-letter upper-case country codes: their code-unit order is localeCompare's, without loading ICU's collator. */
const CODE = /^[A-Z]{2}$/;
function compareCodes(a: string, b: string): number {
  if (CODE.test(a) && CODE.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

/** Words before a demonym that make it a language ("in French", "speaks Russian"), with LANGUAGE_AFTER. */
const LANGUAGE_BEFORE = new Set([
  'speak',
  'speaks',
  'spoke',
  'spoken',
  'speaking',
  'fluent',
  'learn',
  'learns',
  'learned',
  'learnt',
  'learning',
  'teach',
  'teaches',
  'taught',
  'teaching',
  'translate',
  'translated',
  'translates',
  'subtitled',
  'dubbed',
]);
/** Words after a demonym that make it a language ("French translation", "Russian speakers"). */
const LANGUAGE_AFTER = new Set([
  'language',
  'languages',
  'speaker',
  'speakers',
  'speaking',
  'translation',
  'translations',
  'translator',
  'version',
  'subtitles',
  'dialect',
  'dialects',
  'accent',
  'lesson',
  'lessons',
  'class',
  'classes',
  'course',
  'courses',
  'teacher',
  'teachers',
  'grammar',
  'literature',
  'word',
  'words',
  'name',
  'edition',
]);
/** Words after a demonym that make a set phrase, not the country ("French fries", "Russian roulette"). */
const SET_PHRASE_AFTER = new Set([
  'fries',
  'toast',
  'kiss',
  'horn',
  'dressing',
  'roulette',
  'delight',
  'cheese',
  'oven',
  'pastry',
  'shepherd',
  'shepherds',
  'bulldog',
  'measles',
  // currencies: "Canadian dollar", "Swiss francs", "Japanese yen"
  'dollar',
  'dollars',
  'dlr',
  'dlrs',
  'franc',
  'francs',
  'mark',
  'marks',
  'yen',
  'pound',
  'pounds',
  'peso',
  'pesos',
  'lira',
  'rupee',
  'rupees',
  'crown',
  'crowns',
  'krona',
  'krone',
]);

/**
 * True when a demonym names a language or a set phrase, not its country: "in French." / "in English and Spanish",
 * "speaks Russian", "a French translation", "English-language", "Russian-speaking", "French fries".
 */
function languageUse(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 16);
  if (/^-(?:language|speaking|speaker|medium)/i.test(after)) return true;
  const next = /^ ([a-z]+)/.exec(after)?.[1];
  if (next && (LANGUAGE_AFTER.has(next) || SET_PHRASE_AFTER.has(next))) return true;
  // The word right before (a scan back over ASCII letters, not a regex: an end-anchored pattern is polynomial).
  if (text.charCodeAt(start - 1) !== 32) return false;
  let b = start - 1;
  while (b > 0 && b > start - 17 && isAsciiLetter(text.charCodeAt(b - 1))) b--;
  // A word ending a hyphenated compound is no verb of speaking: "French-speaking Swiss".
  if (b === start - 1 || text.charCodeAt(b - 1) === 45 /* - */) return false;
  const before = text.slice(b, start - 1).toLowerCase();
  if (LANGUAGE_BEFORE.has(before)) return true;
  // "in French." / "in English and Spanish" / "into Russian,": the demonym ends the phrase.
  return (before === 'in' || before === 'into') && (next === undefined || next === 'and' || next === 'or');
}

/**
 * Place candidates from the shape of the text, where the name tagger proposes none or types the name otherwise:
 * - a wire dateline in capitals opening a paragraph or a sentence: "TORRINGTON — A fire destroyed ...",
 *   "PATASKALA -- City officials ...": any populated place the gazetteer knows by that exact name;
 * - a legislator's party designation: "Rep. Barbara Lee, D-Oakland," / "(R-Marshall)" / "DFL-Cook,": the home town
 *   or state.
 * Scanned by hand (indexOf and character tests), no regex over unbounded runs.
 */
import {
  firstWordsOf,
  fold,
  foldToken,
  type Gazetteer,
  getGazetteer,
  isCommonWordPlace,
} from '../../gazetteer/index.js';
import type { Context, PlaceCandidate } from '../../pipeline/types.js';
import { detached } from '../../text/normalize.js';
import type { Token } from '../../text/types.js';
import { WordSet } from '../../text/word-set.js';
import { isCommonWord, isGivenName, isNotName } from '../entities/lexicon.js';
import { nameLists } from '../entities/lists.js';
import { MaskBuffer } from './mask.js';
import { entriesFor } from './resolve.js';

const DASHES = [' \u2014 ', ' -- ', ' \u2013 ', ' - '];
/** An upper-case letter (A-Z without a regex for ASCII). */
const isUpper = (c: string | undefined) => {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return code < 128 ? code >= 65 && code <= 90 : /\p{Lu}/u.test(c);
};
const isCapsChar = (c: string | undefined) =>
  c !== undefined && (c === ' ' || c === '.' || c === "'" || c === '\u2019' || isUpper(c));

/** True when offset `at` opens a line, a sentence, or follows a date's year or a period ("2009 PATASKALA"). */
function opensClause(text: string, at: number): boolean {
  if (at === 0) return true;
  const p = text[at - 1];
  if (p === '\n') return true;
  if (p !== ' ') return false;
  const q = text[at - 2];
  return q === '.' || q === '?' || q === '!' || q === '\n' || q === ':' || (q !== undefined && q >= '0' && q <= '9');
}

/** Capitalised datelines before a dash (see the file header). */
export function capsDatelineCandidates(ctx: Context): PlaceCandidate[] {
  const text = ctx.doc.text;
  const out: PlaceCandidate[] = [];
  let g: ReturnType<typeof getGazetteer> | null = null;
  for (const dash of DASHES) {
    // Found by the dash itself (rarer than the space before it), then the whole " — " checked.
    const mark = dash[1] as string;
    for (let k = text.indexOf(mark, 1); k >= 0; k = text.indexOf(mark, k + 1)) {
      const at = k - 1;
      if (!text.startsWith(dash, at)) continue;
      // The capitals before the dash, at most 30 characters: "TORRINGTON", "ST. PAUL", "NEW LONDON".
      let s = at;
      while (s > 0 && at - s < 30 && isCapsChar(text[s - 1])) s--;
      while (s < at && !isUpper(text[s])) s++;
      if (at - s < 3 || !opensClause(text, s)) continue;
      const name = text.slice(s, at);
      if (!/\p{Lu}{3}/u.test(name) || name.includes('  ')) continue;
      // A dateline starts a sentence in running text; a capitals headline goes on in capitals ("RUGBY - ENGLAND ...").
      if (!/\p{Ll}/u.test(text.slice(at + dash.length, at + dash.length + 24))) continue;
      if (isCommonWordPlace(name)) continue;
      g ??= getGazetteer(ctx.config);
      const top = entriesFor(g, name, 'city', true)[0];
      if (!top || (top.kind !== 'city' && top.kind !== 'town' && top.kind !== 'village')) continue;
      if (fold(top.name) !== fold(name) && top.population < 100_000) continue;
      out.push({ start: s, end: at, text: name, rule: 'caps-dateline', kindHint: 'city' });
    }
  }
  return out;
}

/** Party designations "D-Oakland", "R-Marshall", "I-Vt.", "DFL-Cook" after a comma or an opening parenthesis. */
export function partyPlaceCandidates(ctx: Context): PlaceCandidate[] {
  const text = ctx.doc.text;
  const out: PlaceCandidate[] = [];
  let g: ReturnType<typeof getGazetteer> | null = null;
  for (let at = text.indexOf('-'); at >= 0; at = text.indexOf('-', at + 1)) {
    const party = text[at - 1];
    if (party !== 'D' && party !== 'R' && party !== 'I' && party !== 'L') continue;
    // "DFL-Cook": Minnesota's Democratic-Farmer-Labor party.
    const p0 = party === 'L' ? (text.slice(at - 3, at) === 'DFL' ? at - 3 : -1) : at - 1;
    if (p0 < 0) continue;
    const before = text.slice(Math.max(0, p0 - 2), p0);
    if (!(before.endsWith(', ') || before.endsWith('(') || before.endsWith(' ('))) continue;
    // The name: capitalised words up to a comma or a closing parenthesis ("D-Oakland,", "R-Fort Worth)").
    let e = at + 1;
    while (e < text.length && e - at < 30 && text[e] !== ',' && text[e] !== ')' && text[e] !== '\n') e++;
    const name = text.slice(at + 1, e).trim();
    if (!isUpper(name[0]) || !(text[e] === ',' || text[e] === ')')) continue;
    if (name.split(' ').some((w) => !isUpper(w[0]))) continue;
    g ??= getGazetteer(ctx.config);
    if (!entriesFor(g, name).length) continue;
    out.push({ start: at + 1, end: at + 1 + name.length, text: name, rule: 'party' });
  }
  return out;
}

/**
 * Head words of US county names as news copy writes them ("Laurel County", "Rapides Parish", "LAUREL COUNTY"), and
 * the plural heads after a list of them ("Swift and Wilkin counties"); one scan of the text (literal alternatives).
 */
const COUNTY_HEAD_RE = / (County|county|COUNTY|Parish|parish|PARISH|Borough|counties|Counties|parishes|Parishes)\b/g;
/** Lower-case words inside a county's name ("Isle of Wight", "King and Queen", "St. John the Baptist"). */
const COUNTY_CONNECTOR = /^(?:of|and|the|qui)$/;
/** Organization kinds whose names are not read for a county inside them (as in nested.ts). */
const COUNTY_SKIP_ORGS: ReadonlySet<string> = new Set(['media', 'sports', 'company', 'party', 'international']);
/**
 * Words after a county's name that make the organization a civic body of the county ("Guernsey County Sheriff's
 * Office", "Clarke County Board of Education", "Henderson County Jail"): the county is then a place reference in
 * the default nested-places mode.
 */
const COUNTY_CIVIC =
  /^(?:sheriff|sheriff's|sheriff\u2019s|police|fire|commission|commissioners|commissioner|council|board|court|courts|courthouse|circuit|district|superior|probate|chancery|common|general|juvenile|family|magistrate|municipal|jail|detention|correctional|corrections|schools|school|public|health|library|libraries|parks|government|administration|administrator|attorney|attorney's|attorney\u2019s|prosecutor|prosecutor's|prosecutor\u2019s|coroner|coroner's|coroner\u2019s|clerk|clerk's|clerk\u2019s|treasurer|assessor|auditor|recorder|judge|executive|emergency|ems|rescue|animal|water|transit|airport|fairgrounds|fair|extension|election|elections|elementary|high|middle|department|dept|office|office's|agency|authority|division|unit|task|sheriffs|deputies|deputy|road|roads|highway|planning|zoning|landfill|hospital|medical|regional|community|development|economic|chamber|historical|humane|drug|narcotics|crime|crimestoppers|voters|republican|democratic|democrats|republicans)$/i;
const isNameWordChar = (c: string | undefined) =>
  c !== undefined && (c === '.' || c === "'" || c === '\u2019' || c === '-' || /\p{L}/u.test(c));
/** Words after a county that make the name a newspaper's or a club's ("Orange County Register"). */
const MEDIA_NEXT =
  /^(?:register|times|herald|news|tribune|journal|gazette|post|star|sun|courier|chronicle|observer|record|reporter|daily|weekly|press|leader|sentinel|telegram|ledger|examiner|enterprise|bulletin|citizen|mail|review|standard|independent|dispatch|banner|today|magazine|radio|tv|fc|united|city|rovers)$/i;
/** Capitalised words after a county that do not continue a name ("in Laurel County Friday"). */
const CALENDAR =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan\.|feb\.|aug\.|sept\.|sep\.|oct\.|nov\.|dec\.)$/i;
/** Words after a county that British and Irish names share ("Kent County Council", "Mayo County Council"). */
const BRITISH_NEXT = /^(?:council|councils|court|hall|cricket|councillor|councillors|show|championship)$/i;
const SAINT = /^(?:st|ste|saint|sainte)\b/i;
const louisiana = (text: string) => text.includes('Louisiana') || text.includes(' La.') || text.includes(', LA');

/**
 * The US county the words before `at` (the space before a county head word) and the head name, longest first: up
 * to four words ("Prince William County", "St. John the Baptist Parish"); a hyphenated first word is also read
 * from its last part ("Paris-Henry County" → Henry County, "Miami-Dade County" whole). Returns the start offset, or
 * -1 when the gazetteer knows no such county.
 */
export function countyStart(g: Gazetteer, text: string, at: number, head: string): number {
  // The words before the head, nearest first: [start, end) pairs.
  const words: [number, number][] = [];
  let e = at;
  while (words.length < 4) {
    let s = e;
    while (s > 0 && e - s < 30 && isNameWordChar(text[s - 1])) s--;
    if (s === e) break;
    words.push([s, e]);
    if (s < 2 || text[s - 1] !== ' ') break;
    e = s - 1;
  }
  // Longest first: every word capitalised or a connector, the first one capitalised.
  let upTo = 0;
  while (upTo < words.length) {
    const [s, e2] = words[upTo] as [number, number];
    if (!isUpper(text[s]) && !COUNTY_CONNECTOR.test(text.slice(s, e2))) break;
    upTo++;
  }
  for (let i = upTo - 1; i >= 0; i--) {
    const [s, e2] = words[i] as [number, number];
    if (!isUpper(text[s])) continue;
    const tries = [s];
    const hy = text.lastIndexOf('-', e2 - 1);
    if (hy > s && isUpper(text[hy + 1])) tries.push(hy + 1);
    for (const t of tries) {
      const list = g.lookup(`${text.slice(t, at)} ${head}`);
      if (list.some((x) => x.kind === 'region' && x.countryCode === 'US')) return t;
    }
  }
  return -1;
}

/**
 * Whether a county inside a longer organization name is proposed, by the nested-places mode (`placesInNames`: true
 * or 'all', every one; false or 'none', none; 'civic', the default, a county body's: a civic word follows the
 * county, "Guernsey County Sheriff's Office", or the name ends "... of <county>"). `rest` and `before` are the
 * organization's text after and before the county.
 */
function nestedCountyOk(mode: boolean | string, kind: string, rest: string, before = ''): boolean {
  if (COUNTY_SKIP_ORGS.has(kind) || mode === false || mode === 'none') return false;
  if (mode === true || mode === 'all') return true;
  if (mode !== 'civic') return false;
  // "Board of Education of Charleston County", "Disabilities Board of Charleston County".
  if (before.endsWith(' of ') && !rest.trim()) return true;
  const next = /^[ -]+([\p{L}'\u2019]+)/u.exec(rest);
  return next !== null && COUNTY_CIVIC.test(next[1] as string);
}

/**
 * US county names ("Laurel County", "Rapides Parish", "Kenai Peninsula Borough") as place candidates, whatever the
 * name tagger made of them: untyped, typed as a person ("Henry County"), or as an organization that is the county's
 * name alone ("Tarrant County"). A county inside a longer organization name ("Guernsey County Sheriff's Office",
 * "Orange County Register") is proposed only with the option `placesInNames` (nested places, as in nested.ts), and
 * never inside a newspaper's, a club's or a company's name.
 */
export function countyCandidates(ctx: Context): PlaceCandidate[] {
  const text = ctx.doc.text;
  const out: PlaceCandidate[] = [];
  let g: ReturnType<typeof getGazetteer> | null = null;
  let orgs: { start: number; end: number; kind: string }[] | null = null;
  const mode = ctx.options.placesInNames as unknown as boolean | string;
  const lists: [number, string][] = [];
  let us: boolean | undefined;
  for (const m of text.matchAll(COUNTY_HEAD_RE)) {
    const at = m.index ?? 0;
    const word = m[1] as string;
    const c0 = word.charCodeAt(0) | 32;
    const head = c0 === 99 /* c */ ? 'County' : c0 === 112 /* p */ ? 'Parish' : 'Borough';
    if (word.endsWith('ies') || word.endsWith('shes')) {
      lists.push([at, head]);
      continue;
    }
    const end = at + m[0].length;
    if (!isNameWordChar(text[at - 1]) || !ctx.inScope(at)) continue;
    g ??= getGazetteer(ctx.config);
    // A number right after it: a club in a results table ("Montrose 2 Ross County 1"), not the county.
    const after = text.charCodeAt(end + 1);
    if (text[end] === ' ' && after >= 48 && after <= 57) continue;
    const start = countyStart(g, text, at, head);
    if (start < 0) continue;
    // "St. Mary Parish" is a church's parish as often as Louisiana's: only with Louisiana named in the article.
    if (head === 'Parish' && SAINT.test(text.slice(start, at)) && !louisiana(text)) continue;
    if (!orgs) {
      orgs = [];
      for (const o of ctx.results.entities?.organizations ?? [])
        for (const m of o.mentions) orgs.push({ start: m.start, end: m.end, kind: o.kind });
      for (const p of ctx.results.entities?.people ?? [])
        for (const m of p.mentions) orgs.push({ start: m.start, end: m.end, kind: 'person' });
    }
    // Inside a longer organization name: a nested place, as the option placesInNames says (nested.ts); never in
    // a paper's, club's or company's name.
    const inOrg = orgs.find(
      (m) => m.kind !== 'person' && m.start <= start && end <= m.end && m.end - m.start > end - start,
    );
    if (inOrg && !nestedCountyOk(mode, inOrg.kind, text.slice(end, inOrg.end), text.slice(inOrg.start, start)))
      continue;
    // A capitalised word right after the county that the tagger left out of any organization: the county still
    // opens a name ("Orange County Register", "Guernsey County Sheriff's Office"), unless it is a weekday or a month.
    const next = /^ (\p{Lu}[\p{L}'\u2019.]*)/u.exec(text.slice(end, end + 40));
    const nextWord = next && !CALENDAR.test((next[1] as string).replace(/\.$/, '')) ? (next[1] as string) : '';
    if (!inOrg && nextWord) {
      const kind = MEDIA_NEXT.test(nextWord) ? 'media' : 'other';
      if (!nestedCountyOk(mode, kind, text.slice(end, end + 40))) continue;
    }
    // A name British and Irish stories share ("Kent County Council", "Durham County Court"), or a whole name the
    // tagger typed as an organization or a person ("Ross County", a club): only in a story with a US place.
    const shared = nextWord
      ? BRITISH_NEXT.test(nextWord)
      : orgs.some((m) => m.start <= start && end <= m.end && m.end - m.start === end - start);
    if (shared) {
      us ??= usContext(ctx, g);
      if (!us) continue;
    }
    out.push({ start, end, text: text.slice(start, end), rule: 'county', kindHint: 'region' });
  }
  if (lists.length) out.push(...countyListCandidates(ctx, g ?? getGazetteer(ctx.config), lists));
  return out;
}

/**
 * True when the story names a US place: "U.S.", "United States", or a place candidate of the name tagger whose
 * best reading is in the US or which names a US state ("Ky.", "Georgia").
 */
function usContext(ctx: Context, g: Gazetteer): boolean {
  const text = ctx.doc.text;
  if (text.includes('U.S.') || text.includes('United States')) return true;
  for (const c of ctx.results.entities?.placeCandidates ?? []) {
    const list = g.lookup(c.text);
    if (list[0]?.countryCode === 'US' || list.some((e) => e.countryCode === 'US' && e.kind === 'region')) return true;
  }
  return false;
}

/** What separates the items of such a list, read backwards from an item's start. */
const LIST_SEPARATORS = [', and ', ', or ', ' and ', ' or ', ' & ', ', '];

/**
 * The items of a list of county names before a plural head at `heads` (offset of the space before it, and the
 * singular head): "Jackson and Barrow counties": each item a place
 * candidate of its own (rule `county-list` or `parish-list`, read by the places stage as "<item> County"), when
 * the gazetteer knows the county; only lists of two items or more.
 */
function countyListCandidates(ctx: Context, g: Gazetteer, heads: readonly [number, string][]): PlaceCandidate[] {
  const text = ctx.doc.text;
  const out: PlaceCandidate[] = [];
  for (const [at, head] of heads) {
    if (!ctx.inScope(at)) continue;
    // Items backwards from the head: each the word starts of up to three capitalised words ending at e.
    const items: { starts: number[]; end: number }[] = [];
    let e = at;
    while (items.length < 8) {
      const starts: number[] = [];
      let s = e;
      while (starts.length < 3) {
        let w = s;
        while (w > 0 && s - w < 30 && isNameWordChar(text[w - 1])) w--;
        if (w === s || !isUpper(text[w])) break;
        starts.push(w);
        if (w < 2 || text[w - 1] !== ' ') break;
        s = w - 1;
      }
      if (!starts.length) break;
      items.push({ starts, end: e });
      const first = starts[starts.length - 1] as number;
      const sep = LIST_SEPARATORS.find((x) => text.slice(first - x.length, first) === x);
      if (!sep) break;
      e = first - sep.length;
    }
    if (items.length < 2) continue;
    for (const { starts, end } of items) {
      // The longest run of the item's last words that names a county ("In Jackson" → Jackson).
      for (let k = starts.length - 1; k >= 0; k--) {
        const start = starts[k] as number;
        const name = text.slice(start, end);
        if (!g.lookup(`${name} ${head}`).some((x) => x.kind === 'region' && x.countryCode === 'US')) continue;
        out.push({
          start,
          end,
          text: name,
          rule: head === 'County' ? 'county-list' : 'parish-list',
          kindHint: 'region',
        });
        break;
      }
    }
  }
  return out;
}

/**
 * Country names the name tagger leaves untyped or reads as part of a name it does not list (a MISC span such as
 * "the Philippines" read as a nationality): every run of one to three capitalised words that the gazetteer spells
 * as a country ("Philippines", "Sri Lanka", "New Zealand"), outside the people's and organizations' mentions and
 * and not inside a longer capitalised name ("Philippines Department of Agriculture", "Tour de France"), as a
 * candidate (rule 'country-name'). Abbreviations and words in capitals ("US", "UK", "CHINA") and demonyms are left
 * to the tagger.
 */
export function countryNameCandidates(ctx: Context): PlaceCandidate[] {
  const toks = ctx.doc.tokens;
  const text = ctx.doc.text;
  let g: Gazetteer | null = null;
  // The tagger's mentions, marked once: most capitalised words are inside one and need no look-up.
  const taken = takenMask(ctx);
  const out: PlaceCandidate[] = [];
  let heads: Set<string> | null = null;
  let names: ReadonlySet<string> | null = null;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t?.kind !== 'word' || !t.cap || t.upper || t.text.length < 4 || taken[t.start] !== 0) continue;
    g ??= getGazetteer(ctx.config);
    heads ??= countryHeads(g);
    names ??= g.countryNames();
    let found = -1;
    // Longest first: up to three capitalised words joined by single spaces ("Sri Lanka", "Papua New Guinea"); runs
    // of two or three only from a word that opens a country's name of several words. The word's folded form is its
    // lower case when it is ASCII.
    const key = foldToken(t);
    const longest = heads.has(key) ? 3 : 1;
    for (let n = longest; n >= 1 && found < 0; n--) {
      const last = toks[i + n - 1];
      if (last?.kind !== 'word') continue;
      let ok = true;
      for (let k = i + 1; k < i + n && ok; k++) {
        const w = toks[k] as Token;
        ok = w.kind === 'word' && w.cap && !w.upper && w.start === (toks[k - 1] as Token).end + 1;
      }
      // One word: most name no country (the set of countries' folded names answers without a slice).
      if (!ok || (n === 1 && !names.has(key)) || !isCountryName(g, text.slice(t.start, last.end))) continue;
      found = n;
    }
    if (found < 0) continue;
    const last = toks[i + found - 1] as Token;
    i += found - 1;
    // A longer capitalised name around it ("Philippines Department of Agriculture", "Tour de France"): the tagger's.
    const before = toks[i - found];
    const after = toks[i + 1];
    if (before?.kind === 'word' && before.cap && !sentenceStart(toks, before.i) && before.end + 1 === t.start) continue;
    if (after?.kind === 'word' && after.cap && after.start === last.end + 1) continue;
    let free = true;
    for (let k = t.start; k < last.end && free; k++) free = taken[k] === 0;
    if (free) out.push({ start: t.start, end: last.end, text: text.slice(t.start, last.end), rule: 'country-name' });
  }
  return out;
}

/** Dotted abbreviations of country names: unambiguous, unlike "US" (the pronoun in a capitals headline). */
const DOTTED_COUNTRY = new Set(['U.S.', 'U.S.A.', 'U.K.']);

/**
 * "U.S." the name tagger left untyped, alone or at the head of a name it did not type as a person or an
 * organization ("the U.S. House of Representatives", "U.S. Census estimates", "the U.S. Geological Survey": a
 * nationality-like MISC span): the country (rule 'dotted-country'). Inside a typed organization ("U.S. Department of
 * Education") it stays the organization's (CoNLL-style; `placesInNames`).
 */
export function dottedCountryCandidates(ctx: Context): PlaceCandidate[] {
  // Every form starts "U.": a text without it has none (one native search instead of a pass over the tokens).
  if (!ctx.doc.text.includes('U.')) return [];
  const toks = ctx.doc.tokens;
  let taken: Uint8Array | null = null;
  const out: PlaceCandidate[] = [];
  for (const t of toks) {
    if (t.kind !== 'word' || t.text.length < 4 || t.text.charCodeAt(1) !== 46 /* . */ || !DOTTED_COUNTRY.has(t.text))
      continue;
    taken ??= takenMask(ctx);
    let free = true;
    for (let k = t.start; k < t.end && free; k++) free = taken[k] === 0;
    if (free) out.push({ start: t.start, end: t.end, text: t.text, rule: 'dotted-country' });
  }
  return out;
}

const PERSON_WORDS = new WeakMap<Context, Set<string>>();

/**
 * The words of the article's people's names, folded ("Norman" of "Greg Norman"), once per document (each distinct
 * mention text split once): a name that is one of them is not read as a town by a cue or as an organization's place.
 */
export function personWords(ctx: Context): Set<string> {
  let words = PERSON_WORDS.get(ctx);
  if (!words) {
    words = new Set<string>();
    const seen = new Set<string>();
    for (const p of ctx.results.entities?.people ?? [])
      for (const m of p.mentions) {
        if (seen.has(m.text)) continue;
        seen.add(m.text);
        for (const w of m.text.split(/[\s.]+/)) if (w) words.add(fold(w));
      }
    PERSON_WORDS.set(ctx, words);
  }
  return words;
}

/**
 * The tagger's spans of the document the rules here read, marked once for all of them: 1 a person's or an
 * organization's, 2 a place candidate's. One reused buffer (mask.ts), marked again when another document asks.
 */
const TAKEN = new MaskBuffer();
let takenCtx: Context | null = null;
let taken: Uint8Array = new Uint8Array(0);

/** Drops the reference to the last document (the place stage calls it once its candidates are all found). */
export function releaseTakenMask(): void {
  takenCtx = null;
}

function takenMask(ctx: Context): Uint8Array {
  if (takenCtx !== ctx) {
    const ents = ctx.results.entities;
    taken = TAKEN.zeroed(ctx.doc.text.length + 1);
    for (const e of ents?.people ?? []) for (const m of e.mentions) taken.fill(1, m.start, m.end);
    for (const e of ents?.organizations ?? []) for (const m of e.mentions) taken.fill(1, m.start, m.end);
    for (const c of ents?.placeCandidates ?? []) taken.fill(2, c.start, c.end);
    takenCtx = ctx;
  }
  return taken;
}

/** Per gazetteer: the folded first words of countries' names of several words ("sri", "papua", "united"). */
const COUNTRY_HEADS = new WeakMap<Gazetteer, Set<string>>();

function countryHeads(g: Gazetteer): Set<string> {
  let heads = COUNTRY_HEADS.get(g);
  if (!heads) {
    heads = firstWordsOf(g.countryNames());
    COUNTRY_HEADS.set(g, heads);
  }
  return heads;
}

/** Per gazetteer: whether a surface is a country's very name (memoised across articles, bounded). */
const COUNTRY_MEMO = new WeakMap<Gazetteer, Map<string, boolean>>();

function isCountryName(g: Gazetteer, name: string): boolean {
  // Most capitalised words name no country: no look-up for those (the set holds every country's folded name).
  if (!g.countryNames().has(fold(name))) return false;
  let m = COUNTRY_MEMO.get(g);
  if (!m || m.size > 50_000) {
    m = new Map();
    COUNTRY_MEMO.set(g, m);
  }
  let v = m.get(name);
  if (v === undefined) {
    const top = g.lookup(name)[0];
    v = top?.kind === 'country' && fold(top.name) === fold(name) && g.demonym(name) === null;
    m.set(detached(name), v);
  }
  return v;
}

/** True when token i opens its sentence (the token before it is in another sentence, or none). */
function sentenceStart(toks: readonly Token[], i: number): boolean {
  const p = toks[i - 1];
  return !p || p.sentence !== (toks[i] as Token).sentence;
}

/**
 * Lower-case words that join the parts of one place's name: "Trinidad and Tobago", "Punta del Este", "Newcastle
 * upon Tyne", "Saint Vincent and the Grenadines" (one or two of them, between spaces or hyphens).
 */
const CONNECTOR = /^(?:and|del|de|la|of|on|upon|y|da|do|dos|the)$/;

/** True when the gap between two spans is one or two connector words (" and ", " and the ", "-upon-"). */
function connectorGap(gap: string): boolean {
  if (gap.length < 3 || gap.length > 12) return false;
  const sep = gap[0];
  if ((sep !== ' ' && sep !== '-') || gap[gap.length - 1] !== sep) return false;
  const words = gap.slice(1, -1).split(sep);
  if (words.length > 2) return false;
  // "the" only after another connector ("and the Grenadines"), never alone ("Bosnia the").
  if (words[0] === 'the') return false;
  return words.every((w) => CONNECTOR.test(w));
}

/**
 * A place's name the name tagger split at a lower-case connector (rule 'connected'): two of its spans (place
 * candidates, people's or organizations' mentions) with one or two connector words between them ("Trinidad" and
 * "Tobago", "Punta" del "Este", "Saint Kitts" and "Nevis"), when the gazetteer spells the joined span as a place's
 * own name (not an alternate name): one candidate over the whole span, which beats the parts when places are
 * resolved. A joined name of a town or a city needs a part the tagger read as a place; a country's or a region's
 * may join names the tagger typed otherwise ("Saint Kitts and Nevis": a person and an organization). Company names
 * ("Procter and Gamble", "Marks and Spencer") are names the gazetteer does not know.
 */
export function connectedPlaceCandidates(ctx: Context): PlaceCandidate[] {
  const ents = ctx.results.entities;
  if (!ents) return [];
  const text = ctx.doc.text;
  const spans: { start: number; end: number; place: boolean }[] = [];
  for (const c of ents.placeCandidates) spans.push({ start: c.start, end: c.end, place: true });
  for (const e of [...ents.people, ...ents.organizations])
    for (const m of e.mentions) spans.push({ start: m.start, end: m.end, place: false });
  if (spans.length < 2) return [];
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PlaceCandidate[] = [];
  let g: Gazetteer | null = null;
  for (let i = 0; i + 1 < spans.length; i++) {
    const a = spans[i] as (typeof spans)[number];
    const b = spans[i + 1] as (typeof spans)[number];
    if (b.start <= a.end || b.start - a.end > 12 || b.end - a.start > 60) continue;
    if (!connectorGap(text.slice(a.end, b.start)) || !ctx.inScope(a.start)) continue;
    const name = text.slice(a.start, b.end);
    g ??= getGazetteer(ctx.config);
    const top = g.lookup(name)[0];
    if (!top || fold(top.name) !== fold(name)) continue;
    const big = top.kind === 'country' || top.kind === 'region';
    if (!big && !(a.place || b.place)) continue;
    if (!big && top.kind !== 'city' && top.kind !== 'town' && top.kind !== 'village') continue;
    out.push({ start: a.start, end: b.end, text: name, rule: 'connected' });
    i++;
  }
  return out;
}

/** Words before a name that make it a place: "in Chiefland", "near Haslett", "from Norman". */
const CUE_BEFORE_WORDS = new WordSet([
  'in',
  'near',
  'outside',
  'from',
  'around',
  'across',
  'throughout',
  'to',
  'into',
  'via',
]);
/** Words after a name that make it a town: "Chapin man", "Henrico police", "Lewisburg Mayor John Manchester". */
const CUE_AFTER_WORDS = new WordSet([
  'man',
  'woman',
  'men',
  'women',
  'boy',
  'girl',
  'teen',
  'teens',
  'teenager',
  'resident',
  'residents',
  'native',
  'natives',
  'couple',
  'family',
  'families',
  'homeowners',
  'police',
  'firefighters',
  'officials',
  'student',
  'students',
  'mayor',
  'councilman',
  'councilwoman',
  'council',
  'investigators',
  'area',
]);

let titleWords: ReadonlySet<string> | null = null;
/** A title, role or organization keyword of the name lists ("vice", "mayor", "police"). */
function isTitle(lower: string): boolean {
  if (!titleWords) {
    const L = nameLists();
    titleWords = new Set([...L.titles, ...L.roles, ...L.orgKeywords.keys()]);
  }
  return titleWords.has(lower);
}

/**
 * A town the name tagger leaves untyped whose context makes it one (rule 'cued-town'): a capitalised word or two the
 * gazetteer knows by that very name as a populated place or first-level region, right after a locative word ("in
 * Chiefland", "near Haslett") or right before a word of residence or local office ("Chapin man dies", "Henrico
 * police", "Lewisburg Mayor"). Headlines open with such names, where capitalisation says nothing. Never inside or
 * beside another capitalised name, a common word ("Reading"), a demonym, a given name ("Norman" stays a person's
 * unless a cue says otherwise... and a given name is never read here), nor a word of the article's people's names.
 */
export function cuedTownCandidates(ctx: Context): PlaceCandidate[] {
  const toks = ctx.doc.tokens;
  const text = ctx.doc.text;
  let taken: Uint8Array | null = null;
  let g: Gazetteer | null = null;
  const out: PlaceCandidate[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Token;
    if (t.kind !== 'word' || !t.cap || t.upper || t.text.length < 3) continue;
    // One or two capitalised words ("Grand Ledge"), joined by one space.
    let n = 1;
    const t2 = toks[i + 1];
    if (t2?.kind === 'word' && t2.cap && !t2.upper && t2.start === t.end + 1 && !CUE_AFTER_WORDS.has(t2.lower)) n = 2;
    const last = toks[i + n - 1] as Token;
    const prev = toks[i - 1];
    const next = toks[i + n];
    const sameBefore = prev !== undefined && prev.sentence === t.sentence;
    const before = sameBefore && prev.kind === 'word' && CUE_BEFORE_WORDS.has(prev.text);
    const after =
      next !== undefined && next.kind === 'word' && next.start === last.end + 1 && CUE_AFTER_WORDS.has(next.lower);
    if (!before && !after) continue;
    // Beside another capitalised name: part of it.
    if (sameBefore && prev.kind === 'word' && prev.cap && prev.end + 1 === t.start) continue;
    const nn = toks[i + n];
    if (!after && nn?.kind === 'word' && nn.cap && nn.start === last.end + 1) continue;
    taken ??= takenMask(ctx);
    let free = true;
    for (let k = t.start; k < last.end && free; k++) free = taken[k] === 0;
    if (!free) continue;
    const name = text.slice(t.start, last.end);
    g ??= getGazetteer(ctx.config);
    if (isCommonWordPlace(name) || g.demonym(name) !== null) continue;
    const top = entriesFor(g, name)[0];
    if (!top || fold(top.name) !== fold(name)) continue;
    if (top.kind !== 'city' && top.kind !== 'town' && top.kind !== 'village' && top.kind !== 'region') continue;
    // A sentence's first word ("Many area cities", "One man"), a month ("in August"), a first name or a title ("Vice
    // Mayor"): no town by these cues.
    if (n === 1 && (isCommonWord(t.lower) || isNotName(t.lower) || isGivenName(t.lower) || isTitle(t.lower))) continue;
    const people = personWords(ctx);
    if (name.split(' ').some((w) => people.has(fold(w)))) continue;
    out.push({ start: t.start, end: last.end, text: name, rule: 'cued-town' });
    i += n - 1;
  }
  return out;
}

/** A name part of a hyphenated pair: capitalised letters and periods ("U.S.", "Egypt", "EU"). */
function namePartAt(text: string, from: number, step: 1 | -1): [number, number] | null {
  let i = from;
  let n = 0;
  const ok = (c: string | undefined) => c !== undefined && (c === '.' || /\p{L}/u.test(c));
  if (step === 1) {
    while (n < 25 && ok(text[i])) {
      i++;
      n++;
    }
    // A sentence's period after the second part stays out ("Egypt-US.").
    let e = i;
    while (e > from + 1 && text[e - 1] === '.' && !/\p{Lu}/u.test(text[e - 2] ?? '')) e--;
    return n && n < 25 && /\p{Lu}/u.test(text[from] ?? '') ? [from, e] : null;
  }
  while (n < 25 && ok(text[i - 1])) {
    i--;
    n++;
  }
  return n && n < 25 && /\p{Lu}/u.test(text[i] ?? '') ? [i, from] : null;
}

/**
 * Untyped pairs of places joined by a hyphen ("Egypt-US relations", "the Washington-Moscow route", "an EU-Israel
 * summit", "Egyptian-US partnership"): each part the gazetteer knows by that very name as a country, first-level
 * region, continent or city of 100,000 is a candidate (rule 'place-pair'), when the other part is one too or a
 * demonym. Nothing the tagger typed (a person's, an organization's or a place candidate's span) and no part inside
 * a longer hyphenated word ("Austria-Hungary-Serbia" is left alone).
 */
export function placePairCandidates(ctx: Context): PlaceCandidate[] {
  const text = ctx.doc.text;
  const out: PlaceCandidate[] = [];
  let taken: Uint8Array | null = null;
  let g: Gazetteer | null = null;
  for (let at = text.indexOf('-'); at >= 0; at = text.indexOf('-', at + 1)) {
    const a = namePartAt(text, at, -1);
    const b = a ? namePartAt(text, at + 1, 1) : null;
    if (!a || !b) continue;
    if (text[a[0] - 1] === '-' || text[b[1]] === '-') continue;
    taken ??= takenMask(ctx);
    // Each part: free, or exactly one of the tagger's place candidates ("Washington" of "Washington-Moscow").
    const state = (s: number, e: number) => {
      const v = taken?.[s] ?? 0;
      for (let k = s + 1; k < e; k++) if (taken?.[k] !== v) return -1;
      return v === 2 && (taken?.[s - 1] === 2 || taken?.[e] === 2) ? -1 : v;
    };
    const ta = state(a[0], a[1]);
    const tb = state(b[0], b[1]);
    if (ta < 0 || tb < 0 || ta === 1 || tb === 1 || (ta === 2 && tb === 2)) continue;
    g ??= getGazetteer(ctx.config);
    const sa = text.slice(a[0], a[1]);
    const sb = text.slice(b[0], b[1]);
    const pa = ta === 2 || bigPlace(g, sa);
    const pb = tb === 2 || bigPlace(g, sb);
    if (!(pa && (pb || g.demonym(sb) !== null)) && !(pb && g.demonym(sa) !== null)) continue;
    if (pa && ta === 0) out.push({ start: a[0], end: a[1], text: sa, rule: 'place-pair' });
    if (pb && tb === 0) out.push({ start: b[0], end: b[1], text: sb, rule: 'place-pair' });
    at = b[1];
  }
  return out;
}

/** True when the gazetteer reads `name` by that very name as a country, region, continent or city of 100,000. */
function bigPlace(g: Gazetteer, name: string): boolean {
  if (name.length < 2 || isCommonWordPlace(name) || g.demonym(name) !== null) return false;
  const top = entriesFor(g, name)[0];
  if (!top) return false;
  const same = fold(top.name) === fold(name) || name === name.toUpperCase();
  return (
    same &&
    (top.kind === 'country' ||
      top.kind === 'region' ||
      top.kind === 'continent' ||
      (top.kind === 'city' && top.population >= 100_000))
  );
}

/**
 * A candidate that is two places joined by a hyphen ("Washington-Moscow" of "the Washington-Moscow route", one span
 * of the tagger): both parts, when each is a country, region, continent or city of 100,000 by that very name; null
 * otherwise (a place's own hyphenated name, "Guinea-Bissau", is in the gazetteer whole and kept).
 */
export function splitPlacePair(g: Gazetteer, c: PlaceCandidate): PlaceCandidate[] | null {
  const t = c.text;
  const h = t.indexOf('-');
  if (h < 2 || h > t.length - 3 || t.indexOf('-', h + 1) >= 0 || t.length > 50 || /\s/.test(t)) return null;
  if (entriesFor(g, t).length) return null;
  const a = t.slice(0, h);
  const b = t.slice(h + 1);
  if (!bigPlace(g, a) || !bigPlace(g, b)) return null;
  return [
    { ...c, end: c.start + h, text: a, rule: `${c.rule}+pair` },
    { ...c, start: c.start + h + 1, text: b, rule: `${c.rule}+pair` },
  ];
}

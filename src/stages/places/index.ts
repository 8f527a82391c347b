/**
 * The places stage: resolves the entity stage's place candidates against the gazetteer, groups the mentions of
 * each place (official forms and alternate names included: "Republic of Lithuania" → Lithuania), scores salience,
 * and computes the article's focus from places and demonyms. Offsets are normalized-text offsets.
 */
import { colocateCounties, colocateMentions, isUsCounty } from '../../gazetteer/counties.js';
import { fold, type Gazetteer, type GazetteerEntry, getGazetteer, isCommonWordPlace } from '../../gazetteer/index.js';
import { isPlacePrefix, prefixStartBefore } from '../../gazetteer/prefix.js';
import type { Context, PlaceCandidate, PlacesResult, Stage } from '../../pipeline/types.js';
import type { Mention, Place, PlaceKind } from '../../schema.js';
import { isAsciiLetter } from '../../text/normalize.js';
import { isCommonWord } from '../entities/lexicon.js';
import { colocateTowns } from './colocate.js';
import { scanCues } from './cues.js';
import { type AreaDemonymHit, computeFocus, type DemonymHit, scanDemonyms } from './focus.js';
import {
  capsDatelineCandidates,
  connectedPlaceCandidates,
  countryNameCandidates,
  countyCandidates,
  cuedTownCandidates,
  dottedCountryCandidates,
  partyPlaceCandidates,
  placePairCandidates,
  releaseTakenMask,
  splitPlacePair,
} from './lexical.js';
import { MaskBuffer } from './mask.js';
import { directionPlace, orgPlaceCandidates, orgRegionEntries, personPlaceCandidates, placesInName } from './nested.js';
import {
  addVote,
  chooseEntry,
  cleanSurface,
  clearVote,
  type EvidenceTotals,
  entriesFor,
  evidenceTotals,
  needsCountry,
  orgRegionVotes,
  placeId,
  qualifierReading,
  readingVote,
  regionAbbreviationCandidates,
  softRegionVotes,
  type Vote,
} from './resolve.js';

export { scanCues } from './cues.js';
export { computeFocus, scanDemonyms } from './focus.js';
export { capsDatelineCandidates, connectedPlaceCandidates, partyPlaceCandidates } from './lexical.js';
export { directionPlace, orgPlaceCandidates, personPlaceCandidates, placesInName } from './nested.js';
export {
  chooseEntry,
  cleanSurface,
  countryEvidence,
  entriesFor,
  fitsHint,
  placeEvidence,
  placeId,
  scoreEntry,
} from './resolve.js';

/** Words before a place name that make a common word ("Reading", "Mobile") a place. */
const LOCATIVE = new Set(['in', 'near', 'from', 'at', 'outside', 'to', 'into', 'across', 'around', 'of', 'via']);

/** Words before a company's short name that still make it a place ("in Piedmont"; not "of Piedmont", "to Piedmont"). */
const STRICT_LOCATIVE = new Set(['in', 'near', 'outside', 'across', 'around', 'via']);

/** A place name of the article (its folded surface), for the evidence of the others' readings. */
interface ArticleName {
  entries: GazetteerEntry[];
  count: number;
  /** A mention in the dateline. */
  dateline: boolean;
  /** Its clear vote (clearVote); null when it says nothing by itself. */
  clear: Vote | null;
  /** The vote it casts in the current pass: its clear vote, or in the second pass its first reading's. */
  vote: Vote | null;
}

interface Resolved {
  cand: PlaceCandidate;
  entries: GazetteerEntry[];
  entry: GazetteerEntry | null;
}

/** The weight of a region named inside an organization's name, as a share of a clear vote (see resolvePlaces). */
const ORG_REGION_VOTE = 0.5;

/** True when a common-word place name ("Reading") has a cue that it is a place here. */
function commonWordHasCue(
  ctx: Context,
  cand: PlaceCandidate,
  qualified: boolean,
  locative: ReadonlySet<string> = LOCATIVE,
): boolean {
  if (cand.kindHint || qualified) return true;
  const toks = ctx.doc.tokens;
  // The token before the candidate, by binary search on start offsets.
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((toks[mid]?.start ?? 0) < cand.start) lo = mid + 1;
    else hi = mid;
  }
  const prev = toks[lo - 1];
  return prev !== undefined && prev.kind === 'word' && locative.has(prev.lower) && prev.sentence === toks[lo]?.sentence;
}

/** A single all-capital word whose every reading is a town or village under 50,000 people. */
function isSmallTownCaps(c: PlaceCandidate, entries: readonly GazetteerEntry[]): boolean {
  const t = c.text;
  if (t.length < 4 || t !== t.toUpperCase() || /[\s.]/.test(t) || !/^\p{Lu}+$/u.test(t)) return false;
  return entries.every(
    (e) => (e.kind === 'town' || e.kind === 'village' || e.kind === 'city') && e.population < 50_000,
  );
}

/** The candidate right after `c` across ", " ("Paris, Texas"), if any. */
function qualifierOf(text: string, c: PlaceCandidate, byStart: Map<number, PlaceCandidate>): PlaceCandidate | null {
  if (text.charCodeAt(c.end) !== 44 /* , */) return null;
  return byStart.get(c.end + 2) ?? byStart.get(c.end + 1) ?? null;
}

function salienceOf(
  ctx: Context,
  mentions: readonly Mention[],
  maxCount: number,
  demonyms?: ReadonlySet<Mention> | null,
): number {
  if (!mentions.length) return 0;
  const len = Math.max(1, ctx.doc.text.length);
  const first = mentions.reduce((m, x) => Math.min(m, x.start), Number.POSITIVE_INFINITY);
  const zone = ctx.zoneAt(first);
  const lead = zone === 'headline' || zone === 'dateline' ? 1 : Math.max(0, 1 - first / len);
  const freq = Math.min(1, weightedCount(mentions, demonyms) / Math.max(1, maxCount));
  return Math.round(Math.min(1, 0.55 * freq + 0.35 * lead + (zone === 'headline' ? 0.1 : 0)) * 1000) / 1000;
}

/** How many times a place is named: a demonym ("Polish farmers") counts half a name ("Poland"). */
function weightedCount(mentions: readonly Mention[], demonyms?: ReadonlySet<Mention> | null): number {
  if (!demonyms?.size) return mentions.length;
  let n = 0;
  for (const m of mentions) n += demonyms.has(m) ? 0.5 : 1;
  return n;
}

/** Words after a place's name that make the whole a disease's name ("West Nile virus", "Lassa fever"). */
const DISEASE_WORDS = new Set(['virus', 'viruses', 'fever', 'disease', 'encephalitis', 'bacterium', 'bacteria']);
/** Pathogens the name tagger may type as places, folded ("Ebola" is also a river, "Zika" a forest). */
const PATHOGENS = new Set([
  'ebola',
  'salmonella',
  'zika',
  'listeria',
  'chikungunya',
  'e. coli',
  'lassa',
  'nipah',
  'hendra',
]);

/** True when a disease word follows `end` ("West Nile virus", "Lyme disease"). */
function diseaseAfter(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 32) return false;
  let e = end + 1;
  while (e < text.length && e < end + 14 && isAsciiLetter(text.charCodeAt(e))) e++;
  return e > end + 1 && DISEASE_WORDS.has(text.slice(end + 1, e).toLowerCase());
}

/** Car makes whose models carry place names ("Dodge Durango", "GMC Yukon", "Hyundai Santa Fe", "Jeep Cherokee"). */
const CAR_MAKES = new Set([
  ...['Acura', 'Buick', 'Cadillac', 'Chevrolet', 'Chevy', 'Chrysler', 'Dodge', 'Ford', 'GMC', 'Honda', 'Hyundai'],
  ...['Infiniti', 'Isuzu', 'Jeep', 'Kia', 'Lexus', 'Mazda', 'Mitsubishi', 'Nissan', 'Oldsmobile', 'Plymouth'],
  ...['Pontiac', 'Subaru', 'Suzuki', 'Toyota', 'Volkswagen', 'VW'],
]);
/** Words after "Make Place" that make the place a plant's site ("the Toyota Georgetown plant"). */
const PLANT_WORDS = new Set(['plant', 'plants', 'factory', 'assembly', 'works', 'facility', 'dealership', 'dealer']);

/**
 * A place name right after a car make is a model ("a red Dodge Durango", "his Chevrolet Colorado"), unless a plant's
 * word follows ("the Toyota Georgetown plant") or it names a country or continent ("Toyota Australia", "Ford Europe":
 * the make's unit there).
 */
export function carModel(text: string, c: PlaceCandidate, entries: readonly GazetteerEntry[]): boolean {
  if (text.charCodeAt(c.start - 1) !== 32) return false;
  let b = c.start - 1;
  while (b > 0 && isAsciiLetter(text.charCodeAt(b - 1))) b--;
  if (!CAR_MAKES.has(text.slice(b, c.start - 1))) return false;
  if (entries.some((e) => e.kind === 'country' || e.kind === 'continent')) return false;
  let e = c.end + 1;
  while (e < text.length && e < c.end + 14 && isAsciiLetter(text.charCodeAt(e))) e++;
  return !(text.charCodeAt(c.end) === 32 && PLANT_WORDS.has(text.slice(c.end + 1, e).toLowerCase()));
}

/** A name that starts with a saint's title ("St. Patrick", "St Gregory", "Saint Mary", "Ste. Anne"). */
const SAINT_PREFIX = /^(?:St\.?|Ste\.?|Saint|Sainte) /;

/** Words of a church's, a school's or a feast's name after a saint's possessive ("St. Mary's High School"). */
const SAINT_INSTITUTION = new Set([
  'day',
  'eve',
  'church',
  'cathedral',
  'chapel',
  'basilica',
  'abbey',
  'priory',
  'parish',
  'catholic',
  'episcopal',
  'lutheran',
  'methodist',
  'presbyterian',
  'baptist',
  'orthodox',
  'united',
  'school',
  'academy',
  'college',
  'university',
  'high',
  'elementary',
  'primary',
  'preparatory',
  'hospital',
  'medical',
  'cemetery',
  'hall',
  'home',
  'surgery',
]);

/** True when one of the (up to four) capitalised words after `from` names a saint's institution or feast. */
function saintsInstitution(text: string, from: number): boolean {
  let at = from;
  for (let n = 0; n < 4; n++) {
    while (text.charCodeAt(at) === 32) at++;
    let end = at;
    while (end < text.length && /\p{L}/u.test(text.charAt(end))) end++;
    if (end === at || !/\p{Lu}/u.test(text.charAt(at))) return false;
    if (SAINT_INSTITUTION.has(text.slice(at, end).toLowerCase())) return true;
    at = end;
  }
  return false;
}

/** True when "'s" or "\u2019s" follows `end` as a word ending ("St. Patrick's Day"). */
function isPossessiveAfter(text: string, end: number): boolean {
  const q = text.charCodeAt(end);
  return (q === 39 || q === 0x2019) && text.charCodeAt(end + 1) === 115 && !/[\p{L}\p{N}]/u.test(text.charAt(end + 2));
}

/**
 * Widens a candidate over an abbreviated prefix the name tagger left out ("St. " of "St. Petersburg", "Mt. " of
 * "Mt. Vernon") when the gazetteer knows the whole name. Works in place on a start-sorted, non-overlapping list.
 */
function widenToPrefix(g: Gazetteer, text: string, cands: PlaceCandidate[]): void {
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i] as PlaceCandidate;
    const s = prefixStartBefore(text, c.start);
    if (s < 0 || (cands[i - 1]?.end ?? -1) > s) continue;
    const whole = text.slice(s, c.end);
    if (!entriesFor(g, whole).some((e) => fold(e.name) === fold(whole) || e.kind !== 'other')) continue;
    cands[i] = { ...c, start: s, text: whole, rule: `${c.rule}+prefix` };
  }
}

/**
 * Joins a candidate that is only an abbreviated prefix ("St" of "St. Petersburg", "Mt" of "Mt. Pleasant") with the
 * capitalised words after its period: with the next candidate when there is one, else up to two capitalised words.
 * Works in place on a start-sorted, non-overlapping list.
 */
function mergeAbbreviatedPrefixes(text: string, cands: PlaceCandidate[]): void {
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i] as PlaceCandidate;
    if (!isPlacePrefix(c.text) || text.charCodeAt(c.end) !== 46 /* . */ || text.charCodeAt(c.end + 1) !== 32) continue;
    const next = cands[i + 1];
    let end = -1;
    if (next && next.start === c.end + 2) {
      end = next.end;
      cands.splice(i + 1, 1);
    } else {
      const m = /^\p{Lu}[\p{L}'-]*/u.exec(text.slice(c.end + 2, c.end + 60));
      if (m) end = c.end + 2 + m[0].length;
    }
    if (end < 0) continue;
    cands[i] = { ...c, end, text: text.slice(c.start, end) };
  }
}

/**
 * A candidate after a capital initial and its period ("Va" of "W. Va.", "D-W. Va."): the initial and the name are
 * one when the gazetteer knows them so and reads them otherwise than the name alone (West Virginia, not Virginia).
 */
function mergeInitials(g: Gazetteer, text: string, cands: PlaceCandidate[]): void {
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i] as PlaceCandidate;
    const start = c.start - 3;
    if (start < 0 || !INITIAL_BEFORE.test(text.slice(start, c.start))) continue;
    if (start > 0 && /\p{L}/u.test(text[start - 1] as string)) continue;
    const prev = cands[i - 1];
    if (prev && prev.end > start) continue;
    const dot = text.charCodeAt(c.end) === 46 /* . */ && !c.text.endsWith('.');
    const joined = text.slice(start, dot ? c.end + 1 : c.end);
    const whole = entriesFor(g, joined)[0];
    if (!whole || whole === entriesFor(g, c.text)[0]) continue;
    cands[i] = { ...c, start, end: start + joined.length, text: joined };
  }
}
/** A capital initial, its period and a space ("W. "). */
const INITIAL_BEFORE = /^\p{Lu}\. $/u;

/** Last words of names that are places of their own kind, not a container of a known place ("Morris County"). */
const OWN_HEAD =
  /^(?:county|counties|parish|township|borough|district|city|town|village|street|st|avenue|ave|road|rd|drive|boulevard|lane|way|square|place|park|river|creek|lake|island|islands|valley|mountain|mountains|hill|hills|bay|beach|harbor|harbour|airport|station|bridge|university|college|school|academy|church|cathedral|hospital|center|centre|hall|house|court|gardens|forest|canyon|falls|heights|reservoir|dam|canal|coast|peninsula|delta|desert|plain|plains|basin)$/i;

/** Last words of an institution's name: a candidate ending so is a body named after a place ("X High School"). */
const INSTITUTION =
  /^(?:school|university|college|academy|church|hospital|department|police|library|council|commission|hall|courthouse)$/i;

/** Words of company and institution names: a place inside them is part of a name ("Santa Fe Southern Pacific Corp"). */
const ORG_WORD =
  /\b(?:corp|corporation|inc|co|cos|ltd|plc|llc|ag|sa|nv|pty|bank|banks|bancorp|group|holdings?|company|companies|industries|international|partners|fund|trust|securities|capital|financial|health|airlines|energy|petroleum|oil|gas|motors|steel|mining|resources|stearns)\b/i;
const BIG_KINDS: ReadonlySet<PlaceKind> = new Set(['country', 'region', 'continent']);
/** What separates the words of a candidate for innerPlace. */
const SEPARATOR = /[\s-]/;

/**
 * A candidate the gazetteer does not know, made of several words ("Air Zimbabwe", "R-Charleston", "U.S. House"):
 * the longest run of its words that names a known place (leftmost first), as a candidate of its own; null when none,
 * when the candidate carries a kind hint, or when its last word makes it a place of its own ("Morris County",
 * "Washington Square").
 */
function innerPlace(g: Gazetteer, c: PlaceCandidate): PlaceCandidate | null {
  // One word (no space or hyphen inside): nothing inner.
  if (c.kindHint || c.end - c.start > 80 || !SEPARATOR.test(c.text)) return null;
  const words = [...c.text.matchAll(/[^\s-]+/g)];
  if (words.length < 2) return null;
  const lastWord = (words[words.length - 1]?.[0] ?? '').replace(/[^\p{L}]/gu, '');
  if (INSTITUTION.test(lastWord) && !entriesFor(g, c.text).length) {
    // "Mount Pleasant High School", "Athens Police Department" read as a place: the place its name carries.
    const first = placesInName(g, c.text)[0] ?? leadingPlace(g, c.text, words);
    return first
      ? { ...c, start: c.start + first.start, end: c.start + first.end, text: first.text, rule: `${c.rule}+inner` }
      : null;
  }
  if (OWN_HEAD.test(lastWord) || ORG_WORD.test(c.text)) return null;
  if (entriesFor(g, c.text).length) return null;
  for (let n = words.length - 1; n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const first = words[i] as RegExpMatchArray;
      const last = words[i + n - 1] as RegExpMatchArray;
      const start = first.index ?? 0;
      const end = (last.index ?? 0) + last[0].length;
      const sub = trimTrailingPunct(c.text.slice(start, end));
      const letters = sub.replace(/[^\p{L}]/gu, '').length;
      if (letters < (sub.includes('.') ? 2 : 3) || !/^\p{Lu}/u.test(sub)) continue;
      if (i > 0 && /^new$/i.test(words[i - 1]?.[0] ?? '')) continue; // "New England" is not England
      if (isCommonWordPlace(sub)) continue;
      const top = entriesFor(g, sub)[0];
      // Only a well-known reading: a country, region or continent, or a city of 100,000 ("Bear" of "Bear
      // Stearns" is a town in Delaware, "Dollar" of "U.S. Dollar" one in Scotland).
      // A party designation ("R-Charleston", "D-Okla", "DFL-Chisholm") names the member's home town or state,
      // whatever its size.
      const w0 = words[0]?.[0] ?? '';
      const party = i === 1 && /^(?:[RDI]|DFL)$/.test(w0) && c.text[w0.length] === '-';
      if (!top || !(party || BIG_KINDS.has(top.kind) || (top.kind === 'city' && top.population >= 100_000))) continue;
      return { ...c, start: c.start + start, end: c.start + start + sub.length, text: sub, rule: `${c.rule}+inner` };
    }
  }
  return null;
}

/**
 * The town or region an institution's name opens with ("Bowling Green State University", "New Milford Police
 * Department", "Ludlow Town Hall"): the longest run of its first one to three capitalised words that the gazetteer
 * knows by that very name as a populated place or a region, followed only by words of a public body's name ("State",
 * "Town", "General", "Police") up to the last word; never a saint's or a possessive name ("St. Michael's Catholic
 * School"), a common word, or a name read by another of its names. A hall is a town's only as a "Town Hall" or
 * "City Hall" ("Centennial Hall" is no town's). null otherwise.
 */
function leadingPlace(
  g: Gazetteer,
  name: string,
  words: readonly RegExpMatchArray[],
): { start: number; end: number; text: string } | null {
  const k = words.length;
  if (k < 2 || !/^\p{Lu}/u.test(name) || SAINT_FIRST.test(name)) return null;
  const head = (words[k - 1]?.[0] ?? '').toLowerCase();
  if ((head === 'hall' || head === 'courthouse') && !CIVIC_HALL.test(words[k - 2]?.[0] ?? '')) return null;
  for (let n = Math.min(3, k - 1); n >= 1; n--) {
    let bodyWords = true;
    for (let i = n; i < k - 1 && bodyWords; i++) bodyWords = BODY_WORD.test(words[i]?.[0] ?? '');
    if (!bodyWords) continue;
    const last = words[n - 1] as RegExpMatchArray;
    const end = (last.index ?? 0) + last[0].length;
    const sub = name.slice(0, end);
    // Only words joined by spaces ("Nelson-Creston" is read by the hyphen rules), no possessive.
    if (sub.includes('-') || /['\u2019]/.test(sub) || !/^\p{Lu}/u.test(last[0])) continue;
    if (sub.replace(/[^\p{L}]/gu, '').length < 3 || isCommonWordPlace(sub)) continue;
    const key = fold(sub);
    const list = entriesFor(g, sub);
    if (list.some((e) => (e.kind === 'region' || POPULATED_KINDS.has(e.kind)) && fold(e.name) === key))
      return { start: 0, end, text: sub };
  }
  return null;
}
/** A saint's name opening an institution's ("St. James United Methodist Church"). */
const SAINT_FIRST = /^(?:st|ste|saint|san|santa|sao|s\u00e3o)\b/i;
/** The word before "Hall" that makes it a town's ("Town Hall", "City Hall"). */
const CIVIC_HALL = /^(?:town|city|village|township|county|borough|municipal)$/i;
/** Words of a public body's name between its town and its last word ("Wayne State College", "X Police Department"). */
const BODY_WORD =
  /^(?:state|town|city|county|village|township|district|borough|municipal|public|regional|community|general|memorial|police|fire|high|middle|elementary|junior|senior|citizens|area|unified|union|free|central)$/i;
const POPULATED_KINDS: ReadonlySet<PlaceKind> = new Set(['city', 'town', 'village']);

/** Words after a name that make it the first-level region ("Kermanshah province", "Murmansk's governor"). */
const REGION_AFTER = /^(?:'s |\u2019s )?(?:province|oblast|krai|region|governorate|prefecture|state|governor)\b/i;
/** A governor after a name, or before it with "of": a region's, never a country's ("the governor of Georgia"). */
const GOVERNOR_AFTER = /^(?:'s |\u2019s )?governor\b/i;
const GOVERNOR_OF = /\bgovernor of $/i;
/** Words after a name that make it a region rather than a city, though not a country ("the New York border"). */
const BORDER_AFTER = /^(?:border|state line)\b/i;
/** What may separate the items of a list of places. */
const LIST_SEP = /^(?:, (?:and |or )?| and | or | & )$/;

/**
 * Readings the immediate context asks for, over the per-name choice: a name followed by "province" or "governor"
 * is the region ("Murmansk" the oblast, not the city), and an item of a list of regions or countries is one too
 * ("Missouri, New York, North Carolina and Virginia": the state of New York; "Germany, Singapore and Uruguay").
 * A ", Qualifier" ("Paris, Texas") is not a list: its first item is read inside the second.
 */
function readingsFromContext(text: string, resolved: Resolved[]): void {
  const sepOk = (a: Resolved | undefined, b: Resolved | undefined) =>
    a !== undefined &&
    b !== undefined &&
    b.cand.start - a.cand.end <= 6 &&
    LIST_SEP.test(text.slice(a.cand.end, b.cand.start));
  for (let i = 0; i < resolved.length; i++) {
    const r = resolved[i] as Resolved;
    const e = r.entry;
    if (!e || r.entries.length < 2) continue;
    const after14 = text.slice(r.cand.end, r.cand.end + 14).replace(/^ /, '');
    if (e.kind !== 'region' && (REGION_AFTER.test(after14) || (e.kind !== 'country' && BORDER_AFTER.test(after14)))) {
      const region =
        r.entries.find((x) => x.kind === 'region' && x.countryCode === e.countryCode) ??
        // A country has no governor: "GEORGIA GOVERNOR" is the US state, in any country.
        (e.kind === 'country' && GOVERNOR_AFTER.test(after14) ? r.entries.find((x) => x.kind === 'region') : undefined);
      if (region) r.entry = region;
      continue;
    }
    if (e.kind === 'country' && GOVERNOR_OF.test(text.slice(Math.max(0, r.cand.start - 12), r.cand.start))) {
      const region = r.entries.find((x) => x.kind === 'region');
      if (region) {
        r.entry = region;
        continue;
      }
    }
    const prev = resolved[i - 1];
    const next = resolved[i + 1];
    // The qualifier of "Buffalo, New York" or "Mississauga, Ontario" is the region (or country) the place lies in.
    if (prev && e.kind !== 'region' && e.kind !== 'country' && text.slice(prev.cand.end, r.cand.start) === ', ') {
      const q = qualifierReading(r.entries, prev.entry);
      if (q) {
        r.entry = q;
        continue;
      }
    }
    const before = sepOk(prev, r) ? prev : undefined;
    const after = sepOk(r, next) ? next : undefined;
    // Two items joined by a bare comma may be "Place, Qualifier": a list needs "and"/"or" or items on both sides.
    const joined = (a: Resolved, b: Resolved) => text.slice(a.cand.end, b.cand.start) !== ', ';
    const isList =
      (before && after) || (before && joined(before, r)) || (after && joined(r, after as Resolved)) || false;
    if (!isList) continue;
    const sibs = [before?.entry, after?.entry].filter((x): x is GazetteerEntry => !!x);
    if (!sibs.length) continue;
    const kind = sibs[0]?.kind;
    if ((kind !== 'region' && kind !== 'country') || e.kind === kind || sibs.some((x) => x.kind !== kind)) continue;
    const cc = sibs[0]?.countryCode;
    const alt = r.entries.find((x) => x.kind === kind && (kind === 'country' || x.countryCode === cc));
    if (alt) r.entry = alt;
  }
}

/**
 * A name read as a country that is also a first-level region ("Georgia"), in an article where no other name lies in
 * that country but other names read elsewhere have a populated place inside that region ("Albany" ... "Georgia"):
 * the region, and those names the place inside it (a town and its state named apart, as local news does). Names
 * pinned otherwise (a qualifier, a context reading) are read before this and keep a reading inside the region only
 * when they have one. Works in place.
 */
function containedReadings(resolved: Resolved[]): void {
  for (const b of resolved) {
    const e = b.entry;
    if (e?.kind !== 'country') continue;
    const regions = b.entries.filter((x) => x.kind === 'region' && x.countryCode !== e.countryCode);
    if (!regions.length) continue;
    // Another name read inside the country supports the country reading.
    if (resolved.some((r) => r !== b && r.entry && r.entry.kind !== 'country' && r.entry.countryCode === e.countryCode))
      continue;
    for (const region of regions) {
      const inside = (x: GazetteerEntry) =>
        POPULATED_KINDS.has(x.kind) && x.countryCode === region.countryCode && x.admin1 === region.admin1;
      // Only names read as a town of the region's country, in another region, move ("Albany", N.Y. to Albany, Ga.);
      // a big city ("Washington") says nothing of a state.
      const moved = resolved.filter(
        (r) =>
          r !== b &&
          r.entry !== null &&
          POPULATED_KINDS.has(r.entry.kind) &&
          r.entry.population < 500_000 &&
          r.entry.countryCode === region.countryCode &&
          !inside(r.entry) &&
          r.entries.some(inside),
      );
      if (!moved.length) continue;
      const same = b.entries;
      for (const r of resolved)
        if (r.entries === same || r.cand.text === b.cand.text) if (r.entry === e) r.entry = region;
      for (const r of moved) {
        const best = r.entries.filter(inside).sort((x, y) => y.population - x.population)[0];
        if (best) r.entry = best;
      }
      break;
    }
  }
}

/** Words right after a name (possessive or not) that make it a company's: "Piedmont's shares", "a Rainbow spokesman". */
const BUSINESS_AFTER =
  /^(?:['\u2019]s)? (?:shares?|stock|stake|shareholders|stockholders|spokesman|spokeswoman|chairman|merger|subsidiary|directors|management|chief executive|board of directors)\b/i;
/** Last words of a company's name, after its leading words ("Piedmont Aviation Inc", "Santa Fe Southern Pacific Corp"). */
const COMPANY_TAIL =
  /\b(?:corp|corporation|inc|co|cos|ltd|plc|llc|ag|sa|spa|nv|bv|pty|group|holdings?|company|industries|airlines|aviation|bancorp|securities|resources|petroleum|energy|investments|partners)\.?$/i;

/**
 * Folded leading words (one to three) of the article's company names that end in a company word ("Piedmont",
 * "Santa Fe" of "Santa Fe Southern Pacific Corp"): the short name the story uses for the company afterwards.
 */
function organizationHeads(ctx: Context): Set<string> {
  const out = new Set<string>();
  for (const o of ctx.results.entities?.organizations ?? []) {
    for (const m of o.mentions) {
      if (!COMPANY_TAIL.test(m.text)) continue;
      const words = m.text.split(/\s+/);
      if (words.length < 2) continue;
      for (let n = 1; n <= Math.min(3, words.length - 1); n++) out.add(fold(words.slice(0, n).join(' ')));
    }
  }
  return out;
}

/**
 * True when a candidate reads as a company's name: it is the short name of one of the article's companies, or a
 * business word follows it. Never a country's name or a city of a million (a story about "Japan's shares" is
 * about Japan).
 */
function isOrgName(
  text: string,
  c: PlaceCandidate,
  key: string,
  heads: () => ReadonlySet<string>,
  entries: readonly GazetteerEntry[],
): boolean {
  if (
    entries.some(
      (e) => e.kind === 'country' || e.kind === 'continent' || (e.kind === 'city' && e.population >= 1_000_000),
    )
  )
    return false;
  // A first-level region or a city of 100,000 in a company's name is often where the company is ("Kansas Electric
  // Cooperatives Inc"), and a region typed as an organization is often its government ("Ohio sued").
  if (entries.some((e) => e.kind === 'region' || (e.kind === 'city' && e.population >= 100_000))) return false;
  return heads().has(key) || BUSINESS_AFTER.test(text.slice(c.end, c.end + 40).replace(/\s+/g, ' '));
}

/** Words before a name that make a natural feature of it with the name ("Gulf of Mexico", "Lake Ontario"). */
const FEATURE_BEFORE = [
  'Gulf of ',
  'Bay of ',
  'Sea of ',
  'Strait of ',
  'Straits of ',
  'Isle of ',
  'Lake ',
  'Mount ',
  'Gulf of the ',
];

/**
 * The candidate widened to the natural feature the gazetteer names by the words before it ("Gulf of Mexico" for
 * "Mexico", "Lake Ontario" for "Ontario"), kind 'feature' only; null when none.
 */
function featureAround(g: Gazetteer, text: string, c: PlaceCandidate): PlaceCandidate | null {
  if (c.start < 5) return null;
  for (const w of FEATURE_BEFORE) {
    const s = c.start - w.length;
    if (s < 0 || !text.startsWith(w, s)) continue;
    const name = text.slice(s, c.end);
    const top = g.lookup(name)[0];
    if (top && top.kind === 'feature' && fold(top.name) === fold(name))
      return { ...c, start: s, text: name, rule: `${c.rule}+feature` };
  }
  return null;
}

/** True when `code` holds at least half the country evidence, or there is none. */
function agreesWith(countries: ReadonlyMap<string, number>, code: string): boolean {
  let total = 0;
  for (const v of countries.values()) if (v > 0) total += v;
  return total <= 1e-9 || (countries.get(code) ?? 0) >= total / 2;
}

/** The mask of offsets covered by place candidates (resolvePlaces). */
const COVER = new MaskBuffer();
/** The mask of offsets inside people's and organizations' mentions (addDemonymMentions). */
const TYPED = new MaskBuffer();

/** Resolves, groups and scores place candidates; the whole stage's work (exported for tests). */
export function resolvePlaces(ctx: Context, cands: readonly PlaceCandidate[], gaz?: Gazetteer): PlacesResult {
  // The candidate rules are done with this document: their shared mask no longer holds on to it.
  releaseTakenMask();
  const g = gaz ?? getGazetteer(ctx.config);
  const text = ctx.doc.text;
  const suppress = ctx.config.suppress;
  const inScope = cands
    .filter(
      (c) =>
        c.end > c.start && ctx.inScope(c.start) && !(suppress.size && suppress.has(cleanSurface(c.text).toLowerCase())),
    )
    .slice()
    // Of two candidates with the same span, the one with a kind hint ("TORRINGTON —" read as a dateline town).
    .sort((a, b) => a.start - b.start || b.end - a.end || (b.kindHint ? 1 : 0) - (a.kindHint ? 1 : 0));
  // "Mexico" of "the Gulf of Mexico", "Ontario" of "Lake Ontario": the feature the gazetteer names whole.
  for (let i = 0; i < inScope.length; i++) {
    const c = inScope[i] as PlaceCandidate;
    const wider = c.kindHint ? null : featureAround(g, text, c);
    if (wider) inScope[i] = wider;
  }
  inScope.sort((a, b) => a.start - b.start || b.end - a.end || (b.kindHint ? 1 : 0) - (a.kindHint ? 1 : 0));
  // Nested or overlapping candidates ("Lithuania" inside "Republic of Lithuania"): the first, longest one wins.
  for (let i = 1, last = inScope[0]; i < inScope.length; i++) {
    const c = inScope[i] as PlaceCandidate;
    if (last && c.start < last.end) {
      // Except a county inside a longer candidate the gazetteer does not know ("Clarke County Superior Court").
      if (c.rule === 'county' && c.end <= last.end && last.rule !== 'county' && !entriesFor(g, last.text).length) {
        inScope[i - 1] = c;
        last = c;
      }
      inScope.splice(i--, 1);
      continue;
    }
    last = c;
  }
  mergeAbbreviatedPrefixes(text, inScope);
  widenToPrefix(g, text, inScope);
  mergeInitials(g, text, inScope);
  for (let i = 0; i < inScope.length; i++) {
    const c = inScope[i] as PlaceCandidate;
    if (c.rule === 'direction') continue;
    // "South China", "Western Pennsylvania": one place, read as the place after the direction, whole span kept.
    // (A name of one word is no direction and a place: no cleaning for it.)
    if (
      !c.kindHint &&
      c.text.includes(' ') &&
      directionPlace(g, cleanSurface(c.text)) &&
      !entriesFor(g, c.text).length
    ) {
      inScope[i] = { ...c, rule: 'direction' };
      continue;
    }
    const pair = c.kindHint ? null : splitPlacePair(g, c);
    if (pair) {
      inScope.splice(i, 1, ...pair);
      i += pair.length - 1;
      continue;
    }
    const inner = innerPlace(g, c);
    if (inner) inScope[i] = inner;
  }
  const byStart = new Map(inScope.map((c) => [c.start, c]));
  // Surface form and folded key once per candidate.
  const keyOf = new Map<PlaceCandidate, string>();
  const surfaceOf = new Map<PlaceCandidate, string>();
  const folded = new Map<string, string>();
  for (const c of inScope) {
    const surface = cleanSurface(c.text);
    surfaceOf.set(c, surface);
    let k = folded.get(surface);
    if (k === undefined) {
      k = fold(surface);
      folded.set(surface, k);
    }
    keyOf.set(c, k);
  }
  const memo = new Map<string, GazetteerEntry[]>();
  const entriesOf = (c: PlaceCandidate) => {
    // "Swift" of "Swift and Wilkin counties" (countyCandidates, lexical.ts): the county.
    if (c.rule === 'county-list' || c.rule === 'parish-list')
      return entriesFor(g, `${c.text} ${c.rule === 'county-list' ? 'County' : 'Parish'}`, 'region');
    // "Northern Iraq" typed as an organization: the whole span, read as the place after the direction word.
    // Its readings are those of the place after the direction word that are big enough to have parts ("Northeast
    // Georgia": the country or the US state, as the article says).
    if (c.rule === 'direction') {
      const surface = cleanSurface(c.text);
      // A place called so as a whole is that place ("West Virginia", "North Charleston"), not a part of the other.
      const whole = entriesFor(g, surface);
      const own = fold(surface);
      if (whole.some((x) => fold(x.name) === own)) return whole;
      const e = directionPlace(g, surface);
      if (!e) return [];
      const all = entriesFor(g, surface.slice(surface.indexOf(' ') + 1)).filter(
        (x) => BIG_KINDS.has(x.kind) || x.kind === 'city',
      );
      return all.includes(e) ? all : [e];
    }
    const key = `${keyOf.get(c)}\u0000${c.kindHint ?? ''}\u0000${c.text === c.text.toUpperCase()}\u0000${ctx.zoneAt(c.start) === 'dateline'}`;
    let e = memo.get(key);
    if (!e) {
      e = entriesFor(g, c.text, c.kindHint, ctx.zoneAt(c.start) === 'dateline');
      memo.set(key, e);
    }
    // "Kan" of "Kan.": a short capitalised span before a period is read as the abbreviation when that is a name.
    if (text.charCodeAt(c.end) === 46 /* . */ && c.end - c.start <= 5 && !c.text.endsWith('.')) {
      const dotKey = `${key}.`;
      let d = memo.get(dotKey);
      if (!d) {
        d = entriesFor(g, `${c.text}.`, c.kindHint);
        memo.set(dotKey, d);
      }
      if (d.length) return d;
    }
    return e;
  };
  const common = new Map<string, boolean>();
  const isCommon = (c: PlaceCandidate) => {
    const k = keyOf.get(c) ?? '';
    let v = common.get(k);
    if (v === undefined) {
      v = isCommonWordPlace(k);
      common.set(k, v);
    }
    return v;
  };

  // The short names of the article's companies, read only when a candidate gets that far (most do not).
  let orgHeads: Set<string> | null = null;
  const companyHeads = () => {
    orgHeads ??= organizationHeads(ctx);
    return orgHeads;
  };
  const resolved: Resolved[] = [];
  for (const c of inScope) {
    const entries = entriesOf(c);
    const q = qualifierOf(text, c, byStart);
    if (entries.length && isCommon(c) && !commonWordHasCue(ctx, c, q !== null)) continue;
    // A company's short name ("Piedmont" of "Piedmont Aviation Inc", "Piedmont's shares") is not a place unless a
    // cue says so.
    if (
      entries.length &&
      !c.kindHint &&
      isOrgName(text, c, keyOf.get(c) ?? '', companyHeads, entries) &&
      !commonWordHasCue(ctx, c, q !== null, STRICT_LOCATIVE)
    )
      continue;
    // A saint's name with a possessive is a church's, a school's or a feast's ("St. Michael's Catholic School", "St.
    // Patrick's Day"), not a place called after the saint.
    if (SAINT_PREFIX.test(c.text) && isPossessiveAfter(text, c.end) && saintsInstitution(text, c.end + 2)) continue;
    // An all-capital word naming only small towns ("COCOA", "GILLETTE" in a headline) is a company or a
    // commodity far more often than a town; it needs a qualifier or a locative cue.
    if (entries.length && isSmallTownCaps(c, entries) && !commonWordHasCue(ctx, c, q !== null)) continue;
    // "West Nile virus", "Lyme disease", "Rift Valley fever", "Ebola": a disease named after a place, not the place.
    if (!c.kindHint && (diseaseAfter(text, c.end) || (!entries.length && PATHOGENS.has(keyOf.get(c) ?? '')))) continue;
    if (!c.kindHint && carModel(text, c, entries)) continue;
    resolved.push({ cand: c, entries, entry: null });
  }

  // Country evidence: unambiguous names, then demonyms.
  const mask = COVER.zeroed(text.length + 1);
  for (const c of inScope) mask.fill(1, c.start, Math.min(c.end, text.length));
  const covered = (offset: number) => mask[offset] === 1;
  const areaDemonyms: AreaDemonymHit[] = [];
  const demonyms = scanDemonyms(ctx, g, covered, ctx.options.demonymPlaces ? areaDemonyms : undefined);
  // Evidence per name (folded surface), so that a name's own mentions never vote for its own reading.
  const names = new Map<string, ArticleName>();
  for (const r of resolved) {
    const k = keyOf.get(r.cand) ?? '';
    let n = names.get(k);
    if (!n) {
      n = { entries: r.entries, count: 0, dateline: false, clear: clearVote(r.entries), vote: null };
      names.set(k, n);
    }
    n.count++;
    if (!n.dateline && ctx.zoneAt(r.cand.start) === 'dateline') n.dateline = true;
  }
  const evidence = { countries: new Map<string, number>(), regions: new Map<string, number>() };
  for (const d of demonyms) evidence.countries.set(d.code, (evidence.countries.get(d.code) ?? 0) + 0.5);
  // Regions named inside the article's organization names ("Minnesota State Chess Association") say where the story
  // is: half a region vote each, unless the article also names a place so (the "Delta Police" of Delta, B.C., is no
  // vote for Delta State, Nigeria).
  const orgVotes = orgRegionVotes(orgRegionEntries(ctx, g), names);
  for (const v of orgVotes) addVote(evidence, v, ORG_REGION_VOTE);
  for (const n of names.values()) {
    n.vote = n.clear;
    if (n.vote) addVote(evidence, n.vote, n.count);
  }
  const soft = softRegionVotes([...names.values()].map((n) => n.entries));

  // One reading per name in the article: choose once per folded surface (and qualifier). The qualifier and the
  // choice key of each mention are found once, for both passes.
  const quals = resolved.map((r) => qualifierOf(text, r.cand, byStart));
  const choiceKeys = resolved.map((r, i) => {
    const q = quals[i];
    return `${keyOf.get(r.cand)}\u0000${r.cand.kindHint ?? ''}\u0000${q ? keyOf.get(q) : ''}`;
  });
  const chooseAll = (ev: typeof evidence, again: boolean) => {
    const chosen = new Map<string, GazetteerEntry | null>();
    const without = new Map<ArticleName, typeof evidence>();
    const totalsOf = new Map<typeof evidence, EvidenceTotals>();
    for (let i = 0; i < resolved.length; i++) {
      const r = resolved[i] as Resolved;
      // A name with one entry reads the same in every pass.
      if (again && r.entries.length < 2) continue;
      const q = quals[i];
      const key = choiceKeys[i] as string;
      if (!chosen.has(key)) {
        const n = names.get(keyOf.get(r.cand) ?? '') as ArticleName;
        // A name's own votes count for its reading only when the rest of the article agrees on the country:
        // "Virginia" among Pennsylvania towns is the state, "Palestine" among Texas towns is not the territories.
        let own = ev;
        if (n.vote?.country && r.entries.length > 1) {
          let rest = without.get(n);
          if (!rest) {
            rest = { countries: new Map(ev.countries), regions: new Map(ev.regions) };
            addVote(rest, n.vote, -n.count);
            if (agreesWith(rest.countries, n.vote.country)) rest = ev;
            without.set(n, rest);
          }
          own = rest;
        }
        let totals = totalsOf.get(own);
        if (!totals) {
          totals = evidenceTotals(own);
          totalsOf.set(own, totals);
        }
        const qEntries = q ? entriesOf(q) : undefined;
        chosen.set(
          key,
          chooseEntry(r.entries, {
            countries: own.countries,
            regions: own.regions,
            totals,
            qualifier: qEntries,
            soft: { votes: soft.votes, own: soft.own.get(n.entries), total: soft.total },
          }),
        );
      }
      r.entry = chosen.get(key) ?? null;
    }
    // A name read with a qualifier once ("Paris, Texas") keeps that reading when it recurs alone.
    const qualified = new Map<string, GazetteerEntry>();
    for (let i = 0; i < resolved.length; i++) {
      const r = resolved[i] as Resolved;
      if (r.entry && quals[i]) qualified.set(keyOf.get(r.cand) ?? '', r.entry);
    }
    if (!qualified.size) return;
    for (const r of resolved) {
      const q = qualified.get(keyOf.get(r.cand) ?? '');
      if (q && r.entries.includes(q)) r.entry = q;
    }
  };
  chooseAll(evidence, false);
  // Second pass: the ambiguous names vote for their first readings ("Georgia" read as the US state in a story
  // about Texas and Georgia makes "Atlanta" the one in Georgia), and each name is read again.
  if (names.size > 1) {
    const reading = new Map<ArticleName, GazetteerEntry>();
    for (const r of resolved) {
      const n = names.get(keyOf.get(r.cand) ?? '') as ArticleName;
      if (r.entry && !reading.has(n)) reading.set(n, r.entry);
    }
    let changed = false;
    const second = { countries: new Map<string, number>(), regions: new Map<string, number>() };
    for (const d of demonyms) second.countries.set(d.code, (second.countries.get(d.code) ?? 0) + 0.5);
    for (const v of orgVotes) addVote(second, v, ORG_REGION_VOTE);
    for (const n of names.values()) {
      const e = reading.get(n);
      if (e && n.entries.length > 1) {
        const c = n.clear;
        const agrees =
          c !== null &&
          (!c.country || c.country === e.countryCode) &&
          (!c.region || c.region === `${e.countryCode}.${e.admin1}`);
        if (!agrees) {
          n.vote = readingVote(e, n.dateline);
          changed = true;
        }
      }
      if (n.vote) addVote(second, n.vote, n.count);
    }
    if (changed) chooseAll(second, true);
  }
  // A region abbreviation found by its own rule that the article does not support ("BC" of a Canada-less story,
  // "WA" as initials) is no place; one the tagger typed keeps its name as before.
  for (let i = resolved.length - 1; i >= 0; i--) {
    const r = resolved[i] as Resolved;
    if (!r.entry && r.cand.rule === 'region-abbreviation' && needsCountry(r.entries)) resolved.splice(i, 1);
  }
  readingsFromContext(text, resolved);
  containedReadings(resolved);
  // Shared county names ("Henry County") read by the article's towns near one of them (src/gazetteer/counties.ts).
  // Then towns read by the places the article fixes ("Richmond ... other parts of London"): colocate.ts. One grouping
  // of the mentions by name for both; a dateline pins a town for the second only.
  colocateMentions(
    resolved,
    (r) => keyOf.get(r.cand) ?? '',
    (r) => qualifierOf(text, r.cand, byStart) !== null,
    (names) => {
      if (names.some((n) => n.entry !== null && isUsCounty(n.entry))) colocateCounties(names);
      for (const n of names) if (n.dateline) n.pinned = true;
      colocateTowns(names);
    },
    (r) => ctx.zoneAt(r.cand.start) === 'dateline',
  );

  // Group mentions by place.
  const groups = new Map<string, PlaceGroup>();
  for (const r of resolved) {
    const e = r.entry;
    const key = e
      ? e.geonameId !== null
        ? `id:${e.geonameId}`
        : `gz:${e.countryCode}:${fold(e.name)}`
      : `name:${keyOf.get(r.cand)}`;
    let grp = groups.get(key);
    if (!grp) {
      grp = {
        key,
        entry: e,
        name: e ? e.name : surfaceOf.get(r.cand) || r.cand.text,
        kind: e ? e.kind : (r.cand.kindHint ?? 'other'),
        mentions: [],
      };
      groups.set(key, grp);
    }
    if (!grp.mentions.some((m) => m.start === r.cand.start && m.end === r.cand.end)) {
      grp.mentions.push({ start: r.cand.start, end: r.cand.end, text: r.cand.text, zone: ctx.zoneAt(r.cand.start) });
    }
  }

  // Demonyms as mentions of their country ("Russian troops"): after the readings, so they never vote twice (they
  // already count as country evidence above) and never change a name's reading.
  const demonymMentions = ctx.options.demonymPlaces
    ? addDemonymMentions(ctx, g, [...demonyms, ...areaDemonyms], groups)
    : null;

  const maxCount = Math.max(1, ...[...groups.values()].map((g2) => weightedCount(g2.mentions, demonymMentions)));
  const ids = new Set<string>();
  const places: Place[] = [];
  for (const grp of groups.values()) {
    const e = grp.entry;
    const cc = e ? e.countryCode : null;
    const base = placeId(grp.name, e ? e.geonameId : null, cc, e?.admin1);
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    places.push({
      id,
      name: grp.name,
      kind: grp.kind,
      countryCode: cc,
      geonameId: e ? e.geonameId : null,
      lat: e ? e.lat : null,
      lon: e ? e.lon : null,
      mentions: grp.mentions,
      salience: salienceOf(ctx, grp.mentions, maxCount, demonymMentions),
    });
  }
  places.sort((a, b) => b.salience - a.salience || (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
  // Focus weighs demonyms by its own rules (a demonym late in a story about another country does not count): it
  // reads the places as named, without the demonym mentions.
  const named = demonymMentions?.size
    ? places
        .map((p) => ({ ...p, mentions: p.mentions.filter((m) => !demonymMentions.has(m)) }))
        .filter((p) => p.mentions.length > 0)
    : places;
  const focus = computeFocus(ctx, named, demonyms, scanCues(ctx, covered));
  return { places, focus };
}

/**
 * Adds each in-scope demonym (scanDemonyms: not inside a place candidate) to its country's group, creating the
 * group when the article names the country only by demonyms. Skipped: a demonym inside a person's or an
 * organization's mention ("Anglo American", "Indians" the club), one the user suppresses (a language or a set phrase
 * is no demonym hit at all: scanDemonyms). Returns the mentions added (for focus, which weighs demonyms by its own rules).
 */
function addDemonymMentions(
  ctx: Context,
  g: Gazetteer,
  demonyms: readonly (DemonymHit | AreaDemonymHit)[],
  groups: Map<string, PlaceGroup>,
): Set<Mention> {
  const added = new Set<Mention>();
  if (!demonyms.length) return added;
  const text = ctx.doc.text;
  // The characters inside a person's or an organization's mention (a mask: one pass, however many demonyms).
  const typed = TYPED.zeroed(text.length + 1);
  const ent = ctx.results.entities;
  for (const list of [ent?.people, ent?.organizations])
    for (const x of list ?? []) for (const m of x.mentions) typed.fill(1, m.start, Math.min(m.end, text.length));
  const inTyped = (d: { start: number; end: number }) => {
    for (let i = d.start; i < d.end; i++) if (typed[i] === 1) return true;
    return false;
  };
  const touched = new Set<PlaceGroup>();
  for (const d of demonyms) {
    if (inTyped(d)) continue;
    const surface = text.slice(d.start, d.end);
    if (ctx.config.suppress.has(surface.toLowerCase())) continue;
    const e = 'place' in d ? d.place : g.country(d.code);
    if (!e) continue;
    const key = e.geonameId !== null ? `id:${e.geonameId}` : `gz:${e.countryCode}:${fold(e.name)}`;
    let grp = groups.get(key);
    if (!grp) {
      grp = { key, entry: e, name: e.name, kind: e.kind, mentions: [] };
      groups.set(key, grp);
    }
    const m: Mention = { start: d.start, end: d.end, text: surface, zone: ctx.zoneAt(d.start) };
    grp.mentions.push(m);
    added.add(m);
    touched.add(grp);
  }
  for (const grp of touched) grp.mentions.sort((a, b) => a.start - b.start);
  return added;
}

/** A place's mentions while they are grouped (resolvePlaces). */
interface PlaceGroup {
  key: string;
  entry: GazetteerEntry | null;
  name: string;
  kind: PlaceKind;
  mentions: Mention[];
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Every occurrence of a user place's name or alias (`config.places`) in the text, as candidates: a newsroom's own
 * villages are found whether or not the entity stage proposes them. Exact spelling, whole words.
 */
export function userPlaceCandidates(ctx: Context): PlaceCandidate[] {
  const places = ctx.config.places ?? [];
  if (!places.length) return [];
  const text = ctx.doc.text;
  const out: PlaceCandidate[] = [];
  for (const p of places) {
    for (const name of [p.name, ...(p.aliases ?? [])]) {
      const n = name.trim();
      if (!n) continue;
      for (let at = text.indexOf(n); at >= 0; at = text.indexOf(n, at + 1)) {
        if (isWordChar(text[at - 1]) || isWordChar(text[at + n.length])) continue;
        const c: PlaceCandidate = { start: at, end: at + n.length, text: n, rule: 'user-place' };
        if (p.kind) c.kindHint = p.kind;
        out.push(c);
      }
    }
  }
  return out;
}

/** The participle of "Nashville-based", "Hong Kong-listed", "Amman-bound" after its hyphen. */
const GLUED =
  /-(?:based|bound|listed|registered|headquartered|area|led|backed|brokered|sponsored|funded|owned|controlled|dominated|flagged|bashing)\b/g;
/** Participles after a town's name too ("Northbrook-based", "Gainesville-area"), not only a well-known place's. */
const GLUED_LOCAL = /^-(?:based|headquartered|area)$/;
const GLUED_BIG: ReadonlySet<PlaceKind> = new Set(['country', 'region', 'continent']);
const isNameChar = (c: string | undefined) => c !== undefined && /[\p{L}.'\u2019]/u.test(c);

/**
 * The start offsets of up to three capitalised words ending at `end` ("Hong Kong" before "-listed"), last word
 * first; scanned backwards by hand (a regex over the words would be polynomial on long runs of capitals).
 */
function wordStartsBefore(text: string, end: number): number[] {
  const starts: number[] = [];
  let at = end;
  while (starts.length < 3) {
    let i = at;
    while (i > 0 && at - i < 30 && isNameChar(text[i - 1])) i--;
    if (i === at || !/\p{Lu}/u.test(text[i] ?? '')) break;
    starts.push(i);
    if (text[i - 1] !== ' ') break;
    at = i - 1;
  }
  return starts;
}

/**
 * Place candidates the name tagger leaves inside a hyphenated word ("Nashville-based", "U.S.-based"): the name
 * before the hyphen when the gazetteer reads it as a country, region or city of 100,000, longest first ("Hong
 * Kong", not "Kong"; never "The Boston"). Nothing that overlaps a person or an organization. Not "-born": news
 * corpora leave "Dublin-born" untagged.
 */
export function gluedPlaceCandidates(ctx: Context): PlaceCandidate[] {
  const text = ctx.doc.text;
  if (!text.includes('-')) return [];
  const g = getGazetteer(ctx.config);
  const ents = ctx.results.entities;
  const taken = (start: number, end: number) =>
    !!ents &&
    [...ents.people, ...ents.organizations].some((e) => e.mentions.some((m) => m.start < end && start < m.end));
  const out: PlaceCandidate[] = [];
  for (const m of text.matchAll(GLUED)) {
    const end = m.index ?? 0;
    for (const start of wordStartsBefore(text, end).reverse()) {
      const name = text.slice(start, end);
      if (/^the /i.test(name)) continue;
      const top = entriesFor(g, name)[0];
      // "-area", "-based" follow a town's name ("Gainesville-area dealers", "Northbrook-based Crate & Barrel", spelled
      // as the gazetteer spells it, no common word: "Faith-based"); the others a well-known place's ("U.S.-led").
      const local =
        GLUED_LOCAL.test(m[0]) &&
        (top?.kind === 'city' || top?.kind === 'town') &&
        fold(top.name) === fold(name) &&
        !isCommonWord(name.toLowerCase());
      if (!top || !(local || GLUED_BIG.has(top.kind) || (top.kind === 'city' && top.population >= 100_000))) continue;
      if (isCommonWordPlace(name) || taken(start, end)) break;
      out.push({ start, end, text: name, rule: 'glued' });
      break;
    }
  }
  return out;
}

/** The places stage (DESIGN.md §3): needs the entity stage's place candidates. */
export const placesStage: Stage<'places', PlaceCandidate> = {
  name: 'places',
  needs: ['entities'],
  extractors: [
    (ctx) => ctx.results.entities?.placeCandidates ?? [],
    userPlaceCandidates,
    gluedPlaceCandidates,
    orgPlaceCandidates,
    personPlaceCandidates,
    capsDatelineCandidates,
    countyCandidates,
    partyPlaceCandidates,
    countryNameCandidates,
    dottedCountryCandidates,
    connectedPlaceCandidates,
    regionAbbreviationCandidates,
    cuedTownCandidates,
    placePairCandidates,
  ],
  refiners: [],
  finalize: (ctx, items) => resolvePlaces(ctx, items),
};

/** Drops trailing , ; : characters (a loop: a regex anchored at the end is polynomial on long runs). */
function trimTrailingPunct(s: string): string {
  let e = s.length;
  while (e > 0 && (s[e - 1] === ',' || s[e - 1] === ';' || s[e - 1] === ':')) e--;
  return s.slice(0, e);
}

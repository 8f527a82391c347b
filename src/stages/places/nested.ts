/**
 * Places named inside organization names: "Texas" of "Texas Forest Service", "Cincinnati" of "University of
 * Cincinnati", "Athens" of "Athens Police Department". A CMS wants the Texas facet for a Texas Forest Service story,
 * and news geoparsing corpora (GeoWebNews, LGL) annotate these modifier toponyms. The organization keeps its whole
 * span; the place is proposed as a candidate of its own, nested inside it.
 *
 * Only readings the gazetteer is sure of are proposed: a country, first-level region or continent; a city of
 * 100,000 people; or, in a civic body named after its town ("Athens Police Department", "Paris Public Library"),
 * any town. Never a demonym, a common word ("Mobile", "Reading"), a name right before a word that makes it a place
 * of its own kind ("Madison" of "Madison County", "Washington Square"), nor inside a club's, a newspaper's or a
 * company's name, nor a first name or a saint's. US counties ("Madison County" of "Madison County Health
 * Department") are proposed by countyCandidates (lexical.ts), by the same option, not here.
 *
 * The whole name is the tagger's typing, handled apart: an organization-typed name that is a place by its context
 * ("in Gainesville", "Hamilton, Ohio") or a direction + place ("Northern Iraq", "East Texas") is proposed whole, and
 * so is one the article names as a place elsewhere or a one-word state or big city outside sports stories
 * (senseOfOrg).
 *
 * The nested mentions are ordinary `places[]` mentions (no schema field marks them). By default only a civic or
 * educational body's town or state is emitted (rule 'in-org-civic', see CIVIC_BODY): CoNLL-2003 marks no place
 * inside an ORG name, and the places issue requires CoNLL dev LOC F1 not to fall, which every nested place would
 * cost (0.939 without them, 0.930 with all); the rest (clubs', companies', national bodies': rule 'in-org') come
 * with `placesInNames: true`; `false` emits none.
 */
import { fold, type Gazetteer, type GazetteerEntry, getGazetteer, isCommonWordPlace } from '../../gazetteer/index.js';
import type { Context, PlaceCandidate } from '../../pipeline/types.js';
import type { OrganizationKind, PlaceKind } from '../../schema.js';
import { detached } from '../../text/normalize.js';
import { isGivenName } from '../entities/lexicon.js';
import { nameLists } from '../entities/lists.js';
import { personWords } from './lexical.js';
import { cleanSurface, entriesFor } from './resolve.js';

/** A word right after a town's name that makes the name a civic body's ("Athens Police", "Paris Public Library"). */
const CIVIC_NEXT =
  /^(?:police|sheriff|sheriff's|sheriff\u2019s|fire|city|town|village|township|public|municipal|council|library|chamber|mayor|mayor's|high|board|parks|housing|water|utilities|courthouse|school|schools)$/i;
/** A word before "of" that makes the name after it a place's ("University of Cincinnati", "City of Paris"). */
const OF_HEAD =
  /^(?:university|college|city|town|village|township|county|state|commonwealth|province|republic|kingdom|government|mayor|bank|port|diocese|archdiocese|bishop|archbishop)$/i;
/** Words that are never (part of) a nested place name, beside the name lists' organization keywords and titles. */
const NEVER =
  /^(?:police|fire|university|college|school|academy|superior|metro|court|department|dept|hospital|center|centre|council|library|museum|church|society|club|association|foundation|commission|board|office|service|services|agency|authority|institute|district|union|ministry|drug|news|times|post|daily|radio|press|star|herald|tribune|journal|hall|house|park|memorial|community|state|federal|national|royal|general|united|regional|public|international|world|global|first|vice|deputy|commerce|law|gold|enterprise|surprise|vista|centennial|liberty|independence|unity|hope|heritage|justice|progress|opportunity|man|northeast|northwest|southeast|southwest|midland)$/i;
/**
 * Given names that name a town or city somewhere: in an organization's name they are a person's ("Mary Walker",
 * "Lee School Association"), unless the name is a civic body's ("Austin Police Department"). Folded.
 */
const GIVEN_NAMES: ReadonlySet<string> = new Set(
  'mary patrick norman tyler lee chandler douglas marion florence austin eugene lincoln jackson franklin clinton madison warren victoria nigel'.split(
    ' ',
  ),
);

/** Last words of a sports club named after its town ("Bristol Rovers", "Manchester City", "Queens Park Rangers"). */
const TEAM_LAST =
  /^(?:city|united|rovers|wanderers|athletic|albion|rangers|wednesday|hotspur|villa|forest|town|county|fc|afc|sc|olympic|argyle|orient|alexandra|stanley|academical|thistle|rovers)$/i;
/** First words of a sports club's name before its town ("Real Madrid", "AC Milan", "OFK Beograd"). */
const TEAM_FIRST =
  /^(?:real|ac|fc|afc|ofk|sk|sv|vfb|vfl|fk|nk|ks|cf|cd|ud|rc|as|ss|us|inter|atletico|atl\u00e9tico|athletic|sporting|dynamo|dinamo|spartak|cska|lokomotiv|olympique|racing|deportivo|borussia|bayer|hertha|eintracht|partizan|hapoel|maccabi|galatasaray|ajax|feyenoord|standard|union|rapid|red|young|sc|tsv|fsv|sg|hansa|internazionale|sparta|slavia|dukla|legia|zenit|torpedo|steaua|vitesse|fortuna|alemannia|kickers)$/i;

/**
 * A sports club named after its town, whose name carries no annotated place in news corpora: "<Place> <Plural
 * nickname>" ("Seattle Mariners", "Boston Red Sox", "Chicago White Sox"), "<Place> City|United|Rovers|..."
 * ("Bristol City"), "<Club word> <Place>" ("Real Madrid", "AC Milan"). `words` are the organization's words; the
 * place is words[i..j].
 */
function isTeamName(words: readonly Word[], i: number, j: number, keywords: ReadonlySet<string>): boolean {
  if (i > 0 && TEAM_FIRST.test(words[i - 1]?.text ?? '') && j === words.length - 1) return true;
  if (i !== 0) return false;
  const rest = words.slice(j + 1);
  if (!rest.length || rest.length > 2) return false;
  const last = rest[rest.length - 1] as Word;
  if (rest.length === 1 && TEAM_LAST.test(last.text)) return true;
  if (rest.length === 2 && /^park$/i.test(rest[0]?.text ?? '') && TEAM_LAST.test(last.text)) return true;
  // A plural nickname, not an organization keyword ("Mariners", "Red Sox"; not "Industries", "Services").
  return (
    rest.every((w) => isCapWord(w.text)) &&
    /(?:s|sox)$/i.test(last.text) &&
    !/(?:ss|ies|ices|ers')$/i.test(last.text) &&
    !rest.some((w) => keywords.has(bare(w.text)) || NEVER.test(bare(w.text)))
  );
}

/** Last words of a newspaper's or news bureau's name. */
const MEDIA_LAST =
  /^(?:post|daily|times|herald|tribune|journal|gazette|telegraph|observer|chronicle|globe|mail|express|courier|bulletin|register|sentinel|bureau|dispatch|enquirer|inquirer|examiner|independent|star-ledger|news|newspaper|radio|tv|television)$/i;

/**
 * Organization kinds whose names are not read for a nested place: newspapers and clubs ("Los Angeles Times",
 * "Toronto Blue Jays") carry none in news corpora; companies ("Air France", "Bank of Canada") are left out to keep
 * CoNLL-style LOC precision (CoNLL marks the whole name ORG only).
 */
const SKIP_KINDS: ReadonlySet<OrganizationKind> = new Set(['media', 'sports', 'company']);

/**
 * The default subset (`placesInNames` unset): a civic or educational body named after its town or state is a place
 * reference ("Athens Police Department", "Ohio Department of Development", "University of Cincinnati", "City of
 * Norfolk"); a club, a company, a party or a national body named after its country ("U.S. Senate", "Russian
 * Foreign Ministry", "Air France") is a brand, and so is any name read after a club's word ("Bayern Munich", "PSV
 * Eindhoven"). So: the place is a town, city or first-level region (no country, no continent), it opens the name
 * (after at most a direction word: "North Charleston Police") and a civic body's word follows it in the name, or it
 * comes after "<civic head> of"; the name holds no brand word. CoNLL-2003 marks none of these nested places (each is
 * a LOC false positive there), but news geoparsing corpora (LGL, GeoWebNews) mark nearly all, and most of the
 * places gain comes from this subset at almost no CoNLL LOC cost (docs/ACCURACY.md).
 */
const CIVIC_BODY =
  /^(?:police|sheriff|fire|city|town|village|township|county|municipal|council|councils|mayor|public|library|parks|recreation|transit|housing|water|utilities|courthouse|court|courts|district|board|school|schools|high|elementary|middle|hospital|medical|regional|airport|port|chamber|chambers|commission|commissioners|department|dept|senate|house|assembly|legislature|guard|highway|patrol|attorney|governor|gov|senator|manager|cabinet|agency|authority|bureau|office|turnpike|regents|superior|supreme|jail|corrections|rescue|ems|clerk|treasurer|prosecutor|government|administration|service|elections|museum|zoo|university|college|community)$/i;
/**
 * A civic head before "of" in the default subset ("City of Norfolk", "University of Georgia", "State of Illinois"),
 * beside CIVIC_BODY's words ("Board of Education of Charleston County", "High School of Louisville").
 */
const CIVIC_OF =
  /^(?:city|town|village|township|county|state|commonwealth|province|port|mayor|government|governor|university|college)$/i;
/** Words that make a name a brand's (a market, a company, a club, a newspaper) whatever civic word it holds. */
const BRAND_WORD =
  /^(?:exchange|stock|stocks|market|markets|trade|trading|options|futures|desk|bond|bonds|commodities|commodity|interbank|securities|bank|banco|insurance|life|pool|corp|corporation|co|inc|ltd|plc|llc|group|holdings|airlines|airways|air|journal|club|team|editorial)$/i;
/** Direction words that may come before the place at the start of a civic body's name ("North Charleston Police"). */
const LEAD_DIRECTION =
  /^(?:north|south|east|west|northern|southern|eastern|western|central|northeast|northwest|southeast|southwest|northeastern|northwestern|southeastern|southwestern)$/i;
/**
 * Place kinds of the default subset: a body named after a country or continent is a national or international one
 * (but a country's name that is also a first-level region's, as "Georgia", is read as the region there).
 */
const CIVIC_PLACE_KINDS: ReadonlySet<PlaceKind> = new Set(['region', 'city', 'town', 'village']);
/** Organization kinds never in the default subset (beside SKIP_KINDS): parties and international bodies are brands. */
const BRAND_KINDS: ReadonlySet<OrganizationKind> = new Set(['party', 'international']);

/** The rules of a nested candidate: in the default (civic) subset, or only with `placesInNames: true`. */
const RULE_CIVIC = 'in-org-civic';
const RULE_OTHER = 'in-org';

/**
 * Whether the place words[i..j] of an organization name is a civic or educational body's town or state (see
 * CIVIC_BODY's comment); `entries` are the place's readings, best first.
 */
function isCivicBody(words: readonly Word[], i: number, j: number, entries: readonly GazetteerEntry[]): boolean {
  const top = entries[0];
  if (!top) return false;
  if (!CIVIC_PLACE_KINDS.has(top.kind)) {
    const f = fold(top.name);
    if (top.kind !== 'country' || !entries.some((e) => e.kind === 'region' && fold(e.name) === f)) return false;
  }
  for (const w of words) if (BRAND_WORD.test(bare(w.text))) return false;
  if (i === 0 || (i === 1 && LEAD_DIRECTION.test((words[0] as Word).text))) {
    for (let k = j + 1; k < words.length; k++) if (CIVIC_BODY.test(bare((words[k] as Word).text))) return true;
  }
  if (i < 2 || words[i - 1]?.text !== 'of') return false;
  const head = bare(words[i - 2]?.text ?? '');
  return CIVIC_OF.test(head) || CIVIC_BODY.test(head);
}

/** Kinds read in any organization; populated places need a city of this size (outside civic bodies). */
const BIG_KINDS: ReadonlySet<PlaceKind> = new Set(['country', 'region', 'continent']);
const BIG_CITY = 100_000;

/** Words after a name that make the name a place of its own kind (not in the gazetteer as such). */
const OWN_HEAD =
  /^(?:county|counties|parish|township|borough|street|st|avenue|ave|road|rd|drive|boulevard|lane|square|river|creek|lake|island|islands|valley|mountain|mountains|hill|hills|bay|beach|harbor|harbour|heights|falls|springs)$/i;

/**
 * Direction words that make a name of their own with the place after them ("Northern Iraq", "East Texas", "Metro
 * Vancouver"): such an organization-typed name is a place as a whole, read as the place after the direction.
 */
const DIRECTION =
  /^(?:north|south|east|west|northern|southern|eastern|western|central|upper|lower|greater|northeast|northwest|southeast|southwest|northeastern|northwestern|southeastern|southwestern|mid|metropolitan|metro|downtown|inner)$/i;

/** Head words of US county names, which placesInName leaves to countyCandidates (lexical.ts). */
const COUNTY_WORD = /^(?:county|parish|borough)$/i;

/** Lower-case words inside a place name ("Isle of Wight", "Trinidad and Tobago"). */
const CONNECTOR = /^(?:of|and|de|del|la|le|on|upon|am|an|the)$/;

/** First words of place names that are no place alone. */
const PREFIX_WORD = /^(?:st|st\.|saint|mount|mt\.?|fort|ft\.?|port|lake|san|santa|los|las|el|la|le)$/i;

/** Words that never start a nested place ("The", "New" alone, lower-case words). */
const NOT_FIRST = /^(?:the|a|an|of|and|for|new|north|south|east|west|central|upper|lower|greater|united|national)$/i;

interface Word {
  start: number;
  end: number;
  text: string;
}

/** The words of an organization name with offsets, split at spaces, hyphens and slashes. */
function wordsOf(text: string, base: number): Word[] {
  const out: Word[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && (text[i] === ' ' || text[i] === '-' || text[i] === '/' || text[i] === '\u2013')) i++;
    const s = i;
    while (i < n && text[i] !== ' ' && text[i] !== '-' && text[i] !== '/' && text[i] !== '\u2013') i++;
    if (i > s) {
      // Trailing punctuation and a possessive stay out of the word ("Georgia's", "Ohio,").
      let e = i;
      while (e > s && /[,;:)"\u201d]/.test(text[e - 1] as string)) e--;
      const w = text.slice(s, e);
      const poss = /['\u2019]s$/.exec(w);
      if (poss) e -= poss[0].length;
      if (e > s) out.push({ start: base + s, end: base + e, text: text.slice(s, e) });
    }
  }
  return out;
}

const isCapWord = (w: string) => {
  const c = w.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(w);
};

/** Lower-case words that stop or exclude a nested place: organization keywords, titles and roles (name lists). */
let stopWords: { keywords: ReadonlySet<string>; titles: ReadonlySet<string> } | null = null;
function lists(): { keywords: ReadonlySet<string>; titles: ReadonlySet<string> } {
  if (!stopWords) {
    const L = nameLists();
    stopWords = { keywords: new Set(L.orgKeywords.keys()), titles: new Set([...L.titles, ...L.roles]) };
  }
  return stopWords;
}

const bare = (w: string) => w.toLowerCase().replace(/\.$/, '');

/**
 * The nested place candidates of one organization name (`name`), offsets relative to it. Scans its words left to
 * right, longest run first (up to four words); stops at a title or role ("Paris Police Department Sgt. Ricky
 * Watson": what follows is a person).
 */
export function placesInName(g: Gazetteer, name: string): PlaceCandidate[] {
  if (name.length > 120) return [];
  const words = wordsOf(name, 0);
  if (words.length < 2 || words.length > 10) return [];
  const { keywords, titles } = lists();
  // Per word, once: capitalised; usable inside a place name (capitalised or a connector, and no organization word,
  // title or role).
  const cap: boolean[] = [];
  const usable: boolean[] = [];
  let any = false;
  for (const w of words) {
    const c = isCapWord(w.text);
    const b = bare(w.text);
    const u = (c || CONNECTOR.test(w.text)) && !NEVER.test(b) && !keywords.has(b) && !titles.has(b);
    cap.push(c);
    usable.push(u);
    if (c && u) any = true;
  }
  if (!any) return [];
  // A newspaper or news bureau named after its town ("Jakarta Post", "China Daily", "Reuters Ottawa Bureau").
  if (MEDIA_LAST.test((words[words.length - 1] as Word).text)) return [];
  // A whole name the gazetteer knows ("KANSAS CITY" typed as an organization): a place or a club, no nested place.
  if (g.lookup(name).length) return [];
  const out: PlaceCandidate[] = [];
  for (let i = 0; i < words.length; i++) {
    const first = words[i] as Word;
    if (i > 0 && titles.has(bare(first.text))) break;
    if (!cap[i] || !usable[i] || NOT_FIRST.test(first.text)) continue;
    // "New" right before is part of another name ("New England" is not England); "St." a saint's ("St. Mary").
    if (i > 0 && /^(?:new|st\.?|saint|san|santa|ste?\.?)$/i.test(words[i - 1]?.text ?? '')) continue;
    let found: PlaceCandidate | null = null;
    for (let n = Math.min(3, words.length - i); n >= 1 && !found; n--) {
      if (n === words.length) continue; // the whole name: the tagger's typing, not a nested place
      const last = words[i + n - 1] as Word;
      if (!cap[i + n - 1]) continue;
      // A county ("Madison County Health Department"): countyCandidates (lexical.ts) proposes those, by its rules.
      if (n > 1 && COUNTY_WORD.test(last.text)) continue;
      let bad = false;
      for (let k = i; k < i + n && !bad; k++) bad = !usable[k];
      if (bad) continue;
      // "Mount", "Fort", "St." start a name ("Mount Pleasant"), never one alone.
      if (n === 1 && PREFIX_WORD.test(first.text)) continue;
      const sub = name.slice(first.start, last.end);
      // Separated by a hyphen or slash inside the run: not one name ("Paris-Henry").
      if (n > 1 && /[-/\u2013]/.test(sub)) continue;
      const letters = sub.replace(/[^\p{L}]/gu, '').length;
      if (letters < 2 || (letters < 3 && !sub.includes('.'))) continue;
      const next = words[i + n];
      if (next && OWN_HEAD.test(next.text) && name.slice(last.end, next.start) === ' ') continue;
      // A plain look-up first: most runs name nothing, and entriesFor tries more spellings.
      if (!g.lookup(sub).length && !sub.endsWith('.')) continue;
      if (g.demonym(sub) !== null || isCommonWordPlace(sub)) continue;
      const entries = entriesFor(g, sub);
      const top = entries[0];
      if (!top) continue;
      // A civic body named after its town ("Athens Police Department"), or a name after "University of", "City of".
      const prev = words[i - 1];
      const head = words[i - 2];
      const civic =
        (i === 0 && next !== undefined && CIVIC_NEXT.test(next.text)) ||
        (prev !== undefined && prev.text === 'of' && head !== undefined && OF_HEAD.test(head.text));
      if (!civic && GIVEN_NAMES.has(fold(sub))) continue;
      // A reading by an alternate name ("Judah" → Jeddah, "Tan") only for a country, region or large city.
      if (fold(top.name) !== fold(sub) && !BIG_KINDS.has(top.kind) && top.population < 1_000_000) continue;
      let ok = BIG_KINDS.has(top.kind) || (top.kind === 'city' && top.population >= BIG_CITY);
      if (!ok && (top.kind === 'city' || top.kind === 'town')) ok = civic;
      if (!ok || isTeamName(words, i, i + n - 1, keywords)) continue;
      // "Exchequer Nigel Lawson": a town's name before the last, capitalised word of the name is a first name.
      if (
        !BIG_KINDS.has(top.kind) &&
        next !== undefined &&
        i + n === words.length - 1 &&
        isCapWord(next.text) &&
        !civic &&
        !keywords.has(bare(next.text)) &&
        !NEVER.test(bare(next.text)) &&
        !TEAM_LAST.test(next.text)
      )
        continue;
      const rule = isCivicBody(words, i, i + n - 1, entries) ? RULE_CIVIC : RULE_OTHER;
      found = { start: first.start, end: last.end, text: sub, rule };
      i += n - 1;
    }
    if (found) out.push(found);
  }
  return out;
}

/** Words before a name that make it a place ("in Gainesville", "near Richmond"). */
const LOCATIVE = /^(?:in|near|from|at|outside|to|into|across|around|via|throughout|toward|towards)$/i;

/** Per gazetteer: a name's best reading when the gazetteer knows it by that very name (not a demonym, not a common word). */
const EXACT = new WeakMap<Gazetteer, Map<string, GazetteerEntry | null>>();

function exactPlace(g: Gazetteer, name: string): GazetteerEntry | null {
  let m = EXACT.get(g);
  if (!m || m.size > MEMO_MAX) {
    m = new Map();
    EXACT.set(g, m);
  }
  let v = m.get(name);
  if (v === undefined) {
    v = null;
    if (isCapWord(name) && g.demonym(name) === null && !isCommonWordPlace(name)) {
      const top = entriesFor(g, name)[0];
      if (top && fold(top.name) === fold(cleanSurface(name))) v = top;
    }
    m.set(detached(name), v);
  }
  return v;
}

/** The word right before `at` in the same line, lower-cased ("" when none). */
function wordBefore(text: string, at: number): string {
  let e = at;
  while (e > 0 && text[e - 1] === ' ') e--;
  let s = e;
  // Locative words are short ASCII words: stop at anything else.
  while (s > 0 && e - s < 12) {
    const c = text.charCodeAt(s - 1) | 32;
    if (c < 97 || c > 122) break;
    s--;
  }
  return text.slice(s, e);
}

/**
 * An organization mention that is a place by its name and its context: the gazetteer reads its whole name as a
 * place (not a common word, not a demonym) and a locative word comes before it ("in Gainesville", "to Richmond") or a
 * ", State" qualifier after it ("Hamilton, Ohio"). The name tagger's ORG typing of town names (a town's name is
 * often a team's or a company's too) is overruled only with such a cue.
 */
function typedAsOrg(g: Gazetteer, text: string, start: number, end: number): boolean {
  if (end - start > 40) return false;
  // The cue first: no look-up for the many organizations without one.
  const locative = text[start - 1] === ' ' && LOCATIVE.test(wordBefore(text, start));
  if (!locative && text.charCodeAt(end) !== 44 /* , */) return false;
  const name = text.slice(start, end);
  const top = exactPlace(g, name);
  if (!top) return false;
  if (locative) return !nearScore(text, start, end);
  const m = /^, (\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)/u.exec(text.slice(end, end + 30));
  const q = m ? entriesFor(g, m[1] as string)[0] : undefined;
  return !!q && (q.kind === 'region' || q.kind === 'country') && top.countryCode === q.countryCode;
}

/** The last word of a natural feature's name ("Red River", "Puget Sound", "Boston Harbor"). */
const FEATURE_LAST = new Set([
  'River',
  'Creek',
  'Lake',
  'Harbor',
  'Harbour',
  'Sound',
  'Canyon',
  'Falls',
  'Mountains',
  'Peninsula',
  'Bayou',
  'Reservoir',
  'Glacier',
  'Estuary',
]);
/** The first word of a natural feature's name ("River Lune", "Lake Lanier", "Mount Hood"). */
const FEATURE_FIRST = new Set(['River', 'Lake', 'Mount', 'Mt.']);

/**
 * True when an organization-typed name is a natural feature's by its form: two to four capitalised words, the last
 * a feature word ("Kanawha River", "Puget Sound") or the first "River"/"Lake"/"Mount" ("River Moy"), and no word of an
 * organization's name ("Red River Authority", "Lake Forest College" end otherwise; "River Valley Bank" has "Bank").
 */
function featureName(name: string): boolean {
  if (name.length > 40) return false;
  // The feature word first (most names have none): the last word or the first.
  const sp = name.indexOf(' ');
  if (sp < 0 || !(FEATURE_LAST.has(name.slice(name.lastIndexOf(' ') + 1)) || FEATURE_FIRST.has(name.slice(0, sp))))
    return false;
  const words = name.split(' ');
  if (words.length < 2 || words.length > 4) return false;
  if (!words.every((w) => /^\p{Lu}[\p{Ll}.'\u2019]+$/u.test(w))) return false;
  const keywords = nameLists().orgKeywords;
  if (words.some((w) => keywords.has(w.toLowerCase()) && !FEATURE_LAST.has(w) && !FEATURE_FIRST.has(w))) return false;
  return FEATURE_LAST.has(words[words.length - 1] as string) || FEATURE_FIRST.has(words[0] as string);
}

/**
 * A match score ("2-1", "3 - 0") near a name on its line: the name is a club in a match report ("lost 3-1 to
 * Cesena", "the 1-0 defeat at Chelsea"), not the town ("in Gainesville").
 */
function nearScore(text: string, start: number, end: number): boolean {
  const s = Math.max(0, start - 60);
  const window = text.slice(s, Math.min(text.length, end + 40));
  const a = text.lastIndexOf('\n', start) + 1 - s;
  const b = window.indexOf('\n', end - s);
  return SCORE.test(window.slice(Math.max(0, a), b < 0 ? undefined : b));
}
const SCORE = /(?:^|[^\d.,:/-])\d{1,2} ?- ?\d{1,2}(?!\d|[.,:/-]\d)/;

/** Figures right after a name: a row of a results table or a standings table ("North Sydney 46", "21 15 0 6"). */
const TABLE_ROW = /^[ \t]+\d/;

/**
 * The place after a direction word when a whole (organization-typed) name is just that ("Northern Iraq", "East
 * Texas", "Metro Vancouver"): a country, region or city; null otherwise.
 */
export function directionPlace(g: Gazetteer, name: string): GazetteerEntry | null {
  const sp = name.indexOf(' ');
  if (sp < 0 || name.length > 40 || !DIRECTION.test(name.slice(0, sp))) return null;
  const rest = name.slice(sp + 1);
  if (!/^\p{Lu}/u.test(rest) || g.demonym(rest) !== null || isCommonWordPlace(rest)) return null;
  const top = entriesFor(g, rest)[0];
  if (!top || !(BIG_KINDS.has(top.kind) || top.kind === 'city')) return null;
  return top;
}

/** A name of a direction or part of a compass ("Northeast 180th Avenue", "Interstate 64 East"): never whole. */
const COMPASS =
  /^(?:north|south|east|west|northern|southern|eastern|western|central|northeast|northwest|southeast|southwest|midwest|midlands)$/i;

/**
 * Words of sports reports. A story with three of them, or two of which one names a sport or a sports-only thing
 * (STRONG_SPORTS), or with a club among its organizations, names teams by their towns ("Cleveland beat Boston");
 * local news has a team or a season now and then ("the team", "fire season") and stays a news story.
 */
const SPORTS_WORD =
  /\b(?:innings|wickets?|homer(?:ed|s)?|home runs?|goalkeeper|striker|midfielder|defender|quarterback|touchdowns?|play-?offs?|pitcher|batting|bowling|half-?time|standings|league|division|cup|season|coach|match|tournament|championship|semi-?finals?|quarter-?finals?|finals|scored|goals?|points|victory|defeat|beat|game|games|team|squad|stadium|soccer|football|baseball|basketball|hockey|rugby|cricket|tennis|golf|boxing|athletics|squash|olympics?)\b/gi;
const STRONG_SPORTS =
  /^(?:innings|wickets?|homer(?:ed|s)?|home runs?|goalkeeper|striker|midfielder|quarterback|touchdowns?|play-?offs?|pitcher|batting|half-?time|standings|league|tournament|championship|semi-?finals?|quarter-?finals?|soccer|baseball|basketball|hockey|rugby|cricket|tennis|golf|boxing|athletics|squash|olympics?)$/;

/** True when the article reads as a sports report (see SPORTS_WORD). */
function sportsStory(ctx: Context): boolean {
  if ((ctx.results.entities?.organizations ?? []).some((o) => o.kind === 'sports')) return true;
  const seen = new Set<string>();
  let strong = false;
  for (const m of ctx.doc.text.matchAll(SPORTS_WORD)) {
    const w = m[0].toLowerCase();
    if (seen.has(w)) continue;
    seen.add(w);
    if (STRONG_SPORTS.test(w)) strong = true;
    if (seen.size >= 3 || (strong && seen.size >= 2)) return true;
  }
  return false;
}

/**
 * The words of the article's people's names (folded), and the folded surfaces of the entity stage's place
 * candidates (the organization-typed name itself must be a place the gazetteer knows by that name): the article's
 * other senses of a name.
 */
interface Senses {
  personWords: Set<string>;
  places: Set<string>;
  /** Folded leading words (one to three) of the article's company names ("Delta" of "Delta Air Lines Inc"). */
  companyHeads: Set<string>;
}

/** Last words of a company's name. */
const COMPANY_END =
  /\b(?:corp|corporation|inc|co|cos|ltd|plc|llc|ag|sa|spa|nv|bv|pty|group|holdings?|company|industries|airlines?|aviation|bancorp|bank|securities|resources|petroleum|energy|investments|partners|trust|fund|motors?|computers?|products|systems|international|oil|gas|mining|steel)\.?$/i;
/** Words after a name that make it a company's ("Piedmont's shares", "Delta shareholders"). */
const COMPANY_AFTER =
  /^(?:['\u2019]s)? (?:shares?|stock|stake|shareholders|stockholders|merger|subsidiary|directors|unit|board of directors)\b/i;

function sensesOf(ctx: Context): Senses {
  const people = personWords(ctx);
  const places = new Set<string>();
  for (const c of ctx.results.entities?.placeCandidates ?? []) {
    const k = fold(cleanSurface(c.text));
    places.add(k);
  }
  const companyHeads = new Set<string>();
  for (const o of ctx.results.entities?.organizations ?? []) {
    for (const m of o.mentions) {
      if (m.text.indexOf(' ') < 0 && !/\s/.test(m.text)) continue; // one word: no head
      const words = m.text.split(/\s+/);
      if (words.length < 2 || !(o.kind === 'company' || COMPANY_END.test(m.text))) continue;
      for (let n = 1; n <= Math.min(3, words.length - 1); n++) companyHeads.add(fold(words.slice(0, n).join(' ')));
    }
  }
  return { personWords: people, places, companyHeads };
}

/**
 * An organization-typed mention that is a place by the article (one sense per discourse) or by its name alone:
 * - 'org-discourse': the article names the same place elsewhere as a place ("in Gainesville" ... "Gainesville
 *   officials"): a town's name typed as an organization in one sentence is the same town;
 * - 'org-wellknown': a name (up to three words) the gazetteer reads by that very name as a country ("El Salvador",
 *   "United Arab Emirates"), a first-level region ("Hawaii", "Ohio") or a city of 100,000 ("Gainesville"), in a
 *   name the tagger typed as a plain organization (no company, club, paper or party kind).
 * Never a word of one of the article's people's names ("Mrs. Parsons", "Hamilton said" after "Lee Hamilton"), a
 * given name ("Chandler", "Nancy"), a direction ("Northeast 180th Avenue"), a name followed by figures (a team in a
 * score line or results table: "Richmond 3") or continued by "of" ("Queens of the Stone Age").
 */
/** A place the gazetteer knows by this name, or by its abbreviated prefix written out ("St. Petersburg"). */
function namedPlace(g: Gazetteer, name: string): GazetteerEntry | null {
  const top = exactPlace(g, name);
  if (top || !ABBREVIATED_PREFIX.test(name)) return top;
  return g.demonym(name) === null && !isCommonWordPlace(name) ? (entriesFor(g, name)[0] ?? null) : null;
}
const ABBREVIATED_PREFIX = /^(?:St|Ste|Mt|Ft)\. \p{Lu}/u;
const COUNTY_FORM = / (?:County|Parish|Borough)$/i;

/** Words before a name that make it a place: ", of Elkhart" (a person's home town), "downtown Pineville". */
const CUE_BEFORE = /(?:, (?:\d{1,3}, )?of|\b(?:downtown|nearby|unincorporated|suburban)) $/i;
/** Words after a name that make it a place: "an Elkhart man", "Hamilton women", "Torrington firefighters". */
const CUE_AFTER =
  /^(?:['\u2019]s)? (?:man|woman|men|women|resident|residents|native|natives|teen|teens|teenager|couple|family|families|homeowners|firefighters|police|official|officials|educator|educators|voters|neighborhood|neighborhoods|area|downtown|city limits)\b/;

/** The words of a folded name (single spaces). */
function wordCount(key: string): number {
  let n = 1;
  for (let at = key.indexOf(' '); at >= 0; at = key.indexOf(' ', at + 1)) n++;
  return n;
}

function senseOfOrg(
  g: Gazetteer,
  text: string,
  start: number,
  end: number,
  senses: Senses,
): 'org-discourse' | 'org-wellknown' | 'org-cue' | null {
  if (end - start > 40) return null;
  const name = text.slice(start, end);
  const key = fold(cleanSurface(name));
  // Only a name the article names as a place elsewhere, or one the gazetteer knows by that very name, can be one:
  // the memoised look-up first, the checks of the context (slices and patterns) only for those.
  const discourse = senses.places.has(key);
  const top = discourse || key.length < 4 || wordCount(key) > 3 ? null : exactPlace(g, name);
  if (!discourse && !top) return null;
  const words = key.split(' ');
  if (words.some((w) => senses.personWords.has(w)) || senses.companyHeads.has(key)) return null;
  if (COMPASS.test(name)) return null;
  // "X County"/"X Parish"/"X Borough" is the county stage's to read, with its own evidence ("St. Mary Parish held its
  // fair" is a church's parish unless Louisiana is in the article): never a place by this path.
  if (COUNTY_FORM.test(name)) return null;
  // A word of a capitals headline that goes on in capitals ("TOYOTA MOTOR CREDIT", "TEXAS AIR"): a company's name.
  if (name === name.toUpperCase() && /^ \p{Lu}{2}/u.test(text.slice(end, end + 3))) return null;
  const after = text.slice(end, end + 30);
  if (/^\s*\d/.test(after) || /^ of /.test(after) || COMPANY_AFTER.test(after) || nearScore(text, start, end))
    return null;
  // A saint's day or a saint's church or school ("St. Patrick's Day", "St. Mary's students").
  if (ABBREVIATED_PREFIX.test(name) && /^['\u2019]s\b/.test(after) && isGivenName(words[words.length - 1] ?? ''))
    return null;
  if (discourse) return namedPlace(g, cleanSurface(name)) && !GIVEN_NAMES.has(key) ? 'org-discourse' : null;
  if (!top) return null;
  const lowerName = name.toLowerCase();
  if (
    top.kind !== 'country' &&
    top.kind !== 'continent' &&
    !isGivenName(lowerName) &&
    !GIVEN_NAMES.has(key) &&
    (CUE_BEFORE.test(text.slice(Math.max(0, start - 16), start)) || CUE_AFTER.test(after))
  )
    return 'org-cue';
  if (top.kind !== 'region' && top.kind !== 'country' && !(top.kind === 'city' && top.population >= BIG_CITY))
    return null;
  // Spelled as the gazetteer spells it, diacritics included ("Duma" is the Russian parliament, not Dūmā).
  const lower = name.toLowerCase();
  if (lower !== top.name.toLowerCase() && name !== name.toUpperCase()) return null;
  if (isGivenName(lower) || GIVEN_NAMES.has(key)) return null;
  return 'org-wellknown';
}

/** Two capitalised names joined by a hyphen: "Logan-Rogersville", "Asia-Pacific". */
const HYPHEN_PAIR = /^(\p{Lu}[\p{L}'\u2019]+)-(\p{Lu}[\p{L}'\u2019]+)$/u;

/**
 * An organization-typed pair of place names joined by a hyphen ("Logan-Rogersville", a school district named after
 * its two towns; "Asia-Pacific"): both places, each a candidate of its own (rule 'hyphen-pair'), when the gazetteer
 * knows each by that very name and neither is a demonym ("Russian-American") or a common word.
 */
function hyphenPair(g: Gazetteer, name: string): PlaceCandidate[] | null {
  if (name.length > 40) return null;
  const m = HYPHEN_PAIR.exec(name);
  if (!m) return null;
  const a = m[1] as string;
  const b = m[2] as string;
  // Not an article's prefix ("Al-Minya", "El-Arish": one name).
  if (a.length < 3 || b.length < 3) return null;
  const pa = exactPlace(g, a);
  const pb = pa && exactPlace(g, b);
  if (!pa || !pb) return null;
  // Two towns of one name are neighbours ("Logan-Rogersville", both in Missouri); towns of two countries are a
  // brand's ("Coca-Cola": Coca, Spain and Colà, Italy), unless one part is a country, region or continent.
  if (!BIG_KINDS.has(pa.kind) && !BIG_KINDS.has(pb.kind) && !sharesCountry(entriesFor(g, a), entriesFor(g, b)))
    return null;
  return [
    { start: 0, end: a.length, text: a, rule: 'hyphen-pair' },
    { start: a.length + 1, end: name.length, text: b, rule: 'hyphen-pair' },
  ];
}

/** True when some reading of one name lies in the country of some reading of the other. */
function sharesCountry(a: readonly GazetteerEntry[], b: readonly GazetteerEntry[]): boolean {
  return a.some((x) => x.countryCode !== null && b.some((y) => y.countryCode === x.countryCode));
}

/** Nested places per organization name, kept across articles per gazetteer (bounded: cleared when full). */
const MEMO = new WeakMap<Gazetteer, Map<string, PlaceCandidate[]>>();
const MEMO_MAX = 20_000;

/** The gazetteer's memo of placesInName answers, started over when it grows past MEMO_MAX. */
function nestedMemo(g: Gazetteer): Map<string, PlaceCandidate[]> {
  let memo = MEMO.get(g);
  if (!memo || memo.size > MEMO_MAX) {
    memo = new Map();
    MEMO.set(g, memo);
  }
  return memo;
}

/** placesInName of an organization's name, kept in `memo` (nestedMemo) under a detached key. */
function nestedPlaces(g: Gazetteer, memo: Map<string, PlaceCandidate[]>, name: string): PlaceCandidate[] {
  let rel = memo.get(name);
  if (!rel) {
    rel = placesInName(g, name);
    memo.set(detached(name), rel);
  }
  return rel;
}

/**
 * Distinct organization names per document that the look-up rules (senseOfOrg, hyphenPair, placesInName) read; the
 * names after that are left to the cue-first rules (direction, org-typed). A long article names a few hundred
 * organizations; a text that names thousands (a directory, a dump, random capitalised words: ~9,700 in the 1 MB
 * worst-case text) would otherwise pay gazetteer look-ups for each, and none of them changes an article's output.
 */
export const ORG_NAME_CAP = 2_000;

/** What one distinct organization name gives, read once per document (the name alone, no context). */
interface NameReading {
  /** Its hyphen pair ("Logan-Rogersville") or null; undefined until read. */
  pair: PlaceCandidate[] | null | undefined;
  /** Its nested places (placesInName), read only when needed. */
  nested: PlaceCandidate[] | null;
  /** Over the document's cap: no look-up rule reads it. */
  capped: boolean;
}

/** Nested place candidates of every in-scope organization mention (see the file header). */
export function orgPlaceCandidates(ctx: Context): PlaceCandidate[] {
  const orgs = ctx.results.entities?.organizations;
  if (!orgs?.length) return [];
  const g = getGazetteer(ctx.config);
  const text = ctx.doc.text;
  const mode = ctx.options.placesInNames;
  const out: PlaceCandidate[] = [];
  let senses: Senses | null = null;
  let sports: boolean | null = null;
  const memo = nestedMemo(g);
  const names = new Map<string, NameReading>();
  for (const o of orgs) {
    if (SKIP_KINDS.has(o.kind)) continue;
    for (const m of o.mentions) {
      if (!ctx.inScope(m.start)) continue;
      // A direction + place followed by figures is a team in a results table ("North Sydney 46 South Sydney 4").
      if (o.kind === 'other' && !TABLE_ROW.test(text.slice(m.end, m.end + 4)) && directionPlace(g, m.text)) {
        out.push({ start: m.start, end: m.end, text: m.text, rule: 'direction' });
        continue;
      }
      if (o.kind === 'other' && typedAsOrg(g, text, m.start, m.end)) {
        out.push({ start: m.start, end: m.end, text: m.text, rule: 'org-typed' });
        continue;
      }
      // "Red River", "Boston Harbor", "River Lune": a natural feature's name the tagger typed as an organization.
      if (o.kind === 'other' && featureName(m.text)) {
        sports ??= sportsStory(ctx);
        if (!sports) {
          out.push({ start: m.start, end: m.end, text: m.text, rule: 'org-feature', kindHint: 'feature' });
          continue;
        }
      }
      let r = names.get(m.text);
      if (!r) {
        const capped = names.size >= ORG_NAME_CAP;
        r = { pair: undefined, nested: null, capped };
        names.set(m.text, r);
      }
      if (r.capped) continue;
      if (o.kind === 'other' && sports !== true) {
        // The sports test (a scan of the whole text) only once a rule has a place to propose.
        if (r.pair === undefined) r.pair = hyphenPair(g, m.text);
        const pair = r.pair;
        if (pair) sports ??= sportsStory(ctx);
        if (pair && !sports) {
          for (const c of pair) out.push({ ...c, start: c.start + m.start, end: c.end + m.start });
          continue;
        }
        senses ??= sensesOf(ctx);
        const rule = pair ? null : senseOfOrg(g, text, m.start, m.end, senses);
        if (rule) sports ??= sportsStory(ctx);
        if (rule && !sports) {
          out.push({ start: m.start, end: m.end, text: m.text, rule });
          continue;
        }
      }
      if (mode === 'none') continue;
      const all = mode === 'all';
      if (!all && BRAND_KINDS.has(o.kind)) continue;
      const rel = r.nested ?? nestedPlaces(g, memo, m.text);
      r.nested = rel;
      for (const c of rel) {
        if (all || c.rule === RULE_CIVIC) out.push({ ...c, start: c.start + m.start, end: c.end + m.start });
      }
    }
  }
  return out;
}

/** Words right after a person-typed name that make it a town's: "a Winona man", "Clinton couple", "Shiloh students". */
const PERSON_CUE_AFTER =
  /^ (?:man|woman|men|women|resident|residents|couple|family|families|homeowners|firefighters|police|residence|students|communities|community|area)\b/;
/** Words before a person-typed name that make it a town's: "Mark Kitsmore, 54, of Tyler", "near Tyler". */
const PERSON_CUE_BEFORE = /(?:, (?:\d{1,3}, )?of|\b(?:near|downtown|outside)) $/;

/**
 * A person-typed mention that is a town by its context (rule 'person-cue'): the gazetteer knows its name (a place
 * of that very name, up to three words, not a country), and a ", State" qualifier of the same country follows it
 * ("McLean, Virginia", "Frederick, Maryland"), or a word of residence ("a Winona man", "Winona police"), or it comes
 * after ", 54, of" or "near". Never when the same person is named in full elsewhere ("Bill Clinton" ... "Clinton
 * couple" stays the person's), nor in a sports story. The person keeps the mention (the name tagger's typing); the
 * place is proposed beside it.
 */
export function personPlaceCandidates(ctx: Context): PlaceCandidate[] {
  const people = ctx.results.entities?.people;
  if (!people?.length) return [];
  const text = ctx.doc.text;
  let g: Gazetteer | null = null;
  let fullNames: Set<string> | null = null;
  let sports: boolean | null = null;
  let cued = false;
  const out: PlaceCandidate[] = [];
  for (const p of people) {
    if (p.mentions.some((m) => m.text.includes(' ') && !/^(?:St|Mt|Ft)\. /.test(m.text))) continue;
    for (const m of p.mentions) {
      if (!ctx.inScope(m.start) || m.end - m.start > 40) continue;
      const after = text.slice(m.end, m.end + 24);
      const comma = after.charCodeAt(0) === 44; /* , */
      const cue =
        comma || PERSON_CUE_AFTER.test(after) || PERSON_CUE_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start));
      if (!cue) continue;
      g ??= getGazetteer(ctx.config);
      const top = namedPlace(g, m.text);
      if (!top || top.kind === 'country' || top.kind === 'continent') continue;
      if (comma && !PERSON_CUE_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start))) {
        const q = /^, (\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)/u.exec(after);
        const qe = q ? entriesFor(g, q[1] as string)[0] : undefined;
        if (!qe || !(qe.kind === 'region' || qe.kind === 'country')) continue;
        const all = entriesFor(g, m.text);
        if (!all.some((e) => e.countryCode === qe.countryCode && (qe.kind === 'country' || e.admin1 === qe.admin1)))
          continue;
      }
      if (!fullNames) {
        fullNames = new Set();
        for (const q of people)
          for (const x of q.mentions)
            if (x.text.includes(' ')) for (const w of x.text.split(/\s+/)) fullNames.add(fold(w));
      }
      if (fullNames.has(fold(m.text))) continue;
      sports ??= sportsStory(ctx);
      if (sports) break;
      cued = true;
      break;
    }
    if (sports) break;
    // One sense per discourse: every mention of a name one cue makes a town's is the town's ("Shiloh students",
    // "Shiloh's graduation rate").
    if (cued) {
      for (const m of p.mentions) {
        if (ctx.inScope(m.start) && m.end - m.start <= 40)
          out.push({ start: m.start, end: m.end, text: m.text, rule: 'person-cue' });
      }
      cued = false;
    }
  }
  return out;
}

/**
 * First-level regions named inside the article's organization names ("Minnesota" of "Minnesota State Chess
 * Association"): each distinct name once, its nested places (placesInName) that are regions. Evidence of where the
 * story is (resolve.ts, orgRegionVotes), not place mentions: only a civic body's place is one by default (above).
 */
export function orgRegionEntries(ctx: Context, g: Gazetteer): { text: string; entries: GazetteerEntry[] }[] {
  const orgs = ctx.results.entities?.organizations;
  if (!orgs?.length) return [];
  const memo = nestedMemo(g);
  const seen = new Set<string>();
  const out: { text: string; entries: GazetteerEntry[] }[] = [];
  for (const o of orgs) {
    if (SKIP_KINDS.has(o.kind)) continue;
    for (const m of o.mentions) {
      if (seen.has(m.text) || !ctx.inScope(m.start)) continue;
      seen.add(m.text);
      if (seen.size > ORG_NAME_CAP) return out;
      for (const c of nestedPlaces(g, memo, m.text)) {
        const entries = g.lookup(c.text);
        if (entries[0]?.kind === 'region') out.push({ text: c.text, entries });
      }
    }
  }
  return out;
}

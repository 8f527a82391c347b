/**
 * Resolving place names to gazetteer entries: the candidate entries of a surface form (with the stage's policy for
 * all-capital abbreviations, common words and kind hints), and the choice among them given the article's other
 * countries and a ", Qualifier" after the name ("Paris, Texas").
 */
import { distanceKm } from '../../gazetteer/counties.js';
import { fold, type Gazetteer, type GazetteerEntry } from '../../gazetteer/index.js';
import type { Context, PlaceCandidate } from '../../pipeline/types.js';
import type { PlaceKind } from '../../schema.js';
import { detached } from '../../text/normalize.js';

/** An abbreviated first word of a place name ("St.", "Mt", "Ft.") and what it may stand for. */
const ABBREVIATED = /^(st|ste|mt|ft|pt)\.? +/i;
const EXPANSIONS: Record<string, string[]> = {
  st: ['Saint', 'St.', 'St'],
  ste: ['Sainte', 'Ste.'],
  mt: ['Mount', 'Mt.'],
  ft: ['Fort', 'Ft.'],
  pt: ['Point', 'Port'],
};

/** Forms the gazetteer lacks alone, read as another of its names: "D.C." is Washington, D.C. (the district). */
const ALIASES: Record<string, string> = {
  'D.C.': 'Washington, D.C.',
  'D.C': 'Washington, D.C.',
  'W. Va.': 'West Virginia',
  'W. Va': 'West Virginia',
  'W.Va.': 'West Virginia',
  'W.Va': 'West Virginia',
};

/** " City" closing a name ("Dublin City"). */
const CITY_AFTER = / city$/i;
/** "X City" that names nothing is the city X only when X has this many people (cities15000's floor). */
const CITY_OF = 15_000;

/** A four-capital-letter word in a dateline names a city or region only of this many people ("BONN"). */
const BIG_CAPS_WORD = 100_000;

/**
 * Bonus of an entry in the region or country a ", Qualifier" names ("Kansas City, Mo."): more than the article's
 * region and soft evidence together can give another entry, so the writer's own qualifier decides.
 */
const QUALIFIER_BONUS = 10;

/** Weight of the article's first-level regions (its "home state") against the population prior. */
const REGION_WEIGHT = 3;

/** The kinds of populated places ('other': a section of a city, GeoNames PPLX, or a user's place of no kind). */
export const POPULATED: ReadonlySet<PlaceKind> = new Set(['city', 'town', 'village', 'other']);

/** Which entry kinds satisfy a kind hint from the text ("the village of X" → populated places). */
export function fitsHint(kind: PlaceKind, hint: PlaceKind | undefined): boolean {
  if (!hint || hint === 'other') return true;
  if (POPULATED.has(hint)) return POPULATED.has(kind);
  return kind === hint;
}

/** Strips what CoNLL spans leave out but a candidate may carry: a leading "the", a possessive. */
export function cleanSurface(text: string): string {
  return text
    .replace(/^the\s+/i, '')
    .replace(/['\u2019]s?$/, '')
    .trim();
}

/**
 * The gazetteer entries a surface form may name, best prior first, after the stage's policy:
 * - all-capital abbreviations ("US", "UK", "UAE") name countries only (regions when dotted: "N.Y."), never a
 *   village called "Us" or the "RD" of "3RD"; in a dateline (`dateline`) four capitals may be a big city ("BONN");
 * - a demonym ("German", "Russians") is not the name of a place called so, unless the text gives a kind hint (the
 *   demonym scan reads it as its country: focus.ts scanDemonyms);
 * - a kind hint from the text keeps only entries of that kind when there are any.
 */
export function entriesFor(gaz: Gazetteer, surface: string, hint?: PlaceKind, dateline = false): GazetteerEntry[] {
  // The same names recur in article after article ("U.S.", "Washington"): the answer is a function of the gazetteer
  // and the arguments, kept per gazetteer (bounded like the other memos of the stage). The lists are shared, so no
  // caller may change one (none does: they filter, slice or read).
  // One map of surfaces per kind hint and dateline flag (a handful), so that no text can forge another's key.
  let memo = ENTRIES_MEMO.get(gaz);
  if (!memo) {
    memo = { size: 0, maps: new Map() };
    ENTRIES_MEMO.set(gaz, memo);
  }
  const args = dateline ? `${hint ?? ''}!` : (hint ?? '');
  let bySurface = memo.maps.get(args);
  if (!bySurface) {
    bySurface = new Map();
    memo.maps.set(args, bySurface);
  }
  let list = bySurface.get(surface);
  if (list === undefined) {
    list = readEntries(gaz, surface, hint, dateline);
    if (++memo.size > ENTRIES_MEMO_MAX) {
      memo.size = 0;
      memo.maps.clear();
    } else bySurface.set(detached(surface), list);
  }
  return list;
}

/** entriesFor's answers per gazetteer: surface → entries, per kind hint and dateline flag; `size` counts them all. */
const ENTRIES_MEMO = new WeakMap<Gazetteer, { size: number; maps: Map<string, Map<string, GazetteerEntry[]>> }>();
/** The most answers kept per gazetteer before the memo starts over (a few MB at most). */
const ENTRIES_MEMO_MAX = 50_000;

function readEntries(
  gaz: Gazetteer,
  surface: string,
  hint: PlaceKind | undefined,
  dateline: boolean,
): GazetteerEntry[] {
  const s = cleanSurface(surface);
  if (!s || !/\p{Lu}/u.test(s)) return [];
  let key = ALIASES[s] ?? s;
  let list = gaz.lookup(key);
  // "Calif" of "Calif.": a candidate span may stop before an abbreviation's period.
  if (!list.length && /\p{L}$/u.test(s)) {
    key = `${s}.`;
    list = gaz.lookup(key);
  }
  // "St. Louis" / "Saint Louis", "Mt. Pleasant" / "Mount Pleasant", "Ft. Worth" / "Fort Worth".
  if (!list.length) {
    const m = ABBREVIATED.exec(s);
    const full = m ? EXPANSIONS[(m[1] as string).toLowerCase()] : undefined;
    if (m && full) {
      const rest = s.slice(m[0].length);
      for (const f of full) {
        key = `${f} ${rest}`;
        list = gaz.lookup(key);
        if (list.length) break;
      }
    }
  }
  // "Dublin City" (of "Dublin City Council") names no place by that very name, only Dublin, Ireland by an alternate
  // one: it is the city of Dublin, read among the towns and cities called "Dublin" ("Kansas City", "Mexico City" are
  // places' own names and stay). So is "Fargo City" (of "Fargo City Commissioner"), which names nothing at all.
  // (Without a reading, the key may carry the period the abbreviation step tried: the surface as written.)
  const city = list.length ? key : s;
  if (CITY_AFTER.test(city)) {
    const own = fold(city);
    if (!list.some((e) => fold(e.name) === own)) {
      const bare = city.replace(CITY_AFTER, '');
      // The city, never the region of that name ("Quebec City" is not the province).
      // A name of nothing ("Harbor City", a part of Los Angeles) is a city's only when one of that name has
      // CITY_OF people (not Harbor, Ore.).
      const plain = gaz
        .lookup(bare)
        .filter((e) => POPULATED.has(e.kind) && (list.length > 0 || e.population >= CITY_OF));
      if (plain.length) {
        key = bare;
        list = plain;
      }
    }
  }
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters.length <= 4 && letters === letters.toUpperCase()) {
    // "US", "UAE", "DRC" (countries); "N.Y." (a region, written with periods); never "RD" of "3RD". Four capital
    // letters in a dateline may also be a big city or state ("BONN", "NICE", "UTAH"); in a headline they are
    // more often a company ("SAGA", "YORK", "CIBA").
    const dotted = s.includes('.');
    const word = dateline && letters.length === 4 && !dotted;
    list = list.filter(
      (e) =>
        e.kind === 'country' ||
        (dotted && e.kind === 'region') ||
        (word && (e.kind === 'city' || e.kind === 'region') && e.population >= BIG_CAPS_WORD),
    );
  }
  if (!list.length) {
    const abbr = regionAbbreviation(gaz, s);
    if (abbr) return abbr;
  }
  // A word with a capital inside ("SpA", "PepsiCo") is a company's spelling unless a place is spelled so ("McAllen",
  // "DeKalb"): "SpA" (società per azioni) is not Spa, Belgium.
  if (list.length && CAMEL.test(s)) list = list.filter((e) => stripMarks(e.name).includes(s));
  // A demonym names its country, not a place called so ("German" is also a parish of the Isle of Man).
  if (!hint && gaz.demonym(s) !== null) return [];
  if (hint) {
    const fit = list.filter((e) => fitsHint(e.kind, hint));
    if (fit.length) return withKey(fit, key);
    // A hint that contradicts every entry ("the village of Moscow"?) leaves the name as it is.
  }
  return withKey(list, key);
}

/**
 * Undotted or dotted abbreviations of first-level regions that news copy writes without the region's name, with the
 * region's name and country, and whether the article must support that country first (`true`: "BC" is also the era
 * of "300 BC" and Boston College, "WA" a person's initials or Washington state, "ACT" a word in a headline). Those
 * that name one region in every context ("NSW", "Qld") need no support. US postal codes are left out: "OH", "IN",
 * "ME", "OK" are words; AP's dotted forms ("Calif.") are in the gazetteer itself.
 */
const REGION_ABBREVIATIONS: Record<string, [cc: string, name: string, needsCountry: boolean]> = {
  NSW: ['AU', 'New South Wales', false],
  'N.S.W': ['AU', 'New South Wales', false],
  QLD: ['AU', 'Queensland', false],
  Qld: ['AU', 'Queensland', false],
  WA: ['AU', 'Western Australia', true],
  'W.A': ['AU', 'Western Australia', true],
  VIC: ['AU', 'Victoria', true],
  TAS: ['AU', 'Tasmania', true],
  NT: ['AU', 'Northern Territory', true],
  ACT: ['AU', 'Australian Capital Territory', true],
  BC: ['CA', 'British Columbia', true],
  'B.C': ['CA', 'British Columbia', true],
  Ont: ['CA', 'Ontario', true],
  Que: ['CA', 'Quebec', true],
  Sask: ['CA', 'Saskatchewan', true],
  'N.S': ['CA', 'Nova Scotia', true],
  'P.E.I': ['CA', 'Prince Edward Island', true],
  PEI: ['CA', 'Prince Edward Island', true],
  NWT: ['CA', 'Northwest Territories', true],
};
/** A country whose evidence must not outweigh the abbreviation's own ("WA" is Washington's postal code). */
const ABBREVIATION_RIVAL: Record<string, string> = { WA: 'US', 'W.A': 'US' };

/** Country evidence an abbreviation that needs its country must find in the rest of the article. */
interface AbbreviationNeed {
  cc: string;
  rival?: string;
}
const NEEDS_COUNTRY = new WeakMap<readonly GazetteerEntry[], AbbreviationNeed>();
const ABBREVIATION_LISTS = new WeakMap<Gazetteer, Map<string, GazetteerEntry[]>>();

/** The one-entry list of the region a known abbreviation names ("NSW", "B.C."), or null. */
function regionAbbreviation(gaz: Gazetteer, s: string): GazetteerEntry[] | null {
  const k = s.endsWith('.') ? s.slice(0, -1) : s;
  const a = REGION_ABBREVIATIONS[k];
  if (!a) return null;
  let lists = ABBREVIATION_LISTS.get(gaz);
  if (!lists) {
    lists = new Map();
    ABBREVIATION_LISTS.set(gaz, lists);
  }
  let list = lists.get(k);
  if (!list) {
    const [cc, name, needs] = a;
    const region = gaz.lookup(name).find((e) => e.kind === 'region' && e.countryCode === cc);
    list = region ? [region] : [];
    if (needs && region) NEEDS_COUNTRY.set(list, { cc, rival: ABBREVIATION_RIVAL[k] });
    lists.set(k, list);
  }
  return list.length ? list : null;
}

/** The abbreviations of REGION_ABBREVIATIONS as whole words, with their periods ("B.C.", "N.S.W."). */
const ABBREVIATION_WORD =
  /(?<![\p{L}\p{N}.])(?:NSW|N\.S\.W\.|QLD|Qld|WA|W\.A\.|VIC|TAS|NT|ACT|BC|B\.C\.|Ont\.|Que\.|Sask\.|N\.S\.|P\.E\.I\.|PEI|NWT)(?![\p{L}\p{N}$])/gu;
/** A number and a space before an abbreviation: an era ("300 BC", "44 B.C."), not a region. */
const NUMBER_BEFORE = /\p{N} ?$/u;

/**
 * Candidates for the region abbreviations the tagger leaves untyped or types as an organization ("NSW", "BC", also
 * inside a name as the nested-places mode says: "FrontCounter BC"), outside people's names and never after a number
 * ("300 BC"). Whether they are
 * read is chooseEntry's: those that need their country (REGION_ABBREVIATIONS) only beside other evidence of it.
 */
export function regionAbbreviationCandidates(ctx: Context): PlaceCandidate[] {
  const text = ctx.doc.text;
  const out: PlaceCandidate[] = [];
  ABBREVIATION_WORD.lastIndex = 0;
  let people: { start: number; end: number }[] | null = null;
  let orgs: { start: number; end: number }[] | null = null;
  const mode = ctx.options?.placesInNames as unknown as boolean | string | undefined;
  for (let m = ABBREVIATION_WORD.exec(text); m; m = ABBREVIATION_WORD.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (NUMBER_BEFORE.test(text.slice(Math.max(0, start - 2), start))) continue;
    people ??= (ctx.results.entities?.people ?? []).flatMap((p) => p.mentions);
    if (people.some((x) => x.start < end && x.end > start)) continue;
    orgs ??= (ctx.results.entities?.organizations ?? []).flatMap((o) => o.mentions);
    const inOrg = orgs.find((x) => x.start <= start && end <= x.end && x.end - x.start > end - start);
    if (inOrg && !nestedOk(mode, inOrg.end === end)) continue;
    out.push({ start, end, text: m[0], rule: 'region-abbreviation' });
  }
  return out;
}

/**
 * Whether an abbreviation inside a longer organization name is proposed, by the nested-places mode (`placesInNames`,
 * as in nested.ts): every one with true or 'all', none with false or 'none'; by default only one that closes the
 * name ("FrontCounter BC", an office of the province), not one that opens it ("NSW Treasury", which CoNLL marks
 * ORG alone).
 */
function nestedOk(mode: boolean | string | undefined, last: boolean): boolean {
  if (mode === false || mode === 'none') return false;
  return mode === true || mode === 'all' || last;
}

/**
 * True when the article supports an abbreviation's country: its clear evidence (a country name, a demonym, a place
 * only there) over the rival's, or else the soft votes of its ambiguous names most in that country ("Vancouver" and
 * "Toronto", each also a US town, make "BC" British Columbia).
 */
function supports(context: ResolveContext, need: AbbreviationNeed): boolean {
  const own = context.countries.get(need.cc) ?? 0;
  const rival = need.rival === undefined ? 0 : (context.countries.get(need.rival) ?? 0);
  if (own > 0) return own > rival;
  if (rival > 0 || !context.soft) return false;
  const byCountry = new Map<string, number>();
  for (const [region, v] of context.soft.votes) {
    const cc = region.slice(0, region.indexOf('.'));
    byCountry.set(cc, (byCountry.get(cc) ?? 0) + v);
  }
  const mine = byCountry.get(need.cc) ?? 0;
  if (mine <= 0) return false;
  for (const v of byCountry.values()) if (v > mine) return false;
  return true;
}

/**
 * True when `entries` are an abbreviation's region that the article must support ("BC", "WA"): such a name gives
 * no evidence of its own (clearVote) and is read only when the article names its country otherwise (chooseEntry).
 */
export function needsCountry(entries: readonly GazetteerEntry[]): boolean {
  return NEEDS_COUNTRY.has(entries);
}

/** The folded name each list of entriesFor was looked up by (for chooseEntry's own-name rule). */
const LOOKED_UP = new WeakMap<readonly GazetteerEntry[], string>();
function withKey(list: GazetteerEntry[], key: string): GazetteerEntry[] {
  if (list.length > 1 && !LOOKED_UP.has(list)) LOOKED_UP.set(list, fold(key));
  return list;
}

/** A lower-case letter followed by a capital inside a word. */
const CAMEL = /\p{Ll}\p{Lu}/u;
const stripMarks = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '');

/** What the rest of the article says about a mention, for disambiguation. */
export interface ResolveContext {
  /** Evidence per country code (explicit country names, demonyms, unambiguous places), any scale. */
  countries: ReadonlyMap<string, number>;
  /** Evidence per first-level region, keyed `CC.admin1` ("US.TX"), from region names and unambiguous places. */
  regions?: ReadonlyMap<string, number>;
  /** Entries of a ", Qualifier" right after the mention ("Paris, Texas" → Texas's entries), if any. */
  qualifier?: readonly GazetteerEntry[];
  /**
   * Soft region votes of the article's ambiguous names (softRegionVotes), with this name's own votes, which do not
   * count for itself: "Madison", "Plainview" and "Norfolk" together point to Nebraska though none does alone.
   */
  /** Sums of the evidence maps (set by chooseEntry). */
  totals?: EvidenceTotals;
  /** How many first-level regions the name's entries lie in (set by chooseEntry). */
  regionCount?: number;
  /** Countries the name also names, or where it is also a city of BIG_CITY people (set by chooseEntry). */
  bigCityIn?: ReadonlySet<string>;
  soft?: {
    votes: ReadonlyMap<string, number>;
    own: ReadonlyMap<string, number> | undefined;
    total: number;
  };
}

/** The entry lists of an article's names, by the soft votes computed from them (for chooseEntry's nearby test). */
const ARTICLE_NAMES = new WeakMap<ReadonlyMap<string, number>, readonly (readonly GazetteerEntry[])[]>();

/** A city this big is what its name means in its country, over the region of the same name. */
const BIG_CITY = 100_000;
/** Weight of the other names' soft region votes. */
const SOFT_WEIGHT = 5;
/** A name whose best reading has this many people, its namesakes mostly abroad, casts no soft votes. */
const SOFT_MAX_POPULATION = 500_000;
/** A name with readings in up to this many regions takes the others' soft votes in full; beyond, in proportion. */
const SOFT_FULL_REGIONS = 10;
/** A name with readings in more regions than this casts no soft votes ("Springfield" is everywhere). */
const SOFT_MAX_REGIONS = 40;

/** True when at least half the entries lie in `code`. */
function mostlyIn(list: readonly GazetteerEntry[], code: string | null): boolean {
  let n = 0;
  for (const e of list) if (e.countryCode === code) n++;
  return n * 2 >= list.length;
}

/**
 * Soft region votes: each name with readings in several first-level regions gives each of them 1/n (n regions);
 * names in one region are the clear evidence of placeEvidence and vote there already. Keyed by the name's list.
 */
export function softRegionVotes(lists: readonly (readonly GazetteerEntry[])[]): {
  votes: Map<string, number>;
  own: Map<readonly GazetteerEntry[], Map<string, number>>;
  total: number;
} {
  const votes = new Map<string, number>();
  const own = new Map<readonly GazetteerEntry[], Map<string, number>>();
  let total = 0;
  ARTICLE_NAMES.set(votes, lists);
  for (const list of lists) {
    if (list.length < 2 || own.has(list)) continue;
    const regions = new Set<string>();
    for (const e of list) {
      if (e.countryCode && e.admin1 !== undefined && e.kind !== 'country') regions.add(`${e.countryCode}.${e.admin1}`);
    }
    if (regions.size < 2 || regions.size > SOFT_MAX_REGIONS) continue;
    // A country is what the name means unless the text says otherwise: it neither casts nor takes soft votes
    // ("Mexico" and "Norway" are not towns in Maine).
    const top = list[0] as GazetteerEntry;
    if (top.kind === 'country' || top.kind === 'continent') continue;
    // Nor does a name whose region is clear (placeEvidence counts it there): "England" is England, not a town in
    // Arkansas, and does not vote for every town of England besides.
    if (clearVote(list)?.region) continue;
    // Nor does a big city whose namesakes lie mostly in other countries ("Cairo", "London", "Paris"): its small
    // namesakes would pull the others to their states ("Cairo" and "Washington" are both towns in Illinois).
    if (top.population >= SOFT_MAX_POPULATION && !mostlyIn(list, top.countryCode)) continue;
    const w = 1 / regions.size;
    const mine = new Map<string, number>();
    for (const r of regions) {
      mine.set(r, w);
      votes.set(r, (votes.get(r) ?? 0) + w);
    }
    own.set(list, mine);
    total += 1;
  }
  return { votes, own, total };
}

/** Sums of the evidence maps (positive values only), once per choice rather than once per entry. */
export interface EvidenceTotals {
  countries: number;
  regions: number;
  /** Region evidence per country code. */
  regionsByCountry: Map<string, number>;
}

export function evidenceTotals(ctx: Pick<ResolveContext, 'countries' | 'regions'>): EvidenceTotals {
  let countries = 0;
  for (const v of ctx.countries.values()) if (v > 0) countries += v;
  let regions = 0;
  const regionsByCountry = new Map<string, number>();
  if (ctx.regions) {
    for (const [k, v] of ctx.regions) {
      if (v <= 0) continue;
      regions += v;
      const cc = k.slice(0, k.indexOf('.'));
      regionsByCountry.set(cc, (regionsByCountry.get(cc) ?? 0) + v);
    }
  }
  return { countries, regions, regionsByCountry };
}

/** The population and kind prior of an entry: 0.17 .. ~1.25 for the population, more for a country or continent. */
function priorOf(e: GazetteerEntry): number {
  let s = Math.log10(e.population + 10) / 6;
  if (e.kind === 'country') s += 0.35;
  else if (e.kind === 'continent') s += 0.4;
  return s;
}

/** `CC.admin1` of an entry, '' without a first-level region. */
function regionKey(e: GazetteerEntry): string {
  return e.countryCode && e.admin1 !== undefined ? `${e.countryCode}.${e.admin1}` : '';
}

/** `key`'s share of the evidence `m` summing to `total`; evidence with a name's own votes taken out may hold
 * rounding dust, and nothing there is no evidence. */
function share(m: ReadonlyMap<string, number> | undefined, total: number, key: string): number {
  return m && total > 1e-9 ? Math.max(0, m.get(key) ?? 0) / total : 0;
}

/** Score of one entry: population prior, gazetteer order, the article's countries, a qualifier. Higher is better. */
export function scoreEntry(e: GazetteerEntry, rank: number, ctx: ResolveContext, shape?: ListShape): number {
  let s = shape ? (shape.prior[rank] as number) : priorOf(e);
  if (rank === 0) s += 0.25;
  const totals = ctx.totals ?? evidenceTotals(ctx);
  if (e.countryCode) s += 0.8 * share(ctx.countries, totals.countries, e.countryCode);
  const key = shape ? (shape.keys[rank] as string) : regionKey(e);
  // A second-level region with no first-level one (a county of Britain or Ireland: subdivisions.tsv) takes its
  // country's share of the region evidence like a first-level region ("Devon and Cornwall police" beside England
  // and Camborne), though it casts no soft vote of its own.
  if (e.countryCode && (key || (e.kind === 'region' && e.geonameId === null))) {
    // A first-level region is a sibling of the regions the article names ("Wales and England", "Georgia and
    // Texas"): it takes its country's share of the region evidence, as a town takes its own region's.
    // Not where the name is also that country ("Mexico") or a big city of it ("Washington", "New York": the city
    // or the state, as its own region's evidence says).
    const sibling = e.kind === 'region' && !ctx.bigCityIn?.has(e.countryCode);
    const own = share(ctx.regions, totals.regions, key);
    const country =
      sibling && totals.regions > 1e-9 ? (totals.regionsByCountry.get(e.countryCode) ?? 0) / totals.regions : 0;
    s += REGION_WEIGHT * Math.max(own, country);
  }
  const soft = ctx.soft;
  if (soft && key && soft.total > 0) {
    const mine = soft.own?.get(key) ?? 0;
    // A name that casts no soft votes itself ("Paris") still takes the others'.
    const others = soft.own ? soft.total - 1 : soft.total;
    // A name with readings in many regions has one where the others point by chance ("Washington" is a town in
    // most states): its soft bonus shrinks with the number of its regions beyond SOFT_FULL_REGIONS.
    if (others > 0)
      s +=
        ((SOFT_WEIGHT * ((soft.votes.get(key) ?? 0) - mine)) / others) *
        Math.min(1, SOFT_FULL_REGIONS / (ctx.regionCount ?? 1));
  }
  const q = ctx.qualifier;
  if (q?.length) {
    const match = q.some(
      (r) =>
        (r.kind === 'region' && r.countryCode === e.countryCode && r.admin1 !== undefined && r.admin1 === e.admin1) ||
        (r.kind === 'country' && r.countryCode === e.countryCode),
    );
    if (match) s += QUALIFIER_BONUS;
  }
  return s;
}

/** The best entry for a mention; null when there are none. */
export function chooseEntry(entries: readonly GazetteerEntry[], context: ResolveContext): GazetteerEntry | null {
  const need = NEEDS_COUNTRY.get(entries);
  if (need) {
    // "BC" is British Columbia only beside other evidence of Canada; "WA" Western Australia only when Australia
    // outweighs the United States.
    if (!supports(context, need)) return null;
  }
  if (entries.length < 2) return entries[0] ?? null;
  const totals = context.totals ?? evidenceTotals(context);
  const shape = shapeOf(entries);
  // One object shape for every call (a spread of the caller's optional fields would make scoreEntry's property
  // reads polymorphic).
  const ctx: ResolveContext = {
    countries: context.countries,
    regions: context.regions,
    qualifier: context.qualifier,
    totals,
    regionCount: shape.regionCount,
    bigCityIn: totals.regions > 0 ? shape.shadowed : undefined,
    soft: context.soft,
  };
  let best: GazetteerEntry | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as GazetteerEntry;
    const s = scoreEntry(e, i, ctx, shape);
    if (s > bestScore) {
      best = e;
      bestScore = s;
    }
  }
  // A town read by another of its names gives way to a place of the same country named as written: "New Delhi" is
  // New Delhi, not Delhi (which GeoNames also calls New Delhi).
  const key = LOOKED_UP.get(entries);
  if (best && key !== undefined && POPULATED.has(best.kind) && fold(best.name) !== key) {
    let own: GazetteerEntry | null = null;
    let ownScore = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i] as GazetteerEntry;
      if (e.countryCode !== best.countryCode || !POPULATED.has(e.kind) || fold(e.name) !== key) continue;
      const s = scoreEntry(e, i, ctx, shape);
      if (s > ownScore) {
        own = e;
        ownScore = s;
      }
    }
    if (own) best = own;
  }
  const chosen = best as GazetteerEntry | null;
  if (chosen && !qualifies(ctx.qualifier, chosen)) {
    // A country never loses to a namesake town by the article's soft region votes alone ("Mexico" beside Albany and
    // Syracuse is not Mexico, N.Y.): only a ", Qualifier" ("Mexico, Mo.") or the town's own state in the article's
    // clear evidence picks the town. (World cities take this rule only in a story abroad, below: local US news
    // means Paris, Tenn. by "Paris" far more often than Reuters loses Paris, France to a namesake; LGL's geonameId
    // accuracy fell 71 -> 70 with it unconditional.)
    const big = entries.find(
      (e) =>
        e !== chosen &&
        e.kind === 'country' &&
        // A namesake: the same name, not an old name of another place.
        fold(e.name) === fold(chosen.name),
    );
    // A strongly local story keeps the town: one whose own state has LOCAL_REGION of the clear region evidence.
    const local = (ctx.regions?.get(`${chosen.countryCode}.${chosen.admin1}`) ?? 0) >= LOCAL_REGION;
    const country =
      big && chosen.kind !== 'country' && chosen.kind !== 'region' && chosen.kind !== 'continent' ? big : undefined;
    if (country && !local) return country;
    // A world city abroad is what its name means over a namesake town ("Amsterdam", "Geneva", "Paris"), as is a
    // country even in the town's state's evidence, in a story abroad (the town's country less than half the country
    // evidence) that names neither the town's state nor a place near it: "New York" (the city, 400 km away) makes
    // neither Mexico, N.Y., of "Mexico's debt" nor Geneva, N.Y., of OPEC's meeting; "Paris" beside Memphis is Paris,
    // Tenn.
    if (POPULATED.has(chosen.kind)) {
      const world = country ?? (chosen.population < WORLD_CITY ? worldNamesake(entries, chosen) : null);
      if (
        world &&
        share(ctx.countries, totals.countries, chosen.countryCode ?? '') < ABROAD &&
        !namedNear(ctx.soft?.votes, entries, chosen)
      )
        return world;
    }
    // A sea, ocean or mountain range is what its bare name means over a small town ("Pacific coast" is not
    // Pacific, Missouri).
    if ((chosen.kind === 'town' || chosen.kind === 'village') && chosen.population < BIG_CITY) {
      const feature = entries.find((e) => e.kind === 'feature' || e.kind === 'continent');
      if (feature) return feature;
    }
  }
  return best;
}

/** Clear region evidence (placeEvidence) for a town's own state that makes the story local to it. */
const LOCAL_REGION = 0.5;

/** A city this big (or a country) is what its name means abroad over a namesake town. */
const WORLD_CITY = 500_000;
/** ...and it is at least this many times the town's size. */
const WORLD_FACTOR = 20;

/**
 * A namesake of `town` in another country that the name means in world news: a country, a city of WORLD_CITY
 * people WORLD_FACTOR times the town's, or the gazetteer's first reading of the name when it has BIG_CITY people
 * and more than the town ("Geneva", the canton). null when there is none.
 */
function worldNamesake(entries: readonly GazetteerEntry[], town: GazetteerEntry): GazetteerEntry | null {
  const name = fold(town.name);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as GazetteerEntry;
    if (e === town || e.countryCode === town.countryCode || fold(e.name) !== name) continue;
    if (e.kind !== 'city' && e.kind !== 'region' && e.kind !== 'country') continue;
    if (i === 0 && e.population >= BIG_CITY && e.population > town.population) return e;
    if (e.population < WORLD_FACTOR * town.population) continue;
    if (e.kind === 'country' || e.population >= WORLD_CITY) return e;
  }
  return null;
}

/** A town's country with less than this share of the article's country evidence is abroad. */
const ABROAD = 0.5;
/** A place named in the article this close to a town places the story near it. */
const NEAR_KM = 160;

/**
 * True when another name of the article (`votes`: its soft votes, see softRegionVotes) may be `town`'s first-level
 * region or a populated place within NEAR_KM of it. A name read first as a world city does not name its region
 * ("New York" is the city in world news, not the state of Geneva, N.Y.). Without the article's names, true.
 */
function namedNear(
  votes: ReadonlyMap<string, number> | undefined,
  own: readonly GazetteerEntry[],
  town: GazetteerEntry,
): boolean {
  const lists = votes && ARTICLE_NAMES.get(votes);
  if (!lists) return true;
  for (const list of lists) {
    if (list === own || !list.length) continue;
    const first = list[0] as GazetteerEntry;
    const world = first.kind === 'city' && first.population >= WORLD_CITY;
    // Another world city's namesakes say nothing ("Rotterdam" does not place Amsterdam in New York).
    if (world && first.countryCode !== town.countryCode) continue;
    for (const e of list) {
      if (e.countryCode !== town.countryCode) continue;
      if (e.kind === 'region') {
        if (!world && e.admin1 !== undefined && e.admin1 === town.admin1) return true;
      } else if (
        POPULATED.has(e.kind) &&
        e.lat !== null &&
        e.lon !== null &&
        town.lat !== null &&
        town.lon !== null &&
        distanceKm(e.lat, e.lon, town.lat, town.lon) <= NEAR_KM
      )
        return true;
    }
  }
  return false;
}

/** True when a ", Qualifier" after the mention names `e`'s country or first-level region. */
function qualifies(q: readonly GazetteerEntry[] | undefined, e: GazetteerEntry): boolean {
  return (
    !!q?.length &&
    q.some(
      (r) =>
        (r.kind === 'region' && r.countryCode === e.countryCode && r.admin1 !== undefined && r.admin1 === e.admin1) ||
        (r.kind === 'country' && r.countryCode === e.countryCode),
    )
  );
}

/**
 * The reading of a ", Qualifier" after a place ("Buffalo, New York", "Mississauga, Ontario"): the entry of the
 * qualifier's name that contains the place, its first-level region or else its country; null when none does (the
 * qualifier keeps its own reading: "Hollywood, Los Angeles", "Cairo, Giza").
 */
export function qualifierReading(
  qualifier: readonly GazetteerEntry[],
  place: GazetteerEntry | null,
): GazetteerEntry | null {
  if (!place?.countryCode || place.kind === 'country' || place.kind === 'continent') return null;
  let country: GazetteerEntry | null = null;
  for (const q of qualifier) {
    if (q.countryCode !== place.countryCode) continue;
    if (q.kind === 'region' && q.admin1 !== undefined && q.admin1 === place.admin1 && q !== place) return q;
    if (q.kind === 'country') country ??= q;
  }
  return country;
}

/** What chooseEntry needs of a list of entries beyond the entries themselves (cached per list). */
export interface ListShape {
  /** priorOf each entry. */
  prior: number[];
  /** regionKey of each entry. */
  keys: string[];
  /** Distinct first-level regions, counted only beyond SOFT_FULL_REGIONS entries (1 below). */
  regionCount: number;
  /** Countries the name also names, or where it is also a city of BIG_CITY people. */
  shadowed: Set<string> | undefined;
}
const SHAPES = new WeakMap<readonly GazetteerEntry[], ListShape>();

function shapeOf(entries: readonly GazetteerEntry[]): ListShape {
  let shape = SHAPES.get(entries);
  if (shape) return shape;
  const keys = entries.map(regionKey);
  let regionCount = 1;
  // Distinct regions matter only beyond SOFT_FULL_REGIONS, which fewer entries cannot reach.
  if (entries.length > SOFT_FULL_REGIONS) {
    const seen = new Set(keys);
    seen.delete('');
    regionCount = seen.size;
  }
  let shadowed: Set<string> | undefined;
  for (const e of entries) {
    const shadows = e.kind === 'country' || (e.kind === 'city' && e.population >= BIG_CITY);
    if (!shadows || !e.countryCode) continue;
    shadowed ??= new Set();
    shadowed.add(e.countryCode);
  }
  shape = { prior: entries.map(priorOf), keys, regionCount, shadowed };
  SHAPES.set(entries, shape);
  return shape;
}

/** What one mention of a name says about the article's country and first-level region (placeEvidence). */
export interface Vote {
  country?: string;
  countryWeight: number;
  region?: string;
  regionWeight: number;
}

/**
 * The clear vote of one mention of a name: its country when all its entries lie in one country, or its best entry
 * is a country or region and no other entry is ("France" beside a hamlet called France counts; "Georgia", GE or
 * US.GA, does not); its region likewise. Countries count 1, other places 0.5. null when it says nothing.
 */
export function clearVote(list: readonly GazetteerEntry[]): Vote | null {
  if (NEEDS_COUNTRY.has(list)) return null;
  const first = list[0];
  if (!first?.countryCode) return null;
  const big = (e: GazetteerEntry) => e.kind === 'country' || e.kind === 'region';
  const clear = big(first) && !list.slice(1).some(big);
  const vote: Vote = { countryWeight: 0, regionWeight: 0 };
  if (clear || list.every((e) => e.countryCode === first.countryCode)) {
    vote.country = first.countryCode;
    vote.countryWeight = first.kind === 'country' ? 1 : 0.5;
  }
  if (
    first.admin1 !== undefined &&
    (clear || list.every((e) => e.countryCode === first.countryCode && e.admin1 === first.admin1))
  ) {
    vote.region = `${first.countryCode}.${first.admin1}`;
    vote.regionWeight = first.kind === 'region' ? 1 : 0.5;
  }
  return vote.country || vote.region ? vote : null;
}

/**
 * The region votes of first-level regions named inside the article's organization names (orgRegionEntries of
 * nested.ts: "Minnesota" of "Minnesota State Chess Association"), each a clear region vote without its country
 * vote; none for a name the article also gives one of its places (`placeNames`, folded: the "Delta Police" of Delta,
 * B.C., is no vote for Delta State, Nigeria).
 */
export function orgRegionVotes(
  found: readonly { text: string; entries: readonly GazetteerEntry[] }[],
  placeNames: { has(key: string): boolean },
): Vote[] {
  const out: Vote[] = [];
  for (const { text, entries } of found) {
    if (placeNames.has(fold(cleanSurface(text)))) continue;
    const v = clearVote(entries);
    if (v?.region) out.push({ region: v.region, regionWeight: v.regionWeight, countryWeight: 0 });
  }
  return out;
}

/**
 * The vote of a name read in context (the first pass's choice of an ambiguous name): half a clear vote, for the
 * choice is only as good as the evidence it rests on; twice that in a dateline, which names where the story is.
 */
export function readingVote(e: GazetteerEntry, dateline: boolean): Vote | null {
  if (!e.countryCode || e.kind === 'continent') return null;
  // A town's reading is the weakest evidence there is (chosen by its size or by the others' soft votes): it would
  // only echo them, and two names would each pull the other to its own first reading.
  const big = e.kind === 'country' || e.kind === 'region';
  if (!big && !dateline) return null;
  const w = 0.5;
  const vote: Vote = { country: e.countryCode, countryWeight: w, regionWeight: 0 };
  if (e.admin1 !== undefined && e.kind !== 'country') {
    vote.region = `${e.countryCode}.${e.admin1}`;
    vote.regionWeight = w;
  }
  return vote;
}

/** Adds `times` × a vote to the evidence maps (a negative `times` takes it back out). */
export function addVote(
  ev: { countries: Map<string, number>; regions: Map<string, number> },
  v: Vote,
  times: number,
): void {
  if (v.country) ev.countries.set(v.country, (ev.countries.get(v.country) ?? 0) + times * v.countryWeight);
  if (v.region) ev.regions.set(v.region, (ev.regions.get(v.region) ?? 0) + times * v.regionWeight);
}

/**
 * Country and region evidence from the names alone (before disambiguation): the clear votes (clearVote) of every
 * mention, so no ambiguous name votes for its own reading.
 */
export function placeEvidence(lists: readonly (readonly GazetteerEntry[])[]): {
  countries: Map<string, number>;
  regions: Map<string, number>;
} {
  const ev = { countries: new Map<string, number>(), regions: new Map<string, number>() };
  for (const list of lists) {
    const v = clearVote(list);
    if (v) addVote(ev, v, 1);
  }
  return ev;
}

/** Country evidence alone (see placeEvidence). */
export function countryEvidence(lists: readonly (readonly GazetteerEntry[])[]): Map<string, number> {
  return placeEvidence(lists).countries;
}

/**
 * A stable id for a place: `place:geonames-593116`, or `place:lt-teysin` / `place:teysin` without an id. A gazetteer
 * entry without a GeoNames id (a US county) adds its first-level region, so the id names one place in every article:
 * `place:us-ga-henry-county` and `place:us-tn-henry-county`.
 */
export function placeId(name: string, geonameId: number | null, countryCode: string | null, admin1?: string): string {
  if (geonameId !== null) return `place:geonames-${geonameId}`;
  const slug =
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'unnamed';
  if (!countryCode) return `place:${slug}`;
  const region = admin1 ? `${admin1.toLowerCase().replace(/[^a-z0-9]+/g, '')}-` : '';
  return `place:${countryCode.toLowerCase()}-${region}${slug}`;
}

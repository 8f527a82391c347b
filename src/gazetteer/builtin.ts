/**
 * The compiled gazetteer (src/data/places.generated.ts, written by scripts/data/places.ts), read in place.
 *
 * Records are separated by `~` and fields by `|` (not newlines and tabs: a literal without escapes is scanned
 * faster at import). PLACES_DATA: one record a line, sorted by folded name (then countries, continents, regions, features, cities,
 * towns, villages; then population):
 *   `name\tCCkLLLLL\tid\tpop\tadmin1`   trailing empty fields omitted
 *   CC: country code or `--`; k: kind code (KIND_CODES); LLLLL: coordinates (codec.ts) or `-----`;
 *   id: base-64 geonameId or empty; pop: base-64 population (regions: a quarter of their towns' total, a prior).
 * PLACES_ALTS: `key\toffset` lines sorted by key: alternate names and official forms (folded) → record offset.
 * PLACES_COUNTRIES: `CC\toffset`; PLACES_PREFERRED: `key\tid` (the usual referent of an ambiguous name);
 * PLACE_DEMONYMS: `word\tCC` (words folded).
 *
 * Nothing is indexed at load: a lookup binary-searches the two sorted strings, and parses (then caches) the
 * records it returns. Only the small tables (countries, demonyms, preferred) are read eagerly.
 */
import {
  PLACE_DEMONYMS,
  PLACES_ALTS,
  PLACES_COMMON_WORDS,
  PLACES_COUNTRIES,
  PLACES_DATA,
  PLACES_PREFERRED,
} from '../data/places.generated.js';
import type { PlaceKind } from '../schema.js';
import { dec64, decCoords } from './codec.js';
import { fold } from './fold.js';
import type { GazetteerEntry } from './index.js';

export const KIND_CODES: Record<string, PlaceKind> = {
  n: 'continent',
  c: 'country',
  r: 'region',
  C: 'city',
  t: 'town',
  v: 'village',
  f: 'feature',
  o: 'other',
};

export interface BuiltinTable {
  /** Number of records. */
  size: number;
  /** Entries for a folded key, best prior first (a fresh array). */
  lookup(key: string): GazetteerEntry[];
  /** Every record, in data order (parses all of them: for tests and tools). */
  all(): Generator<GazetteerEntry>;
  byId(id: number): GazetteerEntry | null;
  countries: Map<string, GazetteerEntry>;
  demonyms: Map<string, string>;
  /** Folded place names that are also common English words ("mobile", "reading", "bath"). */
  commonWords: ReadonlySet<string>;
  /** Milliseconds the lazy load took. */
  loadMs: number;
}

let table: BuiltinTable | null = null;

/** Field and record separators of the compiled strings. */
const FS = '|';
const RS = '~';

const KIND_RANK: Partial<Record<PlaceKind, number>> = { country: 0, continent: 1 };
/** An entry reached only through an alternate name ranks as if a tenth as populous (alternates are noisier). */
const ALT_PENALTY = 10;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

function lineStart(s: string, at: number): number {
  return s.lastIndexOf(RS, at - 1) + 1;
}
function lineEnd(s: string, at: number): number {
  const e = s.indexOf(RS, at);
  return e < 0 ? s.length : e;
}

/** Offset of the first line of sorted `s` whose key (text before the first tab, mapped by keyOf) is ≥ key. */
function lowerBound(s: string, key: string, keyOf: (k: string) => string): number {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const st = Math.max(lo, lineStart(s, mid));
    const tab = s.indexOf(FS, st);
    if (keyOf(s.slice(st, tab)) < key) lo = lineEnd(s, st) + 1;
    else hi = st;
  }
  return lo;
}

/** Line offsets of the lines of sorted `s` keyed `key`. */
function equalRange(s: string, key: string, keyOf: (k: string) => string): number[] {
  const out: number[] = [];
  let at = lowerBound(s, key, keyOf);
  while (at < s.length) {
    const tab = s.indexOf(FS, at);
    if (tab < 0 || keyOf(s.slice(at, tab)) !== key) break;
    out.push(at);
    at = lineEnd(s, at) + 1;
  }
  return out;
}

const same = (k: string) => k;

export function loadBuiltins(): BuiltinTable {
  if (table) return table;
  const t0 = now();
  const data = PLACES_DATA;
  const cache = new Map<number, GazetteerEntry>();
  const entry = (at: number): GazetteerEntry => {
    const hit = cache.get(at);
    if (hit) return hit;
    const f = data.slice(at, lineEnd(data, at)).split(FS);
    const fixed = f[1] ?? '';
    const cc = fixed.slice(0, 2);
    const ll = decCoords(fixed, 3);
    const e: GazetteerEntry = {
      geonameId: f[2] ? dec64(f[2]) : null,
      name: f[0] ?? '',
      kind: KIND_CODES[fixed[2] ?? 'o'] ?? 'other',
      countryCode: cc === '--' ? null : cc,
      lat: ll ? ll[0] : null,
      lon: ll ? ll[1] : null,
      population: f[3] ? dec64(f[3]) : 0,
    };
    if (f[4]) e.admin1 = f[4];
    cache.set(at, e);
    return e;
  };
  const pairs = (s: string, value: (v: string) => string | number) => {
    const m = new Map<string, ReturnType<typeof value>>();
    for (const line of s.split(RS)) {
      const tab = line.indexOf(FS);
      if (tab > 0) m.set(line.slice(0, tab), value(line.slice(tab + 1)));
    }
    return m;
  };
  const countries = new Map<string, GazetteerEntry>();
  for (const [cc, at] of pairs(PLACES_COUNTRIES, (v) => dec64(v))) countries.set(cc, entry(at as number));
  const demonyms = pairs(PLACE_DEMONYMS, (v) => v) as Map<string, string>;
  const preferred = pairs(PLACES_PREFERRED, (v) => dec64(v)) as Map<string, number>;
  let ids: Map<number, number> | null = null;
  let size = 0;
  for (let i = data.indexOf(RS); i >= 0; i = data.indexOf(RS, i + 1)) size++;
  if (data.length) size++;

  const prior = (e: GazetteerEntry, alt: boolean) =>
    (KIND_RANK[e.kind] ?? 2) * 1e12 - (alt ? e.population / ALT_PENALTY : e.population);

  table = {
    size,
    countries,
    demonyms,
    commonWords: new Set(PLACES_COMMON_WORDS.split(RS).filter(Boolean)),
    loadMs: 0,
    *all() {
      for (let at = 0; at < data.length; at = lineEnd(data, at) + 1) yield entry(at);
    },
    byId(id) {
      if (!ids) {
        ids = new Map();
        for (let at = 0; at < data.length; at = lineEnd(data, at) + 1) {
          const t1 = data.indexOf(FS, at);
          const t2 = data.indexOf(FS, t1 + 1);
          const end = lineEnd(data, at);
          if (t2 < 0 || t2 > end) continue;
          let t3 = data.indexOf(FS, t2 + 1);
          if (t3 < 0 || t3 > end) t3 = end;
          if (t3 > t2 + 1) ids.set(dec64(data, t2 + 1, t3), at);
        }
      }
      const at = ids.get(id);
      return at === undefined ? null : entry(at);
    },
    lookup(key) {
      if (!key) return [];
      const scored: [GazetteerEntry, number][] = [];
      for (const at of equalRange(data, key, fold)) {
        const e = entry(at);
        scored.push([e, prior(e, false)]);
      }
      for (const line of equalRange(PLACES_ALTS, key, same)) {
        const tab = PLACES_ALTS.indexOf(FS, line);
        const e = entry(dec64(PLACES_ALTS, tab + 1, lineEnd(PLACES_ALTS, line)));
        if (!scored.some(([x]) => x === e)) scored.push([e, prior(e, true)]);
      }
      scored.sort((a, b) => a[1] - b[1]);
      const out = scored.map(([e]) => e);
      const want = preferred.get(key);
      if (want !== undefined) {
        const i = out.findIndex((e) => e.geonameId === want);
        if (i > 0) out.unshift(...out.splice(i, 1));
      }
      return out;
    },
  };
  table.loadMs = now() - t0;
  return table;
}

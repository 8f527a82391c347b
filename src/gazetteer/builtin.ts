/**
 * Parses the compiled gazetteer (src/data/places.generated.ts) on first use.
 *
 * Format of PLACES_DATA, one record a line (written by scripts/data/places.ts):
 *   `@CC`           the country of the records that follow (`@` alone: no country, e.g. continents, oceans)
 *   `=key\tid`      the preferred entry for an ambiguous folded name (base-36 geonameId)
 *   `name\tid\tk\tcoords\tpop\tadmin1\talt|alt`   one place; trailing empty fields are omitted.
 *     id: base-36 geonameId or empty; k: kind code (KIND_CODES); coords: 3 base-36 digits of (lat+90)*100
 *     then 3 of (lon+180)*100, or empty; pop: base-36 population; alts: other names, `|`-separated.
 * PLACE_DEMONYMS: `word\tCC` lines.
 */
import { PLACE_DEMONYMS, PLACES_DATA } from '../data/places.generated.js';
import type { PlaceKind } from '../schema.js';
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
  entries: GazetteerEntry[];
  /** Entries for a folded key, best prior first (shared arrays: copy before mutating). */
  lookup(key: string): readonly GazetteerEntry[];
  keys(): IterableIterator<string>;
  byId: Map<number, GazetteerEntry>;
  countries: Map<string, GazetteerEntry>;
  demonyms: Map<string, string>;
  /** Milliseconds the lazy parse took. */
  loadMs: number;
}

let table: BuiltinTable | null = null;

const KIND_RANK: Partial<Record<PlaceKind, number>> = { country: 0, continent: 1 };

/** Ordering prior: countries, then continents, then the rest by population (regions carry a share of theirs). */
function byPrior(a: GazetteerEntry, b: GazetteerEntry): number {
  const ra = KIND_RANK[a.kind] ?? 2;
  const rb = KIND_RANK[b.kind] ?? 2;
  if (ra !== rb) return ra - rb;
  return b.population - a.population;
}

export function loadBuiltins(): BuiltinTable {
  if (table) return table;
  const t0 = typeof performance !== 'undefined' ? performance.now() : Date.now();
  const entries: GazetteerEntry[] = [];
  const index = new Map<string, GazetteerEntry | GazetteerEntry[]>();
  const sorted = new Set<string>();
  const preferred = new Map<string, number>();
  const byId = new Map<number, GazetteerEntry>();
  const countries = new Map<string, GazetteerEntry>();
  const add = (key: string, e: GazetteerEntry) => {
    const cur = index.get(key);
    if (cur === undefined) index.set(key, e);
    else if (Array.isArray(cur)) {
      if (!cur.includes(e)) cur.push(e);
    } else if (cur !== e) index.set(key, [cur, e]);
  };
  let cc: string | null = null;
  const data = PLACES_DATA;
  let pos = 0;
  while (pos < data.length) {
    let nl = data.indexOf('\n', pos);
    if (nl < 0) nl = data.length;
    const line = data.slice(pos, nl);
    pos = nl + 1;
    if (!line) continue;
    const c0 = line.charCodeAt(0);
    if (c0 === 64 /* @ */) {
      cc = line.length > 1 ? line.slice(1) : null;
      continue;
    }
    const f = line.split('\t');
    if (c0 === 61 /* = */) {
      preferred.set(line.slice(1, line.indexOf('\t')), Number.parseInt(f[1] ?? '', 36));
      continue;
    }
    const name = f[0] ?? '';
    const id = f[1] ? Number.parseInt(f[1], 36) : null;
    const coords = f[3] ?? '';
    const e: GazetteerEntry = {
      geonameId: id,
      name,
      kind: KIND_CODES[f[2] ?? 'o'] ?? 'other',
      countryCode: cc,
      lat: coords ? Number.parseInt(coords.slice(0, 3), 36) / 100 - 90 : null,
      lon: coords ? Number.parseInt(coords.slice(3, 6), 36) / 100 - 180 : null,
      population: f[4] ? Number.parseInt(f[4], 36) : 0,
    };
    if (f[5]) e.admin1 = f[5];
    if (e.lat !== null) e.lat = Math.round(e.lat * 100) / 100;
    if (e.lon !== null) e.lon = Math.round(e.lon * 100) / 100;
    entries.push(e);
    if (id !== null && !byId.has(id)) byId.set(id, e);
    if (e.kind === 'country' && cc && !countries.has(cc)) countries.set(cc, e);
    add(fold(name), e);
    if (f[6]) for (const alt of f[6].split('|')) add(fold(alt), e);
  }
  const demonyms = new Map<string, string>();
  for (const line of PLACE_DEMONYMS.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) demonyms.set(fold(line.slice(0, tab)), line.slice(tab + 1));
  }
  const empty: readonly GazetteerEntry[] = [];
  const t1 = typeof performance !== 'undefined' ? performance.now() : Date.now();
  table = {
    entries,
    byId,
    countries,
    demonyms,
    loadMs: t1 - t0,
    keys: () => index.keys(),
    lookup(key) {
      const cur = index.get(key);
      if (cur === undefined) return empty;
      if (!Array.isArray(cur)) return [cur];
      if (!sorted.has(key)) {
        cur.sort(byPrior);
        const want = preferred.get(key);
        if (want !== undefined) {
          const i = cur.findIndex((e) => e.geonameId === want);
          if (i > 0) cur.unshift(...cur.splice(i, 1));
        }
        sorted.add(key);
      }
      return cur;
    },
  };
  return table;
}

/**
 * The compiled gazetteer (src/data/places.generated.ts, written by scripts/data/places.ts), read in place.
 *
 * Records are separated by `~`. PLACES_DATA: records sorted by folded name (then countries, continents, regions,
 * features, cities, towns, villages; then population), each `name` + a fixed 14-character tail:
 *   RRR  region-and-kind: index into PLACES_REGIONS (`CC|admin1`) × 8 + kind (KIND_LETTERS), base 64;
 *   LLLLL coordinates (codec.ts) or `-----`; IIII geonameId in base 64 (`0000`: none); PP population (codec.ts
 *   encPop: log scale; regions: a quarter of their towns' total, a prior).
 * A record with the previous record's name leaves the name out; names are Latin-1 with `^` escapes (encName), so
 * every compiled string is one byte a character and cheap to scan at import.
 * PLACES_ALTS: `key|offset` sorted by key: alternate names and official forms (folded) → record offset.
 * PLACES_COUNTRIES: `CC|offset`; PLACES_PREFERRED: `key|id` (the usual referent of an ambiguous name);
 * PLACE_DEMONYMS: `word|CC` (words folded).
 *
 * Nothing is indexed at load: a lookup binary-searches the two sorted strings, and parses (then caches) the
 * records it returns. Only the small tables (countries, regions, demonyms, preferred) are read eagerly.
 */
import {
  PLACE_DEMONYMS,
  PLACES_ALTS,
  PLACES_COMMON_WORDS,
  PLACES_COUNTRIES,
  PLACES_DATA,
  PLACES_PREFERRED,
  PLACES_REGIONS,
} from '../data/places.generated.js';
import type { PlaceKind } from '../schema.js';
import { dec64, decCoords, decName, decPop } from './codec.js';
import { fold } from './fold.js';
import type { GazetteerEntry } from './index.js';
import { KIND_CODES, KIND_LETTERS } from './kinds.js';

export { KIND_CODES } from './kinds.js';

/** Length of a record's fixed tail (region-and-kind 3, coordinates 5, id 4, population 2). */
const TAIL = 14;

export interface BuiltinTable {
  /** Number of records. */
  readonly size: number;
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

/**
 * Record starts of a `~`-separated string, built once (one indexOf scan): record r spans `starts[r]` up to
 * `starts[r + 1] - 1` (the last entry is the string's length + 1).
 */
function recordStarts(s: string, minLength: number): Int32Array {
  const buf = new Int32Array(Math.floor((s.length + 1) / (minLength + 1)) + 2);
  let n = 0;
  buf[n++] = 0;
  for (let i = s.indexOf(RS); i >= 0; i = s.indexOf(RS, i + 1)) buf[n++] = i + 1;
  buf[n++] = s.length + 1;
  return buf.slice(0, n);
}

/** Number of the first record of sorted `n` records whose key is ≥ key; cmp(r, key) compares record r's key. */
function lowerBound(n: number, key: string, cmp: (r: number, key: string) => number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(mid, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Lookups remembered across articles (names recur); cleared when it grows past this many keys. */
const MEMO_MAX = 20_000;

export function loadBuiltins(): BuiltinTable {
  if (table) return table;
  const t0 = now();
  const data = PLACES_DATA;
  const regions = PLACES_REGIONS.split(RS).map((r) => {
    const bar = r.indexOf(FS);
    const cc = r.slice(0, bar);
    return { cc: cc === '--' ? null : cc, admin1: r.slice(bar + 1) };
  });
  /** Start of the (escaped) name of the record at `at`: its own, or the nearest earlier record's when it repeats it. */
  const nameStart = (at: number): number => {
    let st = at;
    while (st > 0 && lineEnd(data, st) - st <= TAIL) st = lineStart(data, st - 1);
    return st;
  };
  const rawName = (at: number): string => {
    const st = nameStart(at);
    return data.slice(st, lineEnd(data, st) - TAIL);
  };
  /**
   * The record index, built on the first look-up (not at import: ~5 ms): record starts, the record whose name each
   * record uses (itself, or the nearest earlier record with a name when it repeats it), and the alternates' line
   * starts. Binary searches then step by record number instead of scanning for separators.
   */
  let starts: Int32Array | null = null;
  let owners: Int32Array | null = null;
  let altStarts: Int32Array | null = null;
  /** Folded names of the records whose names are not plain ASCII (by owner record), folded once on first compare. */
  let folded: (string | undefined)[] = [];
  const buildIndex = (): Int32Array => {
    const st = recordStarts(data, TAIL);
    const n = st.length - 1;
    const own = new Int32Array(n);
    for (let r = 0; r < n; r++) own[r] = r > 0 && st[r + 1]! - 1 - st[r]! <= TAIL ? own[r - 1]! : r;
    owners = own;
    altStarts = recordStarts(PLACES_ALTS, 2);
    folded = new Array<string | undefined>(n).fill(undefined);
    starts = st;
    return st;
  };
  /**
   * Compares the folded name of record `r` with `key` without building strings: ASCII names fold to lower case, so
   * they compare character by character; anything else (escapes, non-ASCII letters) is folded in full, once.
   */
  const cmpData = (r: number, key: string): number => {
    const o = (owners as Int32Array)[r]!;
    const f = folded[o];
    if (f !== undefined) return order(f, key);
    const st = (starts as Int32Array)[o]!;
    const end = (starts as Int32Array)[o + 1]! - 1 - TAIL;
    for (let i = st; i < end; i++) {
      let c = data.charCodeAt(i);
      if (c >= 128 || c === 94 || c < 32 || (c === 32 && data.charCodeAt(i - 1) === 32)) {
        const name = fold(decName(data.slice(st, end)));
        folded[o] = name;
        return order(name, key);
      }
      if (c >= 65 && c <= 90) c += 32;
      const j = i - st;
      if (j >= key.length) return 1;
      const k = key.charCodeAt(j);
      if (c !== k) return c - k;
    }
    return end - st - key.length;
  };
  /** Compares the key of PLACES_ALTS line `r` (folded already) with `key`. */
  const cmpAlt = (r: number, key: string): number => {
    const s = PLACES_ALTS;
    const at = (altStarts as Int32Array)[r]!;
    for (let i = at; ; i++) {
      const c = s.charCodeAt(i);
      const j = i - at;
      if (c === 124 /* | */ || Number.isNaN(c)) return j - key.length;
      if (j >= key.length) return 1;
      const k = key.charCodeAt(j);
      if (c !== k) return c - k;
    }
  };
  const cache = new Map<number, GazetteerEntry>();
  const entry = (at: number): GazetteerEntry => {
    const hit = cache.get(at);
    if (hit) return hit;
    const t = lineEnd(data, at) - TAIL;
    const rk = dec64(data, t, t + 3);
    const region = regions[rk >>> 3];
    const ll = decCoords(data, t + 3);
    const id = dec64(data, t + 8, t + 12);
    const e: GazetteerEntry = {
      geonameId: id > 0 ? id : null,
      name: decName(rawName(at)),
      kind: KIND_CODES[KIND_LETTERS[rk & 7] ?? 'o'] ?? 'other',
      countryCode: region?.cc ?? null,
      lat: ll ? ll[0] : null,
      lon: ll ? ll[1] : null,
      population: decPop(data, t + 12),
    };
    if (region?.admin1) e.admin1 = region.admin1;
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
  let size = -1;

  const memo = new Map<string, GazetteerEntry[]>();
  const prior = (e: GazetteerEntry, alt: boolean) =>
    (KIND_RANK[e.kind] ?? 2) * 1e12 - (alt ? e.population / ALT_PENALTY : e.population);

  table = {
    /** Counted on first use (a scan of the whole string). */
    get size() {
      if (size < 0) {
        size = data.length ? 1 : 0;
        for (let i = data.indexOf(RS); i >= 0; i = data.indexOf(RS, i + 1)) size++;
      }
      return size;
    },
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
          const t = lineEnd(data, at) - TAIL;
          const n = dec64(data, t + 8, t + 12);
          if (n > 0) ids.set(n, at);
        }
      }
      const at = ids.get(id);
      return at === undefined ? null : entry(at);
    },
    lookup(key) {
      if (!key) return [];
      const known = memo.get(key);
      if (known) return known.slice();
      const scored: [GazetteerEntry, number][] = [];
      const st = starts ?? buildIndex();
      const n = st.length - 1;
      for (let r = lowerBound(n, key, cmpData); r < n && cmpData(r, key) === 0; r++) {
        const e = entry(st[r]!);
        scored.push([e, prior(e, false)]);
      }
      const as = altStarts as Int32Array;
      const na = as.length - 1;
      for (let r = lowerBound(na, key, cmpAlt); r < na && cmpAlt(r, key) === 0; r++) {
        const line = as[r]!;
        const tab = PLACES_ALTS.indexOf(FS, line);
        const e = entry(dec64(PLACES_ALTS, tab + 1, as[r + 1]! - 1));
        if (!scored.some(([x]) => x === e)) scored.push([e, prior(e, true)]);
      }
      scored.sort((a, b) => a[1] - b[1]);
      const out = scored.map(([e]) => e);
      const want = preferred.get(key);
      if (want !== undefined) {
        const i = out.findIndex((e) => e.geonameId === want);
        if (i > 0) out.unshift(...out.splice(i, 1));
      }
      if (memo.size >= MEMO_MAX) memo.clear();
      memo.set(key, out);
      return out.slice();
    },
  };
  table.loadMs = now() - t0;
  return table;
}

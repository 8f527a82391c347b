/**
 * The gazetteer: GeoNames countries, first-level regions, cities ≥ 15,000 and towns ≥ 1,000 (compiled by
 * scripts/data/places.ts into src/data/places.generated.ts), our own lists of continents, natural features,
 * official forms, exonyms and demonyms (data/places/), plus the user's `config.places`.
 * The built-in table is parsed lazily on first use; nothing here reads files or mutates shared state.
 */
import type { ResolvedConfig, UserPlace } from '../config.js';
import type { PlaceKind } from '../schema.js';
import { type BuiltinTable, loadBuiltins } from './builtin.js';
import { firstWordsOf, fold } from './fold.js';
import { expandPrefix } from './prefix.js';

export { firstWordsOf, fold, foldToken } from './fold.js';

/** One gazetteer record. Countries and regions carry a representative point (capital or main city). */
export interface GazetteerEntry {
  geonameId: number | null;
  name: string;
  kind: PlaceKind;
  countryCode: string | null;
  lat: number | null;
  lon: number | null;
  population: number;
  /** GeoNames first-level admin code within the country ("30" for RU.30), when known. */
  admin1?: string;
}

/** Look-ups over the built-in and user places. */
export interface Gazetteer {
  /** Every entry named `surface` (case- and diacritic-insensitive), best prior first; [] when unknown. */
  lookup(surface: string): GazetteerEntry[];
  /** True when `surface` names at least one entry. */
  isPlace(surface: string): boolean;
  /** The ISO 3166-1 alpha-2 code of a demonym or nationality adjective ("Russian" → "RU"); null otherwise. */
  demonym(word: string): string | null;
  /**
   * One look-up for both kinds of demonym: the country's ISO code ("RU"), or the entry of the continent, region or
   * city an area's demonym names ("European" → Europe, "Texan" → Texas, "Muscovite" → Moscow); null otherwise.
   * `key`: the word's folded form when the caller already has it (an ASCII token's lower case), which spares the
   * filter and the folding.
   */
  anyDemonym(word: string, key?: string): string | GazetteerEntry | null;
  /**
   * The folded first words of the demonyms of more than one word ("sri" of "Sri Lankan", "latin" of "Latin
   * American"): a word not in it opens no such demonym, so the two-word look-up can be skipped.
   */
  demonymHeads(): ReadonlySet<string>;
  /**
   * The folded names of every country entry (built-in, and the user's places of kind country): a name whose best
   * reading is a country of that very name is in it, so a name not in it needs no look-up for that question.
   */
  countryNames(): ReadonlySet<string>;
  /** The country entry of an ISO 3166-1 alpha-2 code ("LT" → Lithuania); null when unknown. */
  country(code: string): GazetteerEntry | null;
}

const cache = new WeakMap<ResolvedConfig, Gazetteer>();

/**
 * The gazetteer for a configuration: built-ins plus `config.places`, cached per config object.
 * @example
 * const gaz = getGazetteer(resolveConfig({}));
 * gaz.lookup('Pabrade')[0]?.geonameId; // 596473
 */
export function getGazetteer(config: ResolvedConfig): Gazetteer {
  let g = cache.get(config);
  if (!g) {
    g = makeGazetteer(config.places ?? []);
    cache.set(config, g);
  }
  return g;
}

/**
 * True when a place name is also a common English word or given name ("Mobile", "Reading", "Bath", "May"):
 * `lookup` still returns its entries, but the places stage resolves it only with a context cue.
 * @example
 * isCommonWordPlace('Reading'); // true
 */
export function isCommonWordPlace(surface: string): boolean {
  return loadBuiltins().commonWords.has(fold(surface));
}

/** The built-in table alone (no user places), for tests and tools. */
export function builtinTable(): BuiltinTable {
  return loadBuiltins();
}

/** log2 of the demonym filter's bits (16k bits for ~550 keys, two probes: ~0.4 % false "maybe"). */
const DEM_BITS = 14;
const DEM_MASK = (1 << DEM_BITS) - 1;
/** A Bloom filter of the demonym keys, countries' and areas' (FNV-1a of the key, and a second probe from it). */
let demonymBits: Int32Array | null = null;
const demProbe2 = (h: number) => {
  const x = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return (x ^ (x >>> 12)) & DEM_MASK;
};

function demonymFilter(base: BuiltinTable): Int32Array {
  const bits = new Int32Array(1 << (DEM_BITS - 5));
  for (const k of [...base.demonyms.keys(), ...base.areaDemonyms.keys()]) {
    let h = 0x811c9dc5;
    for (let i = 0; i < k.length; i++) h = Math.imul(h ^ k.charCodeAt(i), 0x01000193);
    const a = h & DEM_MASK;
    const b = demProbe2(h);
    bits[a >>> 5]! |= 1 << (a & 31);
    bits[b >>> 5]! |= 1 << (b & 31);
  }
  return bits;
}

/**
 * False when `word` is surely no demonym, without folding it (the name tagger asks this of every token): a word of
 * printable ASCII without spaces folds to its lower case, hashed here a character at a time against a Bloom filter
 * of the demonym keys. Anything else is folded and looked up as before.
 */
function maybeDemonym(base: BuiltinTable, word: string): boolean {
  const n = word.length;
  if (n === 0) return true;
  let h = 0x811c9dc5;
  for (let i = 0; i < n; i++) {
    let c = word.charCodeAt(i);
    if (c <= 32 || c >= 127) return true;
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  if (!demonymBits) demonymBits = demonymFilter(base);
  const a = h & DEM_MASK;
  const b = demProbe2(h);
  return ((demonymBits[a >>> 5]! >>> (a & 31)) & 1) === 1 && ((demonymBits[b >>> 5]! >>> (b & 31)) & 1) === 1;
}

function userEntry(p: UserPlace, base: BuiltinTable): GazetteerEntry {
  const known = p.geonameId != null ? (base.byId(p.geonameId) ?? undefined) : undefined;
  const e: GazetteerEntry = {
    geonameId: p.geonameId ?? known?.geonameId ?? null,
    name: p.name,
    kind: p.kind ?? known?.kind ?? 'other',
    countryCode: p.countryCode !== undefined ? p.countryCode : (known?.countryCode ?? null),
    lat: p.lat ?? known?.lat ?? null,
    lon: p.lon ?? known?.lon ?? null,
    population: known?.population ?? 0,
  };
  if (known?.admin1 !== undefined) e.admin1 = known.admin1;
  return e;
}

function makeGazetteer(places: readonly UserPlace[]): Gazetteer {
  let user: Map<string, GazetteerEntry[]> | null = null;
  /** The entry an area demonym names, per area name (a few dozen at most). */
  const areaPlaces = new Map<string, GazetteerEntry | null>();
  let countryNames: Set<string> | null = null;
  let demonymHeads: Set<string> | null = null;
  const userIndex = (base: BuiltinTable): Map<string, GazetteerEntry[]> => {
    if (user) return user;
    user = new Map();
    for (const p of places) {
      const e = userEntry(p, base);
      for (const n of [p.name, ...(p.aliases ?? [])]) {
        const k = fold(n);
        if (!k) continue;
        const list = user.get(k);
        if (!list) user.set(k, [e]);
        else if (!list.includes(e)) list.push(e);
      }
    }
    return user;
  };
  return {
    lookup(surface) {
      if (typeof surface !== 'string') return [];
      const base = loadBuiltins();
      const k = fold(surface);
      if (!k) return [];
      const own = places.length ? userIndex(base).get(k) : undefined;
      let builtin = base.lookup(k);
      // "St. Joseph", "Ft. Lauderdale", "Mt. Vernon": GeoNames spells the prefix out ("Saint Joseph").
      if (!builtin.length) {
        const long = expandPrefix(k);
        if (long) builtin = base.lookup(long);
      }
      if (!own) return builtin;
      const ids = new Set(own.map((e) => e.geonameId).filter((id) => id !== null));
      return [...own, ...builtin.filter((e) => e.geonameId === null || !ids.has(e.geonameId))];
    },
    isPlace(surface) {
      return this.lookup(surface).length > 0;
    },
    demonym(word) {
      if (typeof word !== 'string') return null;
      const base = loadBuiltins();
      if (!maybeDemonym(base, word)) return null;
      return base.demonyms.get(fold(word)) ?? null;
    },
    anyDemonym(word, key) {
      if (typeof word !== 'string') return null;
      const base = loadBuiltins();
      if (key === undefined && !maybeDemonym(base, word)) return null;
      const k = key ?? fold(word);
      const code = base.demonyms.get(k);
      if (code !== undefined) return code;
      const name = base.areaDemonyms.get(k);
      if (name === undefined) return null;
      let e = areaPlaces.get(name);
      if (e === undefined) {
        const n = fold(name);
        e = this.lookup(name).find((x) => fold(x.name) === n) ?? null;
        areaPlaces.set(name, e);
      }
      return e;
    },
    country(code) {
      if (typeof code !== 'string') return null;
      return loadBuiltins().countries.get(code.toUpperCase()) ?? null;
    },
    demonymHeads() {
      if (!demonymHeads) {
        const base = loadBuiltins();
        demonymHeads = firstWordsOf([...base.demonyms.keys(), ...base.areaDemonyms.keys()]);
      }
      return demonymHeads;
    },
    countryNames() {
      if (!countryNames) {
        const base = loadBuiltins();
        countryNames = new Set();
        for (const e of base.countries.values()) countryNames.add(fold(e.name));
        if (places.length)
          for (const list of userIndex(base).values())
            for (const e of list) if (e.kind === 'country') countryNames.add(fold(e.name));
      }
      return countryNames;
    },
  };
}

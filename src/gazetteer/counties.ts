/**
 * US counties (compiled from us-atlas by scripts/data/places.ts: `region` records of their state, no GeoNames id,
 * named "<Name> County|Parish|Borough|Census Area") and their co-location with the article's towns: "Henry County"
 * is one of ten, but beside "Paris" it is the Tennessee one, Paris, Tenn., being its seat.
 */
import type { GazetteerEntry } from './index.js';

/** True for a compiled US county (or parish, borough, census area). */
export function isUsCounty(e: GazetteerEntry): boolean {
  return e.kind === 'region' && e.geonameId === null && e.countryCode === 'US' && COUNTY_NAME.test(e.name);
}
const COUNTY_NAME = / (?:County|Parish|Borough|Census Area)$/;

/** Great-circle distance in km. */
export function distanceKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const r = Math.PI / 180;
  const x =
    Math.sin(((bLat - aLat) * r) / 2) ** 2 +
    Math.cos(aLat * r) * Math.cos(bLat * r) * Math.sin(((bLon - aLon) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(x)));
}

/** A town this close to a county's representative point lies in or beside it (counties are ~30-60 km across). */
const NEAR_KM = 45;
/** A name with more US readings than this says nothing about where a county is. */
const MAX_READINGS = 30;

/** One place name of the article: its readings, its current reading, and whether the text pins it ("X, State"). */
export interface ArticleReading {
  /** The name as the article writes it, folded (the grouping key of colocateMentions). */
  key?: string;
  /** A mention of the name is the dateline's (colocateMentions' `dateline`). */
  dateline?: boolean;
  entries: readonly GazetteerEntry[];
  entry: GazetteerEntry | null;
  pinned: boolean;
}

const near = (a: GazetteerEntry, b: GazetteerEntry) =>
  a.lat !== null &&
  a.lon !== null &&
  b.lat !== null &&
  b.lon !== null &&
  distanceKm(a.lat, a.lon, b.lat, b.lon) <= NEAR_KM;

/** A town's reading moves to a namesake near a county only if the namesake has at least 1/MAX_SIZE_RATIO its people. */
const MAX_SIZE_RATIO = 50;
/** Weight of a US state named in the article (read as the state), and of a name whose readings all lie in one state. */
const STATE_WEIGHT = 3;
const ONE_STATE_WEIGHT = 1;

/**
 * Re-reads ambiguous county names by what the article says of the state: the states it names (read as states:
 * "Kentucky", "W. Va."), its names whose readings all lie in one state ("Omaha", "Tarrant County"), and its other
 * places near one of the county's readings (one a name, a half more when that name's current reading is the near
 * one). The best-scoring reading replaces the current one when it scores more (ties keep the current). A county
 * coalition alone ("Madison", "McLean", "Montgomery" counties are all in Illinois, and in Kentucky) does not count.
 * Then a US town name whose current reading is near none of the counties (those read so, with some support, and
 * those with one reading or pinned by a qualifier) but another of its readings is near one, takes that one ("Paris"
 * beside Henry County, Tenn.; "Huntsville" beside Walker County, Texas). Names pinned by a qualifier keep their
 * reading. Works in place; one item per name.
 */
export function colocateCounties(names: readonly ArticleReading[]): void {
  const counties = names.filter(
    (n) => !n.pinned && n.entry !== null && n.entries.length > 1 && isUsCounty(n.entry) && n.entries.every(isUsCounty),
  );
  // Counties whose reading is settled (one reading, or pinned by "X County, State") anchor the towns too.
  const settled = names.filter((n) => n.entry !== null && isUsCounty(n.entry) && (n.pinned || n.entries.length === 1));
  if (!counties.length && !settled.length) return;
  const states = new Map<string, number>();
  for (const n of names) {
    const e = n.entry;
    if (e?.countryCode !== 'US' || e.admin1 === undefined) continue;
    let w = 0;
    if (e.kind === 'region' && e.geonameId !== null) w = STATE_WEIGHT;
    else if (n.entries.every((x) => x.countryCode === 'US' && x.admin1 === e.admin1)) w = ONE_STATE_WEIGHT;
    if (w) states.set(e.admin1, (states.get(e.admin1) ?? 0) + w);
  }
  const towns = names.filter(
    (n) =>
      !n.entries.some(isUsCounty) &&
      n.entries.filter((e) => e.countryCode === 'US').length <= MAX_READINGS &&
      n.entries.some((e) => e.countryCode === 'US' && e.kind !== 'region'),
  );
  const scoreOf = (reading: GazetteerEntry) => {
    let s = states.get(reading.admin1 ?? '') ?? 0;
    for (const o of towns) {
      if (o.entry && near(o.entry, reading)) s += 1.5;
      else if (o.entries.some((e) => e.countryCode === 'US' && e.kind !== 'region' && near(e, reading))) s += 1;
    }
    return s;
  };
  const anchors: GazetteerEntry[] = [];
  for (const c of counties) {
    const current = c.entry as GazetteerEntry;
    let best = current;
    let bestScore = scoreOf(current);
    for (const e of c.entries) {
      if (e === current) continue;
      const sc = scoreOf(e);
      if (sc > bestScore) {
        best = e;
        bestScore = sc;
      }
    }
    // A reading that nothing in the article supports moves no town.
    if (best === current && bestScore <= 0) continue;
    c.entry = best;
    anchors.push(best);
  }
  for (const n of settled) anchors.push(n.entry as GazetteerEntry);
  // A town whose current reading is near none of the counties, but another of its readings is near one, takes that
  // one: "Huntsville" beside Walker County, Texas, is the Texas town, its seat, not Huntsville, Alabama.
  for (const o of towns) {
    if (o.pinned || o.entry?.countryCode !== 'US') continue;
    const cur = o.entry;
    if (anchors.some((a) => near(cur, a))) continue;
    for (const a of anchors) {
      // Not a village for a city fifty times its size ("Atlanta" beside Logan County, Ill., stays Atlanta, Ga.).
      const alt = o.entries.find(
        (e) =>
          e.countryCode === 'US' &&
          e.kind !== 'region' &&
          e.population * MAX_SIZE_RATIO >= cur.population &&
          near(e, a),
      );
      if (alt) {
        o.entry = alt;
        break;
      }
    }
  }
}

/**
 * A re-reading of an article's names (`reread`: colocateCounties, or the places stage's colocateTowns) over its
 * resolved mentions (several per name): grouped by `key` (the folded name), a name pinned when any of its mentions
 * is (`pinned`: "Henry County, Tenn."); new readings are written back to every mention of the name.
 */
export function colocateMentions<T extends { entries: GazetteerEntry[]; entry: GazetteerEntry | null }>(
  items: readonly T[],
  key: (t: T) => string,
  pinned: (t: T) => boolean,
  reread: (names: ArticleReading[]) => void = colocateCounties,
  dateline?: (t: T) => boolean,
): void {
  // colocateCounties has nothing to do without a county.
  if (reread === colocateCounties && !items.some((t) => t.entry !== null && isUsCounty(t.entry))) return;
  const groups = new Map<string, { reading: ArticleReading; items: T[] }>();
  for (const t of items) {
    const k = key(t);
    let g = groups.get(k);
    if (!g) {
      g = { reading: { key: k, entries: t.entries, entry: t.entry, pinned: false }, items: [] };
      groups.set(k, g);
    }
    g.items.push(t);
    if (!g.reading.pinned && pinned(t)) g.reading.pinned = true;
    if (dateline && !g.reading.dateline && dateline(t)) g.reading.dateline = true;
  }
  const list = [...groups.values()];
  const before = list.map((g) => g.reading.entry);
  reread(list.map((g) => g.reading));
  list.forEach((g, i) => {
    const e = g.reading.entry;
    if (e === before[i] || !e) return;
    // Every mention with the name's old reading or among whose readings the new one is (a county the article
    // names is none of a bare name's readings: colocateTowns).
    for (const t of g.items) if (t.entry === before[i] || t.entries.includes(e)) t.entry = e;
  });
}

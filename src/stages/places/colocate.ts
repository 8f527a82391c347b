/**
 * Towns read by the places around them. The first readings (chooseEntry) weigh population and the article's
 * country and region evidence; neither sees that "Richmond faces the same challenges ... as other parts of London"
 * names Richmond upon Thames, twelve kilometres from the London the article means, and not Richmond, Va., or that
 * "Newark" beside Fremont and Union City is the Newark between them. A reader takes a town named beside a place
 * the article fixes to be the namesake next to it (the "spatial minimality" of geoparsing since Leidner's survey).
 */
import { type ArticleReading, distanceKm, isUsCounty } from '../../gazetteer/counties.js';
import { fold, type GazetteerEntry } from '../../gazetteer/index.js';
import { expandPrefix } from '../../gazetteer/prefix.js';
import { POPULATED } from './resolve.js';

/** A populated place this close to another is beside it: a suburb, the next town. */
const NEAR_KM = 50;
/** NEAR_KM in degrees of latitude, rounded up (the cheap test before the great circle). */
const NEAR_LAT = 0.46;
/** A world city is what its name means: it anchors its neighbours ("London" makes Richmond the one in London). */
const ANCHOR_CITY = 500_000;
/** A reading moves to a namesake only if the namesake has at least 1/MAX_SIZE_RATIO its people. */
const MAX_SIZE_RATIO = 50;

type Located = GazetteerEntry & { lat: number; lon: number };

function located(e: GazetteerEntry | null): e is Located {
  return e !== null && e.lat !== null && e.lon !== null && POPULATED.has(e.kind);
}

function near(a: Located, b: Located): boolean {
  return Math.abs(a.lat - b.lat) <= NEAR_LAT && distanceKm(a.lat, a.lon, b.lat, b.lon) <= NEAR_KM;
}

/** A place name compared: folded, an abbreviated first word spelled out ("St." and "Saint", "Mt." and "Mount" alike). */
function nameKey(name: string): string {
  const key = fold(name);
  return expandPrefix(key) ?? key;
}

/**
 * True when the text fixes this name's reading: a qualifier or the dateline pins it, all its populated readings
 * lie together, or it is read as the world city it is first known as.
 */
function isAnchor(n: ArticleReading): boolean {
  const e = n.entry;
  if (!located(e)) return false;
  if (n.pinned) return true;
  if (n.entries.every((x) => x === e || !located(x) || near(x, e))) return true;
  return e === n.entries[0] && e.population >= ANCHOR_CITY;
}

/** The counties (and parishes) the article names, by their head name folded ("charles city"); null when none. */
function countiesByName(names: readonly ArticleReading[]): Map<string, Located> | null {
  let out: Map<string, Located> | null = null;
  for (const n of names) {
    const e = n.entry;
    if (!e || !isUsCounty(e) || e.lat === null || e.lon === null) continue;
    const head = fold(e.name.slice(0, e.name.lastIndexOf(' ')));
    out ??= new Map();
    if (!out.has(head)) out.set(head, e as Located);
  }
  return out;
}

/** The current readings of the article's names, by latitude, for the near-by queries. */
class ByLatitude {
  private readonly items: { e: Located; n: ArticleReading }[];
  constructor(names: readonly ArticleReading[]) {
    this.items = [];
    for (const n of names) if (located(n.entry)) this.items.push({ e: n.entry, n });
    this.items.sort((a, b) => a.e.lat - b.e.lat);
  }
  /** Calls `fn` for each name whose current reading lies near `p`; stops when `fn` returns true. */
  some(p: Located, fn: (n: ArticleReading, e: Located) => boolean): boolean {
    const items = this.items;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((items[mid] as { e: Located }).e.lat < p.lat - NEAR_LAT) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < items.length; i++) {
      const it = items[i] as { e: Located; n: ArticleReading };
      if (it.e.lat > p.lat + NEAR_LAT) break;
      if (near(it.e, p) && fn(it.n, it.e)) return true;
    }
    return false;
  }
}

/**
 * Re-reads the article's town names by their neighbours. A name not pinned by the text, whose current reading lies
 * in no first-level region the article names ("Virginia") and near no other name's reading, takes the namesake
 * (same name as written, "St." and "Saint" alike (expandPrefix); at least 1/MAX_SIZE_RATIO its people) that lies near the most of
 * the article's anchors (isAnchor: they may be abroad, "London" moves Richmond, Va., to England) and other names'
 * readings in the current reading's country ("Fremont" moves Newark, N.J., to California; "Dundalk" in Ireland does
 * not move Dundrum, Dublin, to Northern Ireland); the bigger one on a tie. The neighbours are the readings as the
 * first readings left them, so the order of the names does not matter. Before that, a bare name that is a county's
 * head ("Charles City", "Hall") is read as that county when the article names it and the name's reading is none,
 * or a town under ANCHOR_CITY people farther than NEAR_KM from it (not pinned). A name read as a first-level region
 * of a country no other name of the article lies in ("Delta", Delta State, Nigeria, beside Vancouver) takes a town
 * of its name beside the article's anchors the same way (anchors only). Works in place; one item per name.
 */
export function colocateTowns(names: readonly ArticleReading[]): void {
  // (`pinned`: a ", Qualifier" follows a mention of the name, or a mention is the dateline's.)
  if (names.length < 2) return;
  const anchors = new Set<ArticleReading>();
  for (const n of names) if (isAnchor(n)) anchors.add(n);
  // First-level regions the article reads as such (states, provinces, US counties): a town read in one is where
  // the article says it is.
  const regions = new Set<string>();
  for (const n of names) {
    const e = n.entry;
    if (e?.kind === 'region' && e.countryCode && e.admin1 !== undefined) regions.add(`${e.countryCode}.${e.admin1}`);
  }
  const counties = countiesByName(names);
  const index = new ByLatitude(names);
  for (const n of names) {
    const cur = n.entry;
    // "Charles City" in a story about Charles City County, Va. (the gazetteer's Charles City is in Iowa), "Hall" of
    // "retiring from Hall" beside Hall County: a town or unknown name, far from the county the article names after
    // it, is that county.
    const county = counties && n.key !== undefined ? counties.get(n.key) : undefined;
    if (county && !n.pinned && (cur === null || (located(cur) && cur.population < ANCHOR_CITY && !near(cur, county)))) {
      n.entry = county;
      continue;
    }
    if (anchors.has(n) || !cur || n.entries.length < 2) continue;
    let region = false;
    if (!located(cur)) {
      // A first-level region abroad that nothing else in the article lies in ("Delta", Delta State, Nigeria, in a
      // story about Vancouver): a town of its name beside one of the article's anchors is meant.
      if (
        n.pinned ||
        cur.kind !== 'region' ||
        isUsCounty(cur) ||
        names.some((o) => o !== n && o.entry?.countryCode === cur.countryCode)
      )
        continue;
      region = true;
    } else {
      if (regions.has(`${cur.countryCode}.${cur.admin1}`)) continue;
      if (index.some(cur, (o) => o !== n)) continue;
    }
    let best: Located | null = null;
    let bestScore = 0;
    let key: string | undefined;
    for (const e of n.entries) {
      if (e === cur || !located(e) || e.population * MAX_SIZE_RATIO < cur.population) continue;
      let score = 0;
      index.some(e, (o) => {
        if (o !== n && (anchors.has(o) || (!region && e.countryCode === cur.countryCode))) score++;
        return false;
      });
      if (score === 0 || score < bestScore || (score === bestScore && best && e.population <= best.population))
        continue;
      // Not a city the gazetteer also knows by this name ("Hudson" is not Jersey City).
      key ??= nameKey(cur.name);
      if (nameKey(e.name) === key) {
        best = e;
        bestScore = score;
      }
    }
    if (best) n.entry = best;
  }
}

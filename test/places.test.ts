import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { getGazetteer } from '../src/gazetteer/index.js';
import { resolveOptions } from '../src/options.js';
import { CONTENT_ZONES, type Context, type PlaceCandidate } from '../src/pipeline/types.js';
import type { PlaceKind } from '../src/schema.js';
import { PlaceSchema } from '../src/schema.js';
import {
  chooseEntry,
  countryEvidence,
  entriesFor,
  gluedPlaceCandidates,
  placeId,
  placesStage,
  resolvePlaces,
  scanCues,
  scanDemonyms,
  userPlaceCandidates,
} from '../src/stages/places/index.js';
import { buildDoc } from '../src/text/doc.js';
import { normalize } from '../src/text/normalize.js';

const config = resolveConfig({});
const gaz = getGazetteer(config);

/** A Context over our own text, as tagArticle builds it (no stages run). */
function makeCtx(text: string, cfg = config): Context {
  const doc = buildDoc(normalize(text).text);
  const options = resolveOptions({});
  return {
    input: text,
    doc,
    options,
    config: cfg,
    publishedAt: null,
    results: {},
    warnings: [],
    warn() {},
    inScope: (o) => CONTENT_ZONES.has(doc.zoneAt(o)),
    zoneAt: (o) => doc.zoneAt(o),
  };
}

/** Candidates for every occurrence of each name (as the entity stage would emit them). */
function cands(ctx: Context, names: (string | [string, PlaceKind])[]): PlaceCandidate[] {
  const out: PlaceCandidate[] = [];
  const taken = (s: number, e: number) => out.some((c) => s < c.end && c.start < e);
  const longestFirst = [...names].sort(
    (a, b) => (Array.isArray(b) ? b[0] : b).length - (Array.isArray(a) ? a[0] : a).length,
  );
  for (const n of longestFirst) {
    const [name, hint] = Array.isArray(n) ? n : [n, undefined];
    const re = new RegExp(`\\b${name.replace(/[.]/g, '\\.')}\\b`, 'g');
    for (const m of ctx.doc.text.matchAll(re)) {
      if (taken(m.index, m.index + name.length)) continue;
      const c: PlaceCandidate = { start: m.index, end: m.index + name.length, text: name, rule: 'test' };
      if (hint) c.kindHint = hint;
      out.push(c);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function run(text: string, names: (string | [string, PlaceKind])[], cfg = config) {
  const ctx = makeCtx(text, cfg);
  return resolvePlaces(ctx, cands(ctx, names));
}

const ARTICLE = `Russian officer detained near Lithuanian border

Lithuanian border guards detained a Russian officer near the village of Teysin, close to Pabrade, on Thursday. The Republic of Lithuania said Moscow had not answered. Lithuania borders Belarus and the Russian Federation. Officials in Vilnius said the officer came from Khabarovsk Krai and had lived in Kiev. Lithuanian police took him to Vilnius.`;
const NAMES: (string | [string, PlaceKind])[] = [
  ['Teysin', 'village'],
  'Pabrade',
  'Republic of Lithuania',
  'Moscow',
  'Lithuania',
  'Belarus',
  'Russian Federation',
  'Vilnius',
  'Khabarovsk Krai',
  'Kiev',
];

describe('places stage: resolution table', () => {
  const { places, focus } = run(ARTICLE, NAMES);
  const byMention = (t: string) => places.find((p) => p.mentions.some((m) => m.text === t));

  it.each([
    ['Pabrade', 596473, 'LT', 'town'],
    ['Republic of Lithuania', 597427, 'LT', 'country'],
    ['Lithuania', 597427, 'LT', 'country'],
    ['Moscow', 524901, 'RU', 'city'],
    ['Belarus', 630336, 'BY', 'country'],
    ['Russian Federation', 2017370, 'RU', 'country'],
    ['Vilnius', 593116, 'LT', 'city'],
    ['Khabarovsk Krai', 2022888, 'RU', 'region'],
    ['Kiev', 703448, 'UA', 'city'],
  ] as const)('%s → %i %s %s', (mention, id, cc, kind) => {
    expect(byMention(mention)).toMatchObject({ geonameId: id, countryCode: cc, kind });
  });

  it('keeps an unknown "village of X" with geonameId null', () => {
    expect(byMention('Teysin')).toMatchObject({
      id: 'place:teysin',
      name: 'Teysin',
      kind: 'village',
      geonameId: null,
      lat: null,
      countryCode: null,
    });
  });

  it('groups mentions of one place, official forms included', () => {
    const lt = byMention('Lithuania');
    // Demonyms are mentions of their country too (docs/decisions.md, "Demonyms are place mentions").
    expect(lt?.mentions.map((m) => m.text)).toEqual([
      'Lithuanian',
      'Lithuanian',
      'Republic of Lithuania',
      'Lithuania',
      'Lithuanian',
    ]);
    expect(lt?.id).toBe('place:geonames-597427');
    expect(byMention('Vilnius')?.mentions).toHaveLength(2);
    expect(new Set(places.map((p) => p.id)).size).toBe(places.length);
  });

  it('outputs schema-valid places with salience in 0..1, most salient first', () => {
    for (const p of places) expect(PlaceSchema.safeParse(p).success).toBe(true);
    for (let i = 1; i < places.length; i++) expect(places[i - 1]!.salience).toBeGreaterThanOrEqual(places[i]!.salience);
    expect(byMention('Vilnius')!.salience).toBeGreaterThan(byMention('Kiev')!.salience);
  });

  it('computes focus from places and demonyms: Lithuania first, then Russia', () => {
    expect(focus?.countries[0]).toEqual({ code: 'LT', score: 1 });
    expect(focus?.countries[1]?.code).toBe('RU');
    // The place: the most salient Lithuanian place below country level (Vilnius, twice), else Lithuania.
    expect(['place:geonames-593116', 'place:geonames-597427']).toContain(focus?.place);
    expect(places.find((p) => p.id === focus?.place)?.countryCode).toBe('LT');
    for (const c of focus?.countries ?? []) expect(c.score).toBeGreaterThanOrEqual(0.2);
  });

  it('takes the focus place from a dateline', () => {
    const text =
      'Border guards detain officer\n\nVILNIUS, Aug. 11 (Reuters) - Lithuanian guards detained a Russian officer near Pabrade.';
    const f = run(text, ['VILNIUS', 'Pabrade']).focus;
    expect(f?.countries[0]?.code).toBe('LT');
    expect(f?.place).toBe('place:geonames-593116');
  });

  it('is stable: the same input gives the same ids', () => {
    expect(run(ARTICLE, NAMES).places.map((p) => p.id)).toEqual(places.map((p) => p.id));
  });
});

describe('places stage: disambiguation', () => {
  it.each([
    ['Police in Paris said the suspect fled to Lyon in France.', ['Paris', 'Lyon', 'France'], 'Paris', 'FR'],
    ['He grew up in Paris, Texas, far from Dallas.', ['Paris', 'Texas', 'Dallas'], 'Paris', 'US'],
    ['Tbilisi said Georgia will not join. Georgia borders Russia.', ['Tbilisi', 'Georgia', 'Russia'], 'Georgia', 'GE'],
    [
      'Atlanta, the capital of Georgia, hosted the governor; Savannah and Augusta in Georgia too.',
      ['Atlanta', 'Georgia', 'Savannah', 'Augusta'],
      'Georgia',
      'US',
    ],
    ['Cairo and Alexandria saw protests across Egypt.', ['Cairo', 'Alexandria', 'Egypt'], 'Alexandria', 'EG'],
    [
      'Alexandria, Virginia, lies across the river from Washington in the United States.',
      ['Alexandria', 'Virginia', 'Washington', 'United States'],
      'Alexandria',
      'US',
    ],
  ])('%s', (text, names, target, cc) => {
    const { places } = run(text, names);
    expect(places.find((p) => p.mentions.some((m) => m.text === target))?.countryCode).toBe(cc);
  });

  it('ambiguous names that share a state pull each other there (soft region votes)', () => {
    const names = ['Madison', 'Plainview', 'Wakefield', 'Norfolk', 'Pierce', 'Laurel', 'Wayne'];
    const { places } = run(`Scout packs from ${names.join(', ')} collected food on Saturday.`, names);
    const inNebraska = (p: (typeof places)[number] | undefined) =>
      p?.countryCode === 'US' && (p.lat ?? 0) > 40 && (p.lat ?? 0) < 43 && (p.lon ?? 0) < -95.3 && (p.lon ?? 0) > -104;
    for (const name of ['Plainview', 'Wakefield', 'Norfolk']) {
      expect(inNebraska(places.find((p) => p.mentions[0]?.text === name))).toBe(true);
    }
  });

  it.each([
    [
      'Laws in Missouri, New York, North Carolina and Virginia allow it.',
      ['Missouri', 'New York', 'North Carolina', 'Virginia'],
      'New York',
      'region',
    ],
    ['Oregon and Washington passed similar laws.', ['Oregon', 'Washington'], 'Washington', 'region'],
    ['Officials in Kermanshah province said the road was closed.', ['Kermanshah'], 'Kermanshah', 'region'],
    ['He flew from New York to Chicago on Monday.', ['New York', 'Chicago'], 'New York', 'city'],
    ['He grew up in Paris, Texas, far from Dallas.', ['Paris', 'Texas', 'Dallas'], 'Paris', 'town'],
  ])('the immediate context picks the reading: %s', (text, names, target, kind) => {
    const { places } = run(text, names);
    expect(places.find((p) => p.mentions.some((m) => m.text === target))?.kind).toBe(kind);
  });

  it('a recurring name keeps its qualified reading ("Paris, Texas" ... "Paris")', () => {
    const { places } = run('Paris, Texas, is small. Paris has a tower too.', ['Paris', 'Texas']);
    const paris = places.filter((p) => p.name === 'Paris');
    expect(paris).toHaveLength(1);
    expect(paris[0]?.countryCode).toBe('US');
    expect(paris[0]?.mentions).toHaveLength(2);
  });
});

describe('places stage: false positives', () => {
  it.each([
    ['Reading the statement, the minister left.', 'Reading'],
    ['Mobile phones were seized at the border.', 'Mobile'],
    ['Bath time is over, said the officer.', 'Bath'],
    ['Nice work, the chief said.', 'Nice'],
    ['March was cold, and so was April.', 'March'],
    ['Orange juice prices rose.', 'Orange'],
    // Names of people, parties and religion that are also towns (Obama, Japan; Liberal, Kansas; God, Hungary).
    ['The policies of the Obama administration are heading left.', 'Obama'],
    ['Business leaders liked parts of the Liberal budget.', 'Liberal'],
    ["I'm talking the honest God truth.", 'God'],
  ])('%s: %s is not resolved without a cue', (text, name) => {
    expect(run(text, [name]).places).toEqual([]);
  });

  it.each([
    ['The train from London to Reading was late.', 'Reading', 'GB'],
    ['The storm hit Mobile, Alabama, on Monday.', 'Mobile', 'US'],
    ['She lives in Bath with her sister.', 'Bath', 'GB'],
    ['The festival in Nice drew crowds.', 'Nice', 'FR'],
    ['The meeting was held in Liberal, Kansas, on Monday.', 'Liberal', 'US'],
  ])('%s: %s is resolved with a cue', (text, name, cc) => {
    const p = run(text, [name, 'London', 'Alabama', 'Kansas']).places.find((x) => x.mentions[0]?.text === name);
    expect(p?.countryCode).toBe(cc);
  });

  it.each([
    ['The Gulf states met.', 'Gulf'],
    ['West German exports rose.', 'West'],
    ['Central bank officials met.', 'Central'],
    ['Federal regulators objected.', 'Federal'],
  ])('%s: the generic word %s is not a place without a cue', (text, name) => {
    // "West German" itself is a demonym: a mention of Germany, whole, never of a place called West.
    const places = run(text, [name]).places;
    expect(places.flatMap((p) => p.mentions.map((m) => m.text))).not.toContain(name);
    expect(places.filter((p) => p.countryCode !== 'DE')).toEqual([]);
  });

  it('a demonym is not a place ("German" is also a parish of the Isle of Man)', () => {
    expect(entriesFor(gaz, 'German')).toEqual([]);
    expect(entriesFor(gaz, 'GERMAN')).toEqual([]);
  });

  it('four capitals name a big city in a dateline only ("BONN 1996-08-30"), not in a headline ("SAGA PETROLEUM")', () => {
    const dateline = run('German talks end\nBONN 1996-08-30\nThe talks ended on Friday.', ['BONN']);
    expect(dateline.places.find((p) => p.name === 'Bonn')?.countryCode).toBe('DE');
    const headline = run('SAGA PETROLEUM RAISES OUTPUT\nThe company said output rose.', ['SAGA']);
    expect(headline.places.every((p) => p.geonameId === null)).toBe(true);
  });

  it('all-capital abbreviations name countries only (never "Us", FR, or "Uk", RU)', () => {
    expect(entriesFor(gaz, 'RD')).toEqual([]);
    expect(entriesFor(gaz, 'N.Y.')[0]?.geonameId).toBe(5128638);
    expect(entriesFor(gaz, 'US').every((e) => e.kind === 'country' || e.kind === 'region')).toBe(true);
    expect(entriesFor(gaz, 'UK')[0]?.countryCode).toBe('GB');
    expect(entriesFor(gaz, 'us')).toEqual([]);
    expect(entriesFor(gaz, 'of')).toEqual([]);
  });

  it('keeps the outer of nested candidates ("Republic of Lithuania" over "Lithuania")', () => {
    const ctx = makeCtx('The Republic of Lithuania said so.');
    const at = ctx.doc.text.indexOf('Republic');
    const lt = ctx.doc.text.indexOf('Lithuania');
    const { places } = resolvePlaces(ctx, [
      { start: lt, end: lt + 9, text: 'Lithuania', rule: 't' },
      { start: at, end: at + 21, text: 'Republic of Lithuania', rule: 't' },
    ]);
    expect(places).toHaveLength(1);
    expect(places[0]?.mentions.map((m) => m.text)).toEqual(['Republic of Lithuania']);
  });

  it('leaves out mentions outside content zones and suppressed names', () => {
    const cfg = resolveConfig({ suppress: ['Vilnius'] });
    expect(run('Officials in Vilnius met.', ['Vilnius'], cfg).places).toEqual([]);
  });

  it('never throws on odd candidates', () => {
    const ctx = makeCtx('x');
    const odd: PlaceCandidate[] = [
      { start: 0, end: 1, text: 'x', rule: 't' },
      { start: 0, end: 1, text: '', rule: 't' },
      { start: 5, end: 9, text: '\u0000\u0301', rule: 't', kindHint: 'village' },
      { start: 0, end: 0, text: 'Vilnius', rule: 't' },
    ];
    expect(() => resolvePlaces(ctx, odd)).not.toThrow();
    expect(placesStage.finalize(makeCtx(''), [])).toEqual({ places: [], focus: { countries: [], place: null } });
  });
});

describe('places stage: never throws', () => {
  it('on random text and random candidate spans', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.array(fc.tuple(fc.nat(220), fc.nat(40), fc.constantFrom(undefined, 'village', 'country', 'region')), {
          maxLength: 8,
        }),
        (text, spans) => {
          const ctx = makeCtx(text);
          const t = ctx.doc.text;
          const cs: PlaceCandidate[] = spans.map(([start, len, hint]) => {
            const c: PlaceCandidate = { start, end: start + len, text: t.slice(start, start + len) || 'X', rule: 'fc' };
            if (hint) c.kindHint = hint as PlaceKind;
            return c;
          });
          const r = resolvePlaces(ctx, cs);
          for (const p of r.places) expect(PlaceSchema.safeParse(p).success).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('resolver functions', () => {
  it('reads "Kan" before a period as "Kan." (Kansas), not Ganzhou (alternate name Kan)', () => {
    const { places } = run('WICHITA, Kan. - Farmers met.', ['Kan', 'WICHITA']);
    expect(places.find((p) => p.mentions[0]?.text === 'Kan')?.geonameId).toBe(4273857);
  });
  it('reads an abbreviation whose span stops before its period ("Calif")', () => {
    expect(entriesFor(gaz, 'Calif')[0]?.geonameId).toBe(5332921);
  });
  it('kind hints select the matching kind ("the region of Vilnius")', () => {
    expect(entriesFor(gaz, 'Vilnius', 'region')[0]?.kind).toBe('region');
    expect(entriesFor(gaz, 'Vilnius', 'city')[0]?.geonameId).toBe(593116);
    expect(entriesFor(gaz, 'the Vilnius')[0]?.geonameId).toBe(593116);
  });
  it('country evidence counts unambiguous names only', () => {
    const ev = countryEvidence([gaz.lookup('Lithuania'), gaz.lookup('Pabrade'), gaz.lookup('Paris')]);
    expect(ev.get('LT')).toBe(1.5);
    expect(ev.get('FR')).toBeUndefined();
  });
  it('chooseEntry prefers the article country over population', () => {
    const paris = gaz.lookup('Paris');
    expect(chooseEntry(paris, { countries: new Map() })?.countryCode).toBe('FR');
    expect(chooseEntry(paris, { countries: new Map([['US', 3]]) })?.countryCode).toBe('US');
    expect(chooseEntry([], { countries: new Map() })).toBeNull();
  });
  it('place ids are stable slugs', () => {
    expect(placeId('Vilnius', 593116, 'LT')).toBe('place:geonames-593116');
    expect(placeId('Dieveniškės', null, 'LT')).toBe('place:lt-dieveniskes');
    expect(placeId('Teysin', null, null)).toBe('place:teysin');
    // An id-less gazetteer entry (a US county) carries its state: one id per county across articles.
    expect(placeId('Henry County', null, 'US', 'GA')).toBe('place:us-ga-henry-county');
    expect(placeId('Henry County', null, 'US', 'TN')).toBe('place:us-tn-henry-county');
  });
  it('scans demonyms in scope, including two-word ones, outside place candidates', () => {
    const ctx = makeCtx('Russian and South Korean officials met Lithuanians in the Russian Federation.');
    const rf = ctx.doc.text.indexOf('Russian Federation');
    const hits = scanDemonyms(ctx, gaz, (o) => o >= rf && o < rf + 18);
    expect(hits.map((h) => h.code)).toEqual(['RU', 'KR', 'LT']);
  });
});

describe('scale', () => {
  it('resolves a 1,000-word article with 200 place mentions, one place per name', () => {
    // Speed is measured by npm run bench (per-stage cost per 1,000 words), not here.
    const words = `${ARTICLE} `.repeat(18);
    const ctx = makeCtx(words);
    const cs = cands(ctx, NAMES);
    expect(cs.length).toBeGreaterThan(150);
    const out = resolvePlaces(ctx, cs);
    const ids = out.places.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(out.places.reduce((n, p) => n + p.mentions.length, 0)).toBeGreaterThan(150);
  });
});

describe('focus cues: currencies, institutions, company forms', () => {
  it.each([
    ['Acme Inc said it earned 5 mln dlrs in the quarter.', ['US', 'US']],
    ['The Bundesbank left rates unchanged; the mark rose against the yen.', ['DE', 'JP']],
    ['Profits rose to 12 mln stg, Widget Plc said.', ['GB', 'GB']],
    ['The Federal Reserve and the Securities and Exchange Commission met.', ['US', 'US']],
  ])('%s → %j', (text, codes) => {
    const ctx = makeCtx(text);
    expect(scanCues(ctx, () => false).map((h) => h.code)).toEqual(codes);
  });
  it.each([
    ['It cost 40 Canadian dlrs.'],
    ['Shares of Marks and Spencer rose.'],
    ['He paid 10 Hong Kong dollars.'],
    ['Mark said the fed cattle were sold.'],
  ])('no cue in %s', (text) => {
    const ctx = makeCtx(text);
    expect(scanCues(ctx, () => false)).toEqual([]);
  });
  it('a story naming no place gets its focus country from cues', () => {
    const { focus } = run('Acme Inc said net profit rose to 5 mln dlrs from 4 mln dlrs.', []);
    expect(focus?.countries.map((c) => c.code)).toEqual(['US']);
  });
  it('cues alone do not outweigh the places of the story', () => {
    const { focus } = run('Japan and Japan again: exports from Japan rose to 5 mln dlrs, Tokyo said.', [
      'Japan',
      'Tokyo',
    ]);
    expect(focus?.countries[0]?.code).toBe('JP');
    expect(focus?.countries.map((c) => c.code)).not.toContain('US');
  });
});

describe('abbreviated prefixes and user places', () => {
  it('joins "St" and the name after its period ("St. Petersburg")', () => {
    const { places } = run('Talks were held in St. Petersburg on Monday.', ['St']);
    expect(places[0]).toMatchObject({ name: 'Saint Petersburg', countryCode: 'RU' });
    expect(places[0]?.mentions[0]?.text).toBe('St. Petersburg');
  });
  it('reads "Mt." and "Ft." as Mount and Fort', () => {
    expect(entriesFor(gaz, 'Ft. Worth')[0]?.name).toBe('Fort Worth');
    expect(entriesFor(gaz, 'St. Paul')[0]?.countryCode).toBe('US');
  });
  it('finds user places in the text without an entity candidate', () => {
    const cfg = resolveConfig({
      places: [{ name: 'Little Snoring', countryCode: 'GB', kind: 'village', lat: 52.86, lon: 0.9 }],
    });
    const ctx = makeCtx('Floods hit Little Snoring again; Little Snoringham was spared.', cfg);
    const c = userPlaceCandidates(ctx);
    expect(c).toHaveLength(1);
    const { places } = resolvePlaces(ctx, c);
    expect(places[0]).toMatchObject({ name: 'Little Snoring', countryCode: 'GB', kind: 'village', geonameId: null });
    expect(userPlaceCandidates(makeCtx('Floods hit Little Snoring again.'))).toEqual([]);
  });
});

describe('places glued to a participle', () => {
  it.each([
    ['Shares of the Nashville-based company rose.', 'Nashville', 'US'],
    ['The Hong Kong-listed firm said profits fell.', 'Hong Kong', 'HK'],
    ['The Boston-based group said on Monday.', 'Boston', 'US'],
  ])('%s', (text, name, cc) => {
    const ctx = makeCtx(text);
    const found = gluedPlaceCandidates(ctx);
    expect(found.map((c) => c.text)).toEqual([name]);
    expect(resolvePlaces(ctx, found).places[0]?.countryCode).toBe(cc);
  });
  it.each([
    'A Dublin-born director spoke.', // "-born" describes a person, and news corpora leave it untagged
    'The Acme-based team won.', // not a place
    'A well-known, state-run and Bear-based firm.', // a small town only
    'Plain text without any hyphenated words.',
  ])('proposes nothing: %s', (text) => {
    expect(gluedPlaceCandidates(makeCtx(text))).toEqual([]);
  });
});

describe('known places inside unknown candidates', () => {
  it.each([
    ['Flights by Air Zimbabwe resumed.', 'Air Zimbabwe', 'ZW'],
    ['State Sen. Jones, R-Charleston, voted no.', 'R-Charleston', 'US'],
    ['The U.S. Dollar Index fell.', 'U.S. Dollar Index', 'US'],
  ])('%s: %s → a place in %s', (text, name, cc) => {
    const { places } = run(text, [name]);
    expect(places).toHaveLength(1);
    expect(places[0]?.countryCode).toBe(cc);
    expect(places[0]?.mentions[0]?.text).not.toBe(name);
  });
  it.each([
    ['The fair is in Morris County.', 'Morris County'],
    ['They met in Washington Square.', 'Washington Square'],
    ['Shares of Bear Stearns rose.', 'Bear Stearns'],
  ])('keeps %s whole (a place of its own kind)', (text, name) => {
    const { places } = run(text, [name]);
    expect(places[0]?.mentions[0]?.text).toBe(name);
  });
});

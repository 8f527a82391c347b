/**
 * Towns read by the places around them (src/stages/places/colocate.ts): a town whose reading lies near nothing the
 * article names takes the namesake beside a place the article fixes. Articles are our own writing.
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import type { ArticleReading } from '../src/gazetteer/counties.js';
import { fold, getGazetteer } from '../src/gazetteer/index.js';
import { tagArticle } from '../src/index.js';
import { colocateTowns } from '../src/stages/places/colocate.js';
import { orgRegionVotes } from '../src/stages/places/resolve.js';

const g = getGazetteer(resolveConfig({}));
/** An article name read as its first reading, or as the one in `country`/`admin1`. */
const name = (surface: string, country?: string, admin1?: string, pinned = false): ArticleReading => {
  const entries = g.lookup(surface);
  const entry =
    (country
      ? entries.find((e) => e.countryCode === country && (admin1 === undefined || e.admin1 === admin1))
      : entries[0]) ?? null;
  return { key: fold(surface), entries, entry, pinned };
};
/** A town as first read: name, country, first-level region. */
type Town = [string, string?, string?];
/** Another name of the article: name, country, first-level region, pinned. */
type Other = [string, string?, string?, boolean?];
const where = (n: ArticleReading) => `${n.entry?.countryCode}.${n.entry?.admin1}`;

describe('colocateTowns', () => {
  // town (as first read: country, admin1), its neighbours, where the town is after
  const moves: [string, Town, Other[], string][] = [
    ['a town beside a world city abroad', ['Richmond', 'US', 'VA'], [['London']], 'GB.ENG'],
    [
      'a town beside two towns of its country',
      ['Newark', 'US', 'NJ'],
      [
        ['Fremont', 'US', 'CA'],
        ['Union City', 'US', 'CA'],
      ],
      'US.CA',
    ],
    ['a town beside a pinned town', ['Hopkinton', 'US', 'RI'], [['Concord', 'US', 'NH', true]], 'US.NH'],
  ];
  it.each(moves)('moves %s', (_why, [town, cc, a1], others, want) => {
    const t = name(town, cc, a1);
    colocateTowns([t, ...others.map(([n, c, r, p]) => name(n, c, r, p))]);
    expect(where(t)).toBe(want);
  });

  // false positives: the town keeps its reading
  const stays: [string, Town, Other[]][] = [
    // Dayton, Ohio, is 75 km from Cincinnati, Dayton, Ky., beside it: the article names Ohio.
    ['a town in a state the article names', ['Dayton', 'US', 'OH'], [['Ohio', 'US', 'OH'], ['Cincinnati']]],
    // Richmond, Va., beside North Richmond, Calif.: "Virginia" says which.
    [
      'a town in a state the article names (2)',
      ['Richmond', 'US', 'VA'],
      [['North Richmond'], ['Virginia', 'US', 'VA']],
    ],
    // Dundrum, Dublin, is 80 km from Dundalk; Dundrum, Co. Down, 45 km, but across the border: an unpinned town
    // of another country does not move it.
    ['a town near no anchor abroad', ['Dundrum', 'IE'], [['Dundalk', 'IE']]],
    ['a town alone', ['Richmond', 'US', 'VA'], []],
    ['a town near another name', ['Columbus', 'US', 'OH'], [['Dublin', 'US', 'OH'], ['London']]],
    // "Hudson" is also a name of Jersey City in the gazetteer: only namesakes count.
    ['a town whose other reading is another name', ['Hudson', 'US', 'NY'], [['New York City']]],
    // A city does not move to a namesake fifty times smaller: Fremont, Calif., beside Concord, N.H., is not
    // Fremont, N.H. (3,700 people).
    ['a city beside a small namesake', ['Fremont', 'US', 'CA'], [['Concord', 'US', 'NH', true]]],
  ];
  it.each(stays)('false positive: keeps %s', (_why, [town, cc, a1], others) => {
    const t = name(town, cc, a1);
    const before = t.entry;
    expect(before).not.toBeNull();
    colocateTowns([t, ...others.map(([n, c, r, p]) => name(n, c, r, p))]);
    expect(t.entry).toBe(before);
  });

  // bare name (as first read), the county the article names (its state), what the bare name reads as after
  const counties: [string, Town, [string, string], string | null][] = [
    // The gazetteer's only Charles City is in Iowa; the story is about Charles City County, Va.
    ['a far town', ['Charles City'], ['Charles City County', 'VA'], 'Charles City County'],
    // "retiring from Hall": no place called Hall in the gazetteer, Hall County, Ga., in the article.
    ['an unknown name', ['Hall'], ['Hall County', 'GA'], 'Hall County'],
    // DeKalb, Ill., lies in DeKalb County, Ill.: the town stays the town.
    ['false positive: the county seat', ['DeKalb', 'US', 'IL'], ['DeKalb County', 'IL'], 'DeKalb'],
    // A world city is what its name means beside a county named after it.
    ['false positive: a world city', ['Washington'], ['Washington County', 'OR'], 'Washington'],
  ];
  it.each(counties)('bare name beside its county: %s', (_why, [town, cc, a1], [county, state], want) => {
    const t = name(town, cc, a1);
    colocateTowns([t, name(county, 'US', state)]);
    expect(t.entry?.name ?? null).toBe(want);
  });

  it('false positive: a pinned name keeps its reading beside the county', () => {
    const t = name('Charles City', undefined, undefined, true);
    colocateTowns([t, name('Charles City County', 'US', 'VA')]);
    expect(t.entry?.countryCode).toBe('US');
    expect(t.entry?.admin1).toBe('IA');
  });

  it('never moves a pinned name or a world city', () => {
    const london = name('London');
    const pinned = name('Richmond', 'US', 'VA', true);
    colocateTowns([london, pinned, name('London', 'CA'), name('Woodstock', 'CA')]);
    expect(where(london)).toBe('GB.ENG');
    expect(where(pinned)).toBe('US.VA');
  });
});

/** `mention text=geonameId` of every place of the article. */
function places(text: string): string[] {
  return tagArticle(text, { include: ['places'] }).places.flatMap((p) =>
    p.mentions.map((m) => `${m.text}=${p.geonameId}`),
  );
}

describe('places: towns read by their neighbours', () => {
  // [article, expected mention=geonameId]
  const table: [string, string][] = [
    [
      'Cycle lanes open.\n\nThe council said Richmond faces the same congestion as other parts of London, and the new lanes will run to the river.',
      'Richmond=2639389', // Richmond upon Thames
    ],
    [
      'Crash report.\n\nA deer ran into a car on Route 5 in Charles City County on Monday. The Charles City crash closed the road for an hour.',
      'Charles City=null', // the county's, not Charles City, Iowa (5 km from the county's point is Charles City, Va.)
    ],
    [
      'School tax vote.\n\nVoters in Fremont and Union City will decide on the parcel tax, and Newark is expected to follow next month.',
      'Newark=5376803', // Newark, Calif.
    ],
  ];
  it.each(table)('%s', (text, want) => {
    expect(places(text)).toContain(want);
  });

  const keep: [string, string][] = [
    [
      'Rail study.\n\nA rail line would link Cleveland, Columbus, Dayton and Cincinnati, Ohio officials said.',
      'Dayton=4509884',
    ],
    ['Port news.\n\nShips waited off Newark on Monday as the strike spread along the coast.', 'Newark=5101798'],
  ];
  it.each(keep)('false positive: %s', (text, want) => {
    expect(places(text)).toContain(want);
  });

  it('votes for the region, not its country; none for a name the article gives a place', () => {
    const found = [
      { text: 'Minnesota', entries: g.lookup('Minnesota') },
      { text: 'Delta', entries: g.lookup('Delta') },
    ];
    expect(orgRegionVotes(found, new Set<string>())).toEqual([
      { region: 'US.MN', regionWeight: 1, countryWeight: 0 },
      { region: 'NG.36', regionWeight: 1, countryWeight: 0 },
    ]);
    // "Delta" is also one of the article's places (Delta, B.C.): no vote for Delta State.
    expect(orgRegionVotes(found, new Set(['delta']))).toEqual([{ region: 'US.MN', regionWeight: 1, countryWeight: 0 }]);
  });
});

describe('places: a bare name beside its county', () => {
  it('reads "Charles City" as Charles City County, Va., when the story names the county', () => {
    const text =
      'Crash report.\n\nA deer ran into a car on Route 5 in Charles City County on Monday. The Charles City crash closed the road for an hour.';
    const county = tagArticle(text, { include: ['places'] }).places.find((p) => p.name === 'Charles City County');
    expect(county?.countryCode).toBe('US');
    expect(county?.mentions.map((m) => m.text)).toEqual(['Charles City County', 'Charles City']);
  });
});

describe('places: regions named inside organization names', () => {
  // [article, expected mention=geonameId]
  const table: [string, string][] = [
    [
      'Chess title.\n\nA 12-year-old from Rochester won the state tournament on Sunday, the Minnesota State Chess Association said.',
      'Rochester=5043473', // Rochester, Minn., not Rochester, N.Y.
    ],
  ];
  it.each(table)('%s', (text, want) => {
    expect(places(text)).toContain(want);
  });
  // false positives: the organization is named after the article's own place, which is no vote for a region of
  // that name elsewhere (Delta State, Nigeria)
  const keep: [string, string][] = [
    [
      'Flood warning.\n\nRivers rose near Delta on Monday, and the Delta Emergency Program asked residents of Ladner to stay home.',
      'Delta=5937615', // Delta, B.C.
    ],
  ];
  it.each(keep)('false positive: %s', (text, want) => {
    expect(places(text)).toContain(want);
  });
});

describe('places: a region abroad read as the town beside the anchors', () => {
  it('reads "Delta" beside Vancouver as Delta, B.C., not Delta State, Nigeria', () => {
    const text =
      'Taser inquiry.\n\nA Delta police officer who was at Vancouver airport that night testified on Monday, the Delta Police Department said. The Delta officer was not named.';
    expect(places(text)).toContain('Delta=5937615');
  });
  it('false positive: a region of a country the article names other places of stays the region', () => {
    // Lagos places the story in Nigeria too: Delta is the oil state there, whatever Vancouver says.
    const text =
      'Oil talks.\n\nOil workers from Delta flew to Lagos on Monday, and their union leaders went on to Vancouver for the company meeting.';
    expect(places(text)).toContain('Delta=2565341');
  });
});

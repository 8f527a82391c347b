/**
 * Resolution from the article's evidence (src/stages/places/resolve.ts, index.ts): each rule with a sentence of our
 * own where it decides, and a false-positives table where the bigger or foreign reading must stay.
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { getGazetteer } from '../src/gazetteer/index.js';
import { tagArticle } from '../src/index.js';
import type { Context } from '../src/pipeline/types.js';
import {
  chooseEntry,
  clearVote,
  entriesFor,
  needsCountry,
  qualifierReading,
  readingVote,
  regionAbbreviationCandidates,
  softRegionVotes,
} from '../src/stages/places/resolve.js';

const gaz = getGazetteer(resolveConfig({}));

/** name → geonameId of the place the article reads it as (its first place of that name). */
function readings(text: string): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const p of tagArticle(text, { include: ['places'] }).places) {
    for (const m of p.mentions) if (!out.has(m.text)) out.set(m.text, p.geonameId);
  }
  return out;
}

// [rule, article, name as written, expected geonameId]
const RULES: [string, string, string, number][] = [
  [
    'a town named as written beats a bigger place of its country known by that name too',
    'Talks resume.\n\nTrade officials met in New Delhi on Monday, the Indian ministry said.',
    'New Delhi',
    1261481, // New Delhi, not Delhi
  ],
  [
    "a name's own vote does not count against the rest of the article",
    'Barn fire near Palestine.\n\nA fire destroyed a barn near Grapeland on Sunday, and deputies from Palestine drove out to help. Volunteers from Tennessee Colony came too, and Texas fire crews stayed overnight.',
    'Palestine',
    4717232, // Palestine, Texas
  ],
  [
    'second pass: the state read first makes its city the one in that state',
    'Helpline goes statewide.\n\nATLANTA — A dialing code that links callers to help will reach the whole of Georgia next year, officials in Atlanta said. Texas started a similar line in 2004, and Georgia wants to follow.',
    'Atlanta',
    4180439, // Atlanta, Georgia
  ],
  [
    'second pass: Georgia the state when the article is about US states',
    'Helpline goes statewide.\n\nATLANTA — A dialing code that links callers to help will reach the whole of Georgia next year, officials in Atlanta said. Texas started a similar line in 2004, and Georgia wants to follow.',
    'Georgia',
    4197000, // the US state
  ],
  [
    'a first-level region is a sibling of the regions named',
    'Flu plans.\n\nHospitals are prepared to handle only a few thousand patients in Wales and in England, the report said.',
    'Wales',
    2634895, // Wales, GB.WLS (not the town in England)
  ],
  [
    'a direction place keeps every big reading of its place',
    'Schools cut staff.\n\nDistricts in Northeast Georgia are reviewing their layoff policies, officials in Atlanta and Athens said. Texas and Florida districts did the same last year.',
    'Northeast Georgia',
    4197000,
  ],
  [
    'W. Va. is West Virginia',
    'Coal mine reopens.\n\nLEWISBURG, W. Va. — The mine near Lewisburg reopened on Monday.',
    'W. Va', // the span stops before the abbreviation's period
    4826850,
  ],
  [
    'a country beats a namesake village in a story abroad: New York the city does not name its state',
    "Debt talks.\n\nMexico's creditors met in New York on Tuesday, and Italian and Brazilian bankers joined the talks on Mexico's debt.",
    'Mexico',
    3996063, // not Mexico, N.Y.
  ],
  [
    "a world city beats a namesake town abroad, and another world city's namesakes do not place it (Rotterdam)",
    'Dock strike spreads.\n\nDutch dockers in Rotterdam walked out on Monday, and union leaders in Amsterdam said the strike would spread.',
    'Rotterdam',
    2747891, // not Rotterdam, N.Y.
  ],
  [
    "a world city beats a namesake town abroad, and another world city's namesakes do not place it (Amsterdam)",
    'Dock strike spreads.\n\nDutch dockers in Rotterdam walked out on Monday, and union leaders in Amsterdam said the strike would spread.',
    'Amsterdam',
    2759794, // not Amsterdam, N.Y.
  ],
  [
    "the gazetteer's first reading abroad beats a namesake town when nothing places the story near the town",
    'Oil talks.\n\nOPEC ministers will meet in Geneva next month, Kuwaiti and Saudi officials said, after oil prices fell in New York.',
    'Geneva',
    2660645, // Geneva, Switzerland, not Geneva, N.Y.
  ],
];

// [why the reading must stay, article, name, expected geonameId]
const FALSE_POSITIVES: [string, string, string, number][] = [
  [
    'an old name with no namesake in its country stays the city (Bombay is Mumbai)',
    'Markets rally.\n\nShares rose in Bombay on Monday as traders in India bought banks.',
    'Bombay',
    1275339,
  ],
  [
    'Palestine in a Middle East story stays the territories',
    'Talks resume in Jerusalem.\n\nIsraeli and Palestinian negotiators met in Jerusalem on Monday. Officials from Palestine and Israel said the talks on Gaza would continue next week.',
    'Palestine',
    6254930,
  ],
  [
    'Georgia beside Tbilisi stays the country',
    'Election in Tbilisi.\n\nVoters in Georgia went to the polls on Sunday, and crowds gathered in Tbilisi after the count.',
    'Georgia',
    614540,
  ],
  [
    'Mexico beside Mexico City stays the country, not the state of Mexico',
    'Mexico eases rules.\n\nMexico will ease import rules, officials in Mexico City said on Tuesday.',
    'Mexico',
    3996063,
  ],
  [
    'a big city abroad casts no soft votes: Cairo and Washington are not both towns in Illinois',
    'Egypt and the United States.\n\nEgypt worked closely with Washington in the 1990s. Analysts in Cairo said Washington and Cairo should talk more often.',
    'Cairo',
    360630,
  ],
  [
    'Washington stays the capital in a story about Egypt',
    'Egypt and the United States.\n\nEgypt worked closely with Washington in the 1990s. Analysts in Cairo said Washington and Cairo should talk more often.',
    'Washington',
    4140963,
  ],
  [
    'Virginia among Pennsylvania towns stays the state',
    'Firm expands.\n\nThe firm, based in Lancaster, Pennsylvania, will open an office in Virginia and another in Hoboken, New Jersey.',
    'Virginia',
    6254928,
  ],
  [
    'England is England, and Wales beside it the country',
    'Flu plans.\n\nHospitals are prepared to handle only a few thousand patients in Wales and in England, the report said.',
    'England',
    6269131,
  ],
  [
    'a qualifier keeps the namesake town over a world city',
    'Rodeo returns.\n\nThe rodeo returns to Paris, Texas, next month.',
    'Paris',
    4717560,
  ],
  [
    'a qualifier keeps London, Ontario',
    'Plant closes.\n\nThe carmaker will close its plant in London, Ontario, the union said.',
    'London',
    6058560,
  ],
  [
    'a town named nearby keeps Amsterdam, N.Y.',
    'Mill fire.\n\nFirefighters from Schenectady helped put out a fire at a mill in Amsterdam on Friday.',
    'Amsterdam',
    5107152,
  ],
  [
    'a local story keeps Paris, Tenn., beside Memphis and Jackson',
    'Storm damage.\n\nA storm tore roofs off homes in Paris on Sunday, and crews from Memphis and Jackson came to help.',
    'Paris',
    4647963,
  ],
  [
    "the town's state and a town near it keep Mexico, N.Y., over the country",
    'Bridge work.\n\nCrews in Mexico and Oswego repaired the bridge, New York state officials said.',
    'Mexico',
    5126705,
  ],
];

/** The place the article reads `name` as: `CC:kind`, and its id when it has one. */
function readingOf(text: string, name: string): string | undefined {
  for (const p of tagArticle(text, { include: ['places'] }).places)
    if (p.mentions.some((m) => m.text === name)) return `${p.countryCode}:${p.kind}:${p.geonameId ?? p.id}`;
  return undefined;
}

// Counties of Britain and Ireland (data/places/subdivisions.tsv): no GeoNames id, a weak prior.
// [rule or why it must stay, article, name, expected CC:kind:id]
const SUBDIVISIONS: [string, string, string, string][] = [
  [
    'a county of England in a British story',
    'Roads closed.\n\nFlooding closed roads near Maidstone in Kent on Monday, and forecasters warned of more rain across England.',
    'Kent',
    'GB:region:place:gb-kent',
  ],
  [
    'a Scottish county beside Scotland',
    'Ferry cancelled.\n\nStorms in Scotland cancelled the ferries, and schools in Fife stayed shut.',
    'Fife',
    'GB:region:place:gb-fife',
  ],
  [
    'an Irish county',
    'Farm sold.\n\nA dairy farm in County Cork sold for a record price, auctioneers in Ireland said.',
    'County Cork',
    'IE:region:place:ie-county-cork',
  ],
  [
    'a pair of English counties that are also neighbouring towns in Pennsylvania, in a story set in England',
    'Family dies.\n\nThree people died in a caravan park in Cornwall in South West England. Inspector David Eldridge said Devon and Cornwall police were alerted by a neighbour in Camborne.',
    'Cornwall',
    'GB:region:place:gb-cornwall',
  ],
  [
    'Kent among Ohio towns stays the town in Ohio',
    'Campus reopens.\n\nStudents returned to classes in Kent on Monday, and officials in Akron and Cleveland said buses would run as usual across Ohio.',
    'Kent',
    'US:town:5159537',
  ],
  [
    'Surrey beside Vancouver stays the city in British Columbia',
    'New bridge.\n\nCommuters between Vancouver and Surrey will use the new bridge from May, Canadian officials said.',
    'Surrey',
    'CA:city:6159905',
  ],
  [
    'Norfolk without a British cue stays the city in Virginia',
    'Port busy.\n\nShips waited outside Norfolk on Friday as the port cleared its backlog.',
    'Norfolk',
    'US:city:4776222',
  ],
];

describe('place resolution from the article', () => {
  it.each(SUBDIVISIONS)('%s', (_rule, text, name, expected) => {
    expect(readingOf(text, name)).toBe(expected);
  });
  it.each(RULES)('%s', (_rule, text, name, id) => {
    expect(readings(text).get(name)).toBe(id);
  });
  it.each(FALSE_POSITIVES)('%s', (_why, text, name, id) => {
    expect(readings(text).get(name)).toBe(id);
  });
});

describe('the reading of a ", Qualifier" after a place', () => {
  const first = (name: string, cc: string, admin1?: string) =>
    gaz.lookup(name).find((e) => e.countryCode === cc && (admin1 === undefined || e.admin1 === admin1)) ?? null;
  it.each([
    // [place, its CC, its admin1, qualifier as written, expected CC:kind:geonameId of the qualifier]
    ['Buffalo', 'US', 'NY', 'New York', 'US:region:5128638'],
    ['Mississauga', 'CA', '08', 'Ontario', 'CA:region:6093943'],
    ['Athens', 'US', 'GA', 'Georgia', 'US:region:4197000'],
  ])('%s, %s', (place, cc, admin1, qualifier, expected) => {
    const q = qualifierReading(gaz.lookup(qualifier), first(place, cc, admin1));
    expect(q && `${q.countryCode}:${q.kind}:${q.geonameId}`).toBe(expected);
  });
  it.each([
    // A qualifier that does not contain the place keeps its own reading.
    ['Hollywood', 'US', 'CA', 'Los Angeles'],
    ['Cairo', 'EG', undefined, 'Giza'],
    // A country before a comma qualifies nothing.
    ['France', 'FR', undefined, 'Paris'],
  ])('false positive: %s, %s', (place, cc, admin1, qualifier) => {
    expect(qualifierReading(gaz.lookup(qualifier), first(place, cc, admin1))).toBeNull();
  });
});

describe('evidence helpers', () => {
  it('a clear vote: one country (or region) for every entry, or a country or region over smaller places', () => {
    expect(clearVote(gaz.lookup('Lithuania'))).toMatchObject({ country: 'LT', countryWeight: 1 });
    expect(clearVote(gaz.lookup('Texas'))).toMatchObject({ country: 'US', region: 'US.TX', regionWeight: 1 });
    expect(clearVote(gaz.lookup('Georgia'))).toBeNull(); // the country or the US state
    expect(clearVote(gaz.lookup('Paris'))).toBeNull();
  });
  it('a reading votes at half weight, and a town only from the dateline', () => {
    const [ga] = gaz.lookup('Georgia').filter((e) => e.kind === 'region');
    expect(readingVote(ga as never, false)).toMatchObject({ country: 'US', region: 'US.GA', regionWeight: 0.5 });
    const [atlanta] = gaz.lookup('Atlanta');
    expect(readingVote(atlanta as never, false)).toBeNull();
    expect(readingVote(atlanta as never, true)).toMatchObject({ region: 'US.GA' });
  });
  it('soft votes: none from a big city whose namesakes are mostly abroad, nor from a name whose region is clear', () => {
    const cairo = gaz.lookup('Cairo');
    const england = gaz.lookup('England');
    const soft = softRegionVotes([cairo, england]);
    expect(soft.own.has(cairo)).toBe(false);
    expect(soft.own.has(england)).toBe(false);
    expect(soft.total).toBe(0);
  });
  it('a first-level region takes its country share of the region evidence, unless the name is that country', () => {
    const mexico = gaz.lookup('Mexico');
    const regions = new Map([['MX.09', 1]]);
    expect(chooseEntry(mexico, { countries: new Map([['MX', 1]]), regions })?.kind).toBe('country');
    const wales = gaz.lookup('Wales');
    expect(chooseEntry(wales, { countries: new Map([['GB', 1]]), regions: new Map([['GB.ENG', 1]]) })?.kind).toBe(
      'region',
    );
  });
});

describe('a qualifier or a border reads the region (readingsFromContext)', () => {
  const rows: [string, string, string][] = [
    ['Traffic backed up near Buffalo, New York, after the storm on Tuesday.', 'New York', 'region'],
    ['Troopers closed the road at the New York border overnight.', 'New York', 'region'],
  ];
  it.each(rows)('%s', (text, name, kind) => {
    const p = tagArticle(text).places.find((x) => x.name.startsWith(name));
    expect(p?.kind).toBe(kind);
  });
  it('a country before "border" stays the country', () => {
    const p = tagArticle('Refugees waited at the Mexico border for days.').places.find((x) => x.name === 'Mexico');
    expect(p?.kind).toBe('country');
  });
});

describe('first-level region abbreviations (entriesFor, chooseEntry, regionAbbreviationCandidates)', () => {
  // [abbreviation as written, region's name, country, needs the country's support]
  const table: [string, string, string, boolean][] = [
    ['NSW', 'New South Wales', 'AU', false],
    ['N.S.W.', 'New South Wales', 'AU', false],
    ['Qld', 'Queensland', 'AU', false],
    ['QLD', 'Queensland', 'AU', false],
    ['WA', 'Western Australia', 'AU', true],
    ['BC', 'British Columbia', 'CA', true],
    ['B.C.', 'British Columbia', 'CA', true],
    ['PEI', 'Prince Edward Island', 'CA', true],
  ];
  it.each(table)('%s is %s', (abbr, name, cc, needs) => {
    const list = entriesFor(gaz, abbr);
    expect(list.map((e) => [e.name, e.kind, e.countryCode])).toEqual([[name, 'region', cc]]);
    expect(needsCountry(list)).toBe(needs);
    // One needing its country casts no vote of its own: it cannot support itself.
    expect(clearVote(list) === null).toBe(needs);
  });
  it('an abbreviation that needs its country is read only with that country in the article', () => {
    const bc = entriesFor(gaz, 'BC');
    expect(chooseEntry(bc, { countries: new Map() })).toBeNull();
    expect(chooseEntry(bc, { countries: new Map([['US', 1]]) })).toBeNull();
    expect(chooseEntry(bc, { countries: new Map([['CA', 0.5]]) })?.name).toBe('British Columbia');
    // The soft votes of names that may be Canadian ("Vancouver", "Toronto") support it too, when Canada leads them.
    const soft = (votes: [string, number][]) => ({ votes: new Map(votes), own: undefined, total: 1 });
    expect(
      chooseEntry(bc, {
        countries: new Map(),
        soft: soft([
          ['CA.02', 1],
          ['US.WA', 0.5],
        ]),
      })?.name,
    ).toBe('British Columbia');
    expect(
      chooseEntry(bc, {
        countries: new Map(),
        soft: soft([
          ['CA.02', 0.5],
          ['US.WA', 1],
        ]),
      }),
    ).toBeNull();
    // "WA" is also Washington's postal code: Australia must outweigh the United States.
    const wa = entriesFor(gaz, 'WA');
    expect(chooseEntry(wa, { countries: new Map([['AU', 1]]) })?.name).toBe('Western Australia');
    expect(
      chooseEntry(wa, {
        countries: new Map([
          ['AU', 1],
          ['US', 1],
        ]),
      }),
    ).toBeNull();
    // "NSW" names one region anywhere.
    expect(chooseEntry(entriesFor(gaz, 'NSW'), { countries: new Map() })?.name).toBe('New South Wales');
  });
  it('other short capitals stay what they were', () => {
    expect(entriesFor(gaz, 'OH')).toEqual([]);
    expect(entriesFor(gaz, 'SA')).toEqual([]);
    expect(entriesFor(gaz, 'US')[0]?.kind).toBe('country');
  });

  const candidates = (text: string, person?: string, org?: string, placesInNames?: boolean | string) => {
    const span = (name?: string) => {
      const at = name ? text.indexOf(name) : -1;
      return at < 0 ? [] : [{ mentions: [{ start: at, end: at + (name as string).length }] }];
    };
    const ctx = {
      doc: { text },
      options: { placesInNames },
      results: { entities: { people: span(person), organizations: span(org) } },
    } as unknown as Context;
    return regionAbbreviationCandidates(ctx).map((c) => c.text);
  };
  // Inside an organization's name, by the nested-places mode: by default only closing it.
  const nested: [string, string, boolean | string | undefined, string[]][] = [
    ['The new FrontDesk BC office opened in Kelowna.', 'FrontDesk BC', 'civic', ['BC']],
    ['NSW Health said the ward had reopened.', 'NSW Health', 'civic', []],
    ['NSW Health said the ward had reopened.', 'NSW Health', 'all', ['NSW']],
    ['The new FrontDesk BC office opened in Kelowna.', 'FrontDesk BC', 'none', []],
  ];
  it.each(nested)('in %s (organization %s, mode %s)', (text, org, mode, want) => {
    expect(candidates(text, undefined, org, mode)).toEqual(want);
  });
  const found: [string, string[]][] = [
    ['Officials in BC and NSW said the plan would proceed.', ['BC', 'NSW']],
    ['Floods reached Brisbane, Qld, and then N.S.W. towns.', ['Qld', 'N.S.W.']],
    ['The new FrontDesk BC office opened in Kelowna.', ['BC']],
    ['Ferries to P.E.I. ran late.', ['P.E.I.']],
  ];
  it.each(found)('candidates in %s', (text, want) => {
    expect(candidates(text)).toEqual(want);
  });
  const none: [string, string?][] = [
    ['The wall was built in 300 BC and rebuilt in 44 B.C. by the legion.'],
    ['WA Smith and JB Carter led the quiz team.', 'WA Smith'],
    ['Taipei will spend NT$5 billion on the rail line.'],
    ['Shares of Repsol SA and BCE rose; NSWX and ABC fell.'],
    ['The U.S.A. team won.'],
  ];
  it.each(none)('no candidates in %s', (text, person) => {
    expect(candidates(text, person)).toEqual([]);
  });
});

describe('region abbreviations and "X governor" in articles (index.ts: regionAbbreviationCandidates, readingsFromContext)', () => {
  // [article, name as written, expected geonameId]
  const rows: [string, string, number][] = [
    ['Officials in Vancouver and Toronto said BC would pay for the bridge.', 'BC', 5909050],
    ['Officials in NSW said the plan would proceed.', 'NSW', 2155400],
    ['Mining towns near Perth said WA would lead the recovery, the Australian minister said.', 'WA', 2058645],
    ['GEORGIA GOVERNOR SIGNS BUDGET', 'GEORGIA', 4197000],
    ['The governor of Georgia signed the budget on Friday.', 'Georgia', 4197000],
  ];
  it.each(rows)('%s', (text, name, id) => {
    expect(readings(text).get(name)).toBe(id);
  });
  const none: [string, string][] = [
    ['The Roman wall in Canada was not built in 300 BC, historians said.', 'BC'],
    ['WA Smith and his team met in Chicago on Monday.', 'WA'],
    ['Seattle and WA officials agreed on the plan.', 'WA'],
    ['Officials in BC said the plan would proceed.', 'BC'],
  ];
  // No region read (a name the tagger typed as a place may stay a place without an id, as before).
  it.each(none)('no region: %s', (text, name) => {
    expect(readings(text).get(name) ?? null).toBeNull();
  });
  it("a country's central bank governor keeps the country", () => {
    expect(readings("Georgia's central bank governor spoke in Tbilisi.").get('Georgia')).toBe(614540);
  });
});

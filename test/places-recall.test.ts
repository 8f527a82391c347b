import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { type GazetteerEntry, getGazetteer } from '../src/gazetteer/index.js';
import { carModel } from '../src/stages/places/index.js';
import { createTagger, tagArticle } from '../src/tagger.js';

/** The surfaces of every place mention of an article, as "surface=Name/CC". */
const placeMentions = (text: string) =>
  tagArticle(text).places.flatMap((p) => p.mentions.map((m) => `${m.text}=${p.name}/${p.countryCode}`));

describe('organization-typed names that are places (nested.ts senseOfOrg)', () => {
  // A town's or state's name the name tagger types as an organization in one sentence is still the place: the
  // article names it as a place elsewhere, or the gazetteer reads the one word as a state or a city of 100,000.
  const rows: [string, string, number][] = [
    [
      'Gainesville residents marched Friday near the courthouse. Gainesville officials said the city would respond. The march began in Gainesville at noon.',
      'Gainesville=Gainesville/US',
      3,
    ],
    [
      'About 7,000 low-income Ohio homes are weatherized each year, and Ohio received about $30 million in federal money.',
      'Ohio=Ohio/US',
      2,
    ],
    ['Richmond faces the same challenges as other boroughs, the mayor said.', 'Richmond=Richmond/US', 1],
    ['The Knoxville council met on Tuesday. Knoxville officials approved the budget.', 'Knoxville=Knoxville/US', 2],
    ["Richmond's council voted on Monday. Richmond officials said the budget was balanced.", 'Richmond=Richmond/US', 2],
    ["Gainesville's Tom Thumb supermarket will move downtown next spring.", 'Gainesville=Gainesville/US', 1],
    // A town of any size with a cue: a person's home town after ", of", "downtown", "an Elkhart man".
    [
      'A 24-year-old Elkhart man who fled from a traffic stop was arrested. John Smith, 24, of Elkhart was indicted on Monday.',
      'Elkhart=Elkhart/US',
      2,
    ],
    ['A water boil advisory was issued in downtown Pineville on Monday.', 'Pineville=Pineville/US', 1],
    // One sense per discourse across an abbreviated prefix ("St." for Saint).
    [
      "The flight will be the first direct connection between St. Petersburg and any city in North America. St. Petersburg's Pulkovo Airport will handle it.",
      'St. Petersburg=Saint Petersburg/RU',
      2,
    ],
    // A school district named after its two towns: both.
    [
      'Logan-Rogersville students relocate into a new building. Logan-Rogersville kindergartners try out a new playground.',
      'Logan=Logan/US',
      2,
    ],
    // Minnesota's party designation names the member's home town.
    ['House Majority Leader Tony Sertich, DFL-Chisholm, brought a motion to the floor.', 'Chisholm=Chisholm/US', 1],
    // A natural feature's name, typed as an organization: a place without coordinates when the gazetteer lacks it.
    ['The Weather Service said the Red River will crest at 40 feet on Friday.', 'Red River=Red River/null', 1],
    ['Volunteers will clear trash from the Kanawha River on Saturday.', 'Kanawha River=Kanawha River/null', 1],
    // "a Springfield official": a word of residence or office after the name.
    ['The grant came from unspent bond money, a Springfield official said.', 'Springfield=Springfield/US', 1],
    // A news story with a team and a season in it is no sports report.
    [
      'The Knoxville council met on Tuesday. Knoxville officials said the fire season starts early and the team of inspectors is ready.',
      'Knoxville=Knoxville/US',
      2,
    ],
  ];
  it.each(rows)('%s', (text, want, n) => {
    expect(placeMentions(text).filter((x) => x === want)).toHaveLength(n);
  });

  // Teams in a sports story, people's names, saints' days and schools, names continued by "of".
  const falsePositives: [string, string][] = [
    [
      'The Cleveland manager said the team needed a win. Cleveland beat Boston in the final game of the season.',
      'Cleveland',
    ],
    ["Baltimore's Eddie Murray cracked his 20th homer of the season as Baltimore won the game 5-3.", 'Baltimore'],
    ['Bands including Queens of the Stone Age played at the festival on Saturday.', 'Queens'],
    ['Tom Hamilton spoke at the meeting. Hamilton said the plan would work.', 'Hamilton'],
    ["Safety was stressed before St. Mary's Day. St. Mary's students are dropped off first.", 'St. Mary'],
    // A feature word inside an organization's name.
    ['Lake Forest College won the title game on Saturday.', 'Lake Forest College'],
    ['The Red River Valley Authority approved the budget.', 'Red River'],
  ];
  it.each(falsePositives)('%s: no place %s', (text, name) => {
    expect(placeMentions(text).some((x) => x.startsWith(`${name}=`))).toBe(false);
  });
});

describe('person-typed names that are towns by their context (nested.ts personPlaceCandidates)', () => {
  const rows: [string, string, number][] = [
    ['Survivors include her son, Olin Wethington of McLean, Virginia, and three grandchildren.', 'McLean=McLean/US', 1],
    ['Mark Kitsmore, 54, of Tyler said he was not worried.', 'Tyler=Tyler/US', 1],
    // One cue ("Shiloh students") makes every mention of the name the town's.
    [
      'Sending Shiloh students to the center is expensive. Shiloh currently has four students there.',
      'Shiloh=Shiloh/US',
      2,
    ],
  ];
  it.each(rows)('%s', (text, want, n) => {
    expect(placeMentions(text).filter((x) => x === want)).toHaveLength(n);
  });

  const falsePositives: [string, string][] = [
    // The person is named in full in the article.
    ['Jim Marion, a Marion man, said he would run.', 'Marion'],
    ['Tyler said he was not worried, and Tyler Smith agreed.', 'Tyler'],
    // No cue.
    ['Clinton said on Tuesday that the bill would pass.', 'Clinton'],
    // An article's prefix is part of one name.
    ['Cases were found in three areas: Cairo, Giza and Al-Minya.', 'Al'],
  ];
  it.each(falsePositives)('%s: no place %s', (text, name) => {
    expect(placeMentions(text).some((x) => x.startsWith(`${name}=`))).toBe(false);
  });
});

describe('a place before a season or an outbreak stays a place', () => {
  it('The United States flu season started early this year.', () => {
    expect(placeMentions('The United States flu season started early this year.')).toContain(
      'United States=United States/US',
    );
  });
});

describe('"U.S." the tagger leaves untyped (lexical.ts dottedCountryCandidates)', () => {
  it.each([
    'Ohio may lose one of its seats in the U.S. House of Representatives, according to estimates.',
    'About 10 percent are black, according to U.S. Census estimates for 2007.',
    'The quake struck overnight, according to the U.S. Geological Survey.',
  ])('%s', (text) => {
    expect(placeMentions(text)).toContain('U.S.=United States/US');
  });
});

describe('country names the tagger leaves out (lexical.ts countryNameCandidates)', () => {
  it('finds a country the tagger does not list', () => {
    const got = placeMentions(
      'Monkeys were imported from the Philippines to a laboratory. Two farms in the Philippines were infected.',
    );
    expect(got.filter((x) => x === 'Philippines=Philippines/PH')).toHaveLength(2);
  });

  const falsePositives: [string, string][] = [
    // Inside a longer capitalised name: the tagger's to type.
    ['The Philippines Department of Agriculture confirmed the findings.', 'Philippines'],
    // A demonym is a mention of its country, never a place of its own name (test/places-demonyms.test.ts).
    // A disease named after a place, and pathogens the tagger may type as places.
    ['Three horses in the county tested positive for West Nile virus this week.', 'West Nile'],
    ['Cases of Lyme disease rose again in the state last summer.', 'Lyme'],
    ['Tests for Ebola on the remains were negative, officials said.', 'Ebola'],
    ['Salmonella was found in eggs from two farms, officials said.', 'Salmonella'],
    // A place name right after a car make is the model's (index.ts carModel).
    ['A red Dodge Durango with a group of teens drove off.', 'Durango'],
    ['Police are looking for a dark GMC Savana van, the sheriff said.', 'Savana'],
    ['Deputies stopped a Chevrolet Colorado on the highway.', 'Colorado'],
    // "U.S." inside an organization the tagger typed stays the organization's (dottedCountryCandidates).
    ['We will keep working with the U.S. Department of Education, she said.', 'U.S.'],
  ];
  it.each(falsePositives)('%s: no place %s', (text, name) => {
    expect(placeMentions(text).some((x) => x.startsWith(`${name}=`))).toBe(false);
  });
});

describe('a car make before a place name (index.ts carModel)', () => {
  // [text, the candidate's text, its gazetteer kind, a model?]
  const rows: [string, string, GazetteerEntry['kind'], boolean][] = [
    ['a red Dodge Durango drove off', 'Durango', 'city', true],
    ['his Chevrolet Colorado', 'Colorado', 'region', true],
    ['He moved to Durango last year', 'Durango', 'city', false],
    // A plant's site, the make's unit in a country or continent, a make that is also a name ("Lincoln").
    ['the Nissan Smyrna plant', 'Smyrna', 'city', false],
    ['Toyota Australia workers', 'Australia', 'country', false],
    ['chairman of Ford Europe', 'Europe', 'continent', false],
    ['Abraham Lincoln Park', 'Park', 'city', false],
  ];
  it.each(rows)('%s', (text, name, kind, model) => {
    const start = text.indexOf(name);
    const cand = { start, end: start + name.length, text: name, rule: 'test' };
    expect(carModel(text, cand, [{ kind } as GazetteerEntry])).toBe(model);
  });
});

describe('place names split at a lower-case connector (lexical.ts connectedPlaceCandidates)', () => {
  // The name tagger splits a name at "and", "del", "upon": the joined span is one place when the gazetteer spells
  // it so, whatever the tagger made of the parts (places, a person, an organization).
  const rows: [string, string][] = [
    [
      'The minister flew to Trinidad and Tobago on Monday to discuss gas prices.',
      'Trinidad and Tobago=Trinidad and Tobago/TT',
    ],
    ['Trade ministers will meet in Punta del Este next month.', 'Punta del Este=Punta del Este/UY'],
    [
      'Elections in Bosnia and Herzegovina were held on Sunday, observers said.',
      'Bosnia and Herzegovina=Bosnia and Herzegovina/BA',
    ],
    ['A storm damaged homes across Antigua and Barbuda overnight.', 'Antigua and Barbuda=Antigua and Barbuda/AG'],
    ['Saint Kitts and Nevis voted on Monday.', 'Saint Kitts and Nevis=Saint Kitts and Nevis/KN'],
    ['He grew up in Newcastle upon Tyne before moving south.', 'Newcastle upon Tyne=Newcastle upon Tyne/GB'],
    ['The festival returns to Stratford-upon-Avon in April.', 'Stratford-upon-Avon=Stratford-upon-Avon/GB'],
  ];
  it.each(rows)('%s', (text, want) => {
    const got = placeMentions(text);
    expect(got).toContain(want);
    // The parts are no places of their own.
    expect(got).toHaveLength(1);
  });

  it('reads the whole sentence of issue #4', () => {
    const got = placeMentions(
      "El Salvador's president met officials from Papua New Guinea and Trinidad and Tobago in Punta del Este on Monday.",
    );
    expect(got.sort()).toEqual(
      [
        'El Salvador=El Salvador/SV',
        'Papua New Guinea=Papua New Guinea/PG',
        'Punta del Este=Punta del Este/UY',
        'Trinidad and Tobago=Trinidad and Tobago/TT',
      ].sort(),
    );
  });

  const falsePositives: [string, string][] = [
    ['Procter and Gamble raised its forecast on Tuesday.', 'Procter'],
    ['Marks and Spencer shares fell 3 percent in London.', 'Marks'],
    ['Johnson and Johnson recalled the product in Ohio.', 'Johnson'],
    // Two places in a list stay two places.
    ['Flights between Boston and Chicago were cancelled.', 'Boston and Chicago'],
  ];
  it.each(falsePositives)('%s: no place %s', (text, name) => {
    expect(placeMentions(text).some((x) => x.startsWith(`${name}=`) || x.startsWith(`${name} and`))).toBe(false);
  });
});

describe("organization-typed country names (nested.ts senseOfOrg, 'org-wellknown')", () => {
  const rows: [string, string][] = [
    ["El Salvador's president met officials on Monday.", 'El Salvador=El Salvador/SV'],
    ['The United Arab Emirates raised its output, officials said.', 'United Arab Emirates=United Arab Emirates/AE'],
  ];
  it.each(rows)('%s', (text, want) => {
    expect(placeMentions(text)).toContain(want);
  });
});

describe('country names: the gazetteer set that spares look-ups (Gazetteer.countryNames)', () => {
  it('holds every country name, folded, and the user places of kind country', () => {
    const names = getGazetteer(resolveConfig({})).countryNames();
    for (const n of ['france', 'sri lanka', 'philippines', 'ivory coast']) expect(names.has(n)).toBe(true);
    expect(names.has('paris')).toBe(false);
    const own = getGazetteer(resolveConfig({ places: [{ name: 'Freedonia', kind: 'country', countryCode: null }] }));
    expect(own.countryNames().has('freedonia')).toBe(true);
  });
  it('a user country the tagger leaves untyped is still a country-name candidate', () => {
    const t = createTagger({ places: [{ name: 'Freedonia', kind: 'country', countryCode: null }] });
    const got = t.tag('Envoys met in the capital of Freedonia on Monday, and Freedonia said talks went well.');
    expect(got.places.some((p) => p.name === 'Freedonia')).toBe(true);
  });
});

describe('untyped towns with a cue (lexical.ts cuedTownCandidates)', () => {
  // Headlines open with a town's name, where its capital says nothing; a word of residence or local office after it,
  // or a locative word before it, makes it the town.
  const rows: [string, string][] = [
    ['Haslett student telethon raises money. The event ran all weekend at the high school.', 'Haslett=Haslett/US'],
    ['Chiefland man, 19, stabbed in the back. The victim was taken to a hospital.', 'Chiefland=Chiefland/US'],
    ['Crews worked through the night. Chicopee residents discuss conservation land.', 'Chicopee=Chicopee/US'],
  ];
  it.each(rows)('%s', (text, want) => {
    expect(placeMentions(text)).toContain(want);
  });
  const falsePositives: [string, string][] = [
    ['One man was arrested after the fight, police said.', 'One'],
    ['Many area cities plan to treat their water this week.', 'Many'],
    ['The project began in August and ended in the spring.', 'August'],
    ['The motion passed with one vote against it, cast by Vice Mayor Ray Melton.', 'Vice'],
  ];
  it.each(falsePositives)('%s: no place %s', (text, name) => {
    expect(placeMentions(text).some((x) => x.startsWith(`${name}=`))).toBe(false);
  });
});

describe('places glued to a participle or paired by a hyphen (gluedPlaceCandidates, placePairCandidates)', () => {
  const rows: [string, string][] = [
    ['Officials for Northbrook-based Crate & Barrel could not be reached.', 'Northbrook=Northbrook/US'],
    ['The war began with the U.S.-led invasion in March 2003.', 'U.S.=United States/US'],
    ['Talks on Egyptian-US relations resumed on Monday.', 'US=United States/US'],
    ['The airline postponed the Washington-Moscow route last year.', 'Moscow=Moscow/RU'],
  ];
  it.each(rows)('%s', (text, want) => {
    expect(placeMentions(text)).toContain(want);
  });
  const falsePositives: [string, string][] = [
    ['The Faith-based group opened a shelter downtown.', 'Faith'],
    ['Coca-Cola shares rose on Monday.', 'Coca'],
  ];
  it.each(falsePositives)('%s: no place %s', (text, name) => {
    expect(placeMentions(text).some((x) => x.startsWith(`${name}=`))).toBe(false);
  });
});

describe('a natural feature named around a place candidate (featureAround)', () => {
  const rows: [string, string][] = [
    ['The river runs 400 miles to the Gulf of Mexico near Beaumont.', 'Gulf of Mexico=Gulf of Mexico/null'],
    ['He sailed a small boat on Lake Ontario in rough water.', 'Lake Ontario=Lake Ontario/null'],
  ];
  it.each(rows)('%s', (text, want) => {
    expect(placeMentions(text)).toContain(want);
  });
  it('keeps a place that only follows such a word', () => {
    expect(placeMentions('Police in Mexico said the storm had passed.')).toContain('Mexico=Mexico/MX');
  });
});

describe('a town and its state named apart (index.ts containedReadings)', () => {
  const read = (text: string) =>
    tagArticle(text).places.map((p) => `${p.name}/${p.kind}/${p.countryCode}/${p.geonameId ?? ''}`);
  it('reads the state and the town inside it when nothing supports the country', () => {
    const got = read(
      'An Albany man was arrested on Friday. Police in Albany said agents of the state of Georgia helped them.',
    );
    expect(got.some((x) => x.startsWith('Georgia/region/US'))).toBe(true);
    expect(
      tagArticle('An Albany man was arrested. Agents from Georgia helped.').places.find((p) => p.name === 'Albany')
        ?.lat,
    ).toBeLessThan(35);
  });
  it('keeps the country when the article names a place of it', () => {
    const got = read('Georgia and Russia fought over South Ossetia. Officials in Tbilisi and Albany, New York, met.');
    expect(got.some((x) => x.startsWith('Georgia/country/GE'))).toBe(true);
  });
});

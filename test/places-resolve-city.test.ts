/**
 * "X City" that names a place only by an alternate name ("Dublin City" is an alternate name of Dublin, Ireland) is
 * the city of X, read among the places called X (src/stages/places/resolve.ts, entriesFor); a place's own name
 * ending in "City" stays (false-positives table).
 */
import { describe, expect, it } from 'vitest';
import { tagArticle } from '../src/index.js';

/** `mention text=geonameId` of every place of the article. */
function places(text: string): string[] {
  return tagArticle(text, { include: ['places'] }).places.flatMap((p) =>
    p.mentions.map((m) => `${m.text}=${p.geonameId}`),
  );
}

// [article, expected mention=geonameId]
const CITY_OF: [string, string][] = [
  [
    'Pool plan approved.\n\nDublin City Council voted on Monday to rebuild the pool near Columbus, Ohio, and the mayor of Dublin thanked the voters.',
    'Dublin City=5152333', // Dublin, Ohio
  ],
  [
    'Flights resume.\n\nFlights between Mexico City and Dublin City resumed on Monday, the Irish airline said.',
    'Dublin City=2964574', // Dublin, Ireland, as the article says
  ],
  [
    'Festival dates set.\n\nVisitors to Quebec City will find the winter carnival larger this year, organizers said in Montreal.',
    'Quebec City=6325494', // the city, never the province
  ],
  [
    'Flood fight.\n\nThe dikes will hold if the volunteers keep coming, said Fargo City Commissioner Tim Mahoney on Friday.',
    'Fargo City=5059163', // "Fargo City" names nothing; Fargo, N.D., is the city of it
  ],
];

// [article, mention=geonameId that must stay]
const OWN_NAMES: [string, string][] = [
  ['Fans travel.\n\nSupporters drove from Kansas City to Oklahoma City for the game on Sunday.', 'Kansas City=4393217'],
  [
    'Fans travel.\n\nSupporters drove from Kansas City to Oklahoma City for the game on Sunday.',
    'Oklahoma City=4544349',
  ],
  ['Flights resume.\n\nFlights between Mexico City and Dublin City resumed on Monday.', 'Mexico City=3530597'],
  // "Harbor City" (a part of Los Angeles) names nothing, and the only Harbor is a town of 2,000 in Oregon.
  ['Port jobs.\n\nDock workers in Harbor City said on Monday that the port would hire again.', 'Harbor City=null'],
];

describe('"X City" read as the city of X', () => {
  it.each(CITY_OF)('%s', (text, expected) => {
    expect(places(text)).toContain(expected);
  });
});

describe('places whose own name ends in City stay (false positives)', () => {
  it.each(OWN_NAMES)('%s', (text, expected) => {
    expect(places(text)).toContain(expected);
  });
});

// A ", Qualifier" decides over the article's region evidence. [article, expected mention=geonameId]
const QUALIFIED: [string, string][] = [
  [
    'Storm hits Kansas. KANSAS CITY, Mo. -- Thousands of Kansas homes lost power Saturday as snow buried Kansas. A man in Hutchinson died, and roads near Wichita and Dodge City closed. Kansas officials said Kansas crews worked all night.',
    'KANSAS CITY=4393217', // Kansas City, Missouri, though the story is about Kansas
  ],
];
// Without a qualifier the article's evidence still decides (false-positives table).
const UNQUALIFIED: [string, string][] = [
  [
    'Storm hits Kansas. Thousands of Kansas homes lost power Saturday in Kansas City as snow buried Kansas. A man in Hutchinson died, and roads near Wichita and Dodge City closed. Kansas officials said Kansas crews worked all night.',
    'Kansas City=4273837', // Kansas City, Kansas
  ],
];

describe('a qualifier decides', () => {
  it.each(QUALIFIED)('%s', (text, expected) => {
    expect(places(text)).toContain(expected);
  });
  it.each(UNQUALIFIED)('without one, the article decides: %s', (text, expected) => {
    expect(places(text)).toContain(expected);
  });
});

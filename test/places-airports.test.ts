/**
 * Major airports known in news by a name that is no city's (data/places/features.tsv, "Major airports"). Articles
 * are our own writing.
 */
import { describe, expect, it } from 'vitest';
import { tagArticle } from '../src/index.js';

/** `mention text=place name/country` of every place of the article. */
function places(text: string): string[] {
  return tagArticle(text, { include: ['places'] }).places.flatMap((p) =>
    p.mentions.map((m) => `${m.text}=${p.name}/${p.countryCode}`),
  );
}

describe('airports', () => {
  const table: [string, string][] = [
    [
      'Flights cancelled.\n\nDozens of flights were cancelled at Heathrow on Monday as fog settled over London.',
      'Heathrow=Heathrow Airport/GB', // not Heathrow, Fla.
    ],
    [
      'Storm delays.\n\nPassengers waited for hours at O\u2019Hare after the storm, the city said.',
      "O\u2019Hare=O'Hare International Airport/US",
    ],
    ['Arrivals.\n\nThe delegation landed at Sheremetyevo on Tuesday.', 'Sheremetyevo=Sheremetyevo/RU'],
  ];
  it.each(table)('%s', (text, want) => {
    expect(places(text)).toContain(want);
  });

  // false positives: a town of the name pinned by its state stays the town
  const keep: [string, string][] = [
    ['Road work.\n\nCrews repaved two roads in Heathrow, Fla., on Monday.', 'Heathrow=Heathrow/US'],
  ];
  it.each(keep)('false positive: %s', (text, want) => {
    expect(places(text)).toContain(want);
  });
});

/**
 * An institution's name the name tagger types as a place ("Ludlow Town Hall", "Bowling Green State University"):
 * read as the town its name opens with (src/stages/places/index.ts, leadingPlace), with a false-positives table of
 * names that open with a saint's, a person's or another place's name and stay whole.
 */
import { describe, expect, it } from 'vitest';
import { tagArticle } from '../src/index.js';

/** `mention text=geonameId` of every place of the article, in output order. */
function places(text: string): string[] {
  return tagArticle(text, { include: ['places'] }).places.flatMap((p) =>
    p.mentions.map((m) => `${m.text}=${p.geonameId}`),
  );
}

// [article, expected mention=geonameId]
const NARROWED: [string, string][] = [
  [
    'Budget vote delayed.\n\nThe council met at Ludlow Town Hall on Tuesday night, where residents of the Massachusetts town asked about road repairs.',
    'Ludlow=4942744',
  ],
  [
    'Officer honored.\n\nA sergeant of the New Milford Police Department in Connecticut received an award on Friday for saving a driver.',
    'New Milford=4839435',
  ],
  [
    'Flu clinic opens.\n\nNurses at Woodstock General Hospital in Ontario gave 400 shots on Saturday, a spokeswoman said.',
    'Woodstock=6184365',
  ],
];

// [article, a town's name that must not be read out of the institution's name]
const KEPT_WHOLE: [string, string][] = [
  // a saint's name
  ['Choir sings.\n\nThe choir of St. James United Methodist Church sang on Sunday in Kansas City.', 'St. James'],
  // a hall that is no town's
  ['Concert tonight.\n\nThe band plays at Centennial Hall in Tucson, Arizona, on Friday.', 'Centennial'],
  // a word between the town and the head that is no public body's ("Stoke" would be Stoke-on-Trent)
  ['Gift for the ward.\n\nDoctors at Stoke Mandeville Hospital in England thanked the donors on Monday.', 'Stoke'],
];

describe('institution names read as the town they open with', () => {
  it.each(NARROWED)('%s', (text, expected) => {
    expect(places(text)).toContain(expected);
  });
});

describe('institution names that stay whole (false positives)', () => {
  it.each(KEPT_WHOLE)('%s', (text, town) => {
    expect(places(text).filter((p) => p.startsWith(`${town}=`))).toEqual([]);
  });
});

/**
 * A direction word before a place's name (the 'direction' candidates: "Northern Iraq") when the whole is itself a
 * place's own name ("West Virginia", "North Las Vegas") reads as that place (src/stages/places/index.ts, entriesOf);
 * a direction and a place that make no place's name stay the place after the direction (false positives).
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
const WHOLE: [string, string][] = [
  ['West Virginia budget talks stall. Lawmakers in Charleston met again on Friday.', 'West Virginia=4826850'],
  ['North Las Vegas council approves budget. The council voted 4-1 on Tuesday.', 'North Las Vegas=5509403'],
  [
    'North Kansas City schools to add buses. The district said on Monday that more children ride.',
    'North Kansas City=4400860',
  ],
];

// [article, expected mention=geonameId]
const PART_OF: [string, string][] = [
  ['Northern Iraq oil output rises. Fields pumped more crude on Monday, officials said.', 'Northern Iraq=99237'],
];

describe('a direction and a place that are a place of their own', () => {
  it.each(WHOLE)('%s', (text, expected) => {
    expect(places(text)).toContain(expected);
  });
});

describe('a direction and a place that are no place of their own (false positives)', () => {
  it.each(PART_OF)('%s', (text, expected) => {
    expect(places(text)).toContain(expected);
  });
});

// A capital initial and its period before a name: one name when the gazetteer reads them otherwise than the name
// alone (index.ts, mergeInitials). [article, expected mention=geonameId or absent mention prefix]
const INITIALS: [string, string][] = [
  ['Senator honored. Sen. Joe Manchin, D-W. Va., praised the volunteers on Monday.', 'W. Va.=4826850'],
  ['Funeral set. The senators, both D-W. Va., each called the family on Monday.', 'W. Va.=4826850'],
];
const NOT_INITIALS: [string, string][] = [['Book review. The novel by J. Jordan is set in Ohio.', 'J. Jordan=']];

describe('an initial before a name', () => {
  it.each(INITIALS)('%s', (text, expected) => {
    expect(places(text)).toContain(expected);
  });
  it.each(NOT_INITIALS)('false positive: %s', (text, prefix) => {
    expect(places(text).filter((p) => p.startsWith(prefix))).toEqual([]);
  });
});

/**
 * An abbreviated prefix the name tagger leaves out of a place's name ("St. " of "St. Petersburg" after a company's
 * name) is taken back when the gazetteer knows the whole (src/stages/places/index.ts, widenToPrefix; the company's span
 * stops before "of St.": src/stages/entities/learned.ts, repairSpans). Sentences of our own.
 */
import { describe, expect, it } from 'vitest';
import { tagArticle } from '../src/index.js';

/** `mention text=country code` of every place of the article, in text order. */
function places(text: string): string[] {
  return tagArticle(text)
    .places.flatMap((p) => p.mentions.map((m) => ({ s: m.start, v: `${m.text}=${p.countryCode}` })))
    .sort((a, b) => a.s - b.s)
    .map((x) => x.v);
}

describe('a place name after an abbreviated prefix', () => {
  it.each([
    ['Daniels Pharmaceuticals Inc of St. Petersburg, Fla., was sold on Friday.', ['St. Petersburg=US', 'Fla.=US']],
    ['Shares of Midwest Grain Inc of St. Joseph, Mo., rose.', ['St. Joseph=US']],
    ['In St. Joseph, officials said the plant would close.', ['St. Joseph=US']],
    // GeoNames spells the prefix out ("Fort Lauderdale", "Mount Vernon"): the gazetteer reads the short form.
    ['He moved to Ft. Lauderdale and then to Mt. Vernon, N.Y.', ['Ft. Lauderdale=US', 'Mt. Vernon=US', 'N.Y.=US']],
  ])('%s', (text, want) => {
    expect(places(text).slice(0, want.length)).toEqual(want);
    expect(
      tagArticle(text)
        .organizations.map((o) => o.name)
        .join('|'),
    ).not.toMatch(/\bSt\b/);
  });
});

describe('no prefix taken in (false positives)', () => {
  it.each([
    // A body "of St. Louis" keeps the place inside its name.
    ['The Bank of St. Louis raised rates.', []],
    // "St." ending a sentence is no prefix of the next sentence's first word.
    ['He lives on Main St. Petersburg is far away.', []],
    // A saint's possessive before a church's, a school's or a feast's name.
    ["Police stressed safety on St. Patrick's Day.", []],
    ['Buses stop at St. Michael\u2019s Catholic School and St. Mary\u2019s High School.', []],
    // A person named with the prefix.
    ['The project is a collaboration between Boehmer and Raynola St. Clair of the society.', []],
  ])('%s', (text, want) => {
    expect(places(text).filter((p) => p.startsWith('St.'))).toEqual(want);
  });
});

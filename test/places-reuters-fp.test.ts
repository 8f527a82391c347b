import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { getGazetteer } from '../src/gazetteer/index.js';
import { tagArticle } from '../src/tagger.js';

const g = getGazetteer(resolveConfig({}));
/** Country codes of the places of an article (the Reuters countries task reads these). */
const codes = (text: string) => new Set(tagArticle(text).places.map((p) => p.countryCode));
const placeNames = (text: string) => tagArticle(text).places.map((p) => `${p.name}/${p.countryCode}`);

describe('gazetteer keys: historic country names, no common-phrase alternates', () => {
  const historic: [string, string][] = [
    ['Zaire', 'CD'],
    ['Ceylon', 'LK'],
    ['Rhodesia', 'ZW'],
    ['Kampuchea', 'KH'],
    ['Upper Volta', 'BF'],
    ['Burma', 'MM'],
  ];
  it.each(historic)('%s is the country %s', (name, cc) => {
    const top = g.lookup(name)[0];
    expect(top?.kind).toBe('country');
    expect(top?.countryCode).toBe(cc);
  });

  // Alternate names of big cities that are plain English phrases are no keys (the cities' own names still are).
  const phrases: [string, string][] = [
    ['White House', 'Casablanca'],
    ['Garden City', 'Singapore'],
    ['Windy City', 'Chicago'],
    ['Soul', 'Seoul'],
  ];
  it.each(phrases)('"%s" does not name %s', (phrase, city) => {
    expect(g.lookup(phrase).some((e) => e.name === city)).toBe(false);
    expect(g.lookup(city)[0]?.name).toBe(city);
  });

  it('keeps the historic exonym Canton for Guangzhou', () => {
    expect(g.lookup('Canton').some((e) => e.name === 'Guangzhou')).toBe(true);
  });
});

describe('Reuters-style false positives', () => {
  const table: [string, string, string][] = [
    // sentence, country code expected, country code that must not appear
    ['The minister said Zaire would raise its copper exports to Belgium this year.', 'CD', 'AO'],
    ['A spokesman for the White House said the president would sign the trade bill.', '', 'MA'],
    ['Fiat SpA said its first-half profit rose 12 pct, the Turin company said.', 'IT', 'BE'],
    ['Tankers loading on the Pacific coast of Colombia were delayed by the storm.', 'CO', 'US'],
    // Soft votes of Albany and Syracuse (each a town in several states) do not make Mexico the town in New York.
    ['Exports to Mexico rose, traders in Albany and Syracuse said.', 'MX', ''],
    ['Exports to Mexico rose, traders in Oswego and Fulton said.', 'MX', ''],
  ];
  it.each(table)('%s', (text, want, not) => {
    const got = codes(text);
    if (want) expect(got.has(want)).toBe(true);
    if (not) expect(got.has(not)).toBe(false);
  });

  it('reads a company short name as the company, not a place', () => {
    const text =
      'Glenmore Aviation Inc said its board would meet on Friday. Directors of Glenmore will weigh the bid, and ' +
      "Glenmore's shares rose two dlrs.";
    expect(placeNames(text).some((n) => n.startsWith('Glenmore'))).toBe(false);
  });

  it('still reads a place name after "in" when a company carries it', () => {
    const text = 'Glenmore Aviation Inc said it would close its hangar in Glenmore, Ohio, next year.';
    expect(codes(text).has('US')).toBe(true);
  });
});

describe('false positives: what stays a place', () => {
  const keep: [string, string][] = [
    ['The company opened an office in Paris, Texas, last week.', 'US'],
    ['Police in Palestine, Texas, said the road was closed.', 'US'],
    ['Shipments from Canton rose sharply, Chinese officials said.', 'CN'],
    ['The plant at Seaforth in northern England was shut by the strike.', 'GB'],
  ];
  it.each(keep)('%s', (text, cc) => {
    expect(codes(text).has(cc)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { resolveOptions } from '../src/options.js';
import { createContext } from '../src/pipeline/context.js';
import { scanCues } from '../src/stages/places/index.js';
import { tagArticle } from '../src/tagger.js';
import { buildDoc } from '../src/text/doc.js';
import { normalize } from '../src/text/normalize.js';

const config = resolveConfig({});
/** The country cues of our own sentence, as the places stage scans them (no place candidates covering them). */
const cueCodes = (text: string) => {
  const doc = buildDoc(normalize(text).text);
  return scanCues(createContext(text, doc, resolveOptions({}), config), () => false).map((h) => `${h.code}/${h.kind}`);
};
const focusCodes = (text: string) => tagArticle(text).focus?.countries.map((c) => c.code) ?? [];

describe('country cues', () => {
  const table: [string, string[]][] = [
    ['Berkshire Gas Co said it would pay 28 cts a share.', ['US/company', 'US/currency']],
    ['WIDGET CO SETS QUARTERLY DIVIDEND', ['US/company']],
    ['Pinecrest Bancorp said net income rose.', ['US/company']],
    ['Fiat SpA said sales rose in the first half.', ['IT/company']],
    ['Volvo AB said it would build a new plant.', ['SE/company']],
    ['Harbour Mining Pty said output rose.', ['AU/company']],
    ['Sime Darby Bhd raised its offer.', ['MY/company']],
    ['Profits rose to 12 mln stg, Widget Plc said.', ['GB/currency', 'GB/company']],
    ['The Bundesbank kept its discount rate at three pct.', ['DE/institution']],
    ['The Commodity Futures Trading Commission approved the new contract.', ['US/institution']],
    ['Harbor Federal Savings and Loan Association set a split.', ['US/company']],
  ];
  it.each(table)('%s', (text, want) => expect(cueCodes(text)).toEqual(want));

  // false positives: a "Co" of another country's company, or part of a name; another country's cents
  const none: string[] = [
    'Nomura Securities Co Ltd said it would open an office.',
    'Harbour Motor Co of Canada cut its dividend.',
    'The fare rose to 90 Canadian cts.',
    'He joined the co-op last year.',
  ];
  it.each(none)('no cue in %s', (text) => expect(cueCodes(text)).toEqual([]));
});

describe('focus: what the story is about', () => {
  // text, countries that must be in focus, countries that must not
  const table: [string, string[], string[]][] = [
    // Cues decide when nothing names a country.
    ['PINECREST GAS CO SETS QUARTERLY\nQtly div 28 cts vs 28 cts prior\nPay April 15', ['US'], []],
    ['Acme Inc said net profit rose to 5 mln dlrs from 4 mln dlrs.', ['US'], []],
    // Dollars are quoted in stories about every country: no United States here.
    [
      'JAPAN TRADE SURPLUS WIDENS\nJapan posted a trade surplus of 8.1 billion dlrs in February, up from 6.2 billion dlrs a ' +
        'year earlier, the Finance Ministry in Tokyo said.',
      ['JP'],
      ['US'],
    ],
    ['Coffee sold for 120 dlrs a bag, up from 110 dlrs last week, exporters in Brazil said.', ['BR'], ['US']],
    // A company form still counts beside a named country (the company's home is a subject of the story).
    ['Acme Inc will build a plant in Mexico, Acme Inc said.', ['MX', 'US'], []],
    // A demonym early in the story counts; one in a closing aside of a story about other countries does not.
    ['Japanese car makers raised their exports to Canada by 12 pct last year.', ['JP', 'CA'], []],
    [
      'Coffee exports from Brazil rose 15 pct in March as growers sold old stocks ahead of the new harvest. Shipments ' +
        'to Europe were steady, and prices held firm through the month. Growers expect a larger crop next year if the ' +
        'weather holds, a British trader said.',
      ['BR'],
      ['GB'],
    ],
    // With no place named, a demonym anywhere counts.
    [
      'Coffee prices rose 15 pct in March as growers sold old stocks ahead of the new harvest. Shipments were steady ' +
        'and prices held firm through the month. Growers expect a larger crop next year, Brazilian officials said.',
      ['BR'],
      [],
    ],
  ];
  it.each(table)('%s', (text, want, not) => {
    const got = focusCodes(text);
    for (const c of want) expect(got).toContain(c);
    for (const c of not) expect(got).not.toContain(c);
  });

  it('a country named once in passing stays in places but is not a focus country', () => {
    const r = tagArticle(
      'JAPAN RAISES RICE SUPPORT PRICE\nJapan will raise its rice support price by three pct, the agriculture ' +
        'ministry said. Japan imports no rice, and officials said the decision would not affect talks with Thailand ' +
        'next month.',
    );
    expect(r.places.map((p) => p.countryCode)).toContain('TH');
    expect(r.focus?.countries.map((c) => c.code)).toEqual(['JP']);
  });

  it('scores are relative to the strongest country, which scores 1', () => {
    const f = tagArticle('Japanese car makers raised their exports to Canada by 12 pct last year.').focus;
    expect(f?.countries[0]?.score).toBe(1);
    for (const c of f?.countries ?? []) expect(c.score).toBeGreaterThanOrEqual(0.2);
  });
});

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

describe('focus from cues when the story names no country', () => {
  it('an earnings brief with a company form and cents is about the United States', () => {
    expect(focusCodes('PINECREST GAS CO SETS QUARTERLY\nQtly div 28 cts vs 28 cts prior\nPay April 15')).toEqual([
      'US',
    ]);
  });
});

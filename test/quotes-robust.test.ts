import { describe, expect, it } from 'vitest';
import { tagArticle } from '../src/index.js';

/**
 * Speaker attribution and quote extent on forms found by writing stress sentences (issue #5, session 4): our own
 * sentences, each text opening with a plain paragraph so the quotes sit in the body.
 */
const LEAD = 'Voters lined up early at the school gym in the county seat, where the polls opened at seven.\n\n';

const tag = (text: string) => tagArticle(LEAD + text, { keepChrome: true, include: ['people', 'quotes'] });

describe('quotes: a quote paragraph in another zone', () => {
  // The zoner may read a last lone quote paragraph as chrome; a quote crossing zones is dropped whole by assemble, so
  // the stage never joins parts across a zone boundary.
  it.each([
    ['"We will win this," Tom Holm said.\n\n"We will win it big."'],
    ['Tom Holm said:\n\n"We will win this.\n\n"We will win it big."'],
  ])('%s', (text) => {
    const r = tag(text);
    const first = r.quotes.find((q) => q.text.startsWith('"We will win this'));
    expect(first, 'the body quote is kept').toBeDefined();
    expect(first?.speaker?.name).toBe('Tom Holm');
    for (const q of r.quotes) {
      const zone = r.zones.find((z) => z.start <= q.start && q.start < z.end);
      expect(q.end).toBeLessThanOrEqual(zone?.end ?? Number.POSITIVE_INFINITY);
    }
  });
});

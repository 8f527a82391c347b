import { describe, expect, it } from 'vitest';
import { tagArticle } from '../src/index.js';
import { labelRest } from '../src/stages/quotes/label-speaker.js';

/**
 * Vox pops and "in their own words" pieces: each speaker named on a line of their own (or after a dash), their words
 * in a quote paragraph with no speech verb. Texts are our own writing.
 */
const LEAD = 'We asked voters in the county what they want from the next mayor.\n\n';
const Q1 = '\u201CThe buses stop running at nine. I cannot get home from my night shift.\u201D';
const Q2 = '\u201CMy rent went up twice this year, and nobody at city hall will say why.\u201D';
const Q3 = '\u201CWe need the library open on Sundays again.\u201D';

const speakers = (text: string) =>
  tagArticle(LEAD + text).quotes.map((q) => [q.text.slice(0, 12), q.speaker?.name ?? null]);

describe('quotes: a name line above an unattributed quote paragraph', () => {
  it.each<[string, string, (string | null)[]]>([
    [
      'name, age, town',
      `Ana Lima, 52, Riverside\n\n${Q1}\n\nOmar Haddad, 33, Eastgate\n\n${Q2}`,
      ['Ana Lima', 'Omar Haddad'],
    ],
    ['name and an appositive', `Ana Lima, a night nurse from Riverside\n\n${Q1}`, ['Ana Lima']],
    ['name alone with a colon', `Ana Lima:\n\n${Q1}`, ['Ana Lima']],
    ['age in brackets', `Ana Lima (52)\n\n${Q1}`, ['Ana Lima']],
    [
      'a second quote paragraph follows the first (joined to it: one quote of two fragments)',
      `Ana Lima, 52, Riverside\n\n${Q1}\n\n${Q3}`,
      ['Ana Lima'],
    ],
    [
      'dash after the quote, same line',
      `${Q1} \u2014 Ana Lima, 52, Riverside\n\n${Q2} \u2014 Omar Haddad, 33, Eastgate`,
      ['Ana Lima', 'Omar Haddad'],
    ],
  ])('%s', (_label, text, expected) => {
    expect(speakers(text).map((x) => x[1])).toEqual(expected);
  });
});

describe('quotes: signed quotes one per line', () => {
  // The quotation dash U+2015 (HORIZONTAL BAR) signs a quote as an em dash does; each signature ends its line and
  // belongs to the quote before it, never to the next line's quote, and two signed quotes are never joined.
  it.each<[string, string]>([
    ['quotation dash U+2015', '\u2015'],
    ['em dash', '\u2014'],
  ])('%s', (_label, dash) => {
    const text =
      `${Q1} ${dash} Ana Lima\n${Q2}${dash} Omar Haddad \n${Q3} ${dash} Rita Moreno.\n` +
      `\u201DThe bridge is the only way to the market for half of us.\u201D ${dash} Sam Okoro`;
    const r = tagArticle(LEAD + text);
    expect(r.quotes.map((q) => [q.text.slice(0, 12), q.fragments.length, q.speaker?.name ?? null])).toEqual([
      [Q1.slice(0, 12), 1, 'Ana Lima'],
      [Q2.slice(0, 12), 1, 'Omar Haddad'],
      [Q3.slice(0, 12), 1, 'Rita Moreno'],
      ['\u201DThe bridge ', 1, 'Sam Okoro'],
    ]);
  });
});

describe('quotes: paragraphs that are not name labels', () => {
  // [label, text, the name that must not become the speaker]
  it.each<[string, string, string]>([
    ['a sentence about the person', `Ana Lima was at the meeting on Tuesday.\n\n${Q1}`, 'Ana Lima'],
    ['a sentence with a speech verb', `Ana Lima, 52, said little at first\n\n${Q1}`, 'Ana Lima'],
    [
      'a long description',
      `Ana Lima, who has lived in Riverside for thirty years and works nights at the county hospital on the hill\n\n${Q1}`,
      'Ana Lima',
    ],
    [
      'a quote paragraph with more text after it',
      `Ana Lima, 52, Riverside\n\n${Q1} The council promised a review.`,
      'Ana Lima',
    ],
    ['a place, not a person, opens the line', `Riverside, 52 workers\n\n${Q1}`, 'Riverside'],
  ])('%s', (_label, text, notSpeaker) => {
    const first = tagArticle(LEAD + text).quotes.find((q) => q.text.startsWith('\u201CThe buses'));
    expect(first).toBeDefined();
    expect(first?.speaker?.name ?? null).not.toBe(notSpeaker);
  });
});

describe('labelRest: what may follow the name on a label line', () => {
  it.each<[string, boolean]>([
    ['', true],
    [':', true],
    [', 52, Riverside', true],
    [', 52', true],
    [' (52)', true],
    [', 52-year-old baker', true],
    [', a night nurse from Riverside', true],
    [', the mayor\u2019s sister', true],
    [' was at the meeting.', false],
    [', 52, said little', false],
    [', who lives in Riverside', false],
    [', Riverside', false],
    [' \u201Cwe need buses\u201D', false],
    [', a nurse who has worked nights at the county hospital on the hill above the river for thirty years', false],
  ])('%j → %s', (rest, ok) => {
    expect(labelRest(rest)).toBe(ok);
  });
});

describe('quotes: a sentence after a quote that reports something else', () => {
  // After a quote that ended its sentence, a speech verb with its own object ("promised a review") opens a new
  // statement; a verb whose object is the hearer ("told the crowd") still attributes the quote.
  it.each<[string, string, string | null]>([
    ['promised + object', `${Q3} The council promised a review.`, null],
    ['announced + object', `${Q3} The mayor announced a new budget on Friday.`, null],
    ['told + hearer', `${Q3} Ana Lima told the crowd.`, 'Ana Lima'],
    ['said', `${Q3} Ana Lima said.`, 'Ana Lima'],
  ])('%s', (_label, text, speaker) => {
    const q = tagArticle(LEAD + text).quotes.find((x) => x.kind === 'direct');
    expect(q?.speaker?.name ?? null).toBe(speaker);
  });
});

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

type NameRow = [label: string, text: string, expected: [quoteStart: string, mention: string, name: string][]];

// Pronoun speakers are named after the person they stand for: the gender a title, role or given name says, never a
// person named inside a quote or as the verb's object, and within a sentence the one a speech verb attributes or the
// one that opens it.
const NAMES: NameRow[] = [
  [
    'she: the woman, not the nearer man',
    'Ann Dale, the mayor, criticized Gov. Tom Holm on Monday. "He has failed the city," she said.',
    [['"He has', 'she', 'Ann Dale']],
  ],
  [
    'he and she alternating',
    'Tom Holm and his rival Ann Dale spoke on Monday. "We will win this," Holm said. "No, we will," she replied.',
    [
      ['"We will', 'Holm', 'Tom Holm'],
      ['"No, we', 'she', 'Ann Dale'],
    ],
  ],
  [
    'a title says the gender (Mrs.)',
    'Mrs. Lee Park met Sen. Robin Ames on Monday. "It went well," she said.',
    [['"It went', 'she', 'Lee Park']],
  ],
  [
    'a role says the gender (spokesman)',
    'Kim Ruiz, a spokesman for the council, answered questions from Ann Dale. "We have no comment," he said.',
    [['"We have', 'he', 'Kim Ruiz']],
  ],
  [
    'not a person named inside the quote before',
    'Tom Holm spoke first. He said: "I met Jim Ray yesterday."\n\nThe hall was full.\n\n"It was a good talk," he added.',
    [['"It was', 'he', 'Tom Holm']],
  ],
  [
    'not the object of the cue',
    'Jim Ray asked Tom Holm about the wall.\n\n"It will be tall," he told Ray.',
    [['"It will', 'he', 'Tom Holm']],
  ],
  [
    'the subject of the sentence before, not its object',
    'Tom Holm criticized Jim Ray on Monday. "He has failed the city," he said.',
    [['"He has', 'he', 'Tom Holm']],
  ],
  [
    'the one a speech verb attributes in the sentence before',
    'Jim Ray electrified the small crowds, Tom Holm said.\n\n"He was very good," he said.',
    [['"He was', 'he', 'Tom Holm']],
  ],
  [
    'a description followed by the name',
    '"I came for the roads," the farmer, Tom Holm, said.',
    [['"I came', 'the farmer', 'Tom Holm']],
  ],
  [
    'an opening conjunction is no part of the name',
    'But Tom Holm said: "I came for the roads."',
    [['"I came', 'Tom Holm', 'Tom Holm']],
  ],
  [
    'the possessor of a response is the speaker',
    'Tom Holm\'s response: "I came for the roads."',
    [['"I came', 'Tom Holm', 'Tom Holm']],
  ],
];

describe('quotes: speaker names', () => {
  it.each(NAMES)('%s', (_label, text, expected) => {
    const qs = tag(text).quotes.filter((q) => q.kind === 'direct');
    for (const [start, mention, name] of expected) {
      const q = qs.find((x) => x.text.startsWith(start));
      expect(q, start).toBeDefined();
      expect(q?.speaker?.mention?.text).toBe(mention);
      expect(q?.speaker?.name).toBe(name);
    }
  });
});

describe('quotes: doubled apostrophes and grave accents as double marks', () => {
  // Wire and typewriter text (and archives converted from it) writes `''…,'' said X` and ``` ``…'' ```.
  it.each([
    ["''We will win this in November,'' Tom Holm said.", "''We will win this in November,''", 'Tom Holm'],
    ["``We will win this in November,'' said Tom Holm.", "``We will win this in November,''", 'Tom Holm'],
    ["Tom Holm said: ''We will win this in November.''", "''We will win this in November.''", 'Tom Holm'],
  ])('%s', (text, quote, mention) => {
    const qs = tag(text).quotes.filter((q) => q.kind === 'direct');
    expect(qs.map((q) => q.text)).toEqual([quote]);
    expect(qs[0]?.speaker?.mention?.text).toBe(mention);
  });

  it('a quote that ends its sentence inside the marks is not attributed to a new sentence after it', () => {
    const text =
      "Tom Holm spoke on Monday. ''We will win this.'' He says the polls are wrong and the crowds are right.";
    const [q] = tag(text).quotes.filter((x) => x.kind === 'direct');
    expect(q?.text).toBe("''We will win this.''");
    expect(q?.speaker ?? null).toBeNull();
  });

  it('a quote paragraph continued in the next one opening with the mark', () => {
    const qs = tag("''We will win this. The polls say so.\n\n''And the crowds do too,'' Tom Holm said.").quotes;
    expect(qs.filter((q) => q.kind === 'direct')).toHaveLength(1);
    expect(qs[0]?.fragments).toHaveLength(2);
  });

  it.each([
    ['inches', "The new mayor stood 6'2'' and wore a brown hat to the meeting on Monday."],
    ['a lone pair', "The sign said nothing at all '' and the crowd went home after the rain began."],
    ['three apostrophes', "He wrote 'no''' on the form and handed it back to the clerk at the desk."],
  ])('no quote: %s', (_label, text) => {
    expect(tag(text).quotes.filter((q) => q.kind === 'direct')).toEqual([]);
  });
});

describe('quotes: a reply named after the quote without a speech verb before the name', () => {
  it.each([
    ['"We will not give up on this city," came the reply from Tom Holm.', 'Tom Holm', 'came the reply from'],
    ['"We will not give up on this city," was Tom Holm\'s reply.', 'Tom Holm', 'reply'],
    ['"We will not give up on this city," was all Tom Holm would say.', 'Tom Holm', 'would say'],
    ['"We will not give up on this city" is how Tom Holm put it.', 'Tom Holm', 'put'],
    ['"We will not give up on this city." So said Tom Holm on Monday.', 'Tom Holm', 'said'],
  ])('%s', (text, mention, cue) => {
    const [q] = tag(text).quotes.filter((x) => x.kind === 'direct');
    expect(q?.speaker?.mention?.text).toBe(mention);
    expect(q?.cue?.text).toBe(cue);
  });

  it.each([
    ['"We will not give up on this city," was the verdict.'],
    ['"We will not give up on this city" is how the plan was sold to voters.'],
    ['"We will not give up on this city," was what the sign on the door of the hall said.'],
  ])('no speaker: %s', (text) => {
    const [q] = tag(text).quotes.filter((x) => x.kind === 'direct');
    expect(q?.speaker ?? null).toBeNull();
  });
});

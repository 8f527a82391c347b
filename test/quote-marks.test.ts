import { describe, expect, it } from 'vitest';
import { tagArticle } from '../src/index.js';
import { leftPhrase, rightPhrase } from '../src/stages/quotes/tokens.js';
import { buildDoc } from '../src/text/doc.js';

// Quote detection: where a quote starts and ends, and which parts join. Our own sentences.
const quotes = (text: string) => tagArticle(text, { keepChrome: true, include: ['quotes'] }).quotes;

type Row = [label: string, text: string, expected: { quote: string; fragments?: number; mention?: string | null }[]];

const ROWS: Row[] = [
  [
    'a closing double mark typed at the start of a quote opens it',
    'The letter was blunt.\n\n\u201DThe council forgot the east bank. Nobody visits us.\u201D \u2014 Ana Lima',
    [{ quote: '\u201DThe council forgot the east bank. Nobody visits us.\u201D', mention: 'Ana Lima' }],
  ],
  [
    'a closing double mark typed before a word inside a sentence opens the quote that word starts',
    'Aides refused to let policy staff \u201Dget close to the candidate\u201D before the debate in March.',
    [{ quote: '\u201Dget close to the candidate\u201D' }],
  ],
  [
    'a closing double mark after a word still closes',
    'She said \u201Cthe bridge is closed\u201D and left the room before anyone could answer her.',
    [{ quote: '\u201Cthe bridge is closed\u201D' }],
  ],
  [
    'a second part closed by its own trailing attribution is not joined to the first',
    'Nora Lind spoke at the dock. “The bridge will open in May,” Lind said on the radio show "Harbour Talk," adding that the money was there.',
    [{ quote: '“The bridge will open in May,”', fragments: 1, mention: 'Lind' }],
  ],
  [
    'a straight closing mark spaced off its comma',
    'The farm stays. "We will not sell the land to anyone, " Ada Kim said on Monday. Her brother agreed.',
    [{ quote: '"We will not sell the land to anyone, "', mention: 'Ada Kim' }],
  ],
  [
    'a straight closing mark glued to the next word',
    'The farm stays. "We will not sell the land to anyone,"Ada Kim said on Monday. Her brother agreed.',
    [{ quote: '"We will not sell the land to anyone,"', mention: 'Ada Kim' }],
  ],
  [
    'a spaced mark with no open quote before it opens nothing',
    'He only said, " We will see about the land." Nobody answered him.',
    [],
  ],
  [
    'a right single mark closing a double-quoted sentence',
    'She posted a note. “Let’s go. We can still win this.’ Kim was at the rally on Tuesday.',
    [{ quote: '“Let’s go. We can still win this.’' }],
  ],
  [
    'a single quote nested in an unclosed double quote does not close it',
    '“He told me ‘not now.’ And then he left the room without another word',
    [{ quote: '“He told me ‘not now.’ And then he left the room without another word' }],
  ],
  [
    'a signature line inside the marks names the speaker',
    'Economists disagree.\n\n"We will see the deficit grow again after the next downturn.\nMara Quist, Institute for Fiscal Studies."\n\nThe debate goes on.',
    [{ quote: '"We will see the deficit grow again after the next downturn.', mention: 'Mara Quist' }],
  ],
  [
    'a lower-case signature line is a description',
    'Donors are worried.\n\n"If they spend it all now, we will have nothing left in the fall.\nState party committee member."',
    [
      {
        quote: '"If they spend it all now, we will have nothing left in the fall.',
        mention: 'State party committee member',
      },
    ],
  ],
];

// A next paragraph that is no signature: the quote keeps no speaker from it.
const NO_SIGNATURE: Row[] = [
  [
    'a full sentence after the quote',
    '"We will see the deficit grow again after the next downturn.\nThe minister did not answer any further questions today."',
    [{ quote: '"We will see the deficit grow again after the next downturn.', mention: null }],
  ],
];

// Parts that must stay one quote.
const JOINED: Row[] = [
  [
    'an interrupted quote whose second part ends the sentence',
    '“We will rebuild the pier,” Ola Berg said, “and the boats will come back.”',
    [{ quote: '“We will rebuild the pier,” Ola Berg said, “and the boats will come back.”', fragments: 2 }],
  ],
  [
    'a second part followed by a relative clause, not an attribution',
    '“We are tired of the rules,” said Per Lie, a shop owner. “He is very strict about the hours,” which Lie thinks will cost jobs.',
    [
      {
        quote: '“We are tired of the rules,” said Per Lie, a shop owner. “He is very strict about the hours,”',
        fragments: 2,
      },
    ],
  ],
];

describe('quote marks: spans', () => {
  it.each([...ROWS, ...NO_SIGNATURE, ...JOINED])('%s', (_label, text, expected) => {
    const got = quotes(text);
    expect(got.map((q) => q.text)).toEqual(expected.map((e) => e.quote));
    expected.forEach((e, i) => {
      const q = got[i]!;
      if (e.fragments !== undefined) expect(q.fragments).toHaveLength(e.fragments);
      if (e.mention !== undefined) expect(q.speaker?.mention.text ?? null).toBe(e.mention);
    });
  });
});

// The speaker phrase read right from the first word, or left from before the last word (the verb), as text.
const phraseRight = (text: string): string | null => {
  const { tokens } = buildDoc(text);
  const p = rightPhrase(tokens, 0, tokens.length);
  return p ? text.slice(p.start, p.end) : null;
};
const phraseLeft = (text: string): string | null => {
  const { tokens } = buildDoc(text);
  const p = leftPhrase(tokens, tokens.length - 1, 0);
  return p ? text.slice(p.start, p.end) : null;
};

describe('speaker phrases', () => {
  it.each([
    ['a full stop ending the sentence', 'the other one. Others asked for more', 'the other one'],
    ['a full stop after a name', 'Berg. And Lund agreed', 'Berg'],
    ['a past form after a name', 'Lund supporters gathered outside', 'Lund supporters'],
    // Not cut:
    ['a title abbreviation', 'Sen. Ana Berg of Lund', 'Sen. Ana Berg of Lund'],
    ['an initialism', 'U.S. Senate staff', 'U.S. Senate staff'],
    ['a past form after a determiner', 'the elected officials', 'the elected officials'],
  ])('right: %s', (_label, text, expected) => {
    expect(phraseRight(text)).toBe(expected);
  });
  it.each([
    ['an appositive holding "No. 2"', 'Ana Berg, the No. 2 in the party leadership, said', 'Ana Berg'],
    ['an appositive', 'Ana Berg, the deputy in the party leadership, said', 'Ana Berg'],
    // Not read across a sentence end:
    ['a sentence end inside the stretch', 'Ana Berg left early. The rest of the party, said', null],
  ])('left: %s', (_label, text, expected) => {
    expect(phraseLeft(text)).toBe(expected);
  });
});

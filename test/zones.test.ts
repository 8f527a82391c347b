import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDoc } from '../src/text/doc.js';
import { normalize, spanToRaw } from '../src/text/normalize.js';
import { tokenize } from '../src/text/tokenize.js';
import type { Token } from '../src/text/types.js';

/** Zones of each line, as `zone: first words`. Pages below are our own writing, shaped like common news sites. */
function zonesOf(page: string): string[] {
  const text = normalize(page).text;
  const doc = buildDoc(text);
  return doc.paragraphs.map((p) => `${p.zone}: ${text.slice(p.start, Math.min(p.end, p.start + 24))}`);
}

const BODY1 =
  'The city council voted on Tuesday to close the old bridge to heavy traffic after engineers found cracks in two of its piers.';
const BODY2 =
  'Residents said the closure would add twenty minutes to their commute, and shop owners on the east bank worried about deliveries.';

const pages: { name: string; page: string; expected: string[] }[] = [
  {
    name: 'byline with "By", date line, read time, newsletter and copyright',
    page: `Council closes old bridge to lorries\nBy Jane Okafor and Tom Reyes\nPublished: March 4, 2024 10:15 am\n5 min read\n\n${BODY1}\n\n${BODY2}\n\nSign up for our daily newsletter\n© 2024 The Riverside Gazette`,
    expected: [
      'headline: Council closes old bridg',
      'byline: By Jane Okafor and Tom R',
      'dateline: Published: March 4, 2024',
      'boilerplate: 5 min read',
      `body: ${BODY1.slice(0, 24)}`,
      `body: ${BODY2.slice(0, 24)}`,
      'boilerplate: Sign up for our daily ne',
      'boilerplate: © 2024 The Riverside Gaz',
    ],
  },
  {
    name: 'navigation, caption with credit, "Most read" list of teasers',
    page: `Menu\nSearch\nNews › Local › Transport\nCouncil closes old bridge to lorries\nEngineers inspect a pier of the old bridge on Monday. (Photo: Lee Park/City Desk)\n${BODY1}\n${BODY2}\nMost read\nSchool meals to go free next term\nFloods close the ring road again\nShare this article`,
    expected: [
      'boilerplate: Menu',
      'boilerplate: Search',
      'boilerplate: News › Local › Transport',
      'headline: Council closes old bridg',
      'caption: Engineers inspect a pier',
      `body: ${BODY1.slice(0, 24)}`,
      `body: ${BODY2.slice(0, 24)}`,
      'related: Most read',
      'related: School meals to go free ',
      'related: Floods close the ring ro',
      'boilerplate: Share this article',
    ],
  },
  {
    name: 'inline "Read more:" link inside the body does not end the story',
    page: `Council closes old bridge to lorries\n${BODY1}\nRead more: Why the bridge was never repaired\n${BODY2}\nTags: transport, council`,
    expected: [
      'headline: Council closes old bridg',
      `body: ${BODY1.slice(0, 24)}`,
      'related: Read more: Why the bridg',
      `body: ${BODY2.slice(0, 24)}`,
      'boilerplate: Tags: transport, council',
    ],
  },
  {
    name: 'author card and bio after the story',
    page: `Council closes old bridge to lorries\n${BODY1}\n${BODY2}\nAvatar\nJane Okafor\nStaff writer\nJane Okafor is a staff writer covering transport and city hall. She previously worked for a radio station in Leeds.`,
    expected: [
      'headline: Council closes old bridg',
      `body: ${BODY1.slice(0, 24)}`,
      `body: ${BODY2.slice(0, 24)}`,
      'boilerplate: Avatar',
      'byline: Jane Okafor',
      'byline: Staff writer',
      'author-bio: Jane Okafor is a staff w',
    ],
  },
  {
    name: 'wire story: capitals headline and a dateline line',
    page: `BRIDGE CLOSED TO LORRIES AFTER CRACKS FOUND.\nLEEDS 2024-03-04\n${BODY1}\n${BODY2}`,
    expected: [
      'headline: BRIDGE CLOSED TO LORRIES',
      'dateline: LEEDS 2024-03-04',
      `body: ${BODY1.slice(0, 24)}`,
      `body: ${BODY2.slice(0, 24)}`,
    ],
  },
  {
    name: 'vox pop: quote paragraphs closed by a dash and the speaker stay body (not teasers after the story)',
    page: `${BODY1}

\u201CThe bridge was my only way to the market. Now I leave an hour earlier every day.\u201D \u2014 Ana Lima, 52, baker

\u201CNobody asked the people who live on the east bank what they needed.\u201D \u2014 Omar Haddad, 33, Riverside`,
    expected: [
      `body: ${BODY1.slice(0, 24)}`,
      'body: \u201CThe bridge was my only ',
      'body: \u201CNobody asked the people',
    ],
  },
  {
    name: 'a teaser title after the story is still related (no dash attribution)',
    page: `${BODY1}

${BODY2}

Why the east bank feels forgotten by the council`,
    expected: [`body: ${BODY1.slice(0, 24)}`, `body: ${BODY2.slice(0, 24)}`, 'related: Why the east bank feels '],
  },
];

describe('zones', () => {
  for (const { name, page, expected } of pages) {
    it(name, () => expect(zonesOf(page)).toEqual(expected));
  }

  it('finds the authors of a byline and of an author card', () => {
    const a = buildDoc(normalize(pages[0]!.page).text).authors.map((x) => x.name);
    expect(a).toEqual(['Jane Okafor', 'Tom Reyes']);
    const b = buildDoc(normalize(pages[3]!.page).text).authors.map((x) => x.name);
    expect(b).toEqual(['Jane Okafor']);
  });

  it('reads the dateline date', () => {
    expect(buildDoc(normalize(pages[0]!.page).text).datelineDate).toBe('2024-03-04');
    expect(buildDoc(normalize(pages[4]!.page).text).datelineDate).toBe('2024-03-04');
  });

  it('splits a wire dateline off the first paragraph and a credit off a caption', () => {
    const text = `Bridge closed\nLEEDS, England (AP) — ${BODY1}\nA pier of the bridge. (Photo credit: Lee Park/AP)`;
    const doc = buildDoc(text);
    const kinds = doc.zones.map((z) => `${z.kind}:${text.slice(z.start, z.end).trim().slice(0, 12)}`);
    expect(kinds).toContain('dateline:LEEDS, Engla');
    expect(kinds).toContain('credit:(Photo credi');
  });

  const credits: [string, string | null][] = [
    ['Firefighters at the mill. (Photo: Ana Ruiz)', '(Photo: Ana Ruiz)'],
    ['The harbour at dawn (Image courtesy: Port Authority)', '(Image courtesy: Port Authority)'],
    ['Divers search the lake (photo by Sam Okoro) on Friday', '(photo by Sam Okoro)'],
    ['A man walks past the station (Tom Hale / Getty Images)', '(Tom Hale / Getty Images)'],
    ['Rescuers (left) carry a child (Jo Lin/AFP via Getty)', '(Jo Lin/AFP via Getty)'],
    // not credits
    ['The mayor (a former teacher) spoke to reporters.', null],
    ['The ratio (input/output) fell by half.', null],
    ['A photo (taken in 1990) shows the square.', null],
    ['Unclosed (Photo: Ana Ruiz and more words', null],
  ];
  it.each(credits)('inline credit in %j', (line, credit) => {
    const text = `Mill fire\n${BODY1}\n${line}`;
    const zone = buildDoc(text).zones.find((z) => z.kind === 'credit');
    expect(zone ? text.slice(zone.start, zone.end) : null).toBe(credit);
  });

  const datelines: [string, string | null][] = [
    ['WARSAW — ', 'WARSAW — '],
    ['LONDON (Reuters) - ', 'LONDON (Reuters) - '],
    ['WILKES-BARRE, Pa. (AP) — ', 'WILKES-BARRE, Pa. (AP) — '],
    ['NEW YORK CITY, New York -- ', 'NEW YORK CITY, New York -- '],
    ['SAN JOSE DEL CABO, Baja California Sur (AP) — ', 'SAN JOSE DEL CABO, Baja California Sur (AP) — '],
    // not datelines
    ['The Kremlin — which denies it — ', null],
    ['UN officials, who spoke on condition of anonymity — ', null],
    ['ONE TWO THREE FOUR FIVE — ', null],
  ];
  it.each(datelines)('inline dateline %j', (lead, dateline) => {
    const text = `Bridge closed\n${lead}${BODY1}`;
    const zone = buildDoc(text).zones.find((z) => z.kind === 'dateline');
    expect(zone ? text.slice(zone.start, zone.end) : null).toBe(dateline);
  });

  it('zones cover the text in order without gaps', () => {
    for (const { page } of pages) {
      const doc = buildDoc(page);
      expect(doc.zones[0]?.start).toBe(0);
      expect(doc.zones.at(-1)?.end).toBe(page.length);
      for (let i = 1; i < doc.zones.length; i++) expect(doc.zones[i]?.start).toBe(doc.zones[i - 1]?.end);
    }
  });
});

/** Body text that looks like chrome must stay body. */
const falsePositives = [
  'Share prices fell sharply on Monday after the bank warned that profits would be lower than expected this year.',
  'By Friday, officials had counted more than four hundred damaged homes along the river.',
  'Live music returned to the square for the first time in three years, drawing a crowd of several thousand people.',
  'More than 300 people attended the vigil, which organisers said was the largest the town had seen.',
  'Search teams found the missing climbers late on Sunday evening, the mountain rescue service said.',
];

describe('zones: false positives', () => {
  for (const line of falsePositives) {
    it(line.slice(0, 30), () => {
      const page = `Council closes old bridge to lorries\n${BODY1}\n${line}\n${BODY2}`;
      expect(zonesOf(page)[2]).toBe(`body: ${line.slice(0, 24)}`);
    });
  }
});

// ---- tokenizer and normalization (src/text/tokenize.ts, normalize.ts) ----

/**
 * The regex tokenizer the character scanner replaced, kept as the reference: the scanner must give exactly its
 * tokens (offsets, kinds, cap/upper) on any text.
 */
function referenceTokenize(text: string, from = 0, to = text.length) {
  const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’\-.][\p{L}\p{M}\p{N}]+)*/uy;
  const NUMBER = /\p{N}+(?:[.,]\p{N}+)*/uy;
  const tokens: Omit<Token, 'i' | 'sentence' | 'paragraph'>[] = [];
  const push = (start: number, end: number, kind: Token['kind']) => {
    const t = text.slice(start, end);
    const cap = kind === 'word' && /^\p{Lu}/u.test(t);
    tokens.push({
      start,
      end,
      text: t,
      lower: t.toLowerCase(),
      kind,
      cap,
      upper: cap && t.length > 1 && !/\p{Ll}/u.test(t),
    });
  };
  let i = from;
  while (i < to) {
    if (/\s/.test(text[i] as string)) {
      i++;
      continue;
    }
    WORD.lastIndex = i;
    let m = WORD.exec(text);
    if (m && m.index === i) {
      let end = Math.min(i + m[0].length, to);
      let word = text.slice(i, end);
      if (text[end] === '.' && /^(?:\p{L}\.)+\p{L}$/u.test(word)) {
        end++;
        word += '.';
      }
      if (word.length > 2 && /['’][sS]$/.test(word)) {
        push(i, end - 2, 'word');
        push(end - 2, end, 'word');
      } else push(i, end, 'word');
      i = end;
      continue;
    }
    NUMBER.lastIndex = i;
    m = NUMBER.exec(text);
    if (m && m.index === i) {
      const end = Math.min(i + m[0].length, to);
      push(i, end, 'number');
      i = end;
      continue;
    }
    const code = text.charCodeAt(i);
    const len = code >= 0xd800 && code <= 0xdbff && i + 1 < to ? 2 : 1;
    push(i, i + len, 'punct');
    i += len;
  }
  return tokens;
}

const strip = (ts: Token[]) =>
  ts.map(({ start, end, text, lower, kind, cap, upper }) => ({ start, end, text, lower, kind, cap, upper }));
const brief = (ts: Token[]) => ts.map((t) => `${t.kind[0]}:${t.text}${t.upper ? '^' : t.cap ? '+' : ''}`);

describe('tokenize', () => {
  const table: [string, string[]][] = [
    ["O'Brien's U.S. visit", ["w:O'Brien+", "w:'s", 'w:U.S.^', 'w:visit']],
    ['Belarus-Lithuania, 1,000.5 km', ['w:Belarus-Lithuania+', 'p:,', 'n:1,000.5', 'w:km']],
    ['2023-07-10', ['n:2023', 'p:-', 'n:07', 'p:-', 'n:10']],
    ['NATO and BBC’s A. Smith', ['w:NATO^', 'w:and', 'w:BBC^', 'w:’s', 'w:A+', 'p:.', 'w:Smith+']],
    ['J.R.R. Tolkien said "no".', ['w:J.R.R.^', 'w:Tolkien+', 'w:said', 'p:"', 'w:no', 'p:"', 'p:.']],
    ['Zelenskyy—Київ, Ølstykke 😀 x²', ['w:Zelenskyy+', 'p:—', 'w:Київ+', 'p:,', 'w:Ølstykke+', 'p:😀', 'w:x²']],
    ['Straße İstanbul ǅemal', ['w:Straße+', 'w:İstanbul+', 'w:ǅemal']],
    ['end. ...', ['w:end', 'p:.', 'p:.', 'p:.', 'p:.']],
    ["it's 5's rock'n'roll", ['w:it', "w:'s", 'n:5', "p:'", 'w:s', "w:rock'n'roll"]],
  ];
  it.each(table)('%s', (text, expected) => {
    expect(brief(tokenize(text))).toEqual(expected);
  });

  it('gives the reference tokens on any text and any range', () => {
    const chars = [
      ..."aZé É.,'’-s S1\n\t",
      '\u0301',
      'ß',
      'ǅ',
      'İ',
      '٣',
      '²',
      '½',
      'Ⅻ',
      'ﬁ',
      '\u00a0',
      '\ufeff',
      '\u2028',
      '\ud835\udc00',
      '\ud835\udc1a',
      '😀',
      '\ud800',
      '\udc00',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...chars), { maxLength: 16 }).map((a) => a.join('')),
        fc.nat(),
        fc.nat(),
        (text, a, b) => {
          const from = text.length ? a % (text.length + 1) : 0;
          const to = from + (text.length - from ? b % (text.length - from + 1) : 0);
          expect(strip(tokenize(text))).toEqual(referenceTokenize(text));
          expect(strip(tokenize(text, from, to))).toEqual(referenceTokenize(text, from, to));
        },
      ),
      { seed: 1, numRuns: 3000 },
    );
  });

  it('buildDoc numbers tokens and sets their paragraph and sentence', () => {
    const doc = buildDoc('First line here.\nSecond one. Third one.');
    expect(doc.tokens.map((t) => t.i)).toEqual(doc.tokens.map((_, k) => k));
    expect(doc.tokens.map((t) => `${t.paragraph}${t.sentence}`).join(' ')).toBe('00 00 00 00 11 11 11 12 12 12');
  });
});

describe('normalize', () => {
  const table: [string, string, number[] | null][] = [
    ['plain text', 'plain text', null],
    ['a\u00a0b\tc\u2028d', 'a b c\nd', null],
    ['a\r\nb', 'a\nb', [0, 2, 3, 4]],
    ['Kor\u00adolev', 'Korolev', [0, 1, 2, 4, 5, 6, 7, 8]],
    ['x\ud800y😀', 'x\ufffdy😀', null],
  ];
  it.each(table)('%j', (raw, text, map) => {
    const n = normalize(raw);
    expect(n.text).toBe(text);
    expect(n.identity).toBe(map === null);
    expect(n.rawMap === null ? null : [...n.rawMap]).toEqual(map);
    expect([...n.toRaw]).toEqual(map ?? [...Array(text.length + 1).keys()]);
  });
  it('maps spans back to the raw text', () => {
    const raw = '\ufeffKor\u00adolev said\r\nno';
    const n = normalize(raw);
    const at = n.text.indexOf('Korolev');
    const s = spanToRaw(n.rawMap, at, at + 7);
    expect(raw.slice(s.start, s.end)).toBe('Kor\u00adolev');
    expect(spanToRaw(null, 3, 5)).toEqual({ start: 3, end: 5 });
  });
});

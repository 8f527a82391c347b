// Generators and properties of hostile input, shared by test/property.test.ts (10,000 cases in `npm test`) and
// scripts/fuzz.ts (`npm run fuzz -- --runs N`). Not a test file itself (no `.test.` in the name).
import fc from 'fast-check';
import { ArticleTooLargeError } from '../src/errors.js';
import { type ArticleTags, ArticleTagsSchema } from '../src/schema.js';

/** Every quote mark style the quotes stage might see, paired and unpaired. */
export const QUOTE_MARKS = [
  '"',
  "'",
  '“',
  '”',
  '‘',
  '’',
  '«',
  '»',
  '‹',
  '›',
  '„',
  '‚',
  '「',
  '」',
  '『',
  '』',
  '〝',
  '〞',
  '＂',
  '`',
  '``',
  "''",
  '′',
  '″',
] as const;

/** Pieces of English news text, so generated strings reach the deeper code paths of every stage. */
const WORDS = [
  'Ivan Korolev',
  'Korolev’s',
  'Mr. Smith',
  'Dr. A. B. Jones Jr.',
  'said',
  'told the BBC',
  'according to',
  'Lithuania',
  'Vilnius',
  'New York',
  'Paris, Texas',
  'on Aug. 11',
  'in 2021',
  'last week',
  'on Monday',
  '08/11/2023',
  'July 3–5',
  'the 1990s',
  'Q3',
  'asylum',
  'border',
  'election',
  'the village of Teysin',
  'Ministry of Defence',
  'U.S.',
  'e.g.',
  'By Jane Doe',
  'Read more',
  '2 min read',
  'Photo: Reuters',
  'Copyright 2023',
  'VILNIUS (Reuters) —',
  'Updated',
  'Share',
  'the',
  'and',
  'of',
] as const;

/** Characters that break naive code: controls, lone surrogates, invisible marks, line ends, RTL, combining marks. */
const ODD = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\t',
  '\v',
  '\f',
  '\r',
  '\n',
  '\r\n',
  '\n\n',
  '\r\r',
  '\u2028',
  '\u2029',
  '\u00a0',
  '\u00ad',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u202e',
  '\u200f',
  '\u061c',
  '\ud800',
  '\udc00',
  '\udbff',
  '\udfff',
  '\ufffd',
  '\u0301',
  '\u0308\u0301\u0327',
  'e\u0301',
  'Z\u0351\u0352\u0353\u0354',
  '😀',
  '👨‍👩‍👧',
  '🏳️‍🌈',
  '👍🏽',
  '🇱🇹',
  '𝐀𝐁𝐂',
  '𠀀',
  'مرحبا',
  'שלום',
  'Привет',
  'Ωμέγα',
  'İstanbul',
  'ß',
  'ﬁ',
  '…',
  '—',
  '–',
  '-',
  '.',
  '. ',
  '!',
  '?',
  ',',
  ';',
  ':',
  '(',
  ')',
  '[',
  ']',
  '/',
  '\\',
  '*',
  '#',
  '@',
  '&',
  '$',
  '%',
] as const;

const capitalised = fc
  .tuple(
    fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
    fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), maxLength: 9 }),
  )
  .map(([a, b]) => a + b);

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...QUOTE_MARKS) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD) },
  { weight: 2, arbitrary: capitalised },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
);

const separator = fc.constantFrom(' ', ' ', ' ', '', '\n', '\n\n', '\r\n', ', ', '. ', '\t');

/** A mix of news words, quote marks and odd characters: the bulk of the generated cases. */
const mixed = (maxPieces: number) =>
  fc.array(fc.tuple(piece, separator), { maxLength: maxPieces }).map((a) => a.map(([p, s]) => p + s).join(''));

/** One short unit repeated many times: long runs of quote marks, "A. A. A.", capitalised words, punctuation. */
const repeated = (maxRepeats: number) =>
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom(...QUOTE_MARKS),
        fc.constantFrom('A. ', 'A.', 'Mr. ', 'U.S. ', '. ', '!!', '?!', '...', ', ', '—', '-', '\n', '\r', ' '),
        capitalised.map((w) => `${w} `),
        fc.constantFrom(...WORDS).map((w) => `${w} `),
        fc.constantFrom(...ODD),
      ),
      fc.integer({ min: 1, max: maxRepeats }),
      mixed(4),
    )
    .map(([unit, n, tail]) => unit.repeat(n) + tail);

/** Thousands of capitalised words (every word a name candidate), with or without sentence breaks. */
const capitalisedRun = (maxWords: number) =>
  fc
    .tuple(
      fc.array(capitalised, { minLength: 1, maxLength: 20 }),
      fc.integer({ min: 1, max: maxWords }),
      fc.constantFrom(' ', '. ', ', ', '\n'),
    )
    .map(([ws, n, sep]) => Array.from({ length: n }, (_, i) => ws[i % ws.length]).join(sep));

/** Quote marks nested and unbalanced, with text between them. */
const quoteSoup = (maxPieces: number) =>
  fc
    .array(fc.oneof(fc.constantFrom(...QUOTE_MARKS), fc.constantFrom(...WORDS), capitalised), { maxLength: maxPieces })
    .map((a) => a.join(' '));

/** One very long line without breaks (no spaces at all in half the cases). */
const longLine = (maxLength: number) =>
  fc
    .tuple(
      fc.string({ unit: fc.constantFrom(...'abcXYZ.,“”"\'-'), minLength: 1, maxLength: 20 }),
      fc.integer({ min: 1, max: maxLength / 20 }),
      fc.boolean(),
    )
    .map(([unit, n, spaces]) => (spaces ? `${unit} `.repeat(n) : unit.repeat(n)));

/**
 * Hostile texts. `scale` 1 keeps inputs small (up to a few thousand characters) for the 10,000 cases of `npm test`;
 * larger scales reach tens of thousands of characters for the long fuzz run.
 */
export function hostileText(scale = 1): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: mixed(40 * scale) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 * scale }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 100 * scale }) },
    { weight: 2, arbitrary: quoteSoup(60 * scale) },
    { weight: 2, arbitrary: repeated(400 * scale) },
    { weight: 1, arbitrary: capitalisedRun(600 * scale) },
    { weight: 1, arbitrary: longLine(2000 * scale) },
  );
}

export const hostileOptions = fc.record({
  keepChrome: fc.boolean(),
  publishedAt: fc.constantFrom('2023-08-11', '2000-02-29', null, undefined),
  dateOrder: fc.constantFrom('MDY' as const, 'DMY' as const, 'auto' as const, undefined),
});

export type HostileOptions = {
  keepChrome: boolean;
  publishedAt: string | null | undefined;
  dateOrder: 'MDY' | 'DMY' | 'auto' | undefined;
};

/** A failed property: what was wrong, thrown so fast-check shrinks the input. */
export class PropertyViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PropertyViolation';
  }
}

function must(ok: boolean, message: string): void {
  if (!ok) throw new PropertyViolation(message);
}

type Spanish = { start: number; end: number; text: string };

/**
 * Checks every property of one result: schema, exact offsets, mentions inside their zone, unique ids, zones tiling
 * the input, no stage failure. Throws PropertyViolation on the first violation.
 */
export function checkResult(text: string, out: ArticleTags): void {
  const parsed = ArticleTagsSchema.safeParse(out);
  must(parsed.success, `schema: ${parsed.success ? '' : parsed.error.message}`);
  const span = (s: Spanish, what: string) => {
    must(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: non-integer offsets`);
    must(s.start >= 0 && s.end > s.start && s.end <= text.length, `${what}: bad range [${s.start}, ${s.end})`);
    must(
      text.slice(s.start, s.end) === s.text,
      `${what}: text ${JSON.stringify(s.text)} ≠ input.slice(${s.start}, ${s.end}) ${JSON.stringify(text.slice(s.start, s.end))}`,
    );
  };
  let at = 0;
  for (const z of out.zones) {
    must(z.start === at, `zones: gap or overlap at ${at} (next zone starts at ${z.start})`);
    must(z.end > z.start, `zones: empty zone at ${z.start}`);
    at = z.end;
  }
  must(at === text.length, `zones: end at ${at}, input length ${text.length}`);
  const inZone = (s: { start: number; end: number; zone: string }, what: string) => {
    const z = out.zones.find((x) => x.start <= s.start && s.start < x.end);
    must(z !== undefined, `${what}: no zone holds offset ${s.start}`);
    must(z?.kind === s.zone, `${what}: zone ${s.zone}, but offset ${s.start} is in ${z?.kind}`);
    must(s.end <= (z?.end ?? -1), `${what}: [${s.start}, ${s.end}) runs past its zone's end ${z?.end}`);
  };
  const ids = new Set<string>();
  const entities = [...out.people, ...out.organizations, ...out.places];
  for (const e of entities) {
    must(!ids.has(e.id), `ids: ${e.id} twice`);
    ids.add(e.id);
    must(e.mentions.length > 0, `entity ${e.id} has no mentions`);
    for (const m of e.mentions) {
      span(m, `mention of ${e.id}`);
      inZone(m, `mention of ${e.id}`);
    }
  }
  const topicIds = new Set<string>();
  for (const t of out.topics) {
    must(!topicIds.has(t.id), `topic ids: ${t.id} twice`);
    topicIds.add(t.id);
    for (const ev of t.evidence) span(ev, `evidence of topic ${t.id}`);
  }
  for (const d of out.dates) {
    span(d, 'date');
    inZone(d, 'date');
  }
  const people = new Set(out.people.map((p) => p.id));
  for (const q of out.quotes) {
    span(q, 'quote');
    inZone(q, 'quote');
    for (const f of q.fragments) {
      span(f, 'quote fragment');
      must(f.start >= q.start && f.end <= q.end, `quote fragment [${f.start}, ${f.end}) outside its quote`);
    }
    if (q.speaker) {
      span(q.speaker.mention, 'quote speaker');
      must(q.speaker.personId === null || people.has(q.speaker.personId), `speaker ${q.speaker.personId} not a person`);
    }
    if (q.cue) span(q.cue, 'quote cue');
  }
  if (out.headline) span(out.headline, 'headline');
  for (const a of out.authors) span(a.span, 'author');
  for (const w of out.warnings) {
    if (w.start !== undefined || w.end !== undefined) {
      must(
        w.start !== undefined && w.end !== undefined && w.start < w.end && w.end <= text.length,
        `warning ${w.code}: bad range`,
      );
    }
  }
  must(
    !out.warnings.some((w) => w.code === 'STAGE_FAILED'),
    `a stage failed: ${out.warnings.find((w) => w.code === 'STAGE_FAILED')?.message}`,
  );
}

/** Tags `text` and checks the result; the only error allowed out of the tagger is the typed size error. */
export function tagAndCheck(
  tag: (text: string, options: HostileOptions & { maxLength?: number }) => ArticleTags,
  text: string,
  options: HostileOptions,
  maxLength?: number,
): void {
  let out: ArticleTags;
  try {
    out = tag(text, maxLength === undefined ? options : { ...options, maxLength });
  } catch (e) {
    if (e instanceof ArticleTooLargeError && maxLength !== undefined && text.length > maxLength) return;
    throw new PropertyViolation(
      `tagArticle threw: ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`,
    );
  }
  checkResult(text, out);
}

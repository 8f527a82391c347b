// Property test: for any text, the output validates against the schema, every span's text is exactly
// input.slice(start, end), every mention lies inside its zone, ids are unique, and zones tile the input.
// The long run is a later issue's `npm run fuzz`; this one keeps `npm test` fast.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ArticleTags, ArticleTagsSchema, tagArticle } from '../src/index.js';

const pieces = [
  'Ivan Korolev',
  'Korolev’s',
  ' said ',
  ' told the BBC ',
  'Lithuania',
  'Vilnius',
  'on Aug. 11',
  'in 2021',
  'last week',
  '“',
  '”',
  '"',
  "'",
  '‘',
  '’',
  '«',
  '»',
  '.',
  ', ',
  '\n',
  '\n\n',
  '\r\n',
  '\u0000',
  '\u200b',
  '\ud800',
  '\udc00',
  '😀',
  '👨‍👩‍👧',
  'e\u0301',
  'مرحبا',
  'A. A. ',
  'Read more\n',
  '2 min read\n',
  'asylum',
  'border',
  'the village of Teysin',
  'Ministry of Defence',
];

const textArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((a) => a.join('')),
  fc
    .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 })), { maxLength: 60 })
    .map((a) => a.join(' ')),
);

function check(text: string, out: ArticleTags) {
  ArticleTagsSchema.parse(out);
  const spanOk = (s: { start: number; end: number; text: string }) => {
    expect(s.end).toBeGreaterThan(s.start);
    expect(text.slice(s.start, s.end)).toBe(s.text);
  };
  const zoneOf = (s: { start: number; end: number; zone: string }) => {
    const z = out.zones.find((x) => x.start <= s.start && s.start < x.end);
    expect(z?.kind).toBe(s.zone);
    expect(s.end).toBeLessThanOrEqual(z?.end ?? -1);
  };
  let at = 0;
  for (const z of out.zones) {
    expect(z.start).toBe(at);
    at = z.end;
  }
  expect(at).toBe(text.length);
  const ids = new Set<string>();
  for (const e of [...out.people, ...out.organizations, ...out.places]) {
    expect(ids.has(e.id)).toBe(false);
    ids.add(e.id);
    for (const m of e.mentions) {
      spanOk(m);
      zoneOf(m);
    }
  }
  for (const d of out.dates) {
    spanOk(d);
    zoneOf(d);
  }
  for (const q of out.quotes) {
    spanOk(q);
    q.fragments.forEach(spanOk);
    if (q.speaker) spanOk(q.speaker.mention);
    if (q.cue) spanOk(q.cue);
  }
  for (const t of out.topics) t.evidence.forEach(spanOk);
  if (out.headline) spanOk(out.headline);
  for (const a of out.authors) spanOk(a.span);
  expect(out.warnings.map((w) => w.code)).not.toContain('STAGE_FAILED');
}

describe('property: any text gives a valid result with exact offsets', () => {
  it('holds for generated texts, with and without chrome', () => {
    fc.assert(
      fc.property(textArb, fc.boolean(), (text, keepChrome) => {
        check(text, tagArticle(text, { keepChrome, publishedAt: '2023-08-11' }));
      }),
      { numRuns: 400, seed: 20261125 },
    );
  });
});

// Property test of hostile input (issue 9): for any text (random unicode with astral characters, combining marks,
// RTL, ZWJ emoji, NUL and control characters, lone surrogates, CRLF/CR, unbalanced and nested quote marks of every
// style, long lines, runs of capitalised words, repeated punctuation) tagArticle throws nothing but the typed size
// error, the output validates against the schema, every span's text is exactly input.slice(start, end), every mention
// lies inside its zone, ids are unique and zones tile the input. 10,000 small cases here; `npm run fuzz` is the long run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ArticleTooLargeError,
  createTagger,
  InvalidInputError,
  InvalidOptionsError,
  tagArticle,
} from '../src/index.js';
import { checkResult, hostileOptions, hostileText, PropertyViolation, tagAndCheck } from './hostile-input.js';

describe('property: any text gives a valid result with exact offsets', () => {
  it('holds for 10,000 generated hostile texts', () => {
    fc.assert(
      fc.property(hostileText(1), hostileOptions, (text, options) => {
        tagAndCheck(tagArticle, text, options);
      }),
      { numRuns: 10_000, seed: 20261125 },
    );
  }, 180_000);

  it('throws only the typed size error over maxLength, and nothing at or under it', () => {
    fc.assert(
      fc.property(hostileText(1), fc.integer({ min: 1, max: 300 }), hostileOptions, (text, maxLength, options) => {
        tagAndCheck(tagArticle, text, options, maxLength);
        if (text.length > maxLength) {
          expect(() => tagArticle(text, { ...options, maxLength })).toThrow(ArticleTooLargeError);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('holds for a tagger with its own gazetteer entries', () => {
    const tagger = createTagger({
      places: [{ name: 'Little Snoring', countryCode: 'GB', kind: 'village' }],
    });
    fc.assert(
      fc.property(
        hostileText(1).map((t) => `${t} Little Snoring ${t}`),
        hostileOptions,
        (text, options) => {
          tagAndCheck((t, o) => tagger.tag(t, o), text, options);
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe('errors a user can act on: typed, with a code, naming the bad path', () => {
  const typed = (e: unknown) =>
    (e instanceof InvalidOptionsError && e.code === 'ERR_INVALID_OPTIONS') ||
    (e instanceof InvalidInputError && e.code === 'ERR_INVALID_INPUT') ||
    (e instanceof ArticleTooLargeError && e.code === 'ERR_ARTICLE_TOO_LARGE');

  it('any options value: a result, or InvalidOptionsError whose every issue names a path under options', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record(
            {
              publishedAt: fc.anything(),
              keepChrome: fc.anything(),
              maxLength: fc.anything(),
              include: fc.anything(),
              dateOrder: fc.anything(),
            },
            { requiredKeys: [] },
          ),
          fc.dictionary(fc.string({ maxLength: 8 }), fc.anything(), { maxKeys: 3 }),
        ),
        (options) => {
          try {
            tagArticle('Ivan Korolev said “no” in Vilnius.', options as never);
          } catch (e) {
            expect(typed(e)).toBe(true);
            expect(e).toBeInstanceOf(InvalidOptionsError);
            const issues = (e as InvalidOptionsError).issues;
            expect(issues.length).toBeGreaterThan(0);
            for (const i of issues) expect(i.path).toMatch(/^options(?:\.|$)/);
            expect((e as Error).message.split('; ')).toHaveLength(issues.length);
          }
        },
      ),
      { numRuns: 1000, seed: 3 },
    );
  });

  it('any non-string text: InvalidInputError', () => {
    fc.assert(
      fc.property(
        fc.anything().filter((x) => typeof x !== 'string'),
        (text) => {
          expect(() => tagArticle(text as never)).toThrow(InvalidInputError);
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });

  const badOptions: [string, unknown, string[]][] = [
    ['unknown key (named in the message)', { bogus: 1 }, ['options']],
    ['wrong type', { maxLength: '10' }, ['options.maxLength']],
    ['bad stage', { include: ['people', 'weather'] }, ['options.include.1']],
    ['bad date', { publishedAt: '2023-02-30' }, ['options.publishedAt']],
    ['two problems', { keepChrome: 'yes', dateOrder: 'YMD' }, ['options.keepChrome', 'options.dateOrder']],
    ['not an object', 42, ['options']],
  ];
  it.each(badOptions)('%s: names %j', (_, options, paths) => {
    try {
      tagArticle('Text.', options as never);
      expect.unreachable('no error thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidOptionsError);
      expect((e as InvalidOptionsError).issues.map((i) => i.path).sort()).toEqual([...paths].sort());
    }
  });
});

describe('the checker itself catches broken results', () => {
  const text = 'Ivan Korolev said “we will win” in Vilnius on Aug. 11, 2023.';
  const good = tagArticle(text, { publishedAt: '2023-08-11' });
  const cases: [string, (o: typeof good) => void][] = [
    ['a span one off', (o) => Object.assign(o.dates[0] ?? {}, { start: (o.dates[0]?.start ?? 0) + 1 })],
    ['a zone gap', (o) => Object.assign(o.zones[0] ?? {}, { start: 1 })],
    ['a duplicated id', (o) => o.people.push(structuredClone(o.people[0] as never))],
    ['a stage failure', (o) => o.warnings.push({ code: 'STAGE_FAILED', message: 'x' })],
    ['a wrong zone', (o) => Object.assign(o.dates[0] ?? {}, { zone: 'caption' })],
  ];
  it('accepts the real result', () => {
    expect(good.people.length).toBeGreaterThan(0);
    expect(good.dates.length).toBeGreaterThan(0);
    expect(() => checkResult(text, good)).not.toThrow();
  });
  it.each(cases)('rejects %s', (_, breakIt) => {
    const bad = structuredClone(good);
    breakIt(bad);
    expect(() => checkResult(text, bad)).toThrow(PropertyViolation);
  });
});

import { describe, expect, it } from 'vitest';
import {
  ArticleTagsSchema,
  ArticleTooLargeError,
  createTagger,
  InvalidInputError,
  InvalidOptionsError,
  tagArticle,
} from '../src/index.js';
import { lexiconTags } from '../src/nlp/compromise.js';

const ARTICLE =
  'Flood waters rose across the valley on Monday.\n\nThe mayor of the town said emergency crews had rescued forty people from their homes overnight.';

describe('tagArticle: bad input', () => {
  const nonStrings: [string, unknown, RegExp][] = [
    ['a number', 42, /got a number/],
    ['undefined', undefined, /got a undefined/],
    ['null', null, /got null/],
    ['an array', ['text'], /got an array/],
    ['a Buffer-like object', new Uint8Array(3), /got an object \(Uint8Array\)/],
  ];
  for (const [name, value, message] of nonStrings) {
    it(`throws InvalidInputError for ${name}`, () => {
      let caught: unknown;
      try {
        tagArticle(value as string);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(InvalidInputError);
      expect(caught).toBeInstanceOf(TypeError);
      expect((caught as InvalidInputError).code).toBe('ERR_INVALID_INPUT');
      expect((caught as Error).message).toMatch(message);
    });
  }

  it('throws ArticleTooLargeError over maxLength', () => {
    expect(() => tagArticle('x'.repeat(11), { maxLength: 10 })).toThrow(ArticleTooLargeError);
    try {
      tagArticle('x'.repeat(11), { maxLength: 10 });
    } catch (e) {
      expect((e as ArticleTooLargeError).code).toBe('ERR_ARTICLE_TOO_LARGE');
      expect((e as ArticleTooLargeError).length).toBe(11);
    }
  });

  const badOptions: [string, unknown, string][] = [
    ['an unknown option', { keepChrom: true }, 'options'],
    ['a bad date order', { dateOrder: 'YMD' }, 'options.dateOrder'],
    ['a non-date publishedAt', { publishedAt: '11/08/2023' }, 'options.publishedAt'],
    ['an impossible publishedAt', { publishedAt: '2023-02-30' }, 'options.publishedAt'],
    ['an invalid Date', { publishedAt: new Date('nope') }, 'options.publishedAt'],
    ['a bad stage', { include: ['people', 'weather'] }, 'options.include.1'],
    ['a negative maxLength', { maxLength: -1 }, 'options.maxLength'],
    ['a non-boolean demonymPlaces', { demonymPlaces: 'yes' }, 'options.demonymPlaces'],
  ];
  for (const [name, options, path] of badOptions) {
    it(`throws InvalidOptionsError naming ${path} for ${name}`, () => {
      let caught: unknown;
      try {
        tagArticle(ARTICLE, options as never);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(InvalidOptionsError);
      expect((caught as InvalidOptionsError).code).toBe('ERR_INVALID_OPTIONS');
      expect((caught as InvalidOptionsError).issues.map((i) => i.path)).toContain(path);
    });
  }

  it('rejects bad tagger configuration at creation, naming the path', () => {
    expect(() => createTagger({ places: [{ name: '' }] })).toThrow(/config\.places\.0\.name/);
  });
});

describe('tagArticle: odd but taggable input', () => {
  const cases: [string, string, string | null][] = [
    ['empty text', '', 'EMPTY_TEXT'],
    ['whitespace only', ' \n\t\r\n ', 'EMPTY_TEXT'],
    ['punctuation only', '... !!! ???', null],
    ['NUL bytes and control characters', `Flood\u0000 waters\u0007 rose.\u0000`, null],
    ['lone surrogates', `The mayor \ud800said \udc00hello.`, null],
    ['zero-width characters', `Kor\u200bolev and the ma\u00adyor met in Vil\u200dnius.`, null],
    ['CRLF line ends', ARTICLE.replace(/\n/g, '\r\n'), null],
    ['binary junk', '\u0001\u0002\u0003\ufffd\ufffd'.repeat(40), 'BINARY_TEXT'],
    [
      'not English',
      'Der Bürgermeister der Stadt sagte am Montag, dass die Rettungskräfte über Nacht vierzig Menschen aus ihren Häusern gerettet hätten, nachdem das Hochwasser im ganzen Tal gestiegen war.',
      'NOT_ENGLISH',
    ],
  ];
  for (const [name, text, warning] of cases) {
    it(`${name}: a valid result${warning ? ` with ${warning}` : ''}`, () => {
      const out = tagArticle(text);
      expect(() => ArticleTagsSchema.parse(out)).not.toThrow();
      if (warning) expect(out.warnings.map((w) => w.code)).toContain(warning);
      else expect(out.warnings.map((w) => w.code)).not.toContain('STAGE_FAILED');
      const covered = out.zones.reduce((n, z) => n + (z.end - z.start), 0);
      expect(covered).toBe(text.length);
    });
  }

  it('keeps offsets exact into the caller string after CRLF and zero-width removal', () => {
    const text = 'Heavy rain hit Vil\u200bnius on Monday.\r\n\r\n“We are ready,” the mayor said.';
    const out = tagArticle(text, { publishedAt: '2023-08-11', keepChrome: true });
    for (const q of out.quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
    for (const d of out.dates) expect(text.slice(d.start, d.end)).toBe(d.text);
  });

  it('include runs only the named stages and leaves the other lists empty', () => {
    const out = tagArticle(ARTICLE, { include: ['dates'], publishedAt: '2023-08-11' });
    expect(out.people).toEqual([]);
    expect(out.topics).toEqual([]);
    expect(out.quotes).toEqual([]);
  });

  it('records generator and schema version', () => {
    const out = tagArticle(ARTICLE);
    expect(out.schemaVersion).toBe(1);
    expect(out.generator.name).toBe('article-tagger');
    expect(out.language).toBe('en');
  });

  it('accepts publishedAt as a Date, read as a UTC calendar day', () => {
    expect(tagArticle(ARTICLE, { publishedAt: new Date(Date.UTC(2023, 7, 11, 23, 30)) }).publishedAt).toBe(
      '2023-08-11',
    );
  });
});

describe('lexiconTags: the generated table is compromise’s lexicon', () => {
  // compromise is the source of src/data/lexicon.generated.ts (npm run data lexicon); the core no longer imports it.
  it('answers what compromise’s lexicon answers for every word it holds and for words it does not', async () => {
    const { default: nlp } = (await import('compromise')) as unknown as {
      default: { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } };
    };
    const lexicon = nlp.world().model.one.lexicon;
    const words = Object.keys(lexicon);
    expect(words.length).toBeGreaterThan(20_000);
    const wrong = words.filter((w) => {
      const v = lexicon[w] as string | string[];
      return JSON.stringify(lexiconTags(w)) !== JSON.stringify(typeof v === 'string' ? [v] : v);
    });
    expect(wrong).toEqual([]);
    // Case-insensitive look-up, and nothing for unknown words or for Object.prototype's names.
    for (const w of ['Ivan', 'PARIS', 'New York', 'said']) {
      const v = lexicon[w.toLowerCase()] as string | string[];
      expect(lexiconTags(w)).toEqual(typeof v === 'string' ? [v] : v);
    }
    for (const w of ['korolev', 'zzqx', '', 'constructor', '__proto__', 'hasownproperty', 'tostring']) {
      expect(lexiconTags(w), w).toEqual(Object.hasOwn(lexicon, w) ? [lexicon[w]].flat() : []);
    }
  });

  it('knows names, places, months and verbs (table)', () => {
    const table: [string, string][] = [
      ['ivan', 'MaleName'],
      ['france', 'Country'],
      ['august', 'Month'],
      ['monday', 'WeekDay'],
      ['said', 'PastTense'],
      ['russian', 'Demonym'],
    ];
    for (const [w, tag] of table) expect(lexiconTags(w), w).toContain(tag);
    for (const w of ['korolev', 'zelenskyy', 'the quick']) expect(lexiconTags(w), w).toEqual([]);
  });
});

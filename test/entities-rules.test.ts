/**
 * The entity rule layers' building blocks against plain reference versions (the straightforward forms they replaced
 * for speed): the same answers on tables and on random inputs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lexiconTags } from '../src/nlp/compromise.js';
import { keepNonOverlapping } from '../src/pipeline/overlap.js';
import type { Context } from '../src/pipeline/types.js';
import { type Candidate, noFeatures } from '../src/stages/entities/candidate.js';
import { dropOverlaps } from '../src/stages/entities/drop-overlaps.js';
import { slug } from '../src/stages/entities/finalize.js';
import {
  isCommonWord,
  isGivenName,
  isLastName,
  isNotName,
  isVerb,
  lexiconOrg,
  surnameShape,
} from '../src/stages/entities/lexicon.js';
import { isAcronym, nameLists } from '../src/stages/entities/lists.js';

const refSlug = (s: string) =>
  (/[^\x00-\x7f]/.test(s) ? s.normalize('NFD').replace(/\p{M}/gu, '') : s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'x';

const refAcronym = (s: string) => s.length >= 2 && /^[\p{Lu}.&]+$/u.test(s) && /\p{Lu}.*\p{Lu}/u.test(s);

describe('slug', () => {
  it.each([
    ['Vladimir Putin', 'vladimir-putin'],
    ['  --Ivan  Korolev--  ', 'ivan-korolev'],
    ['José Ñúñez', 'jose-nunez'],
    ["Declan O'Rourke", 'declan-o-rourke'],
    ['World Health Organization (WHO)', 'world-health-organization-who'],
    ['A1 b2', 'a1-b2'],
    ['!!!', 'x'],
    ['', 'x'],
    ['Владимир', 'x'],
  ])('%s → %s', (name, expected) => {
    expect(slug(name)).toBe(expected);
    expect(refSlug(name)).toBe(expected);
  });
  it('long names (the regex path) match too', () => {
    const long = 'Zlmdk Emb  Thebl-Uhfrot Slú '.repeat(40);
    expect(slug(long)).toBe(refSlug(long));
    expect(slug(` ${long}!`)).toBe(refSlug(` ${long}!`));
  });
  it('matches the regex form on random names', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."aZ09 -.'’éÉİßø\u0301Ж".split('')), maxLength: 24 }), (s) => {
        expect(slug(s)).toBe(refSlug(s));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});

describe('isAcronym', () => {
  it.each([
    ['NATO', true],
    ['U.N.', true],
    ['AT&T', true],
    ['ÉU', true],
    ['A', false],
    ['A.', false],
    ['Nato', false],
    ['NATO-led', false],
    ['G7', false],
    ['', false],
  ])('%s → %s', (s, expected) => {
    expect(isAcronym(s)).toBe(expected);
    expect(refAcronym(s)).toBe(expected);
  });
  it('matches the regex form on random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'AZaz.&-1 ÉéΣ'.split('')), maxLength: 8 }), (s) => {
        expect(isAcronym(s)).toBe(refAcronym(s));
      }),
      { numRuns: 3000, seed: 12 },
    );
  });
});

/** The reference: rank every candidate, keep greedily with a bitmap, sort by start. */
function refDropOverlaps(items: Candidate[], textLength: number): Candidate[] {
  const rank = (c: Candidate) => (c.source === 'user' ? 4 : 0) + (c.source === 'place-of' ? 2 : 0) + (c.type ? 1 : 0);
  const sorted = items
    .slice()
    .sort((a, b) => rank(b) - rank(a) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  return keepNonOverlapping(sorted, textLength);
}

const cand = (start: number, end: number, source: string, type: Candidate['type']): Candidate => ({
  start,
  end,
  t0: 0,
  t1: 1,
  text: `${start}-${end}`,
  type,
  rule: '',
  source,
  capsLine: false,
  titles: [],
  roles: [],
  nationality: null,
  features: noFeatures(),
});

const ctx = { doc: { text: 'x'.repeat(400) } } as unknown as Context;

describe('dropOverlaps', () => {
  it.each([
    ['disjoint, out of order', [cand(10, 20, 'model', 'PER'), cand(0, 5, 'place-of', 'LOC')], ['0-5', '10-20']],
    ['place-of beats the model', [cand(0, 9, 'model', 'LOC'), cand(2, 9, 'place-of', 'LOC')], ['2-9']],
    ['user beats all', [cand(0, 30, 'model', 'ORG'), cand(5, 10, 'user', 'PER')], ['5-10']],
    ['typed beats untyped', [cand(0, 30, 'model', null), cand(5, 10, 'model', 'PER')], ['5-10']],
    [
      'longer wins a tie',
      [cand(0, 4, 'model', 'PER'), cand(2, 12, 'model', 'ORG'), cand(12, 14, 'model', 'PER')],
      ['2-12', '12-14'],
    ],
    ['equal spans: the first', [cand(3, 8, 'model', 'PER'), cand(3, 8, 'model', 'ORG')], ['3-8']],
  ])('%s', (_name, items, expected) => {
    const got = dropOverlaps(ctx, items);
    expect(got.map((c) => c.text)).toEqual(expected);
    expect(got).toEqual(refDropOverlaps(items, 400));
  });
  it('keeps what the reference keeps, in the same order, on random candidates', () => {
    const one = fc
      .record({
        start: fc.integer({ min: 0, max: 120 }),
        len: fc.integer({ min: 1, max: 15 }),
        source: fc.constantFrom('model', 'model-misc', 'place-of', 'user'),
        type: fc.constantFrom<Candidate['type']>('PER', 'ORG', 'LOC', null),
      })
      .map((r) => cand(r.start, r.start + r.len, r.source, r.type));
    fc.assert(
      fc.property(fc.array(one, { maxLength: 60 }), (items) => {
        const got = dropOverlaps(ctx, items);
        const want = refDropOverlaps(items, 400);
        expect(got.length).toBe(want.length);
        for (let i = 0; i < got.length; i++) expect(got[i]).toBe(want[i]);
      }),
      { numRuns: 1500, seed: 13 },
    );
  });
  it('a cluster of more than 32 overlapping candidates (the bitmap path) matches too', () => {
    const items: Candidate[] = [];
    for (let i = 0; i < 80; i++)
      items.push(cand(i * 2, i * 2 + 5, i % 7 === 0 ? 'place-of' : 'model', i % 3 ? 'PER' : null));
    const got = dropOverlaps(ctx, items);
    const want = refDropOverlaps(items, 400);
    expect(got.map((c) => c.text)).toEqual(want.map((c) => c.text));
  });
});

// The word tests as they were before their answers were memoised per string.
const NAME_TAGS = new Set([
  'FirstName',
  'MaleName',
  'FemaleName',
  'LastName',
  'Person',
  'ProperNoun',
  'Place',
  'Country',
  'City',
  'Region',
  'Organization',
  'SportsTeam',
  'Demonym',
  'Honorific',
  'Abbreviation',
]);
const GIVEN_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);
const VERB_TAGS = new Set(['PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Verb', 'Copula', 'Modal']);
const ref = {
  common(lower: string) {
    if (nameLists().notNames.has(lower)) return true;
    const tags = lexiconTags(lower);
    if (tags.length) return !tags.some((t) => NAME_TAGS.has(t));
    return /^[a-z]{3,}(?:ing|ed|ly)$/.test(lower) && lower.length > 5;
  },
  notName(lower: string) {
    if (nameLists().notNames.has(lower)) return true;
    const tags = lexiconTags(lower);
    return tags.includes('Month') || tags.includes('WeekDay');
  },
  given: (lower: string) => nameLists().givenNames.has(lower) || lexiconTags(lower).some((t) => GIVEN_TAGS.has(t)),
  last: (lower: string) => lexiconTags(lower).includes('LastName'),
  shape(word: string) {
    const lower = word.toLowerCase();
    const l = nameLists();
    for (const s of l.surnameSuffixes) if (lower.length > s.length + 2 && lower.endsWith(s)) return true;
    for (const p of l.surnamePrefixes) {
      if (lower.startsWith(p) && word.length > p.length + 1 && /\p{Lu}/u.test(word[p.length] ?? '')) return true;
    }
    return false;
  },
  org(surface: string) {
    const tags = lexiconTags(surface);
    return tags.includes('Organization') || tags.includes('SportsTeam');
  },
};

describe('word tests (memoised per string)', () => {
  const WORDS = [
    'after',
    'the',
    'ivan',
    'Ivan',
    'january',
    'monday',
    'smith',
    'Korolenko',
    'korolenko',
    'McAllister',
    "O'Rourke",
    'o’brien',
    'reuters',
    'Reuters',
    'running',
    'trailing',
    'nato',
    'boeing',
    'google',
    'lakers',
    'russian',
    'Petrov',
    'Ivanova',
    'mark',
    'bill',
    'Mihai',
    'zzqx',
    'said',
    'visited',
    'is',
    'Dr',
    'mr',
    'Hansa Rostock',
    'New York Yankees',
    '',
  ];
  it.each(WORDS)('%s: the same answers, asked twice', (w) => {
    for (let twice = 0; twice < 2; twice++) {
      expect(isCommonWord(w)).toBe(ref.common(w));
      expect(isNotName(w)).toBe(ref.notName(w));
      expect(isGivenName(w)).toBe(ref.given(w));
      expect(isLastName(w)).toBe(ref.last(w));
      expect(surnameShape(w)).toBe(ref.shape(w));
      expect(lexiconOrg(w)).toBe(ref.org(w));
      expect(isVerb(w)).toBe(lexiconTags(w).some((t) => VERB_TAGS.has(t)));
    }
  });
});

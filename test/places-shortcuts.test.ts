/**
 * The place stage's shortcuts (memos, filters and reused buffers, 2026-11-26): each must answer exactly what the long
 * way answers. Words and sentences of our own.
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { fold, getGazetteer } from '../src/gazetteer/index.js';
import { tagArticle } from '../src/index.js';
import { MaskBuffer } from '../src/stages/places/mask.js';
import { entriesFor } from '../src/stages/places/resolve.js';
import { detached, isAscii } from '../src/text/normalize.js';
import { WordSet } from '../src/text/word-set.js';

const g = getGazetteer(resolveConfig({}));

describe('Gazetteer.anyDemonym with the folded key the caller has', () => {
  it.each([
    ['Russian', 'russian'],
    ['Lithuanians', 'lithuanians'],
    ['European', 'european'],
    ['Texan', 'texan'],
    ['Reuters', 'reuters'],
    ['Kyiv', 'kyiv'],
    ['Said', 'said'],
  ])('%s', (word, key) => {
    expect(g.anyDemonym(word, key)).toEqual(g.anyDemonym(word));
  });
  it('reads a word typed with diacritics by its folded form', () => {
    expect(g.anyDemonym('Québécois', fold('Québécois'))).toEqual(g.anyDemonym('Québécois'));
  });
});

describe('Gazetteer.demonymHeads', () => {
  it('holds the first words of demonyms of two words, and no demonym of one word', () => {
    const heads = g.demonymHeads();
    for (const w of ['sri', 'latin', 'south', 'saudi']) expect(heads.has(w)).toBe(true);
    for (const w of ['russian', 'american', 'lankan']) expect(heads.has(w)).toBe(false);
  });
  it.each([
    ['Sri Lankan troops crossed the line on Monday.', 'LK'],
    ['Latin American leaders met in Lima.', null],
    ['Saudi Arabian officials declined to comment.', 'SA'],
  ])('two-word demonyms still read whole: %s', (text, code) => {
    const r = tagArticle(text);
    const first = r.places.flatMap((p) => p.mentions.map((m) => ({ m, p }))).sort((a, b) => a.m.start - b.m.start)[0];
    expect(first?.m.start).toBe(0);
    expect(first?.m.text.split(' ').length).toBe(2);
    if (code) expect(first?.p.countryCode).toBe(code);
  });
});

describe('entriesFor, kept across articles', () => {
  it('answers the same list for the same arguments, and reads each kind hint and dateline flag apart', () => {
    const a = entriesFor(g, 'Paris');
    expect(entriesFor(g, 'Paris')).toBe(a);
    expect(a.length).toBeGreaterThan(1);
    const regions = entriesFor(g, 'Georgia', 'region');
    const any = entriesFor(g, 'Georgia');
    expect(regions).not.toBe(any);
    expect(regions.length).toBeGreaterThan(0);
    expect(regions.every((e) => e.kind === 'region')).toBe(true);
    expect(any.some((e) => e.kind === 'country')).toBe(true);
    expect(entriesFor(g, 'BONN', undefined, true)[0]?.countryCode).toBe('DE');
    expect(entriesFor(g, 'BONN')).toEqual([]);
  });
  it('takes no key a text could forge from another surface', () => {
    expect(entriesFor(g, 'Paris\u0000city\u00001')).toEqual([]);
    expect(entriesFor(g, 'Paris', 'city')[0]?.name).toBe('Paris');
  });
});

describe('MaskBuffer', () => {
  it('hands out a mask zeroed over the length asked, after any earlier use', () => {
    const b = new MaskBuffer();
    const m1 = b.zeroed(100);
    m1.fill(1, 0, 100);
    const m2 = b.zeroed(50);
    expect(m2).toBe(m1);
    expect([...m2.subarray(0, 50)].every((x) => x === 0)).toBe(true);
    const big = b.zeroed(3 << 20);
    expect(big.length).toBe(3 << 20);
    expect(b.zeroed(10)).toBe(m1);
  });
});

describe('detached and isAscii', () => {
  it.each([
    ['Vilnius', true],
    ['Pabradė', false],
    ['', true],
  ])('isAscii(%s)', (s, want) => {
    expect(isAscii(s)).toBe(want);
  });
  it('copies a long slice and keeps its characters', () => {
    const text = `${'x'.repeat(100)}Khabarovsk Krai and more`;
    const s = text.slice(100, 115);
    expect(detached(s)).toBe(s);
    expect(detached('short')).toBe('short');
  });
});

describe('WordSet', () => {
  const words = ['in', 'near', 'dlrs', 'bundesbank', 'société', '', 'x'.repeat(40)];
  const set = new WordSet(words);
  const rows: [string, boolean][] = [
    ...words.map((w): [string, boolean] => [w, true]),
    ['into', false],
    ['ne', false],
    ['société générale', false],
    ['societe', false],
    ['x'.repeat(41), false],
    ['IN', false],
  ];
  it.each(rows)('has(%j) = %s', (w, want) => {
    expect(set.has(w)).toBe(want);
  });
});

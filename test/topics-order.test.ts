import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIds } from '../src/stages/topics/score.js';

const sign = (x: number) => Math.sign(x);

describe('compareIds: the order of localeCompare', () => {
  const rows: [string, string][] = [
    ['iptc-conflict', 'terrorism'],
    ['crime', 'iptc-crime'],
    ['gun-control', 'gun'],
    ['a-b', 'ab'],
    ['a1', 'a-'],
    ['politics', 'Politics'],
    ['élection', 'election'],
    ['a_b', 'a-b'],
    ['x', 'x'],
  ];
  it.each(rows)('%s vs %s', (a, b) => {
    expect(sign(compareIds(a, b))).toBe(sign(a.localeCompare(b)));
    expect(sign(compareIds(b, a))).toBe(sign(b.localeCompare(a)));
  });
  it('on random ids of letters, digits, hyphens and other characters', () => {
    const id = fc.string({ unit: fc.constantFrom(...'abcxyz0189-_/A.é'.split('')), maxLength: 8 });
    fc.assert(
      fc.property(id, id, (a, b) => {
        expect(sign(compareIds(a, b))).toBe(sign(a.localeCompare(b)));
      }),
      { numRuns: 2000, seed: 8 },
    );
  });
});

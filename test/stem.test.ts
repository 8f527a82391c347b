// The Porter wrapper's fast path (src/nlp/natural.ts porterKeeps): a word no Porter rule rewrites is returned as it is,
// without calling natural's stemmer. Checked here against natural itself. A one-off exhaustive check (every a–z word
// of 3–5 letters and 3,000,000 random longer words with apostrophes, digits, hyphens and "é": 0 differences) was run on
// 2026-11-26; these tests repeat a seeded part of it in well under a second.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { porterKeeps, stem } from '../src/nlp/natural.js';
import { mulberry32 } from '../src/rng.js';

const require = createRequire(import.meta.url);
const natural = require('natural/lib/natural/stemmers/porter_stemmer') as { stem(w: string): string };

describe('porterKeeps: words Porter leaves unchanged', () => {
  it.each([
    ['work', true],
    ['iraq', true],
    ['talk', true],
    ['kyiv', true],
    ['shmyhal', false], // -al: step 4 may rewrite it
    ['borders', false],
    ['refugees', false],
    ['fighting', false],
    ['attacked', false],
    ['policy', false],
    ['nation', false],
    ['government', false],
    ['tourism', false],
    ['hopeful', false],
    ['electric', false],
    ['famous', false],
    ['tell', false],
    ['be', true], // shorter than three letters: natural returns it as it is
  ])('%s → %s', (word, keeps) => {
    expect(porterKeeps(word)).toBe(keeps);
    if (keeps) expect(natural.stem(word)).toBe(word);
  });

  it('every three-letter a–z word it keeps is its own stem in natural', () => {
    const A = 'abcdefghijklmnopqrstuvwxyz';
    const wrong: string[] = [];
    for (const a of A)
      for (const b of A)
        for (const c of A) {
          const w = a + b + c;
          if (porterKeeps(w) && natural.stem(w) !== w) wrong.push(w);
        }
    expect(wrong).toEqual([]);
  });

  it('on 60,000 seeded random words (letters, apostrophes, digits, hyphens, "é") it agrees with natural', () => {
    const r = mulberry32(20261126);
    const chars = "abcdefghijklmnopqrstuvwxyzaeiouyslngdt'é0-";
    let kept = 0;
    const wrong: string[] = [];
    for (let i = 0; i < 60_000; i++) {
      let w = '';
      const len = 3 + Math.floor(r() * 12);
      for (let k = 0; k < len; k++) w += chars[Math.floor(r() * chars.length)];
      if (!porterKeeps(w)) continue;
      kept++;
      if (natural.stem(w) !== w) wrong.push(w);
    }
    expect(wrong).toEqual([]);
    expect(kept).toBeGreaterThan(20_000); // the fast path is taken, not skipped
  });

  it("stem() gives natural's stem for kept and rewritten words alike", () => {
    for (const w of ['work', 'borders', 'refugees', 'generalizations', 'hopping', 'talk', 'ceasefire', 'reliability'])
      expect(stem(w)).toBe(natural.stem(w));
  });
});

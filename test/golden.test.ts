import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArticleTagsSchema, tagArticle } from '../src/index.js';
import { goldenCases } from './golden/golden.js';

describe('golden whole-article fixtures', () => {
  const cases = goldenCases();
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(0));
  for (const c of cases) {
    it(`${c.name} matches its reviewed output`, () => {
      const out = tagArticle(c.text, c.options);
      ArticleTagsSchema.parse(out);
      expect(existsSync(c.expectedPath), `${c.expectedPath} missing: run npm run golden:update`).toBe(true);
      const expected = JSON.parse(readFileSync(c.expectedPath, 'utf8'));
      expect(JSON.parse(JSON.stringify(out))).toEqual(expected);
    });
  }
});

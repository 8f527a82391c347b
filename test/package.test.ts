// The built package (dist/, made by `pretest`) works from ESM and CJS, and the core bundle stays browser-safe.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url);
const run = (code: string, type: 'module' | 'commonjs') =>
  execFileSync(process.execPath, [type === 'module' ? '--input-type=module' : '--input-type=commonjs', '-e', code], {
    cwd: root,
    encoding: 'utf8',
  });

describe('built package', () => {
  it('imports as ESM by its package name', () => {
    const out = run(
      "import { tagArticle } from 'article-tagger'; import { ArticleTagsSchema } from 'article-tagger/schema'; const r = tagArticle('The mayor of Vilnius said on Monday that the bridge would reopen.'); ArticleTagsSchema.parse(r); process.stdout.write(String(r.schemaVersion));",
      'module',
    );
    expect(out).toBe('1');
  });

  it('requires as CJS by its package name', () => {
    const out = run(
      "const { tagArticle, InvalidInputError } = require('article-tagger'); try { tagArticle(1) } catch (e) { process.stdout.write(String(e instanceof InvalidInputError) + ' ' + e.code) }",
      'commonjs',
    );
    expect(out).toBe('true ERR_INVALID_INPUT');
  });

  it('ships a JSON Schema generated from the zod schema', () => {
    const schema = JSON.parse(readFileSync(new URL('dist/schema.json', root), 'utf8'));
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'people', 'places', 'dates', 'quotes']));
    expect(schema.additionalProperties).toBe(false);
  });

  it('ships one-byte (ASCII) JavaScript', () => {
    // One character above U+00FF in a bundle (a regex literal or a comment esbuild keeps) makes Node decode the whole
    // 5 MB file to UTF-16 at import, and every worker isolate keep a 10 MB copy: write such characters as escapes.
    const dir = new URL('dist/', root);
    const wide = readdirSync(dir)
      .filter((f) => /\.c?js$/.test(f))
      .filter((f) => /[^\x00-\x7f]/.test(readFileSync(new URL(f, dir), 'utf8')));
    expect(wide).toEqual([]);
  });

  it('keeps node: modules out of the core bundle (it must bundle for browsers)', () => {
    // Walk the module graph of each core entry (index, schema) through its relative imports, ESM and CJS.
    const dist = new URL('dist/', root);
    const seen = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(new URL(file, dist), 'utf8');
      expect(code, file).not.toMatch(/(?:from|import\(|require\()\s*["']node:/);
      expect(code, file).not.toMatch(
        /(?:from|import\(|require\()\s*["'](?:fs|path|child_process|worker_threads|os|url)["']/,
      );
      for (const m of code.matchAll(/(?:from|import\(|require\()\s*["']\.\/([^"']+)["']/g)) walk(m[1] as string);
    };
    for (const entry of ['index.js', 'index.cjs', 'schema.js', 'schema.cjs']) walk(entry);
    expect(seen.size).toBeGreaterThan(4);
    expect(readdirSync(dist)).toContain('index.js');
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const GOLDEN_DIR = fileURLToPath(new URL('.', import.meta.url));

export interface GoldenCase {
  name: string;
  text: string;
  options: { publishedAt?: string; keepChrome?: boolean };
  expectedPath: string;
}

/**
 * Golden fixtures: `NAME.txt` starts with `#` header lines (source and licence, `# publishedAt: YYYY-MM-DD`,
 * `# keepChrome: true`), then a blank line, then the article; `NAME.expected.json` is the whole output, written
 * only by `npm run golden:update` and reviewed as a diff.
 */
export function goldenCases(): GoldenCase[] {
  return readdirSync(GOLDEN_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const raw = readFileSync(join(GOLDEN_DIR, f), 'utf8');
      const split = raw.indexOf('\n\n');
      const header = raw.slice(0, split);
      const options: GoldenCase['options'] = {};
      for (const line of header.split('\n')) {
        const m = /^#\s*(publishedAt|keepChrome):\s*(\S+)/.exec(line);
        if (m?.[1] === 'publishedAt') options.publishedAt = m[2];
        if (m?.[1] === 'keepChrome') options.keepChrome = m[2] === 'true';
      }
      const name = f.replace(/\.txt$/, '');
      return { name, text: raw.slice(split + 2), options, expectedPath: join(GOLDEN_DIR, `${name}.expected.json`) };
    });
}

/**
 * `npm run data`: compiles the large sources into committed, generated modules under src/data/.
 * Every module in scripts/data/ exports `default async function build(): Promise<string>` (a one-line summary);
 * they run in name order. Inputs that live outside the repo (../shared/geonames) are read only here.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = join(fileURLToPath(new URL('.', import.meta.url)), 'data');
const only = process.argv.slice(2);
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  const name = file.replace(/\.ts$/, '');
  if (only.length && !only.includes(name)) continue;
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: () => Promise<string> };
  const t0 = performance.now();
  const summary = await mod.default();
  process.stdout.write(`data/${name}: ${summary} (${Math.round(performance.now() - t0)} ms)\n`);
}

// Per-stage CPU cost for development, steadier than wall time on a busy machine:
//   bash scripts/dev-build.sh /tmp/at-X && node scripts/stage-time.mjs --lib /tmp/at-X [--stages people,topics] [--n 300]
// Tags the first N article texts of ../shared/datasets/quotes-train.jsonl and places.jsonl (read at run time, never
// copied) with `include: []` (base: normalise, tokens, zones, assembly) and with `include: [stage]` for each stage,
// interleaved over ROUNDS rounds, and prints the smallest process CPU time (user + system) per 1,000 words for each, and
// the stage's figure minus the base. CPU time still moves when other processes share the cores (caches, turbo): compare
// two builds in the same run of the machine, not across hours. `npm run bench` is the figure of record.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const lib = resolve(arg('lib', root));
const n = Number(arg('n', '300'));
const rounds = Number(arg('rounds', '5'));
const stages = arg('stages', 'people,organizations,places,dates,quotes,topics').split(',').filter(Boolean);
const all = arg('all', '1') !== '0';

const shared = [process.env.ARTICLE_TAGGER_SHARED, join(root, '..', 'shared'), '/work/shared'].find(
  (d) => d && existsSync(join(d, 'datasets', 'places.jsonl')),
);
if (!shared) {
  process.stderr.write('stage-time: ../shared/datasets is missing\n');
  process.exit(1);
}
const texts = ['quotes-train.jsonl', 'places.jsonl']
  .flatMap((f) => readFileSync(join(shared, 'datasets', f), 'utf8').split('\n'))
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l).text)
  .filter((t) => typeof t === 'string' && t.trim())
  .slice(0, n);
const words = texts.reduce((s, t) => s + t.split(/\s+/).filter(Boolean).length, 0);
const { tagArticle } = await import(pathToFileURL(join(lib, 'dist', 'index.js')).href);

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const runs = [['base', []], ...stages.map((s) => [s, [s]])];
if (all) runs.push(['all stages', undefined]);
const best = new Map();
for (const [, include] of runs) tagArticle(texts[0], include ? { include } : {}); // warm-up
for (let r = 0; r < rounds; r++) {
  for (const [name, include] of runs) {
    const opts = include ? { include, publishedAt: '2024-01-01' } : { publishedAt: '2024-01-01' };
    const t0 = cpu();
    for (const t of texts) tagArticle(t, opts);
    const ms = ((cpu() - t0) / words) * 1000;
    best.set(name, Math.min(best.get(name) ?? Number.POSITIVE_INFINITY, ms));
  }
}
const base = best.get('base');
process.stdout.write(`${texts.length} articles, ${words} words; CPU ms per 1,000 words, best of ${rounds}\n`);
for (const [name] of runs) {
  const v = best.get(name);
  const extra = name === 'base' ? '' : `  (+${(v - base).toFixed(2)} over base)`;
  process.stdout.write(`${name.padEnd(14)} ${v.toFixed(2)}${extra}\n`);
}

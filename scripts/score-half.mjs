// Scores one half of a dev file with the official scorer, for developing on one half and reporting the other:
//   node scripts/score-half.mjs TASK GOLD PRED even|odd|all [dataset]
// even/odd = 0-based line index within GOLD, after keeping only the lines of `dataset` if given (e.g. lgl,
// geowebnews, geovirus in places.jsonl). PRED is predict.mjs output for the whole GOLD file. Needs ../shared/eval.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [task, gold, pred, half = 'all', dataset] = process.argv.slice(2);
if (!task || !gold || !pred || !['even', 'odd', 'all'].includes(half)) {
  process.stderr.write('usage: node scripts/score-half.mjs TASK GOLD PRED even|odd|all [dataset]\n');
  process.exit(2);
}
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = [process.env.ARTICLE_TAGGER_SHARED, join(root, '..', 'shared'), '/work/shared'].find(
  (d) => d && existsSync(join(d, 'eval', 'score.mjs')),
);
if (!shared) {
  process.stderr.write('score-half: ../shared/eval/score.mjs is missing\n');
  process.exit(1);
}
const lines = (f) =>
  readFileSync(f, 'utf8')
    .split('\n')
    .filter((l) => l.trim());
let g = lines(gold);
if (dataset) g = g.filter((l) => JSON.parse(l).dataset === dataset);
g = g.filter((_, i) => half === 'all' || (half === 'even') === (i % 2 === 0));
const ids = new Set(g.map((l) => JSON.parse(l).id));
const p = lines(pred).filter((l) => ids.has(JSON.parse(l).id));
const dir = mkdtempSync(join(tmpdir(), 'score-half-'));
try {
  writeFileSync(join(dir, 'gold.jsonl'), `${g.join('\n')}\n`);
  writeFileSync(join(dir, 'pred.jsonl'), `${p.join('\n')}\n`);
  const out = execFileSync(
    process.execPath,
    [
      join(shared, 'eval', 'score.mjs'),
      '--task',
      task,
      '--gold',
      join(dir, 'gold.jsonl'),
      '--pred',
      join(dir, 'pred.jsonl'),
    ],
    { encoding: 'utf8' },
  );
  process.stdout.write(out);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

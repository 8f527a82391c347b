#!/usr/bin/env node
// npm run eval: the official runner and scorer (../shared/eval) over every dev file, one summary table.
//   node scripts/eval.mjs [--task ner,dates,...] [--limit N] [--lib DIR] [--json]
// Needs ../shared (the datasets are not in the repo): without it, says so and exits 0.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = [process.env.ARTICLE_TAGGER_SHARED, path.join(root, '..', 'shared')].find((d) => d && existsSync(d));
if (!shared) {
  console.log('eval: ../shared is absent (the evaluation data is not part of the repo); nothing to measure.');
  process.exit(0);
}
const { values } = parseArgs({
  options: { task: { type: 'string' }, limit: { type: 'string' }, lib: { type: 'string' }, json: { type: 'boolean' } },
});
const TASKS = [
  ['ner', 'ner.jsonl'],
  ['places', 'places.jsonl'],
  ['dates', 'dates.jsonl'],
  ['quotes', 'quotes.jsonl'],
  ['topics', 'topics.jsonl'],
  ['countries', 'reuters.jsonl'],
];
// categories (trainTopics) runs after these, on an 80/20 split of reuters.jsonl.
const wanted = values.task ? new Set(values.task.split(',')) : null;
const out = path.join(root, '.eval');
mkdirSync(out, { recursive: true });
const lib = values.lib ?? root;
const f = (x) => (x === null || x === undefined ? '—' : x.toFixed(3));
const rows = [];
const results = {};
for (const [task, file] of TASKS) {
  if (wanted && !wanted.has(task)) continue;
  const gold = path.join(shared, 'datasets', file);
  const pred = path.join(out, `${task}.pred.jsonl`);
  const args = [path.join(shared, 'eval', 'predict.mjs'), '--lib', lib, '--gold', gold, '--out', pred];
  if (values.limit) args.push('--limit', values.limit);
  let timing = '';
  try {
    execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  } catch (e) {
    if (e.status !== 3) throw e; // 3: some articles threw; the scorer still runs and the row says so
    timing = 'SOME ARTICLES THREW; ';
  }
  const json = execFileSync(
    process.execPath,
    [path.join(shared, 'eval', 'score.mjs'), '--task', task, '--gold', gold, '--pred', pred, '--json'],
    { encoding: 'utf8' },
  );
  const r = JSON.parse(json);
  results[task] = r;
  if (task === 'ner') {
    rows.push([task, file, `micro P ${f(r.micro.precision)} R ${f(r.micro.recall)} F1 ${f(r.micro.f1)}`]);
    for (const t of ['PER', 'LOC', 'ORG'])
      rows.push(['', '', `${t} P ${f(r.perType[t].precision)} R ${f(r.perType[t].recall)} F1 ${f(r.perType[t].f1)}`]);
  } else if (task === 'places') {
    const g = r.recognition;
    const s = r.resolution;
    rows.push([task, file, `recognition P ${f(g.precision)} R ${f(g.recall)} F1 ${f(g.f1)}`]);
    rows.push(['', '', `exact id ${f(s.geonameIdAccuracy)}, acc@161km ${f(s.acc161)} (matched ${s.matched})`]);
  } else if (task === 'dates') {
    const g = r.recognition;
    rows.push([task, file, `recognition P ${f(g.precision)} R ${f(g.recall)} F1 ${f(g.f1)}`]);
    rows.push(['', '', `value accuracy ${f(r.value.accuracy)} (coarser grain ${f(r.value.coarserGrainAccuracy)})`]);
  } else if (task === 'quotes') {
    for (const t of ['0.3', '0.8']) {
      const a = r.at[t];
      rows.push([
        t === '0.3' ? task : '',
        t === '0.3' ? file : '',
        `direct @${t} P ${f(a.precision)} R ${f(a.recall)} F1 ${f(a.f1)}, speaker ${f(a.speaker.accuracy)}`,
      ]);
    }
    if (r.indirect)
      rows.push(['', '', `indirect P ${f(r.indirect.precision)} R ${f(r.indirect.recall)} F1 ${f(r.indirect.f1)}`]);
  } else if (task === 'topics') {
    rows.push([task, file, `top-1 IPTC accuracy ${f(r.top1.accuracy)}`]);
  } else if (task === 'countries') {
    rows.push([task, file, `micro P ${f(r.precision)} R ${f(r.recall)} F1 ${f(r.f1)}`]);
  }
  if (timing) rows[rows.length - 1][2] = timing + rows[rows.length - 1][2];
}
if (!wanted || wanted.has('categories')) {
  // trainTopics: train on the first 80 % of reuters.jsonl, score on the last 20 % (a split in time, not tuned on).
  const lines = readFileSync(path.join(shared, 'datasets', 'reuters.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const cut = Math.floor(lines.length * 0.8);
  const train = path.join(out, 'reuters-train80.jsonl');
  const test = path.join(out, 'reuters-test20.jsonl');
  writeFileSync(train, `${lines.slice(0, cut).join('\n')}\n`);
  writeFileSync(test, `${lines.slice(cut).join('\n')}\n`);
  const pred = path.join(out, 'categories.pred.jsonl');
  const args = [
    path.join(shared, 'eval', 'predict.mjs'),
    '--lib',
    lib,
    '--gold',
    test,
    '--train',
    train,
    '--out',
    pred,
  ];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 3) throw new Error(`predict.mjs failed: ${run.stderr}`);
  const r = JSON.parse(
    execFileSync(
      process.execPath,
      [path.join(shared, 'eval', 'score.mjs'), '--task', 'categories', '--gold', test, '--pred', pred, '--json'],
      { encoding: 'utf8' },
    ),
  );
  results.categories = r;
  const trained = /trained on \d+ examples in [\d.]+ s/.exec(run.stderr ?? '')?.[0] ?? '';
  const m = r.micro ?? r;
  rows.push([
    'categories',
    'reuters.jsonl 80/20',
    `micro P ${f(m.precision)} R ${f(m.recall)} F1 ${f(m.f1)}, macro F1 ${f(r.macro?.f1 ?? r.macroF1)}; ${trained}`,
  ]);
}
if (values.json) {
  console.log(JSON.stringify(results));
} else {
  console.log(
    `eval ${new Date().toISOString().slice(0, 10)}${values.limit ? ` (first ${values.limit} articles per file)` : ''}`,
  );
  console.log('| task | dev file | figures |\n|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log('categories: trainTopics on the first 80 % of reuters.jsonl, scored on the last 20 % (not tuned on).');
}

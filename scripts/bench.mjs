// Speed benchmark (DESIGN.md §5): `npm run bench` (builds first), or `node scripts/bench.mjs [--json]` after a build.
//
// Corpus: the article texts of ../shared/datasets/quotes-train.jsonl and places.jsonl, read at run time (never copied
// into the project); without ../shared it falls back to examples/*.txt and says so.
// Method (single-threaded, this process, after a warm-up pass):
// - throughput: tagArticle over the corpus in order for up to FULL_BUDGET_MS; articles/s and ms per 1,000 words
//   (words = whitespace-separated tokens). The articles timed there form the subset every stage run uses.
// - per stage: the same subset with `include: [stage]` minus the same subset with `include: []` (normalisation,
//   tokens, zones and assembly only), per 1,000 words. A stage's run includes the stages it needs (quotes need
//   people), so its row is the cost of asking for that list alone. Differences of two timings are noisy: a small
//   negative figure means "below the noise".
// - peak RSS: process.resourceUsage().maxRSS of this process after the article-tagger runs and before compromise is
//   imported for the yardstick (the corpus is held in memory too); plus the peak RSS of a fresh process tagging one.
// - cold start: a fresh `node` that imports dist/index.js and tags one article of median length; wall time from
//   spawn to its first output line, median of COLD_RUNS (bare `node -e` startup shown for scale).
// - linearity: one article of median length and the same text ten times over (paragraph-separated); ratio of the
//   fastest times per call. 10 is linear.
// - yardstick: bare compromise in the same run, `nlp(text)` then .people()/.places()/.organizations() `.json()`.
// - worker pool: a fresh process (this script with --pool-child) runs `tagArticles` of dist/node.js over the corpus
//   with 1 thread, and another with every core, each for up to POOL_BUDGET_MS after a warm-up of POOL_WARM_MS and
//   POOL_WARM_PER_THREAD articles per thread (a fresh worker's JIT compiles on V8's background threads for its first
//   few hundred articles, as much CPU as the tagging: on an idle second core for 1 thread, competing with the tagging
//   for all cores, so a short warm-up understates the ratio); the CPU each run obtained (process CPU ÷ wall: below
//   the thread count when other processes share the cores) and its split per article between the main thread, the
//   workers and V8's background threads (Linux /proc); articles/s of each, their ratio, the time from process start
//   to the first result, and the peak RSS of the process less that of its main thread before the pool started, per
//   worker thread.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const asJson = process.argv.includes('--json');
const FULL_BUDGET_MS = 8_000;
const YARDSTICK_BUDGET_MS = 10_000;
const STAGE_BUDGET_MS = 30_000;
const WARMUP = 20;
const COLD_RUNS = 3;
const POOL_BUDGET_MS = 10_000;
const POOL_WARM_MS = 4_000;
const POOL_WARM_PER_THREAD = 200;
const progress = (msg) => process.stderr.write(`bench: ${msg}\n`);

const distIndex = join(root, 'dist', 'index.js');
if (!existsSync(distIndex)) {
  process.stderr.write('bench: dist/index.js is missing: run `npm run build` first (or `npm run bench`)\n');
  process.exit(1);
}
const { tagArticle, PACKAGE_VERSION } = await import(pathToFileURL(distIndex).href);

// ---- corpus ----
function loadCorpus() {
  // ARTICLE_TAGGER_SHARED=<dir> names the shared directory (and only it); else ../shared beside the repository.
  const env = process.env.ARTICLE_TAGGER_SHARED;
  const candidates = env ? [env] : [join(root, '..', 'shared'), '/work/shared'];
  for (const dir of candidates) {
    const files = ['quotes-train.jsonl', 'places.jsonl'].map((f) => join(dir, 'datasets', f));
    if (!files.every((f) => existsSync(f))) continue;
    const sets = files.map((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line).text)
        .filter((t) => typeof t === 'string' && t.trim()),
    );
    // Interleave the sets, so a time-boxed run sees both kinds of article.
    const texts = [];
    for (let i = 0; i < Math.max(...sets.map((s) => s.length)); i++)
      for (const s of sets) if (i < s.length) texts.push(s[i]);
    return { source: `quotes-train.jsonl + places.jsonl from ${dir}/datasets`, texts };
  }
  const ex = join(root, 'examples');
  const txt = existsSync(ex)
    ? readdirSync(ex)
        .filter((f) => f.endsWith('.txt'))
        .sort()
    : [];
  if (txt.length === 0) {
    process.stderr.write('bench: no corpus: neither ../shared/datasets nor examples/*.txt is present\n');
    process.exit(1);
  }
  progress(`../shared is absent: falling back to examples/*.txt (${txt.length} files); figures are not comparable`);
  const few = txt.map((f) => readFileSync(join(ex, f), 'utf8'));
  // A handful of files is cycled to 60 articles, so the timed passes are not a single call each.
  const texts = Array.from({ length: Math.max(few.length, 60) }, (_, i) => few[i % few.length]);
  return { source: `examples/*.txt (${txt.length} files, cycled; ../shared absent)`, texts };
}

const words = (t) => t.match(/\S+/g)?.length ?? 0;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x, d = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);

// ---- worker-pool child: node scripts/bench.mjs --pool-child THREADS ----
/**
 * CPU milliseconds of each thread of this process so far, by thread id (Linux /proc; {} elsewhere). Node 20 has no
 * per-thread CPU clock, and the pool's figures need one: V8's background threads (concurrent JIT compilation, GC
 * helpers) burn as much CPU as the tagging itself while a fresh worker warms up.
 */
function threadCpuMs() {
  const out = new Map();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out.set(Number(tid), ((Number(f[11]) + Number(f[12])) * 1000) / 100); // utime + stime, 100 ticks/s
      } catch {
        // the thread ended meanwhile
      }
    }
  } catch {
    // not Linux
  }
  return out;
}

if (process.argv[2] === '--pool-child') {
  const threads = Number(process.argv[3]);
  const { texts } = loadCorpus();
  const baseRssMB = process.memoryUsage().rss / 2 ** 20;
  const before = threadCpuMs(); // main thread and V8's platform threads; the pool's threads come later
  const { tagArticles } = await import(pathToFileURL(join(root, 'dist', 'node.js')).href);
  let n = 0;
  let errors = 0;
  let t0 = 0;
  let counted = 0;
  let firstMs = null;
  let cpu0 = null;
  let cpu1 = null;
  let threads0 = null;
  let threads1 = null;
  let warmedAt = 0;
  const start = performance.now();
  function* cycle() {
    for (let i = 0; ; i++) yield texts[i % texts.length];
  }
  for await (const r of tagArticles(cycle(), { concurrency: threads })) {
    if (r.error) errors++;
    n++;
    firstMs ??= process.uptime() * 1000;
    if (!t0) {
      // Warm-up: at least POOL_WARM_MS and POOL_WARM_PER_THREAD articles per thread, so every worker's JIT has
      // settled (a fresh worker compiles for its first few hundred articles, on V8's background threads: with one
      // worker that runs on an idle core for free, with one worker per core it competes with the tagging).
      if (performance.now() - start >= POOL_WARM_MS && n >= threads * POOL_WARM_PER_THREAD) {
        warmedAt = n;
        t0 = performance.now();
        cpu0 = process.cpuUsage();
        threads0 = threadCpuMs();
      }
    } else {
      counted++;
      if (performance.now() - t0 >= POOL_BUDGET_MS) {
        cpu1 = process.cpuUsage(cpu0);
        threads1 = threadCpuMs(); // before the loop ends and the pool's threads exit
        break;
      }
    }
  }
  const ms = performance.now() - t0;
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  // CPU per article in the timed window: the main thread, the pool's worker threads, and the rest (V8's platform
  // threads: JIT compilation and GC helpers).
  const per = { main: 0, workers: 0, v8Background: 0 };
  for (const [tid, cpuMs] of threads1) {
    const d = (cpuMs - (threads0.get(tid) ?? 0)) / counted;
    if (tid === process.pid) per.main += d;
    else if (before.has(tid)) per.v8Background += d;
    else per.workers += d;
  }
  process.stdout.write(
    `${JSON.stringify({
      threads,
      articles: counted,
      warmUpArticles: warmedAt,
      ms,
      articlesPerSec: (counted * 1000) / ms,
      coresObtained: (cpu1.user + cpu1.system) / 1000 / ms,
      cpuMsPerArticle: threads1.size ? per : null,
      loadAverage: loadavg()[0],
      errors,
      firstMs,
      baseRssMB,
      peakRssMB,
    })}\n`,
  );
  process.exit(0);
}

/** Times fn over texts in order, after a warm-up, until all are done or budgetMs has passed. */
function measure(fn, texts, budgetMs = Number.POSITIVE_INFINITY) {
  for (const t of texts.slice(0, WARMUP)) fn(t);
  let n = 0;
  let w = 0;
  const t0 = performance.now();
  while (n < texts.length && performance.now() - t0 < budgetMs) {
    fn(texts[n]);
    w += words(texts[n]);
    n++;
  }
  const ms = performance.now() - t0;
  return { articles: n, words: w, ms, articlesPerSec: (n * 1000) / ms, msPer1kWords: (ms * 1000) / w };
}

/** Fastest wall time of one call, repeated for about budgetMs (at least minRuns times): the least noisy figure. */
function timeCall(fn, budgetMs, minRuns) {
  fn();
  const times = [];
  const t0 = performance.now();
  while (times.length < minRuns || (performance.now() - t0 < budgetMs && times.length < 2000)) {
    const s = performance.now();
    fn();
    times.push(performance.now() - s);
  }
  return Math.min(...times);
}

/** Spawns node with a script; resolves with the wall time to its first stdout line and that line. */
function spawnTimed(args, input) {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'], cwd: root });
    let out = '';
    let err = '';
    let first = null;
    child.stdout.on('data', (d) => {
      first ??= performance.now() - t0;
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`child exited ${code}: ${err.trim()}`));
      else resolvePromise({ ms: first, line: out.trim() });
    });
    child.stdin.end(input ?? '');
  });
}

// ---- run ----
const { source, texts } = loadCorpus();
const totalWords = texts.reduce((s, t) => s + words(t), 0);
progress(`corpus: ${texts.length} articles, ${totalWords} words (${source})`);

progress(`article-tagger, all stages (up to ${FULL_BUDGET_MS / 1000} s)`);
const counts = { people: 0, organizations: 0, places: 0, dates: 0, quotes: 0, topics: 0 };
const full = measure(
  (t) => {
    const r = tagArticle(t);
    for (const k of Object.keys(counts)) counts[k] += r[k].length;
  },
  texts,
  FULL_BUDGET_MS,
);
// The warm-up pass counted too; only the ratio to zero matters ("did this stage produce anything?").
const subset = texts.slice(0, full.articles);

// Stage runs: every configuration over the same subset, in rounds with a rotating order (so JIT warm-up, GC and
// neighbours' load do not all fall on one configuration); the fastest round of each counts.
const STAGE_RUNS = [
  ['people, organizations (entities)', ['people', 'organizations']],
  ['places', ['places']],
  ['dates', ['dates']],
  ['quotes (with the stages it needs)', ['quotes']],
  ['topics', ['topics']],
];
const configs = [['base', []], ...STAGE_RUNS, ['all stages', undefined]];
progress(`per stage: ${configs.length} configurations on the same ${subset.length} articles, up to 5 rounds`);
const best = new Map();
const stagesStart = performance.now();
let rounds = 0;
// Another round while the next one is expected to fit the budget (at least one, at most five).
while (rounds < 5 && (rounds === 0 || ((performance.now() - stagesStart) / rounds) * (rounds + 1) < STAGE_BUDGET_MS)) {
  for (let i = 0; i < configs.length; i++) {
    const [label, include] = configs[(i + rounds) % configs.length];
    const opts = include === undefined ? undefined : { include };
    const m = measure((t) => tagArticle(t, opts), subset);
    if (!best.has(label) || m.ms < best.get(label).ms) best.set(label, m);
  }
  rounds++;
}
const baseline = best.get('base');
const allStages = best.get('all stages');
const stages = STAGE_RUNS.map(([label, include]) => {
  const m = best.get(label);
  return { stage: label, include, msPer1kWords: m.msPer1kWords, overBaseline: m.msPer1kWords - baseline.msPer1kWords };
});
const peakRssMB = process.resourceUsage().maxRSS / 1024;

progress('linearity: one article vs the same text ten times over');
const byWords = [...texts].sort((a, b) => words(a) - words(b));
const medianText = byWords[Math.floor(byWords.length / 2)];
const longText = Array(10).fill(medianText).join('\n\n');
const shortMs = timeCall(() => tagArticle(medianText), 1_500, 5);
const longMs = timeCall(() => tagArticle(longText), 3_000, 3);

progress(`cold start: ${COLD_RUNS} fresh processes`);
const childScript = `
  import { readFileSync } from 'node:fs';
  const text = readFileSync(0, 'utf8');
  const { tagArticle } = await import(${JSON.stringify(pathToFileURL(distIndex).href)});
  const r = tagArticle(text);
  process.stdout.write(JSON.stringify({ zones: r.zones.length, maxRSS: process.resourceUsage().maxRSS }) + '\\n');
`;
const cold = [];
const bare = [];
let coldRssMB = 0;
for (let i = 0; i < COLD_RUNS; i++) {
  const c = await spawnTimed(['--input-type=module', '-e', childScript], medianText);
  cold.push(c.ms);
  coldRssMB = Math.max(coldRssMB, JSON.parse(c.line).maxRSS / 1024);
  bare.push((await spawnTimed(['-e', 'process.stdout.write("ok\\n")'])).ms);
}

progress(`yardstick: bare compromise (up to ${YARDSTICK_BUDGET_MS / 1000} s)`);
const { default: nlp } = await import('compromise');
const yard = measure(
  (t) => {
    const doc = nlp(t);
    doc.people().json();
    doc.places().json();
    doc.organizations().json();
  },
  texts,
  YARDSTICK_BUDGET_MS,
);

const cores = Math.max(1, availableParallelism());
const poolRuns = [];
for (const threads of cores > 1 ? [1, cores] : [1]) {
  progress(`worker pool: ${threads} thread(s), fresh process (up to ${POOL_BUDGET_MS / 1000} s)`);
  const child = await spawnTimed([fileURLToPath(import.meta.url), '--pool-child', String(threads)]);
  poolRuns.push(JSON.parse(child.line));
}
const pool1 = poolRuns[0];
const cpuParts = (p) =>
  p ? { main: round(p.main, 2), workers: round(p.workers, 2), v8Background: round(p.v8Background, 2) } : null;
const poolN = poolRuns.at(-1);

const results = {
  version: PACKAGE_VERSION,
  node: process.version,
  corpus: { source, articles: texts.length, words: totalWords, meanWords: Math.round(totalWords / texts.length) },
  articleTagger: {
    articlesTimed: allStages.articles,
    articlesPerSec: round(allStages.articlesPerSec),
    msPer1kWords: round(allStages.msPer1kWords, 2),
    firstPass: { articles: full.articles, articlesPerSec: round(full.articlesPerSec) },
    outputCounts: counts,
  },
  baseline: { include: [], msPer1kWords: round(baseline.msPer1kWords, 2) },
  stages: stages.map((s) => ({ ...s, msPer1kWords: round(s.msPer1kWords, 2), overBaseline: round(s.overBaseline, 2) })),
  peakRssMB: round(peakRssMB),
  coldStart: {
    ms: round(median(cold)),
    bareNodeMs: round(median(bare)),
    runs: COLD_RUNS,
    freshProcessPeakRssMB: round(coldRssMB),
  },
  linearity: {
    words: words(medianText),
    shortMs: round(shortMs, 2),
    longMs: round(longMs, 2),
    ratio: round(longMs / shortMs, 2),
  },
  compromise: {
    articlesTimed: yard.articles,
    articlesPerSec: round(yard.articlesPerSec),
    msPer1kWords: round(yard.msPer1kWords, 2),
  },
  speedupOverCompromise: round(allStages.articlesPerSec / yard.articlesPerSec, 1),
  pool: {
    cores,
    oneThread: {
      articlesPerSec: round(pool1.articlesPerSec),
      articles: pool1.articles,
      errors: pool1.errors,
      coresObtained: round(pool1.coresObtained, 2),
      cpuMsPerArticle: cpuParts(pool1.cpuMsPerArticle),
      loadAverage: round(pool1.loadAverage, 1),
    },
    allCores: {
      threads: poolN.threads,
      articlesPerSec: round(poolN.articlesPerSec),
      articles: poolN.articles,
      errors: poolN.errors,
      coresObtained: round(poolN.coresObtained, 2),
      cpuMsPerArticle: cpuParts(poolN.cpuMsPerArticle),
      loadAverage: round(poolN.loadAverage, 1),
    },
    warmUpArticlesPerThread: POOL_WARM_PER_THREAD,
    ratio: round(poolN.articlesPerSec / pool1.articlesPerSec, 2),
    allCoresOverCompromise: round(poolN.articlesPerSec / yard.articlesPerSec, 1),
    firstResultMs: round(poolN.firstMs),
    peakRssMB: round(poolN.peakRssMB),
    peakRssPerWorkerMB: round((poolN.peakRssMB - poolN.baseRssMB) / poolN.threads),
    oneThreadPeakRssPerWorkerMB: round(pool1.peakRssMB - pool1.baseRssMB),
  },
  stageRounds: rounds,
};

if (asJson) {
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} else {
  const r = results;
  const rows = [
    ['corpus', `${r.corpus.articles} articles, mean ${r.corpus.meanWords} words (${r.corpus.source})`],
    [
      'article-tagger, all stages',
      `**${r.articleTagger.articlesPerSec} articles/s**, ${r.articleTagger.msPer1kWords} ms per 1,000 words (best of ${r.stageRounds} round(s) over ${r.articleTagger.articlesTimed} articles; first pass ${r.articleTagger.firstPass.articlesPerSec}/s)`,
    ],
    ['base: normalise, tokens, zones, assemble (`include: []`)', `${r.baseline.msPer1kWords} ms per 1,000 words`],
    ...r.stages.map((s) => [
      `stage: ${s.stage}`,
      `${s.overBaseline >= 0 ? '+' : ''}${s.overBaseline} ms per 1,000 words over the base (run alone: ${s.msPer1kWords})`,
    ]),
    ['peak RSS (this process, before compromise is imported)', `${r.peakRssMB} MB`],
    [
      'cold start: import + tag one article, fresh process',
      `${r.coldStart.ms} ms (bare \`node -e\`: ${r.coldStart.bareNodeMs} ms; peak RSS ${r.coldStart.freshProcessPeakRssMB} MB)`,
    ],
    [
      'linearity: same text ×10',
      `×${r.linearity.ratio} time (${r.linearity.shortMs} ms for ${r.linearity.words} words → ${r.linearity.longMs} ms)`,
    ],
    [
      'yardstick: bare compromise people/places/organizations',
      `${r.compromise.articlesPerSec} articles/s, ${r.compromise.msPer1kWords} ms per 1,000 words (${r.compromise.articlesTimed} articles timed)`,
    ],
    ['article-tagger ÷ compromise (articles/s, one core each)', `**×${r.speedupOverCompromise}**`],
    [
      'worker pool (tagArticles), 1 thread',
      `${r.pool.oneThread.articlesPerSec} articles/s (${r.pool.oneThread.articles} articles timed)`,
    ],
    [
      `worker pool (tagArticles), all cores (${r.pool.allCores.threads} threads)`,
      `**${r.pool.allCores.articlesPerSec} articles/s** (${r.pool.allCores.articles} articles timed; ×${r.pool.allCoresOverCompromise} bare compromise on one core)`,
    ],
    [`all cores ÷ 1 thread (${r.pool.cores} cores)`, `**×${r.pool.ratio}**`],
    [
      'worker pool: cores obtained (process CPU ÷ wall; load average)',
      `1 thread ${r.pool.oneThread.coresObtained} (load ${r.pool.oneThread.loadAverage}), ${r.pool.allCores.threads} threads ${r.pool.allCores.coresObtained} (load ${r.pool.allCores.loadAverage})${r.pool.allCores.coresObtained < 0.8 * r.pool.allCores.threads ? `: the ${r.pool.allCores.threads}-thread run got fewer cores than threads (other processes share them), so the ratio understates the scaling` : ''}`,
    ],
    [
      'worker pool: CPU ms per article (main thread / workers / V8 background: JIT, GC)',
      [r.pool.oneThread, r.pool.allCores]
        .map((x, k) =>
          x.cpuMsPerArticle
            ? `${k ? `${r.pool.allCores.threads} threads` : '1 thread'} ${x.cpuMsPerArticle.main} / ${x.cpuMsPerArticle.workers} / ${x.cpuMsPerArticle.v8Background}`
            : 'n/a (needs Linux /proc)',
        )
        .join('; '),
    ],
    [
      'worker pool: peak RSS',
      `${r.pool.peakRssPerWorkerMB} MB per worker thread over the main thread (${r.pool.allCores.threads} threads, process ${r.pool.peakRssMB} MB; 1 thread: ${r.pool.oneThreadPeakRssPerWorkerMB} MB)`,
    ],
    [
      'worker pool: process start to first tagged article',
      `${r.pool.firstResultMs} ms (${r.pool.allCores.threads} threads)`,
    ],
    [
      'output counts over the timed articles + warm-up',
      Object.entries(r.articleTagger.outputCounts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    ],
  ];
  const lines = [
    `article-tagger ${r.version}, Node ${r.node}, single-threaded except the worker-pool rows (method: header of scripts/bench.mjs)`,
    '',
    '| measure | result |',
    '|---|---|',
    ...rows.map(([a, b]) => `| ${a} | ${b} |`),
  ];
  if (Object.values(r.articleTagger.outputCounts).every((v) => v === 0)) {
    lines.push(
      '',
      'Every list came out empty: the stages measured here are placeholders, so these figures are the base only.',
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

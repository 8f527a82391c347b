// Speed benchmark (DESIGN.md §5): `npm run bench` (builds first), or `node scripts/bench.mjs [--json]` after a build.
//
// Corpus: the article texts of ../shared/datasets/quotes-train.jsonl and places.jsonl, read at run time (never copied
// into the project); without ../shared it falls back to examples/*.txt and says so.
// Method (single-threaded, this process, after a warm-up pass):
// - throughput: tagArticle over the corpus in order for up to FULL_BUDGET_MS; articles/s and ms per 1,000 words
//   (words = whitespace-separated tokens). The articles timed there form the subset every stage run uses.
// - per stage: the same subset with `include: [stage]` minus the same subset with `include: []` (normalisation,
//   tokens, zones and assembly only), per 1,000 words. A stage's run includes the stages it needs (quotes need
//   people), so its row is the cost of asking for that list alone; its own share (the figure an issue's stage
//   budget means) is that row minus the entity stage's row, printed beside it for places and quotes. Chunk by chunk (STAGE_CHUNK articles), every
//   configuration back to back, repeated passes; each chunk's fastest run counts (see the stage runs below).
//   Differences of two timings are noisy: a small negative figure means "below the noise".
// - peak RSS: process.resourceUsage().maxRSS of this process after the article-tagger runs (the corpus is held in
//   memory too); plus the peak RSS of a fresh process tagging one.
// - cold start: a fresh `node` that imports dist/index.js and tags one article of median length; wall time from
//   spawn to its first output line, median of COLD_RUNS, unpinned and pinned to one core, and the child's own CPU
//   time to that point (less skewed by a busy machine); bare `node -e` startup shown for scale.
// - data load (issues #3 and #4): DATA_LOAD_RUNS fresh processes, alternating with as many that skip preload(): each
//   imports dist/index.js (wall ms; RSS and heapUsed growth), calls `preload()` reading the RSS growth across each data
//   set in its onLoaded callback (per-data-set wall ms as preload returns them), then tags the median article twice
//   (the first article after preload vs without it). Median of each figure. The compiled data strings are parsed at
//   import, which the per-data-set loads do not include: so each src/data/*.generated.ts module is also bundled alone
//   (esbuild, temporary directory) and imported in DATA_LOAD_RUNS fresh processes, an empty module giving the floor.
//   The bars compare a data set's module import plus its load: name model (ner-model module + nameModel) <= 100 ms;
//   gazetteer (places module + gazetteer) <= 150 ms and <= 60 MB RSS. `--data-load-only` runs just these rows.
// - linearity: one article of median length and the same text ten times over (paragraph-separated); ratio of the
//   fastest times per call. 10 is linear.
// - yardstick: bare compromise in the same run, `nlp(text)` then .people()/.places()/.organizations() `.json()`, in
//   fresh processes as below.
// - one core, pinned and unpinned: "one core" in a Node process is not one core: V8 compiles (JIT) and collects
//   garbage on background threads, which use an idle second core for free. So the throughput of article-tagger and
//   of the compromise yardstick is measured again in fresh processes (this script with --single-child), each warmed up
//   for SINGLE_WARM_MS of CPU time then timed for up to SINGLE_BUDGET_MS over the corpus in order: once pinned to one CPU with
//   `taskset -c 0` (util-linux; every thread of the process, V8's included, shares that core: the honest one-core
//   figure) and once unpinned (the process may use every core, as the in-process row above). The ratio to compromise
//   is given both ways; the pinned one is the figure of record, with beside it the ratio of process CPU time per
//   article (every thread's), which other processes sharing the core do not skew. Each child prints the CPUs it was allowed
//   (/proc/self/status) and the cores it obtained (process CPU ÷ wall). Without taskset the pinned rows say n/a.
// - worker pool: a fresh process (this script with --pool-child) runs `tagArticles` of dist/node.js over the corpus
//   with 1 thread, and another with every core, each for up to POOL_BUDGET_MS after a warm-up of POOL_WARM_MS and
//   POOL_WARM_PER_THREAD articles per thread (a fresh worker's JIT compiles on V8's background threads for its first
//   few hundred articles, as much CPU as the tagging: on an idle second core for 1 thread, competing with the tagging
//   for all cores, so a short warm-up understates the ratio); the CPU each run obtained (process CPU ÷ wall: below
//   the thread count when other processes share the cores) and its split per article between the main thread, the
//   workers and V8's background threads (Linux /proc); articles/s of each, their ratio, the time from process start
//   to the first result, and the peak RSS of the process less that of its main thread before the pool started, per
//   worker thread. The pool runs pinned too: 1 thread under `taskset -c 0` (one core for the worker, the main thread
//   and V8's background threads), N threads under `taskset -c 0-(N-1)` (on a machine of N cores the same as
//   unpinned), and 1 thread unpinned; the ratio is printed pinned (N cores ÷ one core, the figure of record) and
//   unpinned (the 1-thread run then borrows the second core for its JIT and GC, which deflates the ratio). The two
//   pinned rows run twice (1, N, N, 1) and each keeps its faster run; every run's articles/s is printed.
// `--dist DIR` (or ARTICLE_TAGGER_DIST) benches another build's dist/ directory (default: this repository's dist/).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const asJson = process.argv.includes('--json');
const FULL_BUDGET_MS = 8_000;
const STAGE_BUDGET_MS = 60_000;
/** Articles per chunk of the stage runs, and the most passes over the chunks (see the stage runs below). */
const STAGE_CHUNK = 100;
const STAGE_MAX_PASSES = 12;
const WARMUP = 20;
const COLD_RUNS = 3;
const POOL_BUDGET_MS = 10_000;
// The pool warms up as long as the one-core rows (SINGLE_WARM_MS), for the same reason: a fresh worker compiles for
// its first ~1,000 articles, and 4 s timed that tail (the 2-thread ÷ 1-thread ratio read ×1.3–×2.4 in back-to-back runs).
const POOL_WARM_MS = 15_000;
const POOL_WARM_PER_THREAD = 200;
// Steady state, as an archive run of millions of articles sees it: a fresh process's TurboFan compiles functions that
// run once per article for its first ~1,000 articles (on V8's background threads, which a pinned run pays on its one
// core), and a 3 s warm-up timed that compile tail (2026-11-26: background 3.8 ms an article after 3 s, 0.9 after 15 s,
// same build; compromise 66.5 -> 44.1 CPU ms an article). Both libraries get the same CPU-time warm-up.
const SINGLE_WARM_MS = 15_000;
const SINGLE_BUDGET_MS = 8_000;
const progress = (msg) => process.stderr.write(`bench: ${msg}\n`);

const argValue = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const distDir = resolve(argValue('--dist') ?? process.env.ARTICLE_TAGGER_DIST ?? join(root, 'dist'));
const distIndex = join(distDir, 'index.js');
if (!existsSync(distIndex)) {
  process.stderr.write('bench: dist/index.js is missing: run `npm run build` first (or `npm run bench`)\n');
  process.exit(1);
}
// The children load what they measure themselves (the compromise child must not carry article-tagger's heap).
const isChild = process.argv[2] === '--single-child' || process.argv[2] === '--pool-child';
const { tagArticle, PACKAGE_VERSION } = isChild ? {} : await import(pathToFileURL(distIndex).href);

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

/** The CPUs this process may run on (Linux /proc: "0", "0-1"); null elsewhere. */
function cpusAllowed() {
  try {
    return /^Cpus_allowed_list:\s*(\S+)/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? null;
  } catch {
    return null;
  }
}

// ---- one-core child: node scripts/bench.mjs --single-child tagger|compromise (run pinned or not by the parent) ----
if (process.argv[2] === '--single-child') {
  const what = process.argv[3];
  const { texts } = loadCorpus();
  let fn;
  if (what === 'tagger') {
    const { tagArticle: tag } = await import(pathToFileURL(distIndex).href);
    fn = (t) => tag(t);
  } else {
    const { default: nlp } = await import('compromise');
    fn = (t) => {
      const doc = nlp(t);
      doc.people().json();
      doc.places().json();
      doc.organizations().json();
    };
  }
  // Warm-up from the start of the corpus, then the timed pass continues in order (cycling), so both see every kind.
  // The warm-up counts CPU time, not wall time: on a busy machine a wall-clock warm-up ends before the JIT has settled.
  let i = 0;
  const w0 = performance.now();
  const warmCpu0 = process.cpuUsage();
  const warmCpuMs = () => {
    const c = process.cpuUsage(warmCpu0);
    return (c.user + c.system) / 1000;
  };
  while (warmCpuMs() < SINGLE_WARM_MS && performance.now() - w0 < 4 * SINGLE_WARM_MS) fn(texts[i++ % texts.length]);
  const warmUpArticles = i;
  let n = 0;
  let w = 0;
  const cpu0 = process.cpuUsage();
  const before = threadCpuMs();
  const t0 = performance.now();
  while (performance.now() - t0 < SINGLE_BUDGET_MS) {
    const t = texts[i++ % texts.length];
    fn(t);
    w += words(t);
    n++;
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const after = threadCpuMs();
  let mainMs = 0;
  let otherMs = 0;
  for (const [tid, c] of after) {
    const d = c - (before.get(tid) ?? 0);
    if (tid === process.pid) mainMs += d;
    else otherMs += d;
  }
  process.stdout.write(
    `${JSON.stringify({
      what,
      articles: n,
      warmUpArticles,
      ms,
      articlesPerSec: (n * 1000) / ms,
      msPer1kWords: (ms * 1000) / w,
      coresObtained: (cpu.user + cpu.system) / 1000 / ms,
      // Process CPU (every thread) per article: on a pinned run, the load-independent cost on one core.
      cpuMsPerArticleAll: (cpu.user + cpu.system) / 1000 / n,
      cpuMsPerArticle: after.size ? { main: mainMs / n, v8Background: otherMs / n } : null,
      cpusAllowed: cpusAllowed(),
      loadAverage: loadavg()[0],
    })}\n`,
  );
  process.exit(0);
}

if (process.argv[2] === '--pool-child') {
  const threads = Number(process.argv[3]);
  const { texts } = loadCorpus();
  const baseRssMB = process.memoryUsage().rss / 2 ** 20;
  const before = threadCpuMs(); // main thread and V8's platform threads; the pool's threads come later
  const { tagArticles } = await import(pathToFileURL(join(distDir, 'node.js')).href);
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
      cpusAllowed: cpusAllowed(),
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

/** Whether `taskset` (util-linux) can pin a process here. */
const hasTaskset = (() => {
  try {
    return spawnSync('taskset', ['-c', '0', process.execPath, '-e', '0'], { stdio: 'ignore' }).status === 0;
  } catch {
    return false;
  }
})();

/**
 * Spawns node with a script (under `taskset -c CPUS` when cpus is given); resolves with the wall time to its first
 * stdout line and that line.
 */
function spawnTimed(args, input, cpus) {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const [cmd, argv] = cpus ? ['taskset', ['-c', cpus, process.execPath, ...args]] : [process.execPath, args];
    const child = spawn(cmd, argv, { stdio: ['pipe', 'pipe', 'pipe'], cwd: root });
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

// ---- data load (issues #3 and #4: model load <= 100 ms; gazetteer load <= 150 ms and <= 60 MB RSS) ----
const DATA_LOAD_RUNS = 3;
/** The compiled data modules (src/data/*.generated.ts) and the preload() data sets that read them. */
const DATA_MODULES = [
  ['places', 'gazetteer'],
  ['ner-model', 'nameModel'],
  ['lexicon', 'lexicon'],
  ['names', 'nameLists'],
  ['topics', 'topics'],
];

/**
 * A fresh process that imports the build, then calls `preload()` (or not: `withPreload` false), then tags `text` (on
 * stdin) twice; prints the import's wall ms and RSS / heapUsed growth, each data set's preload ms and the RSS growth
 * across it (read in preload's onLoaded callback), and the wall ms of the two articles.
 */
function dataLoadScript(withPreload) {
  return `
  import { readFileSync } from 'node:fs';
  const text = readFileSync(0, 'utf8');
  const mem = () => process.memoryUsage();
  const MB = 2 ** 20;
  const m0 = mem();
  const t0 = performance.now();
  const lib = await import(${JSON.stringify(pathToFileURL(distIndex).href)});
  const importMs = performance.now() - t0;
  const m1 = mem();
  let ms = null;
  const rssMB = {};
  if (${withPreload} && typeof lib.preload === 'function') {
    let prev = m1.rss;
    ms = lib.preload({ onLoaded: (name) => { const r = mem().rss; rssMB[name] = (r - prev) / MB; prev = r; } });
  }
  const m2 = mem();
  const a0 = performance.now();
  lib.tagArticle(text);
  const firstMs = performance.now() - a0;
  const b0 = performance.now();
  lib.tagArticle(text);
  const secondMs = performance.now() - b0;
  process.stdout.write(JSON.stringify({
    importMs, importRssMB: (m1.rss - m0.rss) / MB, importHeapMB: (m1.heapUsed - m0.heapUsed) / MB,
    ms, rssMB, preloadRssMB: (m2.rss - m1.rss) / MB, preloadHeapMB: (m2.heapUsed - m1.heapUsed) / MB,
    firstMs, secondMs,
  }) + '\\n');
`;
}

/** A fresh process that imports one module file and prints the import's wall ms and RSS growth. */
const importScript = (file) => `
  const r0 = process.memoryUsage().rss;
  const t0 = performance.now();
  await import(${JSON.stringify(pathToFileURL(file).href)});
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, rssMB: (process.memoryUsage().rss - r0) / 2 ** 20 }) + '\\n');
`;

/**
 * Each compiled data module alone (this repository's src/data/*.generated.ts, bundled by esbuild into a temporary
 * directory with `"type": "module"`), imported in fresh processes: its share of the build's import. An empty module
 * gives the floor. null when esbuild or src/data is unavailable.
 */
async function dataModuleImports(runs) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'at-bench-data-'));
  try {
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
    writeFileSync(join(dir, 'empty.js'), 'export const empty = 1;\n');
    for (const [name] of DATA_MODULES) {
      const src = join(root, 'src', 'data', `${name}.generated.ts`);
      if (!existsSync(src)) return null;
      esbuild.buildSync({
        entryPoints: [src],
        bundle: true,
        format: 'esm',
        platform: 'neutral',
        target: 'node20',
        logLevel: 'warning',
        outfile: join(dir, `${name}.js`),
      });
    }
    const out = {};
    for (const name of ['empty', ...DATA_MODULES.map(([n]) => n)]) {
      const rows = [];
      for (let i = 0; i < runs; i++)
        rows.push(
          JSON.parse((await spawnTimed(['--input-type=module', '-e', importScript(join(dir, `${name}.js`))])).line),
        );
      out[name] = { ms: round(median(rows.map((r) => r.ms))), rssMB: round(median(rows.map((r) => r.rssMB))) };
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The data-load rows: DATA_LOAD_RUNS fresh processes with preload() and as many without, alternating (medians of
 * each figure), and each data module's import alone. `text` is the article tagged after loading.
 */
async function measureDataLoad(text) {
  const withRuns = [];
  const withoutRuns = [];
  for (let i = 0; i < DATA_LOAD_RUNS; i++) {
    withRuns.push(JSON.parse((await spawnTimed(['--input-type=module', '-e', dataLoadScript(true)], text)).line));
    withoutRuns.push(JSON.parse((await spawnTimed(['--input-type=module', '-e', dataLoadScript(false)], text)).line));
  }
  const med = (rows, f) => round(median(rows.map(f)));
  const hasPreload = withRuns[0].ms !== null;
  const names = hasPreload ? Object.keys(withRuns[0].ms) : [];
  const modules = await dataModuleImports(DATA_LOAD_RUNS);
  const ms = Object.fromEntries(names.map((n) => [n, med(withRuns, (r) => r.ms[n])]));
  const rssMB = Object.fromEntries(names.map((n) => [n, med(withRuns, (r) => r.rssMB[n])]));
  // A data set's whole cost: its module's share of the import plus its lazy load.
  // (The module's import net of an empty module's, which is the loader's own first-import cost.)
  const whole = (moduleName, dataset) =>
    modules && hasPreload
      ? {
          ms: round(modules[moduleName].ms - modules.empty.ms + ms[dataset]),
          rssMB: round(modules[moduleName].rssMB - modules.empty.rssMB + rssMB[dataset]),
        }
      : null;
  const model = whole('ner-model', 'nameModel');
  const gazetteer = whole('places', 'gazetteer');
  return {
    runs: DATA_LOAD_RUNS,
    preload: hasPreload,
    importMs: med(withRuns, (r) => r.importMs),
    importRssMB: med(withRuns, (r) => r.importRssMB),
    importHeapMB: med(withRuns, (r) => r.importHeapMB),
    ms,
    rssMB,
    totalMs: hasPreload ? med(withRuns, (r) => Object.values(r.ms).reduce((s, x) => s + x, 0)) : null,
    totalRssMB: hasPreload ? med(withRuns, (r) => r.preloadRssMB) : null,
    totalHeapMB: hasPreload ? med(withRuns, (r) => r.preloadHeapMB) : null,
    firstArticle: {
      words: words(text),
      afterPreloadMs: hasPreload ? med(withRuns, (r) => r.firstMs) : null,
      withoutPreloadMs: med(withoutRuns, (r) => r.firstMs),
      secondMs: med(withoutRuns, (r) => r.secondMs),
    },
    moduleImports: modules,
    bars: {
      model: model && { ...model, barMs: 100, met: model.ms <= 100 },
      gazetteer: gazetteer && {
        ...gazetteer,
        barMs: 150,
        barRssMB: 60,
        met: gazetteer.ms <= 150 && gazetteer.rssMB <= 60,
      },
    },
  };
}

/** The data-load rows of the table (see measureDataLoad). */
function dataLoadRows(d) {
  if (!d.preload)
    return [
      [
        'data load, fresh process',
        `n/a: this build has no preload() (import ${d.importMs} ms, +${d.importRssMB} MB RSS)`,
      ],
    ];
  const label = {
    nameModel: 'name model',
    gazetteer: 'gazetteer',
    lexicon: 'lexicon',
    nameLists: 'name lists',
    wordFlags: 'word flags',
    topics: 'topics',
  };
  const sets = Object.keys(d.ms).map((n) => `${label[n] ?? n} ${d.ms[n]} ms (+${d.rssMB[n]} MB RSS)`);
  const rows = [
    [
      `data load, fresh process: import, then \`preload()\` (median of ${d.runs})`,
      `import of dist/index.js ${d.importMs} ms (+${d.importRssMB} MB RSS, +${d.importHeapMB} MB heap: code and every compiled data string); preload: ${sets.join(', ')}; total ${d.totalMs} ms (+${d.totalRssMB} MB RSS, +${d.totalHeapMB} MB heap)`,
    ],
    [
      `first article after the import (${d.firstArticle.words} words, fresh process)`,
      `${d.firstArticle.afterPreloadMs} ms after \`preload()\`, ${d.firstArticle.withoutPreloadMs} ms without it (the same article again: ${d.firstArticle.secondMs} ms; what preload leaves is mostly V8 compiling the code on first run)`,
    ],
  ];
  const m = d.moduleImports;
  if (m) {
    rows.push([
      'data modules imported alone (src/data/*.generated.ts, each bundled by esbuild, fresh process)',
      `${DATA_MODULES.map(([n]) => `${n} ${m[n].ms} ms (+${m[n].rssMB} MB)`).join(', ')}; an empty module ${m.empty.ms} ms (+${m.empty.rssMB} MB: the loader's first import, subtracted below)`,
    ]);
    const b = d.bars;
    rows.push([
      'bars: name model load <= 100 ms (#3); gazetteer load <= 150 ms and <= 60 MB RSS (#4)',
      `name model ${b.model.ms} ms (module import ${round(m['ner-model'].ms - m.empty.ms)} + load ${d.ms.nameModel}): ${b.model.met ? 'met' : '**missed**'}; gazetteer ${b.gazetteer.ms} ms, +${b.gazetteer.rssMB} MB RSS (module import ${round(m.places.ms - m.empty.ms)} ms +${round(m.places.rssMB - m.empty.rssMB)} MB, load ${d.ms.gazetteer} ms +${d.rssMB.gazetteer} MB): ${b.gazetteer.met ? 'met' : '**missed**'}`,
    ]);
  } else {
    rows.push([
      'data modules imported alone',
      `n/a (esbuild or src/data unavailable): the loads alone are name model ${d.ms.nameModel} ms, gazetteer ${d.ms.gazetteer} ms (+${d.rssMB.gazetteer} MB); the import above holds every module's share`,
    ]);
  }
  return rows;
}

// ---- run ----
const loadAverageAtStart = round(loadavg()[0], 1);
const { source, texts } = loadCorpus();
const totalWords = texts.reduce((s, t) => s + words(t), 0);
progress(`corpus: ${texts.length} articles, ${totalWords} words (${source})`);
if (process.argv.includes('--data-load-only')) {
  // Only the data-load rows (a minute, not the whole bench): `node scripts/bench.mjs --data-load-only [--json]`.
  const byLength = [...texts].sort((x, y) => words(x) - words(y));
  const d = await measureDataLoad(byLength[Math.floor(byLength.length / 2)]);
  process.stdout.write(
    asJson
      ? `${JSON.stringify({ dataLoad: d }, null, 2)}\n`
      : `${dataLoadRows(d)
          .map(([x, y]) => `| ${x} | ${y} |`)
          .join('\n')}\n`,
  );
  process.exit(0);
}

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

// Stage runs: every configuration over the same subset, cut into chunks of STAGE_CHUNK articles; for each chunk every
// configuration runs back to back in a rotating order, and the passes over all chunks repeat while the budget lasts.
// A configuration's time is the sum over chunks of its fastest run of each chunk. Measured chunk by chunk, the
// configurations being compared run seconds apart, not a whole round apart, so a slow phase of the machine (its speed
// moves by 15-30 % over minutes here) falls on all of them alike, and the fastest of several runs of each chunk drops
// the interruptions. (Until 2026-11-26 each configuration ran over the whole subset per round: 3-4 rounds in 30 s,
// and a stage's figure moved by ±0.4 ms per 1,000 words between runs of the same build.)
const STAGE_RUNS = [
  ['people, organizations (entities)', ['people', 'organizations']],
  ['places', ['places']],
  ['dates', ['dates']],
  ['quotes (with the stages it needs)', ['quotes']],
  ['topics', ['topics']],
];
const configs = [['base', []], ...STAGE_RUNS, ['all stages', undefined]];
const chunks = [];
for (let i = 0; i < subset.length; i += STAGE_CHUNK) chunks.push(subset.slice(i, i + STAGE_CHUNK));
progress(
  `per stage: ${configs.length} configurations on the same ${subset.length} articles in ${chunks.length} chunks, up to ${STAGE_MAX_PASSES} passes in ${STAGE_BUDGET_MS / 1000} s`,
);
for (const [, include] of configs)
  measure((t) => tagArticle(t, include === undefined ? undefined : { include }), subset.slice(0, WARMUP));
const fastest = new Map(configs.map(([label]) => [label, chunks.map(() => Number.POSITIVE_INFINITY)]));
const stagesStart = performance.now();
let rounds = 0;
// Another pass while the next one is expected to fit the budget (at least two, at most STAGE_MAX_PASSES).
while (
  rounds < STAGE_MAX_PASSES &&
  (rounds < 2 || ((performance.now() - stagesStart) / rounds) * (rounds + 1) < STAGE_BUDGET_MS)
) {
  for (let c = 0; c < chunks.length; c++) {
    for (let i = 0; i < configs.length; i++) {
      const [label, include] = configs[(i + c + rounds) % configs.length];
      const opts = include === undefined ? undefined : { include };
      const chunk = chunks[c];
      const t0 = performance.now();
      for (const t of chunk) tagArticle(t, opts);
      const ms = performance.now() - t0;
      const f = fastest.get(label);
      if (ms < f[c]) f[c] = ms;
    }
  }
  rounds++;
}
const subsetWords = subset.reduce((s, t) => s + words(t), 0);
const best = new Map(
  configs.map(([label]) => {
    const ms = fastest.get(label).reduce((a, b) => a + b, 0);
    const m = {
      articles: subset.length,
      words: subsetWords,
      ms,
      articlesPerSec: (subset.length * 1000) / ms,
      msPer1kWords: (ms * 1000) / subsetWords,
    };
    return [label, m];
  }),
);
const baseline = best.get('base');
const allStages = best.get('all stages');
// A stage's own share: its row minus the row of the stages it needs (places and quotes run the entity stage first,
// so their rows hold the name tagger's cost too; the issues' per-stage budgets are own shares).
const ENTITIES_ROW = STAGE_RUNS[0][0];
const NEEDS_ENTITIES = new Set(['places', 'quotes']);
const stages = STAGE_RUNS.map(([label, include]) => {
  const m = best.get(label);
  const overBaseline = m.msPer1kWords - baseline.msPer1kWords;
  const needs = include.some((s) => NEEDS_ENTITIES.has(s))
    ? best.get(ENTITIES_ROW).msPer1kWords
    : baseline.msPer1kWords;
  return { stage: label, include, msPer1kWords: m.msPer1kWords, overBaseline, own: m.msPer1kWords - needs };
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
  const cpu = process.cpuUsage();
  process.stdout.write(JSON.stringify({ zones: r.zones.length, maxRSS: process.resourceUsage().maxRSS, cpuMs: (cpu.user + cpu.system) / 1000 }) + '\\n');
`;
const cold = [];
const coldPinned = [];
const coldCpu = [];
const bare = [];
let coldRssMB = 0;
for (let i = 0; i < COLD_RUNS; i++) {
  const c = await spawnTimed(['--input-type=module', '-e', childScript], medianText);
  cold.push(c.ms);
  coldCpu.push(JSON.parse(c.line).cpuMs);
  coldRssMB = Math.max(coldRssMB, JSON.parse(c.line).maxRSS / 1024);
  if (hasTaskset) coldPinned.push((await spawnTimed(['--input-type=module', '-e', childScript], medianText, '0')).ms);
  bare.push((await spawnTimed(['-e', 'process.stdout.write("ok\\n")'])).ms);
}

progress(
  `data load: ${DATA_LOAD_RUNS} fresh processes with preload() and ${DATA_LOAD_RUNS} without, then each data module alone`,
);
const dataLoad = await measureDataLoad(medianText);

const cores = Math.max(1, availableParallelism());
const allCpus = cores > 1 ? `0-${cores - 1}` : '0';
if (!hasTaskset) progress('taskset (util-linux) is missing: the pinned rows are n/a');

// One core: article-tagger and the compromise yardstick in fresh processes, pinned (the record) and unpinned,
// alternating so a neighbour's load falls on both kinds alike.
const single = { tagger: {}, compromise: {} };
for (const what of ['tagger', 'compromise']) {
  for (const pinned of hasTaskset ? [true, false] : [false]) {
    progress(
      `one core: ${what === 'tagger' ? 'article-tagger' : 'bare compromise'}, ${pinned ? 'pinned (taskset -c 0)' : 'unpinned'}, fresh process (${SINGLE_WARM_MS / 1000} s warm-up, up to ${SINGLE_BUDGET_MS / 1000} s)`,
    );
    const args = [fileURLToPath(import.meta.url), '--single-child', what, '--dist', distDir];
    single[what][pinned ? 'pinned' : 'unpinned'] = JSON.parse((await spawnTimed(args, '', pinned ? '0' : null)).line);
  }
}

// Worker pool: 1 thread pinned to one core, every core pinned to those cores, 1 thread unpinned. The two pinned rows
// whose ratio is the figure of record run twice, in the order 1, N, N, 1, and each keeps its faster run: the machine's
// speed moves by 15-30 % over minutes here, and a single pair of runs put a slow phase on one side as often as not
// (ratios of 1.3, 1.57 and 2.52 from three runs of nearly the same build on 2026-11-26).
const poolPlan = hasTaskset
  ? [
      ['oneThread', 1, '0'],
      ...(cores > 1
        ? [
            ['allCores', cores, allCpus],
            ['allCores', cores, allCpus],
          ]
        : []),
      ['oneThread', 1, '0'],
      ['oneThreadUnpinned', 1, null],
    ]
  : [['oneThreadUnpinned', 1, null], ...(cores > 1 ? [['allCores', cores, null]] : [])];
const poolBy = {};
const poolRuns = {};
for (const [key, threads, cpus] of poolPlan) {
  progress(
    `worker pool: ${threads} thread(s), ${cpus ? `taskset -c ${cpus}` : 'unpinned'}, fresh process (up to ${POOL_BUDGET_MS / 1000} s)`,
  );
  const args = [fileURLToPath(import.meta.url), '--pool-child', String(threads), '--dist', distDir];
  const run = JSON.parse((await spawnTimed(args, '', cpus)).line);
  poolRuns[key] = [...(poolRuns[key] ?? []), round(run.articlesPerSec)];
  if (!poolBy[key] || run.articlesPerSec > poolBy[key].articlesPerSec) poolBy[key] = run;
}
const pool1 = poolBy.oneThread ?? poolBy.oneThreadUnpinned;
const pool1Unpinned = poolBy.oneThreadUnpinned;
const poolN = poolBy.allCores ?? pool1;
const cpuParts = (p) =>
  p ? { main: round(p.main, 2), workers: round(p.workers, 2), v8Background: round(p.v8Background, 2) } : null;
const singleRow = (x) =>
  x
    ? {
        articlesPerSec: round(x.articlesPerSec),
        msPer1kWords: round(x.msPer1kWords, 2),
        articles: x.articles,
        warmUpArticles: x.warmUpArticles,
        coresObtained: round(x.coresObtained, 2),
        cpuMsPerArticleAll: round(x.cpuMsPerArticleAll, 2),
        cpuMsPerArticle: x.cpuMsPerArticle
          ? { main: round(x.cpuMsPerArticle.main, 2), v8Background: round(x.cpuMsPerArticle.v8Background, 2) }
          : null,
        cpusAllowed: x.cpusAllowed,
        loadAverage: round(x.loadAverage, 1),
      }
    : null;
const ratioOf = (a, b) => (a && b ? round(a.articlesPerSec / b.articlesPerSec, 1) : null);
/** The ratio by CPU time per article (compromise's over article-tagger's): what the wall-clock ratio is on a quiet core. */
const cpuRatioOf = (a, b) => (a && b ? round(b.cpuMsPerArticleAll / a.cpuMsPerArticleAll, 1) : null);
const poolRow = (p) =>
  p
    ? {
        threads: p.threads,
        articlesPerSec: round(p.articlesPerSec),
        articles: p.articles,
        errors: p.errors,
        coresObtained: round(p.coresObtained, 2),
        cpuMsPerArticle: cpuParts(p.cpuMsPerArticle),
        cpusAllowed: p.cpusAllowed,
        loadAverage: round(p.loadAverage, 1),
      }
    : null;
const yardPinned = single.compromise.pinned;
const yardUnpinned = single.compromise.unpinned;

const results = {
  version: PACKAGE_VERSION,
  node: process.version,
  dist: distDir,
  corpus: { source, articles: texts.length, words: totalWords, meanWords: Math.round(totalWords / texts.length) },
  loadAverageAtStart,
  articleTagger: {
    articlesTimed: allStages.articles,
    articlesPerSec: round(allStages.articlesPerSec),
    msPer1kWords: round(allStages.msPer1kWords, 2),
    firstPass: { articles: full.articles, articlesPerSec: round(full.articlesPerSec) },
    outputCounts: counts,
  },
  baseline: { include: [], msPer1kWords: round(baseline.msPer1kWords, 2) },
  stages: stages.map((s) => ({
    ...s,
    msPer1kWords: round(s.msPer1kWords, 2),
    overBaseline: round(s.overBaseline, 2),
    own: round(s.own, 2),
    // The own share against the entity row run beside it: the host's speed moves both alike (a slow phase raised the
    // place stage's own share 0.55 -> 0.66 and the entity row 0.51 -> 0.61 on the same code), so this ratio is the
    // steadier figure for comparing builds across runs.
    ownToEntities: s.own !== s.overBaseline ? round(s.own / stages[0].overBaseline, 2) : null,
  })),
  peakRssMB: round(peakRssMB),
  coldStart: {
    ms: round(median(cold)),
    pinnedMs: coldPinned.length ? round(median(coldPinned)) : null,
    cpuMs: round(median(coldCpu)),
    bareNodeMs: round(median(bare)),
    runs: COLD_RUNS,
    freshProcessPeakRssMB: round(coldRssMB),
  },
  dataLoad,
  linearity: {
    words: words(medianText),
    shortMs: round(shortMs, 2),
    longMs: round(longMs, 2),
    ratio: round(longMs / shortMs, 2),
  },
  oneCore: {
    taskset: hasTaskset,
    warmUpMs: SINGLE_WARM_MS,
    budgetMs: SINGLE_BUDGET_MS,
    articleTagger: { pinned: singleRow(single.tagger.pinned), unpinned: singleRow(single.tagger.unpinned) },
    compromise: { pinned: singleRow(yardPinned), unpinned: singleRow(yardUnpinned) },
  },
  // The figure of record: both pinned to one core (unpinned when taskset is missing).
  speedupOverCompromise: ratioOf(single.tagger.pinned ?? single.tagger.unpinned, yardPinned ?? yardUnpinned),
  speedupOverCompromiseUnpinned: ratioOf(single.tagger.unpinned, yardUnpinned),
  speedupOverCompromiseByCpu: cpuRatioOf(single.tagger.pinned ?? single.tagger.unpinned, yardPinned ?? yardUnpinned),
  pool: {
    cores,
    taskset: hasTaskset,
    oneThread: poolRow(poolBy.oneThread),
    oneThreadUnpinned: poolRow(pool1Unpinned),
    allCores: poolRow(poolN),
    warmUpArticlesPerThread: POOL_WARM_PER_THREAD,
    // articles/s of every run of each row, in the order run (each row above is its fastest run).
    runs: poolRuns,
    // All cores ÷ 1 thread pinned to one core (the figure of record), and ÷ 1 thread unpinned.
    ratio: round(poolN.articlesPerSec / pool1.articlesPerSec, 2),
    ratioOverUnpinned: round(poolN.articlesPerSec / pool1Unpinned.articlesPerSec, 2),
    allCoresOverCompromise: ratioOf(poolN, yardPinned ?? yardUnpinned),
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
  const na = 'n/a (taskset missing)';
  const oneCoreText = (x) =>
    x
      ? `${x.articlesPerSec} articles/s, ${x.msPer1kWords} ms per 1,000 words; ${x.cpuMsPerArticleAll} CPU ms per article, ${round(1000 / x.cpuMsPerArticleAll)} per CPU-second (${x.articles} articles timed; CPUs ${x.cpusAllowed ?? '?'}, cores obtained ${x.coresObtained}${x.cpuMsPerArticle ? `, CPU ms per article main ${x.cpuMsPerArticle.main} / V8 background ${x.cpuMsPerArticle.v8Background}` : ''}; load ${x.loadAverage})`
      : na;
  const poolText = (x) =>
    x
      ? `${x.articlesPerSec} articles/s (${x.articles} articles timed; CPUs ${x.cpusAllowed ?? '?'}, cores obtained ${x.coresObtained}${x.cpuMsPerArticle ? `, CPU ms per article main ${x.cpuMsPerArticle.main} / workers ${x.cpuMsPerArticle.workers} / V8 background ${x.cpuMsPerArticle.v8Background}` : ''}; load ${x.loadAverage})`
      : na;
  const tPinned = r.oneCore.articleTagger.pinned;
  const cPinned = r.oneCore.compromise.pinned;
  const rows = [
    ['corpus', `${r.corpus.articles} articles, mean ${r.corpus.meanWords} words (${r.corpus.source})`],
    ['load average when the run started (1 min)', `${r.loadAverageAtStart}`],
    [
      'article-tagger, all stages, in this process (unpinned)',
      `**${r.articleTagger.articlesPerSec} articles/s**, ${r.articleTagger.msPer1kWords} ms per 1,000 words (sum of each chunk's fastest of ${r.stageRounds} passes over ${r.articleTagger.articlesTimed} articles; first pass ${r.articleTagger.firstPass.articlesPerSec}/s)`,
    ],
    ['base: normalise, tokens, zones, assemble (`include: []`)', `${r.baseline.msPer1kWords} ms per 1,000 words`],
    ...r.stages.map((s) => [
      `stage: ${s.stage}`,
      `${s.overBaseline >= 0 ? '+' : ''}${s.overBaseline} ms per 1,000 words over the base (run alone: ${s.msPer1kWords})${s.own !== s.overBaseline ? `; own share, over the entity stage: **${s.own >= 0 ? '+' : ''}${s.own}** (×${s.ownToEntities} the entity row)` : ''}`,
    ]),
    ['peak RSS (this process)', `${r.peakRssMB} MB`],
    [
      'cold start: import + tag one article, fresh process',
      `${r.coldStart.ms} ms; pinned to one core ${r.coldStart.pinnedMs ?? na} ms; process CPU to the first article ${r.coldStart.cpuMs} ms (bare \`node -e\`: ${r.coldStart.bareNodeMs} ms; peak RSS ${r.coldStart.freshProcessPeakRssMB} MB)`,
    ],
    ...dataLoadRows(r.dataLoad),
    [
      'linearity: same text ×10',
      `×${r.linearity.ratio} time (${r.linearity.shortMs} ms for ${r.linearity.words} words → ${r.linearity.longMs} ms)`,
    ],
    ['one core, pinned (taskset -c 0): article-tagger, all stages', oneCoreText(tPinned)],
    ['one core, pinned (taskset -c 0): bare compromise people/places/organizations', oneCoreText(cPinned)],
    ['unpinned (V8 may use the idle core): article-tagger, all stages', oneCoreText(r.oneCore.articleTagger.unpinned)],
    ['unpinned (V8 may use the idle core): bare compromise', oneCoreText(r.oneCore.compromise.unpinned)],
    [
      `article-tagger ÷ compromise, articles/s, ${r.oneCore.taskset ? 'both pinned to one core' : 'both unpinned'}`,
      `**×${r.speedupOverCompromise}** (by CPU time per article: ×${r.speedupOverCompromiseByCpu}, the figure a busy machine cannot skew)`,
    ],
    ['article-tagger ÷ compromise, both unpinned', `×${r.speedupOverCompromiseUnpinned}`],
    ['worker pool (tagArticles), 1 thread, pinned (taskset -c 0)', poolText(r.pool.oneThread)],
    ['worker pool (tagArticles), 1 thread, unpinned', poolText(r.pool.oneThreadUnpinned)],
    [
      `worker pool (tagArticles), all cores (${r.pool.allCores.threads} threads${r.pool.taskset ? `, taskset -c ${allCpus}` : ''})`,
      `**${r.pool.allCores.articlesPerSec} articles/s**, ×${r.pool.allCoresOverCompromise} bare compromise on one core (${poolText(r.pool.allCores).replace(/^[^(]*\(/, '')}`,
    ],
    [
      `all cores ÷ 1 thread (${r.pool.cores} cores)`,
      `**×${r.pool.ratio}** over 1 thread ${r.pool.taskset ? 'pinned to one core' : 'unpinned'}; ×${r.pool.ratioOverUnpinned} over 1 thread unpinned; runs (articles/s): ${Object.entries(
        r.pool.runs,
      )
        .map(([k, v]) => `${k} ${v.join(', ')}`)
        .join(
          '; ',
        )}${r.pool.allCores.coresObtained < 0.8 * r.pool.allCores.threads ? ` (the ${r.pool.allCores.threads}-thread run got ${r.pool.allCores.coresObtained} cores: other processes share them, so the ratio understates the scaling)` : ''}`,
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
    `article-tagger ${r.version}, Node ${r.node}; in this process single-threaded, the one-core and worker-pool rows in fresh processes, pinned with taskset and unpinned (method: header of scripts/bench.mjs)`,
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

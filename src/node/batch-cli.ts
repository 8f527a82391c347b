/**
 * `article-tagger batch INPUT -o OUTPUT`: tags a JSONL file, a directory of .txt/.md files, or standard input on a
 * pool of worker threads, streaming (bounded memory), with a progress display, an error file and crash-safe resume.
 * See BATCH_USAGE for the contract.
 */
import { createReadStream, existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import type { TagOptions } from '../options.js';
import { readLines } from './lines.js';
import { defaultThreads, runPool, TagPool } from './pool.js';
import { byteLimit, decodeText, maxLengthOf, readFileBounded } from './read.js';
import { LineSet, LineSink, scanJsonl } from './sinks.js';
import type { WorkerError, WorkerJob } from './worker.js';

export const BATCH_USAGE = `Usage: article-tagger batch INPUT -o OUTPUT [options]
       article-tagger batch INPUT --out-dir DIR [options]

Tags many articles on every core and writes one result per input record.

INPUT is a JSONL/NDJSON file of records such as {"id": "a1", "text": "...", "publishedAt": "2023-08-16"},
a directory of .txt and .md files (searched recursively, in name order), or - for standard input (JSONL).
A record is identified by its line number (JSONL) or its path (directory); ids may repeat: each record is
tagged and kept in input order.

Output:
  -o, --output FILE      JSONL, one line per tagged record: the record's fields, "_line" (its line number in
                         INPUT) or "_file" (its path), and "tags" (the ArticleTags)
  --out-dir DIR          instead: one JSON file per record, named after its id (else line-N.json); a repeated
                         id gets NAME~LN.json (N its line)
  --no-passthrough       write only "_line"/"_file", "id" and "tags", not the record's other fields
  --errors FILE          records that could not be tagged, as JSONL {"line", "id", "code", "reason"}
                         (default: OUTPUT.errors.jsonl, or DIR/errors.jsonl)
Input fields (JSONL):
  --text-field NAME      field holding the text (default text)
  --id-field NAME        field holding the id (default id)
  --date-field NAME      field holding the reference date, YYYY-MM-DD or an ISO timestamp (default publishedAt)
Running:
  --concurrency N        worker threads (default: the number of cores, here ${defaultThreads()})
  --unordered            write results as they finish instead of in input order
  --resume               skip records already in OUTPUT (or DIR) or in the error file, and append
  --retry-errors         with --resume: tag again the records of the error file
  --overwrite            start again when OUTPUT already holds results (default: refuse)
  --quiet                no progress and no summary (errors still go to the error file)
  --progress-every S     seconds between progress lines when stderr is not a terminal (default 10)
Tagging (as for one article): --published-at, --date-order, --include, --keep-chrome, --max-length

Progress: a bar (records, records/s, ETA) when stderr is a terminal, else a plain line every 10 s.
Lines are written whole and fsynced at checkpoints; a run killed at any moment resumes with --resume
without losing or repeating a record (a torn last line is dropped).

Exit status: 0 every record tagged, 3 some records are in the error file, 1 bad input, 2 usage error.
`;

/** Errors the CLI maps to exit codes (passed in, so this module does not import cli.ts). */
export interface BatchContext {
  usage: (message: string) => Error;
  input: (message: string) => Error;
  /** Parses the shared tagging options (--published-at ...) as the single-article command does. */
  toOptions: (values: Record<string, unknown>) => TagOptions;
}

const BATCH_OPTIONS = {
  output: { type: 'string', short: 'o' },
  'out-dir': { type: 'string' },
  errors: { type: 'string' },
  'no-passthrough': { type: 'boolean' },
  'text-field': { type: 'string' },
  'id-field': { type: 'string' },
  'date-field': { type: 'string' },
  concurrency: { type: 'string' },
  unordered: { type: 'boolean' },
  resume: { type: 'boolean' },
  'retry-errors': { type: 'boolean' },
  overwrite: { type: 'boolean' },
  quiet: { type: 'boolean' },
  'progress-every': { type: 'string' },
  'published-at': { type: 'string' },
  'date-order': { type: 'string' },
  include: { type: 'string' },
  'keep-chrome': { type: 'boolean' },
  'max-length': { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** One input record on its way through the pool. */
interface Item {
  /** Resume key: "L<line>" or "F<path>". */
  key: string;
  line?: number;
  file?: string;
  id?: string;
  record?: Record<string, unknown>;
  job?: WorkerJob;
  /** Settled before tagging (bad JSON, no text...). */
  fail?: { code: string; reason: string };
  bytes: number;
  /** --out-dir: the file name of its result. */
  name?: string;
}

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/;

function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function fmtDuration(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = Math.floor(s % 60);
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : m > 0 ? `${m}m${String(sec).padStart(2, '0')}s` : `${sec}s`;
}

function positiveInt(name: string, v: string | undefined, ctx: BatchContext): number | undefined {
  if (v === undefined) return undefined;
  const n = /^\d{1,6}$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw ctx.input(`--${name}: expected a positive whole number, got '${v}'`);
  return n;
}

/** A file name for an id: letters, digits, . _ - kept, anything else _ (at most 120 characters, no leading dot). */
function safeName(s: string): string {
  const t = s.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 120);
  return t.startsWith('.') ? `_${t.slice(1)}` : t || '_';
}

async function* listDir(dir: string): AsyncGenerator<string, void, undefined> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && /\.(?:txt|md)$/i.test(e.name))
    .map((e) =>
      relative(dir, join((e as { parentPath?: string }).parentPath ?? (e as unknown as { path: string }).path, e.name))
        .split(sep)
        .join('/'),
    )
    .sort();
  yield* files;
}

export async function batchCommand(argv: string[], ctx: BatchContext): Promise<number> {
  let parsed: ReturnType<typeof parseBatch>;
  function parseBatch() {
    return parseArgs({ args: argv, options: BATCH_OPTIONS, allowPositionals: true, strict: true });
  }
  try {
    parsed = parseBatch();
  } catch (e) {
    const msg = e instanceof Error ? e.message.split(/\. (?=[A-Z])/)[0]!.replace(/\.$/, '') : String(e);
    throw ctx.usage(msg);
  }
  const { values: v, positionals } = parsed;
  if (v.help) {
    process.stdout.write(BATCH_USAGE);
    return 0;
  }
  if (positionals.length > 1) throw ctx.usage(`batch: expected one INPUT, got ${positionals.length}`);
  const inputArg = positionals[0] ?? (process.stdin.isTTY ? undefined : '-');
  if (inputArg === undefined) throw ctx.usage('batch: missing INPUT (a .jsonl file, a directory, or - for stdin)');
  if (!v.output && !v['out-dir']) throw ctx.usage('batch: missing -o OUTPUT (or --out-dir DIR)');
  if (v.output && v['out-dir']) throw ctx.usage('batch: -o and --out-dir cannot be used together');
  if (v['retry-errors'] && !v.resume) throw ctx.usage('batch: --retry-errors goes with --resume');
  if (v.resume && v.overwrite) throw ctx.usage('batch: --resume and --overwrite cannot be used together');

  const options = ctx.toOptions(v);
  const concurrency = positiveInt('concurrency', v.concurrency, ctx) ?? defaultThreads();
  const progressEvery = (positiveInt('progress-every', v['progress-every'], ctx) ?? 10) * 1000;
  const textField = v['text-field'] ?? 'text';
  const idField = v['id-field'] ?? 'id';
  const dateField = v['date-field'] ?? 'publishedAt';
  const passthrough = !v['no-passthrough'];
  const maxLength = maxLengthOf(options);

  // ---- input ----
  let kind: 'jsonl' | 'dir' | 'stdin';
  let totalUnits = 0; // bytes (jsonl) or files (dir); 0: unknown
  const inputPath = inputArg === '-' ? null : resolve(inputArg);
  if (inputPath === null) kind = 'stdin';
  else {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(inputPath);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw ctx.input(code === 'ENOENT' ? `file not found: ${inputArg}` : `cannot read ${inputArg}: ${code}`);
    }
    kind = st.isDirectory() ? 'dir' : 'jsonl';
    if (kind === 'jsonl') totalUnits = st.size;
  }

  // ---- output ----
  const outDir = v['out-dir'] ? resolve(v['out-dir']) : null;
  const outFile = v.output ? resolve(v.output) : null;
  if (outFile && inputPath && outFile === inputPath) throw ctx.usage('batch: OUTPUT is the INPUT file');
  const errFile = resolve(v.errors ?? (outFile ? `${outFile}.errors.jsonl` : join(outDir!, 'errors.jsonl')));
  if (inputPath && errFile === inputPath) throw ctx.usage('batch: the error file is the INPUT file');
  if (outDir) mkdirSync(outDir, { recursive: true });

  // Records done by an earlier run: line numbers in a bitset (millions of lines take a few MB), paths in a Set.
  const doneLines = new LineSet();
  const doneFiles = new Set<string>();
  const isDone = (it: { line?: number; file?: string }) =>
    it.line !== undefined ? doneLines.has(it.line) : it.file !== undefined && doneFiles.has(it.file);
  let skippedErrors = 0;
  const mark = (line: unknown, file: unknown): boolean => {
    if (typeof line === 'number' && Number.isSafeInteger(line) && line > 0) doneLines.add(line);
    else if (typeof file === 'string') doneFiles.add(file);
    else return false;
    return true;
  };
  let tornNote = '';
  if (v.resume) {
    if (outFile) {
      const s = scanJsonl(outFile, (o) => mark(o._line, o._file));
      if (s.tornBytes) tornNote += ` dropped a torn last line of ${s.tornBytes} bytes in ${outFile};`;
    }
    const seen = { lines: new LineSet(), files: new Set<string>() };
    const e = scanJsonl(errFile, (o) => {
      if (typeof o.line === 'number' && Number.isSafeInteger(o.line) && o.line > 0) seen.lines.add(o.line);
      else if (typeof o.file === 'string') seen.files.add(o.file);
      else return false;
      if (!v['retry-errors']) mark(o.line, o.file);
      return true;
    });
    if (e.tornBytes) tornNote += ` dropped a torn last line of ${e.tornBytes} bytes in ${errFile};`;
    if (!v['retry-errors']) skippedErrors = seen.lines.size + seen.files.size;
  } else if (!v.overwrite) {
    const busy = outFile ? existsSync(outFile) && statSync(outFile).size > 0 : false;
    if (busy)
      throw ctx.usage(
        `batch: ${v.output} already holds results: --resume to continue that run, --overwrite to start again`,
      );
  }
  const out = outFile ? new LineSink(outFile, v.resume ? 'append' : 'truncate') : null;
  // --retry-errors: the old error file was read; records failing again are written again.
  const errs = new LineSink(errFile, v.resume && !v['retry-errors'] ? 'append' : 'truncate');

  // ---- records ----
  let unitsDone = 0;
  let skipped = 0;
  const usedNames = new Set<string>();
  const outName = (it: Item): string => {
    const base = it.file !== undefined ? safeName(it.file) : it.id !== undefined ? safeName(it.id) : `line-${it.line}`;
    let name = base;
    if (usedNames.has(base)) name = `${base}~L${it.line ?? 0}`;
    usedNames.add(base);
    return `${name}.json`;
  };
  /** --out-dir: names the item's file (in input order, so a resumed run names it the same); true if already done. */
  const named = (it: Item): boolean => {
    if (!outDir) return false;
    it.name = outName(it);
    return v.resume === true && existsSync(join(outDir, it.name));
  };

  const jobOptions = (publishedAt: string | undefined): TagOptions | undefined =>
    publishedAt === undefined ? options : { ...options, publishedAt };

  function fromLine(line: number, text: string | null, bytes: number, problem?: string): Item | null {
    const key = `L${line}`;
    const it: Item = { key, line, bytes };
    if (text === null) {
      it.fail =
        problem === 'not-utf8'
          ? { code: 'ERR_NOT_UTF8', reason: 'the line is not UTF-8 text' }
          : { code: 'ERR_ARTICLE_TOO_LARGE', reason: `the line is over ${fmtInt(lineCap)} bytes` };
      return it;
    }
    if (text.trim() === '') return null;
    let rec: unknown;
    try {
      rec = JSON.parse(text);
    } catch (e) {
      it.fail = { code: 'ERR_INVALID_JSON', reason: `invalid JSON: ${e instanceof Error ? e.message : String(e)}` };
      return it;
    }
    if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
      it.fail = { code: 'ERR_INVALID_RECORD', reason: 'the line is not a JSON object' };
      return it;
    }
    const r = rec as Record<string, unknown>;
    const id = r[idField];
    if (typeof id === 'string' || typeof id === 'number') it.id = String(id);
    it.record = r;
    const t = r[textField];
    if (typeof t !== 'string') {
      it.fail = {
        code: 'ERR_MISSING_TEXT',
        reason:
          t === undefined
            ? `no "${textField}" field`
            : `"${textField}" is not a string (${t === null ? 'null' : typeof t})`,
      };
      return it;
    }
    if (t.length > maxLength) {
      it.fail = { code: 'ERR_ARTICLE_TOO_LARGE', reason: `text is ${t.length} characters long, over ${maxLength}` };
      return it;
    }
    const d = r[dateField];
    let publishedAt: string | undefined;
    if (typeof d === 'string' && d.trim() !== '') publishedAt = ISO_DAY.exec(d.trim())?.[1] ?? d.trim();
    it.job = { text: t, options: jobOptions(publishedAt) };
    return it;
  }

  // JSON escapes take up to 6 bytes per character (\uXXXX), plus the other fields.
  const lineCap = maxLength * 6 + (1 << 20);

  async function* items(): AsyncGenerator<Item, void, undefined> {
    if (kind === 'dir') {
      const files: string[] = [];
      for await (const f of listDir(inputPath!)) files.push(f);
      totalUnits = files.length;
      for (const f of files) {
        const key = `F${f}`;
        const it: Item = { key, file: f, id: f, bytes: 1 };
        if (named(it) || isDone(it)) {
          unitsDone++;
          skipped++;
          continue;
        }
        try {
          const bytes = await readFileBounded(join(inputPath!, f), byteLimit(maxLength), maxLength);
          it.job = { text: decodeText(bytes, f), options };
        } catch (e) {
          const err = e as Error & { code?: string };
          it.fail = { code: err.code ?? 'ERR_READ', reason: err.message };
        }
        yield it;
      }
      return;
    }
    const stream = kind === 'stdin' ? process.stdin : createReadStream(inputPath!, { highWaterMark: 1 << 20 });
    for await (const l of readLines(stream, lineCap)) {
      const wasDone = isDone(l);
      if (wasDone && !outDir) {
        // resumed: skipped without parsing
        unitsDone += l.bytes;
        skipped++;
        continue;
      }
      const it = fromLine(l.line, l.text, l.bytes, l.problem);
      // --out-dir names every record in input order (done or not), so a resumed run gives each the same name.
      if (it && (named(it) || wasDone)) {
        unitsDone += l.bytes;
        skipped++;
      } else if (it) yield it;
      else unitsDone += l.bytes;
    }
  }

  // ---- progress ----
  const quiet = v.quiet === true;
  const tty = process.stderr.isTTY === true;
  let tagged = 0;
  let failed = 0;
  const t0 = Date.now();
  // Rate from the first result on: the threads' start-up (loading the core) is not tagging speed.
  let tFirst = 0;
  let doneAtFirst = 0;
  const rate = () =>
    tFirst === 0 ? 0 : (tagged + failed - doneAtFirst) / Math.max(0.001, (Date.now() - tFirst) / 1000);
  let bar: cliProgress.SingleBar | null = null;
  let lastPlain = Date.now();
  const payload = () => ({
    records: fmtInt(tagged + failed),
    rate: rate().toFixed(1),
    errors: fmtInt(failed),
  });
  const startProgress = () => {
    lastPlain = Date.now();
    if (quiet || !tty) return;
    const known = kind !== 'stdin';
    bar = new cliProgress.SingleBar(
      {
        format: known
          ? 'tagging {bar} {percentage}% | {records} records | {rate} records/s | {errors} errors | ETA {eta_formatted}'
          : 'tagging | {records} records | {rate} records/s | {errors} errors | {duration_formatted}',
        stream: process.stderr,
        hideCursor: true,
        fps: 5,
        etaBuffer: 200,
        etaAsynchronousUpdate: true,
        barsize: 30,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(known ? Math.max(1, totalUnits) : 0, unitsDone, payload());
  };
  const tick = (force = false) => {
    if (quiet) return;
    if (bar) {
      (bar as cliProgress.SingleBar).update(unitsDone, payload());
      return;
    }
    if (tty) return;
    if (!force && Date.now() - lastPlain < progressEvery) return;
    lastPlain = Date.now();
    const share = totalUnits > 0 ? Math.min(1, unitsDone / totalUnits) : null;
    const secs = (Date.now() - t0) / 1000;
    let eta = '';
    if (share !== null && share > 0 && unitsDone > startUnits) {
      const perUnit = secs / (unitsDone - startUnits);
      eta = `, ${Math.round(share * 100)} % of input, ETA ${fmtDuration((totalUnits - unitsDone) * perUnit)}`;
    }
    process.stderr.write(
      `article-tagger batch: ${fmtInt(tagged + failed)} records (${fmtInt(failed)} errors), ${rate().toFixed(1)} records/s${eta}\n`,
    );
  };

  // ---- interruption: what was written stays whole ----
  const onSignal = (sig: NodeJS.Signals) => {
    out?.close();
    errs.close();
    (bar as cliProgress.SingleBar | null)?.stop();
    process.stderr.write(`article-tagger batch: interrupted (${sig}); continue with --resume\n`);
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  // ---- run ----
  const pool = new TagPool(concurrency);
  let startUnits = 0;
  try {
    const source = items();
    // The bar starts with the first record, once the directory is listed and resumed records are skipped.
    let started = false;
    for await (const { item, result } of runPool(source, {
      threads: concurrency,
      ordered: !v.unordered,
      pool,
      toJob: (it) => it.job ?? null,
    })) {
      if (!started) {
        started = true;
        startUnits = unitsDone;
        startProgress();
      }
      unitsDone += item.bytes;
      if (tFirst === 0) {
        tFirst = Date.now();
        doneAtFirst = 1; // the rate counts the records after the first
      }
      const error: { code: string; reason: string } | null = item.fail
        ? item.fail
        : result?.error
          ? { code: (result.error as WorkerError).code ?? 'ERR_TAGGING', reason: result.error.message }
          : null;
      if (error || !result?.tags) {
        const e = error ?? { code: 'ERR_TAGGING', reason: 'no result' };
        const line: Record<string, unknown> = item.file !== undefined ? { file: item.file } : { line: item.line };
        if (item.id !== undefined && item.file === undefined) line.id = item.id;
        line.code = e.code;
        line.reason = e.reason;
        errs.push(JSON.stringify(line));
        failed++;
      } else {
        const loc: Record<string, unknown> = item.file !== undefined ? { _file: item.file } : { _line: item.line };
        let obj: Record<string, unknown>;
        if (passthrough && item.record) obj = { ...loc, ...item.record, tags: result.tags };
        else {
          obj = { ...loc };
          if (item.id !== undefined) obj.id = item.id;
          obj.tags = result.tags;
        }
        if (out) out.push(JSON.stringify(obj));
        else {
          const name = item.name ?? outName(item);
          const target = join(outDir!, name);
          const tmp = join(outDir!, `.${name}.tmp`);
          writeFileSync(tmp, `${JSON.stringify(obj, null, 2)}\n`);
          renameSync(tmp, target); // a file is there whole or not at all
        }
        tagged++;
      }
      tick();
    }
    if (!started) startUnits = unitsDone;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    out?.close();
    errs.close();
    await pool.destroy();
    if (bar) {
      (bar as cliProgress.SingleBar).update(unitsDone, payload());
      (bar as cliProgress.SingleBar).stop();
    }
  }
  if (!quiet) {
    const secs = (Date.now() - t0) / 1000;
    const parts = [`${fmtInt(tagged)} tagged`, `${fmtInt(failed)} errors`];
    if (v.resume) parts.push(`${fmtInt(skipped)} skipped as already done (${fmtInt(skippedErrors)} of them errors)`);
    process.stderr.write(
      `article-tagger batch: ${parts.join(', ')} in ${secs.toFixed(1)} s (${((tagged + failed) / Math.max(0.001, secs)).toFixed(1)} records/s, ${concurrency} thread${concurrency > 1 ? 's' : ''})${tornNote ? `;${tornNote.replace(/;$/, '')}` : ''}${failed + skippedErrors > 0 ? `; errors in ${errFile}` : ''}\n`,
    );
  }
  return failed + skippedErrors > 0 ? 3 : 0;
}

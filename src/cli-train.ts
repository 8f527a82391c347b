/**
 * `article-tagger train tags.jsonl -o model.json`: learns a topic model from a tagged archive (JSON Lines, one record
 * per article with its text and tags) and writes it as JSON for `createTagger({ topicModel })`.
 * Exit codes: 0 ok, 1 bad input (one line on stderr), 2 usage.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { InputError, NAME, reportError, UsageError } from './cli-report.js';
import type { TrainExample, TrainOptions } from './topics/train.js';

export const TRAIN_USAGE = `Usage: ${NAME} train FILE.jsonl|- -o MODEL.json [options]

Learns a topic model from tagged articles: one JSON record per line with the article text and its tags (an array of
strings, or one string). Use the model with createTagger({ topicModel: JSON.parse(modelJson) }).

Options:
  -o, --output FILE     where to write the model (- for standard output)
  --text-field NAME     the record field holding the text (default: text)
  --tags-field NAME     the record field holding the tags (default: tags)
  --holdout SHARE       share of the examples held back to tune per-tag thresholds (default 0.15)
  --min-df N            a feature must occur in at least N articles (default 2)
  --c VALUE             SVM cost (default 1)
  --seed N              seed of the shuffles (default 1)
  --debug               print stack traces of errors
  -h, --help            show this help

Exit status: 0 ok, 1 bad input (file not found, bad JSON, missing fields, no tags), 2 usage error.
`;

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  'text-field': { type: 'string' },
  'tags-field': { type: 'string' },
  holdout: { type: 'string' },
  'min-df': { type: 'string' },
  c: { type: 'string' },
  seed: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = e instanceof Error ? (e.message.split(/\. (?=[A-Z])/)[0] ?? e.message).replace(/\.$/, '') : String(e);
    throw new UsageError(msg);
  }
}

function numberOption(value: string | undefined, flag: string, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    throw new InputError(`${flag}: expected ${integer ? 'a whole number' : 'a number'}, got '${value}'`);
  }
  return n;
}

/** Reads JSON Lines records into training examples; a bad line is an InputError naming the line. */
export function readExamples(source: string, textField: string, tagsField: string, what: string): TrainExample[] {
  const out: TrainExample[] = [];
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (!line) continue;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch {
      throw new InputError(`${what} line ${i + 1}: not valid JSON`);
    }
    if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
      throw new InputError(`${what} line ${i + 1}: expected a JSON object`);
    }
    const r = rec as Record<string, unknown>;
    const text = r[textField];
    if (typeof text !== 'string') {
      throw new InputError(`${what} line ${i + 1}: field '${textField}' must be a string (see --text-field)`);
    }
    const raw = r[tagsField];
    const tags = typeof raw === 'string' ? [raw] : raw;
    if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) {
      throw new InputError(
        `${what} line ${i + 1}: field '${tagsField}' must be an array of strings or a string (see --tags-field)`,
      );
    }
    out.push({ text, tags: [...new Set(tags.map((t) => t.trim()).filter(Boolean))] });
  }
  return out;
}

async function readInput(file: string): Promise<string> {
  if (file !== '-') {
    try {
      return await readFile(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new InputError(`file not found: ${file}`);
      if (code === 'EISDIR') throw new InputError(`${file} is a directory, not a JSON Lines file`);
      if (code === 'EACCES' || code === 'EPERM') throw new InputError(`permission denied: ${file}`);
      throw new InputError(`cannot read ${file}: ${code ?? String(e)}`);
    }
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    process.stdout.write(TRAIN_USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('missing FILE.jsonl (use - to read standard input)');
  if (positionals.length > 1) throw new UsageError(`expected one FILE, got ${positionals.length}`);
  if (values.output === undefined) throw new UsageError('missing -o MODEL.json (use -o - for standard output)');
  const file = positionals[0] as string;
  const options: TrainOptions = {};
  const holdout = numberOption(values.holdout, '--holdout', false);
  if (holdout !== undefined) options.holdout = holdout;
  const minDf = numberOption(values['min-df'], '--min-df', true);
  if (minDf !== undefined) options.minDf = minDf;
  const c = numberOption(values.c, '--c', false);
  if (c !== undefined) options.c = c;
  const seed = numberOption(values.seed, '--seed', true);
  if (seed !== undefined) options.seed = seed;

  const what = file === '-' ? 'standard input' : file;
  const examples = readExamples(
    await readInput(file),
    values['text-field'] ?? 'text',
    values['tags-field'] ?? 'tags',
    what,
  );
  const tagged = examples.filter((e) => e.tags.length > 0).length;
  if (tagged === 0) throw new InputError(`${what}: no record has a tag`);
  const { trainTopics } = await import('./topics/train.js');
  const t0 = performance.now();
  const model = trainTopics(examples, options);
  const secs = (performance.now() - t0) / 1000;
  const json = JSON.stringify(model);
  const out = values.output;
  if (out === '-') process.stdout.write(`${json}\n`);
  else {
    try {
      await writeFile(out, `${json}\n`);
    } catch (e) {
      throw new InputError(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
  }
  const summary =
    `trained ${model.tags.length} tags on ${tagged} tagged articles` +
    `${examples.length > tagged ? ` (${examples.length - tagged} untagged skipped)` : ''}` +
    `, ${model.features.length} features, in ${secs.toFixed(1)} s: ${out === '-' ? 'standard output' : out}` +
    ` (${(json.length / 1e6).toFixed(1)} MB)\n`;
  (out === '-' ? process.stderr : process.stdout).write(summary);
  return 0;
}

/** Runs `train` with its arguments (those after the word "train"); prints errors as one line on stderr. */
export async function trainCommand(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    return await run(argv);
  } catch (e) {
    return reportError(e, `${NAME} train`, `${NAME} train`, debug);
  }
}

/**
 * The `article-tagger` command: tags one article file (or stdin) and prints its ArticleTags JSON; `batch` tags many
 * (src/node/batch-cli.ts), `train` is src/cli-train.ts. Exit codes: 0 ok, 1 bad input (one line on stderr), 2 usage,
 * 3 (batch) some records could not be tagged.
 */
import { parseArgs } from 'node:util';
import { InputError, NAME, reportError, UsageError } from './cli-report.js';
import { ArticleTooLargeError } from './errors.js';
import { byteLimit, decodeText, maxLengthOf, readFileBounded, readStreamBounded } from './node/read.js';
import { PUBLIC_STAGES, type PublicStage, type TagOptions } from './options.js';
import { PACKAGE_VERSION } from './version.js';

const USAGE = `Usage: ${NAME} [tag] FILE|- [options]

Tags a news article (UTF-8 text) and prints its metadata as JSON (schema version 1).
FILE - reads standard input. To tag a file named "tag", "batch" or "train", write ./tag.

Options:
  --published-at YYYY-MM-DD  reference date for "Aug. 11", "last week" (default: read from a dateline)
  --date-order MDY|DMY|auto  how to read numeric dates such as 08/11/2023 (default auto)
  --include LIST             run only these stages, comma-separated: ${PUBLIC_STAGES.join(',')}
  --keep-chrome              keep mentions found in bylines, bios, teasers and other page chrome
  --max-length N             longest text accepted, in characters (default 1000000)
  --pretty / --compact       indented or one-line JSON (default: indented when stdout is a terminal)
  --debug                    print stack traces of errors
  -h, --help                 show this help
  -v, --version              print the version

Commands:
  ${NAME} [tag] FILE|-          tag one article (this page)
  ${NAME} batch INPUT -o OUTPUT  tag a JSONL file, a directory or stdin on every core (${NAME} batch --help)
  ${NAME} train ...              (${NAME} train --help)

Exit status: 0 ok, 1 bad input (file not found, not UTF-8 text, too large, bad option value), 2 usage error.
`;

/** A usage mistake: exit 2 with a pointer to --help. */
/** A bad value or unreadable input: exit 1. */

const OPTIONS = {
  'published-at': { type: 'string' },
  'date-order': { type: 'string' },
  include: { type: 'string' },
  'keep-chrome': { type: 'boolean' },
  'max-length': { type: 'string' },
  pretty: { type: 'boolean' },
  compact: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type Values = ReturnType<typeof parse>['values'];

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    // parseArgs' messages carry advice about '--' quoting over several sentences: keep the first one.
    const msg = e instanceof Error ? e.message.split(/\. (?=[A-Z])/)[0]!.replace(/\.$/, '') : String(e);
    throw new UsageError(msg);
  }
}

function isCalendarDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

function toOptions(v: Values): TagOptions {
  const o: TagOptions = {};
  const problems: string[] = [];
  if (v['published-at'] !== undefined) {
    if (!isCalendarDay(v['published-at'])) {
      problems.push(`--published-at: expected a YYYY-MM-DD calendar date, got '${v['published-at']}'`);
    } else o.publishedAt = v['published-at'];
  }
  if (v['date-order'] !== undefined) {
    const d = v['date-order'].toUpperCase() === 'AUTO' ? 'auto' : v['date-order'].toUpperCase();
    if (d !== 'MDY' && d !== 'DMY' && d !== 'auto') {
      problems.push(`--date-order: expected MDY, DMY or auto, got '${v['date-order']}'`);
    } else o.dateOrder = d;
  }
  if (v.include !== undefined) {
    const stages = v.include
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    const unknown = stages.filter((s) => !(PUBLIC_STAGES as readonly string[]).includes(s));
    for (const s of unknown) problems.push(`--include: unknown stage '${s}' (known: ${PUBLIC_STAGES.join(', ')})`);
    if (stages.length === 0) problems.push(`--include: no stage given (known: ${PUBLIC_STAGES.join(', ')})`);
    if (!unknown.length && stages.length) o.include = [...new Set(stages)] as PublicStage[];
  }
  if (v['max-length'] !== undefined) {
    const n = /^\d{1,15}$/.test(v['max-length']) ? Number(v['max-length']) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < 1) {
      problems.push(`--max-length: expected a positive whole number, got '${v['max-length']}'`);
    } else o.maxLength = n;
  }
  if (problems.length) throw new InputError(problems.join('; '), problems);
  if (v['keep-chrome']) o.keepChrome = true;
  return o;
}

function describeFsError(e: NodeJS.ErrnoException, file: string): string | null {
  switch (e.code) {
    case 'ENOENT':
      return `file not found: ${file}`;
    case 'EISDIR':
      return `${file} is a directory, not a text file`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied: ${file}`;
    case 'ENOTDIR':
      return `file not found: ${file} (a part of the path is not a directory)`;
    default:
      return e.code ? `cannot read ${file}: ${e.code}` : null;
  }
}

/** The `train` subcommand: src/cli-train.ts, loaded only when asked for. */
async function train(argv: string[]): Promise<number> {
  const { trainCommand } = await import('./cli-train.js');
  return trainCommand(argv);
}

async function run(argv: string[]): Promise<number> {
  if (argv[0] === 'batch') {
    // Loaded only for batch: the single-article path does not pay for the pool and the progress bar.
    const { batchCommand } = await import('./node/batch-cli.js');
    return batchCommand(argv.slice(1), {
      usage: (m) => new UsageError(m),
      input: (m) => new InputError(m),
      toOptions: (v) => toOptions(v as Values),
    });
  }
  if (argv[0] === 'train') return train(argv.slice(1));
  const { values, positionals } = parse(argv);
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${PACKAGE_VERSION}\n`);
    return 0;
  }
  const args = [...positionals];
  if (args[0] === 'batch' || args[0] === 'train') {
    throw new UsageError(`'${args[0]}' must come first: ${NAME} ${args[0]} ...`);
  }
  if (args[0] === 'tag') args.shift();
  if (args.length === 0) throw new UsageError('missing FILE (use - to read standard input)');
  if (args.length > 1) throw new UsageError(`expected one FILE, got ${args.length}: ${args.join(' ')}`);
  if (values.pretty && values.compact) throw new UsageError('--pretty and --compact cannot be used together');
  const file = args[0]!;
  const options = toOptions(values);

  const maxLength = maxLengthOf(options);
  const what = file === '-' ? 'standard input' : file;
  let bytes: Uint8Array;
  try {
    bytes =
      file === '-'
        ? await readStreamBounded(process.stdin, byteLimit(maxLength), maxLength, what)
        : await readFileBounded(file, byteLimit(maxLength), maxLength);
  } catch (e) {
    const msg = e instanceof Error && !(e instanceof ArticleTooLargeError) ? describeFsError(e, file) : null;
    if (msg) throw Object.assign(new InputError(msg), { cause: e });
    throw e;
  }
  const text = decodeText(bytes, what);
  // Loaded only to tag, so --help, --version and usage errors do not pay for the core's tables and compromise.
  const { tagArticle } = await import('./tagger.js');
  const tags = tagArticle(text, options);
  const pretty = values.pretty || (!values.compact && process.stdout.isTTY === true);
  process.stdout.write(`${JSON.stringify(tags, null, pretty ? 2 : undefined)}\n`);
  return 0;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const debug = argv.includes('--debug');
  // A closed pipe (`article-tagger a.txt | head -c 10`) is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  try {
    process.exitCode = await run(argv);
  } catch (e) {
    process.exitCode = reportError(e, NAME, NAME, debug);
  }
}

void main();

// Runs the built CLI (`npm test` builds first via pretest) as a user would: node dist/cli.js ...
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ArticleTagsSchema } from '../src/schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

// Fixture text written for these tests.
const ARTICLE = `Ferry service resumes after storm

PORT ALDER, March 4 — The ferry between Port Alder and Gull Island ran again on Monday, three days after a storm
closed the crossing. "We are glad to be moving," said captain Ines Varga.
`;

const dir = mkdtempSync(join(tmpdir(), 'at-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'article.txt');
writeFileSync(file, ARTICLE);

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [cli, ...args], { input: input ?? '', encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** stderr is exactly one line, names the program, and holds no stack frame. */
function expectOneLine(stderr: string, pattern: RegExp) {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/^article-tagger: /);
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).not.toMatch(/\bat .*\.js:\d+/);
  expect(stderr).toMatch(pattern);
}

// A fresh process loads the core: seconds on a loaded machine, hence the long timeouts (no timed assertions).
describe('article-tagger CLI', { timeout: 120_000 }, () => {
  it('tags a file and prints schema-valid JSON, compact when stdout is not a terminal', () => {
    const r = run([file, '--published-at', '2024-03-04']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    const tags = ArticleTagsSchema.parse(JSON.parse(r.stdout));
    expect(tags.publishedAt).toBe('2024-03-04');
    expect(tags.zones.at(-1)?.end).toBe(ARTICLE.length);
  });

  it('accepts the tag subcommand, --pretty, and every documented option', () => {
    const r = run([
      'tag',
      file,
      '--pretty',
      '--keep-chrome',
      '--max-length',
      '5000',
      '--include',
      'people, places',
      '--date-order',
      'DMY',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').length).toBeGreaterThan(10);
    expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
  });

  it('reads standard input for -, stripping a BOM', () => {
    const r = run(['-', '--compact'], Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE)]));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).zones.at(-1).end).toBe(ARTICLE.length);
  });

  it('prints --version from the package and --help', () => {
    const v = run(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout).toBe(`${pkg.version}\n`);
    const h = run(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/^Usage: article-tagger \[tag\] FILE\|-/);
    expect(h.stdout).toMatch(/--published-at/);
  });

  it.each([
    [['missing-file.txt'], /file not found: missing-file\.txt/],
    [['DIR'], /is a directory/],
    [['LATIN1'], /not UTF-8 text/],
    [['BINARY'], /not UTF-8 text/],
    [['FILE', '--max-length', '20'], /too large for maxLength 20/],
    [['FILE', '--max-length', '100'], /over the maxLength of 100/],
    [['FILE', '--max-length', 'ten'], /--max-length: expected a positive whole number/],
    [['FILE', '--max-length', '0'], /--max-length/],
    [['FILE', '--published-at', '2024-02-30'], /--published-at: expected a YYYY-MM-DD/],
    [['FILE', '--date-order', 'YMD'], /--date-order: expected MDY, DMY or auto/],
    [['FILE', '--include', 'people,weather'], /--include: unknown stage 'weather'/],
  ])('exits 1 with one line on stderr for bad input: %j', (args, pattern) => {
    const latin1 = join(dir, 'latin1.txt');
    writeFileSync(latin1, Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    const binary = join(dir, 'binary.bin');
    writeFileSync(binary, Buffer.from([0x68, 0x00, 0x69, 0x00]));
    const real = args.map((a) => ({ DIR: dir, LATIN1: latin1, BINARY: binary, FILE: file })[a] ?? a);
    const r = run(real);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expectOneLine(r.stderr, pattern);
  });

  it('names every bad option, one line each', () => {
    const r = run([file, '--published-at', '2023-13-45', '--date-order', 'XYZ', '--include', 'people,weather']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      "article-tagger: --published-at: expected a YYYY-MM-DD calendar date, got '2023-13-45'",
      "article-tagger: --date-order: expected MDY, DMY or auto, got 'XYZ'",
      expect.stringMatching(/^article-tagger: --include: unknown stage 'weather'/),
    ]);
  });

  it.each([
    [[], /missing FILE/],
    [['tag'], /missing FILE/],
    [['--frobnicate', 'x.txt'], /Unknown option '--frobnicate'/],
    [['a.txt', 'b.txt'], /expected one FILE/],
    [['FILE', '--max-length'], /argument missing/],
    [['FILE', '--pretty', '--compact'], /cannot be used together/],
    [['--compact', 'batch', 'x.jsonl'], /'batch' must come first/],
    [['batch', 'x.jsonl'], /batch: missing -o OUTPUT/],
    [['batch', 'x.jsonl', '-o', 'a.jsonl', '--out-dir', 'd'], /cannot be used together/],
    [['batch', 'x.jsonl', '-o', 'a.jsonl', '--frobnicate'], /Unknown option '--frobnicate'/],
  ])('exits 2 for usage errors: %j', (args, pattern) => {
    const r = run(args.map((a) => (a === 'FILE' ? file : a)));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectOneLine(r.stderr, pattern);
  });

  it('prints a stack trace only with --debug', () => {
    const r = run(['missing-file.txt', '--debug']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});

// `article-tagger batch`, run as a user would (node dist/cli.js batch ...; `npm test` builds first via pretest).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ArticleTagsSchema } from '../src/schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'at-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Fixture texts written for these tests.
const TEXTS = [
  'Harbour workers in Rivertown voted on Tuesday to end a two-week strike, union leader Mara Quill said.',
  'The city council of Eastbrook approved a new budget for its libraries on Friday.',
  'Mayor Tomas Brandt opened the bridge in Leeds on March 3, 2024.',
];

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [cli, 'batch', ...args], {
    input: input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const readJsonl = (p: string) =>
  readFileSync(p, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

function write(name: string, lines: string[]): string {
  const p = join(dir, name);
  writeFileSync(p, `${lines.join('\n')}\n`);
  return p;
}

// Each run starts a process and worker threads that load the core: slow on a loaded machine, hence the timeouts.
const SLOW = { timeout: 120_000 };

describe('article-tagger batch', () => {
  // Line numbers: 1 good, 2 bad JSON, 3 good (repeated id), 4 blank, 5 no text, 6 text not a string, 7 too long,
  // 8 good (custom date), 9 a JSON array, 10 good without id, 11 bad date (the tagger throws).
  const LINES = [
    JSON.stringify({ id: 'x', text: TEXTS[0], publishedAt: '2024-03-05T09:00:00Z', section: 'ports' }),
    '{"id": "broken", "text": ',
    JSON.stringify({ id: 'x', text: TEXTS[1] }),
    '',
    JSON.stringify({ id: 'nt' }),
    JSON.stringify({ id: 'num', text: 42 }),
    JSON.stringify({ id: 'long', text: `${TEXTS[2]} `.repeat(20) }),
    JSON.stringify({ id: 'd', text: TEXTS[2], publishedAt: '2024-03-01' }),
    '[1, 2]',
    JSON.stringify({ text: TEXTS[1] }),
    JSON.stringify({ id: 'bad-date', text: TEXTS[0], publishedAt: '2023-02-30' }),
  ];

  it(
    'writes one line per good record in input order, with its fields, _line and tags; bad ones to the error file',
    SLOW,
    () => {
      const input = write('mixed.jsonl', LINES);
      const out = join(dir, 'mixed.out.jsonl');
      const r = run([input, '-o', out, '--max-length', '500', '--concurrency', '1', '--quiet']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(3);
      const rows = readJsonl(out);
      expect(rows.map((x) => x._line)).toEqual([1, 3, 8, 10]);
      expect(rows.map((x) => x.id)).toEqual(['x', 'x', 'd', undefined]); // a repeated id is kept, in order
      expect(rows[0]!.section).toBe('ports');
      expect(rows[0]!.text).toBe(TEXTS[0]);
      for (const row of rows) ArticleTagsSchema.parse(row.tags);
      expect((rows[0]!.tags as { publishedAt: string }).publishedAt).toBe('2024-03-05'); // ISO timestamp -> its day
      expect((rows[2]!.tags as { publishedAt: string }).publishedAt).toBe('2024-03-01');
      const errs = readJsonl(`${out}.errors.jsonl`);
      expect(errs.map((e) => [e.line, e.code])).toEqual([
        [2, 'ERR_INVALID_JSON'],
        [5, 'ERR_MISSING_TEXT'],
        [6, 'ERR_MISSING_TEXT'],
        [7, 'ERR_ARTICLE_TOO_LARGE'],
        [9, 'ERR_INVALID_RECORD'],
        [11, 'ERR_INVALID_OPTIONS'],
      ]);
      expect(errs.every((e) => typeof e.reason === 'string' && e.reason.length > 0)).toBe(true);
      expect(errs.find((e) => e.line === 5)?.id).toBe('nt');
    },
  );

  it('renames fields, drops passthrough, reads stdin, and exits 0 when every record is tagged', SLOW, () => {
    const input = [
      JSON.stringify({ key: 'k1', body: TEXTS[0], when: '2024-01-02', extra: true }),
      JSON.stringify({ key: 'k2', body: TEXTS[1] }),
    ].join('\n');
    const out = join(dir, 'fields.out.jsonl');
    const r = run(
      [
        '-',
        '-o',
        out,
        '--text-field',
        'body',
        '--id-field',
        'key',
        '--date-field',
        'when',
        '--no-passthrough',
        '--concurrency',
        '1',
      ],
      input,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/2 tagged, 0 errors/);
    const rows = readJsonl(out);
    expect(rows.map((x) => Object.keys(x))).toEqual([
      ['_line', 'id', 'tags'],
      ['_line', 'id', 'tags'],
    ]);
    expect(rows.map((x) => x.id)).toEqual(['k1', 'k2']);
    expect((rows[0]!.tags as { publishedAt: string }).publishedAt).toBe('2024-01-02');
    expect(readFileSync(`${out}.errors.jsonl`, 'utf8')).toBe('');
  });

  it(
    'tags a directory of .txt/.md files into --out-dir, one JSON per file, and --unordered keeps every record',
    SLOW,
    () => {
      const src = join(dir, 'articles');
      mkdirSync(join(src, 'sub'), { recursive: true });
      writeFileSync(join(src, 'a.txt'), TEXTS[0]!);
      writeFileSync(join(src, 'sub', 'b.md'), TEXTS[1]!);
      writeFileSync(join(src, 'skip.json'), '{}');
      writeFileSync(join(src, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
      const outDir = join(dir, 'articles-out');
      const r = run([src, '--out-dir', outDir, '--unordered', '--quiet', '--concurrency', '1']);
      expect(r.code).toBe(3);
      expect(readdirSync(outDir).sort()).toEqual(['a.txt.json', 'errors.jsonl', 'sub_b.md.json']);
      const a = JSON.parse(readFileSync(join(outDir, 'a.txt.json'), 'utf8'));
      expect(a._file).toBe('a.txt');
      ArticleTagsSchema.parse(a.tags);
      expect(readJsonl(join(outDir, 'errors.jsonl'))).toMatchObject([
        { file: 'latin1.txt', code: 'ERR_INVALID_INPUT' },
      ]);
      // resume: nothing left to do but the error, which --retry-errors tries again
      const again = run([src, '--out-dir', outDir, '--resume', '--retry-errors', '--concurrency', '1']);
      expect(again.code).toBe(3);
      expect(again.stderr).toMatch(/0 tagged, 1 errors, 2 skipped/);
      expect(readJsonl(join(outDir, 'errors.jsonl'))).toHaveLength(1);
    },
  );

  it('refuses to overwrite results without --resume or --overwrite, and rejects bad usage', SLOW, () => {
    const input = write('one.jsonl', [JSON.stringify({ id: 'a', text: TEXTS[0] })]);
    const out = join(dir, 'one.out.jsonl');
    expect(run([input, '-o', out, '--quiet', '--concurrency', '1']).code).toBe(0);
    const again = run([input, '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already holds results: --resume .* --overwrite/);
    expect(run([input, '-o', out, '--overwrite', '--quiet', '--concurrency', '1']).code).toBe(0);
    expect(readJsonl(out)).toHaveLength(1);
    expect(run([input, '-o', out, '--retry-errors']).code).toBe(2);
    expect(run([join(dir, 'missing.jsonl'), '-o', out]).stderr).toMatch(/file not found/);
    const help = spawnSync(process.execPath, [cli, 'batch', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: article-tagger batch INPUT -o OUTPUT/);
  });

  it('prints plain progress lines when stderr is not a terminal', SLOW, () => {
    const lines = Array.from({ length: 30 }, (_, i) => JSON.stringify({ id: `p${i}`, text: TEXTS[i % 3] }));
    const input = write('progress.jsonl', lines);
    const r = run([input, '-o', join(dir, 'progress.out.jsonl'), '--progress-every', '1', '--concurrency', '1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /article-tagger batch: 30 tagged, 0 errors in [\d.]+ s \([\d.]+ records\/s, 1 thread\)\n$/,
    );
    expect(r.stderr).not.toMatch(/\u001b\[/); // no terminal escapes
  });

  it(
    'survives SIGKILL mid-run: --resume ends with every record exactly once and every bad one in the error file',
    SLOW,
    async () => {
      const n = 1500;
      const bad = new Set([3, 400, 777, 1200, 1499]);
      const lines = Array.from({ length: n }, (_, i) =>
        bad.has(i + 1) ? `{"id": "bad${i + 1}", ` : JSON.stringify({ id: `r${(i + 1) % 700}`, text: TEXTS[i % 3] }),
      );
      const input = write('kill.jsonl', lines);
      const out = join(dir, 'kill.out.jsonl');
      const errFile = join(dir, 'kill.errors.jsonl');
      const args = [cli, 'batch', input, '-o', out, '--errors', errFile, '--concurrency', '2', '--quiet'];

      const child: ChildProcess = spawn(process.execPath, args, { stdio: 'ignore' });
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
        child.on('exit', (code, signal) => res({ code, signal })),
      );
      // Kill as soon as results are being written, in the middle of the run.
      for (let i = 0; i < 2_000 && !(existsSync(out) && statSync(out).size > 20_000); i++) {
        await new Promise((r) => setTimeout(r, 10));
      }
      child.kill('SIGKILL');
      const end = await exited;
      expect(end.signal).toBe('SIGKILL');
      const partial = readFileSync(out, 'utf8').split('\n').filter(Boolean).length;
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(n - bad.size);
      // And a torn last line, as a crash in the middle of a write would leave.
      appendFileSync(out, '{"_line": 99999, "id": "torn", "tags": {"schem');

      const r = run([input, '-o', out, '--errors', errFile, '--resume', '--concurrency', '2']);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/dropped a torn last line/);
      const rows = readJsonl(out); // every line parses: the torn one is gone
      const seen = rows.map((x) => x._line as number);
      expect(new Set(seen).size).toBe(seen.length); // no duplicates
      const expected = Array.from({ length: n }, (_, i) => i + 1).filter((l) => !bad.has(l));
      expect([...seen].sort((a, b) => a - b)).toEqual(expected);
      for (const row of rows) expect(row.id).toBe(`r${(row._line as number) % 700}`);
      const errs = readJsonl(errFile).map((e) => e.line as number);
      expect(new Set(errs).size).toBe(errs.length);
      expect(errs.sort((a, b) => a - b)).toEqual([...bad]);
    },
  );
});

// Static checks of src/ (issue 9). Every regular expression in src/ (literals and RegExp constructor calls, found by
// parsing the TypeScript sources, generated modules included) is checked with recheck for catastrophic backtracking;
// and the core (everything but src/cli*.ts and src/node*) has no `node:` or other Node built-in imports, no
// require/dynamic import, no eval or Function constructor and no network calls.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { check } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (/\.[cm]?ts$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

interface Found {
  where: string; // src/file.ts:line
  source: string;
  flags: string;
}

interface Scan {
  regexes: Found[];
  /** RegExp constructor calls whose pattern is not a literal string: cannot be checked statically. */
  dynamic: string[];
  sf: ts.SourceFile;
}

const LARGE = 200_000;

function scan(file: string): Scan {
  const text = readFileSync(file, 'utf8');
  const rel = relative(ROOT, file);
  const regexes: Found[] = [];
  const dynamic: string[] = [];
  // Generated data modules run to megabytes: parse them only when they may hold a regex at all.
  const mayHold = text.length < LARGE || /RegExp|[=(,:[!&|?{};]\s*\/[^/*\n]/.test(text);
  const sf = ts.createSourceFile(file, mayHold ? text : '', ts.ScriptTarget.Latest, true);
  const where = (n: ts.Node) => `${rel}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const lit = node.getText(sf);
      const close = lit.lastIndexOf('/');
      regexes.push({ where: where(node), source: lit.slice(1, close), flags: lit.slice(close + 1) });
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp'
    ) {
      const [pattern, flags] = node.arguments ?? [];
      const str = (n: ts.Node | undefined) =>
        n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) ? n.text : undefined;
      const source = str(pattern);
      const f = flags === undefined ? '' : str(flags);
      if (source !== undefined && f !== undefined) regexes.push({ where: where(node), source, flags: f });
      else dynamic.push(`${where(node)}: ${node.getText(sf).slice(0, 120)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { regexes, dynamic, sf };
}

const FILES = tsFiles(SRC);
const SCANS = new Map(FILES.map((f) => [f, scan(f)]));
const ALL = [...SCANS.values()].flatMap((s) => s.regexes);

/**
 * Regexes recheck answers `unknown` for, each with the reason it is nevertheless linear. Keyed by `/source/flags`.
 * Empty today: every regex in src/ is answered `safe`.
 */
const UNKNOWN_OK: Record<string, string> = {};

/**
 * RegExp constructor calls with a computed pattern, each with the reason it is linear. Empty today: src/ builds no
 * regex at run time.
 */
const DYNAMIC_OK: Record<string, string> = {};

describe('ReDoS: every regular expression in src/ is linear-time (recheck)', () => {
  it('finds the regexes (the scan is not vacuous)', () => {
    expect(FILES.length).toBeGreaterThan(50);
    expect(ALL.length).toBeGreaterThan(50);
    // Sanity of the scanner: a known literal of src/options.ts is found with its flags.
    expect(ALL.some((r) => r.where.startsWith('src/options.ts') && r.source === '^\\d{4}-\\d{2}-\\d{2}$')).toBe(true);
  });

  it('builds no regex from a computed pattern without a recorded reason', () => {
    const dynamic = [...SCANS.values()].flatMap((s) => s.dynamic);
    expect(dynamic.filter((d) => !((d.split(': ')[0] as string) in DYNAMIC_OK))).toEqual([]);
  });

  // One check per distinct (source, flags); the report names every place it occurs.
  const distinct = new Map<string, Found[]>();
  for (const r of ALL) {
    const key = `/${r.source}/${r.flags}`;
    distinct.set(key, [...(distinct.get(key) ?? []), r]);
  }

  it('recheck finds no vulnerable regex, and every unknown has a recorded reason', async () => {
    const vulnerable: string[] = [];
    const unknown: string[] = [];
    // recheck's native agent checks requests in parallel: send them all at once.
    const results = await Promise.all(
      [...distinct.values()].map((places) => {
        const first = places[0] as Found;
        return check(first.source, first.flags, { randomSeed: Number(process.env.RECHECK_SEED ?? 1), timeout: 30_000 });
      }),
    );
    for (const [i, [key, places]] of [...distinct].entries()) {
      const r = results[i] as Awaited<ReturnType<typeof check>>;
      const at = places.map((p) => p.where).join(', ');
      if (r.status === 'vulnerable') {
        vulnerable.push(`${key} at ${at}: ${r.complexity.type}, attack ${JSON.stringify(r.attack.pattern)}`);
      } else if (r.status === 'unknown' && !(key in UNKNOWN_OK)) {
        unknown.push(`${key} at ${at}: ${r.error.kind}`);
      }
    }
    expect(vulnerable).toEqual([]);
    expect(unknown).toEqual([]);
  }, 300_000);
});

describe('regex literals are ASCII', () => {
  // esbuild escapes non-ASCII characters in strings but leaves them raw in regex literals; one character above U+00FF
  // makes the whole bundle two-byte text, which Node decodes to UTF-16 at import and each worker isolate keeps (about
  // 10 MB per isolate, and a slower cold start). Write such characters as \uXXXX escapes.
  it('has no raw non-ASCII character in any regex literal of src/', () => {
    const raw = ALL.filter((r) => /[^\x00-\x7f]/.test(r.source)).map((r) => `${r.where}: /${r.source}/`);
    expect(raw).toEqual([]);
  });
});

const NETWORK = new Set(['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource']);
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** What a core file must not do: Node built-ins, require or dynamic import, eval, Function, network. */
function forbidden(s: Scan): string[] {
  const out: string[] = [];
  const { sf } = s;
  const at = (n: ts.Node) =>
    `${relative(ROOT, sf.fileName)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      const spec = (node.moduleSpecifier as ts.StringLiteral).text;
      if (spec.startsWith('node:') || BUILTINS.has(spec)) out.push(`${at(node)} imports ${spec}`);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword) out.push(`${at(node)} dynamic import()`);
      else if (ts.isIdentifier(callee)) {
        if (callee.text === 'eval') out.push(`${at(node)} eval(`);
        if (callee.text === 'require') out.push(`${at(node)} require(`);
        if (callee.text === 'Function') out.push(`${at(node)} Function(`);
        if (NETWORK.has(callee.text)) out.push(`${at(node)} ${callee.text}(`);
      }
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
      if (node.expression.text === 'Function') out.push(`${at(node)} new Function`);
      if (NETWORK.has(node.expression.text)) out.push(`${at(node)} new ${node.expression.text}`);
    } else if (ts.isIdentifier(node) && (node.text === 'process' || node.text === 'globalThis')) {
      // process.env / globalThis.fetch would reach outside the core: flag the identifier as a value.
      if (!ts.isPropertyAccessExpression(node.parent) || node.parent.expression === node)
        out.push(`${at(node)} ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  if (sf.text.length === 0) {
    // A large generated module skipped by the regex scan: check it textually.
    const text = readFileSync(sf.fileName, 'utf8');
    if (/\bfrom\s+['"]node:|\beval\s*\(|new\s+Function\b|\brequire\s*\(/.test(text.slice(0, 5000))) {
      out.push(`${relative(ROOT, sf.fileName)} (large file) imports or evals`);
    }
  } else visit(sf);
  return out;
}

const isCore = (file: string) => {
  const rel = relative(SRC, file);
  return !/^cli[^/]*\.ts$/.test(rel) && !rel.startsWith('node');
};

describe('the core (src/ except cli*.ts and node*) stays pure', () => {
  it('has core files to check', () => {
    expect(FILES.filter(isCore).length).toBeGreaterThan(40);
    expect(FILES.some((f) => !isCore(f))).toBe(true);
  });

  it('imports no Node built-in, evaluates no code, opens no connection', () => {
    expect(FILES.filter(isCore).flatMap((f) => forbidden(SCANS.get(f) as Scan))).toEqual([]);
  });

  it('has no eval or Function constructor anywhere in src/, Node entries included', () => {
    const evals = FILES.flatMap((f) => forbidden(SCANS.get(f) as Scan)).filter((x) => /eval|Function/.test(x));
    expect(evals).toEqual([]);
  });
});

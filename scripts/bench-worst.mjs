#!/usr/bin/env node
// Worst-case rows of `npm run bench` (issue 9): texts at the size limit (1,000,000 characters), each tagged once
// in a fresh `node` process (so no row warms the JIT or the caches of another), with every stage on and publishedAt
// set. Prints a markdown table: the time of the one tagArticle call (import excluded, shown apart), the peak RSS of
// the child, what it found, and whether it is within the bar of 2 s.
//
//   node scripts/bench-worst.mjs [--lib DIR] [--only NAME] [--size N] [--prof DIR] [--json]
//
// --limit S: stop a child after S seconds (default 120). --lib DIR: a build other than ../dist (for example a scripts/dev-build.sh directory); --prof DIR: run each child
// with `node --cpu-prof --cpu-prof-dir DIR` to find which stage costs a slow row.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BAR_MS = 2000;
const SIZE = 1_000_000;

/** A small deterministic PRNG (mulberry32), so every run tags the same texts. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fill = (size, next) => {
  const parts = [];
  let n = 0;
  while (n < size) {
    const p = next();
    parts.push(p);
    n += p.length;
  }
  return parts.join('').slice(0, size);
};

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const word = (r, cap) => {
  const len = 2 + Math.floor(r() * 8);
  let w = cap ? UPPER[Math.floor(r() * 26)] : LOWER[Math.floor(r() * 26)];
  for (let i = 1; i < len; i++) w += LOWER[Math.floor(r() * 26)];
  return w;
};
const QUOTES = ['"', "'", '“', '”', '‘', '’', '«', '»', '‹', '›', '„', '‚', '「', '」', '``', "''"];
const VERBS = ['said', 'told', 'added', 'says', 'according to', 'asked', 'warned'];

/** The worst-case texts, by name. */
export const ROWS = {
  'one quote mark (")': (size) => '"'.repeat(size),
  'one curly quote mark (“)': (size) => '“'.repeat(size),
  '"A. A. A."': (size) => fill(size, () => 'A. '),
  'capitalised words': (size) => {
    const r = rng(1);
    return fill(size, () => `${word(r, true)} `);
  },
  'no spaces at all': (size) => {
    const r = rng(2);
    const chars = `${LOWER}${UPPER}.,;:'"“”-0123456789`;
    return fill(size, () => chars[Math.floor(r() * chars.length)]);
  },
  'alternating quote styles': (size) => fill(size, () => '"“\'‘«„‹「”’»'),
  'random quote marks and words': (size) => {
    const r = rng(3);
    return fill(size, () => {
      const x = r();
      if (x < 0.25) return `${QUOTES[Math.floor(r() * QUOTES.length)]}`;
      if (x < 0.35) return ` ${VERBS[Math.floor(r() * VERBS.length)]} `;
      if (x < 0.4) return '. ';
      if (x < 0.42) return '\n\n';
      return `${word(r, r() < 0.4)} `;
    });
  },
  // One paragraph of short attributed quotes with no sentence end: every quote looks back over the ones before it
  // (titles and terms in marks); found quadratic on 2026-11-26 (25 s at 50,000 characters), now capped.
  'quotes between dashes, one sentence': (size) =>
    fill(size, () => 'he said \u201cyes\u201d \u2014 and she said \u201cno\u201d \u2014 and '),
  'whitespace runs (spaces, tabs, newlines)': (size) =>
    fill(size, () => `${' '.repeat(5000)}\t\t\n${' '.repeat(3000)}x.`),
};

async function child(name, lib, size) {
  const make = ROWS[name];
  if (!make) throw new Error(`unknown row ${name}`);
  const text = make(size);
  const t0 = performance.now();
  const { tagArticle } = await import(pathToFileURL(join(lib, 'dist', 'index.js')).href);
  const importMs = performance.now() - t0;
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  const out = tagArticle(text, { publishedAt: '2023-08-11' });
  const ms = performance.now() - t1;
  const c2 = process.cpuUsage(c1);
  const cpuMs = (c2.user + c2.system) / 1000;
  const found = {
    people: out.people.length,
    organizations: out.organizations.length,
    places: out.places.length,
    dates: out.dates.length,
    quotes: out.quotes.length,
    topics: out.topics.length,
    zones: out.zones.length,
    warnings: [...new Set(out.warnings.map((w) => w.code))],
  };
  const rssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ name, length: text.length, ms, cpuMs, importMs, rssMb, found })}\n`);
}

function runChild(name, lib, size, prof, limitS) {
  const args = [
    ...(prof ? ['--cpu-prof', '--cpu-prof-dir', prof] : []),
    fileURLToPath(import.meta.url),
    '--child',
    name,
    '--lib',
    lib,
    '--size',
    String(size),
  ];
  return new Promise((resolveRun) => {
    const p = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    // A row that runs away is stopped (and reported as over the limit) so the other rows still run.
    const timer = setTimeout(() => {
      err += `stopped after ${limitS} s`;
      p.kill('SIGKILL');
    }, limitS * 1000);
    p.stdout.on('data', (d) => {
      out += d;
    });
    p.stderr.on('data', (d) => {
      err += d;
    });
    p.on('close', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop();
      try {
        resolveRun(JSON.parse(line ?? ''));
      } catch {
        resolveRun({ name, error: `exit ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}` });
      }
    });
  });
}

const { values } = parseArgs({
  options: {
    child: { type: 'string' },
    lib: { type: 'string', default: root },
    only: { type: 'string' },
    size: { type: 'string', default: String(SIZE) },
    prof: { type: 'string' },
    json: { type: 'boolean', default: false },
    limit: { type: 'string', default: '120' },
  },
});
const lib = resolve(values.lib);
const size = Number(values.size);

if (values.child) {
  await child(values.child, lib, size);
} else {
  if (!existsSync(join(lib, 'dist', 'index.js'))) {
    console.error(`bench-worst: ${join(lib, 'dist', 'index.js')} is missing: run npm run build first`);
    process.exit(1);
  }
  const names = Object.keys(ROWS).filter((n) => !values.only || n.includes(values.only));
  const results = [];
  for (const name of names) {
    process.stderr.write(`bench-worst: ${name}\n`);
    results.push(await runChild(name, lib, size, values.prof, Number(values.limit)));
  }
  if (values.json) {
    console.log(JSON.stringify(results, null, 2));
  } else {
    console.log(
      `\n### Worst-case texts of ${size.toLocaleString('en-US')} characters, one fresh process each (bar ≤ ${BAR_MS / 1000} s)\n`,
    );
    console.log('| text | tagArticle (wall) | CPU | ≤ 2 s | import | peak RSS | found |');
    console.log('|---|---:|---:|:-:|---:|---:|---|');
    for (const r of results) {
      if (r.error) {
        console.log(`| ${r.name} | error | | ✗ | | | ${r.error.replace(/\|/g, '\\|')} |`);
        continue;
      }
      const f = r.found;
      const found = `${f.people} people, ${f.organizations} orgs, ${f.places} places, ${f.dates} dates, ${f.quotes} quotes, ${f.topics} topics, ${f.zones} zones${f.warnings.length ? `; warnings ${f.warnings.join(', ')}` : ''}`;
      console.log(
        `| ${r.name.replace(/\|/g, '\\|')} | ${(r.ms / 1000).toFixed(2)} s | ${(r.cpuMs / 1000).toFixed(2)} s | ${r.ms <= BAR_MS ? '✓' : '✗'} | ${(r.importMs / 1000).toFixed(2)} s | ${r.rssMb.toFixed(0)} MB | ${found} |`,
      );
    }
    const over = results.filter((r) => r.error || r.ms > BAR_MS);
    console.log(
      `\n${over.length === 0 ? 'All rows within the bar.' : `${over.length} row(s) over the bar or failed.`}`,
    );
  }
}

/**
 * Compiles data/topics/*.tsv (the human-edited topic taxonomy) into src/data/topics.generated.ts, linting it on the
 * way: columns, sorted unique ids, IPTC codes (checked against ../shared/datasets/iptc-mediatopics.json when present:
 * known, not retired, under the file's top-level subject), duplicate triggers, malformed trigger syntax, and negatives
 * that would cancel every match of a trigger (a one-word negative with the same stem: write it "=word").
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stem } from '../../src/nlp/natural.js';
import { parseTerm, termKey } from '../../src/stages/topics/syntax.js';
import { compileRows, serializeTrie } from '../../src/stages/topics/taxonomy.js';
import type { TopicRow } from '../../src/stages/topics/types.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = join(root, 'data/topics');
const out = join(root, 'src/data/topics.generated.ts');
const IPTC_JSON = join(root, '../shared/datasets/iptc-mediatopics.json');

interface Concept {
  prefLabel: string;
  broader?: string[];
  retired?: boolean;
}

export function readTaxonomy(): { rows: TopicRow[]; errors: string[] } {
  const errors: string[] = [];
  const rows: TopicRow[] = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .sort((a, b) => (a === 'top-level.tsv' ? -1 : b === 'top-level.tsv' ? 1 : a.localeCompare(b)));
  if (files[0] !== 'top-level.tsv') errors.push('data/topics/top-level.tsv is missing');
  for (const file of files) {
    const parent = file === 'top-level.tsv' ? null : `iptc-${file.replace(/\.tsv$/, '')}`;
    let prevId = '';
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((line, n) => {
        const at = `${file}:${n + 1}`;
        if (!line.trim() || line.startsWith('#')) return;
        if (line !== line.trimEnd() || line !== line.trimStart()) errors.push(`${at}: stray whitespace at an end`);
        const cols = line.trim().split('\t');
        if (cols.length < 5 || cols.length > 6) {
          errors.push(`${at}: ${cols.length} columns, expected 5 or 6`);
          return;
        }
        const [id, iptc, weight, label, triggers, negatives = ''] = cols as [
          string,
          string,
          string,
          string,
          string,
          string?,
        ];
        if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) errors.push(`${at}: bad id "${id}"`);
        if (id <= prevId) errors.push(`${at}: "${id}" is not in sorted order (after "${prevId}")`);
        prevId = id;
        if (!/^medtop:\d{8}$/.test(iptc) && iptc !== '-') errors.push(`${at}: bad IPTC code "${iptc}"`);
        const w = Number(weight);
        if (!(w > 0 && w <= 10)) errors.push(`${at}: bad weight "${weight}"`);
        const list = (s: string) =>
          s
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean);
        const row: TopicRow = {
          id,
          parent,
          iptc: iptc === '-' ? null : iptc,
          weight: w,
          label: label.trim(),
          triggers: list(triggers),
          negatives: list(negatives),
        };
        if (!row.label) errors.push(`${at}: empty label`);
        if (!row.triggers.length && parent) errors.push(`${at}: no triggers`);
        const seen = new Set<string>();
        const oneWordStems = new Set<string>();
        for (const t of row.triggers) {
          const r = parseTerm(t, stem);
          if (typeof r === 'string') {
            errors.push(`${at}: trigger "${t}" ${r}`);
            continue;
          }
          const key = `${r.term.exact ? '=' : ''}${r.units.map((u) => (r.term.exact ? u.text : u.stem)).join(' ')}`;
          if (seen.has(key)) errors.push(`${at}: trigger "${t}" repeats another trigger of "${id}" (${key})`);
          seen.add(key);
          if (r.units.length === 1 && !r.term.exact) oneWordStems.add(r.units[0]!.stem);
        }
        for (const t of row.negatives) {
          const r = parseTerm(t, stem);
          if (typeof r === 'string') {
            errors.push(`${at}: negative "${t}" ${r}`);
            continue;
          }
          if (r.term.weight !== 1) errors.push(`${at}: negative "${t}" has a weight`);
          if (r.units.length === 1 && !r.term.exact && oneWordStems.has(r.units[0]!.stem)) {
            errors.push(`${at}: negative "${t}" has the stem of a trigger and would cancel every match: write "=${t}"`);
          }
        }
        rows.push(row);
      });
  }
  const ids = new Set<string>();
  for (const r of rows) {
    if (ids.has(r.id)) errors.push(`duplicate id "${r.id}"`);
    ids.add(r.id);
    if (r.parent && !ids.has(r.parent)) errors.push(`"${r.id}": no top-level entry "${r.parent}" in top-level.tsv`);
  }
  return { rows, errors };
}

/** A single-quoted JS string literal of `s` (JSON text has few quotes of that kind, so few escapes to slow the scan). */
function jsString(s: string): string {
  return `'${s.replace(/[\\'\n\r\u2028\u2029]/g, (c) => (c === '\\' || c === "'" ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))}'`;
}

export default async function build(): Promise<string> {
  const { rows, errors } = readTaxonomy();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const concepts: Record<string, Concept> | null = existsSync(IPTC_JSON)
    ? (JSON.parse(readFileSync(IPTC_JSON, 'utf8')) as { concepts: Record<string, Concept> }).concepts
    : null;
  const topOf = (code: string): string => {
    let x = code;
    for (let k = 0; k < 10; k++) {
      const b = concepts?.[x]?.broader?.[0];
      if (!b) break;
      x = b;
    }
    return x;
  };
  const iptcTop: Record<string, string> = {};
  const iptcLabel: Record<string, string> = {};
  for (const r of rows) {
    if (!r.iptc) continue;
    const parentCode = r.parent ? byId.get(r.parent)?.iptc : null;
    if (concepts) {
      const c = concepts[r.iptc];
      if (!c) errors.push(`"${r.id}": unknown IPTC code ${r.iptc}`);
      else if (c.retired) errors.push(`"${r.id}": IPTC code ${r.iptc} is retired`);
      else {
        iptcLabel[r.iptc] = c.prefLabel;
        if (parentCode && topOf(r.iptc) !== parentCode)
          errors.push(`"${r.id}": ${r.iptc} (${c.prefLabel}) is not under ${parentCode} but under ${topOf(r.iptc)}`);
      }
    }
    iptcTop[r.iptc] = parentCode ?? r.iptc;
  }
  if (errors.length) throw new Error(`data/topics has ${errors.length} problem(s):\n${errors.join('\n')}`);
  for (const r of rows) {
    const key = (t: string) => {
      const p = parseTerm(t, stem);
      if (typeof p === 'string') throw new Error(`${r.id}: ${t} ${p}`);
      return termKey(p.units, p.term);
    };
    r.keys = r.triggers.map(key);
    r.negKeys = r.negatives.map(key);
  }
  const codes = Object.keys(iptcTop).sort();
  const body = [
    '// Generated by scripts/data/topics.ts from data/topics/*.tsv (`npm run data`): do not edit by hand.',
    '// IPTC Media Topics codes and labels: © IPTC (International Press Telecommunications Council), CC BY 4.0,',
    '// https://iptc.org/standards/media-topics/ . Topic labels and triggers are our own (MIT).',
    "import type { TopicRow } from '../stages/topics/types.js';",
    '',
    // JSON.parse of a string literal: V8 scans a string and parses JSON faster than it compiles an object literal.
    `/** The built-in taxonomy: ${rows.length} entries. */`,
    `export const TOPIC_ROWS: readonly TopicRow[] = JSON.parse(${jsString(JSON.stringify(rows))});`,
    '',
    '/** The built-in taxonomy compiled (src/stages/topics/taxonomy.ts serializeTrie), so it loads without parsing terms. */',
    `export const TOPIC_COMPILED: unknown = JSON.parse(${jsString(JSON.stringify(serializeTrie(compileRows(rows))))});`,
    '',
    '/** The IPTC top-level subject of every code the taxonomy uses. */',
    `export const IPTC_TOP: Readonly<Record<string, string>> = {\n${codes.map((c) => `  '${c}': '${iptcTop[c]}',`).join('\n')}\n};`,
    '',
    '/** The IPTC preferred label of every code the taxonomy uses (reference only; our labels are in TOPIC_ROWS). */',
    `export const IPTC_LABELS: Readonly<Record<string, string>> = {\n${codes.map((c) => `  '${c}': ${JSON.stringify(iptcLabel[c] ?? '')},`).join('\n')}\n};`,
    '',
  ].join('\n');
  writeFileSync(out, body);
  const triggers = rows.reduce((n, r) => n + r.triggers.length, 0);
  return `${rows.length} topics (${rows.filter((r) => !r.parent).length} top-level), ${triggers} triggers, ${codes.length} IPTC codes`;
}

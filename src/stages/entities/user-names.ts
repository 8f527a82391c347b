/** Extractor: the user's own people and organizations (`createTagger({ people, organizations })`), with aliases. */
import type { ResolvedConfig } from '../../config.js';
import type { Context } from '../../pipeline/types.js';
import type { OrganizationKind } from '../../schema.js';
import type { Token } from '../../text/types.js';
import { type Candidate, candidate } from './candidate.js';

interface UserEntry {
  type: 'PER' | 'ORG';
  name: string;
  kind?: OrganizationKind;
  titles: string[];
  nationality: string | null;
}
interface UserIndex {
  bySurface: Map<string, UserEntry>;
  maxTokens: number;
}

const cache = new WeakMap<ResolvedConfig, UserIndex>();
const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Compiled once per config object. */
export function userIndex(config: ResolvedConfig): UserIndex {
  let idx = cache.get(config);
  if (idx) return idx;
  const bySurface = new Map<string, UserEntry>();
  let maxTokens = 0;
  const add = (surface: string, e: UserEntry) => {
    const k = norm(surface);
    if (!k || bySurface.has(k)) return;
    bySurface.set(k, e);
    maxTokens = Math.max(maxTokens, k.split(/[\s'\u2019.-]+/).length + 2);
  };
  for (const p of config.people) {
    const e: UserEntry = { type: 'PER', name: p.name, titles: p.titles ?? [], nationality: p.nationality ?? null };
    for (const n of [p.name, ...(p.aliases ?? [])]) add(n, e);
  }
  for (const o of config.organizations) {
    const e: UserEntry = { type: 'ORG', name: o.name, kind: o.kind ?? 'other', titles: [], nationality: null };
    for (const n of [o.name, ...(o.aliases ?? [])]) add(n, e);
  }
  idx = { bySurface, maxTokens };
  cache.set(config, idx);
  return idx;
}

export function userNames(ctx: Context): Candidate[] {
  const idx = userIndex(ctx.config);
  if (!idx.bySurface.size) return [];
  const out: Candidate[] = [];
  const toks = ctx.doc.tokens;
  const text = ctx.doc.text;
  for (let i = 0; i < toks.length; i++) {
    const first = toks[i] as Token;
    if (first.kind === 'punct') continue;
    for (let n = Math.min(idx.maxTokens, toks.length - i); n >= 1; n--) {
      const last = toks[i + n - 1] as Token;
      if (last.kind === 'punct' || last.sentence !== first.sentence) continue;
      const e = idx.bySurface.get(norm(text.slice(first.start, last.end)));
      if (!e) continue;
      const c = candidate(ctx, i, i + n, 'user');
      c.type = e.type;
      c.rule = 'user-list';
      c.canonical = e.name;
      c.titles = e.titles.slice();
      c.nationality = e.nationality;
      if (e.kind) c.orgKind = e.kind;
      out.push(c);
      i += n - 1;
      break;
    }
  }
  return out;
}

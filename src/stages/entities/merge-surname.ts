/**
 * Refiner: links every later short mention ("Korolev", "Korolev" of "Korolev's", "KOROLEV" in a headline) to the
 * full person ("Ivan Korolev"); full names with the same last and first words are one person.
 */
import type { Context } from '../../pipeline/types.js';
import type { Token } from '../../text/types.js';
import type { Candidate } from './candidate.js';

const key = (s: string) => s.normalize('NFC').toLowerCase();

function nameWords(ctx: Context, c: Candidate): string[] {
  const out: string[] = [];
  for (let i = c.t0; i < c.t1; i++) {
    const t = ctx.doc.tokens[i] as Token;
    if (t.kind === 'word' && t.cap) out.push(key(t.text));
  }
  return out;
}

export function mergeSurname(ctx: Context, items: Candidate[]): Candidate[] {
  // Full names, fullest first: they define the people.
  const full = items.filter((c) => c.type === 'PER' && nameWords(ctx, c).length >= 2);
  full.sort((a, b) => b.end - b.start - (a.end - a.start));
  const byLast = new Map<string, Set<string>>();
  const byFirst = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, v: string) => {
    const s = m.get(k);
    if (s) s.add(v);
    else m.set(k, new Set([v]));
  };
  for (const c of full) {
    const w = nameWords(ctx, c);
    const first = w[0] as string;
    const last = w[w.length - 1] as string;
    // "Ivan Korolev" and "Ivan Petrovich Korolev": the longer one already registered owns the pair.
    const owner = [...(byLast.get(last) ?? [])].find((k) => k.startsWith(`${first} `));
    c.entityKey = c.canonical ? key(c.canonical) : (owner ?? w.join(' '));
    add(byLast, last, c.entityKey);
    add(byFirst, first, c.entityKey);
  }
  for (const c of items) {
    if (c.entityKey || c.source === 'user') continue;
    if (c.type && c.type !== 'PER' && c.rule !== 'prep-place' && c.rule !== 'gazetteer') continue;
    const w = nameWords(ctx, c);
    if (w.length !== 1) {
      if (c.type === 'PER') c.entityKey = w.join(' ') || key(c.text);
      continue;
    }
    const k = w[0] as string;
    const owners = byLast.get(k) ?? (c.type === 'PER' || !c.type ? byFirst.get(k) : undefined);
    if (owners && owners.size === 1) {
      if (c.type === 'LOC' && !byLast.has(k)) continue;
      c.type = 'PER';
      c.rule = c.rule ? `${c.rule}+merge-surname` : 'merge-surname';
      c.entityKey = [...owners][0] as string;
    } else if (c.type === 'PER') {
      c.entityKey = k;
    }
  }
  return items;
}

/**
 * Refiner: links every later short mention ("Korolev", "Korolev" of "Korolev's", "KOROLEV" in a headline) to the
 * full person ("Ivan Korolev"); full names with the same last and first words are one person.
 */
import type { Context } from '../../pipeline/types.js';
import type { Token } from '../../text/types.js';
import type { Candidate } from './candidate.js';

const key = (s: string) => s.normalize('NFC').toLowerCase();

/** `key(t.text)`: the token's own lower case when the word is ASCII (NFC changes nothing there). */
function wordKey(t: Token): string {
  const s = t.text;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return key(s);
  return t.lower;
}

const NONE: readonly string[] = [];

/** The capitalised words of the candidate, as keys. */
function nameWords(ctx: Context, c: Candidate): readonly string[] {
  const toks = ctx.doc.tokens;
  let out: string[] | null = null;
  for (let i = c.t0; i < c.t1; i++) {
    const t = toks[i] as Token;
    if (t.kind !== 'word' || !t.cap) continue;
    if (out) out.push(wordKey(t));
    else out = [wordKey(t)];
  }
  return out ?? NONE;
}

function add(m: Map<string, Set<string>>, k: string, v: string): void {
  const s = m.get(k);
  if (s) s.add(v);
  else m.set(k, new Set([v]));
}

export function mergeSurname(ctx: Context, items: Candidate[]): Candidate[] {
  // Name words once per person candidate (reused by both passes), by position in `items`.
  const words: (readonly string[] | undefined)[] = new Array(items.length);
  // Full names, fullest first: they define the people.
  const full: number[] = [];
  let people = 0;
  for (let i = 0; i < items.length; i++) {
    const c = items[i] as Candidate;
    if (c.type !== 'PER') continue;
    const w = nameWords(ctx, c);
    words[i] = w;
    people++;
    if (w.length >= 2) full.push(i);
  }
  // No person at all: nothing to link or key (other mentions only become people through a full name).
  if (!people) return items;
  full.sort((a, b) => {
    const x = items[a] as Candidate;
    const y = items[b] as Candidate;
    return y.end - y.start - (x.end - x.start) || a - b;
  });
  const byLast = new Map<string, Set<string>>();
  const byFirst = new Map<string, Set<string>>();
  for (const i of full) {
    const c = items[i] as Candidate;
    const w = words[i] as readonly string[];
    const first = w[0] as string;
    const last = w[w.length - 1] as string;
    // "Ivan Korolev" and "Ivan Petrovich Korolev": the longer one already registered owns the pair.
    let owner: string | undefined;
    const sameLast = byLast.get(last);
    if (sameLast) {
      const prefix = `${first} `;
      for (const k of sameLast) {
        if (k.startsWith(prefix)) {
          owner = k;
          break;
        }
      }
    }
    c.entityKey = c.canonical ? key(c.canonical) : (owner ?? w.join(' '));
    add(byLast, last, c.entityKey);
    add(byFirst, first, c.entityKey);
  }
  for (let i = 0; i < items.length; i++) {
    const c = items[i] as Candidate;
    if (c.entityKey || c.source === 'user') continue;
    if (c.type && c.type !== 'PER' && c.rule !== 'prep-place' && c.rule !== 'gazetteer') continue;
    const w = words[i] ?? nameWords(ctx, c);
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
      c.entityKey = owners.values().next().value as string;
    } else if (c.type === 'PER') {
      c.entityKey = k;
    }
  }
  return items;
}

import { z } from 'zod';
import { IPTC_TOP, TOPIC_COMPILED, TOPIC_ROWS } from '../../data/topics.generated.js';
import { stem } from '../../nlp/natural.js';
import { type ParsedTerm, parseTerm, termFromKey } from './syntax.js';
import type { TopicRow } from './types.js';

export const DEFAULT_THRESHOLD = 0.2;

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "drone-strikes"')
  .max(80);
const label = z.string().trim().min(1).max(200);
const term = z
  .string()
  .max(200)
  .superRefine((s, ctx) => {
    const r = parseTerm(s, (w) => w);
    if (typeof r === 'string') ctx.addIssue({ code: 'custom', message: `trigger "${s}" ${r}` });
  });

/** A taxonomy entry supplied by the user (see README "Topics"). */
export const TopicEntrySchema = z.strictObject({
  id: slug,
  label,
  /** The nearest IPTC Media Topic, "medtop:" and 8 digits. */
  iptc: z
    .string()
    .regex(/^medtop:\d{8}$/, 'must be an IPTC Media Topic code such as "medtop:20000645"')
    .nullable()
    .optional(),
  /** The entry this one sits under, e.g. "iptc-politics"; default: the IPTC top-level of `iptc` when known. */
  parent: slug.nullable().optional(),
  triggers: z.array(term).min(1, 'needs at least one trigger'),
  negatives: z.array(term).optional(),
  weight: z.number().positive().max(10).optional(),
});
export type TopicEntry = z.input<typeof TopicEntrySchema>;

const ChangesSchema = z.strictObject({
  /** Replaces the built-in taxonomy (the other changes then apply to this one). */
  replace: z.array(TopicEntrySchema).optional(),
  /** New entries; an id already present is an error (use `extend`, or `remove` it first). */
  add: z.array(TopicEntrySchema).optional(),
  /** More triggers or negatives for existing entries, by id. */
  extend: z
    .record(slug, z.strictObject({ triggers: z.array(term).optional(), negatives: z.array(term).optional() }))
    .optional(),
  /** Entries to drop, by id; an entry's descendants go with it. */
  remove: z.array(slug).optional(),
  /** New labels, by id. */
  rename: z.record(slug, label).optional(),
  /** Topics scoring below this are left out. Default 0.2. */
  threshold: z.number().min(0).max(1).optional(),
});
export type TaxonomyConfig = z.input<typeof ChangesSchema>;

/** Applies the changes to a copy of the base rows; reports problems through `issue` (paths relative to the config). */
function applyChanges(
  c: z.output<typeof ChangesSchema>,
  issue: (path: (string | number)[], message: string) => void,
): TopicRow[] {
  const fromEntry = (e: z.output<typeof TopicEntrySchema>): TopicRow => ({
    id: e.id,
    parent: e.parent ?? null,
    iptc: e.iptc ?? null,
    weight: e.weight ?? 1,
    label: e.label,
    triggers: [...e.triggers],
    negatives: [...(e.negatives ?? [])],
  });
  const base: TopicRow[] = c.replace
    ? c.replace.map(fromEntry)
    : TOPIC_ROWS.map((r) => ({ ...r, triggers: [...r.triggers], negatives: [...r.negatives] }));
  // (keys/negKeys stay shared: they are read only, and `extend` appends triggers past their end)
  const rows = new Map<string, TopicRow>();
  const baseName = c.replace ? 'replace' : 'the built-in taxonomy';
  c.replace?.forEach((e, i) => {
    if (rows.has(e.id)) issue(['replace', i, 'id'], `"${e.id}" appears twice`);
  });
  for (const r of base) rows.set(r.id, r);
  // remove: the entry and everything under it
  c.remove?.forEach((id, i) => {
    if (!rows.has(id)) {
      issue(['remove', i], `no topic "${id}" in ${baseName}`);
      return;
    }
    const gone = new Set([id]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const r of rows.values()) {
        if (!gone.has(r.id) && r.parent && gone.has(r.parent)) {
          gone.add(r.id);
          grew = true;
        }
      }
    }
    for (const g of gone) rows.delete(g);
  });
  c.add?.forEach((e, i) => {
    if (rows.has(e.id)) {
      issue(['add', i, 'id'], `"${e.id}" already exists: use extend to add triggers, or remove it first`);
      return;
    }
    rows.set(e.id, fromEntry(e));
  });
  for (const [id, x] of Object.entries(c.extend ?? {})) {
    const r = rows.get(id);
    if (!r) issue(['extend', id], `no topic "${id}"`);
    else {
      r.triggers.push(...(x.triggers ?? []));
      r.negatives.push(...(x.negatives ?? []));
    }
  }
  for (const [id, name] of Object.entries(c.rename ?? {})) {
    const r = rows.get(id);
    if (!r) issue(['rename', id], `no topic "${id}"`);
    else r.label = name;
  }
  // Default parent of a user entry: the entry whose IPTC code is the top-level ancestor of its code.
  const byCode = new Map<string, string>();
  for (const r of rows.values()) if (r.iptc && !r.parent && !byCode.has(r.iptc)) byCode.set(r.iptc, r.id);
  const userIds = new Set(
    [...(c.add ?? []), ...(c.replace ?? [])].filter((e) => e.parent === undefined).map((e) => e.id),
  );
  for (const r of rows.values()) {
    if (!userIds.has(r.id) || !r.iptc) continue;
    const top = IPTC_TOP[r.iptc] ?? (/^medtop:\d{2}000000$/.test(r.iptc) ? r.iptc : undefined);
    const p = top ? byCode.get(top) : undefined;
    if (p && p !== r.id) r.parent = p;
  }
  // parents exist, no cycles
  const where = (id: string): (string | number)[] => {
    const a = c.add?.findIndex((e) => e.id === id) ?? -1;
    if (a >= 0) return ['add', a, 'parent'];
    const p = c.replace?.findIndex((e) => e.id === id) ?? -1;
    return p >= 0 ? ['replace', p, 'parent'] : ['remove'];
  };
  for (const r of rows.values()) {
    if (!r.parent) continue;
    if (!rows.has(r.parent)) {
      issue(where(r.id), `topic "${r.id}" has parent "${r.parent}", which is not in the taxonomy`);
      continue;
    }
    const seen = new Set<string>([r.id]);
    for (let p: string | null = r.parent; p; p = rows.get(p)?.parent ?? null) {
      if (seen.has(p)) {
        issue(where(r.id), `topic "${r.id}" is its own ancestor (parent cycle)`);
        break;
      }
      seen.add(p);
    }
  }
  return [...rows.values()];
}

export interface Parsed {
  rows: TopicRow[];
  threshold: number;
}

/** The zod schema of `createTagger({ taxonomy })`: validates the shape, then the ids the changes refer to. */
export const TaxonomyConfigSchema = ChangesSchema.transform((c, ctx): Parsed => {
  const rows = applyChanges(c, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
  return { rows, threshold: c.threshold ?? DEFAULT_THRESHOLD };
});

export interface Hit {
  entry: number;
  /** Index of the trigger within its entry (negatives: -1). */
  trigger: number;
  weight: number;
  negative: boolean;
  /** Surface words to compare, for "=Word" terms (lower-cased when the term is all lower case). */
  exact: string[] | null;
  /** Compare `exact` with the lower-cased surface: "=wedding" matches "Wedding", not "weddings". */
  anyCase: boolean;
  length: number;
}
export interface CompiledEntry {
  id: string;
  label: string;
  iptc: string | null;
  /** Index of the parent entry, or -1. */
  parent: number;
  /** This entry and its ancestors, nearest first. */
  chain: number[];
}
/**
 * The triggers as an integer trie: every stem some trigger uses has an id (`vocab`); node 0 is the root; a unit of
 * the text is looked up once (word → stem id, cached in `unitIds`) and the walk compares integers.
 */
export interface CompiledTaxonomy {
  entries: CompiledEntry[];
  threshold: number;
  /** Stem → stem id (0 … vocab.size - 1). */
  vocab: Map<string, number>;
  /** Root transitions, by stem id: the node a trigger's first stem leads to, or -1. */
  rootNext: Int32Array;
  /** Transitions below the root: key node · vocab.size + stem id → node. */
  edges: Map<number, number>;
  /** Per node: 1 when it has children (a walk can go on). */
  hasNext: Uint8Array;
  /** Per node: the triggers and negatives ending there, or null. */
  hits: (Hit[] | null)[];
  /**
   * 26³ flags, one per a–z letter triple: set when some stem in the trie begins with it. A word whose first three
   * letters are unset needs no stemming. Stems shorter than three letters ("su" of "sued") set every triple that
   * begins with them; a three-letter stem ending in "i" also sets its "y" form ("dai" of "days").
   */
  prefixTable: Uint8Array;
  /** Lower-cased word → stem id, filled while tagging (see WordMemo). */
  memo: WordMemo;
}

/**
 * Memo of lower-cased word → stem id (-1: no trigger uses its stem), so a word is stemmed once per taxonomy, not once
 * per occurrence. An open-addressing table keyed by an FNV-1a hash of the word's characters, with the words' characters
 * in one typed array: a `Map` keyed by freshly sliced token strings costs several times more per lookup, and holding
 * thousands of token strings makes every young-generation GC slower. Emptied when it holds MEMO_LIMIT words.
 */
export interface WordMemo {
  /** Per slot, 4 ints: hash, offset of the word in `chars`, its length (0: empty slot), stem id. */
  slots: Int32Array;
  chars: Uint16Array;
  /** Characters used in `chars`. */
  used: number;
  /** Words held. */
  size: number;
}

export const MEMO_SLOTS = 1 << 16;
export const MEMO_LIMIT = MEMO_SLOTS >> 1;

export function newMemo(): WordMemo {
  return { slots: new Int32Array(MEMO_SLOTS * 4), chars: new Uint16Array(1 << 16), used: 0, size: 0 };
}

function markPrefix(table: Uint8Array, s: string): void {
  const code = (k: number) => s.charCodeAt(k) - 97;
  const ok = (c: number) => c >= 0 && c <= 25;
  if (s.length >= 3) {
    const [a, b, c] = [code(0), code(1), code(2)];
    if (ok(a) && ok(b) && ok(c)) table[a * 676 + b * 26 + c] = 1;
    // Porter turns a final "y" into "i" ("day", "days" → "dai"; "pay" → "pai"): the word has "y" where its stem has "i"
    if (ok(a) && ok(b) && c === 8) table[a * 676 + b * 26 + 24] = 1;
    return;
  }
  // a short stem: any word beginning with it may stem to it
  const a = code(0);
  const b = s.length > 1 ? code(1) : -1;
  if (!ok(a)) return;
  for (let x = 0; x < 26; x++) {
    if (b >= 0 && ok(b)) table[a * 676 + b * 26 + x] = 1;
    else if (b < 0) for (let y = 0; y < 26; y++) table[a * 676 + x * 26 + y] = 1;
  }
}

/** Entries with their parent index and ancestor chain. */
function compileEntries(rows: readonly TopicRow[]): CompiledEntry[] {
  const index = new Map(rows.map((r, i) => [r.id, i]));
  const entries: CompiledEntry[] = rows.map((r) => ({
    id: r.id,
    label: r.label,
    iptc: r.iptc,
    parent: r.parent ? (index.get(r.parent) ?? -1) : -1,
    chain: [],
  }));
  for (const [i, e] of entries.entries()) {
    for (let k = i; k >= 0 && e.chain.length <= entries.length; k = (entries[k] as CompiledEntry).parent)
      e.chain.push(k);
  }
  return entries;
}

/**
 * The trie of a compiled taxonomy as plain JSON (scripts/data/topics.ts writes the built-in one into
 * src/data/topics.generated.ts as TOPIC_COMPILED, so loading it is a JSON.parse and a few typed-array copies instead of
 * parsing 3,000 terms on the first article). `hits`: per hit [node, entry, trigger, weight, negative 0/1, exact words
 * or null, anyCase 0/1, length], in the trie's order; `edges`: key, node pairs; `prefix`: the set triples.
 */
export interface SerializedTrie {
  vocab: string[];
  rootNext: number[];
  edges: number[];
  hasNext: number[];
  hits: [number, number, number, number, number, string[] | null, number, number][];
  prefix: number[];
}

export function serializeTrie(c: CompiledTaxonomy): SerializedTrie {
  const edges: number[] = [];
  for (const [k, n] of c.edges) edges.push(k, n);
  const hits: SerializedTrie['hits'] = [];
  c.hits.forEach((list, node) => {
    for (const h of list ?? [])
      hits.push([node, h.entry, h.trigger, h.weight, h.negative ? 1 : 0, h.exact, h.anyCase ? 1 : 0, h.length]);
  });
  const prefix: number[] = [];
  c.prefixTable.forEach((v, i) => {
    if (v) prefix.push(i);
  });
  return { vocab: [...c.vocab.keys()], rootNext: [...c.rootNext], edges, hasNext: [...c.hasNext], hits, prefix };
}

function fromSerialized(rows: readonly TopicRow[], threshold: number, t: SerializedTrie): CompiledTaxonomy {
  const vocab = new Map<string, number>();
  for (let i = 0; i < t.vocab.length; i++) vocab.set(t.vocab[i] as string, i);
  const edges = new Map<number, number>();
  for (let i = 0; i < t.edges.length; i += 2) edges.set(t.edges[i] as number, t.edges[i + 1] as number);
  const hits: (Hit[] | null)[] = new Array(t.hasNext.length).fill(null);
  // Index loops, no destructuring: this runs once, before the JIT has compiled anything.
  for (let i = 0; i < t.hits.length; i++) {
    const h = t.hits[i] as SerializedTrie['hits'][number];
    const hit: Hit = {
      entry: h[1],
      trigger: h[2],
      weight: h[3],
      negative: h[4] === 1,
      exact: h[5],
      anyCase: h[6] === 1,
      length: h[7],
    };
    const list = hits[h[0]];
    if (list) list.push(hit);
    else hits[h[0]] = [hit];
  }
  const prefixTable = new Uint8Array(26 * 26 * 26);
  for (let i = 0; i < t.prefix.length; i++) prefixTable[t.prefix[i] as number] = 1;
  return {
    entries: compileEntries(rows),
    threshold,
    vocab,
    rootNext: Int32Array.from(t.rootNext),
    edges,
    hasNext: Uint8Array.from(t.hasNext),
    hits,
    prefixTable,
    memo: newMemo(),
  };
}

/** Compiles taxonomy rows (for scripts/data/topics.ts, which writes the built-in trie, and for tests). */
export function compileRows(rows: TopicRow[], threshold = DEFAULT_THRESHOLD): CompiledTaxonomy {
  return compile({ rows, threshold });
}

/** The built-in taxonomy compiled from its precompiled trie (what `tagArticle` uses without a taxonomy config). */
export function builtinCompiled(): CompiledTaxonomy {
  return fromSerialized(TOPIC_ROWS, DEFAULT_THRESHOLD, TOPIC_COMPILED as SerializedTrie);
}

function compile(p: Parsed): CompiledTaxonomy {
  const prefixTable = new Uint8Array(26 * 26 * 26);
  const entries = compileEntries(p.rows);
  // First pass: parse every term into stems (and give each stem an id); second: build the integer trie.
  const vocab = new Map<string, number>();
  const terms: { stems: number[]; hit: Hit }[] = [];
  const add = (
    source: string,
    key: string | undefined,
    entry: number,
    trigger: number,
    negative: boolean,
    entryWeight: number,
  ) => {
    let r: { stems: string[]; term: ParsedTerm };
    if (key) r = termFromKey(source, key);
    else {
      const parsed = parseTerm(source, stem);
      if (typeof parsed === 'string') return; // validated before; built-in rows are linted by scripts/data/topics.ts
      r = { stems: parsed.units.map((u) => u.stem), term: parsed.term };
    }
    const ids: number[] = [];
    for (const st of r.stems) {
      markPrefix(prefixTable, st);
      let id = vocab.get(st);
      if (id === undefined) {
        id = vocab.size;
        vocab.set(st, id);
      }
      ids.push(id);
    }
    terms.push({
      stems: ids,
      hit: {
        entry,
        trigger,
        weight: r.term.weight * entryWeight,
        negative,
        exact: r.term.exact ? r.term.words : null,
        anyCase: r.term.words.every((w) => w === w.toLowerCase()),
        length: r.stems.length,
      },
    });
  };
  for (const [i, r] of p.rows.entries()) {
    for (const [k, t] of r.triggers.entries()) add(t, r.keys?.[k], i, k, false, r.weight);
    for (const [k, n] of r.negatives.entries()) add(n, r.negKeys?.[k], i, -1, true, 1);
  }
  const v = vocab.size;
  const rootNext = new Int32Array(v).fill(-1);
  const edges = new Map<number, number>();
  const hits: (Hit[] | null)[] = [null];
  const next: number[] = [0];
  for (const t of terms) {
    let node = 0;
    for (const id of t.stems) {
      let child = node === 0 ? (rootNext[id] as number) : (edges.get(node * v + id) ?? -1);
      if (child < 0) {
        child = hits.length;
        hits.push(null);
        next.push(0);
        if (node === 0) rootNext[id] = child;
        else edges.set(node * v + id, child);
        next[node] = 1;
      }
      node = child;
    }
    let list = hits[node];
    if (!list) {
      list = [];
      hits[node] = list;
    }
    list.push(t.hit);
  }
  return {
    entries,
    threshold: p.threshold,
    vocab,
    rootNext,
    edges,
    hasNext: Uint8Array.from(next),
    hits,
    prefixTable,
    memo: newMemo(),
  };
}

/** What `ResolvedConfig.taxonomy` holds: validated at creation, compiled on first use. */
export interface TaxonomyHandle {
  readonly threshold: number;
  compiled(): CompiledTaxonomy;
}

function handle(p: Parsed, build: () => CompiledTaxonomy = () => compile(p)): TaxonomyHandle {
  let c: CompiledTaxonomy | null = null;
  return {
    threshold: p.threshold,
    compiled: () => {
      c ??= build();
      return c;
    },
  };
}

let builtin: TaxonomyHandle | null = null;
const cache = new WeakMap<object, TaxonomyHandle>();

/**
 * The taxonomy handle for a `createTagger` config: the built-in one when no changes are given, else one per
 * (parsed) config object, cached by the caller's original object so repeated `createTagger` calls share it.
 */
export function resolveTaxonomy(original: unknown, parsed: Parsed | undefined): TaxonomyHandle {
  if (!parsed) {
    builtin ??= handle({ rows: TOPIC_ROWS as TopicRow[], threshold: DEFAULT_THRESHOLD }, builtinCompiled);
    return builtin;
  }
  const key = typeof original === 'object' && original !== null ? original : null;
  const hit = key ? cache.get(key) : undefined;
  if (hit) return hit;
  const h = handle(parsed);
  if (key) cache.set(key, h);
  return h;
}

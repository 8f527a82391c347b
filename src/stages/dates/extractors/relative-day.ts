import type { Context } from '../../../pipeline/types.js';
import { addDays, fmtDay } from '../calendar.js';
import { candidate, positionsOf, reference, triggers } from '../scan.js';
import type { DateCandidate } from '../types.js';

const OFFSET: ReadonlyMap<string, number> = new Map([
  ['yesterday', -1],
  ['today', 0],
  ['tomorrow', 1],
]);

const DAY_WORDS = triggers([...OFFSET.keys()]);

/** Lower-case words before a capitalised "Today" that make it a programme's name ("the Today show", "NBC's Today"). */
const TITLE_BEFORE = new Set(['the', "'s", '\u2019s']);
const OPEN_QUOTES = new Set(['"', "'", '`', '\u201c', '\u2018']);
const CLOSE_QUOTES = new Set(['"', "'", '\u201d', '\u2019']);

/** A capitalised word alone in quotation marks in the middle of its sentence: a title. */
function quotedTitle(ctx: Context, i: number): boolean {
  const toks = ctx.doc.tokens;
  // Wire text writes '' and `` as two tokens.
  let b = i - 1;
  if (!OPEN_QUOTES.has(toks[b]?.text ?? '')) return false;
  if (toks[b - 1]?.text === toks[b]?.text) b--;
  const before = toks[b - 1];
  if (before?.kind !== 'word' || before.sentence !== toks[i]?.sentence) return false;
  let k = i + 1;
  if (toks[k]?.text === '.' || toks[k]?.text === ',') k++;
  return CLOSE_QUOTES.has(toks[k]?.text ?? '');
}

/** "yesterday", "today", "tomorrow" against the reference date. */
export function relativeDay(ctx: Context): DateCandidate[] {
  const out: DateCandidate[] = [];
  const ref = reference(ctx);
  const toks = ctx.doc.tokens;
  for (const i of positionsOf(ctx, DAY_WORDS)) {
    const t = toks[i];
    if (t?.kind !== 'word') continue;
    const off = OFFSET.get(t.lower);
    if (off === undefined) continue;
    // "VOA Today", "USA Today": a capitalised word before a capitalised "Today" makes a name; so do "the Today show",
    // "NBC's Today" and a quoted "Today" inside a sentence ("a job on ''Today.''").
    const p = toks[i - 1];
    if (
      t.cap &&
      p?.sentence === t.sentence &&
      (p.kind === 'word' ? p.cap || TITLE_BEFORE.has(p.lower) : quotedTitle(ctx, i))
    )
      continue;
    let value: string | null = null;
    if (ref) {
      const d = addDays(ref, off);
      value = fmtDay(d.y, d.m, d.d);
    }
    out.push(candidate(ctx, i, i + 1, 'relative-day', 'day', value, { relative: true }));
  }
  return out;
}

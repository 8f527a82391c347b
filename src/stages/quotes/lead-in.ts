import type { Token } from '../../text/types.js';
import { subject } from './sentence-subject.js';
import { SPEECH_VERBS } from './speech-verbs.js';
import { isTerminal, leftPhrase, speechVerb } from './tokens.js';
import type { Attribution } from './types.js';
import type { Window } from './window.js';
import { DETERMINERS, makePhrase, NOT_NOUN, type Phrase, SKIPPABLE } from './words.js';

/**
 * A lead-in before the quote: `X said: "…"`, `X told the BBC: "…"`, `X told Reuters that "…"`, `X added, "…"`,
 * and `…, saying: "…"` (the sentence's subject speaks).
 */
export function leadIn(w: Window): Attribution | null {
  return verbLeadIn(w) ?? colonLeadIn(w);
}

function verbLeadIn(w: Window): Attribution | null {
  const { tokens } = w;
  let k = w.beforeTo - 1;
  while (k >= w.beforeFrom && (tokens[k]!.text === ',' || tokens[k]!.text === ':' || tokens[k]!.lower === 'that')) k--;
  for (let v = k; v >= Math.max(w.beforeFrom, k - 6); v--) {
    const t = tokens[v] as Token;
    if (isTerminal(t)) return null;
    const cue = speechVerb(tokens, v);
    if (!cue) continue;
    // The subject may sit before the window: "Clinton, speaking to reporters on her plane, said of the request: “…”".
    const min = sentenceStart(tokens, v, w.floor ?? w.beforeFrom);
    // "…, saying:", "adding,", "arguing," (a participle): the sentence's subject speaks, not the noun before it.
    const participle = t.lower.endsWith('ing');
    // The subject of a participle may sit far back: "During …, Trump attacked Clinton for …, saying, “…”".
    const p = participle
      ? (withSubject(tokens, v, min) ??
        clauseSubject(tokens, v, w.floor ?? w.beforeFrom) ??
        subject(tokens, sentenceStart(tokens, v, w.floor ?? w.beforeFrom), v) ??
        leftPhrase(tokens, v, min))
      : (leftPhrase(tokens, v, min) ?? subject(tokens, min, v));
    if (!p) return null;
    const a: Attribution = {
      mention: { start: p.start, end: p.end },
      kind: p.kind,
      cue,
      rule: 'lead-in',
      side: 'before',
    };
    if (p.ref) a.ref = p.ref;
    return a;
  }
  return null;
}

/**
 * "…, with Trump reportedly yelling: “…”", "with one of her ads asking, “…”", "with many marchers and spectators
 * chanting “…”": the words between "with" and the participle speak.
 */
function withSubject(tokens: Token[], v: number, min: number): Phrase | null {
  let e = v;
  while (e - 1 > min && isAdverbial(tokens[e - 1] as Token)) e--;
  for (let b = e - 1; b >= min && b >= e - 9; b--) {
    const t = tokens[b] as Token;
    if (t.lower === 'with') return b + 1 < e ? makePhrase(tokens, b + 1, e) : null;
    const glued = (t.text === '-' || t.text === '.' || t.lower === "'s" || t.lower === '’s') && b > min;
    if (t.kind === 'punct' && !glued) return null;
    if (t.kind === 'word' && NOT_NOUN.has(t.lower) && t.lower !== 'and' && t.lower !== 'of') return null;
  }
  return null;
}

const isAdverbial = (t: Token) =>
  t.kind === 'word' && !t.cap && (SKIPPABLE.has(t.lower) || (t.lower.length > 4 && t.lower.endsWith('ly')));

/** Words that open a clause inside a sentence: its subject follows. */
const CLAUSE_OPENERS = new Set(['when', 'as', 'while', 'and', 'but', 'where']);

/**
 * The subject of the clause a participle follows: "…, when Sanders protesters interrupted her speech, shouting “…”"
 * (the clause between the last comma or opener and the participle's comma), when a lower-case verb follows it.
 */
function clauseSubject(tokens: Token[], v: number, floor: number): Phrase | null {
  const comma = v - 1;
  if (comma <= floor || (tokens[comma] as Token).text !== ',') return null;
  const s = (tokens[v] as Token).sentence;
  let j = comma - 1;
  while (j >= floor && comma - j < 25) {
    const t = tokens[j] as Token;
    if (t.sentence !== s || t.text === ',' || t.text === ';' || t.text === '—' || CLAUSE_OPENERS.has(t.lower)) break;
    j--;
  }
  const start = j + 1;
  if (comma - start < 2) return null;
  const p = subject(tokens, start, comma);
  const after = p ? tokens[p.to] : undefined;
  if (!p || p.from !== start || !after || after.kind !== 'word' || after.cap || p.to >= comma) return null;
  const first = tokens[p.from] as Token;
  return first.cap || p.kind === 'pronoun' || DETERMINERS.has(first.lower) ? p : null;
}

function sentenceStart(tokens: Token[], k: number, floor: number): number {
  const s = (tokens[k] as Token).sentence;
  let j = k;
  while (j - 1 >= floor && k - j < 40 && (tokens[j - 1] as Token).sentence === s) j--;
  return j;
}

const DASHES = new Set(['-', '—', '–']);

/**
 * A name and a colon, no verb: "More from Jones: “…”", "… - HuffPollster: “…”", "Here's Clinton: “…”", and
 * "Continued Stone: “…”" (a capitalised verb opening the sentence, inverted).
 */
function colonLeadIn(w: Window): Attribution | null {
  const { tokens } = w;
  const floor = w.floor ?? w.beforeFrom;
  const colon = w.beforeTo - 1;
  if (colon <= w.beforeFrom || tokens[colon]?.text !== ':') return null;
  let p = leftPhrase(tokens, colon, w.beforeFrom, 0);
  if (p?.kind !== 'name' || p.to !== colon) return null;
  const first = tokens[p.from] as Token;
  if (p.to - p.from > 1 && first.cap && SPEECH_VERBS.has(first.lower)) p = makePhrase(tokens, p.from + 1, p.to);
  const b = tokens[p.from - 1];
  const bb = tokens[p.from - 2];
  if (!b || p.from - 1 < floor) return null;
  const opensSentence = !bb || bb.sentence !== b.sentence || p.from - 2 < floor;
  const ok =
    b.lower === 'from' ||
    DASHES.has(b.text) ||
    (b.cap && SPEECH_VERBS.has(b.lower) && opensSentence) ||
    ((b.lower === '’s' || b.lower === "'s") && bb?.lower === 'here');
  if (!ok) return null;
  return {
    mention: { start: p.start, end: p.end },
    kind: p.kind,
    cue: null,
    rule: 'lead-in:name-colon',
    side: 'before',
  };
}

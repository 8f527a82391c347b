import type { Token } from '../../text/types.js';
import { passiveBy, subject } from './sentence-subject.js';
import { SPEECH_VERBS } from './speech-verbs.js';
import { isTerminal, leftPhrase, rightPhrase as rightPhraseTo, speechVerb } from './tokens.js';
import type { Attribution } from './types.js';
import type { Window } from './window.js';
import { DAY_WORDS, DETERMINERS, isCapWord, makePhrase, NOT_NOUN, type Phrase, SKIPPABLE } from './words.js';

/**
 * The attribution of a speaker phrase before its verb ('lead-in'); a relative pronoun ("Barkley, who said …") carries
 * what it stands for.
 */
export function leadInAttribution(p: Phrase, cue: Attribution['cue']): Attribution {
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

/**
 * A lead-in before the quote: `X said: "…"`, `X told the BBC: "…"`, `X told Reuters that "…"`, `X added, "…"`,
 * and `…, saying: "…"` (the sentence's subject speaks).
 */
export function leadIn(w: Window): Attribution | null {
  // "Pollsters agree - Carl Bialik: “…”": a name set off by a dash before the colon is the speaker, not the verb's.
  const colon = colonLeadIn(w);
  if (colon && colon.rule === 'lead-in:dash-colon') return colon;
  return verbLeadIn(w) ?? colon ?? inTheView(w.tokens, w.beforeTo - 1, w.floor ?? w.beforeFrom, 'before');
}

/** "view", "words", "opinion": what someone holds in "in Bolton's view". */
const VIEW_WORDS = new Set(['view', 'views', 'words', 'opinion', 'estimation', 'telling', 'account']);

/**
 * "because, to her, “…”", "in Forbes’ words, “…”" (and after the quote: "…” in Bolton’s view."): the one whose view
 * it is speaks. `comma` is the comma closing the phrase (before the quote) or the token ending it (after).
 */
export function inTheView(tokens: Token[], comma: number, min: number, side: 'before' | 'after'): Attribution | null {
  if (comma - 3 < min || (side === 'before' && (tokens[comma] as Token).text !== ',')) return null;
  const last = tokens[comma - 1] as Token;
  let p: Phrase | null = null;
  if (VIEW_WORDS.has(last.lower)) {
    // in X's words / in X’ words
    const poss = tokens[comma - 2] as Token;
    if (!(poss.lower === "'s" || poss.lower === '’s' || poss.text === '’' || poss.text === "'")) return null;
    p = leftPhrase(tokens, comma - 2, min, 0);
    if (!p || (tokens[p.from - 1] as Token | undefined)?.lower !== 'in') return null;
    return { mention: { start: p.start, end: last.end }, kind: p.kind, cue: null, rule: 'in-the-view', side };
  }
  if (side !== 'before') return null;
  // to her, / to Bolton,
  const to = tokens[comma - 2] as Token;
  const opener = tokens[comma - 3] as Token;
  const who =
    last.lower === 'her' || last.lower === 'him' || last.lower === 'them' || (last.cap && last.kind === 'word');
  if (to.lower !== 'to' || !who || !(opener.text === ',' || opener.lower === 'because' || opener.lower === 'and'))
    return null;
  p = makePhrase(tokens, comma - 1, comma);
  return { mention: { start: p.start, end: p.end }, kind: p.kind, cue: null, rule: 'in-the-view', side };
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
    // "Lynch, who told Congress when asked about the inquiry: “…”": a reduced clause's verb has no subject; read on.
    if (REDUCED.has((tokens[v - 1] as Token | undefined)?.lower ?? '') && t.lower.endsWith('ed')) continue;
    // The subject may sit before the window: "Clinton, speaking to reporters on her plane, said of the request: “…”".
    const min = sentenceStart(tokens, v, w.floor ?? w.beforeFrom);
    // "…, saying:", "adding,", "arguing," (a participle): the sentence's subject speaks, not the noun before it.
    const participle = t.lower.endsWith('ing');
    // The subject of a participle may sit far back: "During …, Trump attacked Clinton for …, saying, “…”".
    const p = participle
      ? (byParticiple(tokens, v, min) ??
        withSubject(tokens, v, min) ??
        clauseSubject(tokens, v, w.floor ?? w.beforeFrom) ??
        subject(tokens, sentenceStart(tokens, v, w.floor ?? w.beforeFrom), v) ??
        leftPhrase(tokens, v, min))
      : (passiveBy(tokens, v, w.beforeTo) ?? verbSubject(tokens, v, min) ?? subject(tokens, min, v));
    if (!p) return null;
    return leadInAttribution(p, cue);
  }
  return null;
}

/**
 * "When he returned he began by saying, “…”", "She responded by tweeting “…”": the subject of the finite verb before
 * "by" speaks (not the first subject of the sentence).
 */
const BY_VERBS = new Set(['began', 'begins', 'begin', 'ends', 'end', 'responds', 'respond', 'replies', 'reacts']);

function byParticiple(tokens: Token[], v: number, min: number): Phrase | null {
  const by = tokens[v - 1];
  const verb = tokens[v - 2];
  if (v - 3 < min || by?.lower !== 'by' || !verb || verb.kind !== 'word' || verb.cap || NOT_NOUN.has(verb.lower))
    return null;
  // A verb right before "by" ("began by", "responded by"), not its object ("explained the headline by saying").
  if (!(verb.lower.endsWith('ed') || BY_VERBS.has(verb.lower))) return null;
  const p = leftPhrase(tokens, v - 2, min);
  return p && p.to === v - 2 ? p : null;
}

/** Words between a subject and its verb that are no part of it: "Priebus later Thursday told Fox News: “…”". */
const TIME_WORDS = new Set([...DAY_WORDS, 'later', 'earlier']);

/**
 * The noun before a finite speech verb at v: after a day name ("Priebus later Thursday told"), a party aside
 * ("Rep. Paul Ryan (R-WI) said"), or a participle phrase ("Another source speaking to Fox News said").
 */
function verbSubject(tokens: Token[], v: number, min: number): Phrase | null {
  let e = v;
  while (e - 1 > min && TIME_WORDS.has((tokens[e - 1] as Token).lower) && !isRunOn(tokens, e - 1)) e--;
  if ((tokens[e - 1] as Token | undefined)?.text === ')') {
    let o = e - 2;
    while (o > min && o > e - 9 && (tokens[o] as Token).text !== '(') o--;
    if (o > min && (tokens[o] as Token).text === '(') e = o;
  }
  const conj = tokens[e - 1] as Token | undefined;
  if (conj && (conj.lower === 'and' || conj.lower === 'but') && e - 1 > min)
    return conjoinedSubject(tokens, e - 1, min);
  const p = leftPhrase(tokens, e, min);
  if (!p || p.from < min + 2) return p;
  const to = tokens[p.from - 1] as Token;
  const ing = tokens[p.from - 2] as Token;
  if ((to.lower === 'to' || to.lower === 'with') && ing.kind === 'word' && !ing.cap && ing.lower.endsWith('ing'))
    return leftPhrase(tokens, p.from - 2, min) ?? p;
  return p;
}

/** Words before a verb in a reduced clause with no subject of its own: "when asked", "if pressed", "as noted". */
const REDUCED = new Set(['when', 'if', 'as', 'once', 'unless']);

/** Words opening a clause whose subject a conjoined verb shares: "… when he brought up X and later said, “…”". */
const SUBORDINATORS = new Set(['when', 'as', 'while', 'after', 'because', 'since', 'although', 'though']);

/**
 * The subject of a verb conjoined at `and` (token c): the subject of the verb before "and" when that is a past form
 * right before it ("he laughed and said"), else the subject of the clause opened by "when"/"as" … in the same
 * stretch; else null (the caller reads the sentence's subject: "Lazar said he … and added, “…”").
 */
function conjoinedSubject(tokens: Token[], c: number, min: number): Phrase | null {
  const before = tokens[c - 1] as Token;
  if (before.kind === 'word' && !before.cap && before.lower.endsWith('ed')) {
    const p = leftPhrase(tokens, c - 1, min);
    if (p) return p;
  }
  for (let j = c - 1; j > min && j >= c - 25; j--) {
    const t = tokens[j] as Token;
    if (t.text === ',' || t.text === ';' || isTerminal(t)) return null;
    if (!SUBORDINATORS.has(t.lower)) continue;
    const p = rightPhraseTo(tokens, j + 1, c);
    return p && (p.kind === 'pronoun' || p.kind === 'name') ? p : null;
  }
  return null;
}

/** The time word opens the stretch (nothing but punctuation before it): it is the subject's place, keep it. */
const isRunOn = (tokens: Token[], k: number) => (tokens[k - 1] as Token | undefined)?.kind !== 'word';

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
  if (!p || p.to !== colon) return verbColon(tokens, colon, floor) ?? hereIs(tokens, colon, w.beforeFrom);
  if (p.kind !== 'name') {
    // "More from the report: “…”": a description after "from".
    const b = tokens[p.from - 1];
    if (p.kind === 'pronoun' || b?.lower !== 'from' || p.from - 1 < floor) return null;
    return colonAttribution(p, 'lead-in:name-colon');
  }
  p = withInitials(tokens, p, w.beforeFrom);
  const first = tokens[p.from] as Token;
  if (p.to - p.from > 1 && first.cap && SPEECH_VERBS.has(first.lower)) p = makePhrase(tokens, p.from + 1, p.to);
  const b = tokens[p.from - 1];
  const bb = tokens[p.from - 2];
  if (!b || p.from - 1 < floor) return null;
  if (DASHES.has(b.text)) return colonAttribution(p, 'lead-in:dash-colon');
  const opensSentence = !bb || bb.sentence !== b.sentence || p.from - 2 < floor;
  const ok =
    b.lower === 'from' ||
    (b.cap && SPEECH_VERBS.has(b.lower) && opensSentence) ||
    ((b.lower === '’s' || b.lower === "'s") && bb?.lower === 'here');
  return ok ? colonAttribution(p, 'lead-in:name-colon') : (hereIs(tokens, colon, w.beforeFrom) ?? null);
}

/**
 * "Kasich resisted: “…”", "She countered: “…”": a sentence that is only a name or pronoun and a past form, then the
 * colon and the quote: whatever the verb, its subject speaks.
 */
function verbColon(tokens: Token[], colon: number, floor: number): Attribution | null {
  const v = tokens[colon - 1];
  if (v?.kind !== 'word' || v.cap || v.lower.length < 5 || !v.lower.endsWith('ed') || NOT_NOUN.has(v.lower))
    return null;
  const p = leftPhrase(tokens, colon - 1, floor, 0);
  if (!p || p.to !== colon - 1 || (p.kind !== 'name' && p.kind !== 'pronoun')) return null;
  const b = tokens[p.from - 1];
  if (p.from - 1 >= floor && b && !isTerminal(b) && b.sentence === v.sentence) return null;
  return { ...colonAttribution(p, 'lead-in:verb-colon'), cue: { start: v.start, end: v.end } };
}

/** "Here’s Clinton in December 1992: “…”": the name after "Here’s", a time phrase between it and the colon. */
function hereIs(tokens: Token[], colon: number, min: number): Attribution | null {
  for (let h = colon - 2; h >= min && h >= colon - 8; h--) {
    const t = tokens[h] as Token;
    if (t.kind === 'punct' && !(t.lower === '’s' || t.lower === "'s")) return null;
    if (t.lower !== 'here' || !(tokens[h + 1]?.lower === '’s' || tokens[h + 1]?.lower === "'s")) continue;
    let e = h + 2;
    while (e < colon && isCapWord(tokens[e])) e++;
    const after = tokens[e] as Token;
    if (e === h + 2 || !(after.lower === 'in' || after.lower === 'on' || after.lower === 'at')) return null;
    return colonAttribution(makePhrase(tokens, h + 2, e), 'lead-in:name-colon');
  }
  return null;
}

/** "Michael P. McDonald": initials and the words before them, which the phrase reader stops at. */
function withInitials(tokens: Token[], p: Phrase, min: number): Phrase {
  let from = p.from;
  while (from - 2 >= min) {
    const dot = tokens[from - 1] as Token;
    const init = tokens[from - 2] as Token;
    if (dot.text !== '.' || init.end !== dot.start || !init.cap || init.text.length !== 1) break;
    from -= 2;
    while (from - 1 >= min && isCapWord(tokens[from - 1]) && !DETERMINERS.has((tokens[from - 1] as Token).lower))
      from--;
  }
  return from === p.from ? p : makePhrase(tokens, from, p.to);
}

function colonAttribution(p: Phrase, rule: string): Attribution {
  return { mention: { start: p.start, end: p.end }, kind: p.kind, cue: null, rule, side: 'before' };
}

import type { Context } from '../../pipeline/types.js';
import type { Token } from '../../text/types.js';
import { accordingTo, endsSentence } from './according-to.js';
import { isTitle } from './drop-scare-quotes.js';
import { inTheView, leadIn } from './lead-in.js';
import { replyAfter } from './reply-after.js';
import { saidSpeaker } from './said-speaker.js';
import { speakerSaid } from './speaker-said.js';
import { cueLength, isTerminal, rightPhrase, speechVerb, tokenAt } from './tokens.js';
import type { Attribution, QuoteCandidate } from './types.js';
import { AFTER_REACH, BEFORE_REACH, type Window } from './window.js';
import { PRONOUNS, SKIPPABLE } from './words.js';

type Pattern = (w: Window) => Attribution | null;
const AFTER: Pattern[] = [accordingTo, saidSpeaker, speakerSaid];
const SENTENCE_DONE = /[.!?\u2026]["\u201D\u2019\u00BB\u2033]$/;
const TERMINAL = /[.!?\u2026]/;
/** The quote ending at `end` closed its sentence inside its marks ("….”", "….''"). */
const sentenceDoneAt = (text: string, end: number): boolean =>
  text.startsWith("''", end - 2) ? TERMINAL.test(text.charAt(end - 3)) : SENTENCE_DONE.test(text.slice(end - 2, end));

/** Refiner `attribute`: tries the attribution patterns on the words around each quote (after it, then before it). */
export function attribute(ctx: Context, items: QuoteCandidate[]): QuoteCandidate[] {
  const { tokens, paragraphs, text } = ctx.doc;
  const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end);
  let n = 0;
  let scanPos = 0;
  let lastEnd = -1;
  let consumed: Set<QuoteCandidate> | undefined;
  for (let i = 0; i < sorted.length; i++) {
    const q = sorted[i] as QuoteCandidate;
    // The next quote after this one ends: a quote nested inside it ('…' within "…") does not cut its window.
    if (n <= i) n = i + 1;
    while (n < sorted.length && (sorted[n] as QuoteCandidate).start < q.end) n++;
    const next = sorted[n];
    const first = paragraphs[q.paragraph]!;
    const last = paragraphs[q.lastParagraph]!;
    const afterFrom = tokenAt(tokens, q.end);
    let afterTo = Math.min(tokenAt(tokens, last.end), afterFrom + AFTER_REACH);
    if (next && next.start < last.end) afterTo = Math.min(afterTo, tokenAt(tokens, next.start));
    const beforeTo = tokenAt(tokens, q.start);
    let floor = tokenAt(tokens, first.start);
    // A title or term in marks earlier in the sentence ("shared a syllabus called “Perception” on his page, writing
    // “…”") does not cut the sentence the subject is read from; a quote that speaks does.
    // lastEnd: the last sentence end before q (advanced once over the text, as the quotes come in order of start);
    // the walk back is capped, so a paragraph of thousands of short quotes stays linear.
    for (; scanPos < q.start; scanPos++) {
      const c = text.charCodeAt(scanPos);
      if (c === 46 || c === 33 || c === 63) lastEnd = scanPos;
    }
    let b = i - 1;
    const stop = Math.max(-1, i - 1 - TITLE_WALK);
    while (b > stop && titleInSentence(ctx, sorted[b] as QuoteCandidate, q, lastEnd)) b--;
    const bound = sorted[b];
    if (bound && bound.end > first.start) floor = Math.max(floor, tokenAt(tokens, bound.end));
    const beforeFrom = Math.max(floor, beforeTo - BEFORE_REACH);
    const w: Window = { tokens, afterFrom, afterTo, beforeFrom, beforeTo, quote: q, floor };
    const nextToken = tokens[afterFrom] as Token | undefined;
    const sentenceDone = sentenceDoneAt(text, q.end);
    const newSentence = sentenceDone && nextToken?.cap && !isPronoun(nextToken);
    // `“… soft.” He says referees are …`: a pronoun opening a new sentence that goes on is a new statement, not the
    // attribution of the quote before it (that is `“…,” he said.`, or `“….” He said.` ending there).
    const pronounGoesOn = sentenceDone && nextToken?.cap && isPronoun(nextToken) && goesOn(tokens, afterFrom);
    const order: Pattern[] = pronounGoesOn ? [leadIn] : newSentence ? [leadIn, ...AFTER] : [...AFTER, leadIn];
    for (const pattern of order) {
      const a = pattern(w);
      if (a && !(a.side === 'after' && next && leadsInto(text, a, q, next)) && !(sentenceDone && newStatement(w, a))) {
        q.attribution = a.side === 'after' && a.rule !== 'according-to' ? (outerSource(w, a) ?? a) : a;
        break;
      }
    }
    if (!q.attribution && next && next.start < last.end && afterTo < w.afterFrom + AFTER_REACH) {
      // `"…," Tom Brand, wearing a "Vote Cruz" pin, said.`: a short title inside the speaker's insert cut the
      // window; read past it (the speaker-said reader steps over the title), and the title is no quote of its own.
      const far = sorted[n + 1];
      let to = Math.min(tokenAt(tokens, last.end), afterFrom + AFTER_REACH);
      if (far && far.start < last.end) to = Math.min(to, tokenAt(tokens, far.start));
      const a = to > afterTo && insertTitle(text, next) ? speakerSaid({ ...w, afterTo: to }) : null;
      if (a?.cue && a.cue.start >= next.end && a.mention.end <= next.start) {
        q.attribution = { ...a, rule: `${a.rule}:over-title` };
        consumed ??= new Set();
        consumed.add(next);
      }
    }
    if (!q.attribution && !sentenceDoneAt(text, q.end)) {
      // `"…" for Clinton, said Kunin.`, `"…" if she loses, said X.`: the sentence goes on, then its attribution.
      for (let c = afterFrom + 1; c < afterTo; c++) {
        const t = tokens[c] as Token;
        if (t.text === '.' || t.text === '!' || t.text === '?' || t.text === ';' || t.text === ':') break;
        if (t.text !== ',') continue;
        const a = saidSpeaker({ ...w, afterFrom: c + 1 }) ?? speakerSaid({ ...w, afterFrom: c + 1 });
        if (a) {
          q.attribution = outerSource(w, a) ?? { ...a, rule: `${a.rule}:after-clause` };
          break;
        }
      }
    }
    if (!q.attribution) q.attribution = dashSignature(ctx, w, q) ?? viewAfter(w) ?? replyAfter(w);
    if (!q.attribution && first.start === q.start && q.paragraph > 0) {
      // "Cruz continued:⏏“…”": a paragraph ending in a colon introduces the quote that opens the next one.
      const before = paragraphs[q.paragraph - 1]!;
      if (text[before.end - 1] === ':') {
        const to = tokenAt(tokens, before.end);
        const from = Math.max(tokenAt(tokens, before.start), to - BEFORE_REACH);
        q.attribution = leadIn({ tokens, afterFrom: to, afterTo: to, beforeFrom: from, beforeTo: to, quote: q });
        if (q.attribution) q.attribution.rule = 'lead-in:colon';
      }
    }
  }
  return consumed ? sorted.filter((q) => !consumed.has(q)) : sorted;
}

/** A quote that can sit inside a speaker's description: a title or at most three words, on one line. */
const insertTitle = (text: string, q: QuoteCandidate) =>
  q.fragments.length === 1 && q.end - q.start <= TITLE_CHARS && !q.unclosed && isTitle(text.slice(q.start, q.end));
const TITLE_CHARS = 60;

const isPronoun = (t: Token) => t.lower === 'he' || t.lower === 'she' || t.lower === 'they';

/** The pronoun at token k, its speech verb, then more of the sentence (not its end). */
/** How many earlier quotes of the sentence the walk back over titles and terms looks at ("called “X”, writing “…”"). */
const TITLE_WALK = 16;
/** A quote longer than this (characters) is never a title or term. */
const TITLE_MAX = 300;

function goesOn(tokens: Token[], k: number): boolean {
  let v = k + 1;
  while (v < tokens.length && SKIPPABLE.has((tokens[v] as Token).lower)) v++;
  const cue = speechVerb(tokens, v);
  if (!cue) return false;
  const after = tokens[v + cueLength(tokens, v, cue)];
  return after !== undefined && !isTerminal(after) && after.paragraph === (tokens[k] as Token).paragraph;
}

/**
 * An attribution found after quote q that is really the lead-in of the next quote: its cue runs straight into the next
 * mark (`the protesters chanted "…"`), or q ended its sentence and the cue is followed by a colon or comma and the mark.
 */
function leadsInto(text: string, a: Attribution, q: QuoteCandidate, next: QuoteCandidate): boolean {
  const end = Math.max(a.mention.end, a.cue?.end ?? 0);
  if (end > next.start) return false;
  // `X told "Fox and Friends"`: a title after the cue is its object, not a quote it introduces.
  if (isTitle(text.slice(next.start, next.end))) return false;
  const between = text.slice(end, next.start);
  if (/^\s*$/.test(between) || /^\s*:\s*$/.test(between)) return true;
  return /^\s*,\s*$/.test(between) && sentenceDoneAt(text, q.end);
}

/** Tokens read past an attribution for an outer "according to" source. */
const OUTER_REACH = 24;

/**
 * `"…," Sanders said, according to CNN`: the source the whole report rests on is the one PolNeAR marks, so a
 * trailing "according to X" in the attribution's own sentence replaces the speaker found before it.
 */
function outerSource(w: Window, a: Attribution): Attribution | null {
  const { tokens } = w;
  const from = tokenAt(tokens, Math.max(a.mention.end, a.cue?.end ?? 0));
  const to = Math.min(w.afterTo, from + OUTER_REACH);
  for (let c = from; c + 2 < to; c++) {
    const t = tokens[c] as Token;
    // "Sen. Jeff Flake (R-Ariz.),": abbreviations, and full stops before a comma or a bracket, do not end the sentence.
    if (endsSentence(tokens, c) && !(t.text === '.' && (tokens[c + 1]?.text === ',' || tokens[c + 1]?.text === ')')))
      return null;
    if (t.lower !== 'according' || tokens[c + 1]?.lower !== 'to') continue;
    const p = rightPhrase(tokens, c + 2, to) ?? byPhrase(tokens, c + 2, to);
    if (!p || p.kind === 'pronoun') return null;
    return {
      mention: { start: p.start, end: p.end },
      kind: p.kind,
      cue: { start: t.start, end: (tokens[c + 1] as Token).end },
      rule: 'according-to:outer',
      side: 'after',
    };
  }
  return null;
}

/** "according to audio provided by Wyoming Public Radio": the source after "by" when the thing itself is no phrase. */
function byPhrase(tokens: Token[], from: number, to: number) {
  for (let c = from; c < to && c < from + 6; c++) {
    const t = tokens[c] as Token;
    if (t.kind === 'punct') return null;
    if (t.lower === 'by') return rightPhrase(tokens, c + 1, to);
  }
  return null;
}

const DASHES = new Set(['-', '—', '–']);

/** "“…” from diplomacy to the budget, in Bolton’s view.": the view phrase ending the quote's sentence. */
function viewAfter(w: Window): Attribution | null {
  const { tokens } = w;
  for (let c = w.afterFrom; c < w.afterTo; c++) {
    const t = tokens[c] as Token;
    if (!isTerminal(t)) continue;
    return inTheView(tokens, c, w.afterFrom, 'after');
  }
  return null;
}

/** Whether a line break lies between offset `from` and token `next` (with or without a full stop before it). */
function endsLine(text: string, from: number, next: Token): boolean {
  for (let k = from; k < next.start; k++) if (text.charCodeAt(k) === 10) return true;
  return next.text === '.' && text.charCodeAt(next.end) === 10;
}

/**
 * A signature under the quote: `"…"⏎⏎- Bernie Sanders.` or `"…" — Ada Kim, Leeds.`: a dash, then a name that ends
 * its paragraph or its line (a vox pop's `“…” ― Ana Lima⏎“…” ― Omar Haddad`) or is followed by a comma (what it says
 * of the speaker).
 */
function dashSignature(ctx: Context, w: Window, q: QuoteCandidate): Attribution | null {
  const { tokens, paragraphs } = ctx.doc;
  let d = w.afterFrom;
  if (d >= tokens.length) return null;
  if (d >= w.afterTo) {
    // Nothing after the quote in its paragraph: the next paragraph opens with the dash.
    const nextPara = paragraphs[q.lastParagraph + 1];
    if (!nextPara || d !== tokenAt(tokens, nextPara.start)) return null;
  }
  const dash = tokens[d] as Token;
  if (!DASHES.has(dash.text)) return null;
  d++;
  const para = dash.paragraph;
  // The paragraph's token end, by binary search on its end offset (a walk would be quadratic on one-paragraph texts).
  const paraEnd = paragraphs[para]?.end;
  const end = paraEnd === undefined ? tokens.length : Math.max(d, tokenAt(tokens, paraEnd));
  const p = rightPhrase(tokens, d, end);
  if (p?.kind !== 'name') return null;
  const after = tokens[p.to];
  if (
    after &&
    after.paragraph === para &&
    after.text !== ',' &&
    !(after.text === '.' && p.to + 1 === end) &&
    !endsLine(ctx.doc.text, p.end, after)
  )
    return null;
  return { mention: { start: p.start, end: p.end }, kind: p.kind, cue: null, rule: 'dash-signature', side: 'after' };
}

/**
 * `"….” Kasich said he would have fired him.`, `"….” Greene added that the Fed …`: after a quote that ended its
 * sentence, a verb followed by "that" or a clause's subject opens a new, reported statement; it does not close q.
 */
function newStatement(w: Window, a: Attribution): boolean {
  if (a.side !== 'after' || !a.cue || a.cue.start < a.mention.end) return false;
  const { tokens } = w;
  const k = tokenAt(tokens, a.cue.end);
  const t = tokens[k];
  if (!t || k >= w.afterTo) return false;
  if (t.lower === 'that' || (PRONOUNS.has(t.lower) && t.lower !== 'it' && t.lower !== 'you')) return true;
  // `"…." The council promised a review.`: the verb's own object follows, so it reports something else (a verb that
  // takes its hearer as object, "told the crowd", still attributes).
  const cue = tokens[tokenAt(tokens, a.cue.start)];
  return OBJECT_DETERMINERS.has(t.lower) && !HEARER_VERBS.has(cue?.lower ?? '');
}
const OBJECT_DETERMINERS = new Set(['a', 'an', 'the']);
const HEARER_VERBS = new Set([
  'told',
  'tells',
  'tell',
  'telling',
  'asked',
  'asks',
  'ask',
  'reminded',
  'assured',
  'warned',
  'urged',
]);

/** A quote before q in q's sentence that reads as a title or term: short, not closed by an attribution, same sentence. */
function titleInSentence(ctx: Context, p: QuoteCandidate, q: QuoteCandidate, lastEnd: number): boolean {
  if (p.attribution?.side === 'after' || p.end > q.start || p.lastParagraph !== q.paragraph) return false;
  // A sentence end (. ! ?) between p's last two characters and q: lastEnd is the last one before q.start.
  if (lastEnd >= p.end - 2 || p.end - p.start > TITLE_MAX) return false;
  const text = ctx.doc.text;
  return isTitle(text.slice(p.start, p.end)) || wordCount(text.slice(p.start, p.end)) <= 3;
}

function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127;
    const quoteChar = c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0xab || c === 0xbb;
    const w = letter && !quoteChar;
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

import type { ZoneKind } from '../schema.js';
import { ABBREVIATIONS } from './abbreviations.js';
import { tokenizeInto } from './tokenize.js';
import type { Doc, Paragraph, Sentence, Token, ZoneSpan } from './types.js';
import { classifyZones } from './zones.js';

const LOWER_START = /^\p{Ll}/u;
const TERMINAL = /[.!?:;"\u201D\u2019\u00BB)\]]\s*$/;

/**
 * Paragraphs are lines. In a hard-wrapped text (most lines 40+ characters, running on to the next line without a
 * sentence-final mark) a line without a final mark is joined with the next unindented line; elsewhere only when the
 * next line starts in lower case. So sentences are not cut at a wrap, and a headline stays apart from its caption.
 */
export function splitParagraphs(text: string): { start: number; end: number }[] {
  const lines: { start: number; end: number; indented: boolean; afterBlank: boolean }[] = [];
  let pos = 0;
  let blank = true;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let s = pos;
    let e = nl;
    while (s < e && text.charCodeAt(s) === 0x20) s++;
    while (e > s && text.charCodeAt(e - 1) === 0x20) e--;
    if (e > s) {
      lines.push({ start: s, end: e, indented: s > pos, afterBlank: blank });
      blank = false;
    } else {
      blank = true;
    }
    pos = nl + 1;
  }
  const runsOn = (a: { start: number; end: number }) =>
    a.end - a.start >= 40 && !TERMINAL.test(text.slice(a.end - 2, a.end));
  let runOn = 0;
  for (let k = 0; k + 1 < lines.length; k++) {
    const next = lines[k + 1] as (typeof lines)[number];
    if (!next.afterBlank && runsOn(lines[k] as (typeof lines)[number])) runOn++;
  }
  const wrapped = runOn >= 3 && runOn * 3 >= lines.length;
  const paragraphs: { start: number; end: number }[] = [];
  for (const [k, line] of lines.entries()) {
    const prev = lines[k - 1];
    const para = paragraphs[paragraphs.length - 1];
    const join =
      prev &&
      para &&
      !line.afterBlank &&
      runsOn(prev) &&
      (wrapped ? !line.indented : LOWER_START.test(text.slice(line.start, line.start + 2)));
    if (join && para) para.end = line.end;
    else paragraphs.push({ start: line.start, end: line.end });
  }
  return paragraphs;
}

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);
const SENTENCE_END = new Set(['.', '!', '?', '…']);

/** Where sentences end inside one paragraph's tokens: after . ! ? (and closing quotes), not after abbreviations. */
function sentenceBreaks(tokens: Token[], from: number, to: number): number[] {
  const breaks: number[] = [];
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    if (t.kind !== 'punct' || !SENTENCE_END.has(t.text)) continue;
    let last = k;
    while (
      last + 1 < to &&
      (CLOSERS.has((tokens[last + 1] as Token).text) || SENTENCE_END.has((tokens[last + 1] as Token).text))
    )
      last++;
    const next = tokens[last + 1];
    if (!next || last + 1 >= to) continue;
    if (t.text === '.') {
      const prev = tokens[k - 1];
      if (prev && prev.end === t.start && prev.kind === 'word') {
        if (ABBREVIATIONS.has(prev.lower)) continue;
        if (prev.text.length === 1 && prev.cap) continue; // an initial: "J. Smith"
      }
      if (prev && prev.kind === 'number' && next.kind === 'number') continue;
    }
    const starts = next.cap || next.kind === 'number' || /^["\u201C\u2018'\u00AB([]/.test(next.text);
    if (!starts) continue;
    breaks.push(last + 1);
    k = last;
  }
  return breaks;
}

/** Parses normalized text into paragraphs, sentences, tokens and zones. */
export function buildDoc(text: string): Doc {
  // The length is read here, before the loops, and passed on: read at the coverZones call below, after V8 had inlined
  // the tokenizer and the zoner into buildDoc, it was a 'wrong map' deoptimization that V8 kept retaking (in about two
  // processes of three, ~350 deoptimizations and as many recompiles of buildDoc over two passes of 1,200 articles,
  // although only two string maps, one-byte and two-byte, ever reach it). Read up front: one deoptimization at most.
  const textLength = text.length;
  const paraSpans = splitParagraphs(text);
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  const paragraphs: Paragraph[] = [];
  for (let pi = 0; pi < paraSpans.length; pi++) {
    const p = paraSpans[pi] as { start: number; end: number };
    const base = tokens.length;
    tokenizeInto(text, p.start, p.end, tokens, pi, true);
    const sentenceStart = sentences.length;
    let from = base;
    const breaks = sentenceBreaks(tokens, base, tokens.length);
    breaks.push(tokens.length);
    for (const b of breaks) {
      if (b <= from) continue;
      const s: Sentence = {
        index: sentences.length,
        start: (tokens[from] as Token).start,
        end: (tokens[b - 1] as Token).end,
        tokenStart: from,
        tokenEnd: b,
        paragraph: pi,
      };
      for (let k = from; k < b; k++) (tokens[k] as Token).sentence = s.index;
      sentences.push(s);
      from = b;
    }
    paragraphs.push({
      index: pi,
      start: p.start,
      end: p.end,
      sentenceStart,
      sentenceEnd: sentences.length,
      zone: 'body',
    });
  }
  const zoning = classifyZones(text, paragraphs, tokens);
  const zones = coverZones(textLength, paragraphs, zoning.splits);
  return {
    text,
    paragraphs,
    sentences,
    tokens,
    zones,
    headline: zoning.headline,
    authors: zoning.authors,
    datelineDate: zoning.datelineDate,
    zoneAt: (offset: number) => zoneAt(zones, offset),
  };
}

/** Turns per-paragraph zones (and sub-paragraph splits) into spans covering [0, length); gaps join the zone before. */
function coverZones(length: number, paragraphs: Paragraph[], splits: ZoneSpan[]): ZoneSpan[] {
  const pieces: ZoneSpan[] = [];
  const sorted = [...splits].sort((a, b) => a.start - b.start);
  let si = 0;
  for (const p of paragraphs) {
    let at = p.start;
    while (si < sorted.length && (sorted[si] as ZoneSpan).start < p.end) {
      const sp = sorted[si++] as ZoneSpan;
      if (sp.start < at || sp.end > p.end) continue;
      if (sp.start > at) pieces.push({ kind: p.zone, start: at, end: sp.start });
      pieces.push({ ...sp });
      at = sp.end;
    }
    if (at < p.end) pieces.push({ kind: p.zone, start: at, end: p.end });
  }
  const spans: ZoneSpan[] = [];
  for (const piece of pieces) {
    const last = spans[spans.length - 1];
    if (!last) spans.push({ kind: piece.kind, start: 0, end: piece.end });
    else if (last.kind === piece.kind) last.end = piece.end;
    else {
      last.end = piece.start;
      spans.push({ ...piece });
    }
  }
  const last = spans[spans.length - 1];
  if (last) last.end = length;
  else if (length > 0) spans.push({ kind: 'boilerplate', start: 0, end: length });
  return spans;
}

function zoneAt(zones: ZoneSpan[], offset: number): ZoneKind {
  let lo = 0;
  let hi = zones.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const z = zones[mid] as ZoneSpan;
    if (offset < z.start) hi = mid - 1;
    else if (offset >= z.end) lo = mid + 1;
    else return z.kind;
  }
  return zones.length ? (zones[zones.length - 1] as ZoneSpan).kind : 'body';
}

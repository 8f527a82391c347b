import type { ZoneKind } from '../schema.js';
import { ABBREVIATIONS } from './abbreviations.js';
import { tokenize } from './tokenize.js';
import type { Doc, Paragraph, Sentence, Token, ZoneSpan } from './types.js';
import { classifyZones } from './zones.js';

const TERMINAL = /[.!?:;"”’»)\]]\s*$/;
const LOWER_START = /^\s*\p{Ll}/u;

/**
 * Paragraphs are lines. A hard-wrapped line (no sentence-final mark, followed by a line that starts in lower case)
 * is joined with the next one so sentences are not cut at the wrap.
 */
export function splitParagraphs(text: string): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let s = pos;
    let e = nl;
    while (s < e && text.charCodeAt(s) === 0x20) s++;
    while (e > s && text.charCodeAt(e - 1) === 0x20) e--;
    if (e > s) lines.push({ start: s, end: e });
    pos = nl + 1;
  }
  const paragraphs: { start: number; end: number }[] = [];
  for (const line of lines) {
    const prev = paragraphs[paragraphs.length - 1];
    if (
      prev &&
      text.slice(prev.end, line.start).split('\n').length === 2 &&
      !TERMINAL.test(text.slice(Math.max(prev.start, prev.end - 3), prev.end)) &&
      LOWER_START.test(text.slice(line.start, Math.min(line.end, line.start + 4))) &&
      prev.end - prev.start > 40
    ) {
      prev.end = line.end;
    } else {
      paragraphs.push({ ...line });
    }
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
    const starts = next.cap || next.kind === 'number' || /^["“‘'«(\[]/.test(next.text);
    if (!starts) continue;
    breaks.push(last + 1);
    k = last;
  }
  return breaks;
}

/** Parses normalized text into paragraphs, sentences, tokens and zones. */
export function buildDoc(text: string): Doc {
  const paraSpans = splitParagraphs(text);
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  const paragraphs: Paragraph[] = [];
  for (const [pi, p] of paraSpans.entries()) {
    const pt = tokenize(text, p.start, p.end);
    const base = tokens.length;
    for (const t of pt) {
      t.i = tokens.length;
      t.paragraph = pi;
      tokens.push(t);
    }
    const sentenceStart = sentences.length;
    let from = base;
    for (const b of [...sentenceBreaks(tokens, base, tokens.length), tokens.length]) {
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
  const zones = coverZones(text.length, paragraphs);
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

/** Turns per-paragraph zones into spans covering [0, length): gaps go to the zone before them. */
function coverZones(length: number, paragraphs: Paragraph[]): ZoneSpan[] {
  const spans: ZoneSpan[] = [];
  for (const p of paragraphs) {
    const kind: ZoneKind = p.zone;
    const last = spans[spans.length - 1];
    if (!last) {
      spans.push({ kind, start: 0, end: p.end });
    } else if (last.kind === kind) {
      last.end = p.end;
    } else {
      last.end = p.start;
      spans.push({ kind, start: p.start, end: p.end });
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

import type { ZoneKind } from '../schema.js';

/** A token of the normalized text. Offsets are in normalized-text space (see normalize.ts). */
export interface Token {
  /** Index in `Doc.tokens`. */
  i: number;
  start: number;
  end: number;
  text: string;
  lower: string;
  kind: 'word' | 'number' | 'punct';
  /** First character is an upper-case letter. */
  cap: boolean;
  /** Two or more letters, all upper case ("BBC", "NATO"). */
  upper: boolean;
  sentence: number;
  paragraph: number;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  /** Token range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
  paragraph: number;
}

export interface Paragraph {
  index: number;
  start: number;
  end: number;
  sentenceStart: number;
  sentenceEnd: number;
  zone: ZoneKind;
}

export interface ZoneSpan {
  kind: ZoneKind;
  start: number;
  end: number;
}

/** The parsed document: built once per call, read by every stage. */
export interface Doc {
  /** Normalized text (see normalize.ts); offsets of everything in Doc index into it. */
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
  /** Zones covering the normalized text, in order, without overlap. */
  zones: ZoneSpan[];
  headline: { start: number; end: number } | null;
  authors: { name: string; start: number; end: number }[];
  /** A date written in a dateline or "Published on" line, as YYYY-MM-DD, when the zoner saw one. */
  datelineDate: string | null;
  /** The zone that holds a normalized-text offset. */
  zoneAt(offset: number): ZoneKind;
}

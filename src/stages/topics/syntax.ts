import { tokenize } from '../../text/tokenize.js';
import type { Token } from '../../text/types.js';

/** A unit the matcher compares: a word (or a hyphen-separated part of one), a number or a punctuation mark. */
export interface Unit {
  start: number;
  end: number;
  /** Surface text, for exact-case triggers. */
  text: string;
  /** Porter stem of the lower-cased text (punctuation and numbers: the text itself). */
  stem: string;
}

const WEIGHT = /\^(\d{1,3}(?:\.\d{1,3})?)$/;

/** A trigger or negative parsed from its written form. */
export interface ParsedTerm {
  /** The written form, for error messages and tests. */
  source: string;
  words: string[];
  exact: boolean;
  weight: number;
}

/**
 * Splits tokens into match units: word tokens are split at hyphens ("cross-border" → "cross", "border"), the
 * possessive "'s" is dropped. Used for both the article and the triggers, so the two always agree.
 */
export function toUnits(tokens: readonly Token[], stem: (lower: string) => string, out: Unit[] = []): Unit[] {
  for (const t of tokens) pushUnits(t, stem, out);
  return out;
}

export function pushUnits(t: Token, stem: (lower: string) => string, out: Unit[]): void {
  if (t.kind !== 'word') {
    out.push({ start: t.start, end: t.end, text: t.text, stem: t.lower });
    return;
  }
  if (t.lower === "'s" || t.lower === '’s') return;
  if (t.text.indexOf('-') < 0) {
    out.push({ start: t.start, end: t.end, text: t.text, stem: stem(t.lower) });
    return;
  }
  let from = 0;
  const text = t.text;
  for (let k = 0; k <= text.length; k++) {
    if (k === text.length || text[k] === '-') {
      if (k > from) {
        const part = text.slice(from, k);
        out.push({ start: t.start + from, end: t.start + k, text: part, stem: stem(part.toLowerCase()) });
      }
      from = k + 1;
    }
  }
}

/** The match key of a parsed term (see TopicRow.keys). */
export function termKey(units: Unit[], term: ParsedTerm): string {
  const stems = units.map((u) => u.stem).join(' ');
  return term.exact ? `${stems}|${term.words.join(' ')}` : stems;
}

/** A term from its precompiled key: stems, and the weight and exactness read from the written form. */
export function termFromKey(source: string, key: string): { stems: string[]; term: ParsedTerm } {
  const bar = key.indexOf('|');
  const stems = (bar < 0 ? key : key.slice(0, bar)).split(' ');
  const s = source.trim();
  const w = WEIGHT.exec(s);
  return {
    stems,
    term: {
      source,
      words: bar < 0 ? [] : key.slice(bar + 1).split(' '),
      exact: s.startsWith('='),
      weight: w ? Number(w[1]) : 1,
    },
  };
}

/** Parses "=Word^0.5"-style trigger syntax; returns an error message for a malformed term. */
export function parseTerm(
  source: string,
  stem: (lower: string) => string,
): { units: Unit[]; term: ParsedTerm } | string {
  let s = source.trim();
  if (!s) return 'is empty';
  const exact = s.startsWith('=');
  if (exact) s = s.slice(1).trim();
  let weight = 1;
  const w = WEIGHT.exec(s);
  if (w) {
    weight = Number(w[1]);
    s = s.slice(0, w.index).trim();
    if (!(weight > 0)) return 'has a weight that is not above 0';
  }
  if (s.includes('^')) return 'has a malformed weight: write "term^0.5"';
  const units = toUnits(tokenize(s), stem);
  if (units.length === 0) return 'holds no words';
  if (units.length > 8) return 'is longer than 8 words';
  return { units, term: { source, words: units.map((u) => u.text), exact, weight } };
}

import { stem } from '../nlp/natural.js';

/**
 * Features of the learned topic model: Porter stems of the words (stop words dropped) and bigrams of adjacent kept
 * stems ("interest rate" → "interest rate"), with the span of each feature's first occurrence for evidence.
 * Words are runs of letters (digits and marks allowed inside); numbers and one-letter words are not features.
 * The same function runs at training and at tagging time, so both see the same features.
 */
const WORD = /\p{L}[\p{L}\p{M}\p{N}]*/gu;

/** Function words: frequent everywhere, they carry no topic and would only make bigrams noisy. */
const STOP = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both ' +
    'but by can could did do does doing down during each few for from further had has have having he her here hers ' +
    'herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on ' +
    'once only or other our ours ourselves out over own same she should so some such than that the their theirs them ' +
    'themselves then there these they this those through to too under until up very was we were what when where which ' +
    'while who whom why will with would you your yours yourself yourselves also said says say mr mrs ms s t ll ve re d'
  ).split(' '),
);

export interface DocFeatures {
  /** Feature → count in the text. */
  counts: Map<string, number>;
  /** Feature → [start, end) of its first occurrence. */
  first: Map<string, [number, number]>;
}

/**
 * Walks the words of a text: `onWord(stem, start, end)` for each kept word, `onWord(null, …)` where a bigram chain
 * breaks (a stop word, a word out of scope, or sentence punctuation or a line break before the word).
 */
export function scanWords(
  text: string,
  onWord: (stem: string | null, start: number, end: number) => void,
  keep?: (offset: number) => boolean,
): void {
  let prevEnd = -1;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const w = m[0];
    const start = m.index;
    const end = start + w.length;
    if (prevEnd >= 0 && gapBreaks(text, prevEnd, start)) onWord(null, prevEnd, start);
    prevEnd = end;
    if (keep && !keep(start)) {
      onWord(null, start, end);
      continue;
    }
    const lower = w.toLowerCase();
    if (lower.length < 2 || STOP.has(lower)) {
      onWord(null, start, end);
      continue;
    }
    onWord(stem(lower), start, end);
  }
}

/** Counts the unigram and bigram features of a text; `keep` (optional) tells whether a word offset is in scope. */
export function extractFeatures(text: string, bigrams = true, keep?: (offset: number) => boolean): DocFeatures {
  const counts = new Map<string, number>();
  const first = new Map<string, [number, number]>();
  const add = (f: string, start: number, end: number) => {
    const c = counts.get(f);
    if (c === undefined) {
      counts.set(f, 1);
      first.set(f, [start, end]);
    } else counts.set(f, c + 1);
  };
  let prev: string | null = null;
  let prevStart = 0;
  scanWords(
    text,
    (s, start, end) => {
      if (s === null) {
        prev = null;
        return;
      }
      add(s, start, end);
      if (bigrams && prev !== null) add(`${prev} ${s}`, prevStart, end);
      prev = s;
      prevStart = start;
    },
    keep,
  );
  return { counts, first };
}

/** True when the text between two words holds sentence or clause punctuation or a line break. */
function gapBreaks(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // . ! ? ; : ( ) newline
    if (c === 46 || c === 33 || c === 63 || c === 59 || c === 58 || c === 40 || c === 41 || c === 10) return true;
  }
  return false;
}

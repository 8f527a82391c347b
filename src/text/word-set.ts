/**
 * A set of words that turns most other words away before hashing them: a table of the (ASCII) first characters and
 * lengths of its words, read first. For scans that ask one small set about every word of a text ("is this a cue
 * word?"), where hashing each fresh token string costs more than the answer; a word whose first character is beyond
 * ASCII goes to the set itself.
 */
export class WordSet {
  private readonly words: ReadonlySet<string>;
  /** 1 at `firstChar * 32 + min(length, 31)` for the words' shapes. */
  private readonly shapes = new Uint8Array(128 * 32);

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    for (const w of this.words) {
      const c = w.charCodeAt(0);
      if (c < 128) this.shapes[c * 32 + Math.min(w.length, 31)] = 1;
    }
  }

  has(word: string): boolean {
    const c = word.charCodeAt(0);
    if (c < 128 && this.shapes[c * 32 + Math.min(word.length, 31)] === 0) return false;
    return this.words.has(word);
  }
}

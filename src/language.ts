import type { Token } from './text/types.js';

/** The most frequent English function words: a text of English prose has about a third of its words among them. */
const COMMON = new Set(
  'the of and to a in is was that for on it with as by he said at from his an be has have are were which this but not or had its their they who will been would after also more she her about than one up when we our there into out can could all new over what so if no some just most only two other'.split(
    ' ',
  ),
);

/** Share of word tokens that are common English function words (0..1); null when too few words to judge. */
export function englishShare(tokens: readonly Token[]): number | null {
  let words = 0;
  let common = 0;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    words++;
    if (COMMON.has(t.lower)) common++;
  }
  return words < 20 ? null : common / words;
}

/** Share of characters that are replacement or symbol junk (binary pasted as text). */
export function junkShare(text: string): number {
  if (!text.length) return 0;
  let junk = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x0a) || (c >= 0xe000 && c <= 0xf8ff)) junk++;
  }
  return junk / text.length;
}

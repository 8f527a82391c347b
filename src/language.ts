import type { Token } from './text/types.js';

/** The most frequent English function words: a text of English prose has about a third of its words among them. */
const COMMON = new Set(
  'the of and to a in is was that for on it with as by he said at from his an be has have are were which this but not or had its their they who will been would after also more she her about than one up when we our there into out can could all new over what so if no some just most only two other'.split(
    ' ',
  ),
);
/** The longest word of COMMON: a longer token is not looked up (no string hash for most words). */
const COMMON_MAX = Math.max(...[...COMMON].map((w) => w.length));
/** Fewer word tokens than this: too few to judge. */
const MIN_WORDS = 20;

/** Share of word tokens that are common English function words (0..1); null when too few words to judge. */
export function englishShare(tokens: readonly Token[]): number | null {
  let words = 0;
  let common = 0;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    words++;
    if (t.lower.length <= COMMON_MAX && COMMON.has(t.lower)) common++;
  }
  return words < MIN_WORDS ? null : common / words;
}

/**
 * englishShare(tokens) when it is below `below`, else null (also null with too few words to judge): the tagger only
 * warns below its threshold. One pass that stops as soon as the common words reach `below` of all the tokens (an
 * upper bound of the words), so the share can no longer end below it: English prose has about a third of its words
 * in COMMON, so the scan usually stops within the first half of the text.
 */
export function englishShareBelow(tokens: readonly Token[], below: number): number | null {
  const n = tokens.length;
  // The least count of common words whose share of n is not below `below`, in the same floating-point division.
  let enough = Math.ceil(below * n);
  while (enough > 0 && (enough - 1) / n >= below) enough--;
  while (enough / n < below) enough++;
  let words = 0;
  let common = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'word') continue;
    words++;
    if (t.lower.length > COMMON_MAX || !COMMON.has(t.lower)) continue;
    if (++common >= enough) return null;
  }
  if (words < MIN_WORDS) return null;
  const share = common / words;
  return share < below ? share : null;
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

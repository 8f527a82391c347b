import type { Token } from '../../text/types.js';
import { possessorOfSpeech, rightPhrase, SPEECH_NOUNS, speechVerb } from './tokens.js';
import type { Attribution } from './types.js';
import type { Window } from './window.js';
import type { Phrase } from './words.js';

/** Words between a quote and the attribution that names its speaker as the source of a reply. */
const SO = new Set(['so', 'thus']);

/**
 * Attributions after a quote that name the speaker without a speech verb before the name: `"…," came the reply from
 * X`, `"…," was X's reply`, `"…," was all X would say`, `"…" is how X put it`, `"…." So said X`.
 */
export function replyAfter(w: Window): Attribution | null {
  const { tokens } = w;
  let k = w.afterFrom;
  while (k < w.afterTo && (tokens[k] as Token).text === ',') k++;
  const t = tokens[k];
  if (!t || k >= w.afterTo) return null;
  // So said X.
  if (SO.has(t.lower) && speechVerb(tokens, k + 1))
    return name(rightPhrase(tokens, k + 2, w.afterTo), tokens[k + 1], tokens[k + 1]);
  // came the reply from X
  if (t.lower === 'came' && tokens[k + 1]?.lower === 'the' && SPEECH_NOUNS.has(tokens[k + 2]?.lower ?? '')) {
    if (tokens[k + 3]?.lower !== 'from') return null;
    return name(rightPhrase(tokens, k + 4, w.afterTo), t, tokens[k + 3]);
  }
  if (t.lower !== 'was' && t.lower !== 'is') return null;
  const u = tokens[k + 1];
  // is how X put it / described it
  if (u?.lower === 'how') {
    const p = rightPhrase(tokens, k + 2, w.afterTo);
    const v = p ? tokens[p.to] : undefined;
    return p && v && (v.lower === 'put' || v.lower === 'described' || speechVerb(tokens, p.to)) ? name(p, v, v) : null;
  }
  // was all X would say
  if (u?.lower === 'all') {
    const p = rightPhrase(tokens, k + 2, w.afterTo);
    const m = p ? tokens[p.to] : undefined;
    const v = p ? tokens[p.to + 1] : undefined;
    return p && m && v && (m.lower === 'would' || m.lower === 'could') && (v.lower === 'say' || v.lower === 'tell')
      ? name(p, m, v)
      : null;
  }
  // was X's reply
  const p = rightPhrase(tokens, k + 1, w.afterTo);
  if (!p) return null;
  const owner = possessorOfSpeech(tokens, p);
  return owner !== p ? name(owner, tokens[p.to - 1], tokens[p.to - 1]) : null;
}

/** The attribution of mention p with the cue from token `from` to token `to` (the words that say it was said). */
function name(p: Phrase | null, from: Token | undefined, to: Token | undefined): Attribution | null {
  if (!p || !from || !to || p.kind === 'pronoun') return null;
  return {
    mention: { start: p.start, end: p.end },
    kind: p.kind,
    cue: { start: from.start, end: to.end },
    rule: 'reply-after',
    side: 'after',
  };
}

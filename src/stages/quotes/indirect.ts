import type { Context } from '../../pipeline/types.js';
import type { Sentence, Token } from '../../text/types.js';
import { accordingTo } from './according-to.js';
import { leadInAttribution } from './lead-in.js';
import { saidSpeaker } from './said-speaker.js';
import { speakerSaid } from './speaker-said.js';
import { isTerminal, leftPhrase, rightPhrase, speechVerb, tokenAt } from './tokens.js';
import type { Attribution, QuoteCandidate, Range } from './types.js';
import { DAY_WORDS, SKIPPABLE } from './words.js';

/** Verbs that report speech or a stated position in indirect speech ("said that …", "argues …"). */
const REPORTING = new Set([
  'said',
  'says',
  'say',
  'told',
  'tells',
  'added',
  'adds',
  'noted',
  'notes',
  'argued',
  'argues',
  'claimed',
  'claims',
  'warned',
  'warns',
  'insisted',
  'insists',
  'suggested',
  'suggests',
  'announced',
  'wrote',
  'writes',
  'reported',
  'acknowledged',
  'acknowledges',
  'explained',
  'stressed',
  'predicted',
  'predicts',
  'promised',
  'conceded',
  'contended',
  'contends',
  'maintained',
  'maintains',
  'asserted',
  'asserts',
  'confirmed',
  'denied',
  'declared',
  'testified',
  'recalled',
  'complained',
  'admitted',
  'vowed',
  'vows',
  'hinted',
  'countered',
  'replied',
  'responded',
]);
/** Clause openers: the reported clause may start right after the verb ("said he would …"). */
const CLAUSE_START = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'there', 'the', 'a', 'an', 'his', 'her', 'their']);
const MIN_WORDS = 3;
/** Tokens between the verb and its "that" ("said in a statement Friday that"). */
const THAT_REACH = 8;
/** Tokens after a closing attribution (`…, she said on Friday in a statement.`). */
const TAIL_REACH = 10;

/** The quote-mark characters: a reported clause that opens with one is a direct quote. */
const MARK = /^["\u201c\u201d\u201e\u2033\u00ab\u00bb\u2018\u2019\u201a]/;

/**
 * Indirect quotes, sentence by sentence: `X said (that) …` (the clause to the sentence end), `…, X said.` and
 * `…, according to X.` (the clause before the comma), `According to X, …`. A clause mostly covered by a direct quote
 * is left to it. Candidates carry their attribution; finalize emits them with kind 'indirect'.
 */
export function indirectQuotes(ctx: Context, direct: QuoteCandidate[]): QuoteCandidate[] {
  const { tokens, sentences, text } = ctx.doc;
  const out: QuoteCandidate[] = [];
  const covered = directCover(direct);
  for (const s of sentences) {
    const c = lead(tokens, s) ?? trail(tokens, s);
    if (!c) continue;
    const { content, attribution } = c;
    if (MARK.test(text.slice(content.start, content.start + 1))) continue;
    if (wordCount(tokens, content) < MIN_WORDS) continue;
    if (covered(content) * 2 >= content.end - content.start) continue;
    const paragraph = (tokens[s.tokenStart] as Token).paragraph;
    out.push({
      ...content,
      fragments: [{ ...content }],
      paragraph,
      lastParagraph: paragraph,
      rule: `indirect:${attribution.rule}`,
      unclosed: false,
      attribution,
    });
  }
  return out;
}

interface Found {
  content: Range;
  attribution: Attribution;
}

/** The sentence's end, before its closing punctuation. */
function lastToken(tokens: Token[], s: Sentence): number {
  let e = s.tokenEnd;
  while (e > s.tokenStart && (isTerminal(tokens[e - 1] as Token) || (tokens[e - 1] as Token).kind === 'punct')) e--;
  return e;
}

/** `X said (that) …`, `X told Y (that) …`, `According to X, …`. */
function lead(tokens: Token[], s: Sentence): Found | null {
  const end = lastToken(tokens, s);
  const first = tokens[s.tokenStart] as Token;
  if (first.lower === 'according' && tokens[s.tokenStart + 1]?.lower === 'to') {
    const p = rightPhrase(tokens, s.tokenStart + 2, end);
    if (!p) return null;
    let c = p.to;
    while (c < end && c - p.to < 12 && (tokens[c] as Token).text !== ',') c++;
    if (c + 1 >= end) return null;
    return {
      content: { start: (tokens[c + 1] as Token).start, end: (tokens[end - 1] as Token).end },
      attribution: {
        mention: { start: p.start, end: p.end },
        kind: p.kind,
        cue: { start: first.start, end: (tokens[s.tokenStart + 1] as Token).end },
        rule: 'according-to',
        side: 'before',
      },
    };
  }
  for (let v = s.tokenStart + 1; v < end - 1; v++) {
    const t = tokens[v] as Token;
    if (t.cap || !REPORTING.has(t.lower)) continue;
    const cue = speechVerb(tokens, v);
    if (!cue) continue;
    const p = subjectBefore(tokens, v, s.tokenStart);
    if (!p) continue;
    const from = clauseStart(tokens, v, end);
    if (from === null) continue;
    const attribution = leadInAttribution(p, cue);
    return { content: { start: (tokens[from] as Token).start, end: (tokens[end - 1] as Token).end }, attribution };
  }
  return null;
}

/** Day names and time words between a subject and its verb: "Clinton on Tuesday said", "A report published Friday said". */
const TIME_WORDS = new Set(DAY_WORDS);
/** Words that make a day a name of its own. */
const DAY_NAMES = new Set(['super', 'black', 'cyber', 'ash', 'good', 'holy', 'palm', 'easter', 'shrove', 'maundy']);
/** Participles a report takes before its day ("a report published Wednesday said"). */
const PUBLISHED = new Set(['published', 'released', 'issued', 'posted', 'aired', 'filed']);

/** The speaker phrase before the verb at v, read past a time phrase ("on Tuesday"); never a day name itself. */
function subjectBefore(tokens: Token[], v: number, min: number) {
  let e = v;
  while (e - 1 > min && TIME_WORDS.has((tokens[e - 1] as Token).lower)) e--;
  // "Super Tuesday", "Black Friday": the day is part of a name.
  if (e < v && e - 1 >= min && DAY_NAMES.has((tokens[e - 1] as Token).lower)) return leftPhrase(tokens, v, min);
  if (e < v && e - 1 > min) {
    const b = (tokens[e - 1] as Token).lower;
    if (b === 'on' || PUBLISHED.has(b)) e--;
  }
  const p = leftPhrase(tokens, e, min);
  return p && !(p.to - p.from === 1 && TIME_WORDS.has((tokens[p.from] as Token).lower)) ? p : null;
}

/** Where the reported clause after the verb at v starts: after "that", or right after the verb (or its object). */
function clauseStart(tokens: Token[], v: number, end: number): number | null {
  let k = v + 1;
  while (k < end && SKIPPABLE.has((tokens[k] as Token).lower)) k++;
  // "said Tuesday that …", "said on Friday that …": the day is no part of the clause.
  const day = (tokens[k] as Token | undefined)?.lower === 'on' ? k + 1 : k;
  if (day < end && TIME_WORDS.has((tokens[day] as Token).lower)) k = day + 1;
  const next = tokens[k];
  if (!next || k >= end) return null;
  if (next.lower === 'that') return k + 1 < end ? k + 1 : null;
  const verb = (tokens[v] as Token).lower;
  if (verb !== 'told' && verb !== 'tells' && (CLAUSE_START.has(next.lower) || (next.cap && next.kind === 'word'))) {
    return k;
  }
  for (let j = k; j < end && j - k < THAT_REACH; j++) {
    const u = tokens[j] as Token;
    if (u.text === ',' || isTerminal(u) || MARK.test(u.text)) return null;
    if (u.lower === 'that') return j + 1 < end ? j + 1 : null;
  }
  return null;
}

/** `…, X said.`, `…, said X, a spokesman.`, `…, according to X.`: the clause before the attribution's comma. */
function trail(tokens: Token[], s: Sentence): Found | null {
  const end = s.tokenEnd;
  let commas = 0;
  for (let j = end - 1; j > s.tokenStart + 2 && end - j < 30 && commas < 3; j--) {
    if ((tokens[j] as Token).text !== ',') continue;
    commas++;
    const a = closingAttribution(tokens, j, end);
    if (a)
      return {
        content: { start: (tokens[s.tokenStart] as Token).start, end: (tokens[j - 1] as Token).end },
        attribution: a,
      };
  }
  return null;
}

/** An attribution right after the comma at token `comma` that closes the sentence, or null. */
function closingAttribution(tokens: Token[], comma: number, end: number): Attribution | null {
  const w = {
    tokens,
    afterFrom: comma + 1,
    afterTo: end,
    beforeFrom: comma + 1,
    beforeTo: comma + 1,
    quote: null as unknown as QuoteCandidate,
  };
  const a = accordingTo(w) ?? saidSpeaker(w) ?? speakerSaid(w);
  if (!a) return null;
  // Only a few words ("on Friday", "a union delegate") after it, no colon, no quote mark.
  const after = tokenAt(tokens, Math.max(a.mention.end, a.cue?.end ?? 0));
  if (end - after > TAIL_REACH) return null;
  for (let j = after; j < end; j++) {
    const u = tokens[j] as Token;
    if (u.text === ':' || MARK.test(u.text)) return null;
  }
  return a;
}

function wordCount(tokens: Token[], r: Range): number {
  let n = 0;
  for (let k = tokenAt(tokens, r.start); k < tokens.length && n < MIN_WORDS; k++) {
    const t = tokens[k] as Token;
    if (t.start >= r.end) break;
    if (t.kind === 'word') n++;
  }
  return n;
}

/** Characters of a range covered by the direct quotes (sorted, non-overlapping). */
function directCover(direct: QuoteCandidate[]): (r: Range) => number {
  const spans = direct.map((q) => ({ start: q.start, end: q.end })).sort((a, b) => a.start - b.start);
  return (r) => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((spans[mid] as Range).end <= r.start) lo = mid + 1;
      else hi = mid;
    }
    let n = 0;
    for (let i = lo; i < spans.length && (spans[i] as Range).start < r.end; i++) {
      const q = spans[i] as Range;
      n += Math.max(0, Math.min(q.end, r.end) - Math.max(q.start, r.start));
    }
    return n;
  };
}

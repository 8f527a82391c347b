import type { Token } from '../../text/types.js';
import type { MentionKind, Range } from './types.js';

export const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you']);
export const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'his',
  'her',
  'their',
  'its',
  'our',
  'my',
  'this',
  'that',
  'these',
  'those',
  'one',
  'another',
  'some',
  'many',
  'several',
  'two',
  'three',
]);
/** Between a subject and its verb: auxiliaries and adverbs ("has also said", "later told"). */
export const SKIPPABLE = new Set([
  'also',
  'then',
  'later',
  'earlier',
  'again',
  'once',
  'previously',
  'recently',
  'further',
  'simply',
  'reportedly',
  'has',
  'had',
  'have',
  'was',
  'were',
  'is',
  'are',
  'would',
  'will',
  'had',
  'did',
  'does',
  'do',
  'just',
  'still',
  'only',
  'first',
  'often',
  'repeatedly',
  'publicly',
  'privately',
  'now',
  // Modals: "a reporter could be heard", "a spokesman could only quip" (not "may" or "will": names).
  'can',
  'could',
  'should',
  'must',
  'might',
]);
/** Words that cannot start or be a speaker noun phrase. */
export const NOT_NOUN = new Set([
  'and',
  'but',
  'or',
  'as',
  'which',
  'who',
  'whom',
  'whose',
  'while',
  'when',
  'where',
  'if',
  'because',
  'in',
  'on',
  'at',
  'to',
  'for',
  'of',
  'from',
  'with',
  'by',
  'about',
  'after',
  'before',
  // Prepositions that never open a speaker phrase: "..." between Cruz and Trump. And Patrick says".
  'between',
  'against',
  'among',
  'amid',
  'during',
  'into',
  'through',
  'toward',
  'towards',
  'upon',
  'until',
  'despite',
  'than',
  'so',
  'not',
  'no',
  'there',
  'here',
  'what',
  'how',
  'why',
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'has',
  'had',
  'have',
  'it',
  'said',
  'says',
]);
/** Head nouns of organisations speaking: "the ministry said". */
export const ORG_NOUNS = new Set([
  'ministry',
  'department',
  'agency',
  'government',
  'campaign',
  'company',
  'office',
  'committee',
  'council',
  'police',
  'army',
  'military',
  'embassy',
  'administration',
  'court',
  'party',
  'group',
  'organization',
  'organisation',
  'statement',
  'report',
  'newspaper',
  'network',
  'website',
  'service',
  'commission',
  'board',
  'union',
  'team',
  'kremlin',
  'pentagon',
  'white',
]);
/** Plural groups that speak without a determiner: "officials said", "protesters chanted". */
export const BARE_GROUPS = new Set([
  'officials',
  'sources',
  'protesters',
  'supporters',
  'critics',
  'analysts',
  'experts',
  'residents',
  'witnesses',
  'aides',
  'advisers',
  'advisors',
  'police',
  'prosecutors',
  'investigators',
  'activists',
  'voters',
  'democrats',
  'republicans',
  'organizers',
  'organisers',
]);
/** Name particles that may sit inside a capitalised run: "Charles de Gaulle", "Ludwig van Beethoven". */
export const NAME_PARTICLES = new Set(['de', 'van', 'von', 'der', 'bin', 'al', 'da', 'del', 'la', 'le', 'di', 'el']);
/** Lower-case words inside an organisation's name, between capitalised words: "Office for Foreigners". */
export const NAME_LINKS = new Set(['for', 'of', 'and', '&']);
/** Relative pronouns that speak for their antecedent: "the sign, which read", "Lynch, who asked". */
export const RELATIVES = new Set(['who', 'which', 'that']);

/** Words that may open a sentence before its subject ("But Holm said", "And the mayor", "— Still, Ray"). */
export const SENTENCE_OPENERS: ReadonlySet<string> = new Set([
  'but',
  'and',
  'so',
  'yet',
  'or',
  'nor',
  'still',
  'then',
  'now',
  'later',
  'also',
  '-',
  '\u2014',
  '\u2013',
]);

/** Day names and time words that stand between a subject and its verb ("Clinton on Tuesday said"). */
export const DAY_WORDS: readonly string[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'today',
  'yesterday',
  'tonight',
];

export const isWord = (t: Token | undefined): t is Token => t !== undefined && t.kind === 'word';
export const isCapWord = (t: Token | undefined): t is Token =>
  t !== undefined && (t.cap || t.upper) && t.kind === 'word';
export const isPossessive = (t: Token | undefined): boolean =>
  t !== undefined && (t.lower === "'s" || t.lower === '’s');

/** A noun phrase found around a cue verb. */
export interface Phrase extends Range {
  kind: MentionKind;
  /** A relative pronoun's antecedent (see Attribution.ref). */
  ref?: { range: Range; kind: MentionKind };
  /** Token range [from, to). */
  from: number;
  to: number;
}

export function phraseKind(tokens: Token[], from: number, to: number): MentionKind {
  const first = tokens[from] as Token;
  if (to - from === 1 && PRONOUNS.has(first.lower)) return 'pronoun';
  let hasCap = false;
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    if (isCapWord(t) && !(k === from && DETERMINERS.has(t.lower))) hasCap = true;
  }
  const head = tokens[to - 1] as Token;
  if (ORG_NOUNS.has(head.lower) && !isCapWord(head)) return 'organization';
  return hasCap ? 'name' : 'description';
}

export function makePhrase(tokens: Token[], from: number, to: number): Phrase {
  return {
    start: (tokens[from] as Token).start,
    end: (tokens[to - 1] as Token).end,
    from,
    to,
    kind: phraseKind(tokens, from, to),
  };
}

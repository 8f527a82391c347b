import { lexiconTags } from '../../nlp/compromise.js';
import type { Context } from '../../pipeline/types.js';
import type { Person, Quote } from '../../schema.js';
import type { Token } from '../../text/types.js';
import { speechVerb, tokenAt } from './tokens.js';
import type { Attribution, Range } from './types.js';
import { SENTENCE_OPENERS } from './words.js';

const TITLES =
  /^(?:(?:the|a|an|mr|mrs|ms|dr|sen|rep|gov|gen|col|lt|capt|sgt|prof|rev|president|senator|governor|minister|lieutenant|general|colonel|captain|sergeant|spokesman|spokeswoman|republican|democratic|democrat)\.?\s+)+/i;
const NAME_CHAR = /^[\p{L}\p{M}'\u2019-]$/u;

/** The last word of a name ("Korolev" in "Ivan Korolev"), read from the end: linear, no backtracking. */
function surname(s: string): string {
  let i = s.length;
  while (i > 0 && nameChar(s, i - 1)) i--;
  return s.slice(i);
}

/** A letter, mark, apostrophe or hyphen at s[i] (ASCII without the regex). */
function nameChar(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x80) return ((c | 0x20) >= 97 && (c | 0x20) <= 122) || c === 39 || c === 45;
  return NAME_CHAR.test(s.slice(i, i + 1));
}

type Gender = 'm' | 'f' | null;

/** Titles and roles that say a person's gender ("Mrs.", "Congresswoman", "spokesman"), lower case, no full stop. */
const FEMALE_WORDS = new Set(['mrs', 'ms', 'miss', 'madam', 'madame', 'mme', 'lady', 'queen', 'princess', 'dame']);
const MALE_WORDS = new Set(['mr', 'sir', 'lord', 'king', 'prince', 'father']);
const genderOfWord = (w: string): Gender => {
  const l = w.toLowerCase().replace(/\.$/, '');
  if (FEMALE_WORDS.has(l) || l.endsWith('woman') || l === 'actress') return 'f';
  if (MALE_WORDS.has(l) || (l.endsWith('man') && l.length > 5)) return 'm';
  return null;
};
/** The gender a subject pronoun names, or null ("they", "it", "I"). */
const PRONOUN_GENDER: Record<string, Gender> = { he: 'm', him: 'm', his: 'm', she: 'f', her: 'f' };

/** Mentions read back for a pronoun's antecedent of the right gender. */
const PRONOUN_WALK = 24;
/** Characters after a cue read for its object ("told CNN's Jake Tapper"). */
const OBJECT_CHARS = 40;
/** Tokens before a sentence's subject (titles: "Former Secretary of State" has 4, "of" breaking it anyway). */
const SUBJECT_LEAD = 5;

/** What sits between a description and the name it goes with: ", " or " named " / " called ". */
const APPOSITIVE = /^(?:,\s?|\s(?:named|called)\s)/;
const APPOSITIVE_CHARS = 8;

interface Known {
  name: string;
  personId: string | null;
  at: number;
}

/** Resolves attribution mentions to names: people's mentions, then surnames, then the most recent speaker. */
export class SpeakerResolver {
  private readonly people: Person[];
  /** People by lower-case surname (the first in the people list's order), built on first use. */
  private surnames: Map<string, Person> | null = null;
  /** Person mentions in text order, for "the most recent person". */
  private readonly mentions: { start: number; end: number; person: Person; rank: number }[] = [];
  /** The longest person mention, to bound the backward scan of `overlapping`. */
  private maxMention = 0;
  private lastSpeaker: Known | null = null;
  private readonly genders = new Map<string, Gender>();
  /** Direct quotes' fragments in text order (sorted on first use): a person named inside a quote is not who a pronoun
   * after it stands for. */
  private quoted: readonly Range[] | null;
  private quotedSorted: Range[] | null = null;

  constructor(
    private readonly ctx: Context,
    quoted: readonly Range[] = [],
  ) {
    this.quoted = quoted;
    this.people = ctx.results.entities?.people ?? [];
    for (let rank = 0; rank < this.people.length; rank++) {
      const p = this.people[rank] as Person;
      for (const m of p.mentions) {
        this.mentions.push({ start: m.start, end: m.end, person: p, rank });
        if (m.end - m.start > this.maxMention) this.maxMention = m.end - m.start;
      }
    }
    this.mentions.sort((a, b) => a.start - b.start);
  }

  private bySurname(s: string): Person | undefined {
    if (!this.surnames) {
      this.surnames = new Map();
      for (const p of this.people) {
        const k = surname(p.name).toLowerCase();
        if (k && !this.surnames.has(k)) this.surnames.set(k, p);
      }
    }
    return this.surnames.get(s);
  }

  resolve(a: Attribution, quoteStart: number): Quote['speaker'] {
    const text = this.ctx.doc.text;
    const mentionText = text.slice(a.mention.start, a.mention.end);
    if (a.ref) {
      // A relative pronoun ("Lynch, who asked"): named after what it stands for, the pronoun stays the mention.
      const named = this.resolve({ ...a, mention: a.ref.range, kind: a.ref.kind, ref: undefined }, quoteStart);
      return {
        name: named?.name ?? mentionText,
        personId: named?.personId ?? null,
        mention: { ...a.mention, text: mentionText },
      };
    }
    let known: Known | null = null;
    if (a.kind === 'pronoun' && mentionText.toLowerCase() === 'it') {
      // "it read", "It added": a sign, a statement or an organisation, never the last person.
      const org = this.recentOrganization(a.mention.start);
      return { name: org ?? mentionText, personId: null, mention: { ...a.mention, text: mentionText } };
    }
    if (a.kind === 'name') {
      const p = this.overlapping(a.mention) ?? this.bySurname(surname(mentionText).toLowerCase());
      known = p
        ? { name: p.name, personId: p.id, at: a.mention.start }
        : { name: mentionText.replace(TITLES, '') || mentionText, personId: null, at: a.mention.start };
    } else if (a.kind === 'organization') {
      known = { name: mentionText.replace(/^the\s+/i, '') || mentionText, personId: null, at: a.mention.start };
    } else if (a.kind === 'description' && this.appositive(a.mention.end)) {
      // "the farmer, Tom Holm, said", "a farmer named Tom Holm": the name right after the description.
      const p = this.appositive(a.mention.end) as Person;
      known = { name: p.name, personId: p.id, at: a.mention.start };
    } else {
      const gender = a.kind === 'pronoun' ? (PRONOUN_GENDER[mentionText.toLowerCase()] ?? null) : null;
      known = this.recent(Math.min(quoteStart, a.mention.start), gender, gender ? this.objects(a.cue) : null) ?? {
        name: mentionText,
        personId: null,
        at: a.mention.start,
      };
    }
    if (a.kind !== 'organization')
      this.lastSpeaker = { name: known.name, personId: known.personId, at: Math.min(quoteStart, a.mention.start) };
    return {
      name: known.name,
      personId: known.personId,
      mention: { start: a.mention.start, end: a.mention.end, text: mentionText },
    };
  }

  /** The first person (in the people list's order) with a mention overlapping r: a binary search, not a scan. */
  private overlapping(r: Range): Person | undefined {
    let best: { person: Person; rank: number } | undefined;
    for (let i = this.firstFrom(r.end) - 1; i >= 0; i--) {
      const m = this.mentions[i] as { start: number; end: number; person: Person; rank: number };
      if (m.start + this.maxMention <= r.start) break;
      if (r.start < m.end && (!best || m.rank < best.rank)) best = m;
    }
    return best?.person;
  }

  /** Organisation mentions in text order, built on first use. */
  private orgMentions: { start: number; name: string }[] | null = null;

  /** The organisation mentioned last before `offset`, if any (a binary search). */
  private recentOrganization(offset: number): string | null {
    if (!this.orgMentions) {
      this.orgMentions = (this.ctx.results.entities?.organizations ?? [])
        .flatMap((o) => o.mentions.map((m) => ({ start: m.start, name: o.name })))
        .sort((a, b) => a.start - b.start);
    }
    const list = this.orgMentions;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as { start: number }).start < offset) lo = mid + 1;
      else hi = mid;
    }
    return list[lo - 1]?.name ?? null;
  }

  /** Index of the first mention starting at or after `offset`. */
  private firstFrom(offset: number): number {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.mentions[mid] as { start: number }).start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The most recent person before `offset`: a person mention, or the last resolved speaker when that is later. For
   * "he"/"she" (gender given): the nearest mention outside quotes whose person is not known to be of the other gender,
   * then, within its sentence, the first such mention that reads as a subject ("Tom Holm criticized Jim Ray. '...,' he
   * said": Holm); the nearest mention when none fits.
   */
  private recent(offset: number, gender: Gender = null, objects: Set<Person> | null = null): Known | null {
    const end = this.firstFrom(offset);
    const m = (gender ? this.antecedent(end, gender, objects) : undefined) ?? this.mentions[end - 1];
    const fromPeople = m ? { name: m.person.name, personId: m.person.id, at: m.start } : null;
    const last = this.lastSpeaker && this.lastSpeaker.personId !== null ? null : this.lastSpeaker;
    if (fromPeople && (!last || fromPeople.at >= last.at)) return fromPeople;
    return last ?? fromPeople;
  }

  /**
   * People named right after the cue in its sentence ("he told Hannity", "she said of Trump"): the verb's object, so
   * never who its pronoun subject stands for.
   */
  private objects(cue: Range | null): Set<Person> | null {
    if (!cue) return null;
    const tokens = this.ctx.doc.tokens;
    const sentence = tokens[tokenAt(tokens, cue.start)]?.sentence;
    let out: Set<Person> | null = null;
    for (let i = this.firstFrom(cue.end); i < this.mentions.length; i++) {
      const m = this.mentions[i] as { start: number; person: Person };
      if (m.start >= cue.end + OBJECT_CHARS || tokens[tokenAt(tokens, m.start)]?.sentence !== sentence) break;
      out ??= new Set();
      out.add(m.person);
    }
    return out;
  }

  /** The person whose mention follows a description ending at `end` after a comma or "named"/"called". */
  private appositive(end: number): Person | undefined {
    const text = this.ctx.doc.text;
    const m = APPOSITIVE.exec(text.slice(end, end + APPOSITIVE_CHARS));
    if (!m) return undefined;
    const at = end + m[0].length;
    const next = this.mentions[this.firstFrom(at)];
    return next && next.start === at ? next.person : undefined;
  }

  private antecedent(end: number, gender: 'm' | 'f', objects: Set<Person> | null) {
    const tokens = this.ctx.doc.tokens;
    const fits = (i: number) => {
      const m = this.mentions[i] as { start: number; end: number; person: Person };
      const g = this.genderOf(m.person);
      return (g === null || g === gender) && !this.inQuote(m.start) && !objects?.has(m.person);
    };
    let pick = -1;
    for (let i = end - 1; i >= 0 && i >= end - PRONOUN_WALK; i--) {
      if (fits(i)) {
        pick = i;
        break;
      }
    }
    if (pick < 0) return undefined;
    // Within the nearest fitting mention's sentence: the one a speech verb attributes ("…, Stovall said."), else the
    // one that opens the sentence ("Tom Holm criticized Jim Ray."), else the nearest.
    const sentence = tokens[tokenAt(tokens, (this.mentions[pick] as { start: number }).start)]?.sentence;
    let opener = -1;
    for (let i = pick; i >= 0 && i >= end - PRONOUN_WALK; i--) {
      const m = this.mentions[i] as { start: number; end: number };
      const k = tokenAt(tokens, m.start);
      if ((tokens[k] as Token | undefined)?.sentence !== sentence) break;
      if (!fits(i)) continue;
      if (this.speaks(k, tokenAt(tokens, m.end))) return this.mentions[i];
      if (this.subjectLike(k, m.end)) opener = i;
    }
    if (opener >= 0) pick = opener;
    return this.mentions[pick];
  }

  /** The mention at tokens [k, e) is a speech verb's subject: "Stovall said", "said Stovall". */
  private speaks(k: number, e: number): boolean {
    const tokens = this.ctx.doc.tokens;
    return speechVerb(tokens, e) !== null || (k > 0 && speechVerb(tokens, k - 1) !== null);
  }

  /**
   * The mention at token k opens its sentence: only capitalised words (titles, "Mayor", "Sen."), glued full stops and
   * an opening conjunction before it, and no possessive after it ("Trump's daughter" is no subject).
   */
  private subjectLike(k: number, end: number): boolean {
    const tokens = this.ctx.doc.tokens;
    const t = tokens[k] as Token;
    const from = this.ctx.doc.sentences[t.sentence]?.tokenStart ?? k;
    if (k - from > SUBJECT_LEAD) return false;
    for (let j = from; j < k; j++) {
      const u = tokens[j] as Token;
      if (!(u.cap || SENTENCE_OPENERS.has(u.lower) || (u.text === '.' && j > from))) return false;
    }
    const c = this.ctx.doc.text.charCodeAt(end);
    return c !== 0x27 && c !== 0x2019;
  }

  /** Whether offset lies inside a direct quote's fragment (a binary search). */
  private inQuote(offset: number): boolean {
    if (!this.quotedSorted) {
      this.quotedSorted = [...(this.quoted ?? [])].sort((a, b) => a.start - b.start);
      this.quoted = null;
    }
    const list = this.quotedSorted;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as Range).start <= offset) lo = mid + 1;
      else hi = mid;
    }
    const r = list[lo - 1];
    return r !== undefined && offset < r.end;
  }

  /** A person's gender from a title or role that says it, else from the given name in compromise's lexicon. */
  private genderOf(p: Person): Gender {
    const memo = this.genders.get(p.id);
    if (memo !== undefined) return memo;
    let g: Gender = null;
    for (const w of p.titles) if (!g) g = genderOfWord(w);
    for (const w of p.roles) if (!g) g = genderOfWord(w);
    // The first word of the name the lexicon reads as a given name ("Mayor Ann Dale": Ann).
    for (const w of g ? [] : p.name.split(' ')) {
      const tags = w.length > 1 ? lexiconTags(w) : [];
      const male = tags.includes('MaleName');
      const female = tags.includes('FemaleName');
      if (male || female || tags.includes('FirstName')) {
        g = male && !female ? 'm' : female && !male ? 'f' : null;
        break;
      }
    }
    this.genders.set(p.id, g);
    return g;
  }
}

import type { Context } from '../../pipeline/types.js';
import type { Person, Quote } from '../../schema.js';
import type { Attribution, Range } from './types.js';

const TITLES =
  /^(?:(?:the|a|an|mr|mrs|ms|dr|sen|rep|gov|gen|col|lt|capt|sgt|prof|rev|president|senator|governor|minister|lieutenant|general|colonel|captain|sergeant|spokesman|spokeswoman|republican|democratic|democrat)\.?\s+)+/i;
const NAME_CHAR = /^[\p{L}\p{M}'\u2019-]$/u;

/** The last word of a name ("Korolev" in "Ivan Korolev"), read from the end: linear, no backtracking. */
function surname(s: string): string {
  let i = s.length;
  while (i > 0 && NAME_CHAR.test(s.slice(i - 1, i))) i--;
  return s.slice(i);
}

interface Known {
  name: string;
  personId: string | null;
  at: number;
}

/** Resolves attribution mentions to names: people's mentions, then surnames, then the most recent speaker. */
export class SpeakerResolver {
  private readonly people: Person[];
  private readonly bySurname = new Map<string, Person>();
  /** Person mentions in text order, for "the most recent person". */
  private readonly mentions: { start: number; end: number; person: Person; rank: number }[] = [];
  /** The longest person mention, to bound the backward scan of `overlapping`. */
  private maxMention = 0;
  private lastSpeaker: Known | null = null;

  constructor(private readonly ctx: Context) {
    this.people = ctx.results.entities?.people ?? [];
    this.people.forEach((p, rank) => {
      const s = surname(p.name).toLowerCase();
      if (s && !this.bySurname.has(s)) this.bySurname.set(s, p);
      for (const m of p.mentions) {
        this.mentions.push({ start: m.start, end: m.end, person: p, rank });
        this.maxMention = Math.max(this.maxMention, m.end - m.start);
      }
    });
    this.mentions.sort((a, b) => a.start - b.start);
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
      const p = this.overlapping(a.mention) ?? this.bySurname.get(surname(mentionText).toLowerCase());
      known = p
        ? { name: p.name, personId: p.id, at: a.mention.start }
        : { name: mentionText.replace(TITLES, '') || mentionText, personId: null, at: a.mention.start };
    } else if (a.kind === 'organization') {
      known = { name: mentionText.replace(/^the\s+/i, '') || mentionText, personId: null, at: a.mention.start };
    } else {
      known = this.recent(Math.min(quoteStart, a.mention.start)) ?? {
        name: mentionText,
        personId: null,
        at: a.mention.start,
      };
    }
    if (a.kind !== 'organization') this.lastSpeaker = { ...known, at: Math.min(quoteStart, a.mention.start) };
    return { name: known.name, personId: known.personId, mention: { ...a.mention, text: mentionText } };
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

  /** The most recent person before `offset`: a person mention, or the last resolved speaker when that is later. */
  private recent(offset: number): Known | null {
    const m = this.mentions[this.firstFrom(offset) - 1];
    const fromPeople = m ? { name: m.person.name, personId: m.person.id, at: m.start } : null;
    const last = this.lastSpeaker && this.lastSpeaker.personId !== null ? null : this.lastSpeaker;
    if (fromPeople && (!last || fromPeople.at >= last.at)) return fromPeople;
    return last ?? fromPeople;
  }
}

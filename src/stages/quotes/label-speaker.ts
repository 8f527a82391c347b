import type { Context } from '../../pipeline/types.js';
import type { QuoteCandidate } from './types.js';
import { oneZone } from './zone.js';

/** The most words a label paragraph holds ("Maria Gonzalez, 28, a nurse from Phoenix, Ariz."). */
const MAX_LABEL_WORDS = 16;
/** Finite verbs and auxiliaries: a paragraph holding one is a sentence about the person, not a label. */
const FINITE = new Set([
  'is',
  'was',
  'are',
  'were',
  'has',
  'had',
  'have',
  'will',
  'would',
  'can',
  'could',
  'did',
  'does',
  'do',
  'said',
  'says',
  'told',
  'tells',
  'added',
  'asked',
  'wrote',
  'writes',
]);
/** Double quote marks of every style: a label holds none (single ones are apostrophes too: "O’Brien"). */
const QUOTE_MARK = /["\u201C\u201D\u201E\u00AB\u00BB]/;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'\u2019.-]*/gu;

/**
 * Whether `rest`, the text of a paragraph after the person's name, completes a label: nothing but a closing colon or
 * full stop ("Maria Gonzalez:"), an age ("Maria Gonzalez, 28, Phoenix"; "Maria Gonzalez (28)"), or an appositive
 * description ("Maria Gonzalez, a nurse from Phoenix"); never a sentence (no finite verb, no quote mark).
 */
export function labelRest(rest: string): boolean {
  const r = rest.trim();
  if (r === '' || r === ':' || r === '.') return true;
  if (QUOTE_MARK.test(r)) return false;
  const words = r.match(WORD) ?? [];
  if (words.length > MAX_LABEL_WORDS) return false;
  for (const w of words) if (FINITE.has(w.toLowerCase())) return false;
  // an age: ", 28," / "(28)" / ", 28-year-old …"
  if (/^(?:,\s*|\(\s*)\d{1,3}(?:\s*\)|-year-old\b|,|\.?\s*$)/u.test(r)) return true;
  // an appositive description: ", a nurse from Phoenix" / ", the mayor's wife"
  return /^,\s*(?:a|an|the)\s/iu.test(r);
}

/**
 * Refiner `labelSpeaker`: vox-pop and "in their own words" layouts, where a paragraph that only names a person (with
 * their age, job or town: "Maria Gonzalez, 28, Phoenix") stands above a paragraph that is one unattributed quote. The
 * quote is attributed to that person (rule "label", no cue); the quote paragraphs after it inherit the speaker through
 * `continuation`, which runs next. The name must be a person the entities stage found, starting the label paragraph,
 * and label and quote must lie in one zone.
 */
export function labelSpeaker(ctx: Context, items: QuoteCandidate[]): QuoteCandidate[] {
  const { paragraphs, text } = ctx.doc;
  let nameEnd: Map<number, number> | null = null;
  for (const q of items) {
    if (q.attribution || q.paragraph === 0) continue;
    const p = paragraphs[q.paragraph];
    const last = paragraphs[q.lastParagraph];
    if (!p || !last || q.start !== p.start) continue;
    // the quote fills its paragraph(s): nothing but punctuation after its closing mark
    if (/[\p{L}\p{N}]/u.test(text.slice(q.end, last.end))) continue;
    const label = paragraphs[q.paragraph - 1];
    if (!label || !oneZone(ctx, label.start, q.end)) continue;
    if (!nameEnd) {
      nameEnd = new Map();
      for (const person of ctx.results.entities?.people ?? [])
        for (const m of person.mentions) {
          const e = nameEnd.get(m.start);
          if (e === undefined || m.end > e) nameEnd.set(m.start, m.end);
        }
    }
    const end = nameEnd.get(label.start);
    if (end === undefined || end > label.end || !labelRest(text.slice(end, label.end))) continue;
    q.attribution = { mention: { start: label.start, end }, kind: 'name', cue: null, rule: 'label', side: 'before' };
  }
  return items;
}

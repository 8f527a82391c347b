import type { Context } from '../../../pipeline/types.js';
import { ORDINALS } from '../lexicon.js';
import { candidate, intOf, NUMBERS, positionsOf, reference, tokenAt, touching, triggers } from '../scan.js';
import type { DateCandidate } from '../types.js';

const SUFFIX = new Set(['st', 'nd', 'rd', 'th']);
const CENTURY = new Set(['century', 'centuries']);
const ORDINAL_WORDS = triggers([...ORDINALS.keys()]);

/** "the 1990s" → 199, "the '90s" → 199, "the 1800s" → 18, "the 19th century" → 18, "the nineteenth century" → 18. */
export function decadeCentury(ctx: Context): DateCandidate[] {
  const out: DateCandidate[] = [];
  const toks = ctx.doc.tokens;
  let last = -1;
  for (const i of positionsOf(ctx, NUMBERS, ORDINAL_WORDS)) {
    if (i <= last) continue;
    const t = toks[i];
    if (!t || (t.kind !== 'number' && !ORDINALS.has(t.lower))) continue;
    const s = tokenAt(ctx, i + 1);
    // 1990s, 1990's
    const apos = s && (s.text === "'" || s.text === '’') && touching(t, s) ? tokenAt(ctx, i + 2) : undefined;
    const sEnd = apos && apos.lower === 's' && touching(s, apos) ? i + 3 : s?.lower === 's' ? i + 2 : 0;
    if (t.kind === 'number' && sEnd && touching(t, s)) {
      const n = intOf(t);
      if (n !== null && t.text.length === 4 && n % 10 === 0 && n >= 1000 && n <= 2190) {
        const century = n % 100 === 0;
        const value = century ? String(n / 100) : String(n / 10);
        out.push(candidate(ctx, i, sEnd, century ? 'century-s' : 'decade', century ? 'century' : 'decade', value));
        last = sEnd - 1;
        continue;
      }
      // '90s
      if (n !== null && t.text.length === 2 && n % 10 === 0) {
        const p = tokenAt(ctx, i - 1);
        if (p && (p.text === "'" || p.text === '’') && touching(p, t)) {
          const ref = reference(ctx);
          const refCentury = ref ? Math.floor(ref.y / 100) : 20;
          const century = n > (ref ? ref.y % 100 : 30) ? refCentury - 1 : refCentury;
          out.push(candidate(ctx, i - 1, sEnd, 'decade', 'decade', String(century * 10 + n / 10)));
          last = sEnd - 1;
          continue;
        }
      }
    }
    // 19th century / nineteenth century
    let ord: number | null = null;
    let k = i + 1;
    if (t.kind === 'number' && s && touching(t, s) && SUFFIX.has(s.lower)) {
      ord = intOf(t, 2);
      k = i + 2;
    } else if (t.kind === 'word') {
      ord = ORDINALS.get(t.lower) ?? null;
    }
    if (ord === null || ord < 1 || ord > 22) continue;
    if (tokenAt(ctx, k)?.text === '-') k++;
    if (!CENTURY.has(tokenAt(ctx, k)?.lower ?? '')) continue;
    out.push(candidate(ctx, i, k + 1, 'century', 'century', String(ord - 1).padStart(2, '0')));
    last = k;
  }
  return out;
}

/** Refiner: names in `config.suppress` are never tagged (matched case-insensitively, on the span or its entity). */
import type { Context } from '../../pipeline/types.js';
import type { Candidate } from './candidate.js';

export function dropSuppressed(ctx: Context, items: Candidate[]): Candidate[] {
  const s = ctx.config.suppress;
  if (!s.size) return items;
  return items.filter((c) => !s.has(c.text.toLowerCase()) && !(c.canonical && s.has(c.canonical.toLowerCase())));
}

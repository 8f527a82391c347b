import type { Paragraph, Token } from './types.js';

export interface Zoning {
  headline: { start: number; end: number } | null;
  authors: { name: string; start: number; end: number }[];
  datelineDate: string | null;
}

/** Assigns a zone to every paragraph (mutates `paragraphs[i].zone`). */
export function classifyZones(text: string, paragraphs: Paragraph[], _tokens: Token[]): Zoning {
  let headline: Zoning['headline'] = null;
  for (const p of paragraphs) {
    p.zone = 'body';
    if (!headline && p.end - p.start < 200 && !/[.!?]$/.test(text.slice(p.start, p.end))) {
      headline = { start: p.start, end: p.end };
      p.zone = 'headline';
    }
  }
  return { headline, authors: [], datelineDate: null };
}

import type { Token } from '../../text/types.js';
import type { QuoteCandidate } from './types.js';

/** The tokens around a quote that may hold its attribution: [afterFrom, afterTo) after it, [beforeFrom, beforeTo) before. */
export interface Window {
  tokens: Token[];
  afterFrom: number;
  afterTo: number;
  beforeFrom: number;
  beforeTo: number;
  quote: QuoteCandidate;
  /** The hard limit before the quote (its paragraph's start, the quote before it), which beforeFrom only narrows. */
  floor?: number;
}

/** Extent of a pattern's search, in tokens. */
export const AFTER_REACH = 34;
export const BEFORE_REACH = 14;

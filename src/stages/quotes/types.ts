/** Offsets are normalized-text offsets. */
export interface Range {
  start: number;
  end: number;
}

export type MentionKind = 'name' | 'pronoun' | 'description' | 'organization';

/** Who a quote is attributed to, as found in the text (resolved to a name in finalize). */
export interface Attribution {
  mention: Range;
  kind: MentionKind;
  cue: Range | null;
  /** The pattern that found it: "speaker-said", "said-speaker", "lead-in", "according-to", "continuation". */
  rule: string;
  /** Where the attribution sits: after the quote, before it (lead-in), or inherited from an earlier quote. */
  side: 'after' | 'before' | 'inherited';
  /** When the mention is a relative pronoun (`a sign which read`, `Lynch, who asked`): the phrase it stands for. */
  ref?: { range: Range; kind: MentionKind };
}

/** A direct-quote candidate: from its first opening mark to its last closing mark. */
export interface QuoteCandidate extends Range {
  fragments: Range[];
  /** Paragraph index of the first and last fragment. */
  paragraph: number;
  lastParagraph: number;
  /** The extractor that produced it ("quote-marks", "quote-marks:multi-paragraph", "quote-marks:unclosed"). */
  rule: string;
  /** The closing mark was missing (capped at the paragraph end). */
  unclosed: boolean;
  attribution: Attribution | null;
}

/** One taxonomy entry as written in data/topics/*.tsv or given to `createTagger({ taxonomy })`. */
export interface TopicRow {
  /** Lower-case slug, unique: "asylum", "drone-strikes", "iptc-politics". */
  id: string;
  /** The entry this one sits under (its evidence also counts for the parent), or null for a root. */
  parent: string | null;
  /** The nearest IPTC Media Topic ("medtop:20000645"), or null. */
  iptc: string | null;
  /** Multiplies every trigger's weight. */
  weight: number;
  label: string;
  /** Trigger syntax: words matched on Porter stems; "=Word" matches the exact case; "term^0.5" sets its weight. */
  triggers: string[];
  /** Phrases (same syntax, no weight) that cancel an overlapping trigger match of this entry: "border on". */
  negatives: string[];
  /**
   * Precompiled match keys parallel to `triggers` / `negatives` (written by scripts/data/topics.ts so the built-in
   * taxonomy compiles without stemming): the unit stems joined by spaces, then "|" and the surface words for
   * "=Word" terms. A trigger without a key (a user's) is parsed at compile time.
   */
  keys?: string[];
  negKeys?: string[];
}

/** The one place a Context is made: by the tagger for every call, and by the stage tests that run a stage alone. */
import type { ResolvedConfig } from '../config.js';
import type { ResolvedOptions } from '../options.js';
import type { Warning } from '../schema.js';
import type { Doc } from '../text/types.js';
import { CONTENT_ZONES, type Context } from './types.js';

/** A fresh Context for `input` (its normalized document `doc`); the reference date is options' or the dateline's. */
export function createContext(input: string, doc: Doc, options: ResolvedOptions, config: ResolvedConfig): Context {
  const warnings: Warning[] = [];
  return {
    input,
    doc,
    options,
    config,
    publishedAt: options.publishedAt ?? doc.datelineDate,
    results: {},
    warnings,
    warn(code, message, start, end) {
      const w: Warning = { code, message };
      if (start !== undefined && end !== undefined && end > start) {
        w.start = start;
        w.end = end;
      }
      warnings.push(w);
    },
    inScope: (offset) => options.keepChrome || CONTENT_ZONES.has(doc.zoneAt(offset)),
    zoneAt: (offset) => doc.zoneAt(offset),
  };
}

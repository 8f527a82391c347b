/** Kind codes of the compiled gazetteer (shared by scripts/data/places.ts and the runtime loader). */
import type { PlaceKind } from '../schema.js';

/** The kind letters in record-code order: a record's kind is its region-and-kind number modulo 8. */
export const KIND_LETTERS = ['n', 'c', 'r', 'C', 't', 'v', 'f', 'o'] as const;

export const KIND_CODES: Record<string, PlaceKind> = {
  n: 'continent',
  c: 'country',
  r: 'region',
  C: 'city',
  t: 'town',
  v: 'village',
  f: 'feature',
  o: 'other',
};

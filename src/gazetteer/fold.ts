/**
 * Folds a place name to its lookup key: lower case, diacritics stripped (NFD, then combining marks removed),
 * typographic apostrophes and dashes unified, whitespace collapsed. "Pabradė" and "PABRADE" both fold to "pabrade".
 */
export function fold(s: string): string {
  let t = s.trim();
  // Non-ASCII only: the ASCII fast path keeps the lazy load of ~150k names cheap.
  if (/[^\x00-\x7f]/.test(t)) {
    t = t
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
      .replace(/[\u2010-\u2015]/g, '-')
      .replace(/ß/g, 'ss')
      .replace(/[łŁ]/g, 'l')
      .replace(/[øØ]/g, 'o')
      .replace(/[đĐ]/g, 'd')
      .replace(/[æÆ]/g, 'ae')
      .replace(/[ıİ]/g, 'i');
  }
  return t.toLowerCase().replace(/\s+/g, ' ');
}

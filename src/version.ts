/** Package and data versions, recorded in every result's `generator` so archives know what to re-tag. */
export const PACKAGE_VERSION = '0.1.0';
/** Bumped whenever a shipped list, gazetteer, taxonomy or model changes. */
export const DATA_VERSION = '2026-11-26.4';

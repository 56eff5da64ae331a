/**
 * Size limits of the feed contract (docs/feed-format.md §1). Lengths are in UTF-16 code units,
 * the unit of a JavaScript string: a character outside the Basic Multilingual Plane counts two.
 */

/**
 * Longest row: a CSV row or an NDJSON line without its line break, or a GeoJSON feature's text
 * from its `{` to its `}`. A longer CSV row refuses the file; a longer NDJSON line or GeoJSON
 * feature is rejected.
 */
export const MAX_ROW_CHARS = 1 << 20;

/**
 * Deepest nesting of arrays and objects in a JSON row (an NDJSON line or a GeoJSON feature),
 * counting the row's own braces as level 1. A deeper row is rejected.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Most warnings one row gives about one field (malformed links, duplicate header columns); the
 * rest are counted in one more warning, so a hostile row cannot flood the report.
 */
export const MAX_WARNINGS_PER_FIELD = 10;

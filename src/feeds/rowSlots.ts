/**
 * Canonical fields of the feed contract, in slot order. A row is handed to the normaliser as an
 * array indexed by these slots, so header resolution happens once per file and per-row work is
 * plain array access.
 */
export const CANONICAL_FIELDS = [
  'id',
  'source',
  'time',
  'lon',
  'lat',
  'x',
  'y',
  'easting',
  'northing',
  'crs',
  'category',
  'kind',
  'severity',
  'grading',
  'value',
  'currency',
  'mode',
  'site',
  'channel',
  'links',
  'description',
  'updated',
  'handling',
] as const;

/** A canonical field name. */
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

/** Slot index of each canonical field, plus two internal slots for a GeoJSON Point's coordinates. */
export const SLOT = {
  id: 0,
  source: 1,
  time: 2,
  lon: 3,
  lat: 4,
  x: 5,
  y: 6,
  easting: 7,
  northing: 8,
  crs: 9,
  category: 10,
  kind: 11,
  severity: 12,
  grading: 13,
  value: 14,
  currency: 15,
  mode: 16,
  site: 17,
  channel: 18,
  links: 19,
  description: 20,
  updated: 21,
  handling: 22,
  geometryX: 23,
  geometryY: 24,
} as const;

/** Length of a row-slot array. */
export const SLOT_COUNT = 25;

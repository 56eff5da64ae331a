/**
 * Transport modes a record may name, in code order. Stored as Uint8: 0 means "no mode",
 * so the code of TRANSPORT_MODES[i] is i + 1. Stored chunks keep these codes, so a new mode is
 * only ever appended: reordering or removing one would change the meaning of stored records.
 */
export const TRANSPORT_MODES = [
  'sea',
  'land',
  'air',
  'rail',
  'passenger',
  'vehicle',
  'postal',
  'ecommerce',
  'low_altitude',
  'ferry',
] as const;

/** A transport mode of the feed contract. */
export type TransportMode = (typeof TRANSPORT_MODES)[number];

/**
 * Transport modes a record may name, in code order. Stored as Uint8: 0 means "no mode",
 * so the code of TRANSPORT_MODES[i] is i + 1.
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
] as const;

/** A transport mode of the feed contract. */
export type TransportMode = (typeof TRANSPORT_MODES)[number];

import type { LonLat } from '../LonLat.ts';

/** A closed linear ring: the first position is repeated at the end. */
export type Ring = LonLat[];

/** A polygon as GeoJSON stores it: the outer ring first, then its holes. */
export type PolygonRings = Ring[];

/** Key of a position for exact matching: shared vertices of noded data compare equal. */
export function positionKey(position: LonLat): string {
  return `${position[0]},${position[1]}`;
}

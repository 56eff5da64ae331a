import type { Ring } from './Ring.ts';

const KM_PER_DEGREE = 111.32;

/** Shoelace area in square degrees: positive when the ring runs counter-clockwise (lon east, lat north). */
export function ringSignedArea(ring: Ring): number {
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return twice / 2;
}

/** Approximate unsigned area in km², with longitudes scaled at the ring's mean latitude. */
export function ringAreaKm2(ring: Ring): number {
  if (ring.length === 0) return 0;
  const meanLat = ring.reduce((sum, p) => sum + p[1], 0) / ring.length;
  return Math.abs(ringSignedArea(ring)) * KM_PER_DEGREE * KM_PER_DEGREE * Math.cos((meanLat * Math.PI) / 180);
}

/** The ring wound counter-clockwise (exterior rings in GeoJSON); a copy when it had to turn. */
export function counterClockwise(ring: Ring): Ring {
  return ringSignedArea(ring) < 0 ? [...ring].reverse() : ring;
}

/** The ring wound clockwise (holes in GeoJSON); a copy when it had to turn. */
export function clockwise(ring: Ring): Ring {
  return ringSignedArea(ring) > 0 ? [...ring].reverse() : ring;
}

import type { LonLat } from './LonLat.ts';

/** Decimals kept in the app's geography files: 1e-4° is about 11 m. */
export const COORDINATE_DECIMALS = 4;

/** Rounds a coordinate value half away from zero to `decimals` places. */
export function roundCoordinate(value: number, decimals = COORDINATE_DECIMALS): number {
  const factor = 10 ** decimals;
  return Math.sign(value) * (Math.round(Math.abs(value) * factor) / factor);
}

/** Rounds both members of a position; returns a new tuple. */
export function roundLonLat(position: readonly number[], decimals = COORDINATE_DECIMALS): LonLat {
  return [roundCoordinate(position[0], decimals), roundCoordinate(position[1], decimals)];
}

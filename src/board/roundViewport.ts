import type { Viewport } from './BoardQuery.ts';

/** Decimal places kept of a viewport's degrees (~1 cm) and of its zoom. */
const DEGREE_DECIMALS = 7;
const ZOOM_DECIMALS = 4;

const rounded = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

/**
 * A viewport with its edges and zoom rounded far below what the events layer can tell apart. The
 * map recomputes its bounds from floating-point transforms, so the same camera reports edges that
 * differ in the 12th digit; rounded, the same camera is the same question and is not asked again.
 */
export function roundViewport(viewport: Viewport): Viewport {
  return {
    west: rounded(viewport.west, DEGREE_DECIMALS),
    south: rounded(viewport.south, DEGREE_DECIMALS),
    east: rounded(viewport.east, DEGREE_DECIMALS),
    north: rounded(viewport.north, DEGREE_DECIMALS),
    zoom: rounded(viewport.zoom, ZOOM_DECIMALS),
  };
}

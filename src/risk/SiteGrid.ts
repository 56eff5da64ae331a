import { distanceKm } from './distanceKm.ts';
import { LonLatGrid } from './LonLatGrid.ts';

/** Finds the nearest of a fixed set of points within a radius, through a LonLatGrid. */
export class SiteGrid {
  private readonly lons: Float64Array;
  private readonly lats: Float64Array;
  private readonly radiusKm: number;
  private readonly grid: LonLatGrid | null;

  /** Points as parallel lon/lat lists; `radiusKm` ≤ 0 makes every query miss. */
  constructor(lons: ArrayLike<number>, lats: ArrayLike<number>, radiusKm: number) {
    this.lons = Float64Array.from(lons);
    this.lats = Float64Array.from(lats);
    this.radiusKm = radiusKm;
    const boxes = new Float64Array(this.lons.length * 4);
    for (let i = 0; i < this.lons.length; i++) boxes.set([this.lons[i], this.lats[i], this.lons[i], this.lats[i]], 4 * i);
    this.grid = radiusKm > 0 && this.lons.length > 0 ? new LonLatGrid(boxes, radiusKm) : null;
  }

  /** Index of the nearest point within the radius (lowest index on a tie), or -1. */
  nearest(lon: number, lat: number): number {
    const grid = this.grid;
    if (grid === null) return -1;
    const cell = grid.cellOf(lon, lat);
    if (cell < 0) return -1;
    let best = -1;
    let bestDistance = Infinity;
    for (let slot = grid.start[cell]; slot < grid.start[cell + 1]; slot++) {
      const i = grid.items[slot];
      const d = distanceKm(lon, lat, this.lons[i], this.lats[i]);
      if (d <= this.radiusKm && (d < bestDistance || (d === bestDistance && i < best))) {
        best = i;
        bestDistance = d;
      }
    }
    return best;
  }
}

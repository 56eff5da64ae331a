import { BASE_CELL_RESOLUTION } from './baseCellResolution.ts';
import type { ResolvedCells } from './CellResolver.ts';
import { latLngToCellHalves } from './latLngToCellHalves.ts';

/**
 * Writes resolution-9 H3 cells as two 32-bit halves, one position at a time. A position equal to
 * the previous one it computed (rows placed at a site's reference point) reuses that cell.
 */
export class CellWriter {
  private lastLon = Number.NaN;
  private lastLat = Number.NaN;
  private lastHigh = 0;
  private lastLow = 0;

  /** Stores the cell of (lon, lat) at `row` of `high` and `low`. */
  write(lon: number, lat: number, high: Uint32Array, low: Uint32Array, row: number): void {
    if (lon === this.lastLon && lat === this.lastLat) {
      high[row] = this.lastHigh;
      low[row] = this.lastLow;
      return;
    }
    latLngToCellHalves(lat, lon, BASE_CELL_RESOLUTION, high, low, row);
    this.lastLon = lon;
    this.lastLat = lat;
    this.lastHigh = high[row];
    this.lastLow = low[row];
  }
}

/** The resolution-9 H3 cell of every position as two 32-bit halves (high, low). */
export function computeCells(lon: Float64Array, lat: Float64Array): ResolvedCells {
  if (lon.length !== lat.length) throw new Error(`computeCells(): ${lon.length} longitudes but ${lat.length} latitudes`);
  const n = lon.length;
  const high = new Uint32Array(n);
  const low = new Uint32Array(n);
  const writer = new CellWriter();
  for (let row = 0; row < n; row++) writer.write(lon[row], lat[row], high, low, row);
  return { high, low };
}

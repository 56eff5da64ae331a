import { cellToBoundary, cellToLatLng } from 'h3-js';
import { cellHalvesToHex } from './cellHalves.ts';
import type { CellLevel } from './EventTable.ts';

/** Outlines and centres of ranked cells, flat, for a polygon layer that needs no H3 of its own. */
export interface CellShapes {
  /** Interleaved lon, lat of every outline (Float32), open rings (the first vertex is not repeated). */
  outline: Float32Array;
  /** Cell k's ring is vertices `outlineStart[k] .. outlineStart[k + 1]`; `count + 1` entries. */
  outlineStart: Uint32Array;
  /** Interleaved lon, lat of each cell's centre. */
  centre: Float32Array;
}

/**
 * Each cell's outline and centre, computed with h3-js the first time a cell is drawn and kept per
 * resolution and dictionary index: the cells of a table never change, and a drawn cell is drawn
 * again at the next answer.
 */
export class CellGeometry {
  private readonly rings = new Map<number, (Float32Array | undefined)[]>();
  private readonly centres = new Map<number, Float64Array>();

  /** The ring of cell `index` of `level`: interleaved lon, lat. */
  ring(level: CellLevel, index: number): Float32Array {
    let rings = this.rings.get(level.resolution);
    if (rings === undefined) this.rings.set(level.resolution, (rings = []));
    let ring = rings[index];
    if (ring === undefined) {
      const boundary = cellToBoundary(cellHalvesToHex(level.high[index], level.low[index]));
      ring = new Float32Array(2 * boundary.length);
      boundary.forEach(([lat, lon], v) => {
        ring![2 * v] = lon;
        ring![2 * v + 1] = lat;
      });
      rings[index] = ring;
    }
    return ring;
  }

  /** The centre `[lon, lat]` of cell `index` of `level` (h3-js cellToLatLng, full precision). */
  centre(level: CellLevel, index: number): [number, number] {
    let centres = this.centres.get(level.resolution);
    if (centres === undefined || centres.length < 2 * level.high.length) {
      centres = new Float64Array(2 * level.high.length).fill(Number.NaN);
      this.centres.set(level.resolution, centres);
    }
    if (centres[2 * index] !== centres[2 * index]) {
      const [lat, lon] = cellToLatLng(cellHalvesToHex(level.high[index], level.low[index]));
      centres[2 * index] = lon;
      centres[2 * index + 1] = lat;
    }
    return [centres[2 * index], centres[2 * index + 1]];
  }

  /** Fresh flat outlines and centres of `cells` (dictionary indexes of `level`), in their order. */
  shapes(level: CellLevel, cells: ArrayLike<number>): CellShapes {
    const n = cells.length;
    const outlineStart = new Uint32Array(n + 1);
    for (let k = 0; k < n; k++) outlineStart[k + 1] = outlineStart[k] + this.ring(level, cells[k]).length / 2;
    const outline = new Float32Array(2 * outlineStart[n]);
    const centre = new Float32Array(2 * n);
    for (let k = 0; k < n; k++) {
      outline.set(this.ring(level, cells[k]), 2 * outlineStart[k]);
      const [lon, lat] = this.centre(level, cells[k]);
      centre[2 * k] = lon;
      centre[2 * k + 1] = lat;
    }
    return { outline, outlineStart, centre };
  }
}

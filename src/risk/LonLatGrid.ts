import { KM_PER_DEGREE } from './distanceKm.ts';

/** Upper bound on grid cells, so a continent-wide set of places cannot exhaust memory. */
const MAX_GRID_CELLS = 1 << 20;

/**
 * A uniform lon/lat bucket grid over item boxes, stored as compressed rows (cell → items).
 * Each item is registered in every cell its box, grown by `radiusKm`, overlaps; a query then reads
 * one cell and gets every item that can be within `radiusKm` of the point.
 */
export class LonLatGrid {
  private readonly minLon: number;
  private readonly minLat: number;
  private readonly cellLon: number;
  private readonly cellLat: number;
  private readonly columns: number;
  private readonly rows: number;
  /** First item slot of each cell; cell c spans start[c] .. start[c + 1]. */
  readonly start: Uint32Array;
  /** Item indexes, grouped by cell. */
  readonly items: Uint32Array;

  /**
   * @param boxes four numbers per item: minLon, minLat, maxLon, maxLat.
   * @param radiusKm search radius; must be > 0.
   */
  constructor(boxes: Float64Array, radiusKm: number) {
    const count = boxes.length / 4;
    let minLon = Infinity;
    let minLat = Infinity;
    let maxLon = -Infinity;
    let maxLat = -Infinity;
    for (let i = 0; i < count; i++) {
      minLon = Math.min(minLon, boxes[4 * i]);
      minLat = Math.min(minLat, boxes[4 * i + 1]);
      maxLon = Math.max(maxLon, boxes[4 * i + 2]);
      maxLat = Math.max(maxLat, boxes[4 * i + 3]);
    }
    const padLat = radiusKm / KM_PER_DEGREE;
    const extremeLat = Math.min(89, Math.max(Math.abs(minLat), Math.abs(maxLat)) + padLat);
    // Degrees of longitude per radius at the highest latitude: the widest the radius gets.
    const padLon = Math.min(360, radiusKm / (KM_PER_DEGREE * Math.cos((extremeLat * Math.PI) / 180)));
    this.minLon = minLon - padLon;
    this.minLat = minLat - padLat;
    const spanLon = maxLon + padLon - this.minLon;
    const spanLat = maxLat + padLat - this.minLat;
    let cellLon = padLon;
    let cellLat = padLat;
    while (Math.ceil(spanLon / cellLon) * Math.ceil(spanLat / cellLat) > MAX_GRID_CELLS) {
      cellLon *= 2;
      cellLat *= 2;
    }
    this.cellLon = cellLon;
    this.cellLat = cellLat;
    this.columns = count === 0 ? 0 : Math.max(1, Math.ceil(spanLon / cellLon));
    this.rows = count === 0 ? 0 : Math.max(1, Math.ceil(spanLat / cellLat));

    const cellCount = this.columns * this.rows;
    const start = new Uint32Array(cellCount + 1);
    const visit = (item: number, add: (cell: number) => void): void => {
      const c0 = this.column(boxes[4 * item] - padLon);
      const r0 = this.row(boxes[4 * item + 1] - padLat);
      const c1 = this.column(boxes[4 * item + 2] + padLon);
      const r1 = this.row(boxes[4 * item + 3] + padLat);
      for (let r = Math.max(0, r0); r <= Math.min(this.rows - 1, r1); r++) {
        for (let c = Math.max(0, c0); c <= Math.min(this.columns - 1, c1); c++) add(r * this.columns + c);
      }
    };
    for (let i = 0; i < count; i++) visit(i, (cell) => start[cell + 1]++);
    for (let cell = 0; cell < cellCount; cell++) start[cell + 1] += start[cell];
    const fill = start.slice(0, cellCount);
    const items = new Uint32Array(start[cellCount]);
    for (let i = 0; i < count; i++) visit(i, (cell) => (items[fill[cell]++] = i));
    this.start = start;
    this.items = items;
  }

  private column(lon: number): number {
    return Math.floor((lon - this.minLon) / this.cellLon);
  }

  private row(lat: number): number {
    return Math.floor((lat - this.minLat) / this.cellLat);
  }

  /**
   * Calls `visit` with every item registered in a cell the lon/lat box meets (an item in several
   * such cells comes once per cell), so with every item that can be within the radius of some
   * point of the box. Returns false, visiting nothing, when the box meets more than two columns
   * or rows of cells.
   */
  forEachItemNearBox(minLon: number, minLat: number, maxLon: number, maxLat: number, visit: (item: number) => void): boolean {
    const c0 = Math.max(0, this.column(minLon));
    const c1 = Math.min(this.columns - 1, this.column(maxLon));
    const r0 = Math.max(0, this.row(minLat));
    const r1 = Math.min(this.rows - 1, this.row(maxLat));
    if (c1 - c0 > 1 || r1 - r0 > 1) return false;
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = r * this.columns + c;
        for (let slot = this.start[cell]; slot < this.start[cell + 1]; slot++) visit(this.items[slot]);
      }
    }
    return true;
  }

  /** Cell holding the point, or -1 when the point is outside the grid (no item within reach). */
  cellOf(lon: number, lat: number): number {
    const c = this.column(lon);
    const r = this.row(lat);
    if (!(c >= 0 && c < this.columns && r >= 0 && r < this.rows)) return -1;
    return r * this.columns + c;
  }
}

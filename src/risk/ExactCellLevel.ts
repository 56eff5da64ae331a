import { cellToBoundary, cellToLatLng } from 'h3-js';
import type { EventChunk } from '../events/EventChunk.ts';
import { latLngToCellHalves } from '../events/latLngToCellHalves.ts';
import { cellCentreOfHalves } from '../events/cellCentreOfHalves.ts';
import { cellHalvesToHex, cellKeyHigh, cellKeyLow } from './cellHalves.ts';
import { CellKeySet } from './CellKeySet.ts';
import { EARTH_RADIUS_KM, KM_PER_DEGREE } from './distanceKm.ts';
import type { CellLevel } from './EventTable.ts';

/** Where a table's rows live: enough to read every row's full-precision position. */
export interface TableRows {
  chunks: readonly EventChunk[];
  /** Table row where each chunk's live rows begin. */
  chunkStart: Uint32Array;
  /** Per table row: its row inside its chunk. */
  chunkRow: ArrayLike<number>;
}

/**
 * Distance, km, by which a point must clear every edge of a candidate cell, in the local frame,
 * to be taken as inside it without asking H3: a metre for H3's and our rounding, plus the most a
 * great-circle edge of length L can bow away from its straight chord in the frame, which stays
 * below L² / R (measured: under L² / 17R in the bay — 0.9 m on a 10 km resolution-5 edge).
 */
const EDGE_MARGIN_KM = 0.001;

const RAD = Math.PI / 180;

/**
 * Candidate cells as polygons in local frames: per cell its centre, the frame's km per degree
 * of longitude there, and per boundary edge an inward unit normal (nx, ny) and the least value of
 * `nx·x + ny·y` that clears the edge by its margin. A point that clears every edge lies in the
 * intersection of the edges' inner half-planes, which for any simple polygon lies inside it.
 */
interface CandidatePolygons {
  lon: Float64Array;
  lat: Float64Array;
  kx: Float64Array;
  /** Per cell: the square of the largest radius around the centre that clears every edge. */
  innerRadiusSquared: Float64Array;
  /** Per cell: first edge in the edge arrays; `edgeStart[cells]` ends the last. */
  edgeStart: Uint32Array;
  nx: Float64Array;
  ny: Float64Array;
  clear: Float64Array;
}

function candidatePolygons(keys: Float64Array, resolution: number): CandidatePolygons {
  const n = keys.length;
  const lons = new Float64Array(n);
  const lats = new Float64Array(n);
  const kxs = new Float64Array(n);
  const innerRadiusSquared = new Float64Array(n);
  const edgeStart = new Uint32Array(n + 1);
  const nx: number[] = [];
  const ny: number[] = [];
  const clear: number[] = [];
  for (let p = 0; p < n; p++) {
    const hex = cellHalvesToHex(cellKeyHigh(keys[p], resolution), cellKeyLow(keys[p]));
    const [lat, lon] = cellToLatLng(hex);
    const kx = KM_PER_DEGREE * Math.cos(lat * RAD);
    const boundary = cellToBoundary(hex);
    const xs = boundary.map(([, vLon]) => (vLon - lon) * kx);
    const ys = boundary.map(([vLat]) => (vLat - lat) * KM_PER_DEGREE);
    // Orientation from the signed area, so that the normals point inwards either way.
    let twiceArea = 0;
    for (let v = 0; v < xs.length; v++) {
      const w = (v + 1) % xs.length;
      twiceArea += xs[v] * ys[w] - xs[w] * ys[v];
    }
    const inward = twiceArea > 0 ? 1 : -1;
    let inner = Infinity;
    for (let v = 0; v < xs.length; v++) {
      const w = (v + 1) % xs.length;
      const ex = xs[w] - xs[v];
      const ey = ys[w] - ys[v];
      const length = Math.hypot(ex, ey);
      if (!(length > 0)) continue;
      // Left of a counter-clockwise edge is inside.
      const ux = (-ey / length) * inward;
      const uy = (ex / length) * inward;
      nx.push(ux);
      ny.push(uy);
      const least = ux * xs[v] + uy * ys[v] + (length * length) / EARTH_RADIUS_KM + EDGE_MARGIN_KM;
      clear.push(least);
      // The centre clears this edge by -least.
      inner = Math.min(inner, -least);
    }
    innerRadiusSquared[p] = inner > 0 ? inner * inner : 0;
    lons[p] = lon;
    lats[p] = lat;
    kxs[p] = kx;
    edgeStart[p + 1] = nx.length;
  }
  return { lon: lons, lat: lats, kx: kxs, innerRadiusSquared, edgeStart, nx: Float64Array.from(nx), ny: Float64Array.from(ny), clear: Float64Array.from(clear) };
}

/** True when the point (x, y), in candidate `p`'s frame, clears every edge of candidate `p`. */
function clearsEdges(cells: CandidatePolygons, p: number, x: number, y: number): boolean {
  // Most points lie well inside: one test for them.
  if (x * x + y * y <= cells.innerRadiusSquared[p]) return true;
  const { nx, ny, clear } = cells;
  const end = cells.edgeStart[p + 1];
  for (let k = cells.edgeStart[p]; k < end; k++) {
    if (nx[k] * x + ny[k] * y < clear[k]) return false;
  }
  return true;
}

/** Index of `key` in ascending `keys`, or -1. */
function indexOfKey(keys: Float64Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else if (keys[mid] > key) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** `lookup[keys[e]]` for every e, in an index column sized to `dictionarySize`. */
export function mapThrough(keys: ArrayLike<number>, lookup: Uint32Array, dictionarySize: number): Uint16Array | Uint32Array {
  // One loop per element type keeps each store monomorphic.
  if (dictionarySize <= 0x10000) {
    const narrow = new Uint16Array(keys.length);
    for (let e = 0; e < keys.length; e++) narrow[e] = lookup[keys[e]];
    return narrow;
  }
  const wide = new Uint32Array(keys.length);
  for (let e = 0; e < keys.length; e++) wide[e] = lookup[keys[e]];
  return wide;
}

/**
 * The cell level of a table at a resolution coarser than its stored cells, computed on first use:
 * each event's cell is the one H3's `latLngToCell` gives for its full-precision position at that
 * resolution. (The parent of an event's resolution-9 cell is often not that cell: H3 cells do not
 * nest, and a point near a coarse cell's edge may lie in the parent's neighbour.)
 *
 * Asking H3 for every event would cost ~0.4 µs each. Instead, the cell holding the centre of an
 * event's resolution-9 cell serves as a candidate: an event that clears every edge of the
 * candidate by a safe margin (see EDGE_MARGIN_KM) lies in it for certain, and only the rest —
 * events in resolution-9 cells that straddle the candidate's edge — are asked of H3.
 */
export class ExactCellLevel implements CellLevel {
  private computed: { index: Uint16Array | Uint32Array; high: Uint32Array; low: Uint32Array } | null = null;

  /**
   * @param keys9 the table's distinct resolution-9 cellKeys, ascending
   * @param index9 per table row: index of its resolution-9 cell in `keys9`
   */
  constructor(
    readonly resolution: number,
    private readonly keys9: Float64Array,
    private readonly index9: Uint16Array | Uint32Array,
    private readonly rows: TableRows,
  ) {}

  get index(): Uint16Array | Uint32Array {
    return this.compute().index;
  }

  get high(): Uint32Array {
    return this.compute().high;
  }

  get low(): Uint32Array {
    return this.compute().low;
  }

  private compute(): { index: Uint16Array | Uint32Array; high: Uint32Array; low: Uint32Array } {
    if (this.computed !== null) return this.computed;
    const { resolution, keys9, index9, rows } = this;
    const high = new Uint32Array(1);
    const low = new Uint32Array(1);

    // The candidate of a resolution-9 cell: the cell at `resolution` holding its centre. Every
    // cell found is interned in `cells`; the candidates come first.
    const cells = new CellKeySet();
    const candidateOf9 = new Uint32Array(keys9.length);
    for (let k = 0; k < keys9.length; k++) {
      const [lat, lon] = cellCentreOfHalves(cellKeyHigh(keys9[k], 9), cellKeyLow(keys9[k]));
      latLngToCellHalves(lat, lon, resolution, high, low, 0);
      candidateOf9[k] = cells.add(high[0] & 0xfffff, low[0] >>> 18);
    }
    const polygons = candidatePolygons(cells.keys(), resolution);

    // Per row: its cell's index in `cells`.
    const cellOf = new Uint32Array(index9.length);
    const { chunks, chunkStart, chunkRow } = rows;
    for (let c = 0; c < chunks.length; c++) {
      const { lon, lat } = chunks[c].columns;
      const end = chunkStart[c + 1];
      for (let e = chunkStart[c]; e < end; e++) {
        const row = chunkRow[e];
        const x = lon[row];
        const y = lat[row];
        const p = candidateOf9[index9[e]];
        if (clearsEdges(polygons, p, (x - polygons.lon[p]) * polygons.kx[p], (y - polygons.lat[p]) * KM_PER_DEGREE)) {
          cellOf[e] = p;
        } else {
          latLngToCellHalves(y, x, resolution, high, low, 0);
          cellOf[e] = cells.add(high[0] & 0xfffff, low[0] >>> 18);
        }
      }
    }

    // Dictionary of the cells some row lies in, ascending by id.
    const used = new Uint8Array(cells.size);
    for (let e = 0; e < cellOf.length; e++) used[cellOf[e]] = 1;
    const allKeys = cells.keys();
    const usedKeys: number[] = [];
    for (let k = 0; k < allKeys.length; k++) if (used[k] === 1) usedKeys.push(allKeys[k]);
    const sorted = Float64Array.from(usedKeys).sort();
    const finalOf = new Uint32Array(allKeys.length);
    for (let k = 0; k < allKeys.length; k++) if (used[k] === 1) finalOf[k] = indexOfKey(sorted, allKeys[k]);
    const index = mapThrough(cellOf, finalOf, sorted.length);
    const levelHigh = new Uint32Array(sorted.length);
    const levelLow = new Uint32Array(sorted.length);
    for (let d = 0; d < sorted.length; d++) {
      levelHigh[d] = cellKeyHigh(sorted[d], resolution);
      levelLow[d] = cellKeyLow(sorted[d]);
    }
    this.computed = { index, high: levelHigh, low: levelLow };
    return this.computed;
  }
}

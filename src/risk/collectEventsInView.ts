import { CATEGORY_KEYS } from '../domain/categories.ts';
import type { EventTable } from './EventTable.ts';
import { RUN_CURRENT, windowRuns } from './windowRuns.ts';

/** A map viewport in WGS-84 degrees and its zoom; `west > east` crosses the antimeridian. */
export interface ViewBox {
  west: number;
  south: number;
  east: number;
  north: number;
  zoom: number;
}

/** Raw points when at most this many counted events are in view, else an aggregate. */
export const MAX_VIEW_POINTS = 30_000;

/** Side of an aggregate's grid square on screen, in CSS pixels at the viewport's zoom. */
const AGGREGATE_CELL_PX = 12;

/** Most grid squares per side: a huge viewport at a high zoom gets larger squares instead. */
const MAX_GRID_SIDE = 256;

/** The events layer: the counted events in view, or their aggregate. */
export interface EventLayer {
  kind: 'points' | 'aggregate';
  count: number;
  /** Interleaved lon, lat (Float32). */
  positions: Float32Array;
  /** Points: category code; aggregate: the most frequent category (lowest code on a tie). */
  category: Uint8Array;
  /** Points: severity 1..5; aggregate: 0. */
  severity: Uint8Array;
  /** Points: 1; aggregate: events merged. */
  weight: Uint32Array;
  /** Points: table row; aggregate: -1. */
  row: Int32Array;
  /** Counted events in view, shown or merged. */
  inView: number;
}

/**
 * The events with `fromSec ≤ time ≤ toSec` that pass `mask` and lie in `view` (Float32 positions),
 * in one pass over the time blocks that meet the window: every one of them as a point when there
 * are at most `maxPoints`, else one point per non-empty square of a grid `AGGREGATE_CELL_PX`
 * screen pixels wide at the view's zoom (degrees of longitude and latitude alike), placed at the
 * mean position of its events, with their count and most frequent category.
 */
export function collectEventsInView(
  table: EventTable,
  fromSec: number,
  toSec: number,
  mask: Uint8Array | null,
  view: ViewBox,
  maxPoints = MAX_VIEW_POINTS,
): EventLayer {
  const crosses = view.west > view.east;
  const west = view.west;
  const east = crosses ? view.east + 360 : view.east;
  const { south, north } = view;
  const width = Math.max(east - west, 1e-9);
  const height = Math.max(north - south, 1e-9);
  let cellDeg = (AGGREGATE_CELL_PX * 360) / (256 * 2 ** view.zoom);
  if (!(cellDeg > 0)) cellDeg = width;
  cellDeg = Math.max(cellDeg, width / MAX_GRID_SIDE, height / MAX_GRID_SIDE);
  const columns = Math.max(1, Math.ceil(width / cellDeg));
  const rowsOfGrid = Math.max(1, Math.ceil(height / cellDeg));
  const categories = CATEGORY_KEYS.length;
  const squareCount = new Uint32Array(columns * rowsOfGrid);
  const squareLon = new Float64Array(columns * rowsOfGrid);
  const squareLat = new Float64Array(columns * rowsOfGrid);
  const squareCategory = new Uint32Array(columns * rowsOfGrid * categories);
  const pointRows = new Int32Array(maxPoints);
  let inView = 0;

  const { time, lon, lat, category } = table;
  const runs = windowRuns(table, { fromSec, toSec });
  for (let r = 0; r < runs.length; r += 3) {
    const end = runs[r + 1];
    const inWindow = runs[r + 2] === RUN_CURRENT;
    for (let i = runs[r]; i < end; i++) {
      if (!inWindow && (time[i] < fromSec || time[i] > toSec)) continue;
      if (mask !== null && mask[i] === 0) continue;
      const y = lat[i];
      if (!(y >= south && y <= north)) continue;
      let x = lon[i];
      if (crosses && x < west) x += 360;
      if (!(x >= west && x <= east)) continue;
      if (inView < maxPoints) pointRows[inView] = i;
      inView++;
      const column = Math.min(columns - 1, Math.floor((x - west) / cellDeg));
      const row = Math.min(rowsOfGrid - 1, Math.floor((y - south) / cellDeg));
      const square = row * columns + column;
      squareCount[square]++;
      squareLon[square] += lon[i];
      squareLat[square] += y;
      squareCategory[square * categories + category[i]]++;
    }
  }

  if (inView <= maxPoints) {
    const positions = new Float32Array(2 * inView);
    const pointCategory = new Uint8Array(inView);
    const severity = new Uint8Array(inView);
    const rows = pointRows.slice(0, inView);
    for (let k = 0; k < inView; k++) {
      const i = rows[k];
      positions[2 * k] = lon[i];
      positions[2 * k + 1] = lat[i];
      pointCategory[k] = category[i];
      severity[k] = table.severity[i];
    }
    return { kind: 'points', count: inView, positions, category: pointCategory, severity, weight: new Uint32Array(inView).fill(1), row: rows, inView };
  }

  let squares = 0;
  for (let s = 0; s < squareCount.length; s++) if (squareCount[s] > 0) squares++;
  const positions = new Float32Array(2 * squares);
  const dominant = new Uint8Array(squares);
  const weight = new Uint32Array(squares);
  let k = 0;
  for (let s = 0; s < squareCount.length; s++) {
    const n = squareCount[s];
    if (n === 0) continue;
    positions[2 * k] = squareLon[s] / n;
    positions[2 * k + 1] = squareLat[s] / n;
    let best = 0;
    for (let c = 1; c < categories; c++) if (squareCategory[s * categories + c] > squareCategory[s * categories + best]) best = c;
    dominant[k] = best;
    weight[k] = n;
    k++;
  }
  return { kind: 'aggregate', count: squares, positions, category: dominant, severity: new Uint8Array(squares), weight, row: new Int32Array(squares).fill(-1), inView };
}

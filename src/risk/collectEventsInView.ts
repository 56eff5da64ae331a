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

/**
 * Raw points when at most this many counted events are in view, else an aggregate. Beyond a few
 * thousand, raw points on a laptop's map pile up into blobs that say less than merged dots do, and
 * each point is an instance the GPU draws on every frame: 21,000 raw points made a software-WebGL
 * frame ~0.6 s, which held back playback and brushing (bench/README.md, stage D).
 */
export const MAX_VIEW_POINTS = 5_000;

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
 * Gathers the events layer one row at a time (`add` each counted event of the window, then
 * `layer()`): rows in `view` (Float32 positions) become points while there are at most
 * `maxPoints`, and are also summed into a grid `AGGREGATE_CELL_PX` screen pixels wide at the view's
 * zoom (degrees of longitude and latitude alike), whose non-empty squares become the aggregate:
 * one point per square at the mean position of its events, with their count and most frequent
 * category.
 */
export class EventsInView {
  private readonly crosses: boolean;
  private readonly west: number;
  private readonly east: number;
  private readonly south: number;
  private readonly north: number;
  private readonly cellDeg: number;
  private readonly columns: number;
  private readonly gridRows: number;
  private readonly squareCount: Uint32Array;
  private readonly squareLon: Float64Array;
  private readonly squareLat: Float64Array;
  private readonly squareCategory: Uint32Array;
  private readonly pointRows: Int32Array;
  private inView = 0;

  constructor(
    private readonly table: EventTable,
    view: ViewBox,
    private readonly maxPoints = MAX_VIEW_POINTS,
  ) {
    this.crosses = view.west > view.east;
    this.west = view.west;
    this.east = this.crosses ? view.east + 360 : view.east;
    this.south = view.south;
    this.north = view.north;
    const width = Math.max(this.east - this.west, 1e-9);
    const height = Math.max(this.north - this.south, 1e-9);
    let cellDeg = (AGGREGATE_CELL_PX * 360) / (256 * 2 ** view.zoom);
    if (!(cellDeg > 0)) cellDeg = width;
    this.cellDeg = Math.max(cellDeg, width / MAX_GRID_SIDE, height / MAX_GRID_SIDE);
    this.columns = Math.max(1, Math.ceil(width / this.cellDeg));
    this.gridRows = Math.max(1, Math.ceil(height / this.cellDeg));
    const squares = this.columns * this.gridRows;
    this.squareCount = new Uint32Array(squares);
    this.squareLon = new Float64Array(squares);
    this.squareLat = new Float64Array(squares);
    this.squareCategory = new Uint32Array(squares * CATEGORY_KEYS.length);
    this.pointRows = new Int32Array(maxPoints);
  }

  /** Takes row `i`, a counted event of the window, when it lies in the view. */
  add(i: number): void {
    const square = this.squareOf(i);
    if (square >= 0) this.addInSquare(i, square);
  }

  /** The grid square row `i` lies in, or -1 when it lies outside the view. */
  squareOf(i: number): number {
    const y = this.table.lat[i];
    if (!(y >= this.south && y <= this.north)) return -1;
    let x = this.table.lon[i];
    if (this.crosses && x < this.west) x += 360;
    if (!(x >= this.west && x <= this.east)) return -1;
    const column = Math.min(this.columns - 1, Math.floor((x - this.west) / this.cellDeg));
    const row = Math.min(this.gridRows - 1, Math.floor((y - this.south) / this.cellDeg));
    return row * this.columns + column;
  }

  /** Takes row `i`, a counted event of the window in grid square `square` (squareOf). */
  addInSquare(i: number, square: number): void {
    if (this.inView < this.maxPoints) this.pointRows[this.inView] = i;
    this.inView++;
    const y = this.table.lat[i];
    this.squareCount[square]++;
    this.squareLon[square] += this.table.lon[i];
    this.squareLat[square] += y;
    this.squareCategory[square * CATEGORY_KEYS.length + this.table.category[i]]++;
  }

  /** The layer of every row taken so far. */
  layer(): EventLayer {
    const { table, inView } = this;
    const { lon, lat, category } = table;
    if (inView <= this.maxPoints) {
      const positions = new Float32Array(2 * inView);
      const pointCategory = new Uint8Array(inView);
      const severity = new Uint8Array(inView);
      const rows = this.pointRows.slice(0, inView);
      for (let k = 0; k < inView; k++) {
        const i = rows[k];
        positions[2 * k] = lon[i];
        positions[2 * k + 1] = lat[i];
        pointCategory[k] = category[i];
        severity[k] = table.severity[i];
      }
      return { kind: 'points', count: inView, positions, category: pointCategory, severity, weight: new Uint32Array(inView).fill(1), row: rows, inView };
    }
    const categories = CATEGORY_KEYS.length;
    const { squareCount, squareLon, squareLat, squareCategory } = this;
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
}

/**
 * Each table row's grid square in `view` (EventsInView.squareOf), -1 outside it: what every
 * events layer of that view computes per row, whatever the window or the filters, so a caller that
 * asks the same view again (a brush drag, a filter click) can keep it and pass it to
 * collectEventsInView.
 */
export function viewSquares(table: EventTable, view: ViewBox): Int32Array {
  const grid = new EventsInView(table, view, 0);
  const squares = new Int32Array(table.count);
  for (let i = 0; i < table.count; i++) squares[i] = grid.squareOf(i);
  return squares;
}

/**
 * The events layer of the events with `fromSec ≤ time ≤ toSec` that pass `mask` (see
 * EventsInView), in one pass over the time blocks that meet the window. `squares`, when given,
 * must be viewSquares of the same table and view: the pass then reads each row's square instead
 * of computing it (the same layer).
 */
export function collectEventsInView(
  table: EventTable,
  fromSec: number,
  toSec: number,
  mask: Uint8Array | null,
  view: ViewBox,
  maxPoints = MAX_VIEW_POINTS,
  squares: Int32Array | null = null,
): EventLayer {
  const collector = new EventsInView(table, view, maxPoints);
  const { time } = table;
  const runs = windowRuns(table, { fromSec, toSec });
  for (let r = 0; r < runs.length; r += 3) {
    const end = runs[r + 1];
    const inWindow = runs[r + 2] === RUN_CURRENT;
    for (let i = runs[r]; i < end; i++) {
      if (!inWindow && (time[i] < fromSec || time[i] > toSec)) continue;
      if (mask !== null && mask[i] === 0) continue;
      if (squares === null) {
        collector.add(i);
      } else {
        const square = squares[i];
        if (square >= 0) collector.addInSquare(i, square);
      }
    }
  }
  return collector.layer();
}

/**
 * The cost of exact cells (issue 11), before and after, in one run: for each coarse resolution,
 * the time ExactCellLevel takes to give every row its cell (`after`) against the time the engine
 * used to take deriving the same column as the parent of each row's resolution-9 cell
 * (`before`: bit arithmetic on the distinct resolution-9 cells, a dictionary of the parents, one
 * index per row — wrong for points near a coarse cell's edge, which is why it went). Both run on
 * the same table's rows; the exact level is built fresh so nothing is cached.
 */
import { cellKey } from '../../src/risk/cellHalves.ts';
import { ExactCellLevel } from '../../src/risk/ExactCellLevel.ts';
import { cellLevel, MAX_TABLE_RESOLUTION, MIN_TABLE_RESOLUTION, type EventTable } from '../../src/risk/EventTable.ts';

/** Per coarse resolution: ms to give every row its cell, exact and by parent. */
export interface CellLevelCost {
  resolution: number;
  exactMs: number;
  parentMs: number;
}

/**
 * The parent at `resolution` of an H3 cell given as (high, low) 32-bit halves: the resolution
 * field (bits 52–55) set to `resolution`, every digit finer than it (bits 0 … 44 − 3·resolution)
 * set to 7.
 */
export function parentHalves(high: number, low: number, resolution: number, out: Uint32Array): void {
  const unusedBits = 45 - 3 * resolution;
  out[0] = (((high & ~(0xf << 20)) | (resolution << 20)) | (unusedBits > 32 ? (1 << (unusedBits - 32)) - 1 : 0)) >>> 0;
  out[1] = (unusedBits >= 32 ? 0xffffffff : (low | ((1 << unusedBits) - 1))) >>> 0;
}

/** The former derivation of a coarse level: parents of the distinct resolution-9 cells, interned, then one index per row. */
function parentLevel(table: EventTable, resolution: number): Uint32Array {
  const level9 = cellLevel(table, MAX_TABLE_RESOLUTION);
  const distinct = level9.high.length;
  const parentOf9 = new Uint32Array(distinct);
  const interned = new Map<number, number>();
  const halves = new Uint32Array(2);
  for (let k = 0; k < distinct; k++) {
    parentHalves(level9.high[k], level9.low[k], resolution, halves);
    const key = halves[0] * 2 ** 32 + halves[1];
    let index = interned.get(key);
    if (index === undefined) {
      index = interned.size;
      interned.set(key, index);
    }
    parentOf9[k] = index;
  }
  const index9 = level9.index;
  const rows = new Uint32Array(index9.length);
  for (let e = 0; e < index9.length; e++) rows[e] = parentOf9[index9[e]];
  return rows;
}

/** Measures both derivations at every coarse resolution on `table`'s rows. */
export function measureCellLevelCost(table: EventTable): CellLevelCost[] {
  const level9 = cellLevel(table, MAX_TABLE_RESOLUTION);
  const keys9 = new Float64Array(level9.high.length);
  for (let k = 0; k < keys9.length; k++) keys9[k] = cellKey(level9.high[k], level9.low[k]);
  const rows = { chunks: table.chunks, chunkStart: table.chunkStart, chunkRow: table.chunkRow };
  const costs: CellLevelCost[] = [];
  for (let resolution = MIN_TABLE_RESOLUTION; resolution < MAX_TABLE_RESOLUTION; resolution++) {
    const parentStart = performance.now();
    const parents = parentLevel(table, resolution);
    const parentMs = performance.now() - parentStart;
    const exactStart = performance.now();
    const exact = new ExactCellLevel(resolution, keys9, level9.index, rows);
    const rowsGiven = exact.index.length;
    const exactMs = performance.now() - exactStart;
    if (rowsGiven !== parents.length) throw new Error(`cell level ${resolution}: ${rowsGiven} rows exact, ${parents.length} by parent`);
    costs.push({ resolution, exactMs, parentMs });
  }
  return costs;
}

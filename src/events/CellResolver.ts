import type { EventChunk } from './EventChunk.ts';

/** Resolution-9 H3 cells of a run of positions as two 32-bit halves, parallel to the positions. */
export interface ResolvedCells {
  high: Uint32Array;
  low: Uint32Array;
}

/**
 * Computes the cells of a chunk's positions, possibly on another thread (see
 * RemoteCellResolver). The arrays given are the caller's: a resolver that transfers them
 * elsewhere must copy them first.
 */
export interface CellResolver {
  resolve(lon: Float64Array, lat: Float64Array): Promise<ResolvedCells>;
}

/** Writes resolved cells into a chunk built with deferred cells; refuses cells of the wrong length. */
export function applyCells(chunk: EventChunk, cells: ResolvedCells): void {
  const rows = chunk.meta.count;
  if (!(cells.high instanceof Uint32Array) || !(cells.low instanceof Uint32Array) || cells.high.length !== rows || cells.low.length !== rows) {
    throw new Error(`Resolved cells do not fit a chunk of ${rows} rows`);
  }
  chunk.columns.cellHigh.set(cells.high);
  chunk.columns.cellLow.set(cells.low);
}

import type { ResolvedCells } from './CellResolver.ts';
import { CellWriter } from './computeCells.ts';

/** Positions per slice: about 15 ms of h3 on the CI machine. */
export const CELL_SLICE_ROWS = 8192;

/**
 * computeCells() in slices of `sliceRows` positions, awaiting `pause()` between slices: the same
 * cells, but a thread that also runs IndexedDB transactions (the chunk worker) handles their events
 * between slices, so a staged write's next step waits for one slice, not for a whole chunk's cells
 * (~150 ms per 50k positions here).
 */
export async function computeCellsInSlices(
  lon: Float64Array,
  lat: Float64Array,
  pause: () => Promise<void>,
  sliceRows: number = CELL_SLICE_ROWS,
): Promise<ResolvedCells> {
  if (lon.length !== lat.length) throw new Error(`computeCells(): ${lon.length} longitudes but ${lat.length} latitudes`);
  const n = lon.length;
  const high = new Uint32Array(n);
  const low = new Uint32Array(n);
  const writer = new CellWriter();
  const step = Math.max(1, Math.floor(sliceRows));
  for (let start = 0; start < n; start += step) {
    if (start > 0) await pause();
    const end = Math.min(n, start + step);
    for (let row = start; row < end; row++) writer.write(lon[row], lat[row], high, low, row);
  }
  return { high, low };
}

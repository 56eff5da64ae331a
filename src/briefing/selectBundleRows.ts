import type { EventTable } from '../risk/EventTable.ts';
import { buildFilterMask } from '../risk/buildFilterMask.ts';
import { prepareQuery } from '../risk/prepareQuery.ts';
import type { RiskFilters } from '../risk/RiskFilters.ts';
import { resolveRiskParams, type RiskParams } from '../risk/RiskParams.ts';

/**
 * The rows a bundle exported from the board takes: the events the board counts in its window
 * (`fromSec ≤ time ≤ toSec` of the engine's own query) under its filters (drawn area included),
 * as one 0/1 array per chunk of `table.chunks` (1 = take the chunk's row). Superseded rows are not
 * in the table, so they are never taken. Uses the engine's own mask and window, so the export
 * holds exactly the events the board's key figures count.
 */
export function selectBundleRows(table: EventTable, params: RiskParams, filters: RiskFilters): Uint8Array[] {
  const mask = buildFilterMask(table, filters);
  const { fromSec, toSec } = prepareQuery(table, resolveRiskParams(params));
  const { chunks, chunkStart, chunkRow, time } = table;
  return chunks.map((chunk, c) => {
    const taken = new Uint8Array(chunk.meta.count);
    for (let row = chunkStart[c]; row < chunkStart[c + 1]; row++) {
      const t = time[row];
      if (t >= fromSec && t <= toSec && (mask === null || mask[row] === 1)) taken[chunkRow[row]] = 1;
    }
    return taken;
  });
}

import { buildClassWeights, classWeightOf } from './ClassWeights.ts';
import type { EventTable } from './EventTable.ts';
import { rowDecay, type PreparedQuery } from './prepareQuery.ts';

/**
 * The hot pass: adds every in-window, unmasked event's decayed weight into `scores[groups[i]]`
 * and counts it in `counts[groups[i]]`. `groups` is any per-event dictionary index column (cells
 * at one resolution, attributed sites, channels). A pure reducer over typed arrays: it only
 * writes into the accumulators it is given.
 */
export function accumulateWeights(
  table: EventTable,
  groups: Uint16Array | Uint32Array,
  query: PreparedQuery,
  mask: Uint8Array | null,
  scores: Float64Array,
  counts: Uint32Array,
): void {
  const { time, weightClass, blockMinTime } = table;
  const { fromSec, toSec } = query;
  const classWeight = buildClassWeights(query.weightTable).weight;
  const n = table.count;
  for (let i = 0; i < n; i++) {
    const t = time[i];
    if (t > toSec || t < fromSec) continue;
    if (mask !== null && mask[i] === 0) continue;
    const w = classWeight[weightClass[i]] * rowDecay(query, blockMinTime, i, t);
    const g = groups[i];
    scores[g] += w;
    counts[g]++;
  }
}

/** Decayed weight of one event under `query` (0 when outside the window); the hot pass's formula. */
export function eventWeight(table: EventTable, query: PreparedQuery, row: number): number {
  const t = table.time[row];
  if (t > query.toSec || t < query.fromSec) return 0;
  return classWeightOf(query.weightTable, table.weightClass[row]) * rowDecay(query, table.blockMinTime, row, t);
}

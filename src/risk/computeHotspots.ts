import { accumulateHotspots, type HotspotSums } from './accumulateHotspots.ts';
import type { FilterInput } from './buildFilterMask.ts';
import { cellRecordBytes, createCellRecords, recordBreakdowns } from './CellRecords.ts';
import { collectBreakdowns, emptyBreakdowns, type Breakdowns } from './collectBreakdowns.ts';
import { cellLevel, type EventTable } from './EventTable.ts';
import { planFilters } from './planFilters.ts';
import { prepareQuery } from './prepareQuery.ts';
import type { QueryCaches } from './QueryCaches.ts';
import { rankGroups } from './rankGroups.ts';
import { resolveRiskParams, type RiskParams } from './RiskParams.ts';
import { windowRuns } from './windowRuns.ts';

/**
 * Ranked hotspots of one evaluation, as flat typed arrays aligned by rank (index 0 = hottest).
 * Only cells with at least one event in the window appear.
 */
export interface HotspotResult {
  /** Evaluation instant, window and resolution actually used. */
  time: number;
  windowMs: number;
  resolution: number;
  /** Cell dictionary index (see cellLevel) per rank. */
  cells: Uint32Array;
  /** The cell's H3 index halves per rank, so a receiver can name cells without the table. */
  cellHigh: Uint32Array;
  cellLow: Uint32Array;
  /** Score at T per rank. */
  scores: Float64Array;
  /** Events in the window per rank. */
  counts: Uint32Array;
  /** Score of the same cell at T − window, evaluated the same way (trend); NaN without `params.trend`. */
  previous: Float64Array;
  /** Sums over all hotspots. */
  totalScore: number;
  totalCount: number;
  /** Breakdowns of the top N ranks; slot s is rank s. */
  details: Breakdowns;
}

/**
 * Per-cell breakdowns are accumulated in the main pass (instead of a second pass for the top N)
 * while their records stay this small: then they live in cache, and the single pass wins.
 */
const FUSED_BREAKDOWN_BYTES = 512 * 1024;

/**
 * Scores every H3 cell at `params.resolution`: the sum of decayed, graded, weighted events in
 * [T − window, T]; ranks by score (ties by cell id) and breaks the top N down.
 *
 * One pass over the rows does the work of accumulateWeights for both windows (and, for few
 * cells, of collectBreakdowns): it visits only the time blocks that meet either window and
 * applies the category, grading and severity filters through the weight lookups (planFilters).
 */
export function computeHotspots(table: EventTable, params: RiskParams, filters?: FilterInput, caches?: QueryCaches): HotspotResult {
  const resolved = resolveRiskParams(params);
  const level = cellLevel(table, resolved.resolution);
  const size = level.high.length;

  const query = prepareQuery(table, resolved);
  const previousQuery = resolved.trend
    ? prepareQuery(table, resolved, resolved.time - resolved.windowMs)
    : { ...query, fromSec: 1, toSec: 0 }; // an empty window: no time lies in it
  const plan = planFilters(table, filters, query.weightTable, caches);
  const sums: HotspotSums = { scores: new Float64Array(size), counts: new Uint32Array(size), previous: new Float64Array(size) };
  const sourceCount = table.sources.length;
  const fused = resolved.topN > 0 && cellRecordBytes(size, sourceCount) <= FUSED_BREAKDOWN_BYTES;
  const records = fused ? createCellRecords(size, sourceCount) : null;
  const runs = windowRuns(table, query, resolved.trend ? previousQuery : null);
  accumulateHotspots(table, level.index, query, previousQuery, plan, runs, sums, records);
  const scoreOf = sums.scores;
  const countOf = sums.counts;
  const previousOf = resolved.trend ? sums.previous : sums.previous.fill(Number.NaN);

  const cells = rankGroups(scoreOf, countOf);
  const n = cells.length;
  const cellHigh = new Uint32Array(n);
  const cellLow = new Uint32Array(n);
  const scores = new Float64Array(n);
  const counts = new Uint32Array(n);
  const previous = new Float64Array(n);
  let totalScore = 0;
  let totalCount = 0;
  for (let k = 0; k < n; k++) {
    const g = cells[k];
    cellHigh[k] = level.high[g];
    cellLow[k] = level.low[g];
    scores[k] = scoreOf[g];
    counts[k] = countOf[g];
    previous[k] = previousOf[g];
    totalScore += scoreOf[g];
    totalCount += countOf[g];
  }
  const selected = cells.subarray(0, resolved.topN);
  const details =
    records !== null
      ? recordBreakdowns(records, selected)
      : selected.length === 0
        ? emptyBreakdowns(new Uint32Array(0), table.sources.length)
        : collectBreakdowns(table, level.index, size, selected, query, plan.mask, plan.weights, windowRuns(table, query));
  return {
    time: resolved.time,
    windowMs: resolved.windowMs,
    resolution: resolved.resolution,
    cells,
    cellHigh,
    cellLow,
    scores,
    counts,
    previous,
    totalScore,
    totalCount,
    details,
  };
}

import { accumulateHotspots, type HotspotSums } from './accumulateHotspots.ts';
import type { FilterInput } from './buildFilterMask.ts';
import { createCellRecords, recordBreakdowns } from './CellRecords.ts';
import type { Breakdowns } from './collectBreakdowns.ts';
import type { EventTable } from './EventTable.ts';
import { planFilters, type FilterPlan } from './planFilters.ts';
import { prepareQuery, type PreparedQuery } from './prepareQuery.ts';
import type { QueryCaches } from './QueryCaches.ts';
import { idRanks, rankGroups } from './rankGroups.ts';
import type { ReferenceChannel, ReferenceSite } from './ReferencePlaces.ts';
import { resolveRiskParams, type ResolvedRiskParams, type RiskParams } from './RiskParams.ts';
import { attributeChannels, attributeSites, type PlaceAttribution } from './siteAttribution.ts';
import { windowRuns } from './windowRuns.ts';

/**
 * Risk of a set of places (sites or channels). Arrays are indexed by place: place p is `ids[p]`.
 * The first `referenceCount` places are the reference list in its given order (each scored, even
 * at 0); any further ones are ids that records name explicitly but the list lacks.
 */
export interface PlaceRisk {
  ids: string[];
  referenceCount: number;
  scores: Float64Array;
  counts: Uint32Array;
  /** Score at T − window, evaluated the same way. */
  previous: Float64Array;
  /** Every place, ranked by score descending, ties by id. */
  order: Uint32Array;
  /** Breakdowns of the first top-N places of `order`; `details.groups` holds place indexes. */
  details: Breakdowns;
}

/** Risk of the reference sites and channels of one evaluation. */
export interface SiteRiskResult {
  sites: PlaceRisk;
  channels: PlaceRisk;
}

/** One evaluation's windows and filters, shared by the site and the channel pass. */
interface PlacePass {
  table: EventTable;
  params: ResolvedRiskParams;
  query: PreparedQuery;
  previousQuery: PreparedQuery;
  plan: FilterPlan;
  runs: Int32Array;
}

/**
 * Scores the places of one attribution with the fused hotspot pass (accumulateHotspots) over the
 * attribution column: the same sums, breakdowns and bits as accumulateWeights and
 * collectBreakdowns, in one visit of the blocks that meet either window.
 */
function placeRisk(pass: PlacePass, attribution: PlaceAttribution): PlaceRisk {
  const { table, params } = pass;
  // Group 0 collects the events attributed to no place; place p is group p + 1.
  const groupCount = attribution.ids.length + 1;
  const sums: HotspotSums = { scores: new Float64Array(groupCount), counts: new Uint32Array(groupCount), previous: new Float64Array(groupCount) };
  const records = createCellRecords(groupCount, table.sources.length);
  accumulateHotspots(table, attribution.index, pass.query, pass.previousQuery, pass.plan, pass.runs, sums, records);
  const ranks = idRanks(['', ...attribution.ids]);
  const groupOrder = rankGroups(sums.scores, sums.counts, { first: 1, includeEmpty: true, tieRank: ranks });
  const details = recordBreakdowns(records, groupOrder.subarray(0, params.topN));
  details.groups = details.groups.map((group) => group - 1);
  return {
    ids: attribution.ids,
    referenceCount: attribution.referenceCount,
    scores: sums.scores.slice(1),
    counts: sums.counts.slice(1),
    previous: sums.previous.slice(1),
    order: groupOrder.map((group) => group - 1),
    details,
  };
}

/**
 * Scores every reference site and channel from the events attributed to it. An event belongs to
 * the site its record names, else to the nearest site within the site radius; and, independently,
 * to the channel its record names, else to the channel polyline passing nearest within the channel
 * radius. Radii default to the ones the table was built with. The previous window (trend) is
 * always scored here.
 */
export function computeSiteRisk(
  table: EventTable,
  params: RiskParams,
  filters: FilterInput,
  sites: readonly ReferenceSite[],
  channels: readonly ReferenceChannel[],
  caches?: QueryCaches,
): SiteRiskResult {
  const resolved = resolveRiskParams(params);
  const query = prepareQuery(table, resolved);
  const previousQuery = prepareQuery(table, resolved, resolved.time - resolved.windowMs);
  const pass: PlacePass = {
    table,
    params: resolved,
    query,
    previousQuery,
    plan: planFilters(table, filters, query.weightTable, caches),
    runs: windowRuns(table, query, previousQuery),
  };
  const siteAttribution = attributeSites(table, sites, resolved.siteRadiusKm ?? table.siteRadiusKm, caches);
  const channelAttribution = attributeChannels(table, channels, resolved.channelRadiusKm ?? table.channelRadiusKm, caches);
  return { sites: placeRisk(pass, siteAttribution), channels: placeRisk(pass, channelAttribution) };
}

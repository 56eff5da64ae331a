import { accumulatePlaces, type PlaceSums } from './accumulatePlaces.ts';
import type { FilterInput } from './buildFilterMask.ts';
import { createCellRecords, recordBreakdowns, RECORD_COUNT, RECORD_SCORE } from './CellRecords.ts';
import type { Breakdowns } from './collectBreakdowns.ts';
import type { EventTable } from './EventTable.ts';
import { planFilters } from './planFilters.ts';
import { prepareQuery } from './prepareQuery.ts';
import type { QueryCaches } from './QueryCaches.ts';
import { idRanks, rankGroups } from './rankGroups.ts';
import type { ReferenceChannel, ReferenceSite } from './ReferencePlaces.ts';
import { resolveRiskParams, type RiskParams } from './RiskParams.ts';
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

/** Zeroed sums for the places of one attribution (group 0: no place; place p is group p + 1). */
function placeSums(attribution: PlaceAttribution, sourceCount: number): PlaceSums {
  const groupCount = attribution.ids.length + 1;
  return { groups: attribution.index, records: createCellRecords(groupCount, sourceCount), previous: new Float64Array(groupCount) };
}

/** Ranks and describes the places of one attribution from its sums. */
function placeRisk(attribution: PlaceAttribution, sums: PlaceSums, topN: number): PlaceRisk {
  const groupCount = attribution.ids.length + 1;
  const { values, stride } = sums.records;
  const scores = new Float64Array(groupCount);
  const counts = new Uint32Array(groupCount);
  for (let g = 0; g < groupCount; g++) {
    scores[g] = values[g * stride + RECORD_SCORE];
    counts[g] = values[g * stride + RECORD_COUNT];
  }
  const ranks = idRanks(['', ...attribution.ids]);
  const groupOrder = rankGroups(scores, counts, { first: 1, includeEmpty: true, tieRank: ranks });
  const details = recordBreakdowns(sums.records, groupOrder.subarray(0, topN));
  details.groups = details.groups.map((group) => group - 1);
  return {
    ids: attribution.ids,
    referenceCount: attribution.referenceCount,
    scores: scores.slice(1),
    counts: counts.slice(1),
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
 * always scored here. Sites and channels are summed in one pass (accumulatePlaces): the fused
 * hotspot pass over both attribution columns.
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
  const plan = planFilters(table, filters, query.weightTable, caches);
  const siteAttribution = attributeSites(table, sites, resolved.siteRadiusKm ?? table.siteRadiusKm, caches);
  const channelAttribution = attributeChannels(table, channels, resolved.channelRadiusKm ?? table.channelRadiusKm, caches);
  const siteSums = placeSums(siteAttribution, table.sources.length);
  const channelSums = placeSums(channelAttribution, table.sources.length);
  accumulatePlaces(table, query, previousQuery, plan, windowRuns(table, query, previousQuery), siteSums, channelSums);
  return { sites: placeRisk(siteAttribution, siteSums, resolved.topN), channels: placeRisk(channelAttribution, channelSums, resolved.topN) };
}

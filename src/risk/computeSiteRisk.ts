import { accumulateWeights } from './accumulateWeights.ts';
import { resolveFilterMask, type FilterInput } from './buildFilterMask.ts';
import { collectBreakdowns, type Breakdowns } from './collectBreakdowns.ts';
import type { EventTable } from './EventTable.ts';
import { prepareQuery, type PreparedQuery } from './prepareQuery.ts';
import { idRanks, rankGroups } from './rankGroups.ts';
import type { ReferenceChannel, ReferenceSite } from './ReferencePlaces.ts';
import { resolveRiskParams, type ResolvedRiskParams, type RiskParams } from './RiskParams.ts';
import { attributeChannels, attributeSites, type PlaceAttribution } from './siteAttribution.ts';

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

function placeRisk(
  table: EventTable,
  attribution: PlaceAttribution,
  params: ResolvedRiskParams,
  query: PreparedQuery,
  previousQuery: PreparedQuery,
  mask: Uint8Array | null,
): PlaceRisk {
  // Group 0 collects the events attributed to no place; place p is group p + 1.
  const groupCount = attribution.ids.length + 1;
  const groupScores = new Float64Array(groupCount);
  const groupCounts = new Uint32Array(groupCount);
  accumulateWeights(table, attribution.index, query, mask, groupScores, groupCounts);
  const groupPrevious = new Float64Array(groupCount);
  accumulateWeights(table, attribution.index, previousQuery, mask, groupPrevious, new Uint32Array(groupCount));
  const ranks = idRanks(['', ...attribution.ids]);
  const groupOrder = rankGroups(groupScores, groupCounts, { first: 1, includeEmpty: true, tieRank: ranks });
  const details = collectBreakdowns(
    table,
    attribution.index,
    groupCount,
    groupOrder.subarray(0, params.topN),
    query,
    mask,
  );
  details.groups = details.groups.map((group) => group - 1);
  return {
    ids: attribution.ids,
    referenceCount: attribution.referenceCount,
    scores: groupScores.slice(1),
    counts: groupCounts.slice(1),
    previous: groupPrevious.slice(1),
    order: groupOrder.map((group) => group - 1),
    details,
  };
}

/**
 * Scores every reference site and channel from the events attributed to it. An event belongs to
 * the site its record names, else to the nearest site within the site radius; and, independently,
 * to the channel its record names, else to the channel polyline passing nearest within the channel
 * radius. Radii default to the ones the table was built with.
 */
export function computeSiteRisk(
  table: EventTable,
  params: RiskParams,
  filters: FilterInput,
  sites: readonly ReferenceSite[],
  channels: readonly ReferenceChannel[],
): SiteRiskResult {
  const resolved = resolveRiskParams(params);
  const mask = resolveFilterMask(table, filters);
  const query = prepareQuery(table, resolved);
  const previousQuery = prepareQuery(table, resolved, resolved.time - resolved.windowMs);
  const siteAttribution = attributeSites(table, sites, resolved.siteRadiusKm ?? table.siteRadiusKm);
  const channelAttribution = attributeChannels(table, channels, resolved.channelRadiusKm ?? table.channelRadiusKm);
  return {
    sites: placeRisk(table, siteAttribution, resolved, query, previousQuery, mask),
    channels: placeRisk(table, channelAttribution, resolved, query, previousQuery, mask),
  };
}

/** Every buffer of a PlaceRisk, for a `Comlink.transfer` list. */
export function placeRiskTransferables(risk: PlaceRisk): ArrayBuffer[] {
  const { details } = risk;
  return [
    risk.scores,
    risk.counts,
    risk.previous,
    risk.order,
    details.groups,
    details.byCategory,
    details.byKind,
    details.bySource,
    details.topRows,
    details.topWeights,
  ].map((array) => array.buffer as ArrayBuffer);
}

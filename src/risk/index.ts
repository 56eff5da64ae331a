/** Public surface of the risk engine: pure, DOM-free functions over typed arrays. */
export { accumulateWeights, eventWeight } from './accumulateWeights.ts';
export { buildEventTable, type EventTableInput, type EventTableOptions } from './buildEventTable.ts';
export { buildFilterMask, resolveFilterMask, type FilterInput } from './buildFilterMask.ts';
export { buildRecordLookup, recordKey, type RecordLookup } from './buildRecordLookup.ts';
export * from './cellHalves.ts';
export { collectBreakdowns, TOP_EVENT_COUNT, type Breakdowns } from './collectBreakdowns.ts';
export { computeAlerts, type AlertOptions, type AlertResult, type SpikeAlert } from './computeAlerts.ts';
export { computeHotspots, hotspotTransferables, type HotspotResult } from './computeHotspots.ts';
export {
  computeLinks,
  linkTransferables,
  type JurisdictionPairCount,
  type LinkResult,
  type LinkTotals,
} from './computeLinks.ts';
export { computeSiteRisk, placeRiskTransferables, type PlaceRisk, type SiteRiskResult } from './computeSiteRisk.ts';
export { describeBreakdown, type BreakdownSummary, type TopEvent } from './describeBreakdown.ts';
export { describeHotspots, type HotspotSummary } from './describeHotspots.ts';
export { describePlaces, type PlaceSummary } from './describePlaces.ts';
export { distanceKm, distanceToSegmentKm, EARTH_RADIUS_KM, KM_PER_DEGREE } from './distanceKm.ts';
export { ChannelGrid } from './ChannelGrid.ts';
export {
  cellLevel,
  eventLocation,
  MAX_TABLE_RESOLUTION,
  MIN_TABLE_RESOLUTION,
  queryBytesPerEvent,
  queryColumns,
  type CellLevel,
  type EventTable,
} from './EventTable.ts';
export {
  DEFAULT_SOURCE_JURISDICTIONS,
  jurisdictionBySource,
  type SourceJurisdictionRule,
} from './jurisdictionBySource.ts';
export { LonLatGrid } from './LonLatGrid.ts';
export { logFactorial, logPoissonUpperTail, poissonUpperTail } from './poissonTail.ts';
export { pointInPolygon } from './pointInPolygon.ts';
export { prepareQuery, type PreparedQuery } from './prepareQuery.ts';
export { idRanks, rankGroups, type RankOptions } from './rankGroups.ts';
export type { ReferenceChannel, ReferenceSite } from './ReferencePlaces.ts';
export type { RiskFilters } from './RiskFilters.ts';
export {
  DEFAULT_CREDIBILITY,
  DEFAULT_RELIABILITY,
  DEFAULT_RISK_PARAMS,
  resolveRiskParams,
  type CredibilityDigit,
  type ReliabilityLetter,
  type ResolvedRiskParams,
  type RiskParams,
} from './RiskParams.ts';
export {
  attributeChannels,
  attributeRows,
  attributeSites,
  DEFAULT_SITE_RADIUS_KM,
  type PlaceAttribution,
  type RowSource,
} from './siteAttribution.ts';
export { SiteGrid } from './SiteGrid.ts';
export { trendOf, type Trend } from './trendOf.ts';
export { buildWeightTable, GRADING_CODE_COUNT } from './weightTable.ts';

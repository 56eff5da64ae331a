import type { AlertOptions } from '../risk/computeAlerts.ts';
import type { JurisdictionPairCount, LinkTotals } from '../risk/computeLinks.ts';
import type { BreakdownSummary } from '../risk/describeBreakdown.ts';
import type { RiskFilters } from '../risk/RiskFilters.ts';
import type { RiskParams } from '../risk/RiskParams.ts';
import type { Trend } from '../risk/trendOf.ts';
import type { Selection } from '../view/ViewState.ts';

/**
 * The board's questions to its data worker and the answers, as they cross the thread boundary:
 * flat typed arrays for everything per cell, per place or per event (transferred, never copied),
 * small plain objects only for the handful of items a panel lists.
 */

/** A map viewport in WGS-84 degrees and its zoom, for the events layer. */
export interface Viewport {
  west: number;
  south: number;
  east: number;
  north: number;
  zoom: number;
}

/** One question: everything the board shows for one view. */
export interface BoardQuery {
  /** Increasing id: a newer query cancels an older one still waiting. */
  requestId: number;
  /** Model parameters; `time` null means the data's default evaluation instant. */
  params: Omit<RiskParams, 'time'> & { time: number | null };
  filters: RiskFilters;
  alerts?: AlertOptions;
  /** Hotspots, sites and channels described in full (ranked lists); default 25. */
  detailCount?: number;
  /** The selection, for links drawn only for it. */
  selection?: Selection | null;
  /** The map's viewport, for the events layer (raw points when few enough are in view). */
  viewport?: Viewport | null;
  /**
   * A lighter answer while the user drags (the timeline brush): sites, channels, alerts and links
   * come back empty and hotspots without their trend (`previous` NaN); the hotspot layer, the
   * ranked hotspots, the events layer, histogram, facets and figures are complete
   * (`interactive: true` on the answer). Ask once more without it when the drag ends.
   */
  interactive?: boolean;
}

/** A reference site near a place, for naming it ("Lo Wu, 3.2 km"). */
export interface NearestSite {
  id: string;
  distanceKm: number;
}

/** One hotspot as the ranked list shows it. */
export interface HotspotItem extends BreakdownSummary {
  rank: number;
  /** H3 cell id (hex). */
  cell: string;
  score: number;
  count: number;
  lon: number;
  lat: number;
  nearestSite: NearestSite | null;
  trend: Trend;
}

/** Every hotspot of the answer, aligned by rank, with what the hexagon layer draws. */
export interface HotspotLayerData {
  count: number;
  cellHigh: Uint32Array;
  cellLow: Uint32Array;
  scores: Float64Array;
  counts: Uint32Array;
  /** Score of the previous window, per rank (NaN without trend). */
  previous: Float64Array;
  /** Cell outlines: interleaved lon, lat (Float32); cell k's ring starts at `outlineStart[k]` (in vertices). */
  outline: Float32Array;
  outlineStart: Uint32Array;
  /** Cell centres: interleaved lon, lat. */
  centre: Float32Array;
  totalScore: number;
  totalCount: number;
}

/** Risk of every reference site or channel, aligned with the reference list, plus the top ones described. */
export interface PlaceLayerData {
  /** The reference places in their list order, then ids only records name. */
  ids: string[];
  /** How many of `ids` are reference places. */
  referenceCount: number;
  scores: Float64Array;
  counts: Uint32Array;
  previous: Float64Array;
  top: (BreakdownSummary & { rank: number; id: string; reference: boolean; score: number; count: number; trend: Trend })[];
}

/** A spike alert, with the place that names it. */
export interface AlertItem {
  target: 'cell' | 'site';
  /** H3 cell id (hex) or site id. */
  id: string;
  observed: number;
  baselineCount: number;
  expected: number;
  probability: number;
  logProbability: number;
  since: number;
  lon: number;
  lat: number;
  /** The reference site nearest the alert's position (for a site alert: the site itself). */
  nearestSite: NearestSite | null;
}

/** Events over time for the timeline, under every filter but the window (cross-filter). */
export interface TimeHistogram {
  /** Start of bin 0, epoch ms (a UTC+8 day, hour or week boundary). */
  start: number;
  binMs: number;
  bins: number;
  /** Counts per bin and category: `counts[bin * categories + category]`. */
  counts: Uint32Array;
  categories: number;
}

/**
 * Events in the window per filter option, each dimension counted under every OTHER active filter
 * (so an option shows how many events choosing it would add).
 */
export interface FacetCounts {
  categories: Uint32Array;
  kinds: Uint32Array;
  /** Index 0: no mode; then TRANSPORT_MODES order. */
  modes: Uint32Array;
  /** Aligned with BoardLoadResult.sources. */
  sources: Uint32Array;
  /** Index s − 1 for severity s. */
  severity: Uint32Array;
  /** Reliability letters A..F (ungraded counts as F). */
  reliability: Uint32Array;
  /** Credibility digits 1..6 (ungraded counts as 6). */
  credibility: Uint32Array;
}

/** Key figures of the window under the filters. */
export interface KeyFigures {
  events: number;
  /** Sum of record values, CNY (records without a value add nothing). */
  valueCny: number;
  /** Case clues in the window. */
  clues: number;
  /** Per source agency, aligned with BoardLoadResult.sources. */
  eventsBySource: Uint32Array;
  valueBySource: Float64Array;
}

/** The events layer: raw points when few enough are in view, else weighted cell centres. */
export interface EventLayerData {
  kind: 'points' | 'aggregate';
  count: number;
  /** Interleaved lon, lat. */
  positions: Float32Array;
  /** Points: category code; aggregate: the most frequent category. */
  category: Uint8Array;
  /** Points: severity 1..5; aggregate: 0. */
  severity: Uint8Array;
  /** Points: 1; aggregate: events merged. */
  weight: Uint32Array;
  /** Points: table row (for picking); aggregate: -1. */
  row: Int32Array;
  /** Counted events in the viewport, shown or merged. */
  inView: number;
}

/** Cross-border link arcs, bundled by end points. */
export interface LinkLayerData {
  count: number;
  from: Float32Array;
  to: Float32Array;
  weight: Uint32Array;
  pairs: JurisdictionPairCount[];
  totals: LinkTotals | null;
  /** Links the selection takes part in (null without a selection). */
  selectedCount: number | null;
  /**
   * True on the first answer after a load: the links are being indexed (about a second at 1M
   * events) and come with the next answer, so the first hotspots do not wait for them.
   */
  pending: boolean;
}

/** The answer to one BoardQuery. */
export interface BoardAnswer {
  requestId: number;
  /** True when a newer query arrived first; nothing else is meaningful then. */
  cancelled: boolean;
  /** Evaluation instant used, epoch ms. */
  time: number;
  /** The query asked for the lighter answer (BoardQuery.interactive). */
  interactive: boolean;
  hotspotLayer: HotspotLayerData;
  hotspots: HotspotItem[];
  sites: PlaceLayerData;
  channels: PlaceLayerData;
  cellAlerts: AlertItem[];
  siteAlerts: AlertItem[];
  links: LinkLayerData;
  events: EventLayerData;
  histogram: TimeHistogram;
  facets: FacetCounts;
  figures: KeyFigures;
  /** Milliseconds: the hotspot pass alone, and the whole answer in the worker. */
  timing: { hotspotsMs: number; totalMs: number };
}

/**
 * Playback: the hotspots at a new T, from the incremental stepper (BoardWorkerApi.step). The
 * items carry score, count, trend and nearest site, but no shares or top events (empty): those
 * come with the full answer asked when playback stops.
 */
export interface PlaybackAnswer {
  requestId: number;
  cancelled: boolean;
  time: number;
  hotspotLayer: HotspotLayerData;
  hotspots: HotspotItem[];
  timing: { totalMs: number };
}

/** Columns the contributing-events table sorts by. */
export type EventSortKey = 'weight' | 'time' | 'severity' | 'category' | 'source' | 'value';

/** A question about one selected thing: why it scores what it scores, and which events make it. */
export interface DetailsQuery {
  requestId: number;
  selection: Selection;
  params: Omit<RiskParams, 'time'> & { time: number | null };
  filters: RiskFilters;
  sort: { key: EventSortKey; descending: boolean };
  /** 0-based page of `pageSize` events. */
  page: number;
  pageSize: number;
}

/** One event as the details table lists it; identified by (source, id). */
export interface EventRow {
  source: string;
  id: string;
  time: number;
  category: string;
  kind: string;
  severity: number;
  /** Admiralty grading, e.g. `B2`, or null when ungraded (scored as F6). */
  grading: string | null;
  mode: string | null;
  valueCny: number | null;
  site: string | null;
  channel: string | null;
  /** Decayed weight at T (0 when outside the window). */
  weight: number;
  description: string;
  links: string[];
  lon: number;
  lat: number;
}

/** The answer to a DetailsQuery. */
export interface DetailsAnswer {
  requestId: number;
  cancelled: boolean;
  /** False when the selected thing is not in the data (e.g. a link from a fuller store). */
  found: boolean;
  time: number;
  score: number;
  count: number;
  trend: Trend;
  /** Shares of the score (only non-zero ones). */
  breakdown: Pick<BreakdownSummary, 'byCategory' | 'bySource' | 'byKind'>;
  /**
   * Per UTC+8 day from the day of T − 2·window to the day of T: what the day's counted events add —
   * those in the window at T, those in the previous window at T − window — so the window's days
   * sum to `score` and the earlier ones to `trend.previous`.
   */
  sparkline: { start: number; dayMs: number; values: Float64Array };
  /**
   * Contributing events (in the window, under the filters), sorted and paged; ties keep table
   * order, a missing value sorts last. An event selection lists its record even when it does not
   * count (weight 0).
   */
  events: EventRow[];
  totalEvents: number;
  /** Where the thing is, for the map to fly to. */
  lon: number;
  lat: number;
  nearestSite: NearestSite | null;
  /** The weights in force, for the formula the drawer shows. */
  weights: { category: Record<string, number>; reliability: Record<string, number>; credibility: Record<string, number>; halfLifeDays: number; windowDays: number };
}

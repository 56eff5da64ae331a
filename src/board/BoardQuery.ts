import type { AlertOptions, SpikeAlert } from '../risk/computeAlerts.ts';
import type { EventLayer, ViewBox } from '../risk/collectEventsInView.ts';
import type { TimeHistogram } from '../risk/computeTimeHistogram.ts';
import type { EventRecord } from '../risk/RiskEngine.ts';
import type { FacetCounts, KeyFigures } from '../risk/summarizeWindow.ts';
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
export type Viewport = ViewBox;

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
export interface AlertItem extends SpikeAlert {
  /** The reference site nearest the alert's position (for a site alert: the site itself). */
  nearestSite: NearestSite | null;
}

/** The timeline's histogram, facet counts and key figures, as the engine's window pass gives them. */
export type { FacetCounts, KeyFigures, TimeHistogram };

/** The events layer: raw points when few enough are in view, else weighted cell centres. */
export type EventLayerData = EventLayer;

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
export type EventRow = EventRecord;

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

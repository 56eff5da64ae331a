import type { RiskFilters } from '../risk/RiskFilters.ts';
import type { RiskParams } from '../risk/RiskParams.ts';
import type { AlertOptions, SpikeAlert } from '../risk/computeAlerts.ts';
import type { JurisdictionPairCount, LinkTotals } from '../risk/computeLinks.ts';
import type { HotspotSummary } from '../risk/describeHotspots.ts';
import type { PlaceSummary } from '../risk/describePlaces.ts';

/** One question to the risk engine: the model's parameters and the active filters. */
export interface RiskQuery {
  /** Increasing id: a newer query cancels an older one still waiting. */
  requestId: number;
  params: RiskParams;
  filters: RiskFilters;
  alerts?: AlertOptions;
  /** Hotspots to describe in full (ranked list); default 25. */
  detailCount?: number;
}

/** The engine's answer, with flat arrays for the map layers. */
export interface RiskAnswer {
  requestId: number;
  /** True when a newer query arrived first; nothing else is set then. */
  cancelled: boolean;
  /** Every hotspot with a score, by rank (H3 ids for the hexagon layer, scores aligned). */
  hotspotCells: string[];
  hotspotScores: Float64Array;
  hotspotCounts: Uint32Array;
  totalScore: number;
  totalCount: number;
  /** The top hotspots with breakdowns, nearest site and trend. */
  hotspots: HotspotSummary[];
  sites: PlaceSummary[];
  channels: PlaceSummary[];
  cellAlerts: SpikeAlert[];
  siteAlerts: SpikeAlert[];
  /** Cross-border link arcs, merged by end points: interleaved lon, lat of both ends. */
  linkFrom: Float32Array;
  linkTo: Float32Array;
  /** Links merged into each arc. */
  linkWeight: Uint32Array;
  /** Arcs (merged). */
  linkCount: number;
  linkPairs: JurisdictionPairCount[];
  linkTotals: LinkTotals | null;
  /** Milliseconds spent on the hotspot pass alone and on the whole answer. */
  timing: { hotspotsMs: number; totalMs: number };
}

import type { ReferenceChannel, ReferenceSite } from '../ReferencePlaces.ts';
import type { RiskFilters } from '../RiskFilters.ts';
import type { RiskParams } from '../RiskParams.ts';

/** Spike-test settings as docs/risk-model.md §5 names them; absent ones take the documented defaults. */
export interface ReferenceAlertOptions {
  recentHours?: number;
  baselineDays?: number;
  pThreshold?: number;
  minCount?: number;
  priorEvents?: number;
}

/** The reference places an event table was built with (its own attribution, §4). */
export interface ReferenceTablePlaces {
  sites: readonly ReferenceSite[];
  channels: readonly ReferenceChannel[];
  /** Default 3 km. */
  siteRadiusKm?: number;
  /** Default: the site radius. */
  channelRadiusKm?: number;
}

/** One evaluation of the documented model. */
export interface ReferenceQuery {
  params: RiskParams;
  filters: RiskFilters;
  alertOptions: ReferenceAlertOptions;
  /** The table's places: they decide the `sites`/`channels` filters, site alerts and link territories. */
  table: ReferenceTablePlaces;
  /** The places site and channel risk scores (default: the table's). */
  scoredSites?: readonly ReferenceSite[];
  scoredChannels?: readonly ReferenceChannel[];
  /** Territory of a source agency, or null (§6). */
  jurisdictionOf: (source: string) => string | null;
}

import type { Jurisdiction } from '../domain/jurisdictions.ts';
import type { BBox } from './BBox.ts';
import type { LonLat } from './LonLat.ts';

/** Confidence scale of the reference geography, best first. */
export const GEOGRAPHY_CONFIDENCES = ['high', 'medium', 'low', 'estimated'] as const;

/**
 * How far a coordinate can be trusted: `high` = official facility-level point, `medium` =
 * Wikipedia infobox or similar, `low` = coarse (≥ 1′) or weak source, `estimated` = placed from
 * text descriptions only.
 */
export type GeographyConfidence = (typeof GEOGRAPHY_CONFIDENCES)[number];

/** Operating status of a site, derived from the reference notes. */
export const SITE_STATUSES = ['open', 'closed', 'suspended'] as const;

/** Operating status of a site. */
export type SiteStatus = (typeof SITE_STATUSES)[number];

/** The single mode used to pick a site's or channel's map icon. */
export const ICON_MODES = ['sea', 'land', 'air', 'rail', 'ferry'] as const;

/** Icon mode of a site or channel. */
export type IconMode = (typeof ICON_MODES)[number];

/** The modes a reference site lists, as in the reference file. */
export const SITE_MODES = ['pedestrian', 'road', 'bridge', 'rail', 'ferry', 'sea', 'air'] as const;

/** One mode of a reference site. */
export type SiteMode = (typeof SITE_MODES)[number];

/** Names of a place in the scripts the board speaks, plus Portuguese for Macao places. */
export interface PlaceNames {
  en: string;
  zhHans: string;
  zhHant: string;
  /** Portuguese name, present for Macao places that have one. */
  pt?: string;
}

/** A city of the bay, as a representative centre point (usually the seat of government). */
export interface ReferenceCity {
  id: string;
  names: PlaceNames;
  lon: number;
  lat: number;
  confidence: GeographyConfidence;
}

/** A boundary control point, port, terminal, airport or rail node. */
export interface ReferenceSite {
  /** Stable id, identical to the reference file's id. */
  id: string;
  names: PlaceNames;
  /** Territories whose controls operate at the site (two for joint or co-located ports). */
  jurisdiction: Jurisdiction[];
  /** Modes as listed by the reference, primary first. */
  modes: SiteMode[];
  /** One mode for the map icon, derived from the primary mode (pedestrian/road/bridge → land). */
  iconMode: IconMode;
  lon: number;
  lat: number;
  confidence: GeographyConfidence;
  status: SiteStatus;
  /** Why the site is not open; present only when status is not `open`. */
  statusNote?: string;
  /** Groups the sides of one crossing (e.g. Lo Wu and Luohu), or null. */
  crossing: string | null;
  /** Short attribution of the coordinate; full citations are in the shared reference. */
  source: string;
}

/** A schematic cross-boundary corridor: bridge, rail line or shipping lane. Not an alignment. */
export interface ReferenceChannel {
  id: string;
  names: PlaceNames;
  mode: IconMode;
  /** The reference's own wording, e.g. `road (bridge-tunnel)`. */
  modeDetail: string;
  coordinates: LonLat[];
  confidence: GeographyConfidence;
  source: string;
}

/** Attribution block of the app's geography file. */
export interface GeographySources {
  /** The file this data was converted from. */
  reference: string;
  crs: string;
  compiled: string;
  /** Providers to credit wherever the data is shown or exported. */
  attributions: string[];
  confidenceScale: Record<GeographyConfidence, string>;
}

/** The app's reference geography file (`src/geo/data/gbaGeography.json`). */
export interface ReferenceGeographyData {
  /** Extent of the nine Guangdong cities plus Hong Kong and Macao. */
  bbox: BBox;
  cities: ReferenceCity[];
  sites: ReferenceSite[];
  channels: ReferenceChannel[];
  sources: GeographySources;
}

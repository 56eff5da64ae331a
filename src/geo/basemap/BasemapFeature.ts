import type { Jurisdiction } from '../../domain/jurisdictions.ts';
import type { BBox } from '../BBox.ts';
import type { LonLat } from '../LonLat.ts';
import type { GeographyConfidence } from '../ReferenceGeographyData.ts';

/** Land of one jurisdiction, as one MultiPolygon. */
export interface LandFeature {
  type: 'Feature';
  properties: { layer: 'land'; jurisdiction: Jurisdiction };
  geometry: { type: 'MultiPolygon'; coordinates: LonLat[][][] };
}

/** Which two jurisdictions a land boundary separates. */
export type BoundaryPair = 'Mainland|Hong Kong' | 'Mainland|Macao';

/** A stretch of land boundary between the Mainland and Hong Kong or Macao. */
export interface BoundaryFeature {
  type: 'Feature';
  properties: { layer: 'boundary'; between: BoundaryPair };
  geometry: { type: 'LineString'; coordinates: LonLat[] };
}

/** One of Hengqin's two customs lines (two-tier system since 1 March 2024). */
export interface ControlLineFeature {
  type: 'Feature';
  properties: {
    layer: 'control_line';
    /** `first` faces Macao; `second` faces the rest of the Mainland. */
    line: 'first' | 'second';
    confidence: GeographyConfidence;
    /** How the geometry was made. */
    note: string;
  };
  geometry: { type: 'LineString'; coordinates: LonLat[] };
}

/** Any feature of the offline basemap. */
export type BasemapFeature = LandFeature | BoundaryFeature | ControlLineFeature;

/** Provenance of the basemap, kept in the file beside the features. */
export interface BasemapMetadata {
  source: string;
  attribution: string;
  license: string;
  clipBox: BBox;
  simplifyToleranceDeg: number;
  decimals: number;
  notes: string[];
}

/** The offline basemap file (`src/geo/data/gbaBasemap.json`): a GeoJSON FeatureCollection. */
export interface BasemapCollection {
  type: 'FeatureCollection';
  metadata: BasemapMetadata;
  bbox: BBox;
  features: BasemapFeature[];
}

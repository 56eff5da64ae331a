/** Coordinate systems the feed contract accepts, by canonical id (see docs/feed-format.md). */
export const CRS_IDS = ['EPSG:4326', 'GCJ02', 'EPSG:2326', 'EPSG:8433'] as const;

/**
 * A supported coordinate system: WGS-84 degrees, GCJ-02 degrees, Hong Kong 1980 Grid metres or
 * Macao Grid metres.
 */
export type CrsId = (typeof CRS_IDS)[number];

/** A CRS whose coordinates are grid eastings/northings in metres rather than degrees. */
export type GridCrsId = 'EPSG:2326' | 'EPSG:8433';

/** True when coordinates in `crs` are easting/northing metres. */
export function isGridCrs(crs: CrsId): crs is GridCrsId {
  return crs === 'EPSG:2326' || crs === 'EPSG:8433';
}

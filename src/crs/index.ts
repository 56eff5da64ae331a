/** Coordinate systems of the feed contract and their conversion to WGS-84. */
export { CRS_IDS, isGridCrs, type CrsId, type GridCrsId } from './CrsId.ts';
export type { LonLat } from './LonLat.ts';
export { parseCrs } from './parseCrs.ts';
export { toWgs84, toWgs84Into } from './toWgs84.ts';
export { gcj02ToWgs84, wgs84ToGcj02, isOutsideGcj02Area } from './gcj02.ts';
export { gridToWgs84, wgs84ToGrid, isInGridArea, GRID_AREAS, HK1980_GRID_PROJ4, MACAO_GRID_PROJ4 } from './gridToWgs84.ts';

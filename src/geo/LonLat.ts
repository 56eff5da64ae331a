/** A WGS-84 position as `[longitude, latitude]` in decimal degrees (GeoJSON order). */
export type LonLat = [number, number];

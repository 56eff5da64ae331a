/** A WGS-84 (or GCJ-02, where stated) longitude/latitude pair in decimal degrees. */
export interface LonLat {
  lon: number;
  lat: number;
}

/** A WGS-84 bounding box `[minLon, minLat, maxLon, maxLat]` in decimal degrees. */
export type BBox = [number, number, number, number];

/** Whether the position lies inside the box; edges count as inside. */
export function bboxContains(box: BBox, lon: number, lat: number): boolean {
  return lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];
}

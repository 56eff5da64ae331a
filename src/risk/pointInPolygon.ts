/**
 * Whether (x, y) lies inside a ring by the even-odd rule (a crossing count along a ray towards
 * +x). `ring` holds the vertices flat, `[x0, y0, x1, y1, …]`; it may or may not repeat the first
 * vertex at the end.
 */
export function pointInPolygon(ring: Float64Array, x: number, y: number): boolean {
  let inside = false;
  const n = ring.length >> 1;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[2 * i];
    const yi = ring[2 * i + 1];
    const xj = ring[2 * j];
    const yj = ring[2 * j + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

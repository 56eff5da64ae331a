import type { BBox } from '../BBox.ts';
import type { LonLat } from '../LonLat.ts';
import type { Ring } from './Ring.ts';

function inBox(box: BBox, p: LonLat): boolean {
  return p[0] >= box[0] && p[0] <= box[2] && p[1] >= box[1] && p[1] <= box[3];
}

/** Nearest point to p on segment a–b, longitudes scaled by lonScale for the projection. */
function nearestOnSegment(p: LonLat, a: LonLat, b: LonLat, lonScale: number): LonLat {
  const dx = (b[0] - a[0]) * lonScale;
  const dy = b[1] - a[1];
  const lengthSq = dx * dx + dy * dy;
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, (((p[0] - a[0]) * lonScale) * dx + (p[1] - a[1]) * dy) / lengthSq));
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}

function distanceSq(a: LonLat, b: LonLat, lonScale: number): number {
  return ((a[0] - b[0]) * lonScale) ** 2 + (a[1] - b[1]) ** 2;
}

/**
 * Approximates the median line of a strait: samples the coast of `shore` (every `step` degrees
 * along its edges, keeping samples inside `window`), pairs each sample with the nearest point of the
 * `opposite` rings, and returns the midpoints in the shore's ring order. The window must hold a
 * single stretch of the shore; the ring is walked from a vertex outside it so the stretch is not
 * split at the ring's start.
 */
export function channelMidline(shore: Ring, opposite: readonly Ring[], window: BBox, step: number, lonScale: number): LonLat[] {
  const open = shore.slice(0, -1);
  const outside = open.findIndex((p) => !inBox(window, p));
  const walk = outside < 0 ? open : [...open.slice(outside), ...open.slice(0, outside)];
  const reach = 0.05;
  const near: BBox = [window[0] - reach, window[1] - reach, window[2] + reach, window[3] + reach];
  const segments: [LonLat, LonLat][] = [];
  for (const ring of opposite) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [u, v] = [ring[i], ring[i + 1]];
      const clear = Math.max(u[0], v[0]) < near[0] || Math.min(u[0], v[0]) > near[2] || Math.max(u[1], v[1]) < near[1] || Math.min(u[1], v[1]) > near[3];
      if (!clear) segments.push([u, v]);
    }
  }
  if (segments.length === 0) return [];
  const samples: LonLat[] = [];
  for (let i = 0; i + 1 < walk.length; i++) {
    const a = walk[i];
    const b = walk[i + 1];
    const pieces = Math.max(1, Math.ceil(Math.sqrt(distanceSq(a, b, lonScale)) / step));
    for (let k = 0; k < pieces; k++) samples.push([a[0] + ((b[0] - a[0]) * k) / pieces, a[1] + ((b[1] - a[1]) * k) / pieces]);
  }
  const midpoints: LonLat[] = [];
  for (const p of samples) {
    if (!inBox(window, p)) continue;
    let best: LonLat = segments[0][0];
    let bestSq = Infinity;
    for (const [u, v] of segments) {
      const q = nearestOnSegment(p, u, v, lonScale);
      const d = distanceSq(p, q, lonScale);
      if (d < bestSq) {
        best = q;
        bestSq = d;
      }
    }
    midpoints.push([(p[0] + best[0]) / 2, (p[1] + best[1]) / 2]);
  }
  return midpoints;
}

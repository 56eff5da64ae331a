import type { BoardAnswer } from '../../board/BoardQuery.ts';
import type { ReferenceSite } from '../../geo/referenceGeography.ts';

/** A screen position, CSS pixels in the map. */
export interface ScreenPoint {
  x: number;
  y: number;
}

/**
 * Where a test (or a person reading the page's state) can find one thing of each kind on screen:
 * the best-ranked hotspot clear of alert rings, the first alert, a site far from every alert, and
 * an event point, each inside the map by `margin` pixels. Exposed as data attributes;
 * O(cells + sites + points).
 */
export interface MapProbes {
  hotspot: ScreenPoint | null;
  alert: ScreenPoint | null;
  calmSite: ScreenPoint | null;
  event: ScreenPoint | null;
}

/** Finds the probes of `answer` with the map's projection. */
export function mapProbes(answer: BoardAnswer | null, sites: readonly ReferenceSite[], project: (lon: number, lat: number) => ScreenPoint, width: number, height: number, margin = 40): MapProbes {
  const inside = (p: ScreenPoint) => p.x >= margin && p.y >= margin && p.x <= width - margin && p.y <= height - margin;
  const first = (count: number, at: (i: number) => ScreenPoint, keep: (p: ScreenPoint) => boolean = () => true): ScreenPoint | null => {
    for (let i = 0; i < count; i++) {
      const point = at(i);
      if (inside(point) && keep(point)) return { x: Math.round(point.x), y: Math.round(point.y) };
    }
    return null;
  };
  if (answer === null) return { hotspot: null, alert: null, calmSite: null, event: null };
  const layer = answer.hotspotLayer;
  const alerts = [...answer.siteAlerts, ...answer.cellAlerts].map((alert) => project(alert.lon, alert.lat));
  const farFromAlerts = (p: ScreenPoint) => alerts.every((a) => Math.hypot(a.x - p.x, a.y - p.y) > 90);
  const calm = sites.map((site) => project(site.lon, site.lat)).filter((p) => farFromAlerts(p));
  return {
    hotspot: first(layer.count, (rank) => project(layer.centre[2 * rank], layer.centre[2 * rank + 1]), farFromAlerts),
    alert: first(alerts.length, (i) => alerts[i]),
    calmSite: first(calm.length, (i) => calm[i]),
    event: answer.events.kind === 'points' ? first(answer.events.count, (i) => project(answer.events.positions[2 * i], answer.events.positions[2 * i + 1])) : null,
  };
}

/** A probe as a data attribute value: `x,y`, or empty. */
export function probeAttribute(point: ScreenPoint | null): string {
  return point === null ? '' : `${point.x},${point.y}`;
}

import type { FeedRecord } from '../../domain/FeedRecord.ts';
import type { ReferenceChannel, ReferenceSite } from '../ReferencePlaces.ts';
import { greatCircleKm, localSegmentKm } from './referenceGeometry.ts';

/**
 * The site of a record (docs/risk-model.md §4): the one it names, else the nearest of `sites`
 * within `radiusKm` by great-circle distance (the lowest list index on an exact tie), else null.
 * A radius of 0 attributes nothing by distance.
 */
export function referenceSiteOf(record: FeedRecord, sites: readonly ReferenceSite[], radiusKm: number): string | null {
  if (record.site !== null) return record.site;
  if (!(radiusKm > 0)) return null;
  let best: string | null = null;
  let bestKm = Infinity;
  for (const site of sites) {
    const km = greatCircleKm(record.lon, record.lat, site.lon, site.lat);
    if (km <= radiusKm && km < bestKm) {
      best = site.id;
      bestKm = km;
    }
  }
  return best;
}

/**
 * The channel of a record (§4): the one it names, else the channel whose polyline passes nearest
 * within `radiusKm` (local-frame distance to its nearest segment; a one-vertex channel is a point;
 * the lowest list index on an exact tie), else null. A radius of 0 attributes nothing by distance.
 */
export function referenceChannelOf(record: FeedRecord, channels: readonly ReferenceChannel[], radiusKm: number): string | null {
  if (record.channel !== null) return record.channel;
  if (!(radiusKm > 0)) return null;
  let best: string | null = null;
  let bestKm = Infinity;
  for (const channel of channels) {
    const points = channel.coordinates;
    for (let i = 0; i < Math.max(1, points.length - 1); i++) {
      const b = points[Math.min(i + 1, points.length - 1)];
      const km = localSegmentKm(record.lon, record.lat, points[i][0], points[i][1], b[0], b[1]);
      if (km <= radiusKm && km < bestKm) {
        best = channel.id;
        bestKm = km;
      }
    }
  }
  return best;
}

import type { LonLat } from './LonLat.ts';
import { channelById, siteById } from './referenceGeography.ts';

/** Middle vertex-weighted point of a polyline: halfway along its length. */
function polylineMidpoint(coordinates: readonly LonLat[]): { lon: number; lat: number } {
  const lengths: number[] = [];
  let total = 0;
  for (let i = 1; i < coordinates.length; i++) {
    const length = Math.hypot(coordinates[i][0] - coordinates[i - 1][0], coordinates[i][1] - coordinates[i - 1][1]);
    lengths.push(length);
    total += length;
  }
  let remaining = total / 2;
  for (let i = 1; i < coordinates.length; i++) {
    const length = lengths[i - 1];
    if (remaining <= length && length > 0) {
      const f = remaining / length;
      return {
        lon: coordinates[i - 1][0] + f * (coordinates[i][0] - coordinates[i - 1][0]),
        lat: coordinates[i - 1][1] + f * (coordinates[i][1] - coordinates[i - 1][1]),
      };
    }
    remaining -= length;
  }
  const [lon, lat] = coordinates[0];
  return { lon, lat };
}

/**
 * Position of a reference site (its point) or channel (halfway along its polyline), for feed
 * rows that name a site or channel instead of giving coordinates. Null for unknown ids.
 */
export function locateReference(kind: 'site' | 'channel', id: string): { lon: number; lat: number } | null {
  if (kind === 'site') {
    const site = siteById(id);
    return site ? { lon: site.lon, lat: site.lat } : null;
  }
  const channel = channelById(id);
  return channel ? polylineMidpoint(channel.coordinates) : null;
}

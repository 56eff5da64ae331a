import type { NearestSite } from '../board/BoardQuery.ts';
import { cosLatitude, haversineKm } from '../risk/distanceKm.ts';

/** A place with a position, e.g. a reference site. */
export interface SitePosition {
  id: string;
  lon: number;
  lat: number;
}

/**
 * The site nearest to (lon, lat) at any distance, great-circle km on the engine's sphere, the
 * earlier site on an exact tie; null without sites. O(sites): exports call it once per hotspot.
 */
export function nearestReferenceSite(lon: number, lat: number, sites: readonly SitePosition[]): NearestSite | null {
  const cosLat = cosLatitude(lat);
  let nearest: NearestSite | null = null;
  for (const site of sites) {
    const distance = haversineKm(lon, lat, cosLat, site.lon, site.lat, cosLatitude(site.lat));
    if (nearest === null || distance < nearest.distanceKm) nearest = { id: site.id, distanceKm: distance };
  }
  return nearest;
}

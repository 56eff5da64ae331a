import { cellToLatLng } from 'h3-js';
import { cellHalvesToHex } from './cellHalves.ts';
import type { HotspotResult } from './computeHotspots.ts';
import { describeBreakdown, type BreakdownSummary } from './describeBreakdown.ts';
import { distanceKm } from './distanceKm.ts';
import type { EventTable } from './EventTable.ts';
import { trendOf, type Trend } from './trendOf.ts';

/** One hotspot as a plain object, for panels and briefings. */
export interface HotspotSummary extends BreakdownSummary {
  rank: number;
  /** H3 cell id (hex). */
  cell: string;
  score: number;
  count: number;
  /** Cell centre, WGS-84. */
  lat: number;
  lon: number;
  /** Reference site nearest to the cell centre, at any distance; null without sites. */
  nearestSite: { id: string; distanceKm: number } | null;
  trend: Trend;
}

/** Plain objects for the ranks of `result` that have details (the top N), hottest first. */
export function describeHotspots(result: HotspotResult, table: EventTable, limit = Infinity): HotspotSummary[] {
  const count = Math.min(limit, result.details.groups.length);
  const summaries: HotspotSummary[] = [];
  for (let rank = 0; rank < count; rank++) {
    const cell = cellHalvesToHex(result.cellHigh[rank], result.cellLow[rank]);
    const [lat, lon] = cellToLatLng(cell);
    let nearestSite: HotspotSummary['nearestSite'] = null;
    for (const site of table.sites) {
      const d = distanceKm(lon, lat, site.lon, site.lat);
      if (nearestSite === null || d < nearestSite.distanceKm) nearestSite = { id: site.id, distanceKm: d };
    }
    const score = result.scores[rank];
    summaries.push({
      rank,
      cell,
      score,
      count: result.counts[rank],
      lat,
      lon,
      nearestSite,
      trend: trendOf(score, result.previous[rank]),
      ...describeBreakdown(table, result.details, rank, score),
    });
  }
  return summaries;
}

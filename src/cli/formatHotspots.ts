import type { CategoryKey } from '../domain/categories.ts';
import { formatUtc8 } from '../domain/formatUtc8.ts';
import type { RecordKind } from '../domain/recordKinds.ts';
import type { HotspotResult, HotspotSummary, Trend } from '../risk/RiskEngine.ts';
import { formatTable } from './formatTable.ts';

/** One of the heaviest events behind a hotspot, as the CLI names it. */
export interface HotspotEventJson {
  source: string;
  id: string;
  /** Event time, ISO 8601 UTC. */
  time: string;
  /** Decayed weight at the evaluation instant. */
  weight: number;
}

/** One hotspot in `tidegate hotspots --json`; rank 1 is the hottest. */
export interface HotspotJson {
  rank: number;
  cell: string;
  score: number;
  count: number;
  lat: number;
  lon: number;
  nearestSite: { id: string; distanceKm: number } | null;
  trend: Trend;
  byCategory: Partial<Record<CategoryKey, number>>;
  bySource: Record<string, number>;
  byKind: Partial<Record<RecordKind, number>>;
  topEvents: HotspotEventJson[];
}

/** The document `tidegate hotspots --json` prints. */
export interface HotspotsJson {
  /** Evaluation instant, ISO 8601 UTC. */
  at: string;
  resolution: number;
  halfLifeDays: number;
  windowDays: number;
  /** Events and cells in the window over all hotspots, listed or not. */
  eventsInWindow: number;
  cellsInWindow: number;
  hotspots: HotspotJson[];
}

/** The settings a hotspot run was made with, as the user gave them. */
export interface HotspotRunSettings {
  at: number;
  resolution: number;
  halfLifeDays: number;
  windowDays: number;
}

/** Hotspot summaries as the JSON document; scores and shares unrounded. */
export function hotspotsToJson(settings: HotspotRunSettings, result: HotspotResult, summaries: readonly HotspotSummary[]): HotspotsJson {
  return {
    at: new Date(settings.at).toISOString(),
    resolution: settings.resolution,
    halfLifeDays: settings.halfLifeDays,
    windowDays: settings.windowDays,
    eventsInWindow: result.totalCount,
    cellsInWindow: result.cells.length,
    hotspots: summaries.map((s) => ({
      rank: s.rank + 1,
      cell: s.cell,
      score: s.score,
      count: s.count,
      lat: s.lat,
      lon: s.lon,
      nearestSite: s.nearestSite,
      trend: s.trend,
      byCategory: s.byCategory,
      bySource: s.bySource,
      byKind: s.byKind,
      topEvents: s.topEvents.map((e) => ({
        source: e.source,
        id: e.id,
        time: new Date(e.time).toISOString(),
        weight: e.weight,
      })),
    })),
  };
}

/** `name 62%` for the largest share, or empty. */
function largestShare(shares: Readonly<Record<string, number | undefined>>): string {
  let best: [string, number] | null = null;
  for (const [name, share] of Object.entries(shares)) {
    if (share !== undefined && (best === null || share > best[1])) best = [name, share];
  }
  return best === null ? '' : `${best[0]} ${Math.round(best[1] * 100)}%`;
}

function trendText(trend: Trend): string {
  if (trend.ratio !== null) return `x${trend.ratio.toFixed(2)}`;
  return trend.now > 0 ? 'new' : '';
}

function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}

/** The hotspot document as a terminal table, scores rounded to two decimals. */
export function formatHotspots(document: HotspotsJson): string {
  const at = formatUtc8(Date.parse(document.at));
  let text =
    `Hotspots at ${at} (UTC+08:00), H3 resolution ${document.resolution}, half-life ${days(document.halfLifeDays)}, ` +
    `window ${days(document.windowDays)}: ${document.eventsInWindow} events in ${document.cellsInWindow} cells\n`;
  if (document.hotspots.length === 0) return `${text}No events in the window.\n`;
  text += formatTable(
    ['rank', 'cell', 'score', 'events', 'trend', 'nearest site', 'top category', 'top source', 'top kind'],
    document.hotspots.map((h) => [
      String(h.rank),
      h.cell,
      h.score.toFixed(2),
      String(h.count),
      trendText(h.trend),
      h.nearestSite === null ? '' : `${h.nearestSite.id} (${h.nearestSite.distanceKm.toFixed(1)} km)`,
      largestShare(h.byCategory),
      largestShare(h.bySource),
      largestShare(h.byKind),
    ]),
    { align: ['right', 'left', 'right', 'right', 'right'] },
  );
  if (document.hotspots.length < document.cellsInWindow) {
    text += `(top ${document.hotspots.length} of ${document.cellsInWindow} cells; --top N lists more)\n`;
  }
  return text;
}

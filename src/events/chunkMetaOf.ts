import { CATEGORY_KEYS } from '../domain/categories.ts';
import type { EventChunkColumns, EventChunkMeta } from './EventChunk.ts';

/** Meta of a chunk's columns, the first `count` rows: time span, bounding box and events per category (EventChunkBuilder, bundles, compaction). */
export function chunkMetaOf(columns: EventChunkColumns, count: number): EventChunkMeta {
  let minTime = Infinity;
  let maxTime = -Infinity;
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  const categoryCounts = new Array<number>(CATEGORY_KEYS.length).fill(0);
  for (let row = 0; row < count; row++) {
    const t = columns.time[row];
    const x = columns.lon[row];
    const y = columns.lat[row];
    if (t < minTime) minTime = t;
    if (t > maxTime) maxTime = t;
    if (x < minLon) minLon = x;
    if (x > maxLon) maxLon = x;
    if (y < minLat) minLat = y;
    if (y > maxLat) maxLat = y;
    categoryCounts[columns.category[row]]++;
  }
  return {
    count,
    minTime: count ? minTime : 0,
    maxTime: count ? maxTime : 0,
    bbox: count ? [minLon, minLat, maxLon, maxLat] : [0, 0, 0, 0],
    categoryCounts,
  };
}

import type { FeedRecord } from '../domain/FeedRecord.ts';
import type { EventChunk } from '../events/EventChunk.ts';
import { EventChunkBuilder } from '../events/EventChunkBuilder.ts';
import { buildEventTable, type EventTableOptions } from './buildEventTable.ts';
import type { EventTable } from './EventTable.ts';
import type { ReferenceChannel, ReferenceSite } from './ReferencePlaces.ts';

/** Test fixtures: real chunks and tables built from FeedRecords. */

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Evaluation instant used by the tests: 2025-06-01T00:00:00Z. */
export const T = Date.UTC(2025, 5, 1);

/** Positions far enough apart to fall in different cells at every resolution 5..9. */
export const GONGBEI: [number, number] = [113.5489, 22.2186];
export const LOK_MA_CHAU: [number, number] = [114.0741, 22.5094];
export const GUANGZHOU_SOUTH: [number, number] = [113.2686, 22.9875];

/** A few reference sites (from docs/reference gba-geography). */
export const SITES: ReferenceSite[] = [
  { id: 'gongbei_port', lon: 113.5489, lat: 22.2186, jurisdiction: ['Mainland'] },
  { id: 'macao_border_gate', lon: 113.5488, lat: 22.2147, jurisdiction: ['Macao'] },
  { id: 'lok_ma_chau_control_point', lon: 114.0741, lat: 22.5094, jurisdiction: ['Hong Kong'] },
  { id: 'hengqin_port', lon: 113.5439, lat: 22.1406, jurisdiction: ['Mainland', 'Macao'] },
];

/** A schematic Lotus Bridge and a two-segment line well away from it. */
export const CHANNELS: ReferenceChannel[] = [
  { id: 'lotus_bridge', coordinates: [[113.5439, 22.1406], [113.5455, 22.1404], [113.5468, 22.1402]] },
  { id: 'east_line', coordinates: [[114.0, 22.4], [114.1, 22.4], [114.1, 22.5]] },
];

let nextId = 1;

/** A valid FeedRecord at Gongbei at time T, overridden by `fields`. */
export function record(fields: Partial<FeedRecord> = {}): FeedRecord {
  const time = fields.time ?? T;
  return {
    source: 'GACC-GD',
    id: `R${nextId++}`,
    time,
    lon: GONGBEI[0],
    lat: GONGBEI[1],
    category: 'narcotics',
    kind: 'seizure',
    severity: 5,
    grading: 'A1',
    valueCny: null,
    mode: null,
    site: null,
    channel: null,
    links: [],
    description: '',
    updated: time,
    ...fields,
  };
}

/** One chunk holding `records`, cells computed by the builder. */
export function chunkOf(records: readonly FeedRecord[]): EventChunk {
  const builder = new EventChunkBuilder(Math.max(1, records.length));
  for (const r of records) builder.append(r);
  return builder.build();
}

/** A table over one chunk of `records`. */
export function tableOf(records: readonly FeedRecord[], options: EventTableOptions = {}): EventTable {
  return buildEventTable([{ chunk: chunkOf(records) }], options);
}

import { CATEGORY_KEYS } from '../domain/categories.ts';
import type { FeedRecord } from '../domain/FeedRecord.ts';
import { decodeGrading } from '../domain/grading.ts';
import { decodeHandling } from '../domain/handlingCodes.ts';
import { RECORD_KINDS } from '../domain/recordKinds.ts';
import { TRANSPORT_MODES } from '../domain/transportModes.ts';
import type { EventChunk } from '../events/EventChunk.ts';

/**
 * The FeedRecord of one row of a chunk: the inverse of EventChunkBuilder.append() (links split on
 * `;`, a NaN value read as none, handling code 0 left out). The chunk must be valid
 * (checkBundleChunk for a chunk from a bundle).
 */
export function chunkRecord(chunk: EventChunk, row: number): FeedRecord {
  const { columns, strings } = chunk;
  const links = strings.links[row];
  const value = columns.valueCny[row];
  const mode = columns.mode[row];
  const site = columns.site[row];
  const channel = columns.channel[row];
  const record: FeedRecord = {
    source: strings.sources[columns.source[row]],
    id: strings.ids[row],
    time: columns.time[row],
    lon: columns.lon[row],
    lat: columns.lat[row],
    category: CATEGORY_KEYS[columns.category[row]],
    kind: RECORD_KINDS[columns.kind[row]],
    severity: columns.severity[row],
    grading: decodeGrading(columns.grading[row]),
    valueCny: Number.isNaN(value) ? null : value,
    mode: mode === 0 ? null : TRANSPORT_MODES[mode - 1],
    site: site === 0 ? null : strings.sites[site - 1],
    channel: channel === 0 ? null : strings.channels[channel - 1],
    links: links === '' ? [] : links.split(';'),
    description: strings.descriptions[row],
    updated: columns.updated[row],
  };
  const handling = decodeHandling(columns.handling[row]);
  if (handling !== undefined) record.handling = handling;
  return record;
}

/** Every row of a chunk as a FeedRecord, in row order. */
export function chunkRecords(chunk: EventChunk): FeedRecord[] {
  const records = new Array<FeedRecord>(chunk.meta.count);
  for (let row = 0; row < records.length; row++) records[row] = chunkRecord(chunk, row);
  return records;
}

import { generateDemoEvents } from '../demo/generateDemoEvents.ts';
import { EventChunkBuilder } from '../events/EventChunkBuilder.ts';
import { REFERENCE_CHANNELS, REFERENCE_SITES } from '../geo/referenceGeography.ts';
import type { LiveChunk } from './LiveChunk.ts';

/** Seed of the board's demo dataset: the same every time, so every viewer sees the same board. */
export const DEMO_SEED = 20_260_301;

/** Events in the board's demo dataset. */
export const DEMO_EVENT_COUNT = 40_000;

const HOUR_MS = 3_600_000;

/**
 * The synthetic demo dataset as chunks, ending at the hour of `now` so the board looks live.
 * Never stored: it is rebuilt on each start while the store is empty.
 */
export function buildDemoChunks(now: number, count = DEMO_EVENT_COUNT): LiveChunk[] {
  const records = generateDemoEvents({
    seed: DEMO_SEED,
    count,
    now: Math.floor(now / HOUR_MS) * HOUR_MS,
    sites: REFERENCE_SITES,
    channels: REFERENCE_CHANNELS,
  });
  const chunks: LiveChunk[] = [];
  let builder = new EventChunkBuilder();
  for (const record of records) {
    if (builder.isFull) {
      chunks.push({ chunk: builder.build() });
      builder = new EventChunkBuilder();
    }
    builder.append(record);
  }
  if (builder.size) chunks.push({ chunk: builder.build() });
  return chunks;
}

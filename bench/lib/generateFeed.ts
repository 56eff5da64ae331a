import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { demoEventBatches } from '../../src/demo/generateDemoEvents.ts';
import { demoFeedCsv } from '../../src/demo/demoFeedCsv.ts';
import { REFERENCE_CHANNELS, REFERENCE_SITES } from '../../src/geo/referenceGeography.ts';

/** What was written. */
export interface GeneratedFeed {
  path: string;
  rows: number;
  bytes: number;
  ms: number;
}

/**
 * Streams the seeded demo dataset as a feed CSV to `path` (demoEventBatches → demoFeedCsv), so a
 * million rows never sit in memory together. Same options, same bytes.
 */
export async function generateFeedCsv(path: string, rows: number, seed: number, now: number): Promise<GeneratedFeed> {
  const startedAt = performance.now();
  const out = createWriteStream(path);
  let bytes = 0;
  const batches = demoEventBatches({ seed, count: rows, now, sites: REFERENCE_SITES, channels: REFERENCE_CHANNELS }, 10_000);
  for (const text of demoFeedCsv(batches, { rowsPerChunk: 5_000 })) {
    const chunk = Buffer.from(text, 'utf8');
    bytes += chunk.byteLength;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { path, rows, bytes, ms: performance.now() - startedAt };
}

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { buildDemoChunks } from './buildDemoChunks.ts';
import type { LiveChunk } from './LiveChunk.ts';

/**
 * The demo's chunks for Node benchmarks: read from `$BENCH_CHUNKS` when that file exists, else
 * built (`buildDemoChunks(now, events)`) and written there, so repeated runs skip the build.
 */
export function cachedDemoChunks(now: number, events: number): LiveChunk[] {
  const path = process.env.BENCH_CHUNKS;
  if (path && existsSync(path)) return deserialize(readFileSync(path)) as LiveChunk[];
  const built = buildDemoChunks(now, events);
  if (path) writeFileSync(path, serialize(built));
  return built;
}

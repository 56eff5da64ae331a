import { chunkMetaOf } from '../events/chunkMetaOf.ts';
import type { EventChunk, EventChunkColumns } from '../events/EventChunk.ts';
import type { PublishedChunk } from './PublishedChunk.ts';

/** A chunk rewritten without its masked rows. */
export interface CompactedChunk {
  chunk: EventChunk;
  hashes: Float64Array;
  /** For each new row, its row number in the original chunk. */
  sourceRows: Uint32Array;
}

type Column = EventChunkColumns[keyof EventChunkColumns];

function pickRows<T extends Column>(column: T, rows: Uint32Array): T {
  const picked = new (column.constructor as new (length: number) => T)(rows.length);
  for (let i = 0; i < rows.length; i++) picked[i] = column[rows[i]];
  return picked;
}

/**
 * Copies the live rows of a published chunk into a new chunk of the same format with fresh
 * metadata, or returns null when no row is live. Every typed column is copied generically, so a
 * column added to the format is carried along; string dictionaries are kept whole (unused entries
 * are harmless and keep the codes valid).
 */
export function compactChunk(published: PublishedChunk): CompactedChunk | null {
  const { chunk, mask, hashes } = published;
  const count = chunk.meta.count;
  let live = 0;
  for (let row = 0; row < count; row++) if (mask[row] === 0) live++;
  if (live === 0) return null;
  const sourceRows = new Uint32Array(live);
  for (let row = 0, next = 0; row < count; row++) if (mask[row] === 0) sourceRows[next++] = row;

  const columns = Object.fromEntries(
    Object.entries(chunk.columns).map(([name, column]: [string, Column]) => [name, pickRows(column, sourceRows)]),
  ) as unknown as EventChunkColumns;
  const pickStrings = (values: string[]): string[] => Array.from(sourceRows, (row) => values[row]);

  return {
    chunk: {
      formatVersion: chunk.formatVersion,
      columns,
      strings: {
        sources: chunk.strings.sources.slice(),
        sites: chunk.strings.sites.slice(),
        channels: chunk.strings.channels.slice(),
        ids: pickStrings(chunk.strings.ids),
        links: pickStrings(chunk.strings.links),
        descriptions: pickStrings(chunk.strings.descriptions),
      },
      meta: chunkMetaOf(columns, live),
    },
    hashes: pickRows(hashes, sourceRows),
    sourceRows,
  };
}

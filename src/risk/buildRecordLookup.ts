import type { EventTable } from './EventTable.ts';

/** Index from a record key `SOURCE:ID` to its table row. */
export interface RecordLookup {
  rowOf: Map<string, number>;
}

/** Key of a record as links spell it. */
export function recordKey(source: string, id: string): string {
  return `${source}:${id}`;
}

/**
 * Indexes every table row by `SOURCE:ID`. Build it once per table and reuse it: it touches every
 * id string. Should a key occur twice, the first row keeps it.
 */
export function buildRecordLookup(table: EventTable): RecordLookup {
  const rowOf = new Map<string, number>();
  table.chunks.forEach((chunk, c) => {
    const { ids, sources } = chunk.strings;
    const sourceColumn = chunk.columns.source;
    for (let r = table.chunkStart[c]; r < table.chunkStart[c + 1]; r++) {
      const row = table.chunkRow[r];
      const key = recordKey(sources[sourceColumn[row]], ids[row]);
      if (!rowOf.has(key)) rowOf.set(key, r);
    }
  });
  return { rowOf };
}

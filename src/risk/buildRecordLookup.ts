import type { EventTable } from './EventTable.ts';
import { forEachLinkKey } from './forEachLinkKey.ts';

/** Index from a record key `SOURCE:ID` to its table row, for the keys that records' links name. */
export interface RecordLookup {
  rowOf: Map<string, number>;
}

/** Key of a record as links spell it. */
export function recordKey(source: string, id: string): string {
  return `${source}:${id}`;
}

/**
 * Indexes by `SOURCE:ID` the table rows that some record's links name — the only keys
 * computeLinks asks for. Rows are first matched on their id alone (every part of a key after a
 * `:`), so a million rows cost a set lookup each and only the few candidates build a key: indexing
 * every row took ~2 s of the first answer for 1M events. Build it once per table and reuse it.
 * Should a key occur twice, the first row keeps it.
 */
export function buildRecordLookup(table: EventTable): RecordLookup {
  const rowOf = new Map<string, number>();
  const wanted = new Set<string>();
  forEachLinkKey(table, (_, key) => wanted.add(key));
  if (wanted.size === 0) return { rowOf };
  const candidateIds = new Set<string>();
  for (const key of wanted) {
    for (let colon = key.indexOf(':'); colon >= 0; colon = key.indexOf(':', colon + 1)) candidateIds.add(key.slice(colon + 1));
  }
  table.chunks.forEach((chunk, c) => {
    const { ids, sources } = chunk.strings;
    const sourceColumn = chunk.columns.source;
    for (let r = table.chunkStart[c]; r < table.chunkStart[c + 1]; r++) {
      const row = table.chunkRow[r];
      const id = ids[row];
      if (!candidateIds.has(id)) continue;
      const key = recordKey(sources[sourceColumn[row]], id);
      if (wanted.has(key) && !rowOf.has(key)) rowOf.set(key, r);
    }
  });
  return { rowOf };
}

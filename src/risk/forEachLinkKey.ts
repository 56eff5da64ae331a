import type { EventTable } from './EventTable.ts';

/**
 * Calls `visit` with every link key of every table row, in table order: each `;`-separated part
 * of a record's links, trimmed, empty parts skipped. The one reading of the links column, for
 * the lookup that resolves keys and for the pass that pairs records.
 */
export function forEachLinkKey(table: EventTable, visit: (row: number, key: string) => void): void {
  table.chunks.forEach((chunk, c) => {
    const texts = chunk.strings.links;
    for (let row = table.chunkStart[c]; row < table.chunkStart[c + 1]; row++) {
      const text = texts[table.chunkRow[row]];
      if (!text) continue;
      for (const part of text.split(';')) {
        const key = part.trim();
        if (key !== '') visit(row, key);
      }
    }
  });
}

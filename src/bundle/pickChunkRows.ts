import { chunkMetaOf } from '../events/chunkMetaOf.ts';
import type { EventChunk, EventChunkColumns } from '../events/EventChunk.ts';

type Column = EventChunkColumns[keyof EventChunkColumns];

function pick<T extends Column>(column: T, rows: Uint32Array): T {
  const picked = new (column.constructor as new (length: number) => T)(rows.length);
  for (let i = 0; i < rows.length; i++) picked[i] = column[rows[i]];
  return picked;
}

/**
 * Re-codes a dictionary column to the entries the picked rows use, in order of first use: a
 * bundle must not carry a source, site or channel name that only withheld rows named.
 * `offset` is 1 for columns where 0 means "none".
 */
function pruneDictionary(codes: Uint16Array, values: readonly string[], offset: 0 | 1): { codes: Uint16Array; values: string[] } {
  const map = new Map<number, number>();
  const kept: string[] = [];
  const recoded = new Uint16Array(codes.length);
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row];
    if (offset === 1 && code === 0) continue;
    let next = map.get(code);
    if (next === undefined) {
      next = kept.length + offset;
      kept.push(values[code - offset]);
      map.set(code, next);
    }
    recoded[row] = next;
  }
  return { codes: recoded, values: kept };
}

/**
 * A new chunk of the given rows of `chunk`, in the given order: every typed column copied
 * generically (so a column added to the format comes along), the source, site and channel
 * dictionaries pruned to what those rows name, fresh metadata.
 */
export function pickChunkRows(chunk: EventChunk, rows: Uint32Array): EventChunk {
  const columns = Object.fromEntries(
    Object.entries(chunk.columns).map(([name, column]: [string, Column]) => [name, pick(column, rows)]),
  ) as unknown as EventChunkColumns;
  const sources = pruneDictionary(columns.source, chunk.strings.sources, 0);
  const sites = pruneDictionary(columns.site, chunk.strings.sites, 1);
  const channels = pruneDictionary(columns.channel, chunk.strings.channels, 1);
  columns.source = sources.codes;
  columns.site = sites.codes;
  columns.channel = channels.codes;
  const pickStrings = (values: readonly string[]): string[] => Array.from(rows, (row) => values[row]);
  return {
    formatVersion: chunk.formatVersion,
    columns,
    strings: {
      sources: sources.values,
      sites: sites.values,
      channels: channels.values,
      ids: pickStrings(chunk.strings.ids),
      links: pickStrings(chunk.strings.links),
      descriptions: pickStrings(chunk.strings.descriptions),
    },
    meta: chunkMetaOf(columns, rows.length),
  };
}

import type { EventChunkStrings } from './EventChunk.ts';

/** The per-row text columns of a chunk, which lazyChunkStrings unpacks on first use. */
export type PerRowText = 'ids' | 'links' | 'descriptions';

/**
 * EventChunkStrings whose per-row columns are unpacked from their stored form only when first
 * read, then kept. A board that opens a million stored events needs the numeric columns at once
 * but the ids, links and descriptions of only a few rows at first: splitting every packed column
 * into a million strings up front would cost its cold start more than reading them does. Reading
 * a column (or cloning the object) unpacks it; the result is the same string[] as eager unpacking.
 */
export function lazyChunkStrings(
  dictionaries: Pick<EventChunkStrings, 'sources' | 'sites' | 'channels'>,
  unpack: Record<PerRowText, () => string[]>,
): EventChunkStrings {
  const strings = { ...dictionaries } as EventChunkStrings;
  for (const column of ['ids', 'links', 'descriptions'] as const) {
    let values: string[] | null = null;
    Object.defineProperty(strings, column, {
      enumerable: true,
      configurable: true,
      get: () => (values ??= unpack[column]()),
      set: (replacement: string[]) => {
        values = replacement;
      },
    });
  }
  return strings;
}

/**
 * The identity of a record across imports, its `source` and `id`, joined injectively into one
 * string (for maps of records in tests and tools; the store's KeyIndex takes the pair as it is).
 *
 * The source's length is written first, so no choice of characters in `source` or `id` can make
 * two different pairs produce the same key (a plain separator could appear inside either part).
 */
export function recordKey(source: string, id: string): string {
  return `${source.length}:${source}${id}`;
}


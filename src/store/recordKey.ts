/**
 * The identity of a record across imports: its `source` and `id`, joined injectively.
 *
 * The source's length is written first, so no choice of characters in `source` or `id` can make
 * two different pairs produce the same key (a plain separator could appear inside either part).
 */
export function recordKey(source: string, id: string): string {
  return `${source.length}:${source}${id}`;
}

/**
 * The part of recordKey that depends only on the source, so that building many keys of one source
 * (a chunk's rows share a small source dictionary) costs one concatenation per row.
 */
export function recordKeyPrefix(source: string): string {
  return `${source.length}:${source}`;
}

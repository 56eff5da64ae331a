/** Version of the columnar chunk layout below; bump it and add a migration when it changes. */
export const EVENT_CHUNK_FORMAT_VERSION = 1;

/**
 * Numeric columns of a chunk of events, one entry per row. Everything a query needs is here as
 * a typed array, so a chunk crosses threads and IndexedDB as a handful of buffers.
 */
export interface EventChunkColumns {
  /** Event time, epoch ms. */
  time: Float64Array;
  /** Record version, epoch ms. */
  updated: Float64Array;
  /** WGS-84 degrees. */
  lon: Float64Array;
  lat: Float64Array;
  /** Index into CATEGORY_KEYS. */
  category: Uint8Array;
  /** Index into RECORD_KINDS. */
  kind: Uint8Array;
  /** 1..5. */
  severity: Uint8Array;
  /** encodeGrading() code; 0 = ungraded. */
  grading: Uint8Array;
  /** 0 = none, else 1 + index into TRANSPORT_MODES. */
  mode: Uint8Array;
  /** Value in CNY; NaN when none. */
  valueCny: Float64Array;
  /** Index into strings.sources. */
  source: Uint16Array;
  /** 0 = none, else 1 + index into strings.sites. */
  site: Uint16Array;
  /** 0 = none, else 1 + index into strings.channels. */
  channel: Uint16Array;
  /** H3 cell at resolution 9 as two 32-bit halves (high, low); parents derive by bit masking. */
  cellHigh: Uint32Array;
  cellLow: Uint32Array;
  /**
   * encodeHandling() code: 0 = no handling code, 1–5 = H1–H5, 6 = unrecognised. Chunks stored
   * before the column existed restore with every row 0 (restoreEventChunk).
   */
  handling: Uint8Array;
}

/** Text of a chunk: small dictionaries plus one string per row where the text is per record. */
export interface EventChunkStrings {
  sources: string[];
  sites: string[];
  channels: string[];
  /** Record id per row. */
  ids: string[];
  /** `SOURCE:ID` links joined with `;` per row ('' when none). */
  links: string[];
  /** Description per row. */
  descriptions: string[];
}

/** Summary of a chunk, kept beside it so a reader can skip chunks without opening them. */
export interface EventChunkMeta {
  count: number;
  minTime: number;
  maxTime: number;
  /** [minLon, minLat, maxLon, maxLat]. */
  bbox: [number, number, number, number];
  /** Rows per category code. */
  categoryCounts: number[];
}

/** A block of up to about 50k events in columnar form (format EVENT_CHUNK_FORMAT_VERSION). */
export interface EventChunk {
  formatVersion: number;
  columns: EventChunkColumns;
  strings: EventChunkStrings;
  meta: EventChunkMeta;
}

/** Every buffer of a chunk, for `Comlink.transfer` / `postMessage` transfer lists. */
export function chunkTransferables(chunk: EventChunk): ArrayBuffer[] {
  return Object.values(chunk.columns).map((column) => (column as ArrayBufferView).buffer as ArrayBuffer);
}

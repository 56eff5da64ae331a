import { CATEGORY_CODE } from '../domain/categories.ts';
import type { FeedRecord } from '../domain/FeedRecord.ts';
import { encodeGrading } from '../domain/grading.ts';
import { encodeHandling } from '../domain/handlingCodes.ts';
import { RECORD_KINDS } from '../domain/recordKinds.ts';
import { TRANSPORT_MODES } from '../domain/transportModes.ts';
import { BASE_CELL_RESOLUTION } from './baseCellResolution.ts';
import { chunkMetaOf } from './chunkMetaOf.ts';
import { CellWriter } from './computeCells.ts';
import { EVENT_CHUNK_FORMAT_VERSION, type EventChunk } from './EventChunk.ts';
import { setCellHalves } from './setCellHalves.ts';

export { BASE_CELL_RESOLUTION };

/** Default rows per chunk: about 50k rows write and read back in well under a second. */
export const DEFAULT_CHUNK_ROWS = 50_000;

const KIND_CODE = new Map<string, number>(RECORD_KINDS.map((kind, code) => [kind, code]));
const MODE_CODE = new Map<string, number>(TRANSPORT_MODES.map((mode, index) => [mode, index + 1]));

/** Interns strings into a dictionary and returns their index. */
class StringDictionary {
  readonly values: string[] = [];
  private readonly indexOf = new Map<string, number>();

  intern(value: string): number {
    let index = this.indexOf.get(value);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(value);
      this.indexOf.set(value, index);
    }
    return index;
  }
}

/**
 * Appends FeedRecords into preallocated columns and seals them as an EventChunk.
 * One builder makes one chunk; `isFull` says when to seal and start the next.
 */
export class EventChunkBuilder {
  private readonly capacity: number;
  private length = 0;
  private readonly time: Float64Array;
  private readonly updated: Float64Array;
  private readonly lon: Float64Array;
  private readonly lat: Float64Array;
  private readonly category: Uint8Array;
  private readonly kind: Uint8Array;
  private readonly severity: Uint8Array;
  private readonly grading: Uint8Array;
  private readonly mode: Uint8Array;
  private readonly valueCny: Float64Array;
  private readonly source: Uint16Array;
  private readonly site: Uint16Array;
  private readonly channel: Uint16Array;
  private readonly cellHigh: Uint32Array;
  private readonly cellLow: Uint32Array;
  private readonly handling: Uint8Array;
  private readonly sources = new StringDictionary();
  private readonly sites = new StringDictionary();
  private readonly channels = new StringDictionary();
  private readonly ids: string[] = [];
  private readonly links: string[] = [];
  private readonly descriptions: string[] = [];
  private readonly cellWriter: CellWriter | null;

  /**
   * @param capacity rows of the chunk.
   * @param options `deferCells`: append() computes no cells (they stay 0); the caller fills every
   *   row's cell after build() with applyCells(), typically from a CellResolver on another thread.
   */
  constructor(capacity: number = DEFAULT_CHUNK_ROWS, options: { deferCells?: boolean } = {}) {
    this.capacity = capacity;
    this.cellWriter = options.deferCells ? null : new CellWriter();
    this.time = new Float64Array(capacity);
    this.updated = new Float64Array(capacity);
    this.lon = new Float64Array(capacity);
    this.lat = new Float64Array(capacity);
    this.category = new Uint8Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.severity = new Uint8Array(capacity);
    this.grading = new Uint8Array(capacity);
    this.mode = new Uint8Array(capacity);
    this.valueCny = new Float64Array(capacity);
    this.source = new Uint16Array(capacity);
    this.site = new Uint16Array(capacity);
    this.channel = new Uint16Array(capacity);
    this.cellHigh = new Uint32Array(capacity);
    this.cellLow = new Uint32Array(capacity);
    this.handling = new Uint8Array(capacity);
  }

  /** Rows appended so far. */
  get size(): number {
    return this.length;
  }

  /** True when no more rows fit. */
  get isFull(): boolean {
    return this.length >= this.capacity;
  }

  /**
   * Appends one record. `cell` is its resolution-9 H3 index as a hex string; when omitted it is
   * computed here (unless the builder defers cells).
   */
  append(record: FeedRecord, cell?: string): void {
    if (this.isFull) throw new Error('EventChunkBuilder is full');
    const row = this.length++;
    this.time[row] = record.time;
    this.updated[row] = record.updated;
    this.lon[row] = record.lon;
    this.lat[row] = record.lat;
    this.category[row] = CATEGORY_CODE[record.category];
    this.kind[row] = KIND_CODE.get(record.kind) ?? 0;
    this.severity[row] = record.severity;
    this.grading[row] = encodeGrading(record.grading);
    this.mode[row] = record.mode === null ? 0 : (MODE_CODE.get(record.mode) ?? 0);
    this.valueCny[row] = record.valueCny ?? Number.NaN;
    this.source[row] = this.sources.intern(record.source);
    this.site[row] = record.site === null ? 0 : this.sites.intern(record.site) + 1;
    this.channel[row] = record.channel === null ? 0 : this.channels.intern(record.channel) + 1;
    this.handling[row] = encodeHandling(record.handling);
    if (cell !== undefined) setCellHalves(cell, this.cellHigh, this.cellLow, row);
    else this.cellWriter?.write(record.lon, record.lat, this.cellHigh, this.cellLow, row);
    this.ids.push(record.id);
    const links = record.links;
    this.links.push(links.length === 0 ? '' : links.length === 1 ? links[0] : links.join(';'));
    this.descriptions.push(record.description);
  }

  /** Seals the rows appended so far into a chunk with trimmed columns and computed metadata. */
  build(): EventChunk {
    const n = this.length;
    const columns = {
      time: this.time.slice(0, n),
      updated: this.updated.slice(0, n),
      lon: this.lon.slice(0, n),
      lat: this.lat.slice(0, n),
      category: this.category.slice(0, n),
      kind: this.kind.slice(0, n),
      severity: this.severity.slice(0, n),
      grading: this.grading.slice(0, n),
      mode: this.mode.slice(0, n),
      valueCny: this.valueCny.slice(0, n),
      source: this.source.slice(0, n),
      site: this.site.slice(0, n),
      channel: this.channel.slice(0, n),
      cellHigh: this.cellHigh.slice(0, n),
      cellLow: this.cellLow.slice(0, n),
      handling: this.handling.slice(0, n),
    };
    return {
      formatVersion: EVENT_CHUNK_FORMAT_VERSION,
      columns,
      strings: {
        sources: this.sources.values.slice(),
        sites: this.sites.values.slice(),
        channels: this.channels.values.slice(),
        ids: this.ids.slice(),
        links: this.links.slice(),
        descriptions: this.descriptions.slice(),
      },
      meta: chunkMetaOf(columns, n),
    };
  }
}

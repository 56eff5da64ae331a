import type { PublishedChunk } from './PublishedChunk.ts';

/** Where the live row of a key is, and what it holds. */
export interface KeyLocation {
  chunkId: string;
  row: number;
  /** The row's `updated`. */
  version: number;
  /** The row's recordContentHash(). */
  hash: number;
}

const INITIAL_CAPACITY = 1024;

/**
 * The ids of one source in a KeyIndex, each with its slot: what hot loops over many records of
 * one source look keys up in (KeyIndex.idsOf), without building a key string per record.
 */
export type SourceIds = ReadonlyMap<string, number>;

const NO_IDS: SourceIds = new Map();

/**
 * In-memory map from record key — (source, id) — to the live row of that key.
 *
 * One Map per source from id to slot number plus parallel typed arrays per slot, so 1M keys cost
 * one Map entry each and 24 bytes of columns, not an object per key. Keyed by the id itself, so a
 * lookup hashes the id string the parser cut (V8 caches its hash) instead of a concatenated key
 * that must first be copied flat. Chunk ids are interned as ordinals.
 */
export class KeyIndex {
  private readonly sources = new Map<string, Map<string, number>>();
  private count = 0;
  private readonly chunkIds: string[] = [];
  private readonly chunkOrdinals = new Map<string, number>();
  private chunkOf: Uint32Array;
  private rowOf: Uint32Array;
  private versionOf: Float64Array;
  private hashOf: Float64Array;

  constructor(capacity: number = INITIAL_CAPACITY) {
    const size = Math.max(16, capacity);
    this.chunkOf = new Uint32Array(size);
    this.rowOf = new Uint32Array(size);
    this.versionOf = new Float64Array(size);
    this.hashOf = new Float64Array(size);
  }

  /**
   * Builds the index of the live (unmasked) rows of published chunks in one pass. Should two live
   * rows share a key (never, if the store is consistent), the higher version wins, then the later
   * chunk in the given order.
   */
  static fromChunks(chunks: readonly PublishedChunk[]): KeyIndex {
    let live = 0;
    for (const published of chunks) live += published.chunk.meta.count - published.maskedRows;
    const index = new KeyIndex(live);
    for (const published of chunks) index.addChunk(published);
    return index;
  }

  /** Number of keys. */
  get size(): number {
    return this.count;
  }

  /**
   * The ids of `source` with their slots, live: ids inserted later show up. With `create`, a source
   * not seen yet gets its (empty) map, which insertId() then fills; without, such a source answers
   * an empty map that stays empty.
   */
  idsOf(source: string, create = false): SourceIds {
    let ids = this.sources.get(source);
    if (!ids) {
      if (!create) return NO_IDS;
      ids = new Map();
      this.sources.set(source, ids);
    }
    return ids;
  }

  /** The slot of (`source`, `id`), or -1 when absent. Slots stay valid until the index is discarded. */
  find(source: string, id: string): number {
    return this.sources.get(source)?.get(id) ?? -1;
  }

  /** Chunk id of the row in `slot`. */
  chunkIdAt(slot: number): string {
    return this.chunkIds[this.chunkOf[slot]];
  }

  /** Row number (within its chunk) in `slot`. */
  rowAt(slot: number): number {
    return this.rowOf[slot];
  }

  /** Version (`updated`) in `slot`. */
  versionAt(slot: number): number {
    return this.versionOf[slot];
  }

  /** Content hash in `slot`. */
  hashAt(slot: number): number {
    return this.hashOf[slot];
  }

  /** The location of (`source`, `id`), or undefined; allocates, so hot loops use find() and the accessors. */
  get(source: string, id: string): KeyLocation | undefined {
    const slot = this.find(source, id);
    if (slot < 0) return undefined;
    return { chunkId: this.chunkIdAt(slot), row: this.rowAt(slot), version: this.versionAt(slot), hash: this.hashAt(slot) };
  }

  /** Points (`source`, `id`) at a row, adding the key if new. */
  set(source: string, id: string, chunkId: string, row: number, version: number, hash: number): void {
    const ids = this.idsOf(source, true);
    const slot = ids.get(id) ?? this.insertId(ids, id);
    this.write(slot, this.internChunk(chunkId), row, version, hash);
  }

  /**
   * Adds an id the caller knows is absent from `ids` — this index's idsOf(source, true) — and
   * returns its slot, to be filled with write(). Spares hot loops a second lookup.
   */
  insertId(ids: SourceIds, id: string): number {
    if (ids === NO_IDS) throw new Error('insertId() needs the ids of a source from idsOf(source, true)');
    const slot = this.count++;
    if (slot === this.chunkOf.length) this.grow();
    (ids as Map<string, number>).set(id, slot);
    return slot;
  }

  /** Fills `slot`; `chunkOrdinal` comes from internChunk(). */
  write(slot: number, chunkOrdinal: number, row: number, version: number, hash: number): void {
    this.chunkOf[slot] = chunkOrdinal;
    this.rowOf[slot] = row;
    this.versionOf[slot] = version;
    this.hashOf[slot] = hash;
  }

  /** The ordinal under which this index stores `chunkId`, assigned on first use. */
  internChunk(chunkId: string): number {
    let ordinal = this.chunkOrdinals.get(chunkId);
    if (ordinal === undefined) {
      ordinal = this.chunkIds.length;
      this.chunkIds.push(chunkId);
      this.chunkOrdinals.set(chunkId, ordinal);
    }
    return ordinal;
  }

  /**
   * Moves (`source`, `id`) from (`fromChunkId`, `fromRow`) to a new place with the same content, as
   * compaction does. Returns false, changing nothing, if the key is not where the caller thinks.
   */
  relocate(source: string, id: string, fromChunkId: string, fromRow: number, toChunkId: string, toRow: number): boolean {
    const slot = this.find(source, id);
    if (slot < 0 || this.chunkIdAt(slot) !== fromChunkId || this.rowOf[slot] !== fromRow) return false;
    this.chunkOf[slot] = this.internChunk(toChunkId);
    this.rowOf[slot] = toRow;
    return true;
  }

  /** Copies every entry of `other` into this index, replacing entries with the same key. */
  absorb(other: KeyIndex): void {
    for (const [source, otherIds] of other.sources) {
      const ids = this.idsOf(source, true);
      for (const [id, otherSlot] of otherIds) {
        const slot = ids.get(id) ?? this.insertId(ids, id);
        this.write(slot, this.internChunk(other.chunkIdAt(otherSlot)), other.rowOf[otherSlot], other.versionOf[otherSlot], other.hashOf[otherSlot]);
      }
    }
  }

  private addChunk(published: PublishedChunk): void {
    const { chunk, hashes, mask, id } = published;
    const idsBySource = chunk.strings.sources.map((source) => this.idsOf(source, true));
    const ids = chunk.strings.ids;
    const source = chunk.columns.source;
    const updated = chunk.columns.updated;
    const ordinal = this.internChunk(id);
    for (let row = 0, n = chunk.meta.count; row < n; row++) {
      if (mask[row] !== 0) continue;
      const sourceIds = idsBySource[source[row]];
      let slot = sourceIds.get(ids[row]);
      if (slot === undefined) slot = this.insertId(sourceIds, ids[row]);
      else if (this.versionOf[slot] > updated[row]) continue;
      this.write(slot, ordinal, row, updated[row], hashes[row]);
    }
  }

  private grow(): void {
    const size = this.chunkOf.length * 2;
    const chunkOf = new Uint32Array(size);
    chunkOf.set(this.chunkOf);
    this.chunkOf = chunkOf;
    const rowOf = new Uint32Array(size);
    rowOf.set(this.rowOf);
    this.rowOf = rowOf;
    const versionOf = new Float64Array(size);
    versionOf.set(this.versionOf);
    this.versionOf = versionOf;
    const hashOf = new Float64Array(size);
    hashOf.set(this.hashOf);
    this.hashOf = hashOf;
  }
}

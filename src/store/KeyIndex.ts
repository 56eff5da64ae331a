import type { PublishedChunk } from './PublishedChunk.ts';
import { recordKeyPrefix } from './recordKey.ts';

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
 * In-memory map from record key (see recordKey) to the live row of that key.
 *
 * One Map from key to slot number plus parallel typed arrays per slot, so 1M keys cost one Map
 * entry each and 24 bytes of columns, not an object per key. Chunk ids are interned as ordinals.
 */
export class KeyIndex {
  private readonly slots = new Map<string, number>();
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
    return this.slots.size;
  }

  /** The slot of `key`, or -1 when absent. Slots stay valid until the index is discarded. */
  find(key: string): number {
    return this.slots.get(key) ?? -1;
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

  /** The location of `key`, or undefined; allocates, so hot loops use find() and the accessors. */
  get(key: string): KeyLocation | undefined {
    const slot = this.find(key);
    if (slot < 0) return undefined;
    return { chunkId: this.chunkIdAt(slot), row: this.rowAt(slot), version: this.versionAt(slot), hash: this.hashAt(slot) };
  }

  /** Points `key` at a row, adding the key if new. */
  set(key: string, chunkId: string, row: number, version: number, hash: number): void {
    const slot = this.slots.get(key) ?? this.insert(key);
    this.write(slot, this.internChunk(chunkId), row, version, hash);
  }

  /**
   * Adds a key the caller knows is absent (find() returned -1) and returns its slot, to be filled
   * with write(). Spares hot loops the second Map lookup of set().
   */
  insert(key: string): number {
    const slot = this.slots.size;
    if (slot === this.chunkOf.length) this.grow();
    this.slots.set(key, slot);
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
   * Moves `key` from (`fromChunkId`, `fromRow`) to a new place with the same content, as compaction
   * does. Returns false, changing nothing, if the key is not where the caller thinks.
   */
  relocate(key: string, fromChunkId: string, fromRow: number, toChunkId: string, toRow: number): boolean {
    const slot = this.find(key);
    if (slot < 0 || this.chunkIdAt(slot) !== fromChunkId || this.rowOf[slot] !== fromRow) return false;
    this.chunkOf[slot] = this.internChunk(toChunkId);
    this.rowOf[slot] = toRow;
    return true;
  }

  /** Copies every entry of `other` into this index, replacing entries with the same key. */
  absorb(other: KeyIndex): void {
    for (const [key, slot] of other.slots) {
      this.set(key, other.chunkIdAt(slot), other.rowOf[slot], other.versionOf[slot], other.hashOf[slot]);
    }
  }

  private addChunk(published: PublishedChunk): void {
    const { chunk, hashes, mask, id } = published;
    const prefixes = chunk.strings.sources.map(recordKeyPrefix);
    const ids = chunk.strings.ids;
    const source = chunk.columns.source;
    const updated = chunk.columns.updated;
    const ordinal = this.internChunk(id);
    for (let row = 0, n = chunk.meta.count; row < n; row++) {
      if (mask[row] !== 0) continue;
      const key = prefixes[source[row]] + ids[row];
      let slot = this.slots.get(key);
      if (slot === undefined) slot = this.insert(key);
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

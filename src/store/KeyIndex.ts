import { detached } from '../feeds/detached.ts';
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
/** Set in a slot's stored id length when its id went to the 16-bit arena (a character above U+00FF). */
const WIDE_ID = 0x80000000;
const ID_LENGTH = 0x7fffffff;
/** Multiplies a source's ordinal into its keys' hashes. */
const SOURCE_SPREAD = 0x9e3779b1;
/** Characters per String.fromCharCode call when an id is read back (well under any argument limit). */
const CHARS_PER_CALL = 4096;

/** Murmur3's finaliser, so that every bit of a bucket number varies with the whole id. */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** FNV-1a over the id's UTF-16 units, finished. */
function idHash(id: string): number {
  // Ids are cut from feed text in many internal string shapes; a `id.charCodeAt` lookup would turn
  // megamorphic, where the prototype's builtin is inlined.
  const charCodeAt = String.prototype.charCodeAt;
  const n = id.length;
  let h = Math.imul(0x811c9dc5 ^ n, 0x01000193);
  for (let i = 0; i < n; i++) h = Math.imul(h ^ charCodeAt.call(id, i), 0x01000193);
  return finish(h);
}

/** idHash() of the id whose units lie in units[start, start + length). */
function unitsHash(units: Uint8Array | Uint16Array, start: number, length: number): number {
  let h = Math.imul(0x811c9dc5 ^ length, 0x01000193);
  for (let i = start; i < start + length; i++) h = Math.imul(h ^ units[i], 0x01000193);
  return finish(h);
}

/** The hash a key is filed under: its id's, spread by its source's ordinal so that equal ids of different sources start apart. */
function tableHash(sourceOrdinal: number, id: string): number {
  return idHash(id) ^ Math.imul(sourceOrdinal, SOURCE_SPREAD);
}

function grownCopy<T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(array: T, size: number): T {
  const copy = new (array.constructor as new (length: number) => T)(size);
  copy.set(array);
  return copy;
}

/**
 * In-memory map from record key — (source, id) — to the live row of that key.
 *
 * An open-addressing hash table of slot numbers, with every slot's fields in parallel typed arrays
 * and the ids' characters copied into one arena (bytes, or 16-bit units for the rare id with a
 * character above U+00FF). A million keys are then a few flat buffers, which the garbage collector
 * does not trace, rather than a million key strings in a Map, and a lookup hashes the id where it
 * lies instead of building a joined key string first. In a 1M-row import this took the import
 * worker's peak JS heap from about 210 to 120 MiB and the end-to-end time down by about a tenth.
 * The index never keeps a view of the decoded feed text alive: ids and sources are copied.
 */
export class KeyIndex {
  private readonly sources: string[] = [];
  private readonly sourceOrdinals = new Map<string, number>();
  private lastSource = '';
  private lastSourceOrdinal = -1;
  private readonly chunkIds: string[] = [];
  private readonly chunkOrdinals = new Map<string, number>();
  private count = 0;
  /**
   * Open-addressing table, at most half full: per bucket, slot + 1 (0 = empty) and that key's
   * tableHash(), side by side, so that a probe past another key rejects it, and a rehash places
   * it, without reading the slot's columns.
   */
  private table: Int32Array;
  /** Where the last find() that missed would have placed its key; -1 once the table changed. */
  private missBucket = -1;
  private missHash = 0;
  private sourceOf: Uint32Array;
  private idStartOf: Uint32Array;
  /** The id's length in UTF-16 units, with WIDE_ID set when it lies in `wideChars`. */
  private idLengthOf: Uint32Array;
  private narrowChars: Uint8Array;
  private narrowUsed = 0;
  private wideChars: Uint16Array;
  private wideUsed = 0;
  private chunkOf: Uint32Array;
  private rowOf: Uint32Array;
  private versionOf: Float64Array;
  private hashOf: Float64Array;

  constructor(capacity: number = INITIAL_CAPACITY) {
    const size = Math.max(16, capacity);
    let buckets = 32;
    while (buckets < size * 2) buckets *= 2;
    this.table = new Int32Array(buckets * 2);
    this.sourceOf = new Uint32Array(size);
    this.idStartOf = new Uint32Array(size);
    this.idLengthOf = new Uint32Array(size);
    this.narrowChars = new Uint8Array(size * 16);
    this.wideChars = new Uint16Array(16);
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

  /** The slot of (`source`, `id`), or -1 when absent. Slots stay valid until the index is discarded. */
  find(source: string, id: string): number {
    const ordinal = this.knownSourceOrdinal(source);
    if (ordinal < 0) return -1;
    const hash = tableHash(ordinal, id);
    const { table } = this;
    const mask = (table.length >> 1) - 1;
    for (let bucket = hash & mask; ; bucket = (bucket + 1) & mask) {
      const entry = table[bucket * 2];
      if (entry === 0) {
        this.missBucket = bucket;
        this.missHash = hash;
        return -1;
      }
      if (table[bucket * 2 + 1] === hash && this.holdsId(entry - 1, id)) return entry - 1;
    }
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

  /** Source of the key in `slot`. */
  sourceAt(slot: number): string {
    return this.sources[this.sourceOf[slot]];
  }

  /** Id of the key in `slot`, read back from the arena (a new string per call). */
  idAt(slot: number): string {
    const packed = this.idLengthOf[slot];
    const chars = (packed & WIDE_ID) !== 0 ? this.wideChars : this.narrowChars;
    const start = this.idStartOf[slot];
    const end = start + (packed & ID_LENGTH);
    let id = '';
    for (let at = start; at < end; at += CHARS_PER_CALL) {
      id += String.fromCharCode.apply(null, chars.subarray(at, Math.min(end, at + CHARS_PER_CALL)) as unknown as number[]);
    }
    return id;
  }

  /** The location of (`source`, `id`), or undefined; allocates, so hot loops use find() and the accessors. */
  get(source: string, id: string): KeyLocation | undefined {
    const slot = this.find(source, id);
    if (slot < 0) return undefined;
    return { chunkId: this.chunkIdAt(slot), row: this.rowAt(slot), version: this.versionAt(slot), hash: this.hashAt(slot) };
  }

  /** Points (`source`, `id`) at a row, adding the key if new. */
  set(source: string, id: string, chunkId: string, row: number, version: number, hash: number): void {
    const found = this.find(source, id);
    const slot = found < 0 ? this.insert(source, id) : found;
    this.write(slot, this.internChunk(chunkId), row, version, hash);
  }

  /**
   * Adds a key the caller knows is absent (find() returned -1) and returns its slot, to be filled
   * with write(). Spares hot loops the lookup that set() would repeat.
   */
  insert(source: string, id: string): number {
    const slot = this.newSlot();
    const ordinal = this.internSource(source);
    const hash = tableHash(ordinal, id);
    this.sourceOf[slot] = ordinal;
    this.storeId(slot, id);
    // The probe for a free bucket depends on the hash alone, so a key with the hash of the last
    // miss, in an unchanged table, ends where that miss did.
    if (this.missBucket >= 0 && hash === this.missHash) this.fill(this.missBucket, slot, hash);
    else this.place(slot, hash);
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
    // Straight from the other's columns and arenas, in slot order: no id is rebuilt as a string.
    const ordinals = other.sources.map((source) => this.internSource(source));
    const chunkOrdinals = other.chunkIds.map((chunkId) => this.internChunk(chunkId));
    this.reserve(this.count + other.count);
    for (let from = 0; from < other.count; from++) {
      const packed = other.idLengthOf[from];
      const start = other.idStartOf[from];
      const length = packed & ID_LENGTH;
      const ordinal = ordinals[other.sourceOf[from]];
      const units = (packed & WIDE_ID) !== 0 ? unitsHash(other.wideChars, start, length) : unitsHash(other.narrowChars, start, length);
      const hash = units ^ Math.imul(ordinal, SOURCE_SPREAD);
      let slot = this.findCopy(other, from, hash);
      if (slot < 0) {
        slot = this.newSlot();
        this.sourceOf[slot] = ordinal;
        this.copyId(slot, other, from);
        this.place(slot, hash);
      }
      this.write(slot, chunkOrdinals[other.chunkOf[from]], other.rowOf[from], other.versionOf[from], other.hashOf[from]);
    }
  }

  private addChunk(published: PublishedChunk): void {
    const { chunk, hashes, mask, id } = published;
    const sources = chunk.strings.sources;
    const ids = chunk.strings.ids;
    const source = chunk.columns.source;
    const updated = chunk.columns.updated;
    const ordinal = this.internChunk(id);
    for (let row = 0, n = chunk.meta.count; row < n; row++) {
      if (mask[row] !== 0) continue;
      const recordSource = sources[source[row]];
      const recordId = ids[row];
      let slot = this.find(recordSource, recordId);
      if (slot < 0) slot = this.insert(recordSource, recordId);
      else if (this.versionOf[slot] > updated[row]) continue;
      this.write(slot, ordinal, row, updated[row], hashes[row]);
    }
  }

  /**
   * Whether the id in `slot` is `id`, for a slot whose tableHash() the caller found equal. The
   * source needs no comparison: equal ids of different sources never share a tableHash(), since
   * multiplying by the odd SOURCE_SPREAD maps distinct ordinals to distinct 32-bit values.
   */
  private holdsId(slot: number, id: string): boolean {
    const packed = this.idLengthOf[slot];
    const length = packed & ID_LENGTH;
    if (length !== id.length) return false;
    const charCodeAt = String.prototype.charCodeAt;
    const start = this.idStartOf[slot];
    if ((packed & WIDE_ID) !== 0) {
      const wide = this.wideChars;
      for (let i = 0; i < length; i++) if (wide[start + i] !== charCodeAt.call(id, i)) return false;
    } else {
      const narrow = this.narrowChars;
      for (let i = 0; i < length; i++) if (narrow[start + i] !== charCodeAt.call(id, i)) return false;
    }
    return true;
  }

  /** The slot here of the key in `other`'s slot `from`, whose tableHash() here is `hash`, or -1. */
  private findCopy(other: KeyIndex, from: number, hash: number): number {
    const { table } = this;
    const mask = (table.length >> 1) - 1;
    const packed = other.idLengthOf[from];
    const length = packed & ID_LENGTH;
    const wide = (packed & WIDE_ID) !== 0;
    const theirs = wide ? other.wideChars : other.narrowChars;
    const theirStart = other.idStartOf[from];
    for (let bucket = hash & mask; ; bucket = (bucket + 1) & mask) {
      const entry = table[bucket * 2];
      if (entry === 0) return -1;
      const slot = entry - 1;
      // As in holdsId(), an equal hash and id mean an equal source. Narrow and wide ids never
      // match: a wide one has a character no byte holds.
      if (table[bucket * 2 + 1] !== hash || this.idLengthOf[slot] !== packed) continue;
      const ours = wide ? this.wideChars : this.narrowChars;
      const ourStart = this.idStartOf[slot];
      let i = 0;
      while (i < length && ours[ourStart + i] === theirs[theirStart + i]) i++;
      if (i === length) return slot;
    }
  }

  /** Copies the id of `other`'s slot `from` into this index's arena of the same width, for `slot`. */
  private copyId(slot: number, other: KeyIndex, from: number): void {
    const packed = other.idLengthOf[from];
    const length = packed & ID_LENGTH;
    const start = other.idStartOf[from];
    const wide = (packed & WIDE_ID) !== 0;
    const ours = wide ? this.wideRoom(length) : this.narrowRoom(length);
    const theirs = wide ? other.wideChars : other.narrowChars;
    const to = wide ? this.wideUsed : this.narrowUsed;
    // A loop, not set(subarray()): a view object per id cost more than copying its few units.
    for (let i = 0; i < length; i++) ours[to + i] = theirs[start + i];
    if (wide) this.wideUsed = to + length;
    else this.narrowUsed = to + length;
    this.idStartOf[slot] = to;
    this.idLengthOf[slot] = packed;
  }

  /** The byte arena, grown first if it has no room for `length` more units. */
  private narrowRoom(length: number): Uint8Array {
    if (this.narrowUsed + length > this.narrowChars.length) {
      this.narrowChars = grownCopy(this.narrowChars, Math.max(this.narrowChars.length * 2, this.narrowUsed + length));
    }
    return this.narrowChars;
  }

  /** The 16-bit arena, grown first if it has no room for `length` more units. */
  private wideRoom(length: number): Uint16Array {
    if (this.wideUsed + length > this.wideChars.length) {
      this.wideChars = grownCopy(this.wideChars, Math.max(this.wideChars.length * 2, this.wideUsed + length));
    }
    return this.wideChars;
  }

  /** Takes the next slot, growing the columns and the table as needed; the caller fills and places it. */
  private newSlot(): number {
    const slot = this.count;
    if (slot === this.chunkOf.length) this.growSlots();
    if ((slot + 1) * 4 > this.table.length) this.growTable();
    this.count = slot + 1;
    return slot;
  }

  /** Copies `id` into the byte arena, or into the 16-bit one if a character does not fit a byte. */
  private storeId(slot: number, id: string): void {
    const charCodeAt = String.prototype.charCodeAt;
    const length = id.length;
    const narrow = this.narrowRoom(length);
    const start = this.narrowUsed;
    let i = 0;
    for (; i < length; i++) {
      const c = charCodeAt.call(id, i);
      if (c > 0xff) break;
      narrow[start + i] = c;
    }
    if (i === length) {
      this.idStartOf[slot] = start;
      this.idLengthOf[slot] = length;
      this.narrowUsed = start + length;
      return;
    }
    const wide = this.wideRoom(length);
    const wideStart = this.wideUsed;
    for (let j = 0; j < length; j++) wide[wideStart + j] = charCodeAt.call(id, j);
    this.idStartOf[slot] = wideStart;
    this.idLengthOf[slot] = length | WIDE_ID;
    this.wideUsed = wideStart + length;
  }

  /** Puts `slot` in the first free bucket of its probe sequence. */
  private place(slot: number, hash: number): void {
    const { table } = this;
    const mask = (table.length >> 1) - 1;
    let bucket = hash & mask;
    while (table[bucket * 2] !== 0) bucket = (bucket + 1) & mask;
    this.fill(bucket, slot, hash);
  }

  private fill(bucket: number, slot: number, hash: number): void {
    this.table[bucket * 2] = slot + 1;
    this.table[bucket * 2 + 1] = hash;
    this.missBucket = -1;
  }

  /** The ordinal of `source`, or -1 if no key of it was ever added. */
  private knownSourceOrdinal(source: string): number {
    if (source === this.lastSource) return this.lastSourceOrdinal;
    const ordinal = this.sourceOrdinals.get(source);
    if (ordinal === undefined) return -1;
    this.lastSource = this.sources[ordinal];
    this.lastSourceOrdinal = ordinal;
    return ordinal;
  }

  private internSource(source: string): number {
    let ordinal = this.knownSourceOrdinal(source);
    if (ordinal < 0) {
      ordinal = this.sources.length;
      const copy = detached(source);
      this.sources.push(copy);
      this.sourceOrdinals.set(copy, ordinal);
      this.lastSource = copy;
      this.lastSourceOrdinal = ordinal;
    }
    return ordinal;
  }

  /** Grows the columns and the table once, up front, to hold `keys` keys. */
  private reserve(keys: number): void {
    let size = this.chunkOf.length;
    while (size < keys) size *= 2;
    if (size > this.chunkOf.length) this.growSlots(size);
    let entries = this.table.length;
    while (keys * 4 > entries) entries *= 2;
    if (entries > this.table.length) this.growTable(entries);
  }

  private growSlots(size = this.chunkOf.length * 2): void {
    this.sourceOf = grownCopy(this.sourceOf, size);
    this.idStartOf = grownCopy(this.idStartOf, size);
    this.idLengthOf = grownCopy(this.idLengthOf, size);
    this.chunkOf = grownCopy(this.chunkOf, size);
    this.rowOf = grownCopy(this.rowOf, size);
    this.versionOf = grownCopy(this.versionOf, size);
    this.hashOf = grownCopy(this.hashOf, size);
  }

  private growTable(entries = this.table.length * 2): void {
    const old = this.table;
    this.table = new Int32Array(entries);
    for (let at = 0; at < old.length; at += 2) {
      const entry = old[at];
      if (entry !== 0) this.place(entry - 1, old[at + 1]);
    }
    this.missBucket = -1;
  }
}

import { STORED_CHUNK_FORMAT_VERSION, type StoredEventChunk } from '../events/StoredEventChunk.ts';
import { BundleRefusalError, refuseUnless } from './BundleRefusal.ts';

/**
 * The byte layout of a chunk entry (`events/NNNNNN.chunk`, docs/bundle-format.md §3.2): a 12-byte
 * head, a JSON header describing the stored chunk with every typed array replaced by a reference
 * `{"$array": type, "offset": o, "length": n}`, then the arrays' bytes, each at an 8-aligned
 * offset from the start of the body (which itself starts 8-aligned after the header).
 *
 * head: bytes 0–3 `TGCK`, byte 4 the entry layout version (1), byte 5 the stored chunk format (5),
 * bytes 6–7 zero, bytes 8–11 the header's length in bytes (uint32, little-endian).
 */
export const CHUNK_ENTRY = {
  magic: [0x54, 0x47, 0x43, 0x4b],
  layoutVersion: 1,
  headBytes: 12,
  alignment: 8,
  /** Longest JSON header read: dictionaries of a chunk and the references, far below this. */
  maxHeaderBytes: 16 * 1024 * 1024,
} as const;

/** The typed arrays a stored chunk holds, by the name the header gives them. */
const ARRAY_TYPES = {
  Uint8Array,
  Uint16Array,
  Uint32Array,
  Float64Array,
} as const;

type ArrayTypeName = keyof typeof ARRAY_TYPES;
type StoredArray = InstanceType<(typeof ARRAY_TYPES)[ArrayTypeName]>;

// Typed arrays are written in the platform's byte order, and every platform that runs Tidegate is
// little-endian; the format says little-endian, so a big-endian one must not write or read.
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

function arrayTypeName(array: ArrayBufferView): ArrayTypeName {
  for (const name of Object.keys(ARRAY_TYPES) as ArrayTypeName[]) if (array instanceof ARRAY_TYPES[name]) return name;
  throw new TypeError(`A stored chunk holds a ${array.constructor.name}, which chunk entries cannot carry`);
}

function alignUp(value: number): number {
  return Math.ceil(value / CHUNK_ENTRY.alignment) * CHUNK_ENTRY.alignment;
}

/** The bytes of a chunk entry for a stored chunk (format 5). */
export function encodeChunkEntry(stored: StoredEventChunk): Uint8Array {
  if (!LITTLE_ENDIAN) throw new Error('Bundles are little-endian; this platform is not');
  const arrays: StoredArray[] = [];
  let bodyBytes = 0;
  const header = JSON.stringify(stored, (_key, value: unknown) => {
    if (!ArrayBuffer.isView(value)) return value;
    const array = value as StoredArray;
    const reference = { $array: arrayTypeName(array), offset: bodyBytes, length: array.length };
    arrays.push(array);
    bodyBytes = alignUp(bodyBytes + array.byteLength);
    return reference;
  });
  const headerBytes = new TextEncoder().encode(header);
  const bodyStart = alignUp(CHUNK_ENTRY.headBytes + headerBytes.length);
  const bytes = new Uint8Array(bodyStart + bodyBytes);
  bytes.set(CHUNK_ENTRY.magic, 0);
  bytes[4] = CHUNK_ENTRY.layoutVersion;
  bytes[5] = STORED_CHUNK_FORMAT_VERSION;
  new DataView(bytes.buffer).setUint32(8, headerBytes.length, true);
  bytes.set(headerBytes, CHUNK_ENTRY.headBytes);
  let at = bodyStart;
  for (const array of arrays) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at = alignUp(at + array.byteLength);
  }
  return bytes;
}

function invalid(path: string, what: string): never {
  throw new BundleRefusalError('invalid-content', `a chunk entry is not valid: ${path} ${what}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

/** The typed array a header reference points at, copied out of the body (so it is aligned). */
function arrayAt(reference: Record<string, unknown>, body: Uint8Array): StoredArray {
  const { $array: type, offset, length } = reference;
  if (typeof type !== 'string' || !Object.hasOwn(ARRAY_TYPES, type) || Object.keys(reference).length !== 3) invalid('an array reference', 'is malformed');
  const Type = ARRAY_TYPES[type as ArrayTypeName];
  if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0 || offset % CHUNK_ENTRY.alignment !== 0) invalid('an array offset', 'is not an aligned position');
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) invalid('an array length', 'is not a count');
  const byteLength = length * Type.BYTES_PER_ELEMENT;
  if (offset + byteLength > body.length) invalid('an array', 'runs past the end of the entry');
  return new Type(body.slice(offset, offset + byteLength).buffer);
}

/** Replaces every array reference in the parsed header by its typed array. */
function revive(value: unknown, body: Uint8Array, depth: number): unknown {
  if (depth > 8) invalid('the header', 'nests too deep');
  if (Array.isArray(value)) return value.map((item) => revive(item, body, depth + 1));
  if (!isRecord(value)) return value;
  if (Object.hasOwn(value, '$array')) return arrayAt(value, body);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, revive(item, body, depth + 1)]));
}

/**
 * The stored chunk (format 5) in a chunk entry, its shape checked exactly (checkStoredChunkShape);
 * its contents are checked by restoreEventChunk and checkBundleChunk. Throws BundleRefusalError
 * (`invalid-content`, or `unsupported-version` for another layout or chunk format).
 */
export function decodeChunkEntry(bytes: Uint8Array): StoredEventChunk {
  if (!LITTLE_ENDIAN) throw new Error('Bundles are little-endian; this platform is not');
  refuseUnless(bytes.length >= CHUNK_ENTRY.headBytes && CHUNK_ENTRY.magic.every((b, i) => bytes[i] === b), 'invalid-content', 'a chunk entry does not start with TGCK');
  refuseUnless(bytes[4] === CHUNK_ENTRY.layoutVersion, 'unsupported-version', `chunk entry layout ${bytes[4]}: this Tidegate reads layout ${CHUNK_ENTRY.layoutVersion}`);
  refuseUnless(bytes[5] === STORED_CHUNK_FORMAT_VERSION, 'unsupported-version', `a chunk entry holds stored chunk format ${bytes[5]}: bundles carry format ${STORED_CHUNK_FORMAT_VERSION}`);
  refuseUnless(bytes[6] === 0 && bytes[7] === 0, 'invalid-content', 'a chunk entry head has non-zero reserved bytes');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  refuseUnless(headerLength <= CHUNK_ENTRY.maxHeaderBytes && CHUNK_ENTRY.headBytes + headerLength <= bytes.length, 'invalid-content', 'a chunk entry header runs past the entry');
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(CHUNK_ENTRY.headBytes, CHUNK_ENTRY.headBytes + headerLength)));
  } catch {
    invalid('the header', 'is not UTF-8 JSON');
  }
  const bodyStart = alignUp(CHUNK_ENTRY.headBytes + headerLength);
  refuseUnless(bodyStart <= bytes.length, 'invalid-content', 'a chunk entry ends inside its header padding');
  return checkStoredChunkShape(revive(header, bytes.subarray(bodyStart), 0));
}

// ── The exact shape of a stored chunk of format 5 ─────────────────────────────────────────────

function exact(value: unknown, keys: readonly string[], path: string): Record<string, unknown> {
  if (!isRecord(value)) invalid(path, 'is not an object');
  for (const key of Object.keys(value)) if (!keys.includes(key)) invalid(path, `has an unknown field "${key}"`);
  for (const key of keys) if (!Object.hasOwn(value, key)) invalid(path, `lacks "${key}"`);
  return value;
}

function typed(value: unknown, types: readonly ArrayTypeName[], path: string): void {
  if (!types.some((name) => value instanceof ARRAY_TYPES[name])) invalid(path, `is not a ${types.join(' or ')}`);
}

const UNSIGNED: readonly ArrayTypeName[] = ['Uint8Array', 'Uint16Array', 'Uint32Array'];

function strings(value: unknown, path: string): void {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) invalid(path, 'is not a list of text');
}

function plainText(value: unknown, path: string): void {
  const column = exact(value, ['encoding', 'text'], path);
  if (column.encoding === 'utf8') {
    const text = exact(column.text, ['utf8', 'lengths'], `${path}.text`);
    typed(text.utf8, ['Uint8Array'], `${path}.text.utf8`);
    typed(text.lengths, UNSIGNED, `${path}.text.lengths`);
  } else if (column.encoding === 'split') {
    const text = exact(column.text, ['ascii', 'wide', 'lengths', 'wideRows'], `${path}.text`);
    typed(text.ascii, ['Uint8Array'], `${path}.text.ascii`);
    if (typeof text.wide !== 'string') invalid(`${path}.text.wide`, 'is not text');
    typed(text.lengths, UNSIGNED, `${path}.text.lengths`);
    if (text.wideRows !== null) typed(text.wideRows, ['Uint8Array'], `${path}.text.wideRows`);
  } else {
    invalid(`${path}.encoding`, 'is not "utf8" or "split"');
  }
}

function textColumn(value: unknown, path: string): void {
  if (isRecord(value) && value.encoding === 'dictionary') {
    const column = exact(value, ['encoding', 'values', 'codes'], path);
    plainText(column.values, `${path}.values`);
    typed(column.codes, UNSIGNED, `${path}.codes`);
  } else {
    plainText(value, path);
  }
}

const COLUMN_TYPES: Readonly<Record<string, readonly ArrayTypeName[]>> = {
  time: ['Float64Array'],
  lon: ['Float64Array'],
  lat: ['Float64Array'],
  category: ['Uint8Array'],
  kind: ['Uint8Array'],
  severity: ['Uint8Array'],
  grading: ['Uint8Array'],
  mode: ['Uint8Array'],
  valueCny: ['Float64Array'],
  source: UNSIGNED,
  site: UNSIGNED,
  channel: UNSIGNED,
  cellLow: ['Uint32Array'],
};

/**
 * `value` as a StoredEventChunk of format 5, after checking every field's presence and type
 * exactly (typed arrays of the right kinds, text where text is due, no unknown fields). Lengths,
 * codes and text bytes are left to restoreEventChunk, which checks them.
 */
export function checkStoredChunkShape(value: unknown): StoredEventChunk {
  const root = exact(value, ['formatVersion', 'columns', 'strings', 'meta'], 'the chunk');
  if (root.formatVersion !== STORED_CHUNK_FORMAT_VERSION) invalid('formatVersion', `is not ${STORED_CHUNK_FORMAT_VERSION}`);
  const columns = exact(root.columns, [...Object.keys(COLUMN_TYPES), 'updated', 'cellHigh', 'handling'], 'columns');
  for (const [name, types] of Object.entries(COLUMN_TYPES)) typed(columns[name], types, `columns.${name}`);
  if (ArrayBuffer.isView(columns.updated)) {
    typed(columns.updated, ['Float64Array'], 'columns.updated');
  } else {
    const exceptions = exact(columns.updated, ['rows', 'values'], 'columns.updated');
    typed(exceptions.rows, UNSIGNED, 'columns.updated.rows');
    typed(exceptions.values, ['Float64Array'], 'columns.updated.values');
  }
  if (ArrayBuffer.isView(columns.cellHigh)) {
    typed(columns.cellHigh, ['Uint32Array'], 'columns.cellHigh');
  } else {
    const dictionary = exact(columns.cellHigh, ['values', 'codes'], 'columns.cellHigh');
    typed(dictionary.values, ['Uint32Array'], 'columns.cellHigh.values');
    typed(dictionary.codes, UNSIGNED, 'columns.cellHigh.codes');
  }
  if (columns.handling !== null) typed(columns.handling, ['Uint8Array'], 'columns.handling');
  const text = exact(root.strings, ['sources', 'sites', 'channels', 'ids', 'links', 'descriptions'], 'strings');
  for (const name of ['sources', 'sites', 'channels']) strings(text[name], `strings.${name}`);
  for (const name of ['ids', 'links', 'descriptions']) textColumn(text[name], `strings.${name}`);
  const meta = exact(root.meta, ['count', 'minTime', 'maxTime', 'bbox', 'categoryCounts'], 'meta');
  if (typeof meta.count !== 'number' || !Number.isSafeInteger(meta.count) || meta.count < 0) invalid('meta.count', 'is not a count');
  for (const name of ['minTime', 'maxTime']) if (typeof meta[name] !== 'number') invalid(`meta.${name}`, 'is not a number');
  if (!Array.isArray(meta.bbox) || meta.bbox.length !== 4 || meta.bbox.some((n) => typeof n !== 'number')) invalid('meta.bbox', 'is not four numbers');
  if (!Array.isArray(meta.categoryCounts) || meta.categoryCounts.some((n) => typeof n !== 'number')) invalid('meta.categoryCounts', 'is not a list of numbers');
  return value as StoredEventChunk;
}

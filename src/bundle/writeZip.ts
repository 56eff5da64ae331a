import { ZIP_LAYOUT, ZIP_METHOD_NUMBER, type ZipMethod } from './zipLayout.ts';

/** One entry to write, already compressed (or not). */
export interface ZipEntryInput {
  path: string;
  method: ZipMethod;
  /** The bytes as they go into the zip (compressed for `deflate`). */
  stored: Uint8Array;
  /** Uncompressed size. */
  size: number;
  /** CRC-32 of the uncompressed bytes. */
  crc: number;
}

const encoder = new TextEncoder();

function writeLocalHeader(view: DataView, at: number, entry: ZipEntryInput, nameBytes: number): void {
  view.setUint32(at, ZIP_LAYOUT.localSignature, true);
  view.setUint16(at + 4, ZIP_LAYOUT.version, true);
  view.setUint16(at + 6, ZIP_LAYOUT.flags, true);
  view.setUint16(at + 8, ZIP_METHOD_NUMBER[entry.method], true);
  view.setUint16(at + 10, ZIP_LAYOUT.dosTime, true);
  view.setUint16(at + 12, ZIP_LAYOUT.dosDate, true);
  view.setUint32(at + 14, entry.crc, true);
  view.setUint32(at + 18, entry.stored.length, true);
  view.setUint32(at + 22, entry.size, true);
  view.setUint16(at + 26, nameBytes, true);
  view.setUint16(at + 28, 0, true);
}

function writeCentralHeader(view: DataView, at: number, entry: ZipEntryInput, nameBytes: number, offset: number): void {
  view.setUint32(at, ZIP_LAYOUT.centralSignature, true);
  view.setUint16(at + 4, ZIP_LAYOUT.version, true);
  view.setUint16(at + 6, ZIP_LAYOUT.version, true);
  view.setUint16(at + 8, ZIP_LAYOUT.flags, true);
  view.setUint16(at + 10, ZIP_METHOD_NUMBER[entry.method], true);
  view.setUint16(at + 12, ZIP_LAYOUT.dosTime, true);
  view.setUint16(at + 14, ZIP_LAYOUT.dosDate, true);
  view.setUint32(at + 16, entry.crc, true);
  view.setUint32(at + 20, entry.stored.length, true);
  view.setUint32(at + 24, entry.size, true);
  view.setUint16(at + 28, nameBytes, true);
  view.setUint16(at + 30, 0, true); // extra field length
  view.setUint16(at + 32, 0, true); // comment length
  view.setUint16(at + 34, 0, true); // disk number
  view.setUint16(at + 36, 0, true); // internal attributes
  view.setUint32(at + 38, 0, true); // external attributes
  view.setUint32(at + 42, offset, true);
}

/**
 * The zip of `entries`, in the given order, in Tidegate's one layout (zipLayout.ts): local headers
 * with their data, then the central directory, then the end record, no comments, no extra fields,
 * no data descriptors, no ZIP64 — so the whole file must stay under 4 GiB and 65,535 entries.
 */
export function writeZip(entries: readonly ZipEntryInput[]): Uint8Array {
  const names = entries.map((entry) => encoder.encode(entry.path));
  let total = ZIP_LAYOUT.endBytes;
  entries.forEach((entry, i) => {
    if (names[i].length === 0 || names[i].length > ZIP_LAYOUT.maxNameBytes) throw new RangeError(`Zip entry name of ${names[i].length} bytes`);
    total += ZIP_LAYOUT.localHeaderBytes + ZIP_LAYOUT.centralHeaderBytes + 2 * names[i].length + entry.stored.length;
  });
  if (entries.length > 0xffff || total > 0xffffffff) throw new RangeError('A bundle zip must stay under 4 GiB and 65,535 entries');
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  const offsets: number[] = [];
  let at = 0;
  entries.forEach((entry, i) => {
    offsets.push(at);
    writeLocalHeader(view, at, entry, names[i].length);
    bytes.set(names[i], at + ZIP_LAYOUT.localHeaderBytes);
    at += ZIP_LAYOUT.localHeaderBytes + names[i].length;
    bytes.set(entry.stored, at);
    at += entry.stored.length;
  });
  const centralStart = at;
  entries.forEach((entry, i) => {
    writeCentralHeader(view, at, entry, names[i].length, offsets[i]);
    bytes.set(names[i], at + ZIP_LAYOUT.centralHeaderBytes);
    at += ZIP_LAYOUT.centralHeaderBytes + names[i].length;
  });
  view.setUint32(at, ZIP_LAYOUT.endSignature, true);
  view.setUint16(at + 4, 0, true);
  view.setUint16(at + 6, 0, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  view.setUint16(at + 20, 0, true);
  return bytes;
}

import { BundleRefusalError, refuseUnless } from './BundleRefusal.ts';
import type { BundleLimits } from './bundleLimits.ts';
import { ZIP_LAYOUT, type ZipMethod } from './zipLayout.ts';

/** One entry of a bundle zip, located but not yet inflated or verified. */
export interface ZipEntry {
  path: string;
  method: ZipMethod;
  /** CRC-32 of the uncompressed bytes, as both headers give it. */
  crc: number;
  /** Uncompressed size, as both headers give it. */
  size: number;
  /** The entry's bytes as stored (a view into the file). */
  stored: Uint8Array;
}

const nameDecoder = new TextDecoder('utf-8', { fatal: true });

/** The first four bytes of a zip (a local header's signature). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Why an entry name is unsafe to use as a path, or null when it is a plain relative path. Names
 * are never used as file paths by Tidegate, but a bundle unpacked with another tool must not be
 * able to write outside its folder, so such a bundle is refused outright.
 */
export function unsafePathProblem(path: string): string | null {
  if (path.includes('\0')) return 'holds a NUL character';
  if (path.includes('\\')) return 'holds a backslash';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'is an absolute path';
  if (path.split('/').some((part) => part === '..' || part === '.')) return 'has a `..` or `.` part';
  if (path.split('/').some((part) => part === '')) return 'has an empty part (a folder entry or `//`)';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f-\u009f]/.test(path)) return 'holds a control character';
  return null;
}

/** Refuses with `damaged` unless the 16-bit field at `at` holds `expected`. */
function expect16(view: DataView, at: number, expected: number, what: string): void {
  const value = view.getUint16(at, true);
  refuseUnless(value === expected, 'damaged', `the zip ${what} is ${value}, not ${expected} as Tidegate writes it`);
}

function expect32(view: DataView, at: number, expected: number, what: string): void {
  const value = view.getUint32(at, true);
  refuseUnless(value === expected, 'damaged', `the zip ${what} is ${value}, not ${expected} as Tidegate writes it`);
}

function methodOf(number: number): ZipMethod {
  if (number === 0) return 'store';
  if (number === 8) return 'deflate';
  throw new BundleRefusalError('damaged', `an entry uses zip compression method ${number}; bundles use 0 (stored) or 8 (deflate)`);
}

/**
 * Locates every entry of a bundle zip and checks its structure against the one layout Tidegate
 * writes (zipLayout.ts) — every header field, the names, the sizes against `limits` — without
 * inflating anything. Entries come back in file order. Throws BundleRefusalError: `damaged` for
 * a structure that differs (a truncated file, a comment, a wrong offset, a header field that is
 * not Tidegate's), `not-a-bundle` for a file that is no zip, `unsafe-path`, `duplicate-entry`,
 * `too-large` and `zip-bomb` (a declared ratio beyond the limit).
 */
export function readZip(bytes: Uint8Array, limits: BundleLimits): ZipEntry[] {
  const length = bytes.length;
  if (length < ZIP_LAYOUT.endBytes || !looksLikeZip(bytes)) {
    throw new BundleRefusalError(looksLikeZip(bytes) ? 'damaged' : 'not-a-bundle', looksLikeZip(bytes) ? 'the zip is truncated' : 'this is not a Tidegate bundle (not a zip)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = length - ZIP_LAYOUT.endBytes;
  refuseUnless(
    view.getUint32(end, true) === ZIP_LAYOUT.endSignature,
    'damaged',
    'the zip has no end record where Tidegate writes it (the file is truncated, damaged or has a comment)',
  );
  expect16(view, end + 4, 0, 'disk number');
  expect16(view, end + 6, 0, 'central directory disk');
  const count = view.getUint16(end + 8, true);
  expect16(view, end + 10, count, 'total entry count');
  expect16(view, end + 20, 0, 'comment length');
  refuseUnless(count <= limits.maxEntries, 'too-large', `the bundle has ${count} entries; at most ${limits.maxEntries} are read`);
  const centralSize = view.getUint32(end + 12, true);
  const centralStart = view.getUint32(end + 16, true);
  refuseUnless(centralStart + centralSize === end, 'damaged', 'the zip central directory does not end where the end record begins');

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let at = centralStart;
  let nextLocal = 0;
  let total = 0;
  for (let i = 0; i < count; i++) {
    refuseUnless(at + ZIP_LAYOUT.centralHeaderBytes <= end, 'damaged', 'the zip central directory is truncated');
    expect32(view, at, ZIP_LAYOUT.centralSignature, 'central header signature');
    expect16(view, at + 4, ZIP_LAYOUT.version, '"version made by"');
    expect16(view, at + 6, ZIP_LAYOUT.version, '"version needed"');
    expect16(view, at + 8, ZIP_LAYOUT.flags, 'flags');
    const methodNumber = view.getUint16(at + 10, true);
    expect16(view, at + 12, ZIP_LAYOUT.dosTime, 'modification time');
    expect16(view, at + 14, ZIP_LAYOUT.dosDate, 'modification date');
    const crc = view.getUint32(at + 16, true);
    const storedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    expect16(view, at + 30, 0, 'extra field length');
    expect16(view, at + 32, 0, 'entry comment length');
    expect16(view, at + 34, 0, 'entry disk number');
    expect16(view, at + 36, 0, 'internal attributes');
    expect32(view, at + 38, 0, 'external attributes');
    expect32(view, at + 42, nextLocal, 'local header offset');
    const nameStart = at + ZIP_LAYOUT.centralHeaderBytes;
    refuseUnless(nameLength > 0 && nameLength <= ZIP_LAYOUT.maxNameBytes, 'damaged', `an entry name is ${nameLength} bytes long`);
    refuseUnless(nameStart + nameLength <= end, 'damaged', 'the zip central directory is truncated');
    const nameBytes = bytes.subarray(nameStart, nameStart + nameLength);
    let path: string;
    try {
      path = nameDecoder.decode(nameBytes);
    } catch {
      throw new BundleRefusalError('unsafe-path', 'an entry name is not UTF-8');
    }
    const problem = unsafePathProblem(path);
    refuseUnless(problem === null, 'unsafe-path', `the entry name ${JSON.stringify(path)} ${problem}`);
    refuseUnless(!seen.has(path), 'duplicate-entry', `the bundle holds two entries named ${JSON.stringify(path)}`);
    seen.add(path);
    const method = methodOf(methodNumber);
    refuseUnless(size <= limits.maxEntryBytes, 'too-large', `the entry ${path} declares ${size} bytes; at most ${limits.maxEntryBytes} are read`);
    total += size;
    refuseUnless(total <= limits.maxTotalBytes, 'too-large', `the entries declare more than ${limits.maxTotalBytes} bytes in all`);
    if (method === 'store') {
      refuseUnless(storedSize === size, 'damaged', `the stored entry ${path} has two different sizes`);
    } else {
      refuseUnless(
        size <= limits.ratioExemptBytes || size <= storedSize * limits.maxCompressionRatio,
        'zip-bomb',
        `the entry ${path} declares ${size} bytes from ${storedSize} compressed, a ratio over ${limits.maxCompressionRatio}`,
      );
    }

    // Its local header must repeat the central one exactly, and its data must follow it.
    const local = nextLocal;
    refuseUnless(local + ZIP_LAYOUT.localHeaderBytes + nameLength <= centralStart, 'damaged', 'a zip local header runs into the central directory');
    expect32(view, local, ZIP_LAYOUT.localSignature, 'local header signature');
    expect16(view, local + 4, ZIP_LAYOUT.version, 'local "version needed"');
    expect16(view, local + 6, ZIP_LAYOUT.flags, 'local flags');
    expect16(view, local + 8, methodNumber, 'local compression method');
    expect16(view, local + 10, ZIP_LAYOUT.dosTime, 'local modification time');
    expect16(view, local + 12, ZIP_LAYOUT.dosDate, 'local modification date');
    expect32(view, local + 14, crc, 'local CRC-32');
    expect32(view, local + 18, storedSize, 'local compressed size');
    expect32(view, local + 22, size, 'local size');
    expect16(view, local + 26, nameLength, 'local name length');
    expect16(view, local + 28, 0, 'local extra field length');
    const localName = bytes.subarray(local + ZIP_LAYOUT.localHeaderBytes, local + ZIP_LAYOUT.localHeaderBytes + nameLength);
    for (let k = 0; k < nameLength; k++) refuseUnless(localName[k] === nameBytes[k], 'damaged', `the local and central names of ${path} differ`);
    const dataStart = local + ZIP_LAYOUT.localHeaderBytes + nameLength;
    refuseUnless(dataStart + storedSize <= centralStart, 'damaged', `the data of ${path} runs into the central directory (truncated?)`);
    entries.push({ path, method, crc, size, stored: bytes.subarray(dataStart, dataStart + storedSize) });
    nextLocal = dataStart + storedSize;
    at = nameStart + nameLength;
  }
  refuseUnless(at === end, 'damaged', 'the zip central directory holds bytes after its last entry');
  refuseUnless(nextLocal === centralStart, 'damaged', 'the zip holds bytes between its last entry and the central directory');
  return entries;
}

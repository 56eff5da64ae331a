/**
 * The one zip layout Tidegate writes, and reads (docs/bundle-format.md §3): every field of every
 * header has one value, so the reader can refuse any byte of the structure that differs, and a
 * flipped byte anywhere in a bundle is caught either here or by the signed hashes.
 */
export const ZIP_LAYOUT = {
  localSignature: 0x04034b50,
  centralSignature: 0x02014b50,
  endSignature: 0x06054b50,
  localHeaderBytes: 30,
  centralHeaderBytes: 46,
  endBytes: 22,
  /** "Version made by" and "version needed": 2.0, MS-DOS attributes. */
  version: 20,
  /** General-purpose flags: bit 11, names are UTF-8. */
  flags: 0x0800,
  /** Modification time 00:00:00 and date 1980-01-01, the earliest zip can say: no clock leaks. */
  dosTime: 0,
  dosDate: 0x0021,
  /** Longest entry name, bytes. */
  maxNameBytes: 255,
} as const;

/** Compression of one entry: stored as is (method 0) or raw DEFLATE (method 8). */
export type ZipMethod = 'store' | 'deflate';

/** The zip method number of a ZipMethod. */
export const ZIP_METHOD_NUMBER: Readonly<Record<ZipMethod, number>> = { store: 0, deflate: 8 };

import { createReadStream } from 'node:fs';
import { BUNDLE_LIMITS } from '../bundle/bundleLimits.ts';
import type { BundleRefusal } from '../bundle/BundleRefusal.ts';
import { importBundle } from '../bundle/importBundle.ts';
import { looksLikeBundle } from '../bundle/looksLikeBundle.ts';
import { readBundle, type BundleContents } from '../bundle/readBundle.ts';
import type { HandlingTally } from '../bundle/handlingPolicy.ts';
import type { ImportReport } from '../domain/ImportReport.ts';
import { createFeedParser } from '../feeds/createFeedParser.ts';
import { detectFeedFormat } from '../feeds/detectFeedFormat.ts';
import type { FeedBatch } from '../feeds/FeedBatch.ts';
import type { FeedParserOptions } from '../feeds/FeedParserOptions.ts';
import { FeedReadError } from '../feeds/FeedReadError.ts';
import { locateReference } from '../geo/locateReference.ts';
import type { EventStore } from '../store/EventStore.ts';
import { importRecords } from '../store/importRecords.ts';
import { MemoryEventStore } from '../store/MemoryEventStore.ts';

/** Feed-level settings given on the command line, applied to every file. */
export type FeedFileSettings = Pick<FeedParserOptions, 'feedSource' | 'feedCrs'>;

/** Options of importFilesToMemory(). */
export interface ImportFilesOptions extends FeedFileSettings {
  /** Passphrase for encrypted bundles among the files. */
  passphrase?: string;
  /** Bytes per read from disk (default 64 KiB); small values exercise chunk boundaries in tests. */
  readChunkBytes?: number;
  /** Clock for the reports' times (default Date.now). */
  now?: () => number;
}

/** Why a file could not be read: a FeedReadError code (`encoding`, `empty`, …) or a system code (`ENOENT`, `EISDIR`, …). */
export interface FileReadFailure {
  code: string;
  message: string;
}

/** What a bundle among the files was, once verified: who signed it and what it withheld. */
export interface BundleFileSummary {
  /** The signer's key fingerprint (64 hex digits) and chosen name. */
  signer: string;
  signerName: string | null;
  encrypted: boolean;
  /** Records withheld from it by handling code when it was made (counts from its manifest). */
  withheld: HandlingTally;
}

/**
 * The outcome of one file: its import report (and, for a bundle, what it was), or why nothing of
 * it was imported.
 */
export type FileImportResult =
  | { file: string; report: ImportReport; bundle?: BundleFileSummary; error?: undefined }
  | { file: string; report?: undefined; bundle?: undefined; error: FileReadFailure };

/** A bundle among the files that was refused; its refusal code is the file's error code. */
export class BundleInputError extends Error {
  override readonly name = 'BundleInputError';
  readonly code: string;

  constructor(refusal: BundleRefusal) {
    super(refusal.message);
    this.code = refusal.code;
  }
}

/** The store every file went into, and each file's outcome in command-line order. */
export interface MemoryImport {
  store: MemoryEventStore;
  results: FileImportResult[];
}

const DEFAULT_READ_CHUNK_BYTES = 64 * 1024;
/** Bytes gathered before format detection, so a JSON first line is seen whole even with tiny reads. */
const SNIFF_BYTES = 64 * 1024;

const SYSTEM_MESSAGES: Readonly<Record<string, string>> = {
  ENOENT: 'No such file.',
  EISDIR: 'This is a directory, not a feed file.',
  EACCES: 'Permission denied.',
  EPERM: 'Permission denied.',
};

/**
 * The problem with the feed-level settings (unusable source or CRS) as the feed parser words it,
 * or null when they are usable. Checked once up front, since they apply to every file.
 */
export function feedSettingsProblem(settings: FeedFileSettings): string | null {
  try {
    createFeedParser({ format: 'csv', locateReference, ...settings });
    return null;
  } catch (error) {
    if (error instanceof FeedReadError) return error.message;
    throw error;
  }
}

function readFailure(error: unknown): FileReadFailure | null {
  if (error instanceof FeedReadError || error instanceof BundleInputError) return { code: error.code, message: error.message };
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (error instanceof Error && typeof code === 'string') return { code, message: SYSTEM_MESSAGES[code] ?? error.message };
  return null;
}

function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** Reads the rest of a file after `head`, refusing it once it passes the bundle size limit. */
async function readWhole(head: readonly Uint8Array[], reads: AsyncIterator<Uint8Array>, exhausted: boolean): Promise<Uint8Array> {
  const parts = [...head];
  let total = parts.reduce((sum, part) => sum + part.byteLength, 0);
  while (!exhausted) {
    const next = await reads.next();
    if (next.done === true) break;
    parts.push(next.value);
    total += next.value.byteLength;
    if (total > BUNDLE_LIMITS.maxFileBytes) {
      throw new BundleInputError({ code: 'too-large', message: `the bundle is over ${BUNDLE_LIMITS.maxFileBytes} bytes` });
    }
  }
  return concatBytes(parts);
}

/** A verified bundle's summary for the command's report. */
export function bundleFileSummary(contents: BundleContents): BundleFileSummary {
  return { signer: contents.signer.fingerprint, signerName: contents.signer.name, encrypted: contents.encrypted, withheld: contents.manifest.handling.withheld };
}

/**
 * Streams one file into `store` as one atomic import: reads it in chunks, detects the format from
 * the name and the first bytes, parses chunk by chunk and publishes at the end. A briefing bundle
 * (told by its first bytes, whatever its name) is read whole, verified (readBundle: every hash and
 * the signature) and imported as its records. Throws FeedReadError, BundleInputError or a system
 * error when the file cannot be read; the store is then unchanged.
 */
export async function importFileToStore(store: EventStore, file: string, options: ImportFilesOptions = {}): Promise<{ report: ImportReport; bundle?: BundleFileSummary }> {
  const stream = createReadStream(file, { highWaterMark: options.readChunkBytes ?? DEFAULT_READ_CHUNK_BYTES });
  const reads = stream[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  try {
    const head: Uint8Array[] = [];
    let headBytes = 0;
    let exhausted = false;
    while (headBytes < SNIFF_BYTES) {
      const next = await reads.next();
      if (next.done === true) {
        exhausted = true;
        break;
      }
      head.push(next.value);
      headBytes += next.value.byteLength;
    }
    const head0 = concatBytes(head);
    if (looksLikeBundle(head0)) {
      const read = await readBundle(await readWhole(head, reads, exhausted), { passphrase: options.passphrase });
      if (!read.ok) throw new BundleInputError(read.refusal);
      return { report: await importBundle(store, file, read.contents, { now: options.now }), bundle: bundleFileSummary(read.contents) };
    }
    const format = detectFeedFormat(file, head0);
    const parser = createFeedParser({ format, locateReference, feedSource: options.feedSource, feedCrs: options.feedCrs });
    const batches = async function* (): AsyncGenerator<FeedBatch> {
      for (const chunk of head) yield parser.push(chunk);
      head.length = 0;
      while (!exhausted) {
        const next = await reads.next();
        if (next.done === true) break;
        yield parser.push(next.value);
      }
      yield parser.end();
    };
    const source = options.feedSource?.trim() ? options.feedSource.trim() : null;
    return { report: await importRecords(store, { feedName: file, source, format }, batches(), { now: options.now }) };
  } finally {
    stream.destroy();
  }
}

/**
 * Imports `files` in order into one new, empty in-memory store, exactly as the board would import
 * them one after another: later files see the keys of earlier ones (updates, stale versions). A
 * file that cannot be read is reported and skipped; the others still go in.
 */
export async function importFilesToMemory(files: readonly string[], options: ImportFilesOptions = {}): Promise<MemoryImport> {
  const store = new MemoryEventStore();
  const results: FileImportResult[] = [];
  for (const file of files) {
    try {
      results.push({ file, ...(await importFileToStore(store, file, options)) });
    } catch (error) {
      const failure = readFailure(error);
      if (failure === null) throw error;
      results.push({ file, error: failure });
    }
  }
  return { store, results };
}

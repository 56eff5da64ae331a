import { deflateSync } from 'fflate';
import type { EventChunk } from '../events/EventChunk.ts';
import { toStoredEventChunk, STORED_CHUNK_FORMAT_VERSION } from '../events/StoredEventChunk.ts';
import { yieldToEventLoop } from '../scheduling/yieldToEventLoop.ts';
import { defaultViewModel, type ViewModel } from '../view/ViewState.ts';
import { encryptBundle } from './bundleEncryption.ts';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, chunkEntryPath, MANIFEST_PATH, MAX_VIEWS, SIGNATURE_PATH, viewEntryPath } from './bundleFormat.ts';
import { BUNDLE_LIMITS } from './bundleLimits.ts';
import { manifestBytes, type BundleEntryDescription, type BundleManifest } from './BundleManifest.ts';
import { encodeChunkEntry } from './chunkEntry.ts';
import { crc32 } from './crc32.ts';
import { DEFAULT_HANDLING_POLICY, emptyHandlingTally, handlingTallyKey, mayCarry, type HandlingPolicy } from './handlingPolicy.ts';
import { pickChunkRows } from './pickChunkRows.ts';
import { referenceGeographyDigest } from './referenceGeographyDigest.ts';
import { sha256Hex } from './sha256.ts';
import { fingerprint, signBytes, type PublicSigningJwk } from './signingKeys.ts';
import { viewEntryBytes, type BundleView } from './viewEntry.ts';
import { writeZip, type ZipEntryInput } from './writeZip.ts';

/** One chunk of the events to export from, with the mask of superseded rows (1 = skip). */
export interface BundleSourceChunk {
  chunk: EventChunk;
  mask?: Uint8Array | null;
}

/** What a bundle is made from: the store's published chunks, and which of their rows to take. */
export interface BundleSource {
  chunks: readonly BundleSourceChunk[];
  /**
   * The rows to consider (the maker's filter, window and area); every live row when absent.
   * Handling codes are applied after it: a selected row above the level is withheld and counted.
   */
  selectRow?: (chunk: EventChunk, row: number) => boolean;
}

/** Who signs: a private CryptoKey (non-extractable is fine) and its public JWK. */
export interface BundleSigner {
  privateKey: CryptoKey;
  publicKey: PublicSigningJwk;
  /** A name to show beside the fingerprint, at most 200 characters. */
  name?: string | null;
}

/** Options of createBundle(). */
export interface CreateBundleOptions {
  signer: BundleSigner;
  /** Who the bundle is for (default DEFAULT_HANDLING_POLICY: H1). */
  handling?: HandlingPolicy;
  /** The briefing sequence: views with a note each, in order. */
  views?: readonly BundleView[];
  /** The maker's model settings (default: the default model). */
  model?: ViewModel;
  /** DEFLATE each entry that gets smaller by it (default true). */
  compress?: boolean;
  /** Encrypts the whole bundle with this passphrase (docs/bundle-format.md §4). */
  passphrase?: string;
  /** PBKDF2 iterations when encrypting (default 600,000). */
  iterations?: number;
  /** Clock for the manifest's `created` (default Date.now). */
  now?: () => number;
}

/** Where createBundle() stands; events are counted over the source's rows. */
export interface BundleProgress {
  phase: 'packing' | 'signing' | 'encrypting' | 'done';
  eventsDone: number;
  eventsTotal: number;
}

/** A made bundle: its file bytes and the manifest inside. */
export interface CreatedBundle {
  bytes: Uint8Array;
  manifest: BundleManifest;
}

/** Longest creator name. */
const MAX_CREATOR_NAME = 200;

async function describeEntry(path: string, content: Uint8Array, compress: boolean): Promise<{ description: BundleEntryDescription; zip: ZipEntryInput }> {
  const deflated = compress ? deflateSync(content, { level: 6 }) : null;
  const useDeflate = deflated !== null && deflated.length < content.length;
  const stored = useDeflate ? deflated : content;
  const sha256 = await sha256Hex(content);
  const storedSha256 = useDeflate ? await sha256Hex(stored) : sha256;
  return {
    description: { path, size: content.length, sha256, method: useDeflate ? 'deflate' : 'store', storedSize: stored.length, storedSha256 },
    zip: { path, method: useDeflate ? 'deflate' : 'store', stored, size: content.length, crc: crc32(content) },
  };
}

/**
 * Makes a signed bundle (docs/bundle-format.md) of the selected live rows of `source` that the
 * handling policy lets its recipients receive, with the views, the model settings and a manifest
 * counting what was withheld; encrypted when a passphrase is given. Works chunk by chunk,
 * reporting progress and yielding to the event loop between chunks, so a page or worker stays
 * responsive and `signal` cancels it (the promise rejects with the signal's reason; nothing is
 * kept). Each source chunk's rows go into one chunk entry, with dictionaries pruned to those rows:
 * nothing of a withheld or unselected record, not even its agency or site name, is written.
 */
export async function createBundle(
  source: BundleSource,
  options: CreateBundleOptions,
  onProgress?: (progress: BundleProgress) => void,
  signal?: AbortSignal,
): Promise<CreatedBundle> {
  signal?.throwIfAborted();
  const policy = options.handling ?? DEFAULT_HANDLING_POLICY;
  const compress = options.compress ?? true;
  const views = options.views ?? [];
  if (views.length > MAX_VIEWS) throw new RangeError(`A bundle carries at most ${MAX_VIEWS} views`);
  const name = options.signer.name ?? null;
  if (name !== null && name.length > MAX_CREATOR_NAME) throw new RangeError(`The creator name is longer than ${MAX_CREATOR_NAME} characters`);
  const eventsTotal = source.chunks.reduce((sum, { chunk }) => sum + chunk.meta.count, 0);
  const report = (phase: BundleProgress['phase'], eventsDone: number) => onProgress?.({ phase, eventsDone, eventsTotal });

  const carried = emptyHandlingTally();
  const withheld = emptyHandlingTally();
  const entries: { description: BundleEntryDescription; zip: ZipEntryInput }[] = [];
  let minTime = Infinity;
  let maxTime = -Infinity;
  let eventsDone = 0;
  let carriedCount = 0;
  report('packing', 0);
  for (const { chunk, mask } of source.chunks) {
    const count = chunk.meta.count;
    const picked = new Uint32Array(count);
    let taken = 0;
    const handling = chunk.columns.handling;
    for (let row = 0; row < count; row++) {
      if ((mask && mask[row] !== 0) || (source.selectRow && !source.selectRow(chunk, row))) continue;
      const code = handling[row];
      if (!mayCarry(code, policy)) {
        withheld[handlingTallyKey(code)]++;
        continue;
      }
      carried[handlingTallyKey(code)]++;
      picked[taken++] = row;
    }
    if (taken > 0) {
      const bundleChunk = pickChunkRows(chunk, picked.subarray(0, taken));
      minTime = Math.min(minTime, bundleChunk.meta.minTime);
      maxTime = Math.max(maxTime, bundleChunk.meta.maxTime);
      carriedCount += taken;
      const content = encodeChunkEntry(toStoredEventChunk(bundleChunk));
      entries.push(await describeEntry(chunkEntryPath(entries.length), content, compress));
    }
    eventsDone += count;
    report('packing', eventsDone);
    await yieldToEventLoop();
    signal?.throwIfAborted();
  }
  const chunkEntries = entries.length;
  for (const [index, view] of views.entries()) entries.push(await describeEntry(viewEntryPath(index), viewEntryBytes(view, BUNDLE_LIMITS), compress));

  report('signing', eventsDone);
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_FORMAT_VERSION,
    created: new Date((options.now ?? Date.now)()).toISOString(),
    creator: { name, fingerprint: await fingerprint(options.signer.publicKey), publicKey: options.signer.publicKey },
    geography: await referenceGeographyDigest(),
    model: options.model ?? defaultViewModel(),
    handling: { level: policy.level, uncodedAs: policy.uncodedAs, carried, withheld },
    events: {
      count: carriedCount,
      chunks: chunkEntries,
      chunkFormat: STORED_CHUNK_FORMAT_VERSION,
      minTime: carriedCount > 0 ? minTime : null,
      maxTime: carriedCount > 0 ? maxTime : null,
    },
    views: views.length,
    entries: entries.map((entry) => entry.description),
  };
  const manifestContent = manifestBytes(manifest);
  const signature = await signBytes(options.signer.privateKey, manifestContent);
  signal?.throwIfAborted();
  const zip = writeZip([
    { path: MANIFEST_PATH, method: 'store', stored: manifestContent, size: manifestContent.length, crc: crc32(manifestContent) },
    { path: SIGNATURE_PATH, method: 'store', stored: signature, size: signature.length, crc: crc32(signature) },
    ...entries.map((entry) => entry.zip),
  ]);
  let bytes = zip;
  if (options.passphrase !== undefined) {
    report('encrypting', eventsDone);
    bytes = await encryptBundle(zip, options.passphrase, { iterations: options.iterations });
    signal?.throwIfAborted();
  }
  report('done', eventsDone);
  return { bytes, manifest };
}

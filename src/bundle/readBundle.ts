import type { EventChunk } from '../events/EventChunk.ts';
import { restoreEventChunk } from '../events/StoredEventChunk.ts';
import { yieldToEventLoop } from '../scheduling/yieldToEventLoop.ts';
import { restoreViewState } from '../view/restoreViewState.ts';
import { VIEW_STATE_VERSION, type ViewModel } from '../view/ViewState.ts';
import { decryptBundle, isEncryptedBundle } from './bundleEncryption.ts';
import { MANIFEST_PATH, SIGNATURE_PATH } from './bundleFormat.ts';
import { BUNDLE_LIMITS, type BundleLimits } from './bundleLimits.ts';
import { parseManifest, type BundleManifest } from './BundleManifest.ts';
import { BundleRefusalError, refuseUnless, type BundleRefusal } from './BundleRefusal.ts';
import { checkBundleChunk } from './checkBundleChunk.ts';
import { checkSignerTrust, type SignerTrustRule } from './checkSignerTrust.ts';
import { decodeChunkEntry } from './chunkEntry.ts';
import { inflateEntry } from './inflateEntry.ts';
import { readZip, type ZipEntry } from './readZip.ts';
import { referenceGeographyDigest } from './referenceGeographyDigest.ts';
import { sha256Hex } from './sha256.ts';
import { fingerprint, verifySignature, type PublicSigningJwk } from './signingKeys.ts';
import { readViewEntry, type BundleViewContent } from './viewEntry.ts';

/** Options of readBundle(): the trust rule (checkSignerTrust) and these. */
export interface ReadBundleOptions extends SignerTrustRule {
  /** The passphrase of an encrypted bundle. */
  passphrase?: string;
  /** Limits to read within (default BUNDLE_LIMITS). */
  limits?: BundleLimits;
  /** Called as entries are verified and decoded: entries done of all. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Who signed a bundle, as verified. */
export interface VerifiedSigner {
  /** SHA-256 of the public key, computed by the reader. */
  fingerprint: string;
  name: string | null;
  publicKey: PublicSigningJwk;
  /** Whether the fingerprint is in the reader's trust list. */
  trusted: boolean;
}

/** Something the reader notes about a verified bundle without refusing it. */
export interface BundleWarning {
  code: 'geography-differs';
  message: string;
}

/** A verified bundle's contents: nothing here was returned before every hash and the signature verified. */
export interface BundleContents {
  manifest: BundleManifest;
  signer: VerifiedSigner;
  encrypted: boolean;
  /** The events, as in-memory chunks (restored through restoreEventChunk), in entry order. */
  chunks: EventChunk[];
  /** The briefing sequence, each view restored through restoreViewState. */
  views: BundleViewContent[];
  /** The maker's model settings, restored through restoreViewState. */
  model: ViewModel;
  warnings: BundleWarning[];
}

/** A verified bundle, or why it was refused. */
export type BundleReadResult = { ok: true; contents: BundleContents } | { ok: false; refusal: BundleRefusal };

/** Entry names bundle format 1 can hold; any other is refused before anything is verified. */
const KNOWN_ENTRY = /^(manifest\.json|manifest\.sig|events\/\d{6}\.chunk|views\/\d{3}\.json)$/;

function entryNamed(entries: readonly ZipEntry[], path: string): ZipEntry | undefined {
  return entries.find((entry) => entry.path === path);
}

/** An entry's stored bytes and content checked against its manifest description; returns the content. */
async function verifiedContent(entry: ZipEntry, description: BundleManifest['entries'][number]): Promise<Uint8Array> {
  refuseUnless(
    entry.method === description.method && entry.size === description.size && entry.stored.length === description.storedSize,
    'damaged',
    `the zip headers of ${entry.path} do not match the signed manifest`,
  );
  // The stored bytes are checked before inflating: unsigned data never reaches the inflater.
  refuseUnless((await sha256Hex(entry.stored)) === description.storedSha256, 'hash-mismatch', `the bytes of ${entry.path} do not match the SHA-256 in the signed manifest`);
  const content = inflateEntry(entry);
  if (entry.method === 'deflate') {
    refuseUnless((await sha256Hex(content)) === description.sha256, 'hash-mismatch', `the content of ${entry.path} does not match the SHA-256 in the signed manifest`);
  }
  return content;
}

/** A stored chunk restored and checked; errors of the restore path become `invalid-content`. */
function restoredChunk(content: Uint8Array, index: number, path: string): EventChunk {
  const stored = decodeChunkEntry(content);
  let chunk: EventChunk;
  try {
    chunk = restoreEventChunk(stored);
    // Reading the text columns decodes them now, so bad bytes surface here and not later.
    void chunk.strings.ids;
    void chunk.strings.links;
    void chunk.strings.descriptions;
  } catch (error) {
    if (error instanceof BundleRefusalError) throw error;
    throw new BundleRefusalError('invalid-content', `${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  checkBundleChunk(chunk, index);
  return chunk;
}

async function readVerified(bytes: Uint8Array, options: ReadBundleOptions): Promise<BundleContents> {
  const limits = options.limits ?? BUNDLE_LIMITS;
  refuseUnless(bytes.length <= limits.maxFileBytes, 'too-large', `the file is ${bytes.length} bytes; at most ${limits.maxFileBytes} are read`);
  const encrypted = isEncryptedBundle(bytes);
  let zip = bytes;
  if (encrypted) {
    if (options.passphrase === undefined || options.passphrase === '') {
      throw new BundleRefusalError('passphrase-required', 'this bundle is encrypted: give its passphrase');
    }
    zip = await decryptBundle(bytes, options.passphrase);
  }
  options.signal?.throwIfAborted();

  const entries = readZip(zip, limits);
  const manifestEntry = entryNamed(entries, MANIFEST_PATH);
  refuseUnless(manifestEntry !== undefined, 'not-a-bundle', 'this zip has no manifest.json: it is not a Tidegate bundle');
  refuseUnless(manifestEntry.method === 'store', 'damaged', 'manifest.json must be stored uncompressed');
  const manifestContent = inflateEntry(manifestEntry);
  // Format and version first: a newer bundle is refused as such, whatever else differs in it.
  const manifest = parseManifest(manifestContent, limits);
  for (const entry of entries) refuseUnless(KNOWN_ENTRY.test(entry.path), 'unknown-entry', `the bundle holds an entry bundle format 1 has no place for: ${JSON.stringify(entry.path)}`);
  refuseUnless(entries[0] === manifestEntry, 'damaged', 'manifest.json is not the first entry of the zip');
  const signatureEntry = entryNamed(entries, SIGNATURE_PATH);
  refuseUnless(signatureEntry !== undefined, 'missing-entry', 'the bundle has no signature (manifest.sig)');
  refuseUnless(entries[1] === signatureEntry && signatureEntry.method === 'store', 'damaged', 'manifest.sig is not the second entry of the zip, stored');

  // The signature, with the key the manifest names.
  const signed = await verifySignature(manifest.creator.publicKey, inflateEntry(signatureEntry), manifestContent);
  refuseUnless(signed, 'bad-signature', 'the signature does not verify: the manifest was changed, or not signed by the key it names');
  const keyFingerprint = await fingerprint(manifest.creator.publicKey);
  refuseUnless(keyFingerprint === manifest.creator.fingerprint, 'invalid-content', 'the manifest gives a fingerprint that is not its key\'s');
  const { trusted, refusal } = checkSignerTrust(keyFingerprint, options);
  if (refusal !== null) throw new BundleRefusalError(refusal.code, refusal.message);

  // Exactly the entries the signed manifest lists, in its order.
  const listed = manifest.entries;
  for (const entry of entries.slice(2)) refuseUnless(listed.some((d) => d.path === entry.path), 'unknown-entry', `the entry ${entry.path} is not in the signed manifest`);
  for (const description of listed) refuseUnless(entryNamed(entries, description.path) !== undefined, 'missing-entry', `the entry ${description.path} of the signed manifest is missing`);
  refuseUnless(listed.every((description, i) => entries[i + 2].path === description.path), 'damaged', 'the entries are not in the order of the signed manifest');

  // Every entry's hashes before any of it is decoded.
  const contents: Uint8Array[] = [];
  for (const [i, description] of listed.entries()) {
    contents.push(await verifiedContent(entries[i + 2], description));
    options.onProgress?.(i + 1, 2 * listed.length);
    options.signal?.throwIfAborted();
  }

  const chunks: EventChunk[] = [];
  const views: BundleViewContent[] = [];
  for (const [i, description] of listed.entries()) {
    if (i < manifest.events.chunks) chunks.push(restoredChunk(contents[i], i, description.path));
    else views.push(readViewEntry(contents[i], description.path, limits));
    contents[i] = new Uint8Array(0);
    options.onProgress?.(listed.length + i + 1, 2 * listed.length);
    await yieldToEventLoop();
    options.signal?.throwIfAborted();
  }
  const events = chunks.reduce((sum, chunk) => sum + chunk.meta.count, 0);
  refuseUnless(events === manifest.events.count, 'invalid-content', `the chunks hold ${events} events; the manifest says ${manifest.events.count}`);

  const warnings: BundleWarning[] = [];
  const geography = await referenceGeographyDigest();
  if (geography.sha256 !== manifest.geography.sha256) {
    warnings.push({ code: 'geography-differs', message: 'the bundle was made with other reference geography: sites and channels may be placed and attributed differently' });
  }
  return {
    manifest,
    signer: { fingerprint: keyFingerprint, name: manifest.creator.name, publicKey: manifest.creator.publicKey, trusted },
    encrypted,
    chunks,
    views,
    model: restoreViewState({ version: VIEW_STATE_VERSION, model: manifest.model }).state.model,
    warnings,
  };
}

/**
 * Reads a bundle file without side effects: decrypts it (when encrypted), checks the zip
 * structure and the limits, verifies the manifest's signature and then every entry's SHA-256,
 * and only then decodes the events (restoreEventChunk, checkBundleChunk) and views
 * (restoreViewState). Resolves to the verified contents or a typed refusal — it never rejects for
 * a bad file, only when `signal` cancels it (with the signal's reason). Nothing is written
 * anywhere: merging is the caller's choice (importBundle).
 */
export async function readBundle(bytes: Uint8Array, options: ReadBundleOptions = {}): Promise<BundleReadResult> {
  try {
    return { ok: true, contents: await readVerified(bytes, options) };
  } catch (error) {
    if (error instanceof BundleRefusalError) return { ok: false, refusal: error.toRefusal() };
    throw error;
  }
}

import fc from 'fast-check';
import { CATEGORY_KEYS } from '../domain/categories.ts';
import type { FeedRecord } from '../domain/FeedRecord.ts';
import { RELIABILITY_LETTERS } from '../domain/grading.ts';
import { HANDLING_CODES } from '../domain/handlingCodes.ts';
import { RECORD_KINDS } from '../domain/recordKinds.ts';
import { TRANSPORT_MODES } from '../domain/transportModes.ts';
import type { EventChunk } from '../events/EventChunk.ts';
import { EventChunkBuilder } from '../events/EventChunkBuilder.ts';
import { MANIFEST_PATH, SIGNATURE_PATH } from './bundleFormat.ts';
import { BUNDLE_LIMITS } from './bundleLimits.ts';
import { manifestBytes, parseManifest, type BundleManifest } from './BundleManifest.ts';
import { crc32 } from './crc32.ts';
import { inflateEntry } from './inflateEntry.ts';
import { readZip } from './readZip.ts';
import { sha256Hex } from './sha256.ts';
import { exportPublicKey, generateSigningKey, signBytes, type PublicSigningJwk } from './signingKeys.ts';
import { writeZip, type ZipEntryInput } from './writeZip.ts';

/** Test helpers for src/bundle: signers, records, chunks and re-signed variants of a bundle. Not app code. */

/** A signer for tests: a non-extractable private key and its public JWK. */
export interface TestSigner {
  privateKey: CryptoKey;
  publicKey: PublicSigningJwk;
}

/** A fresh signing key pair (non-extractable private key). */
export async function makeTestSigner(): Promise<TestSigner> {
  const pair = await generateSigningKey({ extractable: false });
  return { privateKey: pair.privateKey, publicKey: await exportPublicKey(pair.publicKey) };
}

/** One chunk of `records`, built as the store builds them (cells computed). */
export function chunkOf(records: readonly FeedRecord[]): EventChunk {
  const builder = new EventChunkBuilder(Math.max(1, records.length));
  for (const record of records) builder.append(record);
  return builder.build();
}

/** A valid record with every field set; override what a test cares about. */
export function makeBundleRecord(overrides: Partial<FeedRecord> = {}): FeedRecord {
  return {
    source: 'GACC-GD',
    id: 'R1',
    time: 1_772_330_400_000,
    lon: 113.95,
    lat: 22.5,
    category: 'tobacco',
    kind: 'seizure',
    severity: 3,
    grading: 'B2',
    valueCny: 12_000,
    mode: 'sea',
    site: null,
    channel: null,
    links: [],
    description: 'Cigarettes in a container',
    updated: 1_772_330_400_000,
    ...overrides,
  };
}

const trimmed = (text: fc.Arbitrary<string>) => text.map((value) => value.trim());

/**
 * Records a feed import could store, with every field varied: ids and descriptions of any
 * characters (lone surrogates now and then, as a JSON feed can give), handling codes on some.
 */
export const feedRecordArbitrary: fc.Arbitrary<FeedRecord> = fc
  .record({
    source: fc.constantFrom('GACC-GD', 'HKCED', 'MOCS', 'C&ED', 'SA-1'),
    id: trimmed(fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ minLength: 1, maxLength: 8, unit: 'binary' }))).filter((id) => id !== ''),
    time: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
    age: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1e9 })),
    lon: fc.double({ min: 112, max: 115, noNaN: true }),
    lat: fc.double({ min: 21.5, max: 23.5, noNaN: true }),
    category: fc.constantFrom(...CATEGORY_KEYS),
    kind: fc.constantFrom(...RECORD_KINDS),
    severity: fc.integer({ min: 1, max: 5 }),
    grading: fc.option(fc.tuple(fc.constantFrom(...RELIABILITY_LETTERS), fc.integer({ min: 1, max: 6 })).map(([l, d]) => `${l}${d}`), { nil: null }),
    valueCny: fc.option(fc.integer({ min: 0, max: 1e9 }).map((cents) => cents / 100), { nil: null }),
    mode: fc.option(fc.constantFrom(...TRANSPORT_MODES), { nil: null }),
    site: fc.option(fc.constantFrom('gongbei_port', 'lo_wu_control_point', 'hkia'), { nil: null }),
    channel: fc.option(fc.constantFrom('hzmb', 'ch_1'), { nil: null }),
    links: fc.array(fc.tuple(fc.constantFrom('HKCED', 'MOCS'), fc.stringMatching(/^[A-Za-z0-9-]{1,8}$/)).map(([s, i]) => `${s}:${i}`), { maxLength: 3 }),
    description: trimmed(fc.oneof(fc.constant(''), fc.string({ maxLength: 30, unit: 'grapheme' }), fc.constantFrom('伪报为铝锭的镓锭', 'Cartons, "sealed"', 'a\u2028b'))),
    handling: fc.option(fc.constantFrom(...HANDLING_CODES, 'unrecognised' as const), { nil: undefined }),
  })
  .map(({ age, handling, ...rest }) => {
    const record: FeedRecord = { ...rest, updated: rest.time + age };
    if (handling !== undefined) record.handling = handling;
    return record;
  });

/** The parts of a plain bundle: its manifest and its entries' content, for building variants. */
export interface BundleParts {
  manifest: BundleManifest;
  /** Every entry after the manifest and its signature, as in the zip (stored bytes and all). */
  entries: ZipEntryInput[];
}

/** Takes a (plain, valid) bundle apart. */
export function bundleParts(bytes: Uint8Array): BundleParts {
  const entries = readZip(bytes, BUNDLE_LIMITS);
  const manifest = parseManifest(inflateEntry(entries[0]), BUNDLE_LIMITS);
  return {
    manifest,
    entries: entries.slice(2).map((entry) => ({ path: entry.path, method: entry.method, stored: entry.stored.slice(), size: entry.size, crc: entry.crc })),
  };
}

/** An entry holding `content` stored as is. */
export function storedEntry(path: string, content: Uint8Array): ZipEntryInput {
  return { path, method: 'store', stored: content, size: content.length, crc: crc32(content) };
}

/**
 * A bundle zip of `parts`, its manifest serialised (or `manifestText` as given) and signed by
 * `signer` — how a maker would forge a bundle with a valid signature, to test what the reader
 * refuses after the signature. `describe` recomputes the manifest's entry list from the entries.
 */
export async function signedBundle(parts: BundleParts, signer: TestSigner, options: { describe?: boolean; manifestText?: string } = {}): Promise<Uint8Array> {
  let manifest = parts.manifest;
  if (options.describe === true) {
    const described = await Promise.all(
      parts.entries.map(async (entry) => {
        const content = entry.method === 'store' ? entry.stored : inflateEntry({ ...entry, stored: entry.stored });
        const sha256 = await sha256Hex(content);
        return { path: entry.path, size: entry.size, sha256, method: entry.method, storedSize: entry.stored.length, storedSha256: entry.method === 'store' ? sha256 : await sha256Hex(entry.stored) };
      }),
    );
    manifest = { ...manifest, entries: described };
  }
  const content = options.manifestText === undefined ? manifestBytes(manifest) : new TextEncoder().encode(options.manifestText);
  const signature = await signBytes(signer.privateKey, content);
  return writeZip([storedEntry(MANIFEST_PATH, content), storedEntry(SIGNATURE_PATH, signature), ...parts.entries]);
}

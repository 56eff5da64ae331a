import { HANDLING_CODES, type HandlingCode } from '../domain/handlingCodes.ts';
import { STORED_CHUNK_FORMAT_VERSION } from '../events/StoredEventChunk.ts';
import { BundleRefusalError, refuseUnless } from './BundleRefusal.ts';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, chunkEntryPath, MAX_VIEWS, viewEntryPath } from './bundleFormat.ts';
import type { BundleLimits } from './bundleLimits.ts';
import { HANDLING_TALLY_KEYS, type HandlingTally } from './handlingPolicy.ts';
import { readPublicJwk, type PublicSigningJwk } from './signingKeys.ts';
import type { ZipMethod } from './zipLayout.ts';

/** One entry of the bundle as the manifest describes it (every entry but the manifest and its signature). */
export interface BundleEntryDescription {
  path: string;
  /** Bytes of the entry's content (uncompressed). */
  size: number;
  /** SHA-256 of the content, 64 lower-case hex digits. */
  sha256: string;
  method: ZipMethod;
  /** Bytes as stored in the zip, and their SHA-256 (the same as the content's when stored). */
  storedSize: number;
  storedSha256: string;
}

/** The signer as the manifest names it. */
export interface BundleCreator {
  /** A name the signer chose to show, or null. */
  name: string | null;
  /** SHA-256 of the canonical public JWK (signingKeys.fingerprint). */
  fingerprint: string;
  publicKey: PublicSigningJwk;
}

/** What the bundle says about handling codes: its policy, and records carried and withheld per class. */
export interface BundleHandling {
  level: HandlingCode;
  uncodedAs: HandlingCode;
  carried: HandlingTally;
  withheld: HandlingTally;
}

/** The events of the bundle in summary. */
export interface BundleEvents {
  count: number;
  /** Chunk entries, `events/000000.chunk` onwards. */
  chunks: number;
  /** Stored chunk format of every chunk entry. */
  chunkFormat: typeof STORED_CHUNK_FORMAT_VERSION;
  /** Earliest and latest event time, epoch ms; null when there are no events. */
  minTime: number | null;
  maxTime: number | null;
}

/** The reference geography the bundle was made with: a digest of its sites and channels. */
export interface BundleGeography {
  sha256: string;
  sites: number;
  channels: number;
}

/** manifest.json of bundle format 1 (docs/bundle-format.md §2). */
export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_FORMAT_VERSION;
  /** When the bundle was made, ISO 8601 UTC. */
  created: string;
  creator: BundleCreator;
  geography: BundleGeography;
  /** The maker's model settings (a ViewState `model`), read back through restoreViewState. */
  model: unknown;
  handling: BundleHandling;
  events: BundleEvents;
  /** View entries, `views/000.json` onwards: the briefing sequence, in order. */
  views: number;
  entries: BundleEntryDescription[];
}

/**
 * The bytes of manifest.json: the manifest's fields in the documented order, JSON indented by two
 * spaces, a final line feed. These exact bytes are signed and stored.
 */
export function manifestBytes(manifest: BundleManifest): Uint8Array {
  const { creator, geography, handling, events } = manifest;
  const ordered: BundleManifest = {
    format: manifest.format,
    version: manifest.version,
    created: manifest.created,
    creator: { name: creator.name, fingerprint: creator.fingerprint, publicKey: { kty: 'EC', crv: 'P-256', x: creator.publicKey.x, y: creator.publicKey.y } },
    geography: { sha256: geography.sha256, sites: geography.sites, channels: geography.channels },
    model: manifest.model,
    handling: { level: handling.level, uncodedAs: handling.uncodedAs, carried: tallyInOrder(handling.carried), withheld: tallyInOrder(handling.withheld) },
    events: { count: events.count, chunks: events.chunks, chunkFormat: events.chunkFormat, minTime: events.minTime, maxTime: events.maxTime },
    views: manifest.views,
    entries: manifest.entries.map((e) => ({ path: e.path, size: e.size, sha256: e.sha256, method: e.method, storedSize: e.storedSize, storedSha256: e.storedSha256 })),
  };
  return new TextEncoder().encode(`${JSON.stringify(ordered, null, 2)}\n`);
}

function tallyInOrder(tally: HandlingTally): HandlingTally {
  return Object.fromEntries(HANDLING_TALLY_KEYS.map((key) => [key, tally[key]])) as HandlingTally;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Refuses the manifest as not following format 1. */
function invalid(what: string): never {
  throw new BundleRefusalError('invalid-content', `the manifest is not valid: ${what}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` as an object with exactly `keys`, or a refusal naming `where`. */
function exactRecord(value: unknown, keys: readonly string[], where: string): Record<string, unknown> {
  if (!isRecord(value)) invalid(`${where} is not an object`);
  const actual = Object.keys(value);
  for (const key of actual) if (!keys.includes(key)) invalid(`${where} has an unknown field "${key}"`);
  for (const key of keys) if (!Object.hasOwn(value, key)) invalid(`${where} lacks "${key}"`);
  return value;
}

function count(value: unknown, where: string, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > max) invalid(`${where} is not a whole number from 0 to ${max}`);
  return value;
}

function hex64(value: unknown, where: string): string {
  if (typeof value !== 'string' || !HEX64.test(value)) invalid(`${where} is not 64 lower-case hex digits`);
  return value;
}

function handlingCode(value: unknown, where: string): HandlingCode {
  if (!(HANDLING_CODES as readonly unknown[]).includes(value)) invalid(`${where} is not one of ${HANDLING_CODES.join(', ')}`);
  return value as HandlingCode;
}

function tally(value: unknown, where: string): HandlingTally {
  const record = exactRecord(value, HANDLING_TALLY_KEYS, where);
  return Object.fromEntries(HANDLING_TALLY_KEYS.map((key) => [key, count(record[key], `${where}.${key}`)])) as HandlingTally;
}

function timeOrNull(value: unknown, where: string): number | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) invalid(`${where} is not a time`);
  return value;
}

const ROOT_KEYS = ['format', 'version', 'created', 'creator', 'geography', 'model', 'handling', 'events', 'views', 'entries'] as const;
const ENTRY_KEYS = ['path', 'size', 'sha256', 'method', 'storedSize', 'storedSha256'] as const;
const MAX_NAME_LENGTH = 200;

/**
 * Reads the format and version of a manifest before anything else, so that a bundle of another
 * format or of a newer version is refused with that reason rather than with whatever detail of it
 * this version does not know.
 */
function readFormatAndVersion(root: Record<string, unknown>): void {
  refuseUnless(root.format === BUNDLE_FORMAT, 'not-a-bundle', `this is not a Tidegate bundle (the manifest's format is ${JSON.stringify(root.format ?? null)})`);
  const version = root.version;
  if (version !== BUNDLE_FORMAT_VERSION) {
    const shown = typeof version === 'number' || typeof version === 'string' ? String(version) : JSON.stringify(version ?? null);
    throw new BundleRefusalError(
      'unsupported-version',
      `bundle format version ${shown}: this Tidegate reads version ${BUNDLE_FORMAT_VERSION}${typeof version === 'number' && version > BUNDLE_FORMAT_VERSION ? ' (the bundle was made by a newer Tidegate)' : ''}`,
    );
  }
}

/**
 * The manifest in `bytes`, checked field by field against format 1: exact fields, types, bounds,
 * and the entry list exactly `events/000000.chunk`… then `views/000.json`… Throws
 * BundleRefusalError: `not-a-bundle`, `unsupported-version` (naming the version), `too-large` or
 * `invalid-content`.
 */
export function parseManifest(bytes: Uint8Array, limits: BundleLimits): BundleManifest {
  refuseUnless(bytes.length <= limits.maxManifestBytes, 'too-large', `manifest.json is ${bytes.length} bytes; at most ${limits.maxManifestBytes} are read`);
  let root: unknown;
  try {
    root = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new BundleRefusalError('invalid-content', 'manifest.json is not UTF-8 JSON');
  }
  if (!isRecord(root)) invalid('it is not a JSON object');
  readFormatAndVersion(root);
  exactRecord(root, ROOT_KEYS, 'the manifest');

  if (typeof root.created !== 'string' || Number.isNaN(Date.parse(root.created))) invalid('"created" is not an ISO 8601 time');
  const creator = exactRecord(root.creator, ['name', 'fingerprint', 'publicKey'], 'creator');
  if (creator.name !== null && (typeof creator.name !== 'string' || creator.name.length > MAX_NAME_LENGTH)) invalid(`creator.name is not text of at most ${MAX_NAME_LENGTH} characters`);
  const publicKey = readPublicJwk(exactRecord(creator.publicKey, ['kty', 'crv', 'x', 'y'], 'creator.publicKey'));
  if (typeof publicKey === 'string') invalid(`creator.publicKey: ${publicKey}`);
  const geography = exactRecord(root.geography, ['sha256', 'sites', 'channels'], 'geography');
  if (!isRecord(root.model)) invalid('"model" is not an object');
  const handling = exactRecord(root.handling, ['level', 'uncodedAs', 'carried', 'withheld'], 'handling');
  const events = exactRecord(root.events, ['count', 'chunks', 'chunkFormat', 'minTime', 'maxTime'], 'events');
  if (events.chunkFormat !== STORED_CHUNK_FORMAT_VERSION) invalid(`events.chunkFormat is ${JSON.stringify(events.chunkFormat)}, not ${STORED_CHUNK_FORMAT_VERSION}`);
  if (!Array.isArray(root.entries)) invalid('"entries" is not a list');

  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_FORMAT_VERSION,
    created: root.created,
    creator: { name: creator.name as string | null, fingerprint: hex64(creator.fingerprint, 'creator.fingerprint'), publicKey },
    geography: { sha256: hex64(geography.sha256, 'geography.sha256'), sites: count(geography.sites, 'geography.sites'), channels: count(geography.channels, 'geography.channels') },
    model: root.model,
    handling: {
      level: handlingCode(handling.level, 'handling.level'),
      uncodedAs: handlingCode(handling.uncodedAs, 'handling.uncodedAs'),
      carried: tally(handling.carried, 'handling.carried'),
      withheld: tally(handling.withheld, 'handling.withheld'),
    },
    events: {
      count: count(events.count, 'events.count', limits.maxEvents),
      chunks: count(events.chunks, 'events.chunks', limits.maxEntries),
      chunkFormat: STORED_CHUNK_FORMAT_VERSION,
      minTime: timeOrNull(events.minTime, 'events.minTime'),
      maxTime: timeOrNull(events.maxTime, 'events.maxTime'),
    },
    views: count(root.views, 'views', MAX_VIEWS),
    entries: root.entries.map((raw, i) => {
      const entry = exactRecord(raw, ENTRY_KEYS, `entries[${i}]`);
      if (entry.method !== 'store' && entry.method !== 'deflate') invalid(`entries[${i}].method is not "store" or "deflate"`);
      return {
        path: typeof entry.path === 'string' ? entry.path : invalid(`entries[${i}].path is not text`),
        size: count(entry.size, `entries[${i}].size`, limits.maxEntryBytes),
        sha256: hex64(entry.sha256, `entries[${i}].sha256`),
        method: entry.method,
        storedSize: count(entry.storedSize, `entries[${i}].storedSize`, limits.maxFileBytes),
        storedSha256: hex64(entry.storedSha256, `entries[${i}].storedSha256`),
      };
    }),
  };

  const { carried } = manifest.handling;
  if (carried.unrecognised !== 0) invalid('handling.carried counts records with an unrecognised code, which no bundle carries');
  const carriedTotal = HANDLING_TALLY_KEYS.reduce((sum, key) => sum + carried[key], 0);
  if (carriedTotal !== manifest.events.count) invalid(`handling.carried adds up to ${carriedTotal}, but events.count is ${manifest.events.count}`);
  if ((manifest.events.count === 0) !== (manifest.events.minTime === null) || (manifest.events.minTime === null) !== (manifest.events.maxTime === null)) {
    invalid('events.minTime and maxTime must be null exactly when there are no events');
  }
  const expectedPaths = [
    ...Array.from({ length: manifest.events.chunks }, (_, i) => chunkEntryPath(i)),
    ...Array.from({ length: manifest.views }, (_, i) => viewEntryPath(i)),
  ];
  if (manifest.entries.length !== expectedPaths.length || manifest.entries.some((entry, i) => entry.path !== expectedPaths[i])) {
    invalid(`the entries must be ${manifest.events.chunks} chunk entries then ${manifest.views} view entries, in order`);
  }
  for (const entry of manifest.entries) {
    if (entry.method === 'store' && (entry.storedSize !== entry.size || entry.storedSha256 !== entry.sha256)) invalid(`the stored entry ${entry.path} has two sizes or hashes`);
  }
  return manifest;
}

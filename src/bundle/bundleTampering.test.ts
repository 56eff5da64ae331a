import { deflateSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryEventStore } from '../store/MemoryEventStore.ts';
import { defaultViewState } from '../view/ViewState.ts';
import { ENVELOPE } from './bundleEncryption.ts';
import { MANIFEST_PATH, SIGNATURE_PATH } from './bundleFormat.ts';
import type { BundleRefusalCode } from './BundleRefusal.ts';
import { bundleParts, chunkOf, makeBundleRecord, makeTestSigner, signedBundle, storedEntry, type TestSigner } from './bundleTestSupport.ts';
import { createBundle } from './createBundle.ts';
import { crc32 } from './crc32.ts';
import { importBundle } from './importBundle.ts';
import { readBundle, type ReadBundleOptions } from './readBundle.ts';
import { readZip } from './readZip.ts';
import { BUNDLE_LIMITS } from './bundleLimits.ts';
import { writeZip } from './writeZip.ts';

/**
 * What the app does with a file: read it, and merge it only when it verified. Returns the refusal
 * code, or 'merged' — and the store shows whether anything was written.
 */
async function openAndMerge(bytes: Uint8Array, store: MemoryEventStore, options: ReadBundleOptions = {}): Promise<BundleRefusalCode | 'merged'> {
  const read = await readBundle(bytes, options);
  if (!read.ok) return read.refusal.code;
  await importBundle(store, 'x.tidegate', read.contents);
  return 'merged';
}

async function refusal(bytes: Uint8Array, options: ReadBundleOptions = {}): Promise<string> {
  const read = await readBundle(bytes, options);
  return read.ok ? 'verified' : `${read.refusal.code}: ${read.refusal.message}`;
}

describe('tampered, truncated and hostile bundles', () => {
  let signer: TestSigner;
  let small: Uint8Array;
  beforeAll(async () => {
    signer = await makeTestSigner();
    const records = [makeBundleRecord(), makeBundleRecord({ id: 'R2', source: 'HKCED', description: '关闸 cash', links: ['GACC-GD:R1'] })];
    small = (await createBundle({ chunks: [{ chunk: chunkOf(records) }] }, { signer, views: [{ state: defaultViewState(), note: 'one' }] })).bytes;
  });

  it('refuses every single flipped byte of a small bundle — entries, manifest, signature, zip structure — before any write', async () => {
    const store = new MemoryEventStore();
    expect(await openAndMerge(small, new MemoryEventStore())).toBe('merged');
    const entries = readZip(small, BUNDLE_LIMITS);
    const regionOf = (at: number): string => {
      const entry = entries.find((e) => at >= e.stored.byteOffset && at < e.stored.byteOffset + e.stored.length);
      return entry === undefined ? 'zip structure' : entry.path.replace(/\d+/, 'N');
    };
    const byRegion = new Map<string, Map<string, number>>();
    for (let at = 0; at < small.length; at++) {
      const flipped = small.slice();
      flipped[at] ^= 1 << (at % 8);
      const outcome = await openAndMerge(flipped, store);
      expect(outcome, `byte ${at} (${regionOf(at)})`).not.toBe('merged');
      const codes = byRegion.get(regionOf(at)) ?? new Map<string, number>();
      codes.set(outcome, (codes.get(outcome) ?? 0) + 1);
      byRegion.set(regionOf(at), codes);
    }
    expect((await store.storageSummary()).chunks).toBe(0);
    expect(await store.listImports()).toEqual([]);
    // Every part of the file was flipped somewhere, and each is refused for its own reason.
    expect([...byRegion.keys()].sort()).toEqual(['events/N.chunk', MANIFEST_PATH, SIGNATURE_PATH, 'views/N.json', 'zip structure'].sort());
    // The zip's CRC-32 catches a changed signature or manifest first (the next test fixes the CRC
    // to reach the signature check); the entries fail their signed hashes.
    const codes = (region: string) => [...(byRegion.get(region)?.keys() ?? [])].sort();
    expect(codes(MANIFEST_PATH)).toEqual(['damaged']);
    expect(codes(SIGNATURE_PATH)).toEqual(['damaged']);
    expect(byRegion.get(SIGNATURE_PATH)?.get('damaged')).toBe(64);
    expect(codes('events/N.chunk')).toEqual(['hash-mismatch']);
    expect(codes('views/N.json')).toEqual(['hash-mismatch']);
    for (const code of codes('zip structure')) expect(['damaged', 'not-a-bundle', 'unsafe-path', 'too-large', 'zip-bomb']).toContain(code);
    expect(small.length).toBeGreaterThan(2000);
  }, 600_000);

  it('checks the signature itself, not only the zip CRC: a changed signature or manifest with a fixed CRC is a bad signature', async () => {
    const entries = readZip(small, BUNDLE_LIMITS).map((e) => ({ path: e.path, method: e.method, stored: e.stored.slice(), size: e.size, crc: e.crc }));
    for (const index of [0, 1]) {
      for (const at of [0, 7, entries[index].stored.length - 1]) {
        const changed = entries.map((e) => ({ ...e, stored: e.stored.slice() }));
        changed[index].stored[at] ^= index === 0 ? 0x20 : 0x01;
        changed[index].crc = crc32(changed[index].stored);
        const outcome = await refusal(writeZip(changed));
        expect(outcome, `${changed[index].path} byte ${at}`).toMatch(index === 1 ? /^bad-signature/ : /^(bad-signature|invalid-content|not-a-bundle|unsupported-version)/);
      }
    }
  });

  it('refuses the file cut at every length', async () => {
    for (let length = 0; length < small.length; length++) {
      expect(await refusal(small.subarray(0, length)), `length ${length}`).not.toBe('verified');
    }
  }, 300_000);

  it('refuses flipped bytes of an encrypted bundle: every header and tag byte, and ciphertext throughout', async () => {
    const sealed = (await createBundle({ chunks: [{ chunk: chunkOf([makeBundleRecord()]) }] }, { signer, passphrase: 'pw' })).bytes;
    const positions = new Set<number>();
    for (let at = 0; at < ENVELOPE.headerBytes; at++) positions.add(at);
    for (let at = sealed.length - ENVELOPE.tagBytes; at < sealed.length; at++) positions.add(at);
    for (let k = 0; k < 24; k++) positions.add(ENVELOPE.headerBytes + Math.floor(((sealed.length - ENVELOPE.headerBytes - ENVELOPE.tagBytes) * k) / 24));
    for (const at of positions) {
      const flipped = sealed.slice();
      flipped[at] ^= 0x10;
      expect(await refusal(flipped, { passphrase: 'pw' }), `byte ${at}`).not.toBe('verified');
    }
    for (const length of [0, 8, 43, 44, 59, 60, sealed.length - 1]) expect(await refusal(sealed.subarray(0, length), { passphrase: 'pw' })).not.toBe('verified');
  }, 600_000);

  it('refuses unknown and newer versions with a message naming the version', async () => {
    const parts = bundleParts(small);
    const manifestText = new TextDecoder().decode(readZip(small, BUNDLE_LIMITS)[0].stored);
    const newer = await signedBundle(parts, signer, { manifestText: manifestText.replace('"version": 1', '"version": 2') });
    expect(await refusal(newer)).toBe('unsupported-version: bundle format version 2: this Tidegate reads version 1 (the bundle was made by a newer Tidegate)');
    const odd = await signedBundle(parts, signer, { manifestText: manifestText.replace('"version": 1', '"version": "1.0"') });
    expect(await refusal(odd)).toMatch(/^unsupported-version: bundle format version 1\.0/);
    // A newer bundle is refused as newer even when it holds entries this version does not know.
    const withNewEntry = writeZip([...readZip(newer, BUNDLE_LIMITS).map((e) => ({ ...e, stored: e.stored.slice() })), storedEntry('layers/000.bin', new Uint8Array(4))]);
    expect(await refusal(withNewEntry)).toMatch(/^unsupported-version/);
    const other = await signedBundle(parts, signer, { manifestText: manifestText.replace('"format": "tidegate-bundle"', '"format": "tak-package"') });
    expect(await refusal(other)).toMatch(/^not-a-bundle/);
  });

  it('refuses path traversal, duplicates, unknown and missing entries', async () => {
    const entries = readZip(small, BUNDLE_LIMITS).map((e) => ({ path: e.path, method: e.method, stored: e.stored.slice(), size: e.size, crc: e.crc }));
    expect(await refusal(writeZip([...entries, storedEntry('../../.bashrc', new Uint8Array(1))]))).toMatch(/^unsafe-path: the entry name "..\/..\/.bashrc" has a `..`/);
    expect(await refusal(writeZip([...entries, storedEntry('/etc/cron.d/x', new Uint8Array(1))]))).toMatch(/^unsafe-path/);
    expect(await refusal(writeZip([...entries, storedEntry('views\\001.json', new Uint8Array(1))]))).toMatch(/^unsafe-path/);
    expect(await refusal(writeZip([...entries, entries[2]]))).toMatch(/^duplicate-entry/);
    expect(await refusal(writeZip([...entries, storedEntry('notes.txt', new Uint8Array(1))]))).toMatch(/^unknown-entry/);
    // Entries a signed manifest does not list, and listed ones that are absent.
    const parts = bundleParts(small);
    const extra = await signedBundle({ ...parts, entries: [...parts.entries, storedEntry('views/007.json', new Uint8Array(1))] }, signer);
    expect(await refusal(extra)).toMatch(/^unknown-entry: the entry views\/007.json is not in the signed manifest/);
    const missing = await signedBundle({ ...parts, entries: parts.entries.slice(0, 1) }, signer);
    expect(await refusal(missing)).toMatch(/^missing-entry/);
    const unsigned = writeZip(entries.filter((e) => e.path !== SIGNATURE_PATH));
    expect(await refusal(unsigned)).toMatch(/^missing-entry: the bundle has no signature/);
    expect(await refusal(writeZip([storedEntry('hello.txt', new Uint8Array(1))]))).toMatch(/^not-a-bundle/);
  });

  it('refuses zip bombs: declared sizes past the limits, implausible ratios, and signed entries that inflate past their size', async () => {
    const parts = bundleParts(small);
    const zeros = new Uint8Array(50_000_000);
    const bomb = { path: 'events/000000.chunk', method: 'deflate' as const, stored: deflateSync(zeros), size: zeros.length, crc: crc32(zeros) };
    const ratio = await signedBundle({ ...parts, entries: [bomb, ...parts.entries.slice(1)] }, signer, { describe: true });
    expect(await refusal(ratio)).toMatch(/^zip-bomb: the entry events\/000000.chunk declares 50000000 bytes/);
    expect(await refusal(ratio, { limits: { ...BUNDLE_LIMITS, maxEntryBytes: 1_000_000 } })).toMatch(/^too-large/);
    // A signed entry whose header and manifest say 4 KB but whose stream holds 50 MB.
    const liar = { ...bomb, size: 4096, crc: crc32(zeros.subarray(0, 4096)) };
    const lying = await signedBundle({ ...parts, entries: [liar, ...parts.entries.slice(1)] }, signer);
    const manifest = { ...parts.manifest, entries: parts.manifest.entries.map((e, i) => (i === 0 ? { ...e, size: 4096, method: 'deflate' as const, storedSize: liar.stored.length, storedSha256: '' } : e)) };
    const { sha256Hex } = await import('./sha256.ts');
    manifest.entries[0].storedSha256 = await sha256Hex(liar.stored);
    manifest.entries[0].sha256 = await sha256Hex(zeros.subarray(0, 4096));
    const signedLiar = await signedBundle({ manifest, entries: readZip(lying, { ...BUNDLE_LIMITS, maxCompressionRatio: 1e9 }).slice(2).map((e) => ({ ...e, stored: e.stored.slice() })) }, signer);
    expect(await refusal(signedLiar, { limits: { ...BUNDLE_LIMITS, maxCompressionRatio: 1e9 } })).toMatch(/^zip-bomb: the entry events\/000000.chunk inflates beyond the 4096 bytes it declares/);
    expect(await refusal(new Uint8Array(100), { limits: { ...BUNDLE_LIMITS, maxFileBytes: 99 } })).toMatch(/^too-large/);
  }, 120_000);

  it('refuses a signed bundle whose content is not what Tidegate writes', async () => {
    const parts = bundleParts(small);
    const forged = async (entries: typeof parts.entries) => refusal(await signedBundle({ ...parts, entries }, signer, { describe: true }));
    const badView = storedEntry('views/000.json', new TextEncoder().encode('{"note": 5, "view": {}}'));
    expect(await forged([parts.entries[0], badView])).toMatch(/^invalid-content: views\/000.json is not/);
    const notJson = storedEntry('views/000.json', new TextEncoder().encode('{"note": "n", "view": {}'));
    expect(await forged([parts.entries[0], notJson])).toMatch(/^invalid-content/);
    // A chunk whose rows name a category code beyond the vocabulary.
    const chunk = chunkOf([makeBundleRecord()]);
    chunk.columns.category[0] = 200;
    chunk.meta.categoryCounts = [];
    const { encodeChunkEntry } = await import('./chunkEntry.ts');
    const { toStoredEventChunk } = await import('../events/StoredEventChunk.ts');
    const badChunk = storedEntry('events/000000.chunk', encodeChunkEntry(toStoredEventChunk(chunk)));
    expect(await forged([badChunk, parts.entries[1]])).toMatch(/^invalid-content: chunk 0 of the bundle is not valid: row 0 has category code 200/);
    // A chunk whose cells are not its positions'.
    const wrongCell = chunkOf([makeBundleRecord()]);
    wrongCell.columns.cellLow[0] ^= 1;
    const cellEntry = storedEntry('events/000000.chunk', encodeChunkEntry(toStoredEventChunk(wrongCell)));
    expect(await forged([cellEntry, parts.entries[1]])).toMatch(/H3 cell/);
    // The manifest's counts must add up.
    const manifest = { ...parts.manifest, events: { ...parts.manifest.events, count: 3 } };
    expect(await refusal(await signedBundle({ ...parts, manifest }, signer))).toMatch(/^invalid-content: the manifest is not valid: handling.carried adds up to 2/);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { chunkOf, makeBundleRecord, makeTestSigner } from '../bundle/bundleTestSupport.ts';
import { createBundle } from '../bundle/createBundle.ts';
import type { DexieEventStore } from '../store/DexieEventStore.ts';
import { openTestDexieStore } from '../store/storeTestSupport.ts';
import { ImportService } from './ImportService.ts';

const records = Array.from({ length: 40 }, (_, i) =>
  makeBundleRecord({ id: `R${i}`, time: 1_772_330_400_000 + i * 60_000, updated: 1_772_330_400_000 + i * 60_000, ...(i % 8 === 0 ? { handling: 'H4' as const } : {}) }),
);

describe('ImportService.importBundle', () => {
  const stores: DexieEventStore[] = [];
  afterEach(() => {
    for (const store of stores.splice(0)) store.close();
  });

  async function service(): Promise<{ store: DexieEventStore; service: ImportService; announced: string[] }> {
    const store = await openTestDexieStore();
    stores.push(store);
    const announced: string[] = [];
    return { store, service: new ImportService(store, (message) => announced.push(message.importId)), announced };
  }

  // Three PBKDF2 derivations of 600,000 iterations on a shared machine.
  it('merges a verified bundle by the feed upsert rules (again: unchanged), and announces it', { timeout: 60_000 }, async () => {
    const signer = await makeTestSigner();
    const made = await createBundle({ chunks: [{ chunk: chunkOf(records) }] }, { signer, handling: { level: 'H3', uncodedAs: 'H1' }, passphrase: 'harbour' });
    const { store, service: importer, announced } = await service();
    const blob = new Blob([made.bytes as Uint8Array<ArrayBuffer>]);
    const first = await importer.importBundle('a.tidegate', blob, { passphrase: 'harbour' });
    expect(first.format).toBe('bundle');
    expect(first.counts.accepted).toBe(35);
    expect((await store.storageSummary()).liveRows).toBe(35);
    const again = await importer.importBundle('a.tidegate', blob, { passphrase: 'harbour' });
    expect([again.counts.accepted, again.counts.unchanged]).toEqual([0, 35]);
    expect(announced).toEqual([first.importId, again.importId]);
  });

  it('refuses a wrong passphrase or a changed byte with the reason, writing nothing', { timeout: 60_000 }, async () => {
    const signer = await makeTestSigner();
    const plain = await createBundle({ chunks: [{ chunk: chunkOf(records) }] }, { signer });
    const encrypted = await createBundle({ chunks: [{ chunk: chunkOf(records) }] }, { signer, passphrase: 'harbour' });
    const tampered = plain.bytes.slice();
    tampered[Math.floor(tampered.length * 0.6)] ^= 1;
    const { store, service: importer, announced } = await service();
    await expect(importer.importBundle('e.tidegate', new Blob([encrypted.bytes as Uint8Array<ArrayBuffer>]), { passphrase: 'wrong' })).rejects.toThrow(/wrong-passphrase/);
    await expect(importer.importBundle('t.tidegate', new Blob([tampered]), {})).rejects.toThrow(/refused/);
    expect((await store.storageSummary()).liveRows).toBe(0);
    expect(await store.listImports()).toEqual([]);
    expect(await store.db.chunks.count()).toBe(0);
    expect(announced).toEqual([]);
  });

  it('refuses an untrusted signer when a trusted one is required, writing nothing; merges it once trusted', { timeout: 60_000 }, async () => {
    const signer = await makeTestSigner();
    const made = await createBundle({ chunks: [{ chunk: chunkOf(records) }] }, { signer });
    const blob = new Blob([made.bytes as Uint8Array<ArrayBuffer>]);
    const { store, service: importer, announced } = await service();
    await expect(importer.importBundle('u.tidegate', blob, { trusted: ['0'.repeat(64)], requireTrusted: true })).rejects.toThrow(/untrusted-signer/);
    expect(await store.db.chunks.count()).toBe(0);
    expect(await store.listImports()).toEqual([]);
    expect(announced).toEqual([]);
    const merged = await importer.importBundle('u.tidegate', blob, { trusted: [made.manifest.creator.fingerprint], requireTrusted: true });
    expect(merged.counts.accepted).toBe(35);
  });
});

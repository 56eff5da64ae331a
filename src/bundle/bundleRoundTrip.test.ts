import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FeedRecord } from '../domain/FeedRecord.ts';
import { HANDLING_CODE_OF, HANDLING_CODES } from '../domain/handlingCodes.ts';
import { restoreViewState } from '../view/restoreViewState.ts';
import { defaultViewState, type ViewState } from '../view/ViewState.ts';
import { viewStateArbitrary } from '../view/viewStateArbitraries.ts';
import { importRecords } from '../store/importRecords.ts';
import { MemoryEventStore } from '../store/MemoryEventStore.ts';
import { chunkOf, feedRecordArbitrary, makeBundleRecord, makeTestSigner, type TestSigner } from './bundleTestSupport.ts';
import { bundleRecordsFor } from './bundleRecords.ts';
import { chunkRecords } from './chunkRecords.ts';
import { createBundle, type BundleProgress } from './createBundle.ts';
import { HANDLING_TALLY_KEYS, type HandlingPolicy } from './handlingPolicy.ts';
import { importBundle } from './importBundle.ts';
import { readBundle } from './readBundle.ts';
import { fingerprint } from './signingKeys.ts';

/** The plain rule: which records a bundle for `policy` may carry. */
function referenceMayCarry(record: FeedRecord, policy: HandlingPolicy): boolean {
  if (record.handling === 'unrecognised') return false;
  return HANDLING_CODE_OF[record.handling ?? policy.uncodedAs] <= HANDLING_CODE_OF[policy.level];
}

async function storeOf(...imports: FeedRecord[][]): Promise<MemoryEventStore> {
  const store = new MemoryEventStore();
  for (const [i, records] of imports.entries()) {
    await importRecords(store, { feedName: `feed-${i}`, source: null, format: 'ndjson' }, [{ records, rejections: [], warnings: [], rowsIn: records.length }], { chunkRows: 7 });
  }
  return store;
}

async function liveRecords(store: MemoryEventStore): Promise<FeedRecord[]> {
  const out: FeedRecord[] = [];
  for (const { chunk, mask } of await store.loadPublishedChunks()) chunkRecords(chunk).forEach((record, row) => mask[row] === 0 && out.push(record));
  return out;
}

const policyArbitrary = fc.record({ level: fc.constantFrom(...HANDLING_CODES), uncodedAs: fc.constantFrom(...HANDLING_CODES) });

describe('bundle round trip', () => {
  let signer: TestSigner;
  beforeAll(async () => {
    signer = await makeTestSigner();
  });

  it('carries exactly the live records the policy allows, counts the rest per code, and restores the views', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(feedRecordArbitrary, { maxLength: 40 }),
        fc.array(feedRecordArbitrary, { maxLength: 10 }),
        policyArbitrary,
        fc.array(fc.tuple(viewStateArbitrary, fc.string({ maxLength: 40 })), { maxLength: 3 }),
        fc.boolean(),
        async (first, second, policy, views, compress) => {
          // A second import updates some keys of the first, so the store has masked rows.
          const updates = second.map((record, i) => (first[i] ? { ...record, source: first[i].source, id: first[i].id, updated: first[i].updated + 1 } : record));
          const store = await storeOf(first, updates);
          const live = await liveRecords(store);
          const { bytes, manifest } = await createBundle(
            { chunks: await store.loadPublishedChunks() },
            { signer, handling: policy, views: views.map(([state, note]) => ({ state, note })), compress },
          );
          const read = await readBundle(bytes);
          if (!read.ok) throw new Error(`refused: ${read.refusal.code} ${read.refusal.message}`);
          const { contents } = read;
          const expected = live.filter((record) => referenceMayCarry(record, policy));
          expect(contents.chunks.flatMap(chunkRecords)).toEqual(expected);
          expect(manifest.events.count).toBe(expected.length);
          for (const key of HANDLING_TALLY_KEYS) {
            const classOf = (record: FeedRecord) => record.handling ?? 'none';
            expect(manifest.handling.withheld[key]).toBe(live.filter((r) => classOf(r) === key && !referenceMayCarry(r, policy)).length);
            expect(manifest.handling.carried[key]).toBe(expected.filter((r) => classOf(r) === key).length);
          }
          expect(contents.views.map((view) => view.note)).toEqual(views.map(([, note]) => note));
          expect(contents.views.map((view) => view.restored)).toEqual(views.map(([state]) => restoreViewState(JSON.parse(JSON.stringify(state)))));
          expect(contents.signer).toMatchObject({ fingerprint: await fingerprint(signer.publicKey), trusted: false });
        },
      ),
      { numRuns: 60 },
    );
  }, 300_000);

  it('merges into another store by the feed upsert rules, and into its own store as unchanged', async () => {
    const records = Array.from({ length: 30 }, (_, i) => makeBundleRecord({ id: `R${i}`, time: 1.77e12 + i * 60_000, updated: 1.77e12 + i * 60_000, handling: i % 3 === 0 ? 'H2' : undefined }));
    const origin = await storeOf(records);
    const { bytes } = await createBundle({ chunks: await origin.loadPublishedChunks() }, { signer, handling: { level: 'H2', uncodedAs: 'H1' } });
    const read = await readBundle(bytes);
    if (!read.ok) throw new Error(read.refusal.message);

    const again = await importBundle(origin, 'again.tidegate', read.contents);
    expect(again.counts).toMatchObject({ rowsIn: 30, accepted: 0, updated: 0, unchanged: 30, stale: 0 });
    expect(again.format).toBe('bundle');

    // A recipient holding an older version of R1 and a newer one of R2.
    const recipient = await storeOf([
      { ...records[1], updated: records[1].updated - 1, description: 'old' },
      { ...records[2], updated: records[2].updated + 1, description: 'newer' },
    ]);
    const report = await importBundle(recipient, 'in.tidegate', read.contents);
    expect(report.counts).toMatchObject({ rowsIn: 30, accepted: 28, updated: 1, stale: 1, unchanged: 0 });
    const merged = await liveRecords(recipient);
    expect(merged.find((r) => r.id === 'R1')).toEqual(records[1]);
    expect(merged.find((r) => r.id === 'R2')?.description).toBe('newer');
    expect(merged.filter((r) => r.handling === 'H2')).toHaveLength(10);

    // The batches are the bundle's records, one batch per chunk.
    expect([...bundleRecordsFor(read.contents)].flatMap((batch) => batch.records)).toEqual(records);
  });

  it('round-trips encrypted, and refuses a wrong or missing passphrase', async () => {
    const store = await storeOf([makeBundleRecord()]);
    const { bytes } = await createBundle({ chunks: await store.loadPublishedChunks() }, { signer, passphrase: 'quiet harbour' });
    const read = await readBundle(bytes, { passphrase: 'quiet harbour' });
    expect(read.ok && read.contents.encrypted).toBe(true);
    expect(read.ok && read.contents.chunks.flatMap(chunkRecords)).toEqual([makeBundleRecord()]);
    expect(await readBundle(bytes, { passphrase: 'loud harbour' })).toEqual({
      ok: false,
      refusal: { code: 'wrong-passphrase', message: 'wrong passphrase or damaged file: the bundle could not be decrypted' },
    });
    expect(await readBundle(bytes)).toMatchObject({ ok: false, refusal: { code: 'passphrase-required' } });
  }, 60_000);

  it('says whether the signer is trusted, and refuses an untrusted one when asked to', async () => {
    const { bytes } = await createBundle({ chunks: [{ chunk: chunkOf([makeBundleRecord()]) }] }, { signer: { ...signer, name: 'Gongbei duty officer' } });
    const print = await fingerprint(signer.publicKey);
    const trusted = await readBundle(bytes, { trusted: [print], requireTrusted: true });
    expect(trusted.ok && trusted.contents.signer).toMatchObject({ fingerprint: print, name: 'Gongbei duty officer', trusted: true });
    expect(await readBundle(bytes, { trusted: ['0'.repeat(64)], requireTrusted: true })).toMatchObject({ ok: false, refusal: { code: 'untrusted-signer' } });
  });

  it('selects rows by the maker’s filter before handling, reports progress and can be cancelled', async () => {
    const records = Array.from({ length: 20 }, (_, i) => makeBundleRecord({ id: `S${i}`, severity: 1 + (i % 5), handling: i % 4 === 0 ? 'H5' : undefined }));
    const chunks = [{ chunk: chunkOf(records.slice(0, 10)) }, { chunk: chunkOf(records.slice(10)) }];
    const progress: BundleProgress[] = [];
    const { manifest } = await createBundle({ chunks, selectRow: (chunk, row) => chunk.columns.severity[row] >= 4 }, { signer }, (p) => progress.push(p));
    const selected = records.filter((r) => r.severity >= 4);
    expect(manifest.events.count).toBe(selected.filter((r) => r.handling === undefined).length);
    expect(manifest.handling.withheld.H5).toBe(selected.filter((r) => r.handling === 'H5').length);
    expect(progress.map((p) => [p.phase, p.eventsDone])).toEqual([
      ['packing', 0],
      ['packing', 10],
      ['packing', 20],
      ['signing', 20],
      ['done', 20],
    ]);
    const controller = new AbortController();
    const cancelled = createBundle({ chunks }, { signer }, (p) => p.eventsDone === 10 && controller.abort(new Error('stop')), controller.signal);
    await expect(cancelled).rejects.toThrow('stop');
  });

  it('restores a view from a bundle exactly as the view restore path does, notices included', async () => {
    const odd = { ...defaultViewState(), model: { ...defaultViewState().model, resolution: 42 } } as unknown as ViewState;
    const { bytes } = await createBundle({ chunks: [] }, { signer, views: [{ state: odd, note: 'Step 1: the bay' }] });
    const read = await readBundle(bytes);
    expect(read.ok && read.contents.views).toEqual([{ note: 'Step 1: the bay', restored: restoreViewState(JSON.parse(JSON.stringify(odd))) }]);
    expect(read.ok && read.contents.views[0].restored.notices).toEqual([{ field: 'model.resolution', problem: 'invalid' }]);
    expect(read.ok && read.contents.manifest.events).toMatchObject({ count: 0, chunks: 0, minTime: null, maxTime: null });
  });
});

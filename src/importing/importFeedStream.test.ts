import { afterEach, describe, expect, it } from 'vitest';
import { demoFeedCsv } from '../demo/demoFeedCsv.ts';
import { generateDemoEvents } from '../demo/generateDemoEvents.ts';
import type { CellResolver } from '../events/CellResolver.ts';
import { computeCells } from '../events/computeCells.ts';
import { FeedReadError } from '../feeds/FeedReadError.ts';
import { REFERENCE_CHANNELS, REFERENCE_SITES } from '../geo/referenceGeography.ts';
import { MemoryEventStore } from '../store/MemoryEventStore.ts';
import { observableState } from '../store/storeTestSupport.ts';
import { importFeedStream } from './importFeedStream.ts';

const csv = [...demoFeedCsv(generateDemoEvents({ seed: 7, count: 900, now: Date.UTC(2026, 2, 1), sites: REFERENCE_SITES, channels: REFERENCE_CHANNELS }))].join('');
const bytes = new TextEncoder().encode(csv);

/** The bytes as a stream of `size`-byte chunks; `cancelled` tells whether the reader gave up on it. */
function streamOf(data: Uint8Array, size: number, failAt = Infinity): { stream: ReadableStream<Uint8Array>; cancelled: () => boolean } {
  let offset = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= failAt) {
        controller.error(new Error('the network went away'));
        return;
      }
      if (offset >= data.length) {
        controller.close();
        return;
      }
      controller.enqueue(data.slice(offset, offset + size));
      offset += size;
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, cancelled: () => cancelled };
}

/** Cells a little later than asked, as from the chunk worker. */
const laterCells: CellResolver = {
  async resolve(lon, lat) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    return computeCells(lon, lat);
  },
};

describe('importFeedStream', () => {
  const stores: MemoryEventStore[] = [];
  afterEach(() => {
    for (const store of stores.splice(0)) store.close();
  });
  const open = () => {
    const store = new MemoryEventStore();
    stores.push(store);
    return store;
  };
  const published = async (store: MemoryEventStore) =>
    (await store.loadPublishedChunks()).map(({ chunk, hashes, mask }) => ({ chunk, hashes, mask }));

  it('stores the same chunks whether cells come from a resolver or from the importing thread', async () => {
    const plain = open();
    const resolved = open();
    const a = await importFeedStream(plain, { feedName: 'feed.csv', stream: streamOf(bytes, 4096).stream });
    const b = await importFeedStream(resolved, { feedName: 'feed.csv', stream: streamOf(bytes, 1000).stream, cells: laterCells });
    expect(a.counts).toMatchObject({ rowsIn: 900, accepted: 900, rejected: 0 });
    expect(b.counts).toEqual(a.counts);
    expect(await published(resolved)).toEqual(await published(plain));
  });

  it('pauses for other tasks about every 20 ms of parsing, and only then', async () => {
    const run = async (msPerReading: number) => {
      let clock = 0;
      let pauses = 0;
      const report = await importFeedStream(open(), {
        feedName: 'feed.csv',
        stream: streamOf(bytes, 4096).stream,
        now: () => (clock += msPerReading),
        pause: async () => void pauses++,
      });
      return { pauses, chunks: Math.ceil(bytes.length / 4096), accepted: report.counts.accepted };
    };
    // A stream's buffered chunks arrive in microtasks: without pauses, a worker's replies would
    // wait for the whole buffer.
    const slow = await run(25);
    expect(slow.accepted).toBe(900);
    expect(slow.pauses).toBe(slow.chunks);
    const fast = await run(0.001);
    expect(fast.pauses).toBe(0);
  });

  it('reports the import from its start, before the first byte arrives, then reading and publishing', async () => {
    const phases: string[] = [];
    const report = await importFeedStream(open(), {
      feedName: 'feed.csv',
      stream: streamOf(bytes, 4096).stream,
      totalBytes: bytes.length,
      progressIntervalMs: 0,
      onProgress: ({ phase, rows, bytesRead }) => phases.push(`${phase}:${rows > 0 ? 'rows' : 0}:${bytesRead > 0 ? 'bytes' : 0}`),
    });
    expect(report.counts.accepted).toBe(900);
    expect(phases[0]).toBe('reading:0:0');
    expect(phases.slice(1, -1).every((phase) => phase.startsWith('reading:'))).toBe(true);
    expect(phases.at(-1)).toBe('publishing:rows:bytes');
  });

  it('leaves the store as before and cancels the stream when cancelled mid-way', async () => {
    const store = open();
    const before = await observableState(store);
    const controller = new AbortController();
    const source = streamOf(bytes, 2048);
    const failure = importFeedStream(store, {
      feedName: 'feed.csv',
      stream: source.stream,
      signal: controller.signal,
      cells: laterCells,
      progressIntervalMs: 0,
      onProgress: (progress) => {
        if (progress.bytesRead > bytes.length / 2) controller.abort(new Error('stop'));
      },
    });
    await expect(failure).rejects.toThrow('stop');
    expect(source.cancelled()).toBe(true);
    expect(await observableState(store)).toEqual(before);
    expect(await store.listImports()).toEqual([]);
  });

  it('fails atomically when the stream breaks mid-way', async () => {
    const store = open();
    const before = await observableState(store);
    const failure = importFeedStream(store, { feedName: 'feed.csv', stream: streamOf(bytes, 4096, bytes.length / 2).stream, cells: laterCells });
    await expect(failure).rejects.toThrow('the network went away');
    expect(await observableState(store)).toEqual(before);
    expect((await store.storageSummary()).stagedChunks).toBe(0);
  });

  it('refuses an empty stream as a whole', async () => {
    const store = open();
    await expect(importFeedStream(store, { feedName: 'empty.csv', stream: streamOf(new Uint8Array(0), 10).stream })).rejects.toBeInstanceOf(FeedReadError);
  });
});

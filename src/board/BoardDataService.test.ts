import { describe, expect, it } from 'vitest';
import { collectTransferables } from '../transfer/collectTransferables.ts';
import { BoardDataService } from './BoardDataService.ts';
import { buildDemoChunks } from './buildDemoChunks.ts';
import type { LiveChunk } from './LiveChunk.ts';

const NOW = Date.UTC(2026, 10, 20, 4);
/** Lets a few macrotasks run (each question waits one before it starts). */
const afterTurns = () => new Promise((resolve) => setTimeout(resolve, 20));

function service(stored: LiveChunk[]): BoardDataService {
  return new BoardDataService({ loadStoredChunks: async () => stored, buildDemoChunks: (now) => buildDemoChunks(now, 3_000), now: () => NOW });
}

describe('BoardDataService', () => {
  it('shows demo data only while the store is empty', async () => {
    const empty = await service([]).load();
    expect(empty.demo).toBe(true);
    expect(empty.count).toBe(3_000);
    const stored = await service(buildDemoChunks(NOW, 500)).load();
    expect(stored.demo).toBe(false);
    expect(stored.count).toBe(500);
  });

  it('lets a newer query cancel one still waiting, and answers the newest', async () => {
    const board = service([]);
    await board.load();
    const params = { time: NOW };
    const [older, newer] = await Promise.all([
      board.boardQuery({ requestId: 1, params, filters: {} }),
      board.boardQuery({ requestId: 2, params, filters: { categories: ['tobacco'] } }),
    ]);
    expect(older.cancelled).toBe(true);
    expect(newer.cancelled).toBe(false);
    expect(newer.hotspots.length).toBeGreaterThan(0);
    expect(newer.hotspots.every((hotspot) => Object.keys(hotspot.byCategory).every((key) => key === 'tobacco'))).toBe(true);
    expect(newer.hotspotLayer.scores.length).toBe(newer.hotspotLayer.count);
  });

  it('answers questions sent right behind a load (not awaited) from the events that load brings', async () => {
    let stored = buildDemoChunks(NOW, 500);
    let releaseStore: () => void = () => undefined;
    const board = new BoardDataService({
      loadStoredChunks: () => new Promise<LiveChunk[]>((resolve) => (releaseStore = () => resolve(stored))),
      buildDemoChunks: () => [],
      now: () => NOW,
    });
    const count = (answer: { figures: { events: number } }) => answer.figures.events;
    const firstLoad = board.load();
    const query = { params: { time: NOW }, filters: {} };
    const first = board.boardQuery({ requestId: 1, ...query });
    const firstDetails = board.details({ requestId: 1, selection: { kind: 'site', id: 'lo-wu' }, ...query, sort: { key: 'time', descending: true }, page: 0, pageSize: 5 });
    // The store answers after the questions have had their turn (as IndexedDB does with a million rows).
    await afterTurns();
    releaseStore();
    expect((await firstLoad).count).toBe(500);
    expect((await first).cancelled).toBe(false);
    expect(count(await first)).toBeGreaterThan(0);
    expect((await firstDetails).cancelled).toBe(false);
    // A reload: the question behind it meets the new events, not the ones still loaded.
    stored = buildDemoChunks(NOW, 900);
    const reload = board.load();
    const second = board.boardQuery({ requestId: 2, ...query });
    const step = board.step({ requestId: 1, ...query });
    await afterTurns();
    releaseStore();
    expect((await reload).count).toBe(900);
    expect(count(await second)).toBeGreaterThan(count(await first));
    expect((await step).cancelled).toBe(false);
    expect((await step).hotspotLayer.totalCount).toBe((await second).hotspotLayer.totalCount);
    expect((await step).hotspotLayer.totalCount).toBeGreaterThan((await first).hotspotLayer.totalCount);
  });

  it('answers after a failed load from the events it held before, and the load reports the failure', async () => {
    let fail = false;
    let slow: () => Promise<unknown> = async () => undefined;
    const board = new BoardDataService({
      loadStoredChunks: async () => {
        await slow();
        if (fail) throw new Error('store unreadable');
        return buildDemoChunks(NOW, 500);
      },
      buildDemoChunks: () => [],
      now: () => NOW,
    });
    await board.load();
    fail = true;
    slow = afterTurns;
    const failing = board.load();
    const answer = board.boardQuery({ requestId: 1, params: { time: NOW }, filters: {} });
    await expect(failing).rejects.toThrow('store unreadable');
    expect((await answer).cancelled).toBe(false);
    expect((await answer).figures.events).toBeGreaterThan(0);
  });

  describe('preload', () => {
    /** A store whose chunks and version the test sets, counting its reads. */
    function versionedStore(version: number | null, count: number) {
      const state = { version, chunks: buildDemoChunks(NOW, count), reads: 0 };
      const board = new BoardDataService({
        loadStoredChunks: async () => {
          state.reads++;
          return state.chunks;
        },
        storeVersion: async () => state.version,
        buildDemoChunks: () => [],
        now: () => NOW,
      });
      return { state, board };
    }

    it('keeps the preloaded events when the store has not changed since, without reading it again', async () => {
      const { state, board } = versionedStore(4, 500);
      board.preload();
      const early = await board.load();
      expect(early.count).toBe(500);
      expect(state.reads).toBe(1);
      // Later loads read the store again, as before.
      state.chunks = buildDemoChunks(NOW, 700);
      expect((await board.load()).count).toBe(700);
      expect(state.reads).toBe(2);
    });

    it('loads again when the store moved on since the preload read it, and answers from the new events', async () => {
      const { state, board } = versionedStore(4, 500);
      board.preload();
      await afterTurns();
      state.version = 5;
      state.chunks = buildDemoChunks(NOW, 900);
      const loading = board.load();
      const answer = board.boardQuery({ requestId: 1, params: { time: NOW }, filters: {} });
      expect((await loading).count).toBe(900);
      expect(state.reads).toBe(2);
      expect((await answer).hotspotLayer.totalCount).toBe((await board.boardQuery({ requestId: 2, params: { time: NOW }, filters: {} })).hotspotLayer.totalCount);
    });

    it('loads again when the version cannot be told, or the preload failed', async () => {
      const unknown = versionedStore(null, 500);
      unknown.board.preload();
      await unknown.board.load();
      expect(unknown.state.reads).toBe(2);
      let fail = true;
      const board = new BoardDataService({
        loadStoredChunks: async () => {
          if (fail) throw new Error('store busy');
          return buildDemoChunks(NOW, 300);
        },
        storeVersion: async () => 1,
        buildDemoChunks: () => [],
        now: () => NOW,
      });
      board.preload();
      await afterTurns();
      fail = false;
      expect((await board.load()).count).toBe(300);
    });
  });

  it('evaluates old data at its end rather than at a now with nothing in the window', async () => {
    const board = new BoardDataService({
      loadStoredChunks: async () => buildDemoChunks(NOW - 90 * 86_400_000, 500),
      buildDemoChunks: () => [],
      now: () => NOW,
    });
    await board.load();
    expect(board.defaultEvaluationTime()).toBeLessThanOrEqual(NOW - 89 * 86_400_000);
  });
});

describe('BoardDataService.boardQuery', () => {
  it('fills every field, and no reply shares a buffer the worker keeps (transfer detaches it)', async () => {
    const board = service(buildDemoChunks(NOW, 4_000));
    const loaded = await board.load();
    expect(loaded.count).toBe(4_000);
    expect(loaded.bounds).not.toBeNull();
    const ask = (requestId: number) =>
      board.boardQuery({ requestId, params: { time: null }, filters: {}, viewport: { west: 113, south: 21.9, east: 114.6, north: 23, zoom: 9 } });
    const first = await ask(1);
    expect(first.links.pending).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (let round = 2; round <= 3; round++) {
      const answer = await ask(round);
      expect(answer.cancelled).toBe(false);
      expect(answer.links.pending).toBe(false);
      expect(answer.links.totals).not.toBeNull();
      expect(answer.hotspotLayer.count).toBeGreaterThan(0);
      expect(answer.hotspotLayer.outlineStart.length).toBe(answer.hotspotLayer.count + 1);
      expect(answer.hotspotLayer.centre.length).toBe(2 * answer.hotspotLayer.count);
      expect(answer.hotspots.length).toBeGreaterThan(0);
      expect(answer.sites.ids.length).toBe(answer.sites.scores.length);
      expect(answer.events.inView).toBeGreaterThan(0);
      expect(answer.histogram.counts.reduce((a, b) => a + b, 0)).toBe(4_000);
      expect(answer.facets.sources.length).toBe(loaded.sources.length);
      expect(answer.figures.events).toBe(answer.hotspotLayer.totalCount);
      // Move every buffer away as a worker reply does; the next answer must be whole.
      structuredClone(answer, { transfer: collectTransferables(answer) });
      expect(answer.hotspotLayer.scores.length).toBe(0);
    }
    const details = await board.details({
      requestId: 1,
      selection: { kind: 'hotspot', cell: (await ask(4)).hotspots[0].cell },
      params: { time: null },
      filters: {},
      sort: { key: 'weight', descending: true },
      page: 0,
      pageSize: 10,
    });
    expect(details.found).toBe(true);
    expect(details.events.length).toBeGreaterThan(0);
    const step = await board.step({ requestId: 5, params: { time: NOW - 3_600_000 }, filters: {} });
    expect(step.hotspotLayer.count).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { BoardDataService } from './BoardDataService.ts';
import { buildDemoChunks } from './buildDemoChunks.ts';
import type { LiveChunk } from './eventSnapshot.ts';

const NOW = Date.UTC(2026, 10, 20, 4);

function service(stored: LiveChunk[]): BoardDataService {
  return new BoardDataService({ loadStoredChunks: async () => stored, buildDemoChunks: (now) => buildDemoChunks(now, 3_000), now: () => NOW });
}

describe('BoardDataService', () => {
  it('shows demo data only while the store is empty', async () => {
    const empty = await service([]).load();
    expect(empty.demo).toBe(true);
    expect(empty.snapshot?.count).toBe(3_000);
    const stored = await service(buildDemoChunks(NOW, 500)).load();
    expect(stored.demo).toBe(false);
    expect(stored.snapshot?.count).toBe(500);
  });

  it('lets a newer query cancel one still waiting, and answers the newest', async () => {
    const board = service([]);
    await board.load();
    const params = { time: NOW };
    const [older, newer] = await Promise.all([
      board.query({ requestId: 1, params, filters: {} }),
      board.query({ requestId: 2, params, filters: { categories: ['tobacco'] } }),
    ]);
    expect(older.cancelled).toBe(true);
    expect(newer.cancelled).toBe(false);
    expect(newer.hotspots.length).toBeGreaterThan(0);
    expect(newer.hotspots.every((hotspot) => Object.keys(hotspot.byCategory).every((key) => key === 'tobacco'))).toBe(true);
    expect(newer.hotspotScores.length).toBe(newer.hotspotCells.length);
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

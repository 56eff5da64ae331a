import { describe, expect, it } from 'vitest';
import type { FeedRecord } from '../domain/FeedRecord.ts';
import { EventChunkBuilder } from '../events/EventChunkBuilder.ts';
import { buildEventSnapshot, utc8DayStart } from './eventSnapshot.ts';

function record(id: string, time: number, lon = 114.1, lat = 22.5): FeedRecord {
  return {
    source: 'HKCED', id, time, lon, lat, category: 'tobacco', kind: 'seizure', severity: 3, grading: null,
    valueCny: null, mode: null, site: null, channel: null, links: [], description: '', updated: time,
  };
}

describe('buildEventSnapshot', () => {
  it('counts live rows per UTC+8 day and skips masked rows', () => {
    const builder = new EventChunkBuilder(8);
    // 2026-11-21 23:30 and 2026-11-22 00:30 in UTC+8 fall on different days.
    builder.append(record('a', Date.UTC(2026, 10, 21, 15, 30), 113.5, 22.2));
    builder.append(record('b', Date.UTC(2026, 10, 21, 16, 30)));
    builder.append(record('c', Date.UTC(2026, 10, 23, 4, 0)));
    const chunk = builder.build();
    const snapshot = buildEventSnapshot([{ chunk, mask: new Uint8Array([0, 0, 1]) }]);
    expect(snapshot.count).toBe(2);
    expect(Array.from(snapshot.dailyCounts)).toEqual([1, 1]);
    expect(snapshot.firstDay).toBe(utc8DayStart(Date.UTC(2026, 10, 21, 15, 30)));
    expect(snapshot.positions[0]).toBeCloseTo(113.5, 4);
    expect(snapshot.positions[1]).toBeCloseTo(22.2, 4);
  });

  it('is empty for no chunks', () => {
    expect(buildEventSnapshot([]).count).toBe(0);
  });

  it('finds UTC+8 midnight', () => {
    expect(new Date(utc8DayStart(Date.UTC(2026, 10, 21, 16, 30))).toISOString()).toBe('2026-11-21T16:00:00.000Z');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventChunkColumns } from './EventChunk.ts';
import { restoreColumns, storeColumns, type StoredColumns } from './StoredColumns.ts';

const SIZES = { sources: 3, sites: 300, channels: 2 };

function columnsOf(rows: { time: number; updated: number; cellHigh: number; source: number; site: number; channel: number; handling?: number }[]): EventChunkColumns {
  const n = rows.length;
  const pick = <T extends Float64Array | Uint8Array | Uint16Array | Uint32Array>(make: new (n: number) => T, key: keyof (typeof rows)[number]) => {
    const column = new make(n);
    rows.forEach((row, i) => (column[i] = row[key] ?? 0));
    return column;
  };
  return {
    time: pick(Float64Array, 'time'),
    updated: pick(Float64Array, 'updated'),
    lon: Float64Array.from(rows, (_, i) => 113 + i / 1000),
    lat: Float64Array.from(rows, (_, i) => 22 + i / 1000),
    category: Uint8Array.from(rows, (_, i) => i % 11),
    kind: Uint8Array.from(rows, (_, i) => i % 5),
    severity: Uint8Array.from(rows, (_, i) => 1 + (i % 5)),
    grading: new Uint8Array(n),
    mode: new Uint8Array(n),
    valueCny: Float64Array.from(rows, (_, i) => (i % 3 ? i * 10 : Number.NaN)),
    source: pick(Uint16Array, 'source'),
    site: pick(Uint16Array, 'site'),
    channel: pick(Uint16Array, 'channel'),
    cellHigh: pick(Uint32Array, 'cellHigh'),
    cellLow: Uint32Array.from(rows, (_, i) => i * 7919),
    handling: Uint8Array.from(rows, (r) => r.handling ?? 0),
  };
}

const time = fc.oneof(fc.integer({ min: 1.7e12, max: 1.8e12 }), fc.constantFrom(0, -0, Number.NaN));
const row = fc.record({
  time,
  updated: time,
  sameVersion: fc.boolean(),
  cellHigh: fc.oneof(fc.constantFrom(0x0893e000, 0x0893e4ff), fc.nat({ max: 0xffffffff })),
  source: fc.nat({ max: SIZES.sources - 1 }),
  site: fc.nat({ max: SIZES.sites }),
  channel: fc.nat({ max: SIZES.channels }),
  handling: fc.oneof(fc.constant(0), fc.nat({ max: 6 })),
});

describe('StoredColumns', () => {
  it('restores every column exactly, NaN and -0 included', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 400 }), (drawn) => {
        const rows = drawn.map((r) => ({ ...r, updated: r.sameVersion ? r.time : r.updated }));
        const columns = columnsOf(rows);
        const stored = structuredClone(storeColumns(columns, SIZES));
        expect(restoreColumns(stored, rows.length, SIZES)).toEqual(columns);
      }),
    );
  });

  it('stores versions only where they differ from the time, narrow codes and a cell dictionary', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      time: 1.75e12 + i,
      updated: i === 17 ? 1.76e12 : 1.75e12 + i,
      cellHigh: 0x0893e000 + (i % 20),
      source: i % 3,
      site: i % 301,
      channel: i % 3,
    }));
    const stored = storeColumns(columnsOf(rows), SIZES);
    expect(ArrayBuffer.isView(stored.updated)).toBe(false);
    if (!ArrayBuffer.isView(stored.updated)) {
      expect(Array.from(stored.updated.rows)).toEqual([17]);
      expect(Array.from(stored.updated.values)).toEqual([1.76e12]);
    }
    expect(stored.source).toBeInstanceOf(Uint8Array);
    expect(stored.site).toBeInstanceOf(Uint16Array);
    expect(ArrayBuffer.isView(stored.cellHigh)).toBe(false);
    // Versions on most rows and cells of many base cells are stored whole.
    const versioned = storeColumns(columnsOf(rows.map((r, i) => ({ ...r, updated: r.time + 1, cellHigh: i * 997 }))), SIZES);
    expect(versioned.updated).toBeInstanceOf(Float64Array);
    expect(versioned.cellHigh).toBeInstanceOf(Uint32Array);
  });

  it('refuses codes beyond their dictionaries, version rows out of order and short columns', () => {
    const rows = Array.from({ length: 4 }, (_, i) => ({ time: i, updated: i === 1 || i === 2 ? 9 : i, cellHigh: 5, source: 0, site: 0, channel: 0 }));
    const stored = storeColumns(columnsOf(rows), SIZES);
    const broken = (patch: Partial<StoredColumns>) => () => restoreColumns({ ...stored, ...patch }, 4, SIZES);
    expect(broken({ source: Uint8Array.of(0, 3, 0, 0) })).toThrow(/Corrupt source codes/);
    expect(broken({ channel: Uint8Array.of(0, 0, 0, 3) })).toThrow(/Corrupt channel codes/);
    expect(broken({ cellHigh: { values: Uint32Array.of(5), codes: Uint8Array.of(0, 1, 0, 0) } })).toThrow(/Corrupt cell codes/);
    expect(broken({ updated: { rows: Uint8Array.of(2, 1), values: Float64Array.of(9, 9) } })).toThrow(/Corrupt versions/);
    expect(broken({ updated: { rows: Uint8Array.of(4), values: Float64Array.of(9) } })).toThrow(/Corrupt versions/);
    expect(broken({ lon: new Float64Array(3) })).toThrow(/column lon does not have 4 rows/);
    expect(broken({ handling: Uint8Array.of(0, 7, 0, 0) })).toThrow(/Corrupt handling codes/);
    expect(broken({ handling: Uint8Array.of(1, 2, 3) })).toThrow(/column handling does not have 4 rows/);
  });

  it('stores no handling column when no row has a code, and restores it as zeros', () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ time: i, updated: i, cellHigh: 5, source: 0, site: 0, channel: 0 }));
    const stored = storeColumns(columnsOf(rows), SIZES);
    expect(stored.handling).toBeNull();
    expect(restoreColumns(stored, 5, SIZES).handling).toEqual(new Uint8Array(5));
    const coded = storeColumns(columnsOf(rows.map((r, i) => ({ ...r, handling: i === 3 ? 4 : 0 }))), SIZES);
    expect(Array.from(coded.handling ?? [])).toEqual([0, 0, 0, 4, 0]);
  });
});

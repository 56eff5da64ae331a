import { describe, expect, it } from 'vitest';
import type { FeedRecord } from '../domain/FeedRecord.ts';
import { EventChunkBuilder } from './EventChunkBuilder.ts';
import {
  packStrings,
  restoreEventChunk,
  storeAsFormat3,
  storeAsFormat4,
  toStoredEventChunk,
  unpackStrings,
  type StoredEventChunkV1,
  type StoredEventChunkV2,
} from './StoredEventChunk.ts';
import type { RecordHandling } from '../domain/handlingCodes.ts';
import fc from 'fast-check';

function record(id: string, description: string, links: string[], updated = Date.UTC(2026, 10, 1)): FeedRecord {
  return {
    source: 'MOCS', id, time: Date.UTC(2026, 10, 1), lon: 113.55, lat: 22.2, category: 'currency', kind: 'clue', severity: 2,
    grading: 'B2', valueCny: 10, mode: 'land', site: null, channel: null, links, description, updated,
  };
}

function sampleChunk() {
  const builder = new EventChunkBuilder(4);
  builder.append(record('M-1', '關閘 cash, "declared"', ['HKCED:H-9']));
  builder.append(record('M-2', '', [], Date.UTC(2026, 10, 2)));
  builder.append(record('M-3', 'plain ASCII', ['MOCS:1', 'GACC-GD:2']));
  return builder.build();
}

describe('stored chunk format', () => {
  it('packs and unpacks any strings the format 2 way', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'grapheme' })), (values) => {
      expect(unpackStrings(packStrings(values))).toEqual(values);
    }));
    expect(() => unpackStrings({ text: 'abc', lengths: new Uint32Array([1]) })).toThrow(/Corrupt/);
  });

  it('writes format 5 and restores formats 5, 4, 3, 2 and 1 to the same in-memory chunk', () => {
    const chunk = sampleChunk();
    const stored = toStoredEventChunk(chunk);
    expect(stored.formatVersion).toBe(5);
    expect(restoreEventChunk(structuredClone(stored))).toEqual(chunk);
    expect(restoreEventChunk(structuredClone(storeAsFormat4(chunk)))).toEqual(chunk);
    expect(restoreEventChunk(structuredClone(storeAsFormat3(chunk)))).toEqual(chunk);
    const { ids, links, descriptions } = chunk.strings;
    const { handling: _handling, ...columnsV1 } = chunk.columns;
    const v2: StoredEventChunkV2 = {
      formatVersion: 2,
      columns: columnsV1,
      strings: { ...chunk.strings, ids: packStrings(ids), links: packStrings(links), descriptions: packStrings(descriptions) },
      meta: chunk.meta,
    };
    expect(restoreEventChunk(structuredClone(v2))).toEqual(chunk);
    expect(restoreEventChunk(chunk)).toBe(chunk);
    const v1: StoredEventChunkV1 = { ...chunk, formatVersion: 1, columns: columnsV1 };
    expect(restoreEventChunk(structuredClone(v1))).toEqual(chunk);
    expect(() => restoreEventChunk({ formatVersion: 99 } as never)).toThrow(/Unknown stored chunk format 99/);
  });

  it('keeps handling codes in format 5; formats 1–4, which predate them, restore as "no handling code"', () => {
    const codes: (RecordHandling | undefined)[] = [undefined, 'H1', 'H3', 'H5', 'unrecognised'];
    const builder = new EventChunkBuilder(codes.length);
    codes.forEach((handling, row) => builder.append({ ...record(`M-${row}`, 'd', []), ...(handling ? { handling } : {}) }));
    const chunk = builder.build();
    expect(Array.from(chunk.columns.handling)).toEqual([0, 1, 3, 5, 6]);
    expect(restoreEventChunk(structuredClone(toStoredEventChunk(chunk)))).toEqual(chunk);

    // Migration: each earlier format restores every row with code 0 and everything else unchanged.
    const uncoded = { ...chunk, columns: { ...chunk.columns, handling: new Uint8Array(codes.length) } };
    const { handling: _handling, ...columnsV1 } = chunk.columns;
    const { ids, links, descriptions } = chunk.strings;
    const earlier = [
      { ...chunk, formatVersion: 1, columns: columnsV1 } satisfies StoredEventChunkV1,
      {
        formatVersion: 2,
        columns: columnsV1,
        strings: { ...chunk.strings, ids: packStrings(ids), links: packStrings(links), descriptions: packStrings(descriptions) },
        meta: chunk.meta,
      } satisfies StoredEventChunkV2,
      storeAsFormat3(chunk),
      storeAsFormat4(chunk),
    ];
    for (const stored of earlier) {
      expect('handling' in stored.columns).toBe(false);
      expect(restoreEventChunk(structuredClone(stored))).toEqual(uncoded);
    }
    // A code no version writes is refused.
    const stored = toStoredEventChunk(chunk);
    expect(() => restoreEventChunk({ ...stored, columns: { ...stored.columns, handling: Uint8Array.of(0, 1, 9, 5, 6) } })).toThrow(/Corrupt handling/);
  });

  it('stores a demo-like chunk in a third fewer bytes than format 3', () => {
    const builder = new EventChunkBuilder(2000);
    for (let row = 0; row < 2000; row++) {
      builder.append({ ...record(`MOCS-2025-${String(row).padStart(6, '0')}`, `伪报为铝锭的镓锭${row % 50}千克`, []), time: Date.UTC(2026, 0, 1) + row * 1000, updated: Date.UTC(2026, 0, 1) + row * 1000 });
    }
    const chunk = builder.build();
    const bytes = (value: unknown): number => {
      if (ArrayBuffer.isView(value)) return value.byteLength;
      if (typeof value === 'string') return value.length * (Array.from(value).some((char) => char.charCodeAt(0) > 0xff) ? 2 : 1);
      if (typeof value === 'object' && value !== null) return Object.values(value).reduce((sum: number, child) => sum + bytes(child), 0);
      return 8;
    };
    const v4 = bytes(toStoredEventChunk(chunk));
    const v3 = bytes(storeAsFormat3(chunk));
    expect(v4 / v3).toBeLessThan(0.67);
    expect(restoreEventChunk(structuredClone(toStoredEventChunk(chunk)))).toEqual(chunk);
  });

  it('checks a format-4 chunk at restore and unpacks its text only when read', () => {
    const chunk = sampleChunk();
    const stored = toStoredEventChunk(chunk);
    const restored = restoreEventChunk(structuredClone(stored));
    expect(Object.getOwnPropertyDescriptor(restored.strings, 'ids')?.get).toBeTypeOf('function');
    expect(restored.strings.ids).toEqual(['M-1', 'M-2', 'M-3']);
    expect(restored.strings.descriptions).toEqual(['關閘 cash, "declared"', '', 'plain ASCII']);
    expect(structuredClone(restored)).toEqual(chunk);

    // Parts that do not add up, or a row count other than the chunk's, fail the restore itself.
    const shortLinks = { encoding: 'utf8', text: { utf8: new Uint8Array(0), lengths: Uint8Array.of(0) } } as const;
    expect(() => restoreEventChunk({ ...stored, strings: { ...stored.strings, links: shortLinks } })).toThrow(/row count/);
    expect(() => restoreEventChunk({ ...stored, columns: { ...stored.columns, lat: new Float64Array(2) } })).toThrow(/column lat/);
    expect(() => restoreEventChunk({ ...stored, strings: { ...stored.strings, sources: [] } })).toThrow(/source codes/);
    // Bytes that are not UTF-8 are found when the column is read.
    const ids = stored.strings.ids;
    if (ids.encoding !== 'utf8') throw new Error('ids should be stored as UTF-8');
    const badBytes = { ...ids, text: { ...ids.text, utf8: Uint8Array.of(0x4d, 0x2d, 0x31, 0x4d, 0x2d, 0x32, 0x4d, 0x2d, 0xff) } };
    const lazilyBad = restoreEventChunk({ ...stored, strings: { ...stored.strings, ids: badBytes } });
    expect(() => lazilyBad.strings.ids).toThrow(/not UTF-8/);
  });
});

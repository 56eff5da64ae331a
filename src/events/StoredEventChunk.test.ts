import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeedRecord } from '../domain/FeedRecord.ts';
import { EventChunkBuilder } from './EventChunkBuilder.ts';
import { packStrings, restoreEventChunk, toStoredEventChunk, unpackStrings } from './StoredEventChunk.ts';

function record(id: string, description: string, links: string[]): FeedRecord {
  return {
    source: 'MOCS', id, time: Date.UTC(2026, 10, 1), lon: 113.55, lat: 22.2, category: 'currency', kind: 'clue', severity: 2,
    grading: 'B2', valueCny: 10, mode: 'land', site: null, channel: null, links, description, updated: Date.UTC(2026, 10, 1),
  };
}

describe('stored chunk format', () => {
  it('packs and unpacks any strings, including empty ones and astral characters', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'grapheme' })), (values) => {
      expect(unpackStrings(packStrings(values))).toEqual(values);
    }));
  });

  it('restores format 2 to the in-memory chunk and passes format 1 through', () => {
    const builder = new EventChunkBuilder(4);
    builder.append(record('M-1', '關閘 cash, "declared"', ['HKCED:H-9']));
    builder.append(record('M-2', '', []));
    const chunk = builder.build();
    const stored = toStoredEventChunk(chunk);
    expect(stored.formatVersion).toBe(2);
    expect(restoreEventChunk(stored)).toEqual(chunk);
    expect(restoreEventChunk(chunk)).toBe(chunk);
  });

  it('refuses corrupt or unknown data', () => {
    expect(() => unpackStrings({ text: 'abc', lengths: new Uint32Array([1]) })).toThrow(/Corrupt/);
    expect(() => restoreEventChunk({ formatVersion: 99 } as never)).toThrow(/Unknown stored chunk format 99/);
  });
});

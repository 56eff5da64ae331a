import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeedRecord } from '../domain/FeedRecord.ts';
import { EventChunkBuilder } from './EventChunkBuilder.ts';
import {
  packStrings,
  packText,
  restoreEventChunk,
  toStoredEventChunk,
  unpackStrings,
  unpackText,
  type PackedText,
  type StoredEventChunkV2,
} from './StoredEventChunk.ts';

function record(id: string, description: string, links: string[]): FeedRecord {
  return {
    source: 'MOCS', id, time: Date.UTC(2026, 10, 1), lon: 113.55, lat: 22.2, category: 'currency', kind: 'clue', severity: 2,
    grading: 'B2', valueCny: 10, mode: 'land', site: null, channel: null, links, description, updated: Date.UTC(2026, 10, 1),
  };
}

/** A format-3 packing that splits row by row (what packText may do), to test unpackText's general path. */
function splitByRow(values: readonly string[]): PackedText {
  const isAscii = (value: string) => !/[\u0080-\uffff]/.test(value);
  const wideRows = Uint8Array.from(values, (value) => (isAscii(value) ? 0 : 1));
  return {
    ascii: new TextEncoder().encode(values.filter(isAscii).join('')),
    wide: values.filter((value) => !isAscii(value)).join(''),
    lengths: Uint32Array.from(values, (value) => value.length),
    wideRows,
  };
}

function sampleChunk() {
  const builder = new EventChunkBuilder(4);
  builder.append(record('M-1', '關閘 cash, "declared"', ['HKCED:H-9']));
  builder.append(record('M-2', '', []));
  builder.append(record('M-3', 'plain ASCII', ['MOCS:1', 'GACC-GD:2']));
  return builder.build();
}

describe('stored chunk format', () => {
  it('packs and unpacks any strings (format 3), including empty ones and astral characters', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme-ascii' }))), (values) => {
        expect(unpackText(packText(values))).toEqual(values);
        expect(unpackText(splitByRow(values))).toEqual(values);
      }),
    );
  });

  it('stores an all-ASCII column as one byte per character, lengths in the narrowest array', () => {
    const ascii = packText(['HKCED-2025-000001', 'MOCS-1', '']);
    expect(ascii.ascii).toBeInstanceOf(Uint8Array);
    expect(ascii.ascii.length).toBe(23);
    expect(ascii.wide).toBe('');
    expect(ascii.wideRows).toBeNull();
    expect(ascii.lengths).toBeInstanceOf(Uint8Array);
    expect(packText(['x'.repeat(300)]).lengths).toBeInstanceOf(Uint16Array);
    expect(packText(['x'.repeat(70_000)]).lengths).toBeInstanceOf(Uint32Array);
    const mixed = packText(['abc', '關閘']);
    expect(unpackText(mixed)).toEqual(['abc', '關閘']);
  });

  it('packs and unpacks any strings the format 2 way', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'grapheme' })), (values) => {
      expect(unpackStrings(packStrings(values))).toEqual(values);
    }));
  });

  it('writes format 3 and restores formats 3, 2 and 1 to the same in-memory chunk', () => {
    const chunk = sampleChunk();
    const stored = toStoredEventChunk(chunk);
    expect(stored.formatVersion).toBe(3);
    expect(restoreEventChunk(structuredClone(stored))).toEqual(chunk);
    const { ids, links, descriptions } = chunk.strings;
    const v2: StoredEventChunkV2 = {
      ...stored,
      formatVersion: 2,
      strings: { ...stored.strings, ids: packStrings(ids), links: packStrings(links), descriptions: packStrings(descriptions) },
    };
    expect(restoreEventChunk(structuredClone(v2))).toEqual(chunk);
    expect(restoreEventChunk(chunk)).toBe(chunk);
  });

  it('refuses corrupt or unknown data', () => {
    expect(() => unpackStrings({ text: 'abc', lengths: new Uint32Array([1]) })).toThrow(/Corrupt/);
    const good = splitByRow(['ab', '關', 'c']);
    expect(unpackText(good)).toEqual(['ab', '關', 'c']);
    expect(() => unpackText({ ...good, lengths: Uint8Array.of(2, 1) })).toThrow(/row flags/);
    expect(() => unpackText({ ...good, lengths: Uint8Array.of(1, 1, 1) })).toThrow(/lengths do not match/);
    expect(() => unpackText({ ...good, wide: '關閘' })).toThrow(/lengths do not match/);
    expect(() => unpackText({ ...good, ascii: Uint8Array.of(0x61, 0xc3, 0xa9) })).toThrow(/Corrupt|encoded/);
    expect(() => unpackText({ ...good, ascii: Uint8Array.of(0x61, 0xff, 0x63) })).toThrow();
    expect(() => restoreEventChunk({ formatVersion: 99 } as never)).toThrow(/Unknown stored chunk format 99/);
  });

  it('checks a format-3 chunk at restore and unpacks its text only when read', () => {
    const builder = new EventChunkBuilder();
    builder.append(record('A1', 'plain', []));
    builder.append(record('A2', '關閘 cash', ['HKCED:9']));
    const chunk = builder.build();
    const stored = toStoredEventChunk(chunk);
    const restored = restoreEventChunk(structuredClone(stored));
    expect(Object.getOwnPropertyDescriptor(restored.strings, 'ids')?.get).toBeTypeOf('function');
    expect(restored.strings.ids).toEqual(['A1', 'A2']);
    expect(restored.strings.descriptions).toEqual(['plain', '關閘 cash']);
    expect(structuredClone(restored)).toEqual(chunk);

    // Lengths that do not add up, or a row count other than the chunk's, fail the restore itself.
    const shortIds = { ...stored.strings.ids, lengths: Uint8Array.of(2, 1) };
    expect(() => restoreEventChunk({ ...stored, strings: { ...stored.strings, ids: shortIds } })).toThrow(/lengths do not match/);
    const oneRow = { ...stored.strings.links, lengths: Uint8Array.of(0) };
    expect(() => restoreEventChunk({ ...stored, strings: { ...stored.strings, links: oneRow } })).toThrow(/row count/);
    // Bytes that are not ASCII are found when the column is read.
    const badBytes = { ...stored.strings.ids, ascii: Uint8Array.of(0x41, 0x31, 0x41, 0xff) };
    const lazilyBad = restoreEventChunk({ ...stored, strings: { ...stored.strings, ids: badBytes } });
    expect(() => lazilyBad.strings.ids).toThrow();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restoreEventChunk, toStoredEventChunk } from '../events/StoredEventChunk.ts';
import { BundleRefusalError } from './BundleRefusal.ts';
import { chunkOf, feedRecordArbitrary, makeBundleRecord } from './bundleTestSupport.ts';
import { chunkRecords } from './chunkRecords.ts';
import { CHUNK_ENTRY, decodeChunkEntry, encodeChunkEntry } from './chunkEntry.ts';
import { pickChunkRows } from './pickChunkRows.ts';

function codeOf(action: () => unknown): string {
  try {
    action();
    return 'none';
  } catch (error) {
    if (error instanceof BundleRefusalError) return error.code;
    throw error;
  }
}

/** A chunk entry with its JSON header replaced by `header` (the body kept). */
function withHeader(entry: Uint8Array, header: string): Uint8Array {
  const view = new DataView(entry.buffer, entry.byteOffset, entry.byteLength);
  const oldLength = view.getUint32(8, true);
  const body = entry.subarray(Math.ceil((CHUNK_ENTRY.headBytes + oldLength) / 8) * 8);
  const headerBytes = new TextEncoder().encode(header);
  const bodyStart = Math.ceil((CHUNK_ENTRY.headBytes + headerBytes.length) / 8) * 8;
  const out = new Uint8Array(bodyStart + body.length);
  out.set(entry.subarray(0, CHUNK_ENTRY.headBytes));
  new DataView(out.buffer).setUint32(8, headerBytes.length, true);
  out.set(headerBytes, CHUNK_ENTRY.headBytes);
  out.set(body, bodyStart);
  return out;
}

function headerOf(entry: Uint8Array): string {
  const length = new DataView(entry.buffer, entry.byteOffset, entry.byteLength).getUint32(8, true);
  return new TextDecoder().decode(entry.subarray(CHUNK_ENTRY.headBytes, CHUNK_ENTRY.headBytes + length));
}

/** Strings the header carries for its own structure (type names, encodings), which an id may equal by chance. */
const STRUCTURAL_STRINGS = new Set(['Float64Array', 'Uint8Array', 'Uint16Array', 'Uint32Array', 'Int32Array', 'utf8', 'split', 'dictionary']);

/** Every string value (not key) anywhere in a parsed JSON value. */
function stringValuesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringValuesOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringValuesOf);
  return [];
}

describe('chunk entries', () => {
  it('carry any stored chunk exactly: every layout of every column, per-row JSON nowhere', () => {
    fc.assert(
      fc.property(fc.array(feedRecordArbitrary, { minLength: 1, maxLength: 60 }), (records) => {
        const chunk = chunkOf(records);
        const stored = toStoredEventChunk(chunk);
        const entry = encodeChunkEntry(stored);
        const decoded = decodeChunkEntry(entry);
        expect(decoded).toEqual(stored);
        const restored = restoreEventChunk(decoded);
        expect(chunkRecords(restored)).toEqual(records);
        // The header names no record: ids, links and descriptions travel as bytes in the body.
        const headerStrings = stringValuesOf(JSON.parse(headerOf(entry)));
        const sources = new Set(stored.strings.sources);
        for (const record of records) if (!sources.has(record.id) && !STRUCTURAL_STRINGS.has(record.id)) expect(headerStrings).not.toContain(record.id);
      }),
      { numRuns: 300 },
    );
    // A lone surrogate (which a JSON feed can give) sends a column to the split layout.
    const records = [makeBundleRecord({ id: 'A\ud800', description: 'x\udc00' }), makeBundleRecord({ id: 'B', description: 'x\udc00' })];
    const stored = toStoredEventChunk(chunkOf(records));
    expect([stored.strings.ids.encoding, stored.strings.descriptions.encoding]).toEqual(['split', 'dictionary']);
    expect(chunkRecords(restoreEventChunk(decodeChunkEntry(encodeChunkEntry(stored))))).toEqual(records);
  });

  it('keeps every array 8-aligned in the entry, little-endian', () => {
    const entry = encodeChunkEntry(toStoredEventChunk(chunkOf([makeBundleRecord(), makeBundleRecord({ id: 'R2', time: 1.8e12 })])));
    const header = JSON.parse(headerOf(entry)) as { columns: { time: { $array: string; offset: number; length: number } } };
    expect(header.columns.time).toMatchObject({ $array: 'Float64Array', length: 2 });
    const bodyStart = Math.ceil((CHUNK_ENTRY.headBytes + headerOf(entry).length) / 8) * 8;
    const at = bodyStart + header.columns.time.offset;
    expect(at % 8).toBe(0);
    expect(new DataView(entry.buffer).getFloat64(at + 8, true)).toBe(1.8e12);
  });

  it('refuses entries whose head, header or arrays are not the format’s', () => {
    const entry = encodeChunkEntry(toStoredEventChunk(chunkOf([makeBundleRecord()])));
    const header = headerOf(entry);
    const patched = (at: number, value: number) => {
      const copy = entry.slice();
      copy[at] = value;
      return copy;
    };
    expect(codeOf(() => decodeChunkEntry(patched(0, 0)))).toBe('invalid-content');
    expect(codeOf(() => decodeChunkEntry(patched(4, 2)))).toBe('unsupported-version');
    expect(codeOf(() => decodeChunkEntry(patched(5, 4)))).toBe('unsupported-version');
    expect(codeOf(() => decodeChunkEntry(patched(6, 1)))).toBe('invalid-content');
    expect(codeOf(() => decodeChunkEntry(patched(11, 0x7f)))).toBe('invalid-content');
    expect(codeOf(() => decodeChunkEntry(entry.subarray(0, 20)))).toBe('invalid-content');
    const variants = [
      header.replace('"formatVersion":5', '"formatVersion":4'),
      header.replace('"Float64Array"', '"Float32Array"'),
      header.replace('"Float64Array"', '"BigInt64Array"'),
      header.replace('"length":1', '"length":1000000'),
      header.replace('"offset":0', '"offset":3'),
      header.replace('"meta":{', '"extra":1,"meta":{'),
      header.replace('"sources":["GACC-GD"]', '"sources":[7]'),
      header.replace(/"time":\{[^}]*\}/, '"time":[1,2]'),
      header.replace(/"handling":(null|\{[^}]*\})/, '"handling":"H1"'),
      header.replace('"encoding":"utf8"', '"encoding":"utf16"'),
      header.slice(0, -1),
      `${'['.repeat(50)}${']'.repeat(50)}`,
    ];
    for (const variant of variants) {
      expect(variant).not.toBe(header);
      expect(codeOf(() => decodeChunkEntry(withHeader(entry, variant))), variant.slice(0, 80)).toBe('invalid-content');
    }
  });
});

describe('picking rows for a bundle', () => {
  it('gives exactly the picked rows’ records, with dictionaries holding only what those rows name', () => {
    fc.assert(
      fc.property(fc.array(feedRecordArbitrary, { minLength: 1, maxLength: 50 }), fc.array(fc.boolean(), { minLength: 50, maxLength: 50 }), (records, keep) => {
        const chunk = chunkOf(records);
        const rows = Uint32Array.from(records.keys()).filter((row) => keep[row]);
        const picked = pickChunkRows(chunk, rows);
        const expected = Array.from(rows, (row) => records[row]);
        expect(chunkRecords(picked)).toEqual(expected);
        expect(new Set(picked.strings.sources)).toEqual(new Set(expected.map((r) => r.source)));
        expect(new Set(picked.strings.sites)).toEqual(new Set(expected.flatMap((r) => (r.site === null ? [] : [r.site]))));
        expect(new Set(picked.strings.channels)).toEqual(new Set(expected.flatMap((r) => (r.channel === null ? [] : [r.channel]))));
        expect(picked.meta.count).toBe(rows.length);
        expect(Array.from(picked.columns.cellLow)).toEqual(Array.from(rows, (row) => chunk.columns.cellLow[row]));
      }),
      { numRuns: 300 },
    );
  });
});

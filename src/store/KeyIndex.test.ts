import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventChunkBuilder } from '../events/EventChunkBuilder.ts';
import { KeyIndex } from './KeyIndex.ts';
import type { PublishedChunk } from './PublishedChunk.ts';
import { recordContentHash } from './recordContentHash.ts';
import { recordKey } from './recordKey.ts';
import { makeRecord } from './storeTestSupport.ts';

function published(id: string, ids: string[], masked: number[] = [], source = 'GACC-GD'): PublishedChunk {
  const builder = new EventChunkBuilder(ids.length);
  const records = ids.map((recordId, i) => makeRecord({ id: recordId, source, updated: 1000 + i }));
  for (const record of records) builder.append(record, '89411c0a1a3ffff');
  const mask = new Uint8Array(ids.length);
  for (const row of masked) mask[row] = 1;
  return {
    id,
    importId: id,
    seq: 0,
    chunk: builder.build(),
    hashes: Float64Array.from(records, recordContentHash),
    mask,
    maskedRows: masked.length,
  };
}

describe('KeyIndex', () => {
  it('indexes the live rows of published chunks and skips masked ones', () => {
    const index = KeyIndex.fromChunks([published('a', ['R1', 'R2', 'R3'], [1]), published('b', ['R2']), published('c', ['R1'], [], 'HKCED')]);
    expect(index.size).toBe(4);
    expect(index.get('GACC-GD', 'R1')).toMatchObject({ chunkId: 'a', row: 0, version: 1000 });
    expect(index.get('GACC-GD', 'R2')).toMatchObject({ chunkId: 'b', row: 0 });
    expect(index.get('GACC-GD', 'R3')?.hash).toBe(recordContentHash(makeRecord({ id: 'R3', updated: 1002 })));
    expect(index.get('HKCED', 'R1')).toMatchObject({ chunkId: 'c', row: 0 });
    expect(index.find('GACC-GD', 'R4')).toBe(-1);
    expect(index.find('MOCS', 'R1')).toBe(-1);
  });

  it('grows past its initial capacity and absorbs another index', () => {
    const index = new KeyIndex(16);
    for (let i = 0; i < 5000; i++) index.set(`S${i % 3}`, `k${i}`, `c${i % 7}`, i, i, i * 2);
    expect(index.size).toBe(5000);
    for (let i = 0; i < 5000; i++) expect(index.get(`S${i % 3}`, `k${i}`)).toEqual({ chunkId: `c${i % 7}`, row: i, version: i, hash: i * 2 });
    expect(index.find('S0', 'k1')).toBe(-1);
    const overlay = new KeyIndex();
    overlay.set('S1', 'k1', 'new', 0, 10, 11);
    overlay.set('S9', 'fresh', 'new', 1, 12, 13);
    index.absorb(overlay);
    expect(index.size).toBe(5001);
    expect(index.get('S1', 'k1')).toEqual({ chunkId: 'new', row: 0, version: 10, hash: 11 });
    expect(index.get('S9', 'fresh')).toEqual({ chunkId: 'new', row: 1, version: 12, hash: 13 });
  });

  it('keeps ids of any characters and length apart, and reads them back exactly', () => {
    const index = new KeyIndex();
    const ids = ['', 'a', 'A', 'é', 'ÿ', '海关', '海关-1', '\ud800', '\udfff\ud800', '😀', 'x'.repeat(10_000), `${'x'.repeat(9_999)}海`];
    ids.forEach((id, i) => index.set('S', id, 'c', i, i, i));
    expect(index.size).toBe(ids.length);
    ids.forEach((id, i) => {
      const slot = index.find('S', id);
      expect(slot).toBeGreaterThanOrEqual(0);
      expect(index.rowAt(slot)).toBe(i);
      expect(index.idAt(slot)).toBe(id);
      expect(index.sourceAt(slot)).toBe('S');
    });
    expect(index.find('S', 'x'.repeat(9_999))).toBe(-1);
    expect(index.find('S', '海关-2')).toBe(-1);

    // Absorbed into an index that numbers its sources differently and already holds some ids.
    const other = new KeyIndex();
    other.set('T', 'a', 'old', 0, 0, 0);
    other.set('S', 'ÿ', 'old', 0, 0, 0);
    other.set('S', '海关-2', 'old', 1, 0, 0);
    other.absorb(index);
    expect(other.size).toBe(ids.length + 2);
    ids.forEach((id, i) => expect(other.get('S', id)).toEqual({ chunkId: 'c', row: i, version: i, hash: i }));
    expect(other.get('T', 'a')?.chunkId).toBe('old');
    expect(other.get('S', '海关-2')?.row).toBe(1);
  });

  it('tells apart ids whose hashes collide', () => {
    // 'R-7nzy27' and 'R-mvft6l' share their 32-bit id hash, so only comparing the ids separates them.
    const index = new KeyIndex();
    index.set('S', 'R-7nzy27', 'a', 1, 1, 1);
    expect(index.find('S', 'R-mvft6l')).toBe(-1);
    index.set('S', 'R-mvft6l', 'b', 2, 2, 2);
    expect(index.size).toBe(2);
    expect(index.get('S', 'R-7nzy27')?.chunkId).toBe('a');
    expect(index.get('S', 'R-mvft6l')?.chunkId).toBe('b');
    const copy = new KeyIndex();
    copy.set('S', 'R-mvft6l', 'c', 3, 3, 3);
    copy.absorb(index);
    expect(copy.size).toBe(2);
    expect(copy.get('S', 'R-7nzy27')?.chunkId).toBe('a');
  });

  it('answers like a Map of joined keys for any sequence of sets and lookups', () => {
    const part = fc.constantFrom('', 'a', 'b', 'ab', 'é', '海', '1:', ':1', '\ud83d');
    const key = fc.tuple(fc.string({ unit: part, maxLength: 3 }), fc.string({ unit: part, maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), key, fc.nat(1000)), { maxLength: 300 }), (steps) => {
        const index = new KeyIndex(16);
        const model = new Map<string, number>();
        for (const [isSet, [source, id], row] of steps) {
          if (isSet) {
            index.set(source, id, 'c', row, row, row);
            model.set(recordKey(source, id), row);
          } else {
            expect(index.get(source, id)?.row).toBe(model.get(recordKey(source, id)));
          }
        }
        expect(index.size).toBe(model.size);
      }),
    );
  });

  it('relocates a key only from where it really is', () => {
    const index = new KeyIndex();
    index.set('S', 'k', 'a', 5, 1, 2);
    expect(index.relocate('S', 'k', 'a', 4, 'b', 0)).toBe(false);
    expect(index.relocate('T', 'k', 'a', 5, 'b', 0)).toBe(false);
    expect(index.relocate('S', 'k', 'a', 5, 'b', 0)).toBe(true);
    expect(index.get('S', 'k')).toEqual({ chunkId: 'b', row: 0, version: 1, hash: 2 });
  });
});

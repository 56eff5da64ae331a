import { describe, expect, it } from 'vitest';
import { EventChunkBuilder } from '../events/EventChunkBuilder.ts';
import { KeyIndex } from './KeyIndex.ts';
import type { PublishedChunk } from './PublishedChunk.ts';
import { recordContentHash } from './recordContentHash.ts';
import { recordKey } from './recordKey.ts';
import { makeRecord } from './storeTestSupport.ts';

function published(id: string, ids: string[], masked: number[] = []): PublishedChunk {
  const builder = new EventChunkBuilder(ids.length);
  const records = ids.map((recordId, i) => makeRecord({ id: recordId, updated: 1000 + i }));
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
    const index = KeyIndex.fromChunks([published('a', ['R1', 'R2', 'R3'], [1]), published('b', ['R2'])]);
    expect(index.size).toBe(3);
    expect(index.get(recordKey('GACC-GD', 'R1'))).toMatchObject({ chunkId: 'a', row: 0, version: 1000 });
    expect(index.get(recordKey('GACC-GD', 'R2'))).toMatchObject({ chunkId: 'b', row: 0 });
    expect(index.get(recordKey('GACC-GD', 'R3'))?.hash).toBe(recordContentHash(makeRecord({ id: 'R3', updated: 1002 })));
    expect(index.find(recordKey('GACC-GD', 'R4'))).toBe(-1);
  });

  it('grows past its initial capacity and absorbs another index', () => {
    const index = new KeyIndex(16);
    for (let i = 0; i < 5000; i++) index.set(`k${i}`, `c${i % 7}`, i, i, i * 2);
    expect(index.size).toBe(5000);
    expect(index.get('k4999')).toEqual({ chunkId: 'c1', row: 4999, version: 4999, hash: 9998 });
    const overlay = new KeyIndex();
    overlay.set('k1', 'new', 0, 10, 11);
    overlay.set('fresh', 'new', 1, 12, 13);
    index.absorb(overlay);
    expect(index.size).toBe(5001);
    expect(index.get('k1')).toEqual({ chunkId: 'new', row: 0, version: 10, hash: 11 });
  });

  it('relocates a key only from where it really is', () => {
    const index = new KeyIndex();
    index.set('k', 'a', 5, 1, 2);
    expect(index.relocate('k', 'a', 4, 'b', 0)).toBe(false);
    expect(index.relocate('k', 'a', 5, 'b', 0)).toBe(true);
    expect(index.get('k')).toEqual({ chunkId: 'b', row: 0, version: 1, hash: 2 });
  });
});

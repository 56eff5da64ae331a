import { describe, expect, it } from 'vitest';
import { collectTransferables } from './collectTransferables.ts';

describe('collectTransferables', () => {
  it('finds every buffer once, in nested objects and arrays, through cycles', () => {
    const shared = new Float64Array(4);
    const cyclic: Record<string, unknown> = { a: shared, b: [new Uint8Array(2), { c: shared.subarray(1) }], raw: new ArrayBuffer(8) };
    cyclic.self = cyclic;
    const buffers = collectTransferables(cyclic);
    expect(buffers).toHaveLength(3);
    expect(buffers).toContain(shared.buffer);
  });

  it('skips shared memory and plain values, and survives very deep nesting', () => {
    expect(collectTransferables({ s: new Int32Array(new SharedArrayBuffer(8)), n: 1, t: 'x', u: null })).toEqual([]);
    let deep: unknown = new Uint8Array(1);
    for (let k = 0; k < 100_000; k++) deep = [deep];
    expect(collectTransferables(deep)).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import type { ResolvedCells } from './CellResolver.ts';
import { computeCells } from './computeCells.ts';
import { RemoteCellResolver, type RemoteCellCompute } from './RemoteCellResolver.ts';

const lon = Float64Array.of(113.95, 113.95, 114.17);
const lat = Float64Array.of(22.5, 22.5, 22.3);
const expected = computeCells(lon, lat);

/** A remote that detaches what it is given, as a transfer to a worker does. */
function transferringRemote(answer: (lon: Float64Array, lat: Float64Array) => unknown): { remote: RemoteCellCompute; calls: () => number } {
  let calls = 0;
  const remote: RemoteCellCompute = async (x, y) => {
    calls++;
    const result = answer(x, y);
    structuredClone(x.buffer, { transfer: [x.buffer, y.buffer] });
    return result as ResolvedCells;
  };
  return { remote, calls: () => calls };
}

describe('RemoteCellResolver', () => {
  it('returns the remote answer and keeps the caller’s positions intact', async () => {
    const { remote, calls } = transferringRemote((x, y) => computeCells(x, y));
    const resolver = new RemoteCellResolver(remote);
    expect(await resolver.resolve(lon, lat)).toEqual(expected);
    expect(calls()).toBe(1);
    expect(lon.length).toBe(3);
    expect(lat[2]).toBe(22.3);
    expect(resolver.fallbackReason).toBeNull();
  });

  it('computes in this thread, from then on, when the remote side fails', async () => {
    const { remote, calls } = transferringRemote(() => {
      throw new Error('worker died');
    });
    const resolver = new RemoteCellResolver(remote);
    expect(await resolver.resolve(lon, lat)).toEqual(expected);
    expect(await resolver.resolve(lon, lat)).toEqual(expected);
    expect(calls()).toBe(1);
    expect(String(resolver.fallbackReason)).toMatch(/worker died/);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'cells'],
    ['too few rows', { high: new Uint32Array(2), low: new Uint32Array(2) }],
    ['plain arrays', { high: [0, 0, 0], low: [0, 0, 0] }],
    ['a missing half', { high: new Uint32Array(3) }],
  ])('never uses a malformed answer (%s)', async (_name, answer) => {
    const resolver = new RemoteCellResolver(async () => answer as ResolvedCells);
    expect(await resolver.resolve(lon, lat)).toEqual(expected);
    expect(String(resolver.fallbackReason)).toMatch(/answered/);
  });
});

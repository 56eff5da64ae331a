import fc from 'fast-check';
import { h3IndexToSplitLong, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { latLngToCellHalves } from './latLngToCellHalves.ts';

const halvesOf = (lat: number, lon: number, resolution: number): [number, number] => {
  const high = new Uint32Array(1);
  const low = new Uint32Array(1);
  latLngToCellHalves(lat, lon, resolution, high, low, 0);
  return [high[0], low[0]];
};

const expected = (lat: number, lon: number, resolution: number): [number, number] => {
  const [low, high] = h3IndexToSplitLong(latLngToCell(lat, lon, resolution));
  return [high, low];
};

describe('latLngToCellHalves', () => {
  it('gives the cell h3-js gives, anywhere and at every resolution', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -90, max: 90, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.integer({ min: 0, max: 15 }),
        (lat, lon, resolution) => {
          expect(halvesOf(lat, lon, resolution)).toEqual(expected(lat, lon, resolution));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('agrees with h3-js on many Greater Bay Area positions at resolution 9', () => {
    const random = fc.sample(fc.tuple(fc.double({ min: 21.4, max: 23.9, noNaN: true }), fc.double({ min: 112.2, max: 115.2, noNaN: true })), { numRuns: 20_000, seed: 9 });
    for (const [lat, lon] of random) expect(halvesOf(lat, lon, 9)).toEqual(expected(lat, lon, 9));
  });

  it('writes the row asked for and refuses positions H3 cannot place', () => {
    const high = new Uint32Array(3);
    const low = new Uint32Array(3);
    latLngToCellHalves(22.3, 114.17, 9, high, low, 2);
    expect([high[2], low[2]]).toEqual(expected(22.3, 114.17, 9));
    expect([high[0], low[0]]).toEqual([0, 0]);
    expect(() => latLngToCellHalves(Number.NaN, 114, 9, high, low, 0)).toThrow(RangeError);
    expect(() => latLngToCellHalves(22, Number.POSITIVE_INFINITY, 9, high, low, 0)).toThrow(RangeError);
    expect(() => latLngToCellHalves(22, 114, 16, high, low, 0)).toThrow(RangeError);
  });
});

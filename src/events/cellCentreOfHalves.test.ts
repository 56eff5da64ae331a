import fc from 'fast-check';
import { cellToLatLng, h3IndexToSplitLong, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { cellCentreOfHalves } from './cellCentreOfHalves.ts';

describe('cellCentreOfHalves', () => {
  it('gives the centre h3-js gives, anywhere and at every resolution', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -90, max: 90, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.integer({ min: 0, max: 15 }),
        (lat, lon, resolution) => {
          const cell = latLngToCell(lat, lon, resolution);
          const [low, high] = h3IndexToSplitLong(cell);
          expect(cellCentreOfHalves(high, low)).toEqual(cellToLatLng(cell));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

import fc from 'fast-check';
import { h3IndexToSplitLong, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { BASE_CELL_RESOLUTION } from './baseCellResolution.ts';
import { applyCells } from './CellResolver.ts';
import { computeCells } from './computeCells.ts';
import { EventChunkBuilder } from './EventChunkBuilder.ts';
import { makeRecord } from '../store/storeTestSupport.ts';

const position = fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }));

describe('computeCells', () => {
  it('gives every position its resolution-9 cell as h3-js splits it, repeats included', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(position, fc.boolean()), { maxLength: 40 }), (points) => {
        const positions = points.flatMap(([point, repeat]) => (repeat ? [point, point] : [point]));
        const { high, low } = computeCells(Float64Array.from(positions, (p) => p[0]), Float64Array.from(positions, (p) => p[1]));
        expect(high.length).toBe(positions.length);
        positions.forEach(([lon, lat], row) => {
          const [lowHalf, highHalf] = h3IndexToSplitLong(latLngToCell(lat, lon, BASE_CELL_RESOLUTION));
          expect([high[row], low[row]]).toEqual([highHalf, lowHalf]);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('refuses positions of unequal lengths', () => {
    expect(() => computeCells(new Float64Array(2), new Float64Array(3))).toThrow(/2 longitudes but 3 latitudes/);
  });

  it('fills a deferred chunk exactly as the builder would have computed it', () => {
    const records = [
      makeRecord({ id: 'A', lon: 113.95, lat: 22.5 }),
      makeRecord({ id: 'B', lon: 113.95, lat: 22.5 }),
      makeRecord({ id: 'C', lon: 114.17, lat: 22.3 }),
    ];
    const eager = new EventChunkBuilder(3);
    const deferred = new EventChunkBuilder(3, { deferCells: true });
    for (const record of records) {
      eager.append(record);
      deferred.append(record);
    }
    const expected = eager.build();
    const chunk = deferred.build();
    expect([...chunk.columns.cellHigh]).toEqual([0, 0, 0]);
    applyCells(chunk, computeCells(chunk.columns.lon, chunk.columns.lat));
    expect(chunk).toEqual(expected);
  });

  it('refuses cells that do not fit the chunk', () => {
    const builder = new EventChunkBuilder(2, { deferCells: true });
    builder.append(makeRecord({ id: 'A' }));
    builder.append(makeRecord({ id: 'B' }));
    const chunk = builder.build();
    expect(() => applyCells(chunk, { high: new Uint32Array(1), low: new Uint32Array(2) })).toThrow(/do not fit a chunk of 2 rows/);
    expect(() => applyCells(chunk, { high: [1, 2], low: [1, 2] } as never)).toThrow(/do not fit/);
  });
});

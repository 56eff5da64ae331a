import fc from 'fast-check';
import { h3IndexToSplitLong, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import type { FeedRecord } from '../domain/FeedRecord.ts';
import { BASE_CELL_RESOLUTION, EventChunkBuilder } from './EventChunkBuilder.ts';

function record(lon: number, lat: number, links: string[] = []): FeedRecord {
  return {
    source: 'HKCED',
    id: `R${lon},${lat}`,
    time: 1_772_330_400_000,
    lon,
    lat,
    category: 'tobacco',
    kind: 'seizure',
    severity: 3,
    grading: null,
    valueCny: null,
    mode: null,
    site: null,
    channel: null,
    links,
    description: '',
    updated: 1_772_330_400_000,
  };
}

/** The cell halves as h3-js reads its own hex index. */
function expectedHalves(lat: number, lon: number): [number, number] {
  const [low, high] = h3IndexToSplitLong(latLngToCell(lat, lon, BASE_CELL_RESOLUTION));
  return [high, low];
}

describe('EventChunkBuilder cells', () => {
  it('stores the resolution-9 cell of every position as h3-js splits it, repeats included', () => {
    const position = fc.oneof(
      fc.tuple(fc.double({ min: 111.3, max: 115.5, noNaN: true }), fc.double({ min: 21.4, max: 24.45, noNaN: true })),
      fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true })),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(position, fc.boolean()), { minLength: 1, maxLength: 40 }), (points) => {
        const positions: [number, number][] = [];
        for (const [point, repeat] of points) {
          positions.push(point);
          if (repeat) positions.push(point);
        }
        const builder = new EventChunkBuilder(positions.length);
        for (const [lon, lat] of positions) builder.append(record(lon, lat));
        const { cellHigh, cellLow } = builder.build().columns;
        positions.forEach(([lon, lat], row) => expect([cellHigh[row], cellLow[row]]).toEqual(expectedHalves(lat, lon)));
      }),
      { numRuns: 200 },
    );
  });

  it('splits a given cell string as parseInt of its halves would, odd strings included', () => {
    const cells = ['89411c0a1a3ffff', '8f2830828052d25', 'ABCDEF0123456789', '', 'zz', '1234', 'g9411c0a1a3ffff', '89411c0a1a3fffg', '1'.repeat(20)];
    const builder = new EventChunkBuilder(cells.length);
    for (const cell of cells) builder.append(record(114, 22), cell);
    const { cellHigh, cellLow } = builder.build().columns;
    cells.forEach((hex, row) => {
      const split = hex.length - 8;
      expect([cellHigh[row], cellLow[row]]).toEqual(
        [Number.parseInt(hex.slice(0, split), 16), Number.parseInt(hex.slice(split), 16)].map((v) => new Uint32Array([v])[0]),
      );
    });
  });

  it('joins links with ";" and keeps a given cell from leaking into the next computed one', () => {
    const builder = new EventChunkBuilder(4);
    builder.append(record(114.1, 22.3), '89411c0a1a3ffff');
    builder.append(record(114.1, 22.3));
    builder.append(record(114.1, 22.3, ['A:1']));
    builder.append(record(114.1, 22.3, ['A:1', 'B:2']));
    const chunk = builder.build();
    expect([chunk.columns.cellHigh[1], chunk.columns.cellLow[1]]).toEqual(expectedHalves(22.3, 114.1));
    expect([chunk.columns.cellHigh[2], chunk.columns.cellLow[2]]).toEqual(expectedHalves(22.3, 114.1));
    expect(chunk.strings.links).toEqual(['', '', 'A:1', 'A:1;B:2']);
  });
});

import fc from 'fast-check';
import { cellToBoundary, cellToParent, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { packStrings, restoreEventChunk, storeAsFormat3, toStoredEventChunk } from '../events/StoredEventChunk.ts';
import { buildEventTable } from './buildEventTable.ts';
import { cellHalvesToHex } from './cellHalves.ts';
import { cellLevel, type EventTable } from './EventTable.ts';
import { chunkOf, record } from './testFixtures.ts';

const METRES_PER_DEGREE = 111_195;

/**
 * A point `offsetMetres` off the edge between boundary vertices `edge` and `edge + 1` of the cell
 * holding (lon, lat) at `resolution`, at fraction `along` of the edge (positive: outwards).
 */
function nearEdge(lon: number, lat: number, resolution: number, edge: number, along: number, offsetMetres: number): [number, number] {
  const boundary = cellToBoundary(latLngToCell(lat, lon, resolution));
  const [aLat, aLon] = boundary[edge % boundary.length];
  const [bLat, bLon] = boundary[(edge + 1) % boundary.length];
  const kx = Math.cos((lat * Math.PI) / 180);
  const px = aLon + (bLon - aLon) * along;
  const py = aLat + (bLat - aLat) * along;
  // Outward normal of the edge in a local metric frame (vertices run counter-clockwise).
  const ex = (bLon - aLon) * kx;
  const ey = bLat - aLat;
  const length = Math.hypot(ex, ey);
  const nx = ey / length;
  const ny = -ex / length;
  return [px + (nx * offsetMetres) / METRES_PER_DEGREE / kx, py + (ny * offsetMetres) / METRES_PER_DEGREE];
}

function cellsOf(table: EventTable, resolution: number): string[] {
  const level = cellLevel(table, resolution);
  const ids = Array.from(level.high, (high, i) => cellHalvesToHex(high, level.low[i]));
  return Array.from(level.index, (index) => ids[index]);
}

function expectExact(table: EventTable, points: readonly (readonly [number, number])[]): void {
  for (let r = 5; r <= 9; r++) {
    const level = cellLevel(table, r);
    const ids = Array.from(level.high, (high, i) => cellHalvesToHex(high, level.low[i]));
    expect(ids).toEqual([...ids].sort());
    // Only cells some event lies in.
    expect(new Set(level.index).size).toBe(ids.length);
    expect(cellsOf(table, r)).toEqual(points.map(([lon, lat]) => latLngToCell(lat, lon, r)));
  }
}

const bayPoint = fc.tuple(fc.double({ min: 112.9, max: 114.5, noNaN: true }), fc.double({ min: 21.9, max: 23.2, noNaN: true }));

const pointNearEdge = fc
  .record({
    centre: bayPoint,
    resolution: fc.integer({ min: 5, max: 9 }),
    edge: fc.nat(9),
    along: fc.double({ min: 0, max: 1, noNaN: true }),
    // Within metres of the edge, and often within centimetres.
    offset: fc.oneof(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -0.05, max: 0.05, noNaN: true })),
  })
  .map(({ centre, resolution, edge, along, offset }) => nearEdge(centre[0], centre[1], resolution, edge, along, offset));

describe('ExactCellLevel', () => {
  it('gives every event the cell latLngToCell gives its full-precision position, at every resolution 5..9', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(pointNearEdge, bayPoint), { minLength: 1, maxLength: 120 }), (points) => {
        const table = buildEventTable([{ chunk: chunkOf(points.map(([lon, lat]) => record({ lon, lat }))) }]);
        expectExact(table, points);
      }),
      { numRuns: 150 },
    );
  });

  it('is not the parent of the resolution-9 cell where the two differ', () => {
    // Found by searching along a resolution-7 edge: the point's resolution-9 cell has a parent
    // that does not hold the point.
    let found: [number, number] | null = null;
    for (let k = 0; k < 400 && found === null; k++) {
      const point = nearEdge(113.55, 22.2, 7, k % 6, (k * 0.37) % 1, -0.5);
      const exact = latLngToCell(point[1], point[0], 7);
      if (cellToParent(latLngToCell(point[1], point[0], 9), 7) !== exact) found = point;
    }
    expect(found).not.toBeNull();
    const table = buildEventTable([{ chunk: chunkOf([record({ lon: found![0], lat: found![1] })]) }]);
    expect(cellsOf(table, 7)).toEqual([latLngToCell(found![1], found![0], 7)]);
  });

  it('reads full-precision positions, skipping superseded rows, across chunks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(pointNearEdge, { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 4 }),
        fc.infiniteStream(fc.boolean()),
        (chunks, masked) => {
          const inputs = chunks.map((points) => {
            const mask = Uint8Array.from(points, () => (masked.next().value ? 1 : 0));
            return { chunk: chunkOf(points.map(([lon, lat]) => record({ lon, lat }))), mask, points };
          });
          const table = buildEventTable(inputs);
          const live = inputs.flatMap(({ points, mask }) => points.filter((_, row) => mask[row] === 0));
          if (live.length > 0) expectExact(table, live);
          else expect(table.count).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('restores chunks of every stored format to exact cells', () => {
    const points = Array.from({ length: 40 }, (_, k) => nearEdge(113.9, 22.45, 5 + (k % 4), k % 6, (k * 0.21) % 1, (k % 7) - 3));
    const chunk = chunkOf(points.map(([lon, lat]) => record({ lon, lat })));
    const { ids, links, descriptions } = chunk.strings;
    const stored = [
      chunk, // format 1: the in-memory layout
      { ...chunk, formatVersion: 2, strings: { ...chunk.strings, ids: packStrings(ids), links: packStrings(links), descriptions: packStrings(descriptions) } },
      storeAsFormat3(chunk),
      toStoredEventChunk(chunk),
    ];
    for (const format of stored) {
      expectExact(buildEventTable([{ chunk: restoreEventChunk(structuredClone(format) as never) }]), points);
    }
  });
});

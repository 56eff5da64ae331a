import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { perVertex, polygonMeshOfRings } from './polygonMeshOfRings.ts';

/** Random convex rings: regular polygons of 3–10 vertices at random places (Float32 exact). */
const ringsArbitrary = fc.array(
  fc.record({ n: fc.integer({ min: 3, max: 10 }), x: fc.integer({ min: -1000, max: 1000 }), y: fc.integer({ min: -1000, max: 1000 }), r: fc.integer({ min: 1, max: 50 }) }),
  { maxLength: 20 },
);

function flatten(rings: { n: number; x: number; y: number; r: number }[]): { flat: Float32Array; start: Uint32Array; lists: [number, number][][] } {
  const lists = rings.map(({ n, x, y, r }) => Array.from({ length: n }, (_, v) => [Math.fround(x + r * Math.cos((2 * Math.PI * v) / n)), Math.fround(y + r * Math.sin((2 * Math.PI * v) / n))] as [number, number]));
  const start = new Uint32Array(rings.length + 1);
  lists.forEach((ring, k) => (start[k + 1] = start[k] + ring.length));
  return { flat: Float32Array.from(lists.flat(2)), start, lists };
}

/** Twice the signed area of a triangle. */
const area2 = (a: number[], b: number[], c: number[]) => (b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1]);

describe('polygonMeshOfRings', () => {
  it('closes every ring and covers each convex polygon exactly with its fan (against plain per-ring arrays)', () => {
    fc.assert(
      fc.property(ringsArbitrary, (rings) => {
        const { flat, start, lists } = flatten(rings);
        const mesh = polygonMeshOfRings(flat, start, rings.length);
        expect(mesh.count).toBe(rings.length);
        const vertex = (i: number) => [mesh.positions[2 * i], mesh.positions[2 * i + 1]];
        let triangle = 0;
        lists.forEach((ring, k) => {
          const closed = [...ring, ring[0]];
          const drawn = Array.from({ length: mesh.startIndices[k + 1] - mesh.startIndices[k] }, (_, v) => vertex(mesh.startIndices[k] + v));
          expect(drawn).toEqual(closed);
          // The ring's own triangles, each inside its range, summing to the polygon's area.
          let sum = 0;
          for (let t = 0; t < ring.length - 2; t++, triangle++) {
            const [a, b, c] = [0, 1, 2].map((i) => mesh.indices[3 * triangle + i]);
            for (const index of [a, b, c]) expect(index >= mesh.startIndices[k] && index < mesh.startIndices[k + 1]).toBe(true);
            sum += Math.abs(area2(vertex(a), vertex(b), vertex(c)));
          }
          let shoelace = 0;
          ring.forEach((p, v) => (shoelace += area2([0, 0], p, ring[(v + 1) % ring.length])));
          expect(sum).toBeCloseTo(Math.abs(shoelace), 3);
        });
        expect(triangle * 3).toBe(mesh.indices.length);
      }),
    );
  });

  it('repeats per-polygon values over each polygon’s vertices', () => {
    const mesh = polygonMeshOfRings(new Float32Array([0, 0, 1, 0, 0, 1, 5, 5, 6, 5, 6, 6, 5, 6]), new Uint32Array([0, 3, 7]), 2);
    const colours = perVertex(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), 4, mesh.startIndices, 2, (n) => new Uint8Array(n));
    expect([...colours]).toEqual([...Array(4).fill([1, 2, 3, 4]).flat(), ...Array(5).fill([5, 6, 7, 8]).flat()]);
  });
});

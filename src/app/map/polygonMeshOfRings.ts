/** Convex polygons as deck.gl's SolidPolygonLayer takes them in binary form (`_normalize: false`). */
export interface PolygonMesh {
  count: number;
  /** Interleaved lon, lat of every ring, each closed (its first vertex repeated at its end). */
  positions: Float32Array;
  /** Polygon k's vertices are `startIndices[k] .. startIndices[k + 1]`; `count + 1` entries. */
  startIndices: Uint32Array;
  /** Triangles of the polygon tops (a fan from each ring's first vertex), as vertex indexes. */
  indices: Uint32Array;
}

/**
 * The mesh of `count` open rings (interleaved lon, lat; ring k is vertices
 * `ringStart[k] .. ringStart[k + 1]`): the rings closed, and each top triangulated as a fan, which
 * is exact for the convex outlines H3 cells have. Linear in vertices, so deck.gl neither
 * normalises nor runs earcut per cell.
 */
export function polygonMeshOfRings(rings: Float32Array, ringStart: Uint32Array, count: number): PolygonMesh {
  const vertices = ringStart[count] + count;
  let triangles = 0;
  for (let k = 0; k < count; k++) triangles += Math.max(0, ringStart[k + 1] - ringStart[k] - 2);
  const positions = new Float32Array(2 * vertices);
  const startIndices = new Uint32Array(count + 1);
  const indices = new Uint32Array(3 * triangles);
  let at = 0;
  let triangle = 0;
  for (let k = 0; k < count; k++) {
    const from = ringStart[k];
    const n = ringStart[k + 1] - from;
    startIndices[k] = at;
    positions.set(rings.subarray(2 * from, 2 * (from + n)), 2 * at);
    if (n > 0) {
      positions[2 * (at + n)] = rings[2 * from];
      positions[2 * (at + n) + 1] = rings[2 * from + 1];
    }
    for (let v = 1; v + 1 < n; v++) {
      indices[triangle++] = at;
      indices[triangle++] = at + v;
      indices[triangle++] = at + v + 1;
    }
    at += n + 1;
  }
  startIndices[count] = at;
  return { count, positions, startIndices, indices };
}

/**
 * Repeats one value per polygon across the polygon's vertices (deck.gl's binary attributes are
 * per vertex when `startIndices` is given): `values` holds `size` numbers per polygon.
 */
export function perVertex<T extends Uint8Array | Float32Array>(values: T, size: number, startIndices: Uint32Array, count: number, make: (length: number) => T): T {
  const out = make(size * startIndices[count]);
  for (let k = 0; k < count; k++) {
    for (let v = startIndices[k]; v < startIndices[k + 1]; v++) {
      for (let c = 0; c < size; c++) out[size * v + c] = values[size * k + c];
    }
  }
  return out;
}

/** Link arcs merged by their rounded end points, so a thousand links between two ports are one arc. */
export interface BundledArcs {
  count: number;
  /** Interleaved lon, lat per arc. */
  from: Float32Array;
  to: Float32Array;
  /** Links merged into each arc. */
  weight: Uint32Array;
}

/**
 * Merges arcs whose ends fall in the same grid cell of `cellDegrees` (both directions count as
 * one). Positions are the mean of the merged ends.
 */
export function bundleLinkArcs(from: Float32Array, to: Float32Array, count: number, cellDegrees = 0.01): BundledArcs {
  const slotOf = new Map<string, number>();
  const sums: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < count; i++) {
    let ax = from[2 * i];
    let ay = from[2 * i + 1];
    let bx = to[2 * i];
    let by = to[2 * i + 1];
    let keyA = `${Math.round(ax / cellDegrees)},${Math.round(ay / cellDegrees)}`;
    let keyB = `${Math.round(bx / cellDegrees)},${Math.round(by / cellDegrees)}`;
    if (keyA > keyB) {
      [ax, ay, bx, by] = [bx, by, ax, ay];
      [keyA, keyB] = [keyB, keyA];
    }
    const key = `${keyA}|${keyB}`;
    let slot = slotOf.get(key);
    if (slot === undefined) {
      slot = weights.length;
      slotOf.set(key, slot);
      weights.push(0);
      sums.push(0, 0, 0, 0);
    }
    weights[slot]++;
    sums[4 * slot] += ax;
    sums[4 * slot + 1] += ay;
    sums[4 * slot + 2] += bx;
    sums[4 * slot + 3] += by;
  }
  const n = weights.length;
  const bundledFrom = new Float32Array(2 * n);
  const bundledTo = new Float32Array(2 * n);
  for (let slot = 0; slot < n; slot++) {
    const w = weights[slot];
    bundledFrom[2 * slot] = sums[4 * slot] / w;
    bundledFrom[2 * slot + 1] = sums[4 * slot + 1] / w;
    bundledTo[2 * slot] = sums[4 * slot + 2] / w;
    bundledTo[2 * slot + 1] = sums[4 * slot + 3] / w;
  }
  return { count: n, from: bundledFrom, to: bundledTo, weight: Uint32Array.from(weights) };
}

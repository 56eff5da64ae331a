import { describe, expect, it } from 'vitest';
import type { LonLat } from '../LonLat.ts';
import { positionKey, type Ring } from './Ring.ts';
import { simplifyRing } from './simplifyRing.ts';

/** A 1×1 square with a nearly straight, wiggly south edge. */
const ring: Ring = [[0, 0], [0.25, 0.001], [0.5, -0.001], [0.75, 0.001], [1, 0], [1, 1], [0, 1], [0, 0]];

describe('simplifyRing', () => {
  it('drops vertices within the tolerance and keeps the corners', () => {
    const out = simplifyRing(ring, 0.01, 1, () => false) as Ring;
    expect(out).toHaveLength(5);
    expect(out[0]).toEqual(out[out.length - 1]);
    for (const corner of [[0, 0], [1, 0], [1, 1], [0, 1]]) expect(out).toContainEqual(corner);
  });

  it('never removes a pinned vertex', () => {
    const pins = new Set([positionKey([0.5, -0.001])]);
    const out = simplifyRing(ring, 0.01, 1, (p: LonLat) => pins.has(positionKey(p))) as Ring;
    expect(out).toContainEqual([0.5, -0.001]);
  });

  it('simplifies a shared arc identically from both rings', () => {
    // Two squares side by side, sharing a wiggly edge x≈1 from (1,0) to (1,1).
    const shared: LonLat[] = [[1, 0], [1.001, 0.3], [0.999, 0.6], [1.0005, 0.8], [1, 1]];
    const left: Ring = [[0, 0], ...shared, [0, 1], [0, 0]];
    const right: Ring = [[2, 0], [2, 1], ...[...shared].reverse(), [2, 0]];
    const pins = new Set([positionKey([1, 0]), positionKey([1, 1])]);
    const pinned = (p: LonLat): boolean => pins.has(positionKey(p));
    const a = simplifyRing(left, 0.0008, 1, pinned) as Ring;
    const b = simplifyRing(right, 0.0008, 1, pinned) as Ring;
    const onEdge = (r: Ring): string[] => [...new Set(r.filter(([x]) => x > 0.5 && x < 1.5).map(positionKey))].sort();
    expect(onEdge(a)).toEqual(onEdge(b));
  });

  it('returns null for a ring that collapses', () => {
    expect(simplifyRing([[0, 0], [0.0001, 0], [0.0001, 0.0001], [0, 0]], 0.01, 1, () => false)).toBeNull();
  });
});

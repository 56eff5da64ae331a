import { describe, expect, it } from 'vitest';
import type { BBox } from '../BBox.ts';
import { clipRingToBox } from './clipRingToBox.ts';
import { ringSignedArea } from './ringArea.ts';
import type { Ring } from './Ring.ts';

const box: BBox = [0, 0, 10, 10];

describe('clipRingToBox', () => {
  it('returns a ring inside the box unchanged', () => {
    const ring: Ring = [[1, 1], [2, 1], [2, 2], [1, 1]];
    expect(clipRingToBox(ring, box)).toEqual(ring);
  });

  it('cuts a square that straddles a corner', () => {
    const ring: Ring = [[-5, -5], [5, -5], [5, 5], [-5, 5], [-5, -5]];
    const clipped = clipRingToBox(ring, box) as Ring;
    expect(ringSignedArea(clipped)).toBeCloseTo(25);
    expect(clipped[0]).toEqual(clipped[clipped.length - 1]);
    for (const [x, y] of clipped) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeGreaterThanOrEqual(0);
    }
  });

  it('keeps the area of a concave ring cut into two pieces', () => {
    // A U open to the north whose arms leave the box through its top edge.
    const ring: Ring = [[2, 2], [8, 2], [8, 14], [6, 14], [6, 4], [4, 4], [4, 14], [2, 14], [2, 2]];
    const clipped = clipRingToBox(ring, box) as Ring;
    expect(ringSignedArea(clipped)).toBeCloseTo(6 * 2 + 2 * 6 * 2);
    expect(Math.max(...clipped.map(([, y]) => y))).toBe(10);
  });

  it('drops rings outside the box and degenerate slivers', () => {
    expect(clipRingToBox([[20, 20], [21, 20], [21, 21], [20, 20]], box)).toBeNull();
    expect(clipRingToBox([[1, 1], [2, 2], [3, 3], [1, 1]], box)).toBeNull();
    expect(clipRingToBox([[-5, 1], [0, 1], [0, 2], [-5, 1]], box)).toBeNull();
  });

  it('keeps the winding', () => {
    const clockwise: Ring = [[-1, -1], [-1, 5], [5, 5], [5, -1], [-1, -1]];
    expect(ringSignedArea(clipRingToBox(clockwise, box) as Ring)).toBeCloseTo(-25);
  });
});

import { expect, it } from 'vitest';
import { bundleLinkArcs } from './bundleLinkArcs.ts';

it('merges arcs between the same places in either direction and keeps distinct ones apart', () => {
  const from = new Float32Array([114.0, 22.5, 113.5, 22.2, 114.001, 22.5, 113.9, 22.3]);
  const to = new Float32Array([113.5, 22.2, 114.0, 22.5, 113.5, 22.2, 113.5, 22.2]);
  const bundled = bundleLinkArcs(from, to, 4);
  expect(bundled.count).toBe(2);
  expect(Array.from(bundled.weight).sort()).toEqual([1, 3]);
  const heavy = Array.from(bundled.weight).indexOf(3);
  const ends = [bundled.from[2 * heavy], bundled.to[2 * heavy]].sort();
  expect(ends[0]).toBeCloseTo(113.5, 3);
  expect(ends[1]).toBeCloseTo(114.0003, 3);
});

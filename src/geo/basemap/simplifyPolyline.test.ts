import { describe, expect, it } from 'vitest';
import type { LonLat } from '../LonLat.ts';
import { simplifyArc, simplifyPolyline } from './simplifyPolyline.ts';

describe('simplifyPolyline', () => {
  it('reduces collinear points to the ends', () => {
    const line: LonLat[] = [[0, 0], [1, 0], [2, 0.00001], [3, 0]];
    expect(simplifyPolyline(line, 0.001)).toEqual([[0, 0], [3, 0]]);
  });

  it('keeps a vertex farther than the tolerance', () => {
    const line: LonLat[] = [[0, 0], [1, 0.5], [2, 0], [3, 0.0001], [4, 0]];
    expect(simplifyPolyline(line, 0.1)).toEqual([[0, 0], [1, 0.5], [2, 0], [4, 0]]);
  });

  it('scales longitude differences', () => {
    const line: LonLat[] = [[0, 0], [1, 0], [1, 1]];
    // The corner is 0.7 lat-degrees from the chord unscaled, 0.447 at lonScale 0.5.
    expect(simplifyPolyline(line, 0.5, 1)).toHaveLength(3);
    expect(simplifyPolyline(line, 0.5, 0.5)).toHaveLength(2);
  });

  it('leaves lines of two points alone', () => {
    expect(simplifyPolyline([[0, 0], [1, 1]], 10)).toEqual([[0, 0], [1, 1]]);
  });
});

describe('simplifyArc', () => {
  it('gives the same vertices in both directions', () => {
    const arc: LonLat[] = [];
    for (let i = 0; i <= 40; i++) arc.push([i * 0.01, Math.sin(i * 0.7) * 0.004 + (i % 3) * 0.0007]);
    const forward = simplifyArc(arc, 0.002);
    const backward = simplifyArc([...arc].reverse(), 0.002).reverse();
    expect(backward).toEqual(forward);
    expect(forward.length).toBeLessThan(arc.length);
  });
});

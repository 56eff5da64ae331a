import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundViewport } from './roundViewport.ts';

describe('roundViewport', () => {
  it('gives the same viewport for the edges the map reports twice for one camera', () => {
    const first = { west: 111.09329381696472, south: 21.39999999999769, east: 115.70670618303808, north: 24.449999999998113, zoom: 7.486917449090394 };
    const again = { west: 111.09329381696523, south: 21.39999999999847, east: 115.70670618303865, north: 24.449999999998894, zoom: 7.486917449090385 };
    expect(JSON.stringify(roundViewport(first))).toBe(JSON.stringify(roundViewport(again)));
  });

  it('moves no edge by more than a centimetre and the zoom by more than 0.0001, and keeps moves of a metre apart', () => {
    const degree = fc.double({ min: -180, max: 180, noNaN: true });
    fc.assert(
      fc.property(degree, degree, fc.double({ min: 0, max: 24, noNaN: true }), (lon, lat, zoom) => {
        const viewport = { west: lon, south: lat / 2, east: lon + 0.5, north: lat / 2 + 0.5, zoom };
        const out = roundViewport(viewport);
        for (const edge of ['west', 'south', 'east', 'north'] as const) expect(Math.abs(out[edge] - viewport[edge])).toBeLessThanOrEqual(0.5e-7 + 1e-12);
        expect(Math.abs(out.zoom - zoom)).toBeLessThanOrEqual(0.5e-4 + 1e-12);
        // A metre is ~1e-5 degrees: two cameras that far apart stay different questions.
        expect(roundViewport({ ...viewport, west: lon + 1e-5 }).west).not.toBe(out.west);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundsArbitrary } from './timelineArbitraries.ts';
import { clampedXToTime, timeToX, xToTime } from './timeScale.ts';
import { snapTime } from './windowEdits.ts';

const widthArbitrary = fc.double({ min: 50, max: 8000, noNaN: true });

describe('time scale', () => {
  it('maps time to pixels and back within a millisecond, and pixels to time and back within a millionth of a pixel', () => {
    fc.assert(
      fc.property(boundsArbitrary, widthArbitrary, fc.double({ min: 0, max: 1, noNaN: true }), (bounds, width, share) => {
        const scale = { start: bounds.start, end: bounds.end, width };
        const time = Math.round(bounds.start + share * (bounds.end - bounds.start));
        expect(Math.abs(xToTime(scale, timeToX(scale, time)) - time)).toBeLessThanOrEqual(1);
        const x = share * width;
        expect(Math.abs(timeToX(scale, xToTime(scale, x)) - x)).toBeLessThanOrEqual(1e-6);
      }),
    );
  }, 60_000);

  it('puts a pointer snapped to a bin boundary within half a bin of where it was', () => {
    fc.assert(
      fc.property(boundsArbitrary, widthArbitrary, fc.double({ min: -0.5, max: 1.5, noNaN: true }), (bounds, width, share) => {
        const scale = { start: bounds.start, end: bounds.end, width };
        const pointer = share * width;
        const snappedX = timeToX(scale, snapTime(bounds, clampedXToTime(scale, pointer)));
        const halfBinPx = (bounds.binMs / (bounds.end - bounds.start)) * width * 0.5;
        expect(snappedX).toBeGreaterThanOrEqual(-1e-6);
        expect(snappedX).toBeLessThanOrEqual(width + 1e-6);
        expect(Math.abs(snappedX - Math.min(width, Math.max(0, pointer)))).toBeLessThanOrEqual(halfBinPx + 1e-6);
      }),
    );
  }, 60_000);
});

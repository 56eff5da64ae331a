import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labSeenWith, COLOUR_VISIONS } from './colourVision.ts';
import { SCORE_DECADES, scoreFraction, scoreTicks, sequentialColor, sequentialStops, VIRIDIS_STOPS } from './sequentialScale.ts';

const lightness = (t: number, stops = VIRIDIS_STOPS) => labSeenWith(sequentialColor(stops, t))[0];

describe('the sequential scale', () => {
  it('rises in lightness at every step for normal vision, and never drops perceptibly under simulated dichromacy', () => {
    for (const [name, vision] of Object.entries(COLOUR_VISIONS)) {
      // Tritanopia flattens the yellow end: a dip of 0.09 L* there, far below one just-noticeable difference.
      const allowedDip = name === 'normal' ? 0 : 0.5;
      let previous = -Infinity;
      for (let k = 0; k <= 200; k++) {
        const l = labSeenWith(sequentialColor(VIRIDIS_STOPS, k / 200), vision)[0];
        expect(l - previous, `${name} at ${k / 200}`).toBeGreaterThan(-allowedDip);
        if (name === 'normal') expect(l).toBeGreaterThan(previous);
        previous = l;
      }
      expect(labSeenWith(VIRIDIS_STOPS.at(-1)!, vision)[0] - labSeenWith(VIRIDIS_STOPS[0], vision)[0], name).toBeGreaterThan(60);
    }
  });

  it('spans a wide lightness range and takes roughly even lightness steps (perceptual uniformity)', () => {
    expect(lightness(1) - lightness(0)).toBeGreaterThan(60);
    const steps = VIRIDIS_STOPS.slice(1).map((stop, k) => labSeenWith(stop)[0] - labSeenWith(VIRIDIS_STOPS[k])[0]);
    expect(Math.max(...steps) / Math.min(...steps)).toBeLessThan(2);
  });

  it('puts high risk on the end that stands out from each theme’s land', () => {
    expect(labSeenWith(sequentialStops('dark').at(-1)!)[0]).toBeGreaterThan(85);
    expect(labSeenWith(sequentialStops('light').at(-1)!)[0]).toBeLessThan(20);
    expect(sequentialStops('light')[0]).toEqual(VIRIDIS_STOPS.at(-1));
  });

  it('interpolates between stops, hits them exactly and clamps outside [0, 1]', () => {
    VIRIDIS_STOPS.forEach((stop, k) => expect(sequentialColor(VIRIDIS_STOPS, k / (VIRIDIS_STOPS.length - 1))).toEqual(stop));
    expect(sequentialColor(VIRIDIS_STOPS, -3)).toEqual(VIRIDIS_STOPS[0]);
    expect(sequentialColor(VIRIDIS_STOPS, Number.NaN)).toEqual(VIRIDIS_STOPS[0]);
    expect(sequentialColor(VIRIDIS_STOPS, 7)).toEqual(VIRIDIS_STOPS.at(-1));
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (t) => {
        const color = sequentialColor(VIRIDIS_STOPS, t);
        return color.every((channel) => Number.isInteger(channel) && channel >= 0 && channel <= 255);
      }),
    );
  });

  it('places scores by decades below the top score', () => {
    expect(scoreFraction(10, 10)).toBe(1);
    expect(scoreFraction(1, 10)).toBeCloseTo(1 - 1 / SCORE_DECADES);
    expect(scoreFraction(10 / 10 ** SCORE_DECADES, 10)).toBeCloseTo(0);
    expect(scoreFraction(1e-9, 10)).toBe(0);
    expect(scoreFraction(0, 10)).toBe(0);
    expect(scoreFraction(5, 0)).toBe(0);
    expect(scoreTicks(50)).toEqual([50, 5, 0.5, 0.05]);
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1e12, noNaN: true }), fc.double({ min: 1e-12, max: 1e12, noNaN: true }), (a, b) => {
        const [low, high] = a < b ? [a, b] : [b, a];
        const max = high * 2;
        return scoreFraction(low, max) <= scoreFraction(high, max) && scoreFraction(high, max) <= 1 && scoreFraction(low, max) >= 0;
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChannelGrid } from './ChannelGrid.ts';
import { distanceKm, distanceToSegmentKm } from './distanceKm.ts';
import type { ReferenceChannel } from './ReferencePlaces.ts';
import { UNDECIDED } from './BoxDecision.ts';
import { SiteGrid } from './SiteGrid.ts';

const lon = fc.double({ min: 113.4, max: 113.7, noNaN: true });
const lat = fc.double({ min: 22.1, max: 22.4, noNaN: true });
const point = fc.tuple(lon, lat);

/** A grid under test: what every box decision must agree with. */
interface DecidingGrid {
  nearest(lon: number, lat: number): number;
  decideBox(minLon: number, minLat: number, maxLon: number, maxLat: number): number;
}

/**
 * Checks, for random boxes of up to 0.01° a side, that a decided box gets nearest()'s answer at
 * every point of a 9 × 9 lattice over it; returns how many boxes were decided.
 */
function checkBoxDecisions<Places>(places: fc.Arbitrary<Places>, gridOf: (places: Places, radius: number) => DecidingGrid): number {
  let decided = 0;
  fc.assert(
    fc.property(
      places,
      point,
      fc.double({ min: 0, max: 0.01, noNaN: true }),
      fc.double({ min: 0, max: 0.01, noNaN: true }),
      fc.double({ min: 0.2, max: 5, noNaN: true }),
      (placeList, [x0, y0], width, height, radius) => {
        const grid = gridOf(placeList, radius);
        const answer = grid.decideBox(x0, y0, x0 + width, y0 + height);
        if (answer === UNDECIDED) return;
        decided++;
        for (let k = 0; k <= 8; k++) {
          for (let j = 0; j <= 8; j++) expect(grid.nearest(x0 + (width * k) / 8, y0 + (height * j) / 8)).toBe(answer);
        }
      },
    ),
    { numRuns: 400 },
  );
  return decided;
}

describe('SiteGrid', () => {
  it('decides a box only with the answer nearest() gives at every point of it', () => {
    const decided = checkBoxDecisions(fc.array(point, { minLength: 1, maxLength: 30 }), (sites, radius) =>
      new SiteGrid(
        sites.map((s) => s[0]),
        sites.map((s) => s[1]),
        radius,
      ),
    );
    // Most small boxes are decidable, so the property is not vacuous.
    expect(decided).toBeGreaterThan(200);
  });

  it('leaves a box straddling the radius or a tie undecided', () => {
    const grid = new SiteGrid([113.5, 113.52], [22.2, 22.2], 3);
    // About 1.03 km east of the first site, 1.03 km west of the second: a tie in the middle.
    expect(grid.decideBox(113.5099, 22.2, 113.5101, 22.2001)).toBe(UNDECIDED);
    expect(grid.decideBox(113.5001, 22.2, 113.5002, 22.2001)).toBe(0);
    expect(grid.decideBox(113.5195, 22.2, 113.5199, 22.2001)).toBe(1);
    // Straddling the 3 km circle north of the first site (0.027° of latitude ≈ 3 km).
    expect(grid.decideBox(113.5, 22.2265, 113.5001, 22.2275)).toBe(UNDECIDED);
    expect(grid.decideBox(113.5, 22.25, 113.5001, 22.2501)).toBe(-1);
  });

  it('finds the same site as a brute-force scan', () => {
    fc.assert(
      fc.property(fc.array(point, { maxLength: 40 }), fc.array(point, { minLength: 1, maxLength: 40 }), fc.double({ min: 0.1, max: 8, noNaN: true }), (sites, queries, radius) => {
        const grid = new SiteGrid(
          sites.map((s) => s[0]),
          sites.map((s) => s[1]),
          radius,
        );
        for (const [x, y] of queries) {
          let best = -1;
          let bestDistance = Infinity;
          sites.forEach(([sx, sy], i) => {
            const d = distanceKm(x, y, sx, sy);
            if (d <= radius && d < bestDistance) {
              best = i;
              bestDistance = d;
            }
          });
          expect(grid.nearest(x, y)).toBe(best);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('misses everything with no sites or no radius', () => {
    expect(new SiteGrid([], [], 3).nearest(113.5, 22.2)).toBe(-1);
    expect(new SiteGrid([113.5], [22.2], 0).nearest(113.5, 22.2)).toBe(-1);
    expect(new SiteGrid([113.5], [22.2], 3).nearest(Number.NaN, 22.2)).toBe(-1);
  });

  it('measures kilometres', () => {
    // One degree of latitude on the mean sphere.
    expect(distanceKm(113.5, 22, 113.5, 23)).toBeCloseTo(111.195, 3);
    expect(distanceToSegmentKm(113.5, 22.01, 113.4, 22, 113.6, 22)).toBeCloseTo(1.112, 3);
    expect(distanceToSegmentKm(113.7, 22, 113.4, 22, 113.6, 22)).toBeCloseTo(distanceKm(113.7, 22, 113.6, 22), 2);
  });
});

describe('ChannelGrid', () => {
  it('decides a box only with the answer nearest() gives at every point of it', () => {
    const lines = fc.array(fc.array(point, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });
    const decided = checkBoxDecisions(lines, (polylines, radius) =>
      new ChannelGrid(
        polylines.map((coordinates, i) => ({ id: `c${i}`, coordinates })),
        radius,
      ),
    );
    expect(decided).toBeGreaterThan(200);
  });

  it('finds the same channel as a brute-force scan', () => {
    const channel = fc.array(point, { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(channel, { maxLength: 8 }), fc.array(point, { minLength: 1, maxLength: 30 }), fc.double({ min: 0.1, max: 5, noNaN: true }), (lines, queries, radius) => {
        const channels: ReferenceChannel[] = lines.map((coordinates, i) => ({ id: `c${i}`, coordinates }));
        const grid = new ChannelGrid(channels, radius);
        for (const [x, y] of queries) {
          let best = -1;
          let bestDistance = Infinity;
          channels.forEach(({ coordinates }, i) => {
            const ends = coordinates.length === 1 ? [[0, 0]] : coordinates.slice(1).map((_, k) => [k, k + 1]);
            for (const [a, b] of ends) {
              const d = distanceToSegmentKm(x, y, coordinates[a][0], coordinates[a][1], coordinates[b][0], coordinates[b][1]);
              if (d <= radius && d < bestDistance) {
                best = i;
                bestDistance = d;
              }
            }
          });
          expect(grid.nearest(x, y)).toBe(best);
        }
      }),
      { numRuns: 200 },
    );
  });
});

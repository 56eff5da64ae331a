import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChannelGrid } from './ChannelGrid.ts';
import { distanceKm, distanceToSegmentKm } from './distanceKm.ts';
import type { ReferenceChannel } from './ReferencePlaces.ts';
import { SiteGrid } from './SiteGrid.ts';

const lon = fc.double({ min: 113.4, max: 113.7, noNaN: true });
const lat = fc.double({ min: 22.1, max: 22.4, noNaN: true });
const point = fc.tuple(lon, lat);

describe('SiteGrid', () => {
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

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { siteName } from '../board/boardLabels.ts';
import { readStrictCsv } from '../csv/csvTestSupport.ts';
import { REFERENCE_SITES } from '../geo/referenceGeography.ts';
import { LOCALES } from '../i18n/locales.ts';
import { cellHalvesToHex } from '../risk/cellHalves.ts';
import { distanceKm } from '../risk/distanceKm.ts';
import { exportCsvPieces } from './exportCsvPieces.ts';
import { hotspotCsvTable, type HotspotColumns } from './hotspotCsvTable.ts';

/** The nearest reference site the plain way: every site's distance, the first of the smallest. */
function referenceNearest(lon: number, lat: number): { id: string; km: number } {
  const distances = REFERENCE_SITES.map((site) => distanceKm(lon, lat, site.lon, site.lat));
  const best = Math.min(...distances);
  return { id: REFERENCE_SITES[distances.indexOf(best)].id, km: best };
}

const layer: fc.Arbitrary<HotspotColumns> = fc.integer({ min: 0, max: 12 }).chain((count) =>
  fc
    .record({
      high: fc.array(fc.integer({ min: 0x80000000, max: 0x8fffffff }), { minLength: count, maxLength: count }),
      low: fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: count, maxLength: count }),
      scores: fc.array(fc.double({ min: 1e-9, max: 1e6, noNaN: true }), { minLength: count, maxLength: count }),
      counts: fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: count, maxLength: count }),
      previous: fc.array(fc.oneof(fc.constant(Number.NaN), fc.constant(0), fc.double({ min: 1e-9, max: 1e6, noNaN: true })), { minLength: count, maxLength: count }),
      centre: fc.array(fc.tuple(fc.double({ min: 111, max: 116, noNaN: true }), fc.double({ min: 21, max: 24.5, noNaN: true })), { minLength: count, maxLength: count }),
    })
    .map((columns) => ({
      count,
      cellHigh: Uint32Array.from(columns.high),
      cellLow: Uint32Array.from(columns.low),
      scores: Float64Array.from(columns.scores.sort((a, b) => b - a)),
      counts: Uint32Array.from(columns.counts),
      previous: Float64Array.from(columns.previous),
      centre: Float32Array.from(columns.centre.flat()),
    })),
);

describe('hotspotCsvTable', () => {
  it('writes every ranked hotspot with its nearest site, trend and centre, read back exactly', () => {
    fc.assert(
      fc.property(layer, fc.constantFrom(...LOCALES), (hotspots, locale) => {
        const text = exportCsvPieces(hotspotCsvTable(hotspots, locale)).join('');
        expect(text.startsWith('\uFEFF')).toBe(true);
        const [header, ...rows] = readStrictCsv(text.slice(1));
        expect(header).toHaveLength(11);
        expect(rows).toHaveLength(hotspots.count);
        rows.forEach((row, rank) => {
          const lon = hotspots.centre[2 * rank];
          const lat = hotspots.centre[2 * rank + 1];
          const nearest = referenceNearest(lon, lat);
          const score = hotspots.scores[rank];
          const previous = hotspots.previous[rank];
          expect(row[0]).toBe(String(rank + 1));
          expect(row[1]).toBe(cellHalvesToHex(hotspots.cellHigh[rank], hotspots.cellLow[rank]));
          expect(row[2]).toBe(siteName(nearest.id, locale));
          expect(row[3]).toBe(nearest.id);
          expect(Number(row[4])).toBeCloseTo(nearest.km, 3);
          expect(Number(row[5])).toBe(score);
          expect(Number(row[6])).toBe(hotspots.counts[rank]);
          expect(row[7]).toBe(Number.isNaN(previous) ? '' : String(previous));
          expect(row[8]).toBe(previous > 0 ? String(score / previous) : '');
          expect(Number(row[9])).toBeCloseTo(lat, 6);
          expect(Number(row[10])).toBeCloseTo(lon, 6);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('heads the columns in the language of the board', () => {
    const empty: HotspotColumns = { count: 0, cellHigh: new Uint32Array(), cellLow: new Uint32Array(), scores: new Float64Array(), counts: new Uint32Array(), previous: new Float64Array(), centre: new Float32Array() };
    expect(hotspotCsvTable(empty, 'en').header.slice(0, 3)).toEqual(['Rank', 'H3 cell', 'Nearest site']);
    expect(hotspotCsvTable(empty, 'zh-Hant').header.slice(0, 3)).toEqual(['排名', 'H3 網格', '最近口岸']);
    expect(hotspotCsvTable(empty, 'zh-Hans').header[5]).toBe('分数');
  });

  it('names a hotspot on Lo Wu by that site at a distance of about zero', () => {
    const loWu = REFERENCE_SITES.find((site) => site.id === 'lo_wu_control_point')!;
    const one: HotspotColumns = {
      count: 1,
      cellHigh: Uint32Array.of(0x87411c8a),
      cellLow: Uint32Array.of(0x5ffffff),
      scores: Float64Array.of(3.5),
      counts: Uint32Array.of(7),
      previous: Float64Array.of(1.75),
      centre: Float32Array.of(loWu.lon, loWu.lat),
    };
    const [, row] = readStrictCsv(exportCsvPieces(hotspotCsvTable(one, 'en')).join('').slice(1));
    expect(row.slice(0, 9)).toEqual(['1', '87411c8a05ffffff', loWu.names.en, loWu.id, '0', '3.5', '7', '1.75', '2']);
  });
});

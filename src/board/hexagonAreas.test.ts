import { getHexagonAreaAvg, UNITS } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { VIEW_LIMITS } from '../view/ViewState.ts';
import { formatCellArea, H3_AVERAGE_HEXAGON_AREA_KM2, HOTSPOT_RESOLUTIONS } from './hexagonAreas.ts';

describe('H3 average hexagon areas', () => {
  it('are H3’s own figures for every resolution the board offers', () => {
    expect(HOTSPOT_RESOLUTIONS).toEqual([5, 6, 7, 8, 9].filter((r) => r >= VIEW_LIMITS.resolution[0] && r <= VIEW_LIMITS.resolution[1]));
    for (const resolution of HOTSPOT_RESOLUTIONS) expect(H3_AVERAGE_HEXAGON_AREA_KM2[resolution]).toBeCloseTo(getHexagonAreaAvg(resolution, UNITS.km2), 9);
  });

  it('are written with three significant digits in the language’s digits', () => {
    expect(formatCellArea(7, 'en')).toBe('5.16 km²');
    expect(formatCellArea(5, 'en')).toBe('253 km²');
    expect(formatCellArea(9, 'zh-Hant')).toBe('0.105 km²');
    expect(formatCellArea(4, 'en')).toBe('');
  });
});

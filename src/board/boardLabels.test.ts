import { describe, expect, it } from 'vitest';
import { REFERENCE_SITES } from '../geo/referenceGeography.ts';
import { categoryName, formatDistanceKm, nearPlaceName, siteName } from './boardLabels.ts';

describe('board labels', () => {
  it('names places, categories and distances in every language', () => {
    const site = REFERENCE_SITES[0];
    expect(siteName(site.id, 'zh-Hant')).toBe(site.names.zhHant);
    expect(siteName('unknown_site', 'en')).toBe('unknown_site');
    expect(categoryName('tobacco', 'zh-Hans')).toBe('香烟');
    expect(categoryName('ghost', 'en')).toBe('ghost');
    expect(formatDistanceKm(0.42, 'en')).toBe('420 m');
    expect(formatDistanceKm(3.24, 'en')).toBe('3.2 km');
    expect(formatDistanceKm(12.6, 'en')).toBe('13 km');
    expect(nearPlaceName({ id: site.id, distanceKm: 3.24 }, 'en', '?')).toBe(`${site.names.en}, 3.2 km`);
    expect(nearPlaceName({ id: site.id, distanceKm: 0.01 }, 'en', '?')).toBe(site.names.en);
    expect(nearPlaceName(null, 'en', 'somewhere')).toBe('somewhere');
  });
});

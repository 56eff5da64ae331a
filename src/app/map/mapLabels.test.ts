import { describe, expect, it } from 'vitest';
import { REFERENCE_CITIES, REFERENCE_SITES } from '../../geo/referenceGeography.ts';
import { LOCALES } from '../../i18n/locales.ts';
import { labelCharacters, mapLabels, shortPlaceName } from './mapLabels.ts';

describe('map labels', () => {
  it('drop a trailing bracketed note in either script, and keep a name that is only a note', () => {
    expect(shortPlaceName('Qingmao Port (Guangdong-Macao New Corridor)')).toBe('Qingmao Port');
    expect(shortPlaceName('青茂口岸（粤澳新通道）')).toBe('青茂口岸');
    expect(shortPlaceName('Lo Wu')).toBe('Lo Wu');
    expect(shortPlaceName('(note)')).toBe('(note)');
  });

  it('rank every city above every site, and riskier sites above calmer and closed ones', () => {
    const risk = new Map(REFERENCE_SITES.map((site, i) => [site.id, i === 0 ? 1 : i === 1 ? 0.2 : Number.NaN]));
    const labels = mapLabels('en', REFERENCE_CITIES, REFERENCE_SITES, (site) => risk.get(site.id)!, true);
    const cities = labels.filter((label) => label.kind === 'city');
    const sites = labels.filter((label) => label.kind === 'site');
    expect(cities).toHaveLength(REFERENCE_CITIES.length);
    expect(Math.min(...cities.map((label) => label.priority))).toBeGreaterThan(Math.max(...sites.map((label) => label.priority)));
    const first = sites.find((label) => label.id === REFERENCE_SITES[0].id)!;
    const second = sites.find((label) => label.id === REFERENCE_SITES[1].id)!;
    if (REFERENCE_SITES[0].status === 'open' && REFERENCE_SITES[1].status === 'open') expect(first.priority).toBeGreaterThan(second.priority);
    for (const label of sites) {
      const site = REFERENCE_SITES.find((s) => s.id === label.id)!;
      if (site.status !== 'open') expect(label.priority).toBe(0);
    }
    expect(mapLabels('en', REFERENCE_CITIES, REFERENCE_SITES, () => 1, false)).toHaveLength(REFERENCE_CITIES.length);
  });

  it('name places in each language’s own script', () => {
    for (const locale of LOCALES) {
      const text = labelCharacters(mapLabels(locale, REFERENCE_CITIES, REFERENCE_SITES, () => 0, true));
      if (locale === 'en') expect(text).toMatch(/^[\x20-\x7e\u00c0-\u024f’–-]*$/u);
      else expect(text).toMatch(/[\u4e00-\u9fff]/u);
    }
    const hans = labelCharacters(mapLabels('zh-Hans', REFERENCE_CITIES, [], () => 0, false));
    const hant = labelCharacters(mapLabels('zh-Hant', REFERENCE_CITIES, [], () => 0, false));
    expect(hans).toContain('广');
    expect(hant).toContain('廣');
  });
});

import { describe, expect, it } from 'vitest';
import { convertReferenceGeography } from './convertReferenceGeography.ts';

function reference(overrides: { sites?: unknown[]; cities?: unknown[]; channels?: unknown[] } = {}) {
  return {
    meta: {
      title: 't',
      crs: 'EPSG:4326',
      compiled: 'c',
      confidence_scale: { high: 'h', medium: 'm', low: 'l', estimated: 'e' },
    },
    bbox: [113, 22, 114, 23],
    cities: overrides.cities ?? [],
    sites: overrides.sites ?? [],
    channels: overrides.channels ?? [],
  };
}

function site(extra: Record<string, unknown>) {
  return {
    id: 's',
    name_en: 'Somewhere Port',
    name_zh_hant: '羅湖口岸',
    jurisdiction: ['Mainland'],
    modes: ['pedestrian', 'rail'],
    lon: 113.123456,
    lat: 22.987654,
    confidence: 'medium',
    source: 'Wikipedia: Somewhere (https://example.org), coordinates 22°N',
    ...extra,
  };
}

describe('convertReferenceGeography', () => {
  it('derives zh-Hans from zh-Hant when only Traditional is given, and rounds to 4 decimals', () => {
    const [out] = convertReferenceGeography(reference({ sites: [site({})] })).sites;
    expect(out.names).toEqual({ en: 'Somewhere Port', zhHans: '罗湖口岸', zhHant: '羅湖口岸' });
    expect([out.lon, out.lat]).toEqual([113.1235, 22.9877]);
    expect(out.iconMode).toBe('land');
    expect(out.source).toBe('Wikipedia: Somewhere');
    expect(out.crossing).toBeNull();
    expect(out.status).toBe('open');
  });

  it('copies a Simplified-only name into zh-Hant and keeps name_pt', () => {
    const [out] = convertReferenceGeography(
      reference({ sites: [site({ name_zh_hant: undefined, name_zh_hans: '拱北口岸', name_pt: 'Posto' })] }),
    ).sites;
    expect(out.names).toEqual({ en: 'Somewhere Port', zhHans: '拱北口岸', zhHant: '拱北口岸', pt: 'Posto' });
  });

  it('reads suspended and closed from the notes', () => {
    const data = convertReferenceGeography(
      reference({
        sites: [
          site({ id: 'a', notes: 'Open 24 h. Clearance has been suspended until further notice.' }),
          site({ id: 'b', notes: 'Status: closed - moved elsewhere in 2020. Kept for history.' }),
        ],
      }),
    );
    expect(data.sites.map((s) => [s.status, s.statusNote])).toEqual([
      ['suspended', 'Clearance has been suspended until further notice.'],
      ['closed', 'Status: closed - moved elsewhere in 2020.'],
    ]);
  });

  it('maps channel modes by their first word', () => {
    const channel = {
      id: 'c',
      name_en: 'Bridge',
      name_zh_hans: '大桥',
      name_zh_hant: '大橋',
      mode: 'road (bridge)',
      coordinates: [
        [113.1, 22.1],
        [113.2, 22.2],
      ],
      confidence: 'estimated',
      source: 'Estimated. Nothing better.',
    };
    const [out] = convertReferenceGeography(reference({ channels: [channel] })).channels;
    expect(out.mode).toBe('land');
    expect(out.modeDetail).toBe('road (bridge)');
    expect(out.source).toBe('Estimated from text descriptions');
  });

  it('rejects duplicate ids, unknown modes and unknown jurisdictions', () => {
    expect(() => convertReferenceGeography(reference({ sites: [site({}), site({})] }))).toThrow(/duplicate id/);
    expect(() => convertReferenceGeography(reference({ sites: [site({ modes: ['teleport'] })] }))).toThrow(/unknown mode/);
    expect(() => convertReferenceGeography(reference({ sites: [site({ jurisdiction: ['Taiwan'] })] }))).toThrow(/jurisdiction/);
  });

  it('is deterministic', () => {
    const input = reference({ sites: [site({})] });
    expect(JSON.stringify(convertReferenceGeography(input))).toBe(JSON.stringify(convertReferenceGeography(input)));
  });
});

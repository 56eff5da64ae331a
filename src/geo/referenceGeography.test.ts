import { describe, expect, it } from 'vitest';
import { bboxContains } from './BBox.ts';
import {
  GBA_BBOX,
  GBA_VIEW_BOX,
  GEOGRAPHY_CONFIDENCES,
  REFERENCE_CHANNELS,
  REFERENCE_CITIES,
  REFERENCE_SITES,
  channelById,
  cityById,
  nearestSite,
  siteById,
  type PlaceNames,
} from './referenceGeography.ts';
import { TRADITIONAL_TO_SIMPLIFIED, toSimplified } from './traditionalToSimplified.ts';

const everything = [...REFERENCE_CITIES, ...REFERENCE_SITES, ...REFERENCE_CHANNELS];
const traditionalOnly = new Set(Object.keys(TRADITIONAL_TO_SIMPLIFIED));

function allPositions(): [string, number, number][] {
  return [
    ...REFERENCE_CITIES.map((c): [string, number, number] => [c.id, c.lon, c.lat]),
    ...REFERENCE_SITES.map((s): [string, number, number] => [s.id, s.lon, s.lat]),
    ...REFERENCE_CHANNELS.flatMap((c) => c.coordinates.map(([lon, lat]): [string, number, number] => [c.id, lon, lat])),
  ];
}

describe('reference geography', () => {
  it('has the expected counts', () => {
    expect(REFERENCE_CITIES).toHaveLength(11);
    expect(REFERENCE_SITES).toHaveLength(49);
    expect(REFERENCE_CHANNELS).toHaveLength(8);
  });

  it('has ids unique across sites, channels and cities', () => {
    const ids = everything.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names every place in en, zh-Hans and zh-Hant', () => {
    for (const { id, names } of everything) {
      for (const key of ['en', 'zhHans', 'zhHant'] as (keyof PlaceNames)[]) {
        expect(names[key]?.trim(), `${id}.${key}`).toBeTruthy();
      }
    }
  });

  it('keeps Traditional-only characters out of zh-Hans names', () => {
    for (const { id, names } of everything) {
      const leaked = [...names.zhHans].filter((ch) => traditionalOnly.has(ch));
      expect(leaked, id).toEqual([]);
    }
  });

  it('has a character map that turns each zh-Hant name into its zh-Hans name', () => {
    for (const { id, names } of everything) expect(toSimplified(names.zhHant), id).toBe(names.zhHans);
  });

  it('puts every coordinate inside GBA_BBOX, and GBA_BBOX inside GBA_VIEW_BOX', () => {
    for (const [id, lon, lat] of allPositions()) expect(bboxContains([...GBA_BBOX], lon, lat), id).toBe(true);
    expect(GBA_VIEW_BOX[0]).toBeLessThanOrEqual(GBA_BBOX[0]);
    expect(GBA_VIEW_BOX[1]).toBeLessThanOrEqual(GBA_BBOX[1]);
    expect(GBA_VIEW_BOX[2]).toBeGreaterThanOrEqual(GBA_BBOX[2]);
    expect(GBA_VIEW_BOX[3]).toBeGreaterThanOrEqual(GBA_BBOX[3]);
  });

  it('rounds coordinates to 4 decimals', () => {
    for (const [id, lon, lat] of allPositions()) {
      expect(Math.round(lon * 1e4) / 1e4, id).toBe(lon);
      expect(Math.round(lat * 1e4) / 1e4, id).toBe(lat);
    }
  });

  it('uses the confidence scale only', () => {
    for (const { id, confidence } of everything) expect(GEOGRAPHY_CONFIDENCES, id).toContain(confidence);
  });

  it('knows the closed and the suspended crossing', () => {
    expect(siteById('cotai_frontier_post_former')?.status).toBe('closed');
    expect(siteById('cotai_frontier_post_former')?.statusNote).toMatch(/2020/);
    expect(siteById('sha_tau_kok_shatoujiao')?.status).toBe('suspended');
    const notOpen = REFERENCE_SITES.filter((s) => s.status !== 'open').map((s) => s.id);
    expect(notOpen.sort()).toEqual(['cotai_frontier_post_former', 'sha_tau_kok_shatoujiao']);
    for (const site of REFERENCE_SITES) expect(site.statusNote === undefined, site.id).toBe(site.status === 'open');
  });

  it('derives one icon mode per site from its primary mode', () => {
    expect(siteById('gongbei_port')?.iconMode).toBe('land');
    expect(siteById('lo_wu_control_point')?.iconMode).toBe('rail');
    expect(siteById('hk_macau_ferry_terminal')?.iconMode).toBe('ferry');
    expect(siteById('hkia')?.iconMode).toBe('air');
    expect(siteById('yantian_port')?.iconMode).toBe('sea');
    expect(channelById('hzmb')?.mode).toBe('land');
    expect(channelById('xrl')?.mode).toBe('rail');
  });

  it('keeps crossing groups with their sides', () => {
    const loWu = REFERENCE_SITES.filter((s) => s.crossing === 'lo_wu_luohu').map((s) => s.id);
    expect(loWu.sort()).toEqual(['lo_wu_control_point', 'luohu_port']);
    expect(siteById('hkia')?.crossing).toBeNull();
  });

  it('looks items up by id', () => {
    expect(siteById('hengqin_port')?.jurisdiction).toEqual(['Mainland', 'Macao']);
    expect(siteById('macao_border_gate')?.names.pt).toMatch(/Portas do Cerco/);
    expect(channelById('lotus_bridge')?.coordinates.length).toBeGreaterThanOrEqual(2);
    expect(cityById('macao')?.names.zhHans).toBe('澳门');
    expect(siteById('nope')).toBeUndefined();
  });

  it('finds the nearest site within a radius', () => {
    // 150 m north-east of the Lo Wu Control Point point; Luohu Port lies about 300 m off.
    expect(nearestSite(114.1147, 22.5305)?.id).toBe('lo_wu_control_point');
    expect(nearestSite(113.9144, 22.3089, 10)?.id).toBe('hkia');
    expect(nearestSite(113.0, 21.5, 5_000)).toBeNull();
    expect(nearestSite(114.1137, 22.5295, 0)?.id).toBe('lo_wu_control_point');
  });
});

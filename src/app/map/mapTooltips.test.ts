import { describe, expect, it } from 'vitest';
import type { AlertItem, BoardAnswer, EventLayerData, EventRow, LinkLayerData } from '../../board/BoardQuery.ts';
import { REFERENCE_SITES } from '../../geo/referenceGeography.ts';
import { formatMessage } from '../../i18n/messages.ts';
import type { Locale } from '../../i18n/locales.ts';
import { alertTooltip, eventTooltip, hotspotTooltip, linkTooltip, siteTooltip, type MapTooltip } from './mapTooltips.ts';
import type { SiteMark } from './layers/siteLayer.ts';

const HOSTILE = '<img src=x onerror=alert(1)>&amp;';
const t = (locale: Locale) => (key: Parameters<typeof formatMessage>[1], values?: Record<string, string | number>) => formatMessage(locale, key, values);
const lo = REFERENCE_SITES.find((site) => site.names.en.startsWith('Lo Wu')) ?? REFERENCE_SITES[0];

function expectPlainText(tooltip: MapTooltip): void {
  for (const text of [tooltip.title, ...tooltip.lines]) expect(typeof text).toBe('string');
}

function answerWithOneHotspot(): BoardAnswer {
  return {
    hotspotLayer: {
      count: 1,
      cellHigh: Uint32Array.of(0x0872830),
      cellLow: Uint32Array.of(0x828fffff),
      scores: Float64Array.of(12.345),
      counts: Uint32Array.of(1234),
      previous: Float64Array.of(6),
      outline: new Float32Array(0),
      outlineStart: new Uint32Array(2),
      centre: Float32Array.of(lo.lon, lo.lat - 0.005),
      totalScore: 12.345,
      totalCount: 1234,
    },
    hotspots: [],
  } as unknown as BoardAnswer;
}

describe('map tooltips', () => {
  it('tell a hotspot’s rank, place, score, events and trend in each language', () => {
    const en = hotspotTooltip(answerWithOneHotspot(), 0, 'en', t('en'));
    expect(en.title).toBe('Hotspot #1');
    expect(en.lines).toEqual([expect.stringMatching(/^Near Lo Wu.*, 5\d\d m$/), 'Score: 12.3', 'Events: 1,234', 'Trend: up 106% on the previous window']);
    const hant = hotspotTooltip(answerWithOneHotspot(), 0, 'zh-Hant', t('zh-Hant'));
    expect(hant.lines[0]).toMatch(/^鄰近羅湖/);
    expectPlainText(hant);
  });

  it('name an alert by its place, with observed against expected and the time in UTC+8', () => {
    const alert: AlertItem = { target: 'cell', id: '872830828ffffff', observed: 12, baselineCount: 30, expected: 2.34, probability: 1e-6, logProbability: -13, since: Date.UTC(2026, 10, 20, 4, 0), lon: lo.lon, lat: lo.lat + 0.029, nearestSite: { id: lo.id, distanceKm: 3.2 } };
    const tooltip = alertTooltip(alert, 'en', t('en'));
    expect(tooltip.title).toMatch(/^Spike alert · Lo Wu.*, 3\.2 km$/);
    expect(tooltip.lines).toEqual(['Observed 12, expected 2.3', 'Since 2026-11-20 12:00 (UTC+8)']);
    expect(tooltip.title).not.toContain(alert.id);
  });

  it('show an event’s source and id verbatim as text — markup in feed values stays text', () => {
    const events: EventLayerData = { kind: 'points', count: 1, positions: new Float32Array(2), category: Uint8Array.of(0), severity: Uint8Array.of(4), weight: Uint32Array.of(1), row: Int32Array.of(7), inView: 1 };
    const record = { source: HOSTILE, id: `${HOSTILE}"'`, time: Date.UTC(2026, 0, 2, 16, 30) } as EventRow;
    const tooltip = eventTooltip(events, 0, record, 'en', t('en'));
    expect(tooltip).toEqual({ title: 'Narcotics', lines: ['Severity 4 of 5', '2026-01-03 00:30 (UTC+8)', `Source ${HOSTILE} · ID ${HOSTILE}"'`] });
    expect(eventTooltip(events, 0, null, 'en', t('en')).lines).toEqual(['Severity 4 of 5', 'Loading the record…']);
    expect(eventTooltip(events, 0, undefined, 'en', t('en')).lines).toEqual(['Severity 4 of 5']);
    const merged = eventTooltip({ ...events, kind: 'aggregate', weight: Uint32Array.of(5000) }, 0, undefined, 'zh-Hans', t('zh-Hans'));
    expect(merged.title).toBe('此处事件：5,000');
    expectPlainText(merged);
  });

  it('name a site in the language’s script and flag an estimated or closed one', () => {
    const mark: SiteMark = { site: { ...lo, confidence: 'estimated', status: 'closed' }, placeIndex: 0, score: 3.21, count: 9, fill: [0, 0, 0, 255], ring: [0, 0, 0, 255], icon: [0, 0, 0, 255] };
    const tooltip = siteTooltip(mark, 3.21, 'zh-Hans', t('zh-Hans'));
    expect(tooltip.title).toBe(lo.names.zhHans);
    expect(tooltip.lines).toContain('风险分数：3.21');
    expect(tooltip.lines).toContain('已关闭');
    expect(tooltip.lines).toContain('位置为估算（无坐标来源）');
    expect(siteTooltip({ ...mark, score: 0, count: 0 }, Number.NaN, 'en', t('en')).lines).toContain('No risk in the window');
  });

  it('name both ends of a link arc and count its links', () => {
    const links: LinkLayerData = { count: 1, from: Float32Array.of(lo.lon, lo.lat), to: Float32Array.of(113.55, 22.2), weight: Uint32Array.of(37), pairs: [], totals: null, selectedCount: null, pending: false };
    const tooltip = linkTooltip(links, 0, 'en', t('en'));
    expect(tooltip.title).toMatch(/^Lo Wu.* ↔ .+$/);
    expect(tooltip.lines).toEqual(['Cross-border links: 37']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HotspotItem } from '../board/BoardQuery.ts';
import { REFERENCE_SITES } from '../geo/referenceGeography.ts';
import { LOCALES } from '../i18n/locales.ts';
import { defaultViewState, type ViewState } from '../view/ViewState.ts';
import { BRIEFING_TOP_HOTSPOTS, briefingPages, type BriefingViewAnswer } from './briefingPages.ts';

const T = Date.UTC(2026, 10, 20, 4, 0); // 2026-11-20 12:00 UTC+8
const PRINTED = Date.UTC(2026, 10, 21, 1, 30); // 2026-11-21 09:30 UTC+8

function hotspot(rank: number, overrides: Partial<HotspotItem> = {}): HotspotItem {
  return {
    rank,
    cell: `87411c${rank.toString(16).padStart(3, '0')}ffffff`,
    score: 100 / (rank + 1),
    count: 40 - rank,
    lon: 114.1,
    lat: 22.5,
    nearestSite: { id: REFERENCE_SITES[rank % REFERENCE_SITES.length].id, distanceKm: 3.24 },
    trend: { now: 100 / (rank + 1), previous: 50 / (rank + 1), ratio: 2 },
    byCategory: { narcotics: 0.75, tobacco: 0.25 },
    bySource: {},
    byKind: {},
    topEvents: [],
    ...overrides,
  };
}

function viewAnswer(view: ViewState, hotspots: HotspotItem[], note = '', title?: string): BriefingViewAnswer {
  return { view, note, title, answer: { time: T, hotspots, hotspotCount: hotspots.length + 100, topScore: hotspots[0]?.score ?? 0 } };
}

const base = { sources: ['GACC-GD', 'HKCED'], demo: false, creator: 'Duty officer Chan', printedAt: PRINTED, locale: 'en' as const, theme: 'light' as const };

describe('briefingPages', () => {
  it('makes one page per view in order, with title, T, window, filters, legend, top hotspots, note and footer', () => {
    const view = { ...defaultViewState('en'), model: { ...defaultViewState('en').model, at: T, windowDays: 14 } };
    const pages = briefingPages({
      ...base,
      views: [viewAnswer(view, Array.from({ length: 25 }, (_, i) => hotspot(i)), 'Lok Ma Chau spike: brief the night shift.', 'Night shift'), viewAnswer(view, [hotspot(0)])],
    });
    expect(pages.map((page) => [page.number, page.title, page.pageLabel])).toEqual([
      [1, 'Night shift', 'Page 1 of 2'],
      [2, 'View 2', 'Page 2 of 2'],
    ]);
    const [first, second] = pages;
    expect(first.summary[0]).toBe('Evaluated at 2026-11-20 12:00 UTC+8');
    expect(first.summary[1]).toMatch(/^Window: 14 d, 2026-11-06 12:00 – 2026-11-20 12:00 UTC\+8$/);
    expect(first.summary[2]).toMatch(/^Filters: /);
    expect(first.summary).toHaveLength(3);
    expect(first.warning).toBeNull();
    expect(first.hotspots).toHaveLength(BRIEFING_TOP_HOTSPOTS);
    expect(first.hotspotHeading).toBe('Top 10 of 125 hotspots');
    expect(first.hotspots[0]).toEqual({
      rank: '1',
      cell: hotspot(0).cell,
      place: `${REFERENCE_SITES[0].names.en}, 3.2 km`,
      score: '100',
      events: '40',
      trend: { direction: 'up', text: '▲ 2.00×' },
      category: 'Narcotics 75%',
    });
    expect(first.note).toBe('Lok Ma Chau spike: brief the night shift.');
    expect(second.note).toBeNull();
    expect(first.footer).toBe('Prepared by Duty officer Chan · printed 2026-11-21 09:30 UTC+8');
    expect(first.legend.map((block) => block.kind)).toEqual(['gradient', 'swatches']);
    const gradient = first.legend[0];
    expect(gradient.kind === 'gradient' && gradient.ticks[0]).toEqual({ fraction: 1, label: '100' });
  });

  it('says when there are no hotspots, leaves the scale out, and flags demo data; no creator gives the short footer', () => {
    const [page] = briefingPages({ ...base, demo: true, creator: '  ', views: [viewAnswer(defaultViewState('en'), [])] });
    expect(page.hotspots).toEqual([]);
    expect(page.emptyText).toBe('No hotspots in this view.');
    expect(page.legend.some((block) => block.kind === 'gradient')).toBe(false);
    expect(page.warning).toMatch(/synthetic/i);
    expect(page.footer).toBe('Printed 2026-11-21 09:30 UTC+8');
  });

  it('words the trend of every direction and keeps a note exactly as written (rendered as text later)', () => {
    const items = [
      hotspot(0, { trend: { now: 1, previous: 2, ratio: 0.5 } }),
      hotspot(1, { trend: { now: 1, previous: 1, ratio: 1 } }),
      hotspot(2, { trend: { now: 1, previous: 0, ratio: null } }),
      hotspot(3, { nearestSite: null, byCategory: {} }),
    ];
    const note = '<img src=x onerror=alert(1)> =1+2';
    const [page] = briefingPages({ ...base, views: [viewAnswer(defaultViewState('en'), items, note)] });
    expect(page.hotspots.map((row) => row.trend)).toEqual([
      { direction: 'down', text: '▼ 0.50×' },
      { direction: 'flat', text: '▬ steady' },
      { direction: 'new', text: '✦ new' },
      { direction: 'up', text: '▲ 2.00×' },
    ]);
    expect(page.hotspots[3].place).toBe(items[3].cell);
    expect(page.hotspots[3].category).toBe('');
    expect(page.note).toBe(note);
  });

  it('for any views and language: one page each, at most ten rows in rank order, every text filled, numbered 1..n', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ hotspots: fc.nat({ max: 30 }), note: fc.string(), title: fc.option(fc.string(), { nil: undefined }) }), { maxLength: 6 }),
        fc.constantFrom(...LOCALES),
        fc.constantFrom('dark' as const, 'light' as const),
        (specs, locale, theme) => {
          const views = specs.map((spec) => viewAnswer(defaultViewState(locale), Array.from({ length: spec.hotspots }, (_, i) => hotspot(i)), spec.note, spec.title));
          const pages = briefingPages({ ...base, locale, theme, views });
          expect(pages).toHaveLength(specs.length);
          pages.forEach((page, i) => {
            expect(page.number).toBe(i + 1);
            expect(page.hotspots.map((row) => row.cell)).toEqual(views[i].answer.hotspots.slice(0, BRIEFING_TOP_HOTSPOTS).map((item) => item.cell));
            expect(page.title.trim()).not.toBe('');
            for (const text of [page.hotspotHeading, page.footer, page.pageLabel, page.noteHeading, ...page.summary, ...Object.values(page.columns)]) {
              expect(text).not.toMatch(/\{\w+\}/);
              expect(text.trim()).not.toBe('');
            }
            expect(page.note).toBe(specs[i].note.trim() === '' ? null : specs[i].note);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});

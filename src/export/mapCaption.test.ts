import { describe, expect, it } from 'vitest';
import { defaultViewFilters } from '../view/ViewState.ts';
import { mapCaption } from './mapCaption.ts';

const T = Date.parse('2026-11-20T12:00:00+08:00');

describe('mapCaption', () => {
  it('says T, the window and the export time in 24-hour UTC+8, the filters, and warns of demo data', () => {
    const caption = mapCaption({
      time: T,
      windowDays: 30,
      filters: { ...defaultViewFilters(), severityMin: 3 },
      sources: ['GD', 'HK'],
      exportedAt: Date.parse('2026-11-21T01:05:00Z'),
      demo: true,
      locale: 'en',
    });
    expect(caption.title).toContain('Tidegate');
    expect(caption.lines).toEqual([
      'Evaluated at 2026-11-20 12:00 UTC+8',
      'Window: 30 d, 2026-10-21 12:00 – 2026-11-20 12:00 UTC+8',
      'Filters: severity ≥ 3',
      'Exported 2026-11-21 09:05 UTC+8',
    ]);
    expect(caption.warning).toBe('SYNTHETIC DEMO DATA — not real events');
  });

  it('speaks the board language and leaves the demo line out for real data', () => {
    const caption = mapCaption({ time: T, windowDays: 7, filters: defaultViewFilters(), sources: [], exportedAt: T, demo: false, locale: 'zh-Hant' });
    expect(caption.lines).toHaveLength(4);
    expect(caption.warning).toBeNull();
    expect(caption.lines[0]).toBe('評估時刻 2026-11-20 12:00（UTC+8）');
    expect(caption.lines[2]).toBe('篩選：全部事件（無篩選）');
  });
});

import { describe, expect, it } from 'vitest';
import { detailsHeading, nearSiteTitle } from './detailsHeading.ts';

const LO_WU = 'lo_wu_control_point';

describe('detailsHeading', () => {
  it('names a hotspot and an area alert by the nearest site, with the cell id as secondary text only', () => {
    const hotspot = detailsHeading({ kind: 'hotspot', cell: '87411c8a5ffffff' }, { id: LO_WU, distanceKm: 3.24 }, 'en');
    expect(hotspot).toEqual({ kind: 'Hotspot', title: 'near Lo Wu Control Point, 3.2 km', secondary: 'H3 cell 87411c8a5ffffff' });
    expect(hotspot.title).not.toContain('87411c8a5ffffff');
    const alert = detailsHeading({ kind: 'alert', target: 'cell', id: '87411c8a5ffffff' }, { id: LO_WU, distanceKm: 0.01 }, 'zh-Hant');
    expect(alert).toEqual({ kind: '激增預警（區域）', title: '羅湖管制站', secondary: 'H3 網格 87411c8a5ffffff' });
    expect(nearSiteTitle({ id: LO_WU, distanceKm: 0.4 }, 'zh-Hans')).toBe('罗湖管制站附近（400 m）');
    expect(nearSiteTitle(null, 'en')).toBe('an unnamed place');
  });

  it('names sites and channels by name, an unknown id as given, and an event by (source, id)', () => {
    expect(detailsHeading({ kind: 'site', id: LO_WU }, null, 'en')).toEqual({ kind: 'Site', title: 'Lo Wu Control Point', secondary: `id ${LO_WU}` });
    expect(detailsHeading({ kind: 'alert', target: 'site', id: 'X-9' }, null, 'en').title).toBe('X-9');
    expect(detailsHeading({ kind: 'channel', id: 'ghost' }, null, 'en').title).toBe('ghost');
    expect(detailsHeading({ kind: 'event', source: 'HK', id: '<b>1</b>' }, null, 'en')).toEqual({ kind: 'Event', title: 'HK · <b>1</b>', secondary: null });
  });
});

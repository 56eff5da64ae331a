import { describe, expect, it } from 'vitest';
import { formatMessage } from '../i18n/messages.ts';
import type { WallFeedLine } from './wallFeedHealth.ts';
import { alertsBySurprise, alertText, faultText, feedLineText } from './wallStripText.ts';

const t = (key: Parameters<typeof formatMessage>[1], values?: Record<string, string | number>) => formatMessage('en', key, values);
const line = (change: Partial<WallFeedLine>): WallFeedLine => ({
  key: 'https://feeds.test/a.csv',
  name: 'HKCED',
  url: 'https://feeds.test/a.csv',
  health: 'ok',
  staleReason: null,
  lastChangedAt: 0,
  dataAgeMs: 5 * 60_000,
  lastFetchedAt: 0,
  counts: { accepted: 1200, updated: 3, rejected: 0, unchanged: 0, stale: 0 } as WallFeedLine['counts'],
  failures: 0,
  error: null,
  ...change,
});

describe('wall strip text', () => {
  it('says a feed’s age, counts and failures, and why it is stale', () => {
    expect(feedLineText(line({}), 0, 'en', t)).toEqual({ badge: 'OK', details: ['changed 5 min ago', 'last import: 1,200 new, 3 updated, 0 rejected'] });
    const stale = feedLineText(line({ health: 'stale', staleReason: 'unchanged', dataAgeMs: 3 * 3_600_000, counts: null }), 0, 'en', t);
    expect(stale).toEqual({ badge: 'STALE', details: ['no change for 3 hr'] });
    const notFetched = feedLineText(line({ health: 'stale', staleReason: 'not-fetched', lastFetchedAt: 0, counts: null, failures: 2 }), 7_200_000, 'en', t);
    expect(notFetched.details).toEqual(['not fetched for 2 hr', '2 failed attempts in a row']);
    expect(feedLineText(line({ health: 'never', dataAgeMs: null, counts: null }), 0, 'en', t).details).toEqual(['never read']);
  });

  it('names alerts by place and orders them by surprise', () => {
    const alert = { target: 'cell' as const, id: '87411c9a8ffffff', observed: 30, baselineCount: 4, expected: 1.64, probability: 1e-9, logProbability: -20, since: 0, lon: 114, lat: 22.5, nearestSite: null };
    expect(alertText(alert, 'en', t)).toEqual({ place: 'Unnamed area', counts: '30 events in 24 h, 1.6 expected' });
    const calmer = { ...alert, id: 'b', logProbability: -3 };
    expect(alertsBySurprise([calmer, alert]).map((item) => item.id)).toEqual([alert.id, 'b']);
  });

  it('says a fault with its count and time', () => {
    expect(faultText({ kind: 'graphics', state: 'recovering', since: 0, recoveredAt: null, count: 2, detail: null }, 'en', t)).toBe('Map graphics lost: restoring (×2)');
    expect(faultText({ kind: 'quota', state: 'recovering', since: 0, recoveredAt: null, count: 1, detail: '93%' }, 'en', t)).toBe('Storage 93% full');
  });
});

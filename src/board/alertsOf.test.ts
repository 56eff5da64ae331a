import { describe, expect, it } from 'vitest';
import type { AlertItem, BoardAnswer } from './BoardQuery.ts';
import { alertsOf } from './alertsOf.ts';

const alert = (id: string) => ({ id }) as unknown as AlertItem;
const answerOf = (siteAlerts: AlertItem[], cellAlerts: AlertItem[]) => ({ siteAlerts, cellAlerts }) as unknown as BoardAnswer;

describe('alertsOf', () => {
  it('lists site alerts, then cell alerts, and returns the same list while the answer keeps both arrays', () => {
    const sites = [alert('s1'), alert('s2')];
    const cells = [alert('c1')];
    const first = alertsOf(answerOf(sites, cells));
    expect(first.map((item) => item.id)).toEqual(['s1', 's2', 'c1']);
    expect(alertsOf({ ...answerOf(sites, cells), requestId: 9 } as BoardAnswer)).toBe(first);
    const otherCells = [alert('c2')];
    const second = alertsOf(answerOf(sites, otherCells));
    expect(second).not.toBe(first);
    expect(second.map((item) => item.id)).toEqual(['s1', 's2', 'c2']);
    expect(alertsOf(null)).toEqual([]);
    expect(alertsOf(null)).toBe(alertsOf(null));
  });
});

import type { AlertItem, BoardAnswer } from './BoardQuery.ts';

const EMPTY: readonly AlertItem[] = [];
const listed = new WeakMap<readonly AlertItem[], { cellAlerts: readonly AlertItem[]; alerts: readonly AlertItem[] }>();

/**
 * An answer's alerts as the board lists them: site alerts, then cell alerts. The same list object
 * comes back for as long as the answer keeps the same two arrays (a playback step or a brush answer
 * keeps the ones before), so views and layers that depend on it stay as they are.
 */
export function alertsOf(answer: BoardAnswer | null): readonly AlertItem[] {
  if (answer === null) return EMPTY;
  const { siteAlerts, cellAlerts } = answer;
  const known = listed.get(siteAlerts);
  if (known !== undefined && known.cellAlerts === cellAlerts) return known.alerts;
  const alerts = [...siteAlerts, ...cellAlerts];
  listed.set(siteAlerts, { cellAlerts, alerts });
  return alerts;
}

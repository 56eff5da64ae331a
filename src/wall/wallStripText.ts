import type { AlertItem } from '../board/BoardQuery.ts';
import { nearPlaceName, siteName } from '../board/boardLabels.ts';
import { formatAge } from '../board/formatAge.ts';
import { formatUtc8 } from '../domain/formatUtc8.ts';
import type { Locale } from '../i18n/locales.ts';
import type { MessageKey } from '../i18n/messages.ts';
import type { WallFault } from './wallFaults.ts';
import type { WallFeedLine } from './wallFeedHealth.ts';

/** A translation function bound to a language. */
export type WallTranslate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The status strip's text for one feed at `now`: its badge, and the details after its name. */
export function feedLineText(line: WallFeedLine, now: number, locale: Locale, t: WallTranslate): { badge: string; details: string[] } {
  const details: string[] = [];
  const age = (ms: number) => formatAge(ms, locale);
  if (line.health === 'stale' && line.staleReason !== null && line.dataAgeMs !== null) {
    const since = line.staleReason === 'not-fetched' && line.lastFetchedAt !== null ? Math.max(0, now - line.lastFetchedAt) : line.dataAgeMs;
    details.push(t(line.staleReason === 'unchanged' ? 'wall.stale.unchanged' : 'wall.stale.notFetched', { age: age(since) }));
  } else if (line.dataAgeMs !== null) details.push(t('wall.age', { age: age(line.dataAgeMs) }));
  else details.push(t('wall.age.never'));
  if (line.counts !== null) {
    details.push(
      t('wall.counts', {
        accepted: line.counts.accepted.toLocaleString(locale),
        updated: line.counts.updated.toLocaleString(locale),
        rejected: line.counts.rejected.toLocaleString(locale),
      }),
    );
  }
  if (line.failures > 0) details.push(t('wall.failures', { count: line.failures.toLocaleString(locale) }));
  return { badge: t(`wall.health.${line.health}`), details };
}

/** An alert as the wall names it: its place (never a raw cell id), and its counts. */
export function alertText(alert: AlertItem, locale: Locale, t: WallTranslate): { place: string; counts: string } {
  const place = alert.target === 'site' ? siteName(alert.id, locale) : nearPlaceName(alert.nearestSite, locale, t('board.alertArea'));
  const expected = alert.expected.toLocaleString(locale, { maximumFractionDigits: 1 });
  return { place, counts: t('wall.alertCounts', { observed: alert.observed.toLocaleString(locale), expected }) };
}

/** A fault as the strip says it. */
export function faultText(fault: WallFault, locale: Locale, t: WallTranslate): string {
  return t(`wall.fault.${fault.kind}.${fault.state}`, {
    count: fault.count.toLocaleString(locale),
    time: formatUtc8(fault.recoveredAt ?? fault.since),
    detail: fault.detail ?? '',
    percent: fault.detail ?? '',
  });
}

/** The most surprising alerts first (as the board's alert list orders them). */
export function alertsBySurprise(alerts: readonly AlertItem[]): AlertItem[] {
  return [...alerts].sort((a, b) => a.logProbability - b.logProbability || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

import { formatNumber } from '../../i18n/formatNumber.ts';
import type { AlertItem, BoardAnswer, EventLayerData, EventRow, LinkLayerData, NearestSite } from '../../board/BoardQuery.ts';
import { categoryName, localName, nearPlaceName } from '../../board/boardLabels.ts';
import { topShare, trendDirection } from '../../board/rankedListText.ts';
import { CATEGORY_KEYS } from '../../domain/categories.ts';
import { formatUtc8 } from '../../domain/formatUtc8.ts';
import { haversineMeters } from '../../geo/haversineMeters.ts';
import { nearestSite } from '../../geo/referenceGeography.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { trendOf } from '../../risk/trendOf.ts';
import type { ChannelMark } from './layers/channelLayer.ts';
import type { SiteMark } from './layers/siteLayer.ts';

/**
 * What a map tooltip says: plain strings, shown by a component as text (feed values such as a
 * source or an id included verbatim — never as HTML).
 */
export interface MapTooltip {
  title: string;
  lines: string[];
}

/** A translation function (the board's `t`). */
export type MapTranslate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A score for people: three significant digits in the locale's grouping. */
export function formatScore(score: number, locale: Locale): string {
  return formatNumber(score, locale, { maximumSignificantDigits: 3 });
}

function formatCount(count: number, locale: Locale): string {
  return formatNumber(count, locale);
}

function formatShare(share: number, locale: Locale): string {
  return formatNumber(share, locale, { style: 'percent', maximumFractionDigits: 0 });
}

/** The reference site nearest a position, for naming a place the answer did not name. */
function nearestNamedSite(lon: number, lat: number): NearestSite | null {
  const site = nearestSite(lon, lat);
  return site === null ? null : { id: site.id, distanceKm: haversineMeters(lon, lat, site.lon, site.lat) / 1000 };
}

function trendLine(now: number, previous: number, locale: Locale, t: MapTranslate): string | null {
  if (!Number.isFinite(previous)) return null;
  const trend = trendOf(now, previous);
  const direction = trendDirection(trend);
  if (direction === 'up' || direction === 'down') {
    return t(`map.tip.trend.${direction}`, { percent: formatShare(Math.abs((trend.ratio ?? 1) - 1), locale) });
  }
  return t(`map.tip.trend.${direction}`);
}

/** Hotspot `rank` (0-based): rank and place, score, events, top category (for the described ones), trend. */
export function hotspotTooltip(answer: BoardAnswer, rank: number, locale: Locale, t: MapTranslate): MapTooltip {
  const layer = answer.hotspotLayer;
  const item = answer.hotspots[rank]?.rank === rank ? answer.hotspots[rank] : undefined;
  const near = item?.nearestSite ?? nearestNamedSite(layer.centre[2 * rank], layer.centre[2 * rank + 1]);
  const lines = [t('map.tip.near', { place: nearPlaceName(near, locale, '') }), t('map.tip.score', { score: formatScore(layer.scores[rank], locale) }), t('map.tip.events', { count: formatCount(layer.counts[rank], locale) })];
  const top = item ? topShare(item.byCategory) : null;
  if (top) lines.push(t('map.tip.topCategory', { category: categoryName(top.key, locale), share: formatShare(top.share, locale) }));
  const trend = trendLine(layer.scores[rank], layer.previous[rank], locale, t);
  if (trend) lines.push(trend);
  if (near === null) lines.shift();
  return { title: t('map.tip.hotspot', { rank: rank + 1 }), lines };
}

function placeLines(score: number, count: number, previous: number, locale: Locale, t: MapTranslate): string[] {
  if (!(score > 0)) return [t('map.tip.noRisk')];
  const lines = [t('map.tip.riskScore', { score: formatScore(score, locale) }), t('map.tip.events', { count: formatCount(count, locale) })];
  const trend = trendLine(score, previous, locale, t);
  if (trend) lines.push(trend);
  return lines;
}

/** A site: its full name, mode, risk score, events and trend, and a closed or estimated position. */
export function siteTooltip(mark: SiteMark, previous: number, locale: Locale, t: MapTranslate): MapTooltip {
  const { site } = mark;
  const lines = [t(`legend.${site.iconMode}`), ...placeLines(mark.score, mark.count, previous, locale, t)];
  if (site.status === 'closed') lines.push(t('map.tip.closed'));
  if (site.status === 'suspended') lines.push(t('map.tip.suspended'));
  if (site.confidence === 'estimated') lines.push(t('legend.estimated'));
  return { title: localName(site, locale), lines };
}

/** A channel: its full name, risk score, events and trend. */
export function channelTooltip(mark: ChannelMark, previous: number, locale: Locale, t: MapTranslate): MapTooltip {
  return { title: localName(mark.channel, locale), lines: [t('legend.channel'), ...placeLines(mark.score, mark.count, previous, locale, t)] };
}

/** A spike alert: where ("Lo Wu, 3.2 km"), observed against expected, and since when (UTC+8). */
export function alertTooltip(alert: AlertItem, locale: Locale, t: MapTranslate): MapTooltip {
  const place = nearPlaceName(alert.nearestSite, locale, `${alert.lat.toFixed(3)}, ${alert.lon.toFixed(3)}`);
  return {
    title: `${t('map.tip.alert')} · ${place}`,
    lines: [
      t('map.tip.alertCounts', { observed: formatCount(alert.observed, locale), expected: formatNumber(alert.expected, locale, { maximumFractionDigits: 1 }) }),
      t('map.tip.since', { time: formatUtc8(alert.since, false) }),
    ],
  };
}

/**
 * An event point: category and severity at once; time, source and id once the record is read
 * (`record` null while it loads, undefined when it cannot be). An aggregate dot: how many events
 * it merges and their most frequent category.
 */
export function eventTooltip(events: EventLayerData, index: number, record: EventRow | null | undefined, locale: Locale, t: MapTranslate): MapTooltip {
  const category = categoryName(CATEGORY_KEYS[events.category[index]] ?? 'other', locale);
  if (events.kind === 'aggregate') {
    return { title: t('map.tip.aggregate', { count: formatCount(events.weight[index], locale) }), lines: [t('map.tip.aggregateCategory', { category }), t('map.tip.clickToZoom')] };
  }
  const lines = [t('map.tip.severity', { severity: events.severity[index] })];
  if (record === null) lines.push(t('map.tip.loading'));
  else if (record !== undefined) lines.push(t('map.tip.time', { time: formatUtc8(record.time, false) }), t('map.tip.record', { source: record.source, id: record.id }));
  return { title: category, lines };
}

/** A link arc: its two ends named by their nearest sites, and how many links it bundles. */
export function linkTooltip(links: LinkLayerData, index: number, locale: Locale, t: MapTranslate): MapTooltip {
  const end = (positions: Float32Array) => {
    const [lon, lat] = [positions[2 * index], positions[2 * index + 1]];
    return nearPlaceName(nearestNamedSite(lon, lat), locale, `${lat.toFixed(3)}, ${lon.toFixed(3)}`);
  };
  return { title: t('map.tip.link', { from: end(links.from), to: end(links.to) }), lines: [t('map.tip.linkCount', { count: formatCount(links.weight[index], locale) })] };
}

import { formatNumber } from '../i18n/formatNumber.ts';
import { CATEGORY_NAMES, type CategoryKey } from '../domain/categories.ts';
import { channelById, siteById } from '../geo/referenceGeography.ts';
import type { PlaceNames } from '../geo/ReferenceGeographyData.ts';
import type { Locale } from '../i18n/locales.ts';

/** A place's name in `locale`. */
export function localName(place: { names: PlaceNames }, locale: Locale): string {
  if (locale === 'zh-Hans') return place.names.zhHans;
  if (locale === 'zh-Hant') return place.names.zhHant;
  return place.names.en;
}

/** A category's name in `locale`; an unknown key is shown as it is. */
export function categoryName(key: string, locale: Locale): string {
  const names = CATEGORY_NAMES[key as CategoryKey];
  if (names === undefined) return key;
  return locale === 'zh-Hans' ? names.zhHans : locale === 'zh-Hant' ? names.zhHant : names.en;
}

/** A reference site's name in `locale`, or the id a record gave when it is no reference site. */
export function siteName(id: string, locale: Locale): string {
  const site = siteById(id);
  return site === undefined ? id : localName(site, locale);
}

/** A reference channel's name in `locale`, or the id a record gave. */
export function channelName(id: string, locale: Locale): string {
  const channel = channelById(id);
  return channel === undefined ? id : localName(channel, locale);
}

/** A distance for people: metres under 1 km, one decimal under 10 km, whole km beyond. */
export function formatDistanceKm(km: number, locale: Locale): string {
  if (km < 1) return `${formatNumber(Math.round(km * 1000), locale)} m`;
  return `${formatNumber(km, locale, { maximumFractionDigits: km < 10 ? 1 : 0 })} km`;
}

/** "Lo Wu, 3.2 km": a place named by its nearest reference site (the site alone when on it). */
export function nearPlaceName(nearest: { id: string; distanceKm: number } | null, locale: Locale, fallback: string): string {
  if (nearest === null) return fallback;
  const name = siteName(nearest.id, locale);
  return nearest.distanceKm < 0.05 ? name : `${name}, ${formatDistanceKm(nearest.distanceKm, locale)}`;
}

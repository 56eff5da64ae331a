import type { Locale } from '../i18n/locales.ts';
import { formatMessage } from '../i18n/messages.ts';
import type { Selection } from '../view/ViewState.ts';
import type { NearestSite } from './BoardQuery.ts';
import { channelName, formatDistanceKm, siteName } from './boardLabels.ts';

/** How the details drawer names what it explains. */
export interface DetailsHeading {
  /** What kind of thing it is ("Hotspot", "Spike alert (site)"). */
  kind: string;
  /** Its name for people: a place name, "near Lo Wu, 3.2 km", or an event's "source · id". */
  title: string;
  /** The raw id, shown small (an H3 cell, a site id), or null when the title is the id. */
  secondary: string | null;
}

/** Closer than this to a site, a place is "at" it. */
const AT_SITE_KM = 0.05;

/** An area named by its nearest reference site: "near Lo Wu, 3.2 km", "at Lo Wu", or "an unnamed place". */
export function nearSiteTitle(nearest: NearestSite | null, locale: Locale): string {
  if (nearest === null) return formatMessage(locale, 'details.unnamed');
  const site = siteName(nearest.id, locale);
  if (nearest.distanceKm < AT_SITE_KM) return formatMessage(locale, 'details.atSite', { site });
  return formatMessage(locale, 'details.nearSite', { site, distance: formatDistanceKm(nearest.distanceKm, locale) });
}

/**
 * The drawer's heading for `selection` in `locale`: a hotspot or an area alert by its nearest
 * site (`nearest`, from the details answer) with the cell id as secondary text — never the raw id
 * alone; a site or channel by its name; an event by (source, id).
 */
export function detailsHeading(selection: Selection, nearest: NearestSite | null, locale: Locale): DetailsHeading {
  const kind = (key: Parameters<typeof formatMessage>[1]): string => formatMessage(locale, key);
  switch (selection.kind) {
    case 'hotspot':
      return { kind: kind('details.kind.hotspot'), title: nearSiteTitle(nearest, locale), secondary: formatMessage(locale, 'details.cellId', { id: selection.cell }) };
    case 'site':
      return { kind: kind('details.kind.site'), title: siteName(selection.id, locale), secondary: formatMessage(locale, 'details.placeId', { id: selection.id }) };
    case 'channel':
      return { kind: kind('details.kind.channel'), title: channelName(selection.id, locale), secondary: formatMessage(locale, 'details.placeId', { id: selection.id }) };
    case 'alert':
      return selection.target === 'cell'
        ? { kind: kind('details.kind.cellAlert'), title: nearSiteTitle(nearest, locale), secondary: formatMessage(locale, 'details.cellId', { id: selection.id }) }
        : { kind: kind('details.kind.siteAlert'), title: siteName(selection.id, locale), secondary: formatMessage(locale, 'details.placeId', { id: selection.id }) };
    case 'event':
      return { kind: kind('details.kind.event'), title: `${selection.source} · ${selection.id}`, secondary: null };
  }
}

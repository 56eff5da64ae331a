import { localName } from '../../board/boardLabels.ts';
import type { ReferenceCity, ReferenceSite } from '../../geo/referenceGeography.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { LabelCandidate, LabelSide } from './placeLabels.ts';

/** A place name the map may label. */
export interface MapLabel {
  kind: 'city' | 'site';
  id: string;
  lon: number;
  lat: number;
  text: string;
  /** Higher is placed first: every city before every site, riskier sites before calmer ones. */
  priority: number;
}

/** Label sizes, design pixels (scaled by the root font size). */
export const LABEL_SIZE = { city: 15, site: 12 } as const;

/** Where each kind of label may go: a city on its point, a site beside its disc. */
const SIDES: Record<MapLabel['kind'], readonly LabelSide[]> = {
  city: ['center', 'below', 'above'],
  site: ['right', 'left', 'above', 'below'],
};

/**
 * A place's name as a map label: without a bracketed note such as "(incl. Macao Port Area …)" or
 * "（粤澳新通道）" — the tooltip and the panels give the full name.
 */
export function shortPlaceName(name: string): string {
  const short = name.replace(/\s*[(（][^()（）]*[)）]\s*$/u, '').trim();
  return short.length > 0 ? short : name;
}

/**
 * The labels for `locale`: every city, and every site from `siteLabelZoom` on, each site ranked
 * by `siteRisk` (0–1, NaN for none; closed sites last).
 */
export function mapLabels(
  locale: Locale,
  cities: readonly ReferenceCity[],
  sites: readonly ReferenceSite[],
  siteRisk: (site: ReferenceSite) => number,
  withSites: boolean,
): MapLabel[] {
  const labels: MapLabel[] = cities.map((city) => ({ kind: 'city', id: city.id, lon: city.lon, lat: city.lat, text: shortPlaceName(localName(city, locale)), priority: 1000 }));
  if (!withSites) return labels;
  for (const site of sites) {
    const risk = siteRisk(site);
    const priority = site.status !== 'open' ? 0 : 100 + (Number.isNaN(risk) ? 0 : Math.round(100 * risk));
    labels.push({ kind: 'site', id: site.id, lon: site.lon, lat: site.lat, text: shortPlaceName(localName(site, locale)), priority });
  }
  return labels;
}

/** Every character the labels of a locale use, so their font slices can load before they are drawn. */
export function labelCharacters(labels: readonly MapLabel[]): string {
  return [...new Set(labels.map((label) => label.text).join(''))].join('');
}

/**
 * Placement candidates for `labels` at their screen positions: text boxes from `measure` (width of
 * a text at a pixel size) plus the halo, sites offset beside a disc of `siteRadius` pixels, each
 * site free to touch the obstacles `ownObstacles` names (its disc, its alert rings).
 */
export function labelCandidates(
  labels: readonly MapLabel[],
  screen: readonly { x: number; y: number }[],
  measure: (text: string, kind: MapLabel['kind']) => number,
  scale: number,
  siteRadius: number,
  ownObstacles: (label: MapLabel) => readonly number[],
): LabelCandidate[] {
  const halo = 3 * scale;
  return labels.map((label, i) => {
    const size = LABEL_SIZE[label.kind] * scale;
    return {
      x: screen[i].x,
      y: screen[i].y,
      width: measure(label.text, label.kind) + 2 * halo,
      height: size * 1.25 + halo,
      priority: label.priority,
      sides: SIDES[label.kind],
      offset: label.kind === 'site' ? siteRadius + 3 * scale : 0.8 * size,
      avoidObstacles: label.kind === 'site',
      ownObstacles: label.kind === 'site' ? ownObstacles(label) : [],
    };
  });
}

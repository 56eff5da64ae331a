import type { HotspotLayerData } from '../board/BoardQuery.ts';
import { siteName } from '../board/boardLabels.ts';
import type { CsvCell } from '../csv/csvField.ts';
import type { CsvTable } from '../csv/csvText.ts';
import { REFERENCE_SITES } from '../geo/referenceGeography.ts';
import type { Locale } from '../i18n/locales.ts';
import { formatMessage, type MessageKey } from '../i18n/messages.ts';
import { cellHalvesToHex } from '../risk/cellHalves.ts';
import { nearestReferenceSite, type SitePosition } from './nearestReferenceSite.ts';

/** The hotspot columns, in file order. */
const COLUMNS = [
  'exports.col.rank',
  'exports.col.cell',
  'exports.col.nearestSite',
  'exports.col.nearestSiteId',
  'exports.col.distanceKm',
  'exports.col.score',
  'exports.col.events',
  'exports.col.previousScore',
  'exports.col.trendRatio',
  'exports.col.centreLat',
  'exports.col.centreLon',
] as const satisfies readonly MessageKey[];

/** What the hotspot table reads of an answer's hotspot layer. */
export type HotspotColumns = Pick<HotspotLayerData, 'count' | 'cellHigh' | 'cellLow' | 'scores' | 'counts' | 'previous' | 'centre'>;

/** `value` rounded to `decimals` places, for positions and distances a spreadsheet shows. */
function rounded(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

function* hotspotRows(layer: HotspotColumns, locale: Locale, sites: readonly SitePosition[]): Generator<CsvCell[]> {
  for (let rank = 0; rank < layer.count; rank++) {
    const lon = layer.centre[2 * rank];
    const lat = layer.centre[2 * rank + 1];
    const nearest = nearestReferenceSite(lon, lat, sites);
    const score = layer.scores[rank];
    const previous = layer.previous[rank];
    yield [
      rank + 1,
      cellHalvesToHex(layer.cellHigh[rank], layer.cellLow[rank]),
      nearest === null ? null : siteName(nearest.id, locale),
      nearest === null ? null : nearest.id,
      nearest === null ? null : rounded(nearest.distanceKm, 3),
      score,
      layer.counts[rank],
      Number.isNaN(previous) ? null : previous,
      previous > 0 ? score / previous : null,
      rounded(lat, 6),
      rounded(lon, 6),
    ];
  }
}

/**
 * Every ranked hotspot of an answer as a CSV table, header in `locale`: rank (1 = highest score),
 * H3 cell, the nearest reference site to the cell centre (name, id, km — measured here from the
 * centre, O(cells × sites)), score, events, previous-window score and trend ratio (empty without
 * a previous score), centre latitude and longitude. Rows are produced as the writer asks.
 */
export function hotspotCsvTable(layer: HotspotColumns, locale: Locale, sites: readonly SitePosition[] = REFERENCE_SITES): CsvTable {
  return {
    header: COLUMNS.map((key) => formatMessage(locale, key)),
    rows: { [Symbol.iterator]: () => hotspotRows(layer, locale, sites) },
  };
}

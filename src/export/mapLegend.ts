import { categoryName } from '../board/boardLabels.ts';
import { CATEGORY_COLOURS } from '../board/categoryPalette.ts';
import { CATEGORY_KEYS } from '../domain/categories.ts';
import type { Locale } from '../i18n/locales.ts';
import { formatMessage } from '../i18n/messages.ts';
import type { LayerKey, ViewFilters } from '../view/ViewState.ts';

/** The hotspot colour scale as the map draws it: stops low to high (CSS colours) and labelled ticks. */
export interface ScoreScale {
  stops: readonly string[];
  /** Scores and where they sit on the scale (0 = low end, 1 = high end). */
  ticks: readonly { score: number; fraction: number }[];
}

/** One block of a map image's legend. */
export type LegendBlock =
  | { kind: 'gradient'; title: string; stops: readonly string[]; ticks: { fraction: number; label: string }[] }
  | { kind: 'swatches'; title: string; items: { colour: string; label: string }[] };

/** What the legend of a map image shows. */
export interface MapLegendInput {
  layers: Readonly<Record<LayerKey, boolean>>;
  filters: Pick<ViewFilters, 'categories'>;
  /** The hotspot scale, or null when there are no hotspots to scale. */
  scale: ScoreScale | null;
  locale: Locale;
}

/**
 * The legend drawn beside a map image, for the layers that are on: the hotspot score scale (with
 * its ticks as numbers in the language's digits) and the colours of the event categories the
 * filters admit.
 */
export function mapLegend(input: MapLegendInput): LegendBlock[] {
  const { locale } = input;
  const blocks: LegendBlock[] = [];
  if ((input.layers.hotspots || input.layers.extrusion) && input.scale !== null) {
    blocks.push({
      kind: 'gradient',
      title: formatMessage(locale, 'exports.legend.hotspots'),
      stops: input.scale.stops,
      ticks: input.scale.ticks.map((tick) => ({ fraction: tick.fraction, label: tick.score.toLocaleString(locale, { maximumSignificantDigits: 3 }) })),
    });
  }
  if (input.layers.events) {
    const admitted = input.filters.categories ?? CATEGORY_KEYS;
    blocks.push({
      kind: 'swatches',
      title: formatMessage(locale, 'exports.legend.categories'),
      items: CATEGORY_KEYS.filter((key) => admitted.includes(key)).map((key) => ({ colour: CATEGORY_COLOURS[key], label: categoryName(key, locale) })),
    });
  }
  return blocks;
}

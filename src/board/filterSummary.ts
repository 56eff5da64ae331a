import type { Locale } from '../i18n/locales.ts';
import { formatMessage } from '../i18n/messages.ts';
import type { ViewFilters } from '../view/ViewState.ts';
import { activeDimensions, optionsOf, type FilterDimension, type ListDimension } from './filterEdits.ts';

const LIST_KEYS = {
  categories: 'filters.summary.categories',
  kinds: 'filters.summary.kinds',
  modes: 'filters.summary.modes',
  sources: 'filters.summary.sources',
} as const;

function listPart(filters: ViewFilters, dimension: Exclude<ListDimension, 'reliability'>, locale: Locale, sources: readonly string[]): string {
  const list = filters[dimension] ?? [];
  // A source from a link that this data lacks still counts among the chosen, so "n of m" never reads n > m.
  const total = dimension === 'sources' ? new Set([...optionsOf('sources', sources), ...list]).size : optionsOf(dimension).length;
  return formatMessage(locale, LIST_KEYS[dimension], { count: list.length, total });
}

function part(filters: ViewFilters, dimension: FilterDimension, locale: Locale, sources: readonly string[]): string {
  switch (dimension) {
    case 'severity': {
      const { severityMin: min, severityMax: max } = filters;
      if (min === max) return formatMessage(locale, 'filters.summary.severityExactly', { value: min });
      if (max === 5) return formatMessage(locale, 'filters.summary.severityAtLeast', { min });
      if (min === 1) return formatMessage(locale, 'filters.summary.severityAtMost', { max });
      return formatMessage(locale, 'filters.summary.severityRange', { min, max });
    }
    case 'reliability': {
      const letters = filters.reliability ?? [];
      return letters.length === 0
        ? formatMessage(locale, 'filters.summary.reliabilityNone')
        : formatMessage(locale, 'filters.summary.reliability', { letters: letters.join(', ') });
    }
    case 'credibility':
      return formatMessage(locale, 'filters.summary.credibility', { max: filters.minCredibility });
    case 'area':
      return formatMessage(locale, 'filters.summary.area');
    default:
      return listPart(filters, dimension, locale, sources);
  }
}

/**
 * One line naming what the filters leave out, e.g. "3 of 11 categories · severity ≥ 3 · area", in
 * `locale`; "All events" when nothing is filtered. `sources` are the loaded data's agencies (for
 * "1 of 4 agencies"). The filter panel heads with it; the PNG and CSV exports print it.
 */
export function filterSummary(filters: ViewFilters, locale: Locale, sources: readonly string[] = []): string {
  const parts = activeDimensions(filters).map((dimension) => part(filters, dimension, locale, sources));
  return parts.length === 0 ? formatMessage(locale, 'filters.summary.none') : parts.join(' · ');
}

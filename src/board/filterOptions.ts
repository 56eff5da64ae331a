import { CATEGORY_KEYS } from '../domain/categories.ts';
import { RELIABILITY_LETTERS } from '../domain/grading.ts';
import { RECORD_KINDS } from '../domain/recordKinds.ts';
import type { Locale } from '../i18n/locales.ts';
import { formatMessage, type MessageKey } from '../i18n/messages.ts';
import { NO_MODE } from '../view/ViewState.ts';
import { categoryName } from './boardLabels.ts';
import type { FacetCounts } from './BoardQuery.ts';
import { CREDIBILITY_DIGITS, MODE_OPTIONS } from './filterEdits.ts';

/**
 * The filter panel's options with their names in one language and their counts from the answer's
 * FacetCounts (events in the window under the other filters), each count taken from the slot the
 * worker counts that option in. A count is null while there is no answer (the panel shows "–").
 */

/** One option of a filter as the panel lists it. */
export interface FilterOption {
  /** The value the filter stores. */
  value: string;
  label: string;
  count: number | null;
}

function countAt(counts: ArrayLike<number> | undefined, index: number): number | null {
  const count = counts?.[index];
  return count === undefined ? null : count;
}

/** The 11 categories in code order. */
export function categoryOptions(facets: FacetCounts | null, locale: Locale): FilterOption[] {
  return CATEGORY_KEYS.map((key, code) => ({ value: key, label: categoryName(key, locale), count: countAt(facets?.categories, code) }));
}

/** Record kinds in code order. */
export function kindOptions(facets: FacetCounts | null, locale: Locale): FilterOption[] {
  return RECORD_KINDS.map((kind, code) => ({ value: kind, label: formatMessage(locale, `kind.${kind}`), count: countAt(facets?.kinds, code) }));
}

/** "No mode" first, then the transport modes in code order (the facet's own order). */
export function modeOptions(facets: FacetCounts | null, locale: Locale): FilterOption[] {
  return MODE_OPTIONS.map((mode, index) => ({
    value: mode,
    label: formatMessage(locale, mode === NO_MODE ? 'risk.noMode' : `mode.${mode}`),
    count: countAt(facets?.modes, index),
  }));
}

/**
 * Source agencies sorted by name for reading (in the language's collation), each with the count
 * at its position in `sources` — the loaded data's order, which the facets follow.
 */
export function sourceOptions(sources: readonly string[], facets: FacetCounts | null, locale: Locale): FilterOption[] {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  return sources
    .map((source, index) => ({ value: source, label: source, count: countAt(facets?.sources, index) }))
    .sort((a, b) => collator.compare(a.label, b.label) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** Reliability letters A–F with their meaning. */
export function reliabilityOptions(facets: FacetCounts | null, locale: Locale): FilterOption[] {
  return RELIABILITY_LETTERS.map((letter, index) => ({
    value: letter,
    label: formatMessage(locale, `filters.reliability.${letter}` as MessageKey),
    count: countAt(facets?.reliability, index),
  }));
}

/** Credibility digits 1–6 with their meaning. */
export function credibilityOptions(facets: FacetCounts | null, locale: Locale): FilterOption[] {
  return CREDIBILITY_DIGITS.map((digit, index) => ({
    value: String(digit),
    label: formatMessage(locale, `filters.credibility.${digit}` as MessageKey),
    count: countAt(facets?.credibility, index),
  }));
}

/** Severities 1–5 with their counts. */
export function severityOptions(facets: FacetCounts | null, locale: Locale): FilterOption[] {
  return [1, 2, 3, 4, 5].map((severity) => ({
    value: String(severity),
    label: formatMessage(locale, 'filters.severityLevel', { value: severity }),
    count: countAt(facets?.severity, severity - 1),
  }));
}

import { CATEGORY_KEYS } from '../domain/categories.ts';
import { RELIABILITY_LETTERS } from '../domain/grading.ts';
import { RECORD_KINDS } from '../domain/recordKinds.ts';
import { TRANSPORT_MODES } from '../domain/transportModes.ts';
import type { CredibilityDigit } from '../risk/RiskParams.ts';
import { defaultViewFilters, NO_MODE, type ViewFilters } from '../view/ViewState.ts';

/**
 * The filter panel's edits, as pure functions of the current filters. A list the user fills
 * again becomes `null` ("no constraint"), so ticking every option gives the same view (and the
 * same link) as never having filtered; lists keep the order restoreViewState gives them, so an
 * edited view and the same view read back from a link compare equal.
 */

/** The filters chosen from a set of options. */
export type ListDimension = 'categories' | 'kinds' | 'modes' | 'sources' | 'reliability';

/** Every dimension the panel clears on its own. */
export type FilterDimension = ListDimension | 'severity' | 'credibility' | 'area';

/** Dimensions in the order the panel shows them. */
export const FILTER_DIMENSIONS: readonly FilterDimension[] = ['categories', 'kinds', 'modes', 'sources', 'severity', 'reliability', 'credibility', 'area'];

/** Transport-mode options in the order restoreViewState keeps them (no mode last). */
const MODE_ORDER: readonly string[] = [...TRANSPORT_MODES, NO_MODE];

/** Transport-mode options as the panel lists them and FacetCounts.modes counts them: no mode first. */
export const MODE_OPTIONS: readonly (typeof NO_MODE | (typeof TRANSPORT_MODES)[number])[] = [NO_MODE, ...TRANSPORT_MODES];

/** Credibility digits, best first. */
export const CREDIBILITY_DIGITS: readonly CredibilityDigit[] = [1, 2, 3, 4, 5, 6];

/** Lowest and highest severity. */
export const SEVERITY_RANGE = [1, 5] as const;

/**
 * Every option of a list dimension, in its stored order. Source agencies are those of the loaded
 * data (`sources`), sorted the way restoreViewState sorts them.
 */
export function optionsOf(dimension: ListDimension, sources: readonly string[] = []): readonly string[] {
  switch (dimension) {
    case 'categories':
      return CATEGORY_KEYS;
    case 'kinds':
      return RECORD_KINDS;
    case 'modes':
      return MODE_ORDER;
    case 'reliability':
      return RELIABILITY_LETTERS;
    case 'sources':
      return [...new Set(sources)].sort();
  }
}

function listOf(filters: ViewFilters, dimension: ListDimension): readonly string[] | null {
  return filters[dimension] as readonly string[] | null;
}

function withList(filters: ViewFilters, dimension: ListDimension, list: string[] | null): ViewFilters {
  return { ...filters, [dimension]: list } as ViewFilters;
}

/**
 * `chosen` in stored order: known options in the order of `options`, then values the options do
 * not know (a source from a link, absent from this data) as they were. Every option chosen and
 * nothing else: null.
 */
function normalized(chosen: ReadonlySet<string>, options: readonly string[], dimension: ListDimension): string[] | null {
  const known = options.filter((option) => chosen.has(option));
  const unknown = [...chosen].filter((value) => !options.includes(value));
  if (unknown.length === 0 && options.length > 0 && known.length === options.length) return null;
  const list = [...known, ...unknown];
  return dimension === 'sources' ? list.sort() : list;
}

/** Whether `option` is admitted by the filters (a dimension left open admits every option). */
export function isOptionOn(filters: ViewFilters, dimension: ListDimension, option: string): boolean {
  const list = listOf(filters, dimension);
  return list === null || list.includes(option);
}

/**
 * Ticks (`on`) or unticks one option. Unticking an option of an open dimension admits every
 * other option; ticking the last missing one opens the dimension again. An option the dimension
 * does not know (and the list does not hold) leaves the filters as they are.
 */
export function setOption(filters: ViewFilters, dimension: ListDimension, option: string, on: boolean, sources: readonly string[] = []): ViewFilters {
  const options = optionsOf(dimension, sources);
  const list = listOf(filters, dimension);
  if (!options.includes(option) && !(list ?? []).includes(option)) return filters;
  if (isOptionOn(filters, dimension, option) === on) return filters;
  const chosen = new Set(list ?? options);
  if (on) chosen.add(option);
  else chosen.delete(option);
  return withList(filters, dimension, normalized(chosen, options, dimension));
}

/** Admits `option` alone in its dimension. */
export function onlyOption(filters: ViewFilters, dimension: ListDimension, option: string, sources: readonly string[] = []): ViewFilters {
  const options = optionsOf(dimension, sources);
  if (!options.includes(option)) return filters;
  return withList(filters, dimension, normalized(new Set([option]), options, dimension));
}

/** Admits every option of a dimension (no constraint). */
export function allOptions(filters: ViewFilters, dimension: ListDimension): ViewFilters {
  return withList(filters, dimension, null);
}

/** Admits no option of a dimension (the board then counts nothing). */
export function noOptions(filters: ViewFilters, dimension: ListDimension): ViewFilters {
  return withList(filters, dimension, []);
}

function severityOf(value: number): number {
  const [low, high] = SEVERITY_RANGE;
  return Number.isFinite(value) ? Math.min(high, Math.max(low, Math.round(value))) : low;
}

/** Sets the lowest severity admitted (1–5, whole); the highest follows when it would fall below it. */
export function setSeverityMin(filters: ViewFilters, value: number): ViewFilters {
  const severityMin = severityOf(value);
  return { ...filters, severityMin, severityMax: Math.max(filters.severityMax, severityMin) };
}

/** Sets the highest severity admitted (1–5, whole); the lowest follows when it would rise above it. */
export function setSeverityMax(filters: ViewFilters, value: number): ViewFilters {
  const severityMax = severityOf(value);
  return { ...filters, severityMax, severityMin: Math.min(filters.severityMin, severityMax) };
}

/** Sets the worst credibility digit admitted; anything but a digit 1–6 leaves the filters as they are. */
export function setMinCredibility(filters: ViewFilters, digit: number): ViewFilters {
  if (!CREDIBILITY_DIGITS.includes(digit as CredibilityDigit)) return filters;
  return { ...filters, minCredibility: digit as CredibilityDigit };
}

/** Removes the drawn area. */
export function clearArea(filters: ViewFilters): ViewFilters {
  return { ...filters, area: null };
}

/** Whether a dimension constrains anything. */
export function isDimensionActive(filters: ViewFilters, dimension: FilterDimension): boolean {
  switch (dimension) {
    case 'severity':
      return filters.severityMin > SEVERITY_RANGE[0] || filters.severityMax < SEVERITY_RANGE[1];
    case 'credibility':
      return filters.minCredibility < 6;
    case 'area':
      return filters.area !== null;
    default:
      return filters[dimension] !== null;
  }
}

/** The dimensions that constrain anything, in panel order. */
export function activeDimensions(filters: ViewFilters): FilterDimension[] {
  return FILTER_DIMENSIONS.filter((dimension) => isDimensionActive(filters, dimension));
}

/** Lifts one dimension's constraint, leaving the others. */
export function clearDimension(filters: ViewFilters, dimension: FilterDimension): ViewFilters {
  const open = defaultViewFilters();
  switch (dimension) {
    case 'severity':
      return { ...filters, severityMin: open.severityMin, severityMax: open.severityMax };
    case 'credibility':
      return { ...filters, minCredibility: open.minCredibility };
    case 'area':
      return clearArea(filters);
    default:
      return allOptions(filters, dimension);
  }
}

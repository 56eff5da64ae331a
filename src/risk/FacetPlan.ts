import { CATEGORY_CODE, CATEGORY_KEYS } from '../domain/categories.ts';
import { RELIABILITY_LETTERS } from '../domain/grading.ts';
import { RECORD_KINDS } from '../domain/recordKinds.ts';
import { TRANSPORT_MODES } from '../domain/transportModes.ts';
import type { RiskFilters } from './RiskFilters.ts';
import { GRADING_CODE_COUNT } from './weightTable.ts';

/** The filter dimensions that have counts next to their options, in bit order. */
export const FACET_DIMENSIONS = ['categories', 'kinds', 'modes', 'sources', 'severity', 'reliability', 'credibility'] as const;

/** One facet dimension. */
export type FacetDimension = (typeof FACET_DIMENSIONS)[number];

/** Options per facet dimension, in the order the counts list them. */
export function facetSizes(sourceCount: number): Record<FacetDimension, number> {
  return {
    categories: CATEGORY_KEYS.length,
    kinds: RECORD_KINDS.length,
    modes: TRANSPORT_MODES.length + 1,
    sources: sourceCount,
    severity: 5,
    reliability: RELIABILITY_LETTERS.length,
    credibility: 6,
  };
}

/**
 * A query's filters split by facet dimension: per dimension a lookup from the row's raw code to
 * the dimension's bit when the code is filtered out (0 when admitted or the dimension is open), so
 * that OR-ing a row's lookups says which dimensions it fails. The filters that have no facet
 * (sites, channels, drawn area) are left to a mask built elsewhere.
 */
export interface FacetPlan {
  /** By category code. */
  category: Uint8Array;
  /** By kind code. */
  kind: Uint8Array;
  /** By mode code (0 = none). */
  mode: Uint8Array;
  /** By table source index. */
  source: Uint8Array;
  /** By severity value 0..255. */
  severity: Uint8Array;
  /** By grading code (reliability letter, then credibility digit; ungraded = F6). */
  reliability: Uint8Array;
  credibility: Uint8Array;
}

/** Reliability letter index (0 = A) of each grading code; ungraded counts as F. */
export const GRADING_LETTER = Uint8Array.from({ length: GRADING_CODE_COUNT }, (_, code) => (code === 0 ? 5 : Math.floor((code - 1) / 6)));

/** Credibility digit (1..6) of each grading code; ungraded counts as 6. */
export const GRADING_DIGIT = Uint8Array.from({ length: GRADING_CODE_COUNT }, (_, code) => (code === 0 ? 6 : ((code - 1) % 6) + 1));

function failures(size: number, bit: number, admits: ((code: number) => boolean) | null): Uint8Array {
  const fail = new Uint8Array(size);
  if (admits !== null) for (let code = 0; code < size; code++) fail[code] = admits(code) ? 0 : bit;
  return fail;
}

/** The facet plan of `filters` over a table whose source dictionary is `sources`. */
export function buildFacetPlan(filters: RiskFilters, sources: readonly string[]): FacetPlan {
  const bit = (dimension: FacetDimension): number => 1 << FACET_DIMENSIONS.indexOf(dimension);
  const among = <T>(allowed: readonly T[] | undefined, valueOf: (code: number) => T): ((code: number) => boolean) | null => {
    if (allowed === undefined) return null;
    const set = new Set<T>(allowed);
    return (code) => set.has(valueOf(code));
  };
  const categoryCodes = filters.categories?.map((key) => CATEGORY_CODE[key]);
  const severityOpen = filters.severityMin === undefined && filters.severityMax === undefined;
  const min = filters.severityMin ?? -Infinity;
  const max = filters.severityMax ?? Infinity;
  const worstDigit = filters.minCredibility;
  return {
    category: failures(CATEGORY_KEYS.length, bit('categories'), among(categoryCodes, (code) => code)),
    kind: failures(RECORD_KINDS.length, bit('kinds'), among(filters.kinds, (code) => RECORD_KINDS[code])),
    mode: failures(TRANSPORT_MODES.length + 1, bit('modes'), among(filters.modes, (code) => (code === 0 ? null : TRANSPORT_MODES[code - 1]))),
    source: failures(sources.length, bit('sources'), among(filters.sources, (code) => sources[code])),
    severity: failures(256, bit('severity'), severityOpen ? null : (value) => value >= min && value <= max),
    reliability: failures(GRADING_CODE_COUNT, bit('reliability'), among(filters.reliability, (code) => RELIABILITY_LETTERS[GRADING_LETTER[code]])),
    credibility: failures(GRADING_CODE_COUNT, bit('credibility'), worstDigit === undefined ? null : (code) => GRADING_DIGIT[code] <= worstDigit),
  };
}

/** `filters` reduced to those without a facet: sites, channels and the drawn area. */
export function placeFilters(filters: RiskFilters): RiskFilters {
  const rest: RiskFilters = {};
  if (filters.sites !== undefined) rest.sites = filters.sites;
  if (filters.channels !== undefined) rest.channels = filters.channels;
  if (filters.area !== undefined) rest.area = filters.area;
  return rest;
}

import { CATEGORY_KEYS, type CategoryKey } from '../../src/domain/categories.ts';
import type { RiskFilters } from '../../src/risk/RiskFilters.ts';
import type { BenchQuery } from './benchTypes.ts';

const HOUR_MS = 3_600_000;

/** Filter sets the series cycles through: category subsets (codes) and severity floors. */
const FILTER_SETS: readonly { categories: number[] | null; severityMin: number | null }[] = [
  { categories: null, severityMin: null },
  { categories: [0, 1, 4], severityMin: null },
  { categories: null, severityMin: 3 },
  { categories: [2, 5, 7, 8, 9], severityMin: 2 },
  { categories: [0, 6], severityMin: null },
  { categories: null, severityMin: 4 },
  { categories: [1, 3, 4, 9, 10], severityMin: 1 },
];

/**
 * The re-aggregation series: starting from T = `now` and no filter, each query changes either the
 * filters (even steps) or T (odd steps: back by whole hours plus an odd number of milliseconds, so
 * T is not on a second boundary). DuckDB runs a prefix of the same series.
 */
export function benchQueries(now: number, count: number): BenchQuery[] {
  const queries: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const timeStep = (i + 1) >> 1;
    const filterStep = i >> 1;
    const filters = FILTER_SETS[filterStep % FILTER_SETS.length];
    queries.push({
      time: now - (timeStep % 8) * 5 * HOUR_MS - (timeStep % 3) * 1_037_250,
      categories: filters.categories,
      severityMin: filters.severityMin,
      change: i % 2 === 1 ? 'time' : 'filter',
    });
  }
  return queries;
}

/** The engine's RiskFilters for a bench query. */
export function riskFilters(query: BenchQuery): RiskFilters {
  const filters: RiskFilters = {};
  if (query.categories) filters.categories = query.categories.map((code): CategoryKey => CATEGORY_KEYS[code]);
  if (query.severityMin !== null) filters.severityMin = query.severityMin;
  return filters;
}

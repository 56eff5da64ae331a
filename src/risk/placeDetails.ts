import { CATEGORY_KEYS } from '../domain/categories.ts';
import { RECORD_KINDS } from '../domain/recordKinds.ts';
import type { EventTable } from './EventTable.ts';
import type { FilterPlan } from './planFilters.ts';
import { rowDecay, type PreparedQuery } from './prepareQuery.ts';
import { idRanks } from './rankGroups.ts';
import { DAY_MS, utc8DayStart } from './utc8Calendar.ts';

/** Columns the contributing events sort by. */
export type EventSortKey = 'weight' | 'time' | 'severity' | 'category' | 'source' | 'value';

/** How to order and page the contributing events. */
export interface EventPage {
  key: EventSortKey;
  descending: boolean;
  /** 0-based page of `pageSize` events. */
  page: number;
  pageSize: number;
}

/** Why one place scores what it scores. */
export interface PlaceDetails {
  score: number;
  count: number;
  /** Score of the previous window (the trend's). */
  previous: number;
  /** Score parts by category code, kind code and table source. */
  byCategory: Float64Array;
  byKind: Float64Array;
  bySource: Float64Array;
  /**
   * Per UTC+8 day from the day of T − 2·window to the day of T: what the day's counted events add,
   * those of the window at T and those of the previous window at T − window, so the days of the
   * window sum to `score` and those before to `previous`.
   */
  sparkline: { start: number; dayMs: number; values: Float64Array };
  /** The page's table rows and their weights at T, in the asked order. */
  pageRows: Uint32Array;
  pageWeights: Float64Array;
  /** Counted events in the window (every page). */
  total: number;
}

/** What placeDetails reads besides the table. */
export interface DetailsContext {
  table: EventTable;
  query: PreparedQuery;
  previousQuery: PreparedQuery;
  plan: FilterPlan;
  /** Evaluation instant and window, epoch ms. */
  time: number;
  windowMs: number;
  /** Each row's value in CNY (NaN = none), for sorting by value. */
  values: Float64Array;
}

/**
 * Score, trend, breakdown, daily sparkline and one sorted page of the counted events of the place
 * whose rows are `rows` (ascending): the same weights, filters and row order as the full passes,
 * so score and parts equal theirs to the last bit. Ties of the sort key keep table order.
 */
export function placeDetails(context: DetailsContext, rows: ArrayLike<number>, page: EventPage): PlaceDetails {
  const { table, query, previousQuery, plan, values } = context;
  const { time, weightClass, category, kind, source, blockMinTime } = table;
  const classWeight = plan.weights.weight;
  const { mask } = plan;
  const byCategory = new Float64Array(CATEGORY_KEYS.length);
  const byKind = new Float64Array(RECORD_KINDS.length);
  const bySource = new Float64Array(table.sources.length);
  const sparkStart = utc8DayStart(context.time - 2 * context.windowMs);
  const days = Math.floor((utc8DayStart(context.time) - sparkStart) / DAY_MS) + 1;
  const spark = new Float64Array(days);
  const dayOf = (t: number): number => Math.floor((table.baseTime + t * 1000 - sparkStart) / DAY_MS);
  const counted: number[] = [];
  const weights: number[] = [];
  let score = 0;
  let previous = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    if (mask !== null && mask[i] === 0) continue;
    const base = classWeight[weightClass[i]];
    if (base !== base) continue;
    const t = time[i];
    if (t >= previousQuery.fromSec && t <= previousQuery.toSec) {
      const w = base * rowDecay(previousQuery, blockMinTime, i, t);
      previous += w;
      spark[dayOf(t)] += w;
    }
    if (t >= query.fromSec && t <= query.toSec) {
      const w = base * rowDecay(query, blockMinTime, i, t);
      score += w;
      byCategory[category[i]] += w;
      byKind[kind[i]] += w;
      bySource[source[i]] += w;
      spark[dayOf(t)] += w;
      counted.push(i);
      weights.push(w);
    }
  }

  const order = Array.from(counted.keys());
  const sign = page.descending ? -1 : 1;
  const keyOf = sortKey(table, page.key, weights, counted, values);
  order.sort((a, b) => {
    const x = keyOf(a);
    const y = keyOf(b);
    // A missing value (NaN) sorts last either way.
    if (x !== x || y !== y) return x !== x ? (y !== y ? a - b : 1) : -1;
    return x === y ? a - b : x < y ? -sign : sign;
  });
  const first = Math.max(0, page.page) * page.pageSize;
  const picked = order.slice(first, first + Math.max(0, page.pageSize));
  return {
    score,
    count: counted.length,
    previous,
    byCategory,
    byKind,
    bySource,
    sparkline: { start: sparkStart, dayMs: DAY_MS, values: spark },
    pageRows: Uint32Array.from(picked, (k) => counted[k]),
    pageWeights: Float64Array.from(picked, (k) => weights[k]),
    total: counted.length,
  };
}

/** The sort key of the k-th counted event. */
function sortKey(table: EventTable, key: EventSortKey, weights: number[], counted: number[], values: Float64Array): (k: number) => number {
  switch (key) {
    case 'weight':
      return (k) => weights[k];
    case 'time':
      return (k) => table.time[counted[k]];
    case 'severity':
      return (k) => table.severity[counted[k]];
    case 'category':
      return (k) => table.category[counted[k]];
    case 'value':
      return (k) => values[counted[k]];
    case 'source': {
      const rank = idRanks(table.sources);
      return (k) => rank[table.source[counted[k]]];
    }
  }
}


import { CATEGORY_KEYS, type CategoryKey } from '../domain/categories.ts';
import { RECORD_KINDS, type RecordKind } from '../domain/recordKinds.ts';
import { TOP_EVENT_COUNT, type Breakdowns } from './collectBreakdowns.ts';
import { eventLocation, type EventTable } from './EventTable.ts';

/** One of the heaviest events behind a score, with what is needed to open the record. */
export interface TopEvent {
  /** Table row. */
  row: number;
  /** Chunk index and row inside it. */
  chunk: number;
  chunkRow: number;
  source: string;
  id: string;
  /** Event time, epoch ms, as the record gives it. */
  time: number;
  /** Decayed weight at T. */
  weight: number;
}

/** A score split into shares (0..1, summing to 1 over non-zero entries) and its heaviest events. */
export interface BreakdownSummary {
  byCategory: Partial<Record<CategoryKey, number>>;
  bySource: Record<string, number>;
  byKind: Partial<Record<RecordKind, number>>;
  topEvents: TopEvent[];
}

function shares<K extends string>(names: readonly K[], values: Float64Array, offset: number, total: number): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  names.forEach((name, i) => {
    const value = values[offset + i];
    if (value > 0) out[name] = value / total;
  });
  return out;
}

/** Plain-object view of slot `slot` of `breakdowns`; shares are of `score`. */
export function describeBreakdown(table: EventTable, breakdowns: Breakdowns, slot: number, score: number): BreakdownSummary {
  const topEvents: TopEvent[] = [];
  for (let k = 0; k < TOP_EVENT_COUNT; k++) {
    const row = breakdowns.topRows[slot * TOP_EVENT_COUNT + k];
    if (row < 0) break;
    const location = eventLocation(table, row);
    topEvents.push({
      row,
      chunk: location.chunk,
      chunkRow: location.row,
      source: table.sources[table.source[row]],
      id: table.chunks[location.chunk].strings.ids[location.row],
      time: table.chunks[location.chunk].columns.time[location.row],
      weight: breakdowns.topWeights[slot * TOP_EVENT_COUNT + k],
    });
  }
  return {
    byCategory: shares(CATEGORY_KEYS, breakdowns.byCategory, slot * CATEGORY_KEYS.length, score),
    bySource: shares(table.sources, breakdowns.bySource, slot * breakdowns.sourceCount, score) as Record<string, number>,
    byKind: shares(RECORD_KINDS, breakdowns.byKind, slot * RECORD_KINDS.length, score),
    topEvents,
  };
}

import { CATEGORY_KEYS } from '../domain/categories.ts';
import { RECORD_KINDS } from '../domain/recordKinds.ts';
import { emptyBreakdowns, TOP_EVENT_COUNT, type Breakdowns } from './collectBreakdowns.ts';

/** Offset of the score in a cell's record. */
export const RECORD_SCORE = 0;
/** Offset of the event count. */
export const RECORD_COUNT = 1;
/** Offset of the per-category scores. */
export const RECORD_BY_CATEGORY = 2;
/** Offset of the per-kind scores. */
export const RECORD_BY_KIND = RECORD_BY_CATEGORY + CATEGORY_KEYS.length;
/** Offset of the per-source scores; the TOP_EVENT_COUNT top weights follow them. */
export const RECORD_BY_SOURCE = RECORD_BY_KIND + RECORD_KINDS.length;

/**
 * Score, count and breakdown accumulators of every cell, one record of `stride` numbers per cell:
 * score, count, by category, by kind, by source, top weights (heaviest first, -1 = empty), with
 * the rows of the top weights beside, in `topRows`. A cell's updates then touch a few adjacent
 * cache lines instead of one line in each of six arrays.
 */
export interface CellRecords {
  values: Float64Array;
  stride: number;
  sourceCount: number;
  /** Offset of the top weights in a record. */
  top: number;
  /** TOP_EVENT_COUNT rows per cell; -1 = empty. */
  topRows: Int32Array;
}

/** Zeroed records for `cells` cells. */
export function createCellRecords(cells: number, sourceCount: number): CellRecords {
  const top = RECORD_BY_SOURCE + sourceCount;
  const stride = top + TOP_EVENT_COUNT;
  const values = new Float64Array(cells * stride);
  for (let offset = top; offset < values.length; offset += stride) values.fill(-1, offset, offset + TOP_EVENT_COUNT);
  return { values, stride, sourceCount, top, topRows: new Int32Array(cells * TOP_EVENT_COUNT).fill(-1) };
}

/** Bytes that createCellRecords allocates. */
export function cellRecordBytes(cells: number, sourceCount: number): number {
  return cells * ((RECORD_BY_SOURCE + sourceCount + TOP_EVENT_COUNT) * 8 + TOP_EVENT_COUNT * 4);
}

/** The breakdowns of the cells in `selected`, slot s holding cell `selected[s]`. */
export function recordBreakdowns(records: CellRecords, selected: Uint32Array): Breakdowns {
  const { values, stride, sourceCount, top, topRows } = records;
  const picked = emptyBreakdowns(selected.slice(), sourceCount);
  selected.forEach((cell, slot) => {
    const at = cell * stride;
    picked.byCategory.set(values.subarray(at + RECORD_BY_CATEGORY, at + RECORD_BY_KIND), slot * CATEGORY_KEYS.length);
    picked.byKind.set(values.subarray(at + RECORD_BY_KIND, at + RECORD_BY_SOURCE), slot * RECORD_KINDS.length);
    picked.bySource.set(values.subarray(at + RECORD_BY_SOURCE, at + top), slot * sourceCount);
    picked.topWeights.set(values.subarray(at + top, at + top + TOP_EVENT_COUNT), slot * TOP_EVENT_COUNT);
    picked.topRows.set(topRows.subarray(cell * TOP_EVENT_COUNT, (cell + 1) * TOP_EVENT_COUNT), slot * TOP_EVENT_COUNT);
  });
  return picked;
}

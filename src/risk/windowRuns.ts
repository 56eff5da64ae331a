import { TIME_BLOCK_ROWS, type EventTable } from './EventTable.ts';

/** An inclusive interval of table seconds, with the per-block decay factors of its query. */
export interface SecondRange {
  fromSec: number;
  toSec: number;
  /** PreparedQuery.blockFactor: a block with a NaN factor is never a pure run. */
  blockFactor?: Float64Array;
}

function hasFactor(range: SecondRange, block: number): boolean {
  const factor = range.blockFactor === undefined ? 0 : range.blockFactor[block];
  return factor === factor;
}

/** A run whose rows all fall in the current window (and none in the previous one). */
export const RUN_CURRENT = 1;
/** A run whose rows all fall in the previous window (and none in the current one). */
export const RUN_PREVIOUS = 2;
/** A run whose rows need the time test: some may fall in either window or in neither. */
export const RUN_MIXED = 3;

/**
 * The rows a pass over `current` and, optionally, an earlier adjacent window `previous` must
 * visit, as flat `[start, end, kind]` triples: the time blocks that meet either window, adjacent
 * blocks of the same kind merged. A block lying wholly inside one window (and outside the other),
 * whose decay factor for that window is a number, is a RUN_CURRENT or RUN_PREVIOUS run: its rows
 * need no time test and take the offsetDecay path (see PreparedQuery).
 */
export function windowRuns(table: EventTable, current: SecondRange, previous: SecondRange | null = null): Int32Array {
  const { blockMinTime, blockMaxTime, count } = table;
  const from = previous === null ? current.fromSec : Math.min(previous.fromSec, current.fromSec);
  const runs: number[] = [];
  for (let b = 0; b < blockMinTime.length; b++) {
    const min = blockMinTime[b];
    const max = blockMaxTime[b];
    if (max < from || min > current.toSec) continue;
    const inCurrent = min >= current.fromSec && max <= current.toSec;
    const inPrevious = previous !== null && min >= previous.fromSec && max <= previous.toSec;
    const meetsPrevious = previous !== null && max >= previous.fromSec && min <= previous.toSec;
    const meetsCurrent = max >= current.fromSec && min <= current.toSec;
    const kind =
      inCurrent && !meetsPrevious && hasFactor(current, b)
        ? RUN_CURRENT
        : inPrevious && !meetsCurrent && previous !== null && hasFactor(previous, b)
          ? RUN_PREVIOUS
          : RUN_MIXED;
    const start = b * TIME_BLOCK_ROWS;
    const end = Math.min(count, start + TIME_BLOCK_ROWS);
    const last = runs.length - 3;
    if (last >= 0 && runs[last + 2] === kind && runs[last + 1] === start) runs[last + 1] = end;
    else runs.push(start, end, kind);
  }
  return Int32Array.from(runs);
}

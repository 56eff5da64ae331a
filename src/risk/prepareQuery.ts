import { TIME_BLOCK_SHIFT, type EventTable } from './EventTable.ts';
import type { ResolvedRiskParams } from './RiskParams.ts';
import { buildWeightTable } from './weightTable.ts';

/**
 * One evaluation instant translated into the table's integer time axis, with its weight and
 * decay lookups. The decay 2^(−(T − t) / half-life) of the event at row `i`, time `t`, in time
 * block `b` (i >>> TIME_BLOCK_SHIFT) is, when `blockFactor[b]` is a number,
 *
 *     blockFactor[b] · offsetDecay[t − blockMinTime[b]]
 *
 * (the decay of the block's first second times the growth since it: exp of a sum is the product
 * of exps), so a pass over a block reads one small table per row. A block too wide in time for
 * `offsetDecay`, or so old that its factor would lose precision, has a NaN factor; its rows take
 * `decayHigh[age >>> decayShift] · decayLow[age & decayLowMask]` with `age = toSec − t`. Every
 * pass computes a row's decay this way (rowDecay), so they agree to the last bit.
 */
export interface PreparedQuery {
  /** Events with fromSec ≤ time ≤ toSec are in the window (both inclusive), table seconds. */
  fromSec: number;
  toSec: number;
  weightTable: Float64Array;
  /** Per time block of the table: see above. */
  blockFactor: Float64Array;
  /** 2^(k / half-life) for k = 0 … the widest block with a factor, in seconds. */
  offsetDecay: Float64Array;
  decayShift: number;
  decayLowMask: number;
  /** Exact-path tables; the fraction of a second between toSec and T is folded into decayHigh. */
  decayHigh: Float64Array;
  decayLow: Float64Array;
}

/** Widest block, in seconds, that takes the offsetDecay path (the table holds one entry per second). */
const MAX_OFFSET_SPAN_SEC = 0xffff;

/** Widest block, in half-lives, that takes the offsetDecay path: its entries stay below 2^64. */
const MAX_OFFSET_SPAN_HALF_LIVES = 64;

/** Oldest (or latest) block start, in natural-log units of decay from T, that takes the offsetDecay path. */
const MAX_BLOCK_DECAY_EXPONENT = 600;

/** offsetDecay tables by table, for the last half-life asked (a half-life change is rare). */
const offsetDecayCache = new WeakMap<EventTable, { halfLifeMs: number; values: Float64Array }>();

/** The seconds spanned by the widest block that may take the offsetDecay path, or -1. */
function offsetSpan(table: EventTable, halfLifeMs: number): number {
  const limit = Math.min(MAX_OFFSET_SPAN_SEC, Math.floor((MAX_OFFSET_SPAN_HALF_LIVES * halfLifeMs) / 1000));
  let widest = -1;
  for (let b = 0; b < table.blockMinTime.length; b++) {
    const span = table.blockMaxTime[b] - table.blockMinTime[b];
    if (span <= limit && span > widest) widest = span;
  }
  return widest;
}

function offsetDecayOf(table: EventTable, halfLifeMs: number, perSecond: number): Float64Array {
  const cached = offsetDecayCache.get(table);
  if (cached !== undefined && cached.halfLifeMs === halfLifeMs) return cached.values;
  const values = new Float64Array(offsetSpan(table, halfLifeMs) + 1);
  for (let k = 0; k < values.length; k++) values[k] = Math.exp(-k * perSecond);
  offsetDecayCache.set(table, { halfLifeMs, values });
  return values;
}

/** Prepares the window [time − windowMs, time] (default time: params.time) for a pass over `table`. */
export function prepareQuery(table: EventTable, params: ResolvedRiskParams, time: number = params.time): PreparedQuery {
  // Ages are taken in whole milliseconds, exact integers: T − baseTime in seconds would carry a
  // rounding error of ~1e-9 s from its magnitude, which a half-life of milliseconds magnifies.
  const nowMs = time - table.baseTime;
  const fromSec = Math.ceil((nowMs - params.windowMs) / 1000);
  const toSec = Math.floor(nowMs / 1000);
  const fractionMs = nowMs - toSec * 1000;
  const span = Math.max(0, toSec - fromSec);
  // Split ages into high and low bits so that both tables hold about √span entries.
  const decayShift = Math.max(6, Math.ceil(Math.log2(span + 1) / 2));
  const perMs = -Math.LN2 / params.halfLifeMs;
  const perSecond = perMs * 1000;
  const decayLow = new Float64Array(1 << decayShift);
  for (let k = 0; k < decayLow.length; k++) decayLow[k] = Math.exp(k * perSecond);
  const decayHigh = new Float64Array(Math.floor(span / 2 ** decayShift) + 1);
  for (let k = 0; k < decayHigh.length; k++) {
    decayHigh[k] = Math.exp((k * 2 ** decayShift * 1000 + fractionMs) * perMs);
  }

  const offsetDecay = offsetDecayOf(table, params.halfLifeMs, perSecond);
  const { blockMinTime, blockMaxTime } = table;
  const blockFactor = new Float64Array(blockMinTime.length);
  for (let b = 0; b < blockFactor.length; b++) {
    const exponent = (nowMs - blockMinTime[b] * 1000) * perMs;
    const narrow = blockMaxTime[b] - blockMinTime[b] < offsetDecay.length;
    blockFactor[b] = narrow && Math.abs(exponent) <= MAX_BLOCK_DECAY_EXPONENT ? Math.exp(exponent) : Number.NaN;
  }
  return {
    fromSec,
    toSec,
    weightTable: buildWeightTable(params),
    blockFactor,
    offsetDecay,
    decayShift,
    decayLowMask: (1 << decayShift) - 1,
    decayHigh,
    decayLow,
  };
}

/**
 * The decay of table row `row`, of time `t` (which must lie in the query's window), under
 * `query`: the formula documented on PreparedQuery, shared by every pass.
 */
export function rowDecay(query: PreparedQuery, blockMinTime: Int32Array, row: number, t: number): number {
  const b = row >>> TIME_BLOCK_SHIFT;
  const factor = query.blockFactor[b];
  if (factor === factor) return factor * query.offsetDecay[t - blockMinTime[b]];
  const age = query.toSec - t;
  return query.decayHigh[age >>> query.decayShift] * query.decayLow[age & query.decayLowMask];
}

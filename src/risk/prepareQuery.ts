import type { EventTable } from './EventTable.ts';
import type { ResolvedRiskParams } from './RiskParams.ts';
import { buildWeightTable } from './weightTable.ts';

/**
 * One evaluation instant translated into the table's integer time axis, with its weight and
 * decay lookups. The decay of an event `age = toSec − time` whole seconds before the last whole
 * second of the window is `decayHigh[age >>> decayShift] * decayLow[age & decayLowMask]`: two
 * small tables of exp() values whose product is 2^(−(T − t) / half-life), since exp of a sum is
 * the product of exps. The fraction of a second between toSec and T is folded into decayHigh.
 */
export interface PreparedQuery {
  /** Events with fromSec ≤ time ≤ toSec are in the window (both inclusive), table seconds. */
  fromSec: number;
  toSec: number;
  weightTable: Float64Array;
  decayShift: number;
  decayLowMask: number;
  decayHigh: Float64Array;
  decayLow: Float64Array;
}

/** Prepares the window [time − windowMs, time] (default time: params.time) for a pass over `table`. */
export function prepareQuery(table: EventTable, params: ResolvedRiskParams, time: number = params.time): PreparedQuery {
  const nowSec = (time - table.baseTime) / 1000;
  const fromSec = Math.ceil((time - params.windowMs - table.baseTime) / 1000);
  const toSec = Math.floor(nowSec);
  const span = Math.max(0, toSec - fromSec);
  // Split ages into high and low bits so that both tables hold about √span entries.
  const decayShift = Math.max(6, Math.ceil(Math.log2(span + 1) / 2));
  const perSecond = (-Math.LN2 * 1000) / params.halfLifeMs;
  const decayLow = new Float64Array(1 << decayShift);
  for (let k = 0; k < decayLow.length; k++) decayLow[k] = Math.exp(k * perSecond);
  const decayHigh = new Float64Array(Math.floor(span / 2 ** decayShift) + 1);
  for (let k = 0; k < decayHigh.length; k++) {
    decayHigh[k] = Math.exp((k * 2 ** decayShift + (nowSec - toSec)) * perSecond);
  }
  return {
    fromSec,
    toSec,
    weightTable: buildWeightTable(params),
    decayShift,
    decayLowMask: (1 << decayShift) - 1,
    decayHigh,
    decayLow,
  };
}

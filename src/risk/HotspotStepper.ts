import { accumulateHotspots, type HotspotSums } from './accumulateHotspots.ts';
import type { CellLevel, EventTable } from './EventTable.ts';
import type { FilterPlan } from './planFilters.ts';
import type { GroupRows } from './GroupRows.ts';
import { prepareQuery, rowDecay, type PreparedQuery } from './prepareQuery.ts';
import type { ResolvedRiskParams } from './RiskParams.ts';
import { lowerBound, type TimeOrder } from './TimeOrder.ts';
import { windowRuns } from './windowRuns.ts';

/**
 * A cell whose score fell below this share of everything added to it since its last exact sum
 * (cancellation as rows left) is summed again from its own rows, so that no rounding of the
 * subtracted weights outgrows the score: the error stays below ~1e-13 of the score per operation.
 */
const CANCELLATION_LIMIT = 2 ** -10;

/** Steps after which a window is summed again from scratch, bounding the rounding a long playback gathers. */
const STEPS_PER_RESYNC = 200;

/** A step moving T by more half-lives than this (a factor beyond 2^±60) sums from scratch. */
const MAX_STEP_HALF_LIVES = 60;

/** Per-cell sums of one window ([T − window, T] or the previous one) and which rows they hold. */
class WindowSums {
  /** Evaluation instant these sums are for, epoch ms (NaN before the first sum). */
  time = Number.NaN;
  /** Positions in the time order of the rows in the window: `[from, to)`. */
  from = 0;
  to = 0;
  stepsSinceSync = 0;
  readonly scores: Float64Array;
  readonly counts: Uint32Array;
  /** Everything added to each cell since its last exact sum, decayed like the score. */
  readonly mass: Float64Array;

  constructor(cells: number) {
    this.scores = new Float64Array(cells);
    this.counts = new Uint32Array(cells);
    this.mass = new Float64Array(cells);
  }
}

/** What a stepper scores with: the table, the cells, the filters and the model. */
export interface StepperSetup {
  table: EventTable;
  level: CellLevel;
  order: TimeOrder;
  /** The rows of each cell of `level` (built on first need). */
  cellRows: () => GroupRows;
  plan: FilterPlan;
  params: ResolvedRiskParams;
}

/**
 * Hotspot scores for a moving evaluation instant, updated instead of recomputed: moving T by Δ
 * multiplies every in-window score by 2^(−Δ / half-life), and only the rows entering or leaving
 * the window (a contiguous range of the table's time order) add or subtract their weight at the
 * new T. A cell whose count reaches 0 is exactly 0; one that lost most of its score to
 * subtraction is summed again from its own rows; a long jump, a step that moves most rows, and
 * every STEPS_PER_RESYNC steps sum the whole window again with the fused hotspot pass. With
 * `params.trend`, the previous window [T − 2·window, T − window] steps the same way.
 */
export class HotspotStepper {
  private readonly current: WindowSums;
  private readonly previous: WindowSums | null;
  private readonly perMs: number;

  constructor(private readonly setup: StepperSetup) {
    const cells = setup.level.high.length;
    this.current = new WindowSums(cells);
    this.previous = setup.params.trend ? new WindowSums(cells) : null;
    this.perMs = -Math.LN2 / setup.params.halfLifeMs;
  }

  /** Evaluation instant of the sums, epoch ms (NaN before the first moveTo). */
  get time(): number {
    return this.current.time;
  }

  /** Scores, counts and previous-window scores (NaN without trend) per cell, at the last moveTo. */
  sums(): { scores: Float64Array; counts: Uint32Array; previous: Float64Array | null } {
    return { scores: this.current.scores, counts: this.current.counts, previous: this.previous?.scores ?? null };
  }

  /** The prepared query of the current window at the last moveTo (for breakdowns of its cells). */
  query(): PreparedQuery {
    return prepareQuery(this.setup.table, this.setup.params, this.current.time);
  }

  /** Moves the evaluation instant to `time` (epoch ms). */
  moveTo(time: number): void {
    this.step(this.current, time);
    if (this.previous !== null) this.step(this.previous, time - this.setup.params.windowMs);
  }

  private step(sums: WindowSums, time: number): void {
    const { table, order, params } = this.setup;
    const query = prepareQuery(table, params, time);
    const from = lowerBound(order.times, query.fromSec);
    const to = Math.max(from, lowerBound(order.times, query.toSec + 1));
    const delta = time - sums.time;
    const moved = Math.abs(from - sums.from) + Math.abs(to - sums.to);
    if (
      !(Math.abs(delta) / params.halfLifeMs <= MAX_STEP_HALF_LIVES) ||
      sums.stepsSinceSync >= STEPS_PER_RESYNC ||
      moved > (sums.to - sums.from + (to - from)) / 2 + 1024
    ) {
      this.resync(sums, query, time, from, to);
      return;
    }
    if (delta !== 0) {
      const factor = Math.exp(delta * this.perMs);
      const { scores, mass } = sums;
      for (let g = 0; g < scores.length; g++) {
        scores[g] *= factor;
        mass[g] *= factor;
      }
    }
    const nowMs = time - table.baseTime;
    const touched: number[] = [];
    // Rows of the old range that the new one lacks leave; rows of the new one the old lacked enter.
    this.move(sums, sums.from, Math.min(sums.to, from), nowMs, -1, touched);
    this.move(sums, Math.max(sums.from, to), sums.to, nowMs, -1, touched);
    this.move(sums, from, Math.min(to, sums.from), nowMs, 1, null);
    this.move(sums, Math.max(from, sums.to), to, nowMs, 1, null);
    sums.time = time;
    sums.from = from;
    sums.to = to;
    sums.stepsSinceSync++;
    for (const g of touched) {
      if (sums.counts[g] > 0 && !(sums.scores[g] >= sums.mass[g] * CANCELLATION_LIMIT)) this.sumCell(sums, query, g);
    }
  }

  /** Adds (`sign` 1) or subtracts (-1) the weights at `nowMs` of the rows at time-order positions `[start, end)`. */
  private move(sums: WindowSums, start: number, end: number, nowMs: number, sign: 1 | -1, touched: number[] | null): void {
    const { table, order, plan, level } = this.setup;
    const { rows, times } = order;
    const { weightClass } = table;
    const classWeight = plan.weights.weight;
    const { mask } = plan;
    const groups = level.index;
    const { scores, counts, mass } = sums;
    const perMs = this.perMs;
    for (let k = start; k < end; k++) {
      const row = rows[k];
      if (mask !== null && mask[row] === 0) continue;
      const base = classWeight[weightClass[row]];
      if (base !== base) continue;
      const g = groups[row];
      const w = base * Math.exp((nowMs - times[k] * 1000) * perMs);
      if (sign > 0) {
        scores[g] += w;
        mass[g] += w;
        counts[g]++;
      } else if (--counts[g] === 0) {
        scores[g] = 0;
        mass[g] = 0;
      } else {
        scores[g] -= w;
        touched!.push(g);
      }
    }
  }

  /** Sums cell `g` again from its own rows, as the full pass does (same decay, same row order). */
  private sumCell(sums: WindowSums, query: PreparedQuery, g: number): void {
    const { table, plan } = this.setup;
    const { start, rows } = this.setup.cellRows();
    const { time, weightClass, blockMinTime } = table;
    const classWeight = plan.weights.weight;
    const { mask } = plan;
    let score = 0;
    let count = 0;
    for (let k = start[g]; k < start[g + 1]; k++) {
      const row = rows[k];
      const t = time[row];
      if (t < query.fromSec || t > query.toSec) continue;
      if (mask !== null && mask[row] === 0) continue;
      const base = classWeight[weightClass[row]];
      if (base !== base) continue;
      score += base * rowDecay(query, blockMinTime, row, t);
      count++;
    }
    sums.scores[g] = score;
    sums.mass[g] = score;
    sums.counts[g] = count;
  }

  /** Sums the whole window at `time` with the fused hotspot pass. */
  private resync(sums: WindowSums, query: PreparedQuery, time: number, from: number, to: number): void {
    const { table, level, plan } = this.setup;
    const empty = { ...query, fromSec: 1, toSec: 0 };
    sums.scores.fill(0);
    const target: HotspotSums = { scores: sums.scores, counts: sums.counts, previous: new Float64Array(sums.scores.length) };
    accumulateHotspots(table, level.index, query, empty, plan, windowRuns(table, query), target, null);
    sums.mass.set(sums.scores);
    sums.time = time;
    sums.from = from;
    sums.to = to;
    sums.stepsSinceSync = 0;
  }
}

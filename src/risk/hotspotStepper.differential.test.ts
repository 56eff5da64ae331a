import fc from 'fast-check';
import { splitLongToH3Index } from 'h3-js';
import { describe, it } from 'vitest';
import { jurisdictionBySource } from './jurisdictionBySource.ts';
import { close } from './reference/compareRiskAnswers.ts';
import { engineOfRiskCase } from './reference/engineOfRiskCase.ts';
import { buildRiskCase, riskCaseSpecArbitrary, type RiskCaseSpec } from './reference/randomRiskCase.ts';
import { referenceRiskModel } from './reference/referenceRiskModel.ts';
import { referenceUpsert } from './reference/referenceUpsert.ts';
import type { RiskFilters } from './RiskFilters.ts';

/**
 * The playback stepper (RiskEngine.step) against the plain reference model at every step of random
 * step sequences, forward and backward, on random datasets, parameters and filters: the same cells,
 * counts exact, scores and previous-window scores within 1e-9 relative. `DIFF_RUNS=n` runs more.
 */

const extraRuns = Number(process.env.DIFF_RUNS ?? 0);
const SECOND = 1000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A step of T: a second, minutes, hours, a share of the window, or a jump; either way. */
const stepArbitrary = fc.tuple(
  fc.constantFrom(1, SECOND, 999, 60 * SECOND, HOUR, 6 * HOUR, DAY, 0.1, 0.5, 1.5),
  fc.boolean(),
);

async function stepsAgree(spec: RiskCaseSpec, steps: [number, boolean][]): Promise<void> {
  const riskCase = buildRiskCase(spec);
  const engine = await engineOfRiskCase(riskCase);
  const live = referenceUpsert(riskCase.imports.map((batches) => batches.flat()));
  const windowMs = riskCase.params.windowMs ?? 30 * DAY;
  const filters: RiskFilters = riskCase.filters;
  let time = riskCase.params.time;
  for (const [size, backward] of [[0, false] as [number, boolean], ...steps]) {
    const delta = size < 2 ? size * windowMs : size;
    time += backward ? -delta : delta;
    const params = { ...riskCase.params, time, topN: 3 };
    const stepped = engine.step(params, filters).result;
    const reference = referenceRiskModel(live, {
      params,
      filters,
      alertOptions: riskCase.alertOptions,
      table: riskCase.table,
      jurisdictionOf: jurisdictionBySource(),
    });
    const expected = new Map(reference.hotspots.map((h) => [h.cell, h]));
    const problems: string[] = [];
    if (stepped.cells.length !== expected.size) problems.push(`${stepped.cells.length} cells ≠ reference ${expected.size}`);
    for (let rank = 0; rank < stepped.cells.length; rank++) {
      const cell = splitLongToH3Index(stepped.cellLow[rank], stepped.cellHigh[rank]);
      const r = expected.get(cell);
      if (r === undefined) {
        problems.push(`cell ${cell} not in the reference`);
        continue;
      }
      if (stepped.counts[rank] !== r.count) problems.push(`${cell}: count ${stepped.counts[rank]} ≠ ${r.count}`);
      if (!close(stepped.scores[rank], r.score)) problems.push(`${cell}: score ${stepped.scores[rank]} ≠ ${r.score}`);
      if (!close(stepped.previous[rank], r.previous)) problems.push(`${cell}: previous ${stepped.previous[rank]} ≠ ${r.previous}`);
      if (rank > 0 && stepped.scores[rank] > stepped.scores[rank - 1]) problems.push(`${cell}: ranked below a lower score`);
    }
    if (problems.length > 0) throw new Error(`step to T = ${time} (${new Date(time).toISOString()}):\n  ${problems.slice(0, 20).join('\n  ')}`);
  }
}

describe('the playback stepper against the reference model', () => {
  it('agrees at every step of random forward and backward sequences', async () => {
    await fc.assert(
      fc.asyncProperty(
        riskCaseSpecArbitrary({ minSize: 1, maxSize: 300, halfLives: [1, SECOND, HOUR, DAY, 7 * DAY, 365 * DAY] }),
        fc.array(stepArbitrary, { minLength: 1, maxLength: 12 }),
        stepsAgree,
      ),
      { numRuns: extraRuns || 40 },
    );
  }, 600_000);

  it('agrees over many small steps on larger datasets (rows leaving cells one by one)', async () => {
    await fc.assert(
      fc.asyncProperty(
        riskCaseSpecArbitrary({ minSize: 1500, maxSize: 3000, halfLives: [HOUR, DAY, 7 * DAY], layouts: fc.constant(['sorted', 'shuffled']) }),
        fc.array(fc.tuple(fc.constantFrom(HOUR, 3 * HOUR, 0.05), fc.constant(false)), { minLength: 20, maxLength: 40 }),
        stepsAgree,
      ),
      { numRuns: Math.ceil(extraRuns / 10) || 4 },
    );
  }, 600_000);
});

import { RECORD_KINDS } from '../domain/recordKinds.ts';
import type { EventTable } from './EventTable.ts';
import type { FacetCombos } from './FacetCombos.ts';
import { GRADING_DIGIT, GRADING_LETTER, type FacetPlan } from './FacetPlan.ts';
import { emptyFacetCounts, type KeyFigures, type WindowSummary } from './summarizeWindow.ts';
import { RUN_CURRENT, windowRuns } from './windowRuns.ts';

const CLUE = RECORD_KINDS.indexOf('clue');

/** Per combination: the OR of the plan's failure bits of its codes (see FacetPlan). */
export function comboFailures(combos: FacetCombos, plan: FacetPlan): Uint8Array {
  const failed = new Uint8Array(combos.count);
  const { category, kind, mode, source, severity, grading } = combos;
  for (let c = 0; c < combos.count; c++) {
    const g = grading[c];
    failed[c] = plan.category[category[c]] | plan.kind[kind[c]] | plan.mode[mode[c]] | plan.source[source[c]] | plan.severity[severity[c]] | plan.reliability[g] | plan.credibility[g];
  }
  return failed;
}

/**
 * summarizeWindow without a histogram, in a lighter pass: the window's rows (those in
 * `placeMask`) are counted per combination, and the value of each row that passes every filter is
 * added in row order; the facet counts and the figures' counts then follow from each
 * combination's codes and count. Integer counts add up the same in any grouping and the values
 * are added in the same order, so the result equals summarizeWindow's exactly.
 */
export function summarizeCombos(
  table: EventTable,
  combos: FacetCombos,
  fromSec: number,
  toSec: number,
  plan: FacetPlan,
  placeMask: Uint8Array | null,
  values: Float64Array,
): WindowSummary {
  const failed = comboFailures(combos, plan);
  const rows = new Uint32Array(combos.count);
  const { time } = table;
  const combo = combos.combo;
  const sourceOf = combos.source;
  const valueBySource = new Float64Array(table.sources.length);
  let valueCny = 0;
  const runs = windowRuns(table, { fromSec, toSec });
  for (let r = 0; r < runs.length; r += 3) {
    const end = runs[r + 1];
    const inWindow = runs[r + 2] === RUN_CURRENT;
    for (let i = runs[r]; i < end; i++) {
      if (!inWindow) {
        const t = time[i];
        if (t < fromSec || t > toSec) continue;
      }
      if (placeMask !== null && placeMask[i] === 0) continue;
      const c = combo[i];
      rows[c]++;
      if (failed[c] !== 0) continue;
      const value = values[i];
      if (value === value) {
        valueCny += value;
        valueBySource[sourceOf[c]] += value;
      }
    }
  }
  const facets = emptyFacetCounts(table.sources.length);
  const figures: KeyFigures = { events: 0, valueCny, clues: 0, eventsBySource: new Uint32Array(table.sources.length), valueBySource };
  const { categories, kinds, modes, sources, reliability, credibility } = facets;
  const severities = facets.severity;
  for (let c = 0; c < combos.count; c++) {
    const n = rows[c];
    if (n === 0) continue;
    const fail = failed[c];
    const g = combos.grading[c];
    const v = combos.severity[c];
    if (fail === 0) {
      const s = combos.source[c];
      categories[combos.category[c]] += n;
      kinds[combos.kind[c]] += n;
      modes[combos.mode[c]] += n;
      sources[s] += n;
      if (v > 0) severities[v - 1] += n;
      reliability[GRADING_LETTER[g]] += n;
      credibility[GRADING_DIGIT[g] - 1] += n;
      figures.events += n;
      figures.eventsBySource[s] += n;
      if (combos.kind[c] === CLUE) figures.clues += n;
      continue;
    }
    // Only rows that fail exactly one dimension count, and only there.
    if ((fail & (fail - 1)) !== 0) continue;
    switch (fail) {
      case 1:
        categories[combos.category[c]] += n;
        break;
      case 2:
        kinds[combos.kind[c]] += n;
        break;
      case 4:
        modes[combos.mode[c]] += n;
        break;
      case 8:
        sources[combos.source[c]] += n;
        break;
      case 16:
        if (v > 0) severities[v - 1] += n;
        break;
      case 32:
        reliability[GRADING_LETTER[g]] += n;
        break;
      default:
        credibility[GRADING_DIGIT[g] - 1] += n;
    }
  }
  return { facets, figures };
}

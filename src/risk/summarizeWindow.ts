import { RECORD_KINDS } from '../domain/recordKinds.ts';
import type { EventTable } from './EventTable.ts';
import { facetSizes, GRADING_DIGIT, GRADING_LETTER, type FacetPlan } from './FacetPlan.ts';
import type { TimeHistogram } from './computeTimeHistogram.ts';
import { RUN_CURRENT, RUN_MIXED, windowRuns } from './windowRuns.ts';

/**
 * Events in the window per filter option, each dimension counted under every OTHER active filter:
 * what choosing an option would show. Indexes: category and kind codes; modes 0 = none then
 * TRANSPORT_MODES; the table's source dictionary; severity s at s − 1; reliability letters A..F and
 * credibility digits 1..6 (ungraded as F6).
 */
export interface FacetCounts {
  categories: Uint32Array;
  kinds: Uint32Array;
  modes: Uint32Array;
  sources: Uint32Array;
  severity: Uint32Array;
  reliability: Uint32Array;
  credibility: Uint32Array;
}

/** Key figures of the window under every filter. */
export interface KeyFigures {
  events: number;
  /** Sum of the records' values in CNY (a record without a value adds nothing). */
  valueCny: number;
  /** Records of kind `clue`. */
  clues: number;
  /** Per table source. */
  eventsBySource: Uint32Array;
  valueBySource: Float64Array;
}

/** What one pass over the window gives. */
export interface WindowSummary {
  facets: FacetCounts;
  figures: KeyFigures;
}

const CLUE = RECORD_KINDS.indexOf('clue');

/** Zero counts for every option of every facet dimension. */
export function emptyFacetCounts(sourceCount: number): FacetCounts {
  const sizes = facetSizes(sourceCount);
  return {
    categories: new Uint32Array(sizes.categories),
    kinds: new Uint32Array(sizes.kinds),
    modes: new Uint32Array(sizes.modes),
    sources: new Uint32Array(sizes.sources),
    severity: new Uint32Array(sizes.severity),
    reliability: new Uint32Array(sizes.reliability),
    credibility: new Uint32Array(sizes.credibility),
  };
}

/**
 * Facet counts and key figures of the events with `fromSec ≤ time ≤ toSec` in one pass over the
 * time blocks that meet the window. A row outside `placeMask` (sites, channels, drawn area: the
 * filters without a facet) counts nowhere. Otherwise a row that fails no facet filter counts in
 * every dimension and in the figures; one that fails exactly one counts only in that dimension;
 * one that fails two or more counts nowhere. `values` holds each row's value in CNY (NaN = none).
 *
 * The same pass can fill a histogram (`also.histogram`, zeroed: every row that passes every
 * filter, at any time; the pass then reads every row instead of the window's blocks).
 */
export function summarizeWindow(
  table: EventTable,
  fromSec: number,
  toSec: number,
  plan: FacetPlan,
  placeMask: Uint8Array | null,
  values: Float64Array,
  also: { histogram?: TimeHistogram | null } = {},
): WindowSummary {
  const histogram = also.histogram ?? null;
  const binCounts = histogram?.counts ?? null;
  const binCategories = histogram?.categories ?? 0;
  // Whole seconds: the table's times count from a whole second, and bins start on one.
  const binOffsetSec = histogram === null ? 0 : (table.baseTime - histogram.start) / 1000;
  const binSec = histogram === null ? 1 : histogram.binMs / 1000;
  const facets = emptyFacetCounts(table.sources.length);
  const figures: KeyFigures = {
    events: 0,
    valueCny: 0,
    clues: 0,
    eventsBySource: new Uint32Array(table.sources.length),
    valueBySource: new Float64Array(table.sources.length),
  };
  const { time, category, kind, mode, source, severity, grading } = table;
  const { categories, kinds, modes, sources, reliability, credibility } = facets;
  const severities = facets.severity;
  const { eventsBySource, valueBySource } = figures;
  let counted = 0;
  let clues = 0;
  let valueCny = 0;
  const failCategory = plan.category;
  const failKind = plan.kind;
  const failMode = plan.mode;
  const failSource = plan.source;
  const failSeverity = plan.severity;
  const failReliability = plan.reliability;
  const failCredibility = plan.credibility;
  const runs = histogram === null ? windowRuns(table, { fromSec, toSec }) : Int32Array.of(0, table.count, RUN_MIXED);
  for (let r = 0; r < runs.length; r += 3) {
    const end = runs[r + 1];
    const inWindow = runs[r + 2] === RUN_CURRENT;
    for (let i = runs[r]; i < end; i++) {
      const t = time[i];
      const counts = inWindow || (t >= fromSec && t <= toSec);
      if (!counts && binCounts === null) continue;
      if (placeMask !== null && placeMask[i] === 0) continue;
      const c = category[i];
      const k = kind[i];
      const m = mode[i];
      const s = source[i];
      const v = severity[i];
      const g = grading[i];
      const failed = failCategory[c] | failKind[k] | failMode[m] | failSource[s] | failSeverity[v] | failReliability[g] | failCredibility[g];
      if (binCounts !== null && failed === 0) binCounts[Math.floor((t + binOffsetSec) / binSec) * binCategories + c]++;
      if (!counts) continue;
      if (failed === 0) {
        categories[c]++;
        kinds[k]++;
        modes[m]++;
        sources[s]++;
        if (v > 0) severities[v - 1]++;
        reliability[GRADING_LETTER[g]]++;
        credibility[GRADING_DIGIT[g] - 1]++;
        counted++;
        eventsBySource[s]++;
        if (k === CLUE) clues++;
        const value = values[i];
        if (value === value) {
          valueCny += value;
          valueBySource[s] += value;
        }
        continue;
      }
      // Only a row that fails exactly one dimension counts, and only there.
      if ((failed & (failed - 1)) !== 0) continue;
      switch (failed) {
        case 1:
          categories[c]++;
          break;
        case 2:
          kinds[k]++;
          break;
        case 4:
          modes[m]++;
          break;
        case 8:
          sources[s]++;
          break;
        case 16:
          if (v > 0) severities[v - 1]++;
          break;
        case 32:
          reliability[GRADING_LETTER[g]]++;
          break;
        default:
          credibility[GRADING_DIGIT[g] - 1]++;
      }
    }
  }
  figures.events = counted;
  figures.clues = clues;
  figures.valueCny = valueCny;
  return { facets, figures };
}

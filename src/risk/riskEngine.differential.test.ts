import fc from 'fast-check';
import { splitLongToH3Index } from 'h3-js';
import { describe, it } from 'vitest';
import type { FeedRecord } from '../domain/FeedRecord.ts';
import { importRecords } from '../store/importRecords.ts';
import { MemoryEventStore } from '../store/MemoryEventStore.ts';
import { batchOf, csvMeta } from '../store/storeTestSupport.ts';
import { buildEventTable } from './buildEventTable.ts';
import { buildFilterMask } from './buildFilterMask.ts';
import { buildRecordLookup } from './buildRecordLookup.ts';
import { computeAlerts, type SpikeAlert } from './computeAlerts.ts';
import { computeHotspots } from './computeHotspots.ts';
import { computeLinks } from './computeLinks.ts';
import { computeSiteRisk, type PlaceRisk } from './computeSiteRisk.ts';
import type { BreakdownSummary } from './describeBreakdown.ts';
import { describeHotspots } from './describeHotspots.ts';
import { describePlaces } from './describePlaces.ts';
import { eventLocation, type EventTable } from './EventTable.ts';
import { jurisdictionBySource } from './jurisdictionBySource.ts';
import type { ReferenceChannel, ReferenceSite } from './ReferencePlaces.ts';
import type { RiskFilters } from './RiskFilters.ts';
import type { RiskParams } from './RiskParams.ts';
import { compareRiskAnswers } from './reference/compareRiskAnswers.ts';
import { buildRiskCase, riskCaseSpecArbitrary, type RiskCase, type RiskCaseSpec } from './reference/randomRiskCase.ts';
import type { ReferenceAlertOptions, ReferenceTablePlaces } from './reference/ReferenceQuery.ts';
import { referenceRiskModel } from './reference/referenceRiskModel.ts';
import { referenceUpsert } from './reference/referenceUpsert.ts';
import type { AlertAnswer, BreakdownAnswer, PlaceAnswer, RiskAnswer } from './reference/RiskAnswer.ts';

/**
 * The real engine against the plain reference model (src/risk/reference) on random datasets and
 * random parameters. `DIFF_RUNS=n` runs n cases of each property instead of the quick default.
 */

const extraRuns = Number(process.env.DIFF_RUNS ?? 0);
/** `DIFF_RESOLUTIONS=9` (or `7,8`) narrows the H3 resolutions drawn, 5..9 by default. */
const resolutions = process.env.DIFF_RESOLUTIONS?.split(',').map(Number);
const jurisdictionOf = jurisdictionBySource();

/** Everything the engine is asked for one evaluation. */
interface EngineQuery {
  params: RiskParams;
  filters: RiskFilters;
  alertOptions: ReferenceAlertOptions;
  /** Sites that site risk scores (the table's own, or another list). */
  scoredSites: readonly ReferenceSite[];
  /** Pass the filters as a mask built once, instead of as RiskFilters. */
  filterAsMask: boolean;
}

function breakdownOf(summary: BreakdownSummary): BreakdownAnswer {
  return {
    byCategory: summary.byCategory as Record<string, number>,
    bySource: summary.bySource,
    byKind: summary.byKind as Record<string, number>,
    topEvents: summary.topEvents.map((e) => ({ key: `${e.source}:${e.id}`, weight: e.weight })),
  };
}

function placesOf(risk: PlaceRisk, table: EventTable): PlaceAnswer[] {
  const details = new Map(describePlaces(risk, table).map((summary) => [summary.id, breakdownOf(summary)]));
  return Array.from(risk.order, (p) => ({
    id: risk.ids[p],
    reference: p < risk.referenceCount,
    score: risk.scores[p],
    count: risk.counts[p],
    previous: risk.previous[p],
    details: details.get(risk.ids[p]) ?? null,
  }));
}

function alertOf(alert: SpikeAlert): AlertAnswer {
  const { target, id, observed, baselineCount, expected, probability, logProbability, since, lon, lat } = alert;
  return { target, id, observed, baselineCount, expected, probability, logProbability, since, lon, lat };
}

function recordKeyOfRow(table: EventTable, row: number): string {
  const at = eventLocation(table, row);
  const chunk = table.chunks[at.chunk];
  return `${chunk.strings.sources[chunk.columns.source[at.row]]}:${chunk.strings.ids[at.row]}`;
}

/**
 * Runs the real engine on `imports` (files of parser batches, imported in order into an empty
 * store through the real import path) and answers `query` in the comparison's plain shape. The
 * one place that knows how the engine is called.
 */
async function runRealEngine(imports: readonly FeedRecord[][][], places: ReferenceTablePlaces, query: EngineQuery, chunkRows: number): Promise<RiskAnswer> {
  let clock = 0;
  const store = new MemoryEventStore({ now: () => ++clock });
  for (const [n, batches] of imports.entries()) {
    await importRecords(store, csvMeta(`feed-${n}.csv`), batches.map((records) => batchOf(records)), { chunkRows, now: () => clock });
  }
  const chunks = await store.loadPublishedChunks();
  const table = buildEventTable(
    chunks.map(({ chunk, mask }) => ({ chunk, mask })),
    { sites: places.sites, channels: places.channels, siteRadiusKm: places.siteRadiusKm, channelRadiusKm: places.channelRadiusKm },
  );
  const filters = query.filterAsMask ? buildFilterMask(table, query.filters) : query.filters;
  const hotspots = computeHotspots(table, query.params, filters);
  const described = new Map(describeHotspots(hotspots, table).map((summary) => [summary.cell, summary]));
  const risk = computeSiteRisk(table, query.params, filters, query.scoredSites, places.channels as ReferenceChannel[]);
  const alerts = computeAlerts(table, query.params, filters, query.alertOptions);
  const links = computeLinks(table, buildRecordLookup(table), jurisdictionOf);
  return {
    hotspots: Array.from(hotspots.scores, (score, rank) => {
      const cell = splitLongToH3Index(hotspots.cellLow[rank], hotspots.cellHigh[rank]);
      const summary = described.get(cell);
      return {
        cell,
        score,
        count: hotspots.counts[rank],
        previous: hotspots.previous[rank],
        details: summary ? breakdownOf(summary) : null,
        nearestSite: summary?.nearestSite ?? null,
        centre: summary ? [summary.lon, summary.lat] : [NaN, NaN],
      };
    }),
    totalScore: hotspots.totalScore,
    totalCount: hotspots.totalCount,
    sites: placesOf(risk.sites, table),
    channels: placesOf(risk.channels, table),
    alerts: { cells: alerts.cells.map(alertOf), sites: alerts.sites.map(alertOf) },
    links: {
      totals: { ...links.totals },
      pairCounts: links.pairCounts.map(({ a, b, count }) => ({ a, b, count })),
      arcs: Array.from(links.rowA, (rowA, k) => ({
        a: recordKeyOfRow(table, rowA),
        b: recordKeyOfRow(table, links.rowB[k]),
        territoryA: links.jurisdictions[links.jurisdictionA[k]],
        territoryB: links.jurisdictions[links.jurisdictionB[k]],
        from: [links.from[2 * k], links.from[2 * k + 1]],
        to: [links.to[2 * k], links.to[2 * k + 1]],
      })),
      unresolvedKeys: [...links.unresolvedKeys],
    },
  };
}

/** The disagreements of the engine with the reference on one case (empty when none). */
async function disagreements(riskCase: RiskCase): Promise<string[]> {
  const engine = await runRealEngine(
    riskCase.imports,
    riskCase.table,
    {
      params: riskCase.params,
      filters: riskCase.filters,
      alertOptions: riskCase.alertOptions,
      scoredSites: riskCase.scoredSites,
      filterAsMask: riskCase.filterAsMask,
    },
    riskCase.chunkRows,
  );
  const live = referenceUpsert(riskCase.imports.map((batches) => batches.flat()));
  const reference = referenceRiskModel(live, {
    params: riskCase.params,
    filters: riskCase.filters,
    alertOptions: riskCase.alertOptions,
    table: riskCase.table,
    scoredSites: riskCase.scoredSites,
    jurisdictionOf,
  });
  return compareRiskAnswers(engine, reference, {
    topN: riskCase.params.topN ?? 200,
    pThreshold: riskCase.alertOptions.pThreshold ?? 0.001,
    orderOfKey: new Map(live.map((record, order) => [`${record.source}:${record.id}`, order])),
  });
}

async function agrees(spec: RiskCaseSpec): Promise<void> {
  const found = await disagreements(buildRiskCase(spec));
  if (found.length > 0) throw new Error(`engine ≠ reference:\n  ${found.join('\n  ')}`);
}

describe('the risk engine against the reference model', () => {
  it('agrees on small random datasets with random parameters and filters', async () => {
    await fc.assert(
      fc.asyncProperty(riskCaseSpecArbitrary({ minSize: 1, maxSize: 250, resolutions }), agrees),
      { numRuns: extraRuns || 70 },
    );
  }, 600_000);

  it('agrees where time blocks start or end exactly at a window edge shared by the trend window', async () => {
    const SECOND = 1000;
    await fc.assert(
      fc.asyncProperty(
        riskCaseSpecArbitrary({ minSize: 1, maxSize: 1200, resolutions, layouts: fc.constant<('sorted' | 'shuffled' | 'old')[]>(['sorted']) }).map(
          (spec): RiskCaseSpec => ({
            ...spec,
            edgeStretches: true,
            // Whole-second edges: only there do the window and the trend window share a second.
            params: {
              ...spec.params,
              time: Math.floor(spec.params.time / SECOND) * SECOND,
              windowMs: Math.max(SECOND, Math.round((spec.params.windowMs ?? 30 * 86_400_000) / SECOND) * SECOND),
              trend: true,
            },
          }),
        ),
        agrees,
      ),
      { numRuns: Math.ceil(extraRuns / 4) || 25 },
    );
  }, 600_000);

  it('agrees over several time blocks: narrow and wide blocks, old blocks under tiny half-lives', async () => {
    await fc.assert(
      fc.asyncProperty(
        riskCaseSpecArbitrary({
          minSize: 2100,
          maxSize: 4000,
          resolutions,
          halfLives: [1, 1000, 60_000, 1_800_000, 3_600_000, 86_400_000, 7 * 86_400_000],
          layouts: fc.constantFrom<('sorted' | 'shuffled' | 'old')[]>(['sorted'], ['sorted', 'old', 'shuffled'], ['old', 'sorted'], ['shuffled', 'sorted', 'old']),
        }),
        agrees,
      ),
      { numRuns: Math.ceil(extraRuns / 10) || 8 },
    );
  }, 600_000);
});

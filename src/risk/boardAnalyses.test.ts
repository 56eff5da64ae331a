import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORY_KEYS } from '../domain/categories.ts';
import { RELIABILITY_LETTERS } from '../domain/grading.ts';
import { RECORD_KINDS } from '../domain/recordKinds.ts';
import { TRANSPORT_MODES } from '../domain/transportModes.ts';
import { buildFilterMask } from './buildFilterMask.ts';
import { collectEventsInView } from './collectEventsInView.ts';
import { eventLocation } from './EventTable.ts';
import { jurisdictionBySource } from './jurisdictionBySource.ts';
import type { EventSortKey } from './placeDetails.ts';
import { prepareQuery } from './prepareQuery.ts';
import { close } from './reference/compareRiskAnswers.ts';
import { engineOfRiskCase } from './reference/engineOfRiskCase.ts';
import { ANCHORS, buildRiskCase, riskCaseSpecArbitrary, type RiskCaseSpec } from './reference/randomRiskCase.ts';
import { referenceDetails, referenceFacets, referenceHistogram, type ReferenceTarget } from './reference/referenceBoardAnalyses.ts';
import { referenceEvents } from './reference/referenceEvents.ts';
import type { ReferenceQuery } from './reference/ReferenceQuery.ts';
import { referenceUpsert } from './reference/referenceUpsert.ts';
import type { RiskEngine } from './RiskEngine.ts';
import { resolveRiskParams } from './RiskParams.ts';

/**
 * The board's analyses (facets, key figures, histogram, events layer, details with sorting and
 * paging) against plain reference implementations (src/risk/reference/referenceBoardAnalyses.ts)
 * on random datasets, parameters and filters. `DIFF_RUNS=n` runs n cases.
 */

const runs = Number(process.env.DIFF_RUNS ?? 0) || 40;

/** What one case asks besides the risk case: a viewport, a details page. */
interface Extra {
  anchor: number;
  viewKm: number;
  zoom: number;
  sort: EventSortKey;
  descending: boolean;
  page: number;
  pageSize: number;
  siteSlot: number;
}

const extraArbitrary: fc.Arbitrary<Extra> = fc.record({
  anchor: fc.integer({ min: 0, max: ANCHORS.length - 1 }),
  viewKm: fc.constantFrom(0.5, 3, 10, 40),
  zoom: fc.integer({ min: 5, max: 16 }),
  sort: fc.constantFrom<EventSortKey>('weight', 'time', 'severity', 'category', 'source', 'value'),
  descending: fc.boolean(),
  page: fc.integer({ min: 0, max: 2 }),
  pageSize: fc.integer({ min: 1, max: 7 }),
  siteSlot: fc.nat(),
});

function keyOfRow(engine: RiskEngine, row: number): string {
  const { table } = engine;
  const at = eventLocation(table, row);
  const chunk = table.chunks[at.chunk];
  return `${chunk.strings.sources[chunk.columns.source[at.row]]}:${chunk.strings.ids[at.row]}`;
}

function namesOf(engine: RiskEngine): Record<string, (i: number) => string> {
  return {
    categories: (i) => CATEGORY_KEYS[i],
    kinds: (i) => RECORD_KINDS[i],
    modes: (i) => (i === 0 ? 'none' : TRANSPORT_MODES[i - 1]),
    sources: (i) => engine.sources[i],
    severity: (i) => String(i + 1),
    reliability: (i) => RELIABILITY_LETTERS[i],
    credibility: (i) => String(i + 1),
  };
}

async function analysesAgree(spec: RiskCaseSpec, extra: Extra): Promise<void> {
  const riskCase = buildRiskCase(spec);
  const engine = await engineOfRiskCase(riskCase);
  const live = referenceUpsert(riskCase.imports.map((batches) => batches.flat()));
  const params = riskCase.params;
  const filters = riskCase.filters;
  const query: ReferenceQuery = { params, filters, alertOptions: {}, table: riskCase.table, jurisdictionOf: jurisdictionBySource() };
  if (live.length === 0) return;

  // Facets, figures, histogram and events layer, as the board asks them: one fused pass (the
  // histogram is new, so the pass reads every row); each is also checked on its own below.
  const [lon, lat] = ANCHORS[extra.anchor];
  const half = extra.viewKm / 111;
  const view = { west: lon - half, south: lat - half, east: lon + half, north: lat + half, zoom: extra.zoom };
  const fused = engine.windowAnswer(params, filters, view);
  expect(fused.facets).toEqual(engine.windowSummary(params, filters).facets);
  expect(fused.figures).toEqual(engine.windowSummary(params, filters).figures);
  expect(fused.events).toEqual(engine.eventsInView(params, filters, view));
  const summary = fused;
  const reference = referenceFacets(live, query);
  const names = namesOf(engine);
  for (const [dimension, counts] of Object.entries(summary.facets) as [keyof typeof reference.facets, Uint32Array][]) {
    const expected = reference.facets[dimension];
    counts.forEach((count, i) => expect(count, `${dimension} ${names[dimension](i)}`).toBe(expected.get(names[dimension](i)) ?? 0));
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    expect(counts.reduce((a, b) => a + b, 0), `${dimension} total`).toBe(total);
  }
  const figures = summary.figures;
  expect(figures.events).toBe(reference.figures.events);
  expect(figures.clues).toBe(reference.figures.clues);
  expect(close(figures.valueCny, reference.figures.valueCny), `value ${figures.valueCny} ≠ ${reference.figures.valueCny}`).toBe(true);
  engine.sources.forEach((source, s) => {
    expect(figures.eventsBySource[s]).toBe(reference.figures.eventsBySource.get(source) ?? 0);
    expect(close(figures.valueBySource[s], reference.figures.valueBySource.get(source) ?? 0)).toBe(true);
  });

  // The histogram.
  const histogram = fused.histogram;
  expect(engine.histogram(filters)).toEqual(histogram);
  const expectedHistogram = referenceHistogram(live, query);
  expect([histogram.start, histogram.binMs, histogram.bins]).toEqual([expectedHistogram.start, expectedHistogram.binMs, expectedHistogram.bins]);
  const binned = new Map<string, number>();
  histogram.counts.forEach((count, at) => {
    if (count > 0) binned.set(`${Math.floor(at / CATEGORY_KEYS.length)}:${CATEGORY_KEYS[at % CATEGORY_KEYS.length]}`, count);
  });
  expect(binned).toEqual(expectedHistogram.counts);

  // The events layer: raw points, then forced into an aggregate.
  const inView = new Set(
    referenceEvents(live, query, 5)
      .filter((event) => {
        const x = Math.fround(event.record.lon);
        const y = Math.fround(event.record.lat);
        return event.passes && event.second >= params.time - (params.windowMs ?? 30 * 86_400_000) && event.second <= params.time && x >= view.west && x <= view.east && y >= view.south && y <= view.north;
      })
      .map((event) => event.key),
  );
  const points = engine.eventsInView(params, filters, view);
  expect(points.kind).toBe('points');
  expect(new Set(Array.from(points.row, (row) => keyOfRow(engine, row)))).toEqual(inView);
  expect(points.inView).toBe(inView.size);
  const prepared = prepareQuery(engine.table, resolveRiskParams(params));
  const aggregate = collectEventsInView(engine.table, prepared.fromSec, prepared.toSec, buildFilterMask(engine.table, filters), view, 0);
  expect(aggregate.inView).toBe(inView.size);
  expect(aggregate.weight.reduce((a, b) => a + b, 0)).toBe(inView.size === 0 ? 0 : inView.size);

  // Details of the top hotspot, a site and a channel, sorted and paged.
  const targets: ReferenceTarget[] = [];
  const hotspots = engine.hotspots(params, filters).top;
  if (hotspots.length > 0) targets.push({ kind: 'cell', cell: hotspots[0].cell, resolution: params.resolution ?? 7 });
  const sites = riskCase.table.sites;
  if (sites.length > 0) targets.push({ kind: 'site', id: sites[extra.siteSlot % sites.length].id });
  const channels = riskCase.table.channels;
  if (channels.length > 0) targets.push({ kind: 'channel', id: channels[extra.siteSlot % channels.length].id });
  for (const target of targets) {
    const page = { key: extra.sort, descending: extra.descending, page: extra.page, pageSize: extra.pageSize };
    const engineTarget = target.kind === 'cell' ? { kind: 'cell' as const, cell: target.cell } : target;
    const details = engine.details(engineTarget, params, filters, page);
    const expected = referenceDetails(live, query, target);
    const where = `${target.kind} ${'cell' in target ? target.cell : target.id}`;
    expect(details, where).not.toBeNull();
    expect(details!.count, `${where} count`).toBe(expected.count);
    expect(details!.total).toBe(expected.count);
    expect(close(details!.score, expected.score), `${where} score ${details!.score} ≠ ${expected.score}`).toBe(true);
    expect(close(details!.trend.previous, expected.previous), `${where} previous`).toBe(true);
    const sparkSum = details!.sparkline.values.reduce((a, b) => a + b, 0);
    expect(close(sparkSum, expected.score + expected.previous, 1e-9), `${where} sparkline ${sparkSum}`).toBe(true);
    const sign = extra.descending ? -1 : 1;
    const keyOf = (entry: (typeof expected.counted)[number]): number => {
      const { record } = entry.event;
      switch (extra.sort) {
        case 'weight':
          return entry.weight;
        case 'time':
          return Math.floor(record.time / 1000);
        case 'severity':
          return record.severity;
        case 'category':
          return CATEGORY_KEYS.indexOf(record.category);
        case 'source':
          return [...engine.sources].sort().indexOf(record.source);
        case 'value':
          return record.valueCny ?? Number.NaN;
      }
    };
    const sorted = [...expected.counted].sort((a, b) => {
      const x = keyOf(a);
      const y = keyOf(b);
      if (x !== x || y !== y) return x !== x ? (y !== y ? a.event.order - b.event.order : 1) : -1;
      return x === y ? a.event.order - b.event.order : x < y ? -sign : sign;
    });
    const pageOf = sorted.slice(extra.page * extra.pageSize, (extra.page + 1) * extra.pageSize);
    const shown = details!.events;
    expect(shown.length, `${where} page length`).toBe(pageOf.length);
    if (extra.sort === 'weight') {
      // Weights equal in the reference may differ by an ulp in the engine: check order and weights.
      const weightOf = new Map(expected.counted.map((entry) => [entry.event.key, entry.weight]));
      shown.forEach((event, k) => {
        expect(close(event.weight, weightOf.get(`${event.source}:${event.id}`) ?? Number.NaN), `${where} weight`).toBe(true);
        expect(close(event.weight, pageOf[k].weight), `${where} weight at ${k}`).toBe(true);
        if (k > 0) expect(sign * (event.weight - shown[k - 1].weight) >= 0).toBe(true);
      });
    } else {
      expect(shown.map((event) => `${event.source}:${event.id}`), `${where} page`).toEqual(pageOf.map((entry) => entry.event.key));
    }
  }

  // A record: found by (source, id), listed even when it does not count.
  const record = live[extra.siteSlot % live.length];
  const details = engine.details({ kind: 'record', source: record.source, id: record.id }, params, filters, { key: 'time', descending: false, page: 0, pageSize: 5 });
  expect(details?.events.map((event) => `${event.source}:${event.id}`)).toEqual([`${record.source}:${record.id}`]);
  expect(details?.events[0].time).toBe(record.time);
}

describe('the board analyses against the reference', () => {
  it('agree on random datasets, parameters, filters, viewports and pages', async () => {
    await fc.assert(fc.asyncProperty(riskCaseSpecArbitrary({ minSize: 1, maxSize: 250 }), extraArbitrary, analysesAgree), { numRuns: runs });
  }, 600_000);
});

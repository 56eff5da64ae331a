import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFilterMask } from './buildFilterMask.ts';
import { collectEventsInView, viewSquares, type EventLayer, type ViewBox } from './collectEventsInView.ts';
import { engineOfRiskCase } from './reference/engineOfRiskCase.ts';
import { ANCHORS, buildRiskCase, riskCaseSpecArbitrary } from './reference/randomRiskCase.ts';

/**
 * The events layer from kept squares (viewSquares → collectEventsInView) against the pass that
 * computes each row's square itself, exactly, on random tables, views (small, wide, across the
 * antimeridian, any zoom), windows, masks and point limits; and RiskEngine's kept view over a
 * sequence of asks. `DIFF_RUNS=n` runs n cases.
 */

const runs = Number(process.env.DIFF_RUNS ?? 0) || 40;
const DAY = 86_400_000;

/** Every number of a layer in a fixed order, compared with Object.is. */
function numbersOf(layer: EventLayer): (number | string)[] {
  return [layer.kind, layer.count, layer.inView, ...layer.positions, ...layer.category, ...layer.severity, ...layer.weight, ...layer.row];
}

function sameLayer(actual: EventLayer, expected: EventLayer): void {
  const a = numbersOf(actual);
  const b = numbersOf(expected);
  expect(a.length).toBe(b.length);
  expect(a.flatMap((value, k) => (Object.is(value, b[k]) ? [] : [`#${k}: ${value} ≠ ${b[k]}`]))).toEqual([]);
}

const viewArbitrary: fc.Arbitrary<ViewBox> = fc
  .record({
    anchor: fc.integer({ min: 0, max: ANCHORS.length - 1 }),
    halfDegrees: fc.constantFrom(0.001, 0.01, 0.05, 0.3, 2, 200),
    across: fc.boolean(),
    zoom: fc.oneof(fc.integer({ min: 0, max: 18 }), fc.double({ min: -2, max: 22, noNaN: true }), fc.constantFrom(-Infinity, Infinity, Number.NaN)),
  })
  .map(({ anchor, halfDegrees, across, zoom }) => {
    const [lon, lat] = ANCHORS[anchor];
    // Across the antimeridian: everything but a sliver west of the anchor.
    return across
      ? { west: lon, south: lat - halfDegrees, east: lon - halfDegrees, north: lat + halfDegrees, zoom }
      : { west: lon - halfDegrees, south: lat - halfDegrees, east: lon + halfDegrees, north: lat + halfDegrees, zoom };
  });

describe('the events layer from kept squares against the plain pass', () => {
  it('gives the same layer', async () => {
    await fc.assert(
      fc.asyncProperty(
        riskCaseSpecArbitrary({ minSize: 0, maxSize: 400 }),
        viewArbitrary,
        fc.record({
          windowStart: fc.double({ min: -0.2, max: 1.2, noNaN: true }),
          windowDays: fc.oneof(fc.constantFrom(0, 1, 30, 400), fc.double({ min: 0, max: 90, noNaN: true })),
          masked: fc.boolean(),
          maskSeed: fc.integer(),
          maxPoints: fc.constantFrom(0, 1, 3, 50, 30_000),
        }),
        async (spec, view, extra) => {
          const engine = await engineOfRiskCase(buildRiskCase(spec));
          const { table } = engine;
          const span = table.count === 0 ? 0 : table.time.reduce((a, b) => Math.max(a, b), 0);
          const fromSec = Math.floor(extra.windowStart * span);
          const toSec = fromSec + Math.floor((extra.windowDays * DAY) / 1000);
          const mask = extra.masked ? Uint8Array.from({ length: table.count }, (_, i) => (Math.imul(i + 1, extra.maskSeed | 1) >>> 9) & 1) : null;
          const kept = collectEventsInView(table, fromSec, toSec, mask, view, extra.maxPoints, viewSquares(table, view));
          sameLayer(kept, collectEventsInView(table, fromSec, toSec, mask, view, extra.maxPoints));
        },
      ),
      { numRuns: runs },
    );
  }, 600_000);

  it('RiskEngine.eventsInView equals the plain pass over a sequence of views and instants', async () => {
    await fc.assert(
      fc.asyncProperty(
        riskCaseSpecArbitrary({ minSize: 1, maxSize: 300 }),
        fc.array(fc.tuple(fc.option(viewArbitrary, { nil: null }), fc.integer({ min: -60, max: 60 }), fc.constantFrom('same', 'zoom', 'new')), { minLength: 2, maxLength: 8 }),
        fc.constantFrom(0, 2, 30_000),
        async (spec, asks, maxPoints) => {
          const riskCase = buildRiskCase(spec);
          const engine = await engineOfRiskCase(riskCase);
          const { table } = engine;
          let view = null as ViewBox | null;
          for (const [next, days, change] of asks) {
            // Often the same view again (the kept squares serve), else its zoom alone, or a new one.
            if (change === 'new' || view === null) view = next;
            else if (change === 'zoom') view = { ...view, zoom: next?.zoom ?? view.zoom + 1 };
            const params = { ...riskCase.params, time: riskCase.params.time + days * DAY };
            // Few points allowed: the aggregate, whose squares the kept view must get right.
            const layer = engine.eventsInView(params, riskCase.filters, view, maxPoints);
            const nowMs = params.time - table.baseTime;
            const fromSec = Math.ceil((nowMs - (params.windowMs ?? 30 * DAY)) / 1000);
            const toSec = Math.floor(nowMs / 1000);
            const bounds = engine.dataBounds() ?? [0, 0, 0, 0];
            const plainView = view ?? { west: bounds[0], south: bounds[1], east: bounds[2], north: bounds[3], zoom: -Infinity };
            sameLayer(layer, collectEventsInView(table, fromSec, toSec, buildFilterMask(table, riskCase.filters), plainView, maxPoints));
            if (maxPoints === 30_000) sameLayer(engine.windowAnswer(params, riskCase.filters, view).events, layer);
          }
        },
      ),
      { numRuns: runs },
    );
  }, 600_000);
});

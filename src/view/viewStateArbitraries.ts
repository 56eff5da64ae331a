import fc from 'fast-check';
import { CATEGORY_KEYS } from '../domain/categories.ts';
import { RELIABILITY_LETTERS } from '../domain/grading.ts';
import { RECORD_KINDS } from '../domain/recordKinds.ts';
import { TRANSPORT_MODES } from '../domain/transportModes.ts';
import { LOCALES } from '../i18n/locales.ts';
import type { CredibilityDigit } from '../risk/RiskParams.ts';
import { LAYER_KEYS, NO_MODE, VIEW_STATE_VERSION, type Selection, type ViewState } from './ViewState.ts';

/** Test support: random valid view states (every field, every kind of selection). */

/** A subset of `values` in their order, or null ("all"). */
function subsetOrNull<T>(values: readonly T[]): fc.Arbitrary<T[] | null> {
  return fc.option(
    fc.subarray([...values]).map((picked) => values.filter((value) => picked.includes(value))),
    { nil: null },
  );
}

function weights<K extends string | number>(keys: readonly K[]): fc.Arbitrary<Record<K, number>> {
  return fc
    .array(fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1000, noNaN: true }), fc.integer({ min: 0, max: 10 })), {
      minLength: keys.length,
      maxLength: keys.length,
    })
    .map((values) => Object.fromEntries(keys.map((key, i) => [key, values[i]])) as Record<K, number>);
}

/** Text as ids and source codes may be: any printable text, separators and non-Latin scripts included. */
const idText = fc
  .string({ unit: fc.oneof(fc.constantFrom(':', ',', ';', '/', '%', '&', '=', '+', ' ', '?', '#', '港', '澳'), fc.string({ minLength: 1, maxLength: 1 })), minLength: 1, maxLength: 20 })
  .filter((text) => !/[\p{Cc}\p{Cf}]/u.test(text));

const cellId = fc
  .tuple(fc.integer({ min: 5, max: 9 }), fc.bigInt({ min: 0n, max: (1n << 45n) - 1n }))
  .map(([resolution, digits]) => ((1n << 59n) + (BigInt(resolution) << 52n) + digits).toString(16));

const selection: fc.Arbitrary<Selection> = fc.oneof(
  cellId.map((cell) => ({ kind: 'hotspot', cell }) as const),
  idText.map((id) => ({ kind: 'site', id }) as const),
  idText.map((id) => ({ kind: 'channel', id }) as const),
  idText.map((id) => ({ kind: 'alert', target: 'site', id }) as const),
  cellId.map((id) => ({ kind: 'alert', target: 'cell', id }) as const),
  fc.tuple(idText, idText).map(([source, id]) => ({ kind: 'event', source, id }) as const),
);

/** Numbers that survive the URL's rounding: what a user can set. */
const lonLat = fc.tuple(fc.integer({ min: -18_000_000, max: 18_000_000 }), fc.integer({ min: -8_500_000, max: 8_500_000 })).map(
  ([lon, lat]) => [lon / 100_000, lat / 100_000] as [number, number],
);

/** A random valid view state. */
export const viewStateArbitrary: fc.Arbitrary<ViewState> = fc
  .record({
    camera: fc.option(
      fc.record({
        lon: fc.integer({ min: -18_000_000, max: 18_000_000 }).map((v) => v / 100_000),
        lat: fc.integer({ min: -8_500_000, max: 8_500_000 }).map((v) => v / 100_000),
        zoom: fc.integer({ min: 300, max: 1800 }).map((v) => v / 100),
      }),
      { nil: null },
    ),
    at: fc.option(fc.integer({ min: 0, max: 7_258_118_400_000 }), { nil: null }),
    windowDays: fc.oneof(fc.constant(30), fc.integer({ min: 1, max: 3650 }), fc.constantFrom(1 / 24, 0.5, 7.25)),
    halfLifeDays: fc.oneof(fc.constant(7), fc.integer({ min: 1, max: 3650 }), fc.constantFrom(1 / 24, 0.25)),
    resolution: fc.integer({ min: 5, max: 9 }),
    categoryWeights: weights(CATEGORY_KEYS),
    reliability: weights(RELIABILITY_LETTERS),
    credibility: weights([1, 2, 3, 4, 5, 6] as const),
    siteRadiusKm: fc.oneof(fc.constant(3), fc.double({ min: 0, max: 50, noNaN: true })),
    categories: subsetOrNull(CATEGORY_KEYS),
    kinds: subsetOrNull(RECORD_KINDS),
    modes: subsetOrNull([...TRANSPORT_MODES, NO_MODE] as const),
    sources: fc.option(fc.uniqueArray(idText, { maxLength: 6 }).map((list) => [...list].sort()), { nil: null }),
    severity: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)]),
    reliabilityLetters: subsetOrNull(RELIABILITY_LETTERS),
    minCredibility: fc.constantFrom<CredibilityDigit>(1, 2, 3, 4, 5, 6),
    area: fc.option(fc.array(lonLat, { minLength: 3, maxLength: 12 }), { nil: null }),
    layers: fc.array(fc.boolean(), { minLength: LAYER_KEYS.length, maxLength: LAYER_KEYS.length }),
    selection: fc.option(selection, { nil: null }),
    drawer: fc.constantFrom(null, 'filters', 'model', 'layers', 'data' as const),
    locale: fc.constantFrom(...LOCALES),
    theme: fc.constantFrom('dark', 'light' as const),
    mode: fc.constantFrom('board', 'wall', 'briefing' as const),
  })
  .map(
    (v): ViewState => ({
      version: VIEW_STATE_VERSION,
      camera: v.camera,
      model: {
        at: v.at,
        windowDays: v.windowDays,
        halfLifeDays: v.halfLifeDays,
        resolution: v.resolution,
        categoryWeights: v.categoryWeights,
        reliability: v.reliability,
        credibility: v.credibility,
        siteRadiusKm: v.siteRadiusKm,
      },
      filters: {
        categories: v.categories,
        kinds: v.kinds,
        modes: v.modes,
        sources: v.sources,
        severityMin: v.severity[0],
        severityMax: v.severity[1],
        reliability: v.reliabilityLetters,
        minCredibility: v.minCredibility,
        area: v.area,
      },
      layers: Object.fromEntries(LAYER_KEYS.map((key, i) => [key, v.layers[i]])) as ViewState['layers'],
      selection: v.selection,
      drawer: v.drawer,
      locale: v.locale,
      theme: v.theme,
      mode: v.mode,
    }),
  );

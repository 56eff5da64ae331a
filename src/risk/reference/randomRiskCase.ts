import fc from 'fast-check';
import { cellToBoundary, latLngToCell } from 'h3-js';
import { CATEGORY_KEYS, type CategoryKey } from '../../domain/categories.ts';
import type { FeedRecord } from '../../domain/FeedRecord.ts';
import { RELIABILITY_LETTERS } from '../../domain/grading.ts';
import { RECORD_KINDS } from '../../domain/recordKinds.ts';
import { TRANSPORT_MODES } from '../../domain/transportModes.ts';
import type { ReferenceChannel, ReferenceSite } from '../ReferencePlaces.ts';
import type { RiskFilters } from '../RiskFilters.ts';
import type { RiskParams } from '../RiskParams.ts';
import type { ReferenceAlertOptions, ReferenceTablePlaces } from './ReferenceQuery.ts';

/**
 * Random inputs for differential tests of the risk engine: a compact, shrinkable spec (what
 * fast-check generates and prints) and its deterministic expansion into feed files, reference
 * places and one query. Record i depends only on the spec's seed and the records before it, so
 * shrinking `size` keeps a prefix of the same dataset.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const METRES_PER_DEGREE = 111_195;
/** Records per stretch of one time layout. */
const STRETCH_ROWS = 1500;

/** Places in the bay around which a case scatters its events, `[lon, lat]`. */
export const ANCHORS: readonly (readonly [number, number])[] = [
  [113.5489, 22.2186], // Gongbei
  [114.0741, 22.5094], // Lok Ma Chau
  [113.9116, 22.4823], // Shekou
  [113.5439, 22.1406], // Hengqin
  [113.6055, 22.7521], // Nansha
  [113.9185, 22.3089], // Chek Lap Kok
];

/** Source agencies: every territory rule of the defaults, and two that match none. */
export const SOURCES = ['GACC-GD', 'CN-GB', 'GZ-CUSTOMS', 'HKCED', 'C&ED', 'MOCS', 'SA', 'SAMR', 'INTERPOL'] as const;
const SITE_IDS = ['site_a', 'site_b', 'site_c', 'site_d', 'site_e', 'site_f'];
const CHANNEL_IDS = ['channel_a', 'channel_b', 'channel_c'];
const UNKNOWN_SITES = ['unknown_site_0', 'unknown_site_1'];
const UNKNOWN_CHANNELS = ['unknown_channel_0'];
const TERRITORY_SETS = [['Mainland'], ['Hong Kong'], ['Macao'], ['Mainland', 'Macao'], ['Hong Kong', 'Mainland']];

/** Which way a stretch of rows is laid out in time. */
export type TimeLayout = 'sorted' | 'shuffled' | 'old';

/** What fast-check generates for one case. */
export interface RiskCaseSpec {
  seed: number;
  /** Records across all files (versions included). */
  size: number;
  /** Distinct ids a new record draws from: few ids make many versions and shared ids. */
  idPool: number;
  /** Share of records that are explicitly another version of an earlier record. */
  versionRate: number;
  /** Time layout of successive stretches of STRETCH_ROWS records. */
  layouts: TimeLayout[];
  /** Whether every sorted stretch starts or ends exactly at a window edge (none lies around one). */
  edgeStretches?: boolean;
  /** Spacing of a sorted stretch, ms. */
  sortedStepMs: number;
  /** Indexes into ANCHORS. */
  anchors: number[];
  importCount: number;
  batchesPerImport: number;
  chunkRows: number;
  /** Whether queries get a prebuilt filter mask instead of the filters. */
  filterAsMask: boolean;
  siteRadiusKm: number;
  channelRadiusKm?: number;
  /** Whether site risk scores one site fewer than the table was built with. */
  scoreFewerSites: boolean;
  params: RiskParams & { resolution: number; time: number };
  filters: RiskFilters;
  alertOptions: ReferenceAlertOptions;
}

/** One expanded case. */
export interface RiskCase {
  /** Files in import order, each as parser batches. */
  imports: FeedRecord[][][];
  table: ReferenceTablePlaces & { siteRadiusKm: number };
  scoredSites: ReferenceSite[];
  params: RiskParams;
  filters: RiskFilters;
  alertOptions: ReferenceAlertOptions;
  chunkRows: number;
  filterAsMask: boolean;
}

// ---------------------------------------------------------------- deterministic randomness

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** A uniform [0, 1) stream for (seed, index, salt): mulberry32. */
function stream(seed: number, index: number, salt: number): () => number {
  let state = mix(mix(seed, index), salt);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

// ---------------------------------------------------------------- geometry helpers

/** The point `metres` from (lon, lat) towards bearing `angle` (radians from north), flat-earth. */
function offset(lon: number, lat: number, metres: number, angle: number): [number, number] {
  const dLat = (metres * Math.cos(angle)) / METRES_PER_DEGREE;
  const dLon = (metres * Math.sin(angle)) / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
  return [lon + dLon, lat + dLat];
}

function scatter(random: () => number, [lon, lat]: readonly [number, number], km: number): [number, number] {
  return offset(lon, lat, km * 1000 * Math.sqrt(random()), random() * 2 * Math.PI);
}

/** The point a fraction `f` along the great circle from a to b (`[lat, lon]` degrees), `[lon, lat]`. */
function alongGreatCircle(a: number[], b: number[], f: number): [number, number] {
  const xyz = ([lat, lon]: number[]): number[] => {
    const φ = (lat * Math.PI) / 180;
    const λ = (lon * Math.PI) / 180;
    return [Math.cos(φ) * Math.cos(λ), Math.cos(φ) * Math.sin(λ), Math.sin(φ)];
  };
  const p = xyz(a);
  const q = xyz(b);
  const v = p.map((c, i) => c * (1 - f) + q[i] * f);
  const n = Math.hypot(v[0], v[1], v[2]);
  return [(Math.atan2(v[1], v[0]) * 180) / Math.PI, (Math.asin(v[2] / n) * 180) / Math.PI];
}

/**
 * A point `metres` to one side of an edge of the H3 cell at `resolution` around `near`: on the
 * great-circle edge between two boundary vertices (sometimes at a vertex), then pushed along the
 * edge's normal. Metres and centimetres from the edge are where a Float32 position or a parent
 * cell would give another cell.
 */
function nearCellEdge(random: () => number, near: [number, number], resolution: number): [number, number] {
  const boundary = cellToBoundary(latLngToCell(near[1], near[0], resolution));
  const k = Math.floor(random() * boundary.length);
  const a = boundary[k];
  const b = boundary[(k + 1) % boundary.length];
  const f = random() < 0.2 ? pick(random, [0, 1, 1e-7, 1 - 1e-7]) : random();
  const [lon, lat] = alongGreatCircle(a, b, f);
  const metres = pick(random, [0, 0.005, 0.02, 0.3, 2, 10]) * (random() < 0.5 ? 1 : -1);
  const edgeAngle = Math.atan2((b[1] - a[1]) * Math.cos((lat * Math.PI) / 180), b[0] - a[0]);
  return offset(lon, lat, metres, edgeAngle + Math.PI / 2);
}

// ---------------------------------------------------------------- expansion

/** Reference places of a case, from its seed. */
function placesOf(spec: RiskCaseSpec): { sites: ReferenceSite[]; channels: ReferenceChannel[] } {
  const random = stream(spec.seed, -1, 7);
  const anchor = (): readonly [number, number] => ANCHORS[pick(random, spec.anchors)];
  const sites: ReferenceSite[] = [];
  const siteCount = Math.floor(random() * (SITE_IDS.length + 1));
  for (let s = 0; s < siteCount; s++) {
    const twin = sites.length > 0 && random() < 0.25 ? pick(random, sites) : null;
    const [lon, lat] = twin ? [twin.lon, twin.lat] : scatter(random, anchor(), 2);
    sites.push({ id: SITE_IDS[s], lon, lat, jurisdiction: [...pick(random, TERRITORY_SETS)] });
  }
  const channels: ReferenceChannel[] = [];
  const channelCount = Math.floor(random() * (CHANNEL_IDS.length + 1));
  for (let c = 0; c < channelCount; c++) {
    let point = scatter(random, anchor(), 3);
    const coordinates: [number, number][] = [point];
    const vertices = random() < 0.1 ? 1 : 2 + Math.floor(random() * 3);
    while (coordinates.length < vertices) {
      point = offset(point[0], point[1], 500 + random() * 2500, random() * 2 * Math.PI);
      coordinates.push(point);
    }
    channels.push({ id: CHANNEL_IDS[c], coordinates });
  }
  return { sites, channels };
}

/** Whether record k is another version of an earlier record, else its new key. */
type KeyChoice = { versionOf: number } | { source: string; id: string };

function keyChoice(spec: RiskCaseSpec, k: number): KeyChoice {
  const random = stream(spec.seed, k, 2);
  if (k > 0 && random() < spec.versionRate) return { versionOf: Math.floor(random() * k) };
  const source = pick(random, SOURCES);
  const n = Math.floor(random() * spec.idPool);
  return { source, id: random() < 0.05 ? `R${n}:x` : `R${n}` };
}

/** The expansion of a spec: its files, places and query. */
export function buildRiskCase(spec: RiskCaseSpec): RiskCase {
  const { sites, channels } = placesOf(spec);
  const T = spec.params.time;
  const windowMs = spec.params.windowMs ?? 30 * DAY;
  const recentMs = (spec.alertOptions.recentHours ?? 24) * HOUR;
  const baselineMs = (spec.alertOptions.baselineDays ?? 28) * DAY;
  const boundaries = [T, T - windowMs, T - 2 * windowMs, T - recentMs, T - recentMs - baselineMs];
  const radiusKm = spec.siteRadiusKm;

  const keys = new Map<number, { source: string; id: string }>();
  const keyOf = (k: number): { source: string; id: string } => {
    let key = keys.get(k);
    if (key === undefined) {
      const choice = keyChoice(spec, k);
      key = 'versionOf' in choice ? keyOf(choice.versionOf) : { source: choice.source, id: choice.id };
      keys.set(k, key);
    }
    return key;
  };
  const linkKey = (k: number): string => {
    const { source, id } = keyOf(k);
    return `${source}:${id}`;
  };

  /** A time at `boundary`, a millisecond or a second around it, or a whole second next to it. */
  const nearBoundary = (random: () => number, boundary: number): number =>
    random() < 0.5
      ? boundary + pick(random, [0, 1, -1, SECOND, -SECOND, 999, -999, 500])
      : Math.floor(boundary / SECOND) * SECOND + pick(random, [0, -1, 1, 999, -SECOND, SECOND]);
  // A sorted stretch lies around, just after or just before one instant (a window edge most
  // often), so that its time blocks stay narrow (the engine's per-block factors) while meeting or
  // straddling the edge — or 40 days back, where a tiny half-life sends the block factor below
  // what the fast path takes.
  const stretchCentres = [...boundaries, T, T - windowMs, T - windowMs / 2, T - 40 * DAY];
  const timeOf = (random: () => number, i: number): number => {
    const stretch = Math.floor(i / STRETCH_ROWS);
    const layout = spec.layouts[stretch % spec.layouts.length];
    if (layout === 'sorted') {
      const shape = stream(spec.seed, stretch, 5);
      const side = pick(shape, spec.edgeStretches ? (['after', 'before'] as const) : (['around', 'after', 'before'] as const));
      // A stretch beside an instant starts or ends a run of blocks: at the edge the windows share.
      const centre = pick(shape, side === 'around' ? stretchCentres : [T - windowMs, T - windowMs, T, T - 2 * windowMs]);
      const k = i % STRETCH_ROWS;
      if (side === 'around') {
        if (random() < 0.25) return nearBoundary(random, centre);
        return Math.round(centre + (k - STRETCH_ROWS / 2) * spec.sortedStepMs + random() * SECOND);
      }
      // The stretch's first row lies exactly at the instant, the others on one side of it.
      const away = k === 0 ? 0 : k * spec.sortedStepMs + (random() < 0.25 ? pick(random, [0, 1, 999]) : Math.floor(random() * SECOND));
      return side === 'after' ? centre + away : centre - away;
    }
    if (layout === 'old') return Math.round(T - (60 + 300 * random()) * DAY);
    const u = random();
    if (u < 0.3) return nearBoundary(random, pick(random, boundaries));
    if (u < 0.35) return pick(random, boundaries) + pick(random, [HOUR, -HOUR]);
    return Math.round(T - (2 * windowMs + 3 * DAY) * random() + DAY);
  };

  const positionOf = (random: () => number): [number, number] => {
    const anchor = ANCHORS[pick(random, spec.anchors)];
    const u = random();
    if (u < 0.35) {
      const resolution = random() < 0.7 ? spec.params.resolution : 5 + Math.floor(random() * 5);
      return nearCellEdge(random, scatter(random, anchor, 4), resolution);
    }
    if (u < 0.45 && sites.length > 0) {
      const site = pick(random, sites);
      const v = random();
      if (v < 0.3) return [site.lon, site.lat];
      const metres = v < 0.7 ? radiusKm * 1000 + (random() < 0.5 ? 1 : -1) : random() * 500;
      return offset(site.lon, site.lat, metres, random() * 2 * Math.PI);
    }
    if (u < 0.52 && channels.length > 0) {
      const points = pick(random, channels).coordinates;
      const k = Math.floor(random() * Math.max(1, points.length - 1));
      const next = points[Math.min(k + 1, points.length - 1)];
      const f = random();
      const lon = points[k][0] + f * (next[0] - points[k][0]);
      const lat = points[k][1] + f * (next[1] - points[k][1]);
      return offset(lon, lat, random() * (spec.channelRadiusKm ?? radiusKm) * 1200, random() * 2 * Math.PI);
    }
    const area = spec.filters.area;
    if (u < 0.6 && area !== undefined && area.length > 1) {
      // Centimetres from a drawn edge: where a Float32 position would fall on the other side.
      const k = Math.floor(random() * area.length);
      const [aLon, aLat] = area[k];
      const [bLon, bLat] = area[(k + 1) % area.length];
      const f = random();
      const edgeAngle = Math.atan2((bLon - aLon) * Math.cos((aLat * Math.PI) / 180), bLat - aLat);
      const metres = pick(random, [0.005, 0.02, 0.3]) * (random() < 0.5 ? 1 : -1);
      return offset(aLon + f * (bLon - aLon), aLat + f * (bLat - aLat), metres, edgeAngle + Math.PI / 2);
    }
    return scatter(random, anchor, pick(random, [0.2, 2, 8]));
  };

  /** A fresh record body (no key) for record i. */
  const bodyOf = (random: () => number, i: number): Omit<FeedRecord, 'source' | 'id'> => {
    const time = timeOf(random, i);
    const [lon, lat] = positionOf(random);
    const links: string[] = [];
    const linkCount = random() < 0.6 ? 0 : 1 + Math.floor(random() * 3);
    for (let l = 0; l < linkCount; l++) {
      const u = random();
      if (u < 0.45) links.push(linkKey(Math.max(0, i + pick(random, [-6, -3, -2, -1, 1, 2, 3, 6]))));
      else if (u < 0.55) links.push(linkKey(i));
      else if (u < 0.7) links.push(pick(random, ['NOBODY:1', 'HKCED:missing', `MOCS:gone${Math.floor(random() * 3)}`]));
      else links.push(linkKey(Math.floor(random() * (i + 1))));
      if (random() < 0.1) links.push(links[links.length - 1]);
    }
    const siteRoll = random();
    const channelRoll = random();
    return {
      time,
      lon,
      lat,
      category: pick(random, CATEGORY_KEYS),
      kind: pick(random, RECORD_KINDS),
      severity: 1 + Math.floor(random() * 5),
      grading: random() < 0.25 ? null : `${pick(random, RELIABILITY_LETTERS)}${1 + Math.floor(random() * 6)}`,
      valueCny: random() < 0.5 ? null : Math.round(random() * 1e6) / 100,
      mode: random() < 0.3 ? null : pick(random, TRANSPORT_MODES),
      site: siteRoll < 0.08 && sites.length > 0 ? pick(random, sites).id : siteRoll < 0.11 ? pick(random, UNKNOWN_SITES) : null,
      channel:
        channelRoll < 0.06 && channels.length > 0
          ? pick(random, channels).id
          : channelRoll < 0.08
            ? pick(random, UNKNOWN_CHANNELS)
            : null,
      links,
      description: `event ${i}`,
      updated: random() < 0.6 ? time : time + Math.floor(random() * DAY),
    };
  };

  const records: FeedRecord[] = [];
  for (let i = 0; i < spec.size; i++) {
    const random = stream(spec.seed, i, 1);
    const choice = keyChoice(spec, i);
    if (!('versionOf' in choice)) {
      records.push({ source: choice.source, id: choice.id, ...bodyOf(random, i) });
      continue;
    }
    const base = records[choice.versionOf];
    const v = random();
    const step = pick(random, [1, SECOND, DAY]);
    const changed = { ...bodyOf(random, i), source: base.source, id: base.id };
    if (v < 0.3) records.push({ ...changed, updated: base.updated + step });
    else if (v < 0.5) records.push({ ...base, links: [...base.links] });
    else if (v < 0.65) records.push({ ...changed, updated: base.updated });
    else records.push({ ...changed, updated: base.updated - step });
  }

  const imports: FeedRecord[][][] = [];
  for (let f = 0; f < spec.importCount; f++) {
    const file = records.slice(Math.floor((f * records.length) / spec.importCount), Math.floor(((f + 1) * records.length) / spec.importCount));
    const batches: FeedRecord[][] = [];
    for (let b = 0; b < spec.batchesPerImport; b++) {
      batches.push(file.slice(Math.floor((b * file.length) / spec.batchesPerImport), Math.floor(((b + 1) * file.length) / spec.batchesPerImport)));
    }
    imports.push(batches);
  }
  return {
    imports,
    table: { sites, channels, siteRadiusKm: radiusKm, channelRadiusKm: spec.channelRadiusKm },
    scoredSites: spec.scoreFewerSites ? sites.slice(1) : sites,
    params: spec.params,
    filters: spec.filters,
    alertOptions: spec.alertOptions,
    chunkRows: spec.chunkRows,
    filterAsMask: spec.filterAsMask,
  };
}

// ---------------------------------------------------------------- arbitraries

const weight = fc.oneof(fc.constantFrom(0, 0.5, 1, 2), fc.double({ min: 0, max: 5, noNaN: true, noDefaultInfinity: true }));

function weightsOf<K extends string | number>(keys: readonly K[]): fc.Arbitrary<Partial<Record<K, number>>> {
  return fc.record(Object.fromEntries(keys.map((key) => [key, weight])) as Record<K, fc.Arbitrary<number>>, {
    requiredKeys: [],
  }) as fc.Arbitrary<Partial<Record<K, number>>>;
}

/** A drawn ring around an anchor: convex, concave (a star) or self-intersecting; closed or open. */
const areaArbitrary: fc.Arbitrary<[number, number][]> = fc
  .record({
    anchor: fc.integer({ min: 0, max: ANCHORS.length - 1 }),
    shape: fc.constantFrom('convex', 'concave', 'crossing'),
    radiusKm: fc.double({ min: 0.3, max: 15, noNaN: true }),
    vertices: fc.integer({ min: 3, max: 9 }),
    rotation: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
    closed: fc.boolean(),
  })
  .map(({ anchor, shape, radiusKm, vertices, rotation, closed }) => {
    const [lon, lat] = ANCHORS[anchor];
    const n = shape === 'concave' ? 2 * vertices : vertices;
    let order = Array.from({ length: n }, (_, k) => k);
    // A polygram (step 2 round an odd count) or a bow tie crosses itself.
    if (shape === 'crossing') order = n % 2 === 1 ? order.map((k) => (2 * k) % n) : [1, 0, ...order.slice(2)];
    const ring = order.map((k) => offset(lon, lat, radiusKm * 1000 * (shape === 'concave' && k % 2 === 1 ? 0.35 : 1), rotation + (2 * Math.PI * k) / n));
    if (closed) ring.push([...ring[0]]);
    return ring;
  });

const FILTER_NAMES = ['categories', 'kinds', 'sources', 'modes', 'severityMin', 'severityMax', 'reliability', 'minCredibility', 'sites', 'channels', 'area'] as const;

const filterValues: { [K in (typeof FILTER_NAMES)[number]]: fc.Arbitrary<RiskFilters[K]> } = {
  categories: fc.subarray([...CATEGORY_KEYS]) as fc.Arbitrary<CategoryKey[]>,
  kinds: fc.subarray([...RECORD_KINDS]),
  sources: fc.subarray([...SOURCES, 'NOBODY']),
  modes: fc.subarray([...TRANSPORT_MODES, null]),
  severityMin: fc.integer({ min: 0, max: 6 }),
  severityMax: fc.integer({ min: 0, max: 6 }),
  reliability: fc.subarray([...RELIABILITY_LETTERS]),
  minCredibility: fc.constantFrom(1, 2, 3, 4, 5, 6),
  sites: fc.subarray([...SITE_IDS, ...UNKNOWN_SITES]),
  channels: fc.subarray([...CHANNEL_IDS, ...UNKNOWN_CHANNELS]),
  area: areaArbitrary,
};

/** A few filters at a time: all of them at once would rarely admit anything. */
const filtersArbitrary: fc.Arbitrary<RiskFilters> = fc
  .uniqueArray(fc.constantFrom(...FILTER_NAMES), { maxLength: 3 })
  .chain((names) => fc.record(Object.fromEntries(names.map((name) => [name, filterValues[name]])) as Record<string, fc.Arbitrary<unknown>>))
  .map((filters) => filters as RiskFilters);

const instant = fc
  .tuple(fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2026, 0, 1) }), fc.constantFrom(1, SECOND, MINUTE))
  .map(([ms, unit]) => Math.floor(ms / unit) * unit);

/** Options of riskCaseSpecArbitrary. */
export interface RiskCaseSpecOptions {
  minSize: number;
  maxSize: number;
  /** H3 resolutions to draw from (default 5..9). */
  resolutions?: readonly number[];
  /** Half-lives to favour (default a spread from 1 ms to a year). */
  halfLives?: readonly number[];
  layouts?: fc.Arbitrary<TimeLayout[]>;
}

/** Specs of random cases: datasets, places, parameters, filters and alert settings. */
export function riskCaseSpecArbitrary(options: RiskCaseSpecOptions): fc.Arbitrary<RiskCaseSpec> {
  const halfLives = options.halfLives ?? [1, SECOND, MINUTE, HOUR, 6 * HOUR, DAY, 7 * DAY, 30 * DAY, 365 * DAY];
  return fc.record({
    seed: fc.integer(),
    size: fc.integer({ min: options.minSize, max: options.maxSize }),
    idPool: fc.integer({ min: 2, max: 6000 }),
    versionRate: fc.constantFrom(0, 0.1, 0.3),
    layouts:
      options.layouts ??
      fc.oneof(fc.constant<TimeLayout[]>(['sorted']), fc.shuffledSubarray<TimeLayout>(['sorted', 'shuffled', 'old'], { minLength: 1 })),
    sortedStepMs: fc.constantFrom(100, SECOND, 30 * SECOND, 10 * MINUTE),
    anchors: fc.uniqueArray(fc.integer({ min: 0, max: ANCHORS.length - 1 }), { minLength: 1, maxLength: 3 }),
    importCount: fc.integer({ min: 1, max: 4 }),
    batchesPerImport: fc.integer({ min: 1, max: 3 }),
    chunkRows: fc.constantFrom(5, 64, 333, 2000, 50_000),
    filterAsMask: fc.boolean(),
    siteRadiusKm: fc.constantFrom(0, 0.25, 1, 3, 6),
    channelRadiusKm: fc.option(fc.constantFrom(0, 0.1, 0.5, 2), { nil: undefined }),
    scoreFewerSites: fc.boolean(),
    params: fc.record(
      {
        time: instant,
        windowMs: fc.oneof(
          fc.constantFrom(0, SECOND, HOUR, DAY, 7 * DAY, 30 * DAY, 90 * DAY),
          fc.integer({ min: 1, max: 120 * DAY }),
          fc.integer({ min: 1, max: 120 * 86_400 }).map((seconds) => seconds * SECOND),
        ),
        halfLifeMs: fc.oneof(fc.constantFrom(...halfLives), fc.integer({ min: 1, max: 400 * DAY })),
        resolution: fc.constantFrom(...(options.resolutions ?? [5, 6, 7, 8, 9])),
        categoryWeights: weightsOf(CATEGORY_KEYS),
        reliability: weightsOf(RELIABILITY_LETTERS),
        credibility: weightsOf([1, 2, 3, 4, 5, 6] as const),
        siteRadiusKm: fc.constantFrom(0.5, 2, 5),
        channelRadiusKm: fc.constantFrom(0.2, 1, 4),
        topN: fc.oneof(fc.constantFrom(0, 1, 2, 5, 1_000_000), fc.integer({ min: 0, max: 60 })),
        trend: fc.boolean(),
      },
      { requiredKeys: ['time', 'resolution'] },
    ),
    filters: fc.oneof({ weight: 1, arbitrary: fc.constant({}) }, { weight: 3, arbitrary: filtersArbitrary }),
    alertOptions: fc.record(
      {
        recentHours: fc.constantFrom(0.5, 1, 6, 24, 48),
        baselineDays: fc.constantFrom(1, 7, 28, 60),
        pThreshold: fc.constantFrom(0.05, 0.001, 1e-6, 1e-12),
        minCount: fc.constantFrom(0, 1, 3, 5),
        priorEvents: fc.constantFrom(0.05, 0.5, 2),
      },
      { requiredKeys: [] },
    ),
  });
}

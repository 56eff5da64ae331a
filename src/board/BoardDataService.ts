import { CATEGORY_KEYS } from '../domain/categories.ts';
import { RECORD_KINDS } from '../domain/recordKinds.ts';
import type { EventChunk } from '../events/EventChunk.ts';
import { REFERENCE_CHANNELS, REFERENCE_SITES } from '../geo/referenceGeography.ts';
import {
  RiskEngine,
  type PlaceTarget,
  type RankedHotspots,
  type RankedPlaces,
  type RiskParams,
  type SpikeAlert,
} from '../risk/RiskEngine.ts';
import type {
  AlertItem,
  BoardAnswer,
  BoardQuery,
  DetailsAnswer,
  DetailsQuery,
  FacetCounts,
  KeyFigures,
  HotspotLayerData,
  LinkLayerData,
  PlaceLayerData,
  PlaybackAnswer,
} from './BoardQuery.ts';
import { bundleLinkArcs, type BundledArcs } from './bundleLinkArcs.ts';
import type { LiveChunk } from './LiveChunk.ts';
import type { EventTable } from '../risk/EventTable.ts';
import type { Selection } from '../view/ViewState.ts';

/** Where the board's events come from: the user's stored feeds, or synthetic demo data. */
export interface BoardDataSources {
  /** Published chunks from the store (empty when nothing was imported). */
  loadStoredChunks(): Promise<LiveChunk[]>;
  /**
   * A number that moves whenever `loadStoredChunks` would return something else (the store's
   * generation), or null when that cannot be told; lets a load started early be kept.
   */
  storeVersion?(): Promise<number | null>;
  /** Synthetic demo chunks, used only while the store holds no events. */
  buildDemoChunks(now: number): LiveChunk[];
  now(): number;
}

/** What the board shows after a load: small, no per-event arrays. */
export interface BoardLoadResult {
  /** True when the events are synthetic demo data. */
  demo: boolean;
  /** Live events. */
  count: number;
  /** Earliest and latest event time (at the start of its second), epoch ms; null when empty. */
  timeRange: { min: number; max: number } | null;
  /** `[west, south, east, north]` of every event, for "fit to the imported data"; null when empty. */
  bounds: [number, number, number, number] | null;
  /**
   * Source agencies in the table's dictionary order: the order of FacetCounts.sources and
   * KeyFigures' per-source arrays.
   */
  sources: string[];
  /** The instant a query with `time: null` is evaluated at. */
  defaultTime: number;
  /** Milliseconds from the start of the load to a queryable table. */
  loadMs: number;
}

const DEFAULT_DETAIL_COUNT = 25;
/** Links bundled into one arc when both ends fall in the same square of this many degrees (~3 km). */
const LINK_BUNDLE_DEGREES = 0.03;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The board's data, held off the main thread: loads the stored columnar chunks (or the demo set
 * when the store is empty) into a RiskEngine and answers the board's queries. A newer query
 * cancels an older one still waiting for its turn (latest wins).
 */
export class BoardDataService {
  private engine: RiskEngine | null = null;
  private demo = false;
  private latestRequest = 0;
  private latestDetails = 0;
  private latestStep = 0;
  /** All links bundled (kept: replies get copies). */
  private bundledLinks: BundledArcs | null = null;
  private linkTimer: ReturnType<typeof setTimeout> | null = null;
  /** The load in progress: questions sent right behind it wait for it rather than meet no (or the old) events. */
  private loading: Promise<unknown> | null = null;
  /** A load begun by preload() that no load() has taken over yet. */
  private preloaded: Promise<BoardLoadResult> | null = null;
  /** storeVersion() as read before the loaded engine's chunks (null: unknown). */
  private engineVersion: number | null = null;

  constructor(private readonly sources: BoardDataSources) {}

  /**
   * Starts loading before anyone asks — the worker does as it starts, while the page is still
   * busy with its first frames and answers the worker's ping late. The next load() takes this one
   * over when the store has not changed since it was read, and loads again otherwise.
   */
  preload(): void {
    const early = this.load();
    early.catch(() => undefined);
    this.preloaded = early;
  }

  /**
   * (Re)loads the events; see BoardLoadResult. Questions may be sent right behind it without
   * waiting for its reply: they are answered from the events it loads.
   */
  load(): Promise<BoardLoadResult> {
    const early = this.preloaded;
    this.preloaded = null;
    const loading = early === null ? this.loadEvents() : this.takeOver(early);
    this.loading = loading;
    const settled = () => this.loading === loading && (this.loading = null);
    void loading.then(settled, settled);
    return loading;
  }

  /** The preloaded result when the store is still what it read, else a fresh load. */
  private async takeOver(early: Promise<BoardLoadResult>): Promise<BoardLoadResult> {
    const result = await early.catch(() => null);
    if (result !== null && this.engineVersion !== null && (await this.sources.storeVersion?.()) === this.engineVersion) return result;
    return this.loadEvents();
  }

  private async loadEvents(): Promise<BoardLoadResult> {
    const startedAt = performance.now();
    // Read before the chunks: a publish in between makes the version look newer, never older.
    const version = (await this.sources.storeVersion?.()) ?? null;
    const stored = await this.sources.loadStoredChunks();
    const hasStoredEvents = stored.some(({ chunk, mask }) => liveRows(chunk, mask) > 0);
    this.demo = !hasStoredEvents;
    const chunks = hasStoredEvents ? stored : this.sources.buildDemoChunks(this.sources.now());
    this.engine = RiskEngine.load(chunks, { sites: REFERENCE_SITES, channels: REFERENCE_CHANNELS });
    this.engineVersion = version;
    this.bundledLinks = null;
    if (this.linkTimer !== null) clearTimeout(this.linkTimer);
    this.linkTimer = null;
    const loadMs = performance.now() - startedAt;
    const engine = this.engine;
    return {
      demo: this.demo,
      count: engine.count,
      timeRange: engine.timeRange(),
      bounds: engine.dataBounds(),
      sources: [...engine.sources],
      defaultTime: this.defaultEvaluationTime(),
      loadMs,
    };
  }

  /** True while the loaded events are synthetic demo data. */
  get isDemo(): boolean {
    return this.demo;
  }

  /** The loaded engine's query table (briefing bundles export from it), or null before the first load. */
  get loadedTable(): EventTable | null {
    return this.engine?.table ?? null;
  }

  /** The instant a query defaults to: now, or the end of the data when it is older than a day. */
  defaultEvaluationTime(): number {
    const now = this.sources.now();
    const latestMs = this.engine?.timeRange()?.max;
    if (latestMs === undefined) return now;
    return latestMs < now - 24 * HOUR_MS ? Math.ceil(latestMs / HOUR_MS) * HOUR_MS : now;
  }

  /** Everything the board shows for one view (see BoardAnswer); every array is the reply's own. */
  async boardQuery(request: BoardQuery): Promise<BoardAnswer> {
    const engine = await this.turn(request.requestId);
    const time = request.params.time ?? this.defaultEvaluationTime();
    if (engine === null) return cancelledBoardAnswer(request.requestId, time);
    const startedAt = performance.now();
    const detailCount = request.detailCount ?? DEFAULT_DETAIL_COUNT;
    const interactive = request.interactive === true;
    // While dragging, the previous window (trend) is not scored: half the rows.
    const params: RiskParams = { ...request.params, time, topN: detailCount, ...(interactive ? { trend: false } : {}) };
    const filters = request.filters;
    const hotspots = engine.hotspots(params, filters);
    const hotspotsMs = performance.now() - startedAt;
    const places = interactive ? null : engine.places(params, filters);
    const alerts = interactive ? null : engine.alerts(params, filters, request.alerts);
    const window = engine.windowAnswer(params, filters, request.viewport ?? null);
    return {
      requestId: request.requestId,
      cancelled: false,
      time,
      interactive,
      hotspotLayer: this.hotspotLayer(engine, hotspots),
      hotspots: hotspots.top,
      sites: places === null ? emptyPlaces() : placeLayer(places.sites),
      channels: places === null ? emptyPlaces() : placeLayer(places.channels),
      cellAlerts: alerts?.cells.map((alert) => this.alertItem(engine, alert)) ?? [],
      siteAlerts: alerts?.sites.map((alert) => this.alertItem(engine, alert)) ?? [],
      links: interactive ? emptyLinks(false) : this.linkLayer(engine, request.selection ?? null, params),
      events: window.events,
      histogram: window.histogram,
      facets: window.facets,
      figures: window.figures,
      timing: { hotspotsMs, totalMs: performance.now() - startedAt },
    };
  }

  /**
   * Playback: the hotspot layer and the described top hotspots at a new T, from the engine's
   * incremental stepper (only rows entering or leaving the window are visited).
   */
  async step(request: BoardQuery): Promise<PlaybackAnswer> {
    this.latestStep = Math.max(this.latestStep, request.requestId);
    await this.nextTurn();
    const engine = request.requestId === this.latestStep ? this.engine : null;
    const time = request.params.time ?? this.defaultEvaluationTime();
    if (engine === null) return { requestId: request.requestId, cancelled: true, time, hotspotLayer: emptyHotspotLayer(), hotspots: [], timing: { totalMs: 0 } };
    const startedAt = performance.now();
    const params: RiskParams = { ...request.params, time, topN: request.detailCount ?? DEFAULT_DETAIL_COUNT };
    const hotspots = engine.step(params, request.filters, { breakdowns: false });
    return {
      requestId: request.requestId,
      cancelled: false,
      time,
      hotspotLayer: this.hotspotLayer(engine, hotspots),
      hotspots: hotspots.top,
      timing: { totalMs: performance.now() - startedAt },
    };
  }

  /** Why the selected thing scores what it scores, and one page of its events. */
  async details(request: DetailsQuery): Promise<DetailsAnswer> {
    this.latestDetails = Math.max(this.latestDetails, request.requestId);
    await this.nextTurn();
    const time = request.params.time ?? this.defaultEvaluationTime();
    const engine = this.engine;
    if (request.requestId !== this.latestDetails || engine === null) return emptyDetails(request.requestId, time, true);
    const params: RiskParams = { ...request.params, time };
    const found = engine.details(targetOf(request.selection), params, request.filters, { ...request.sort, page: request.page, pageSize: request.pageSize });
    if (found === null) return emptyDetails(request.requestId, time, false);
    return {
      requestId: request.requestId,
      cancelled: false,
      found: true,
      time,
      score: found.score,
      count: found.count,
      trend: found.trend,
      breakdown: {
        byCategory: shares(CATEGORY_KEYS, found.byCategory, found.score),
        bySource: shares(engine.sources, found.bySource, found.score) as Record<string, number>,
        byKind: shares(RECORD_KINDS, found.byKind, found.score),
      },
      sparkline: found.sparkline,
      events: found.events,
      totalEvents: found.total,
      lon: found.lon,
      lat: found.lat,
      nearestSite: found.nearestSite,
      weights: engine.weightsInForce(params),
    };
  }

  /**
   * Waits one macrotask (so that a newer request sent meanwhile can overtake this one) and for a
   * load in progress (a failed load is the load call's error, not the question's).
   */
  private async nextTurn(): Promise<void> {
    await yieldToEvents();
    while (this.loading !== null) await this.loading.catch(() => undefined);
  }

  /** nextTurn(), then the engine when `requestId` is still the latest, else null (cancelled). */
  private async turn(requestId: number): Promise<RiskEngine | null> {
    this.latestRequest = Math.max(this.latestRequest, requestId);
    await this.nextTurn();
    if (requestId !== this.latestRequest) return null;
    return this.engine;
  }

  private hotspotLayer(engine: RiskEngine, hotspots: RankedHotspots): HotspotLayerData {
    const { result } = hotspots;
    const count = countPositive(result.scores);
    return {
      count,
      cellHigh: result.cellHigh.slice(0, count),
      cellLow: result.cellLow.slice(0, count),
      scores: result.scores.slice(0, count),
      counts: result.counts.slice(0, count),
      previous: result.previous.slice(0, count),
      ...engine.hotspotShapes(result, count),
      totalScore: result.totalScore,
      totalCount: result.totalCount,
    };
  }

  private alertItem(engine: RiskEngine, alert: SpikeAlert): AlertItem {
    const reference = alert.target === 'site' ? engine.sites.find((site) => site.id === alert.id) : undefined;
    return {
      ...alert,
      nearestSite: reference !== undefined ? { id: reference.id, distanceKm: 0 } : engine.nearestSite(alert.lon, alert.lat),
    };
  }

  /**
   * Link arcs: all of them bundled, or with a selection only those with an end in it. The links
   * are indexed on first need; the first answer after a load does not wait for that (they arrive
   * `pending`, and are computed right after it, for the next answer, as are the engine's facet
   * combinations).
   */
  private linkLayer(engine: RiskEngine, selection: Selection | null, params: RiskParams): LinkLayerData {
    if (!engine.linksReady) {
      this.linkTimer ??= setTimeout(() => {
        this.linkTimer = null;
        if (this.engine !== engine) return;
        engine.links();
        engine.prepareFacets();
      }, 0);
      return emptyLinks(true);
    }
    const links = engine.links();
    if (selection === null) {
      const arcs = this.allLinksBundled(engine);
      return { count: arcs.count, from: arcs.from.slice(), to: arcs.to.slice(), weight: arcs.weight.slice(), pairs: links.pairCounts, totals: links.totals, selectedCount: null, pending: false };
    }
    const pairs = engine.linksOf(targetOf(selection), params);
    const from = new Float32Array(2 * pairs.length);
    const to = new Float32Array(2 * pairs.length);
    pairs.forEach((pair, k) => {
      from.set(links.from.subarray(2 * pair, 2 * pair + 2), 2 * k);
      to.set(links.to.subarray(2 * pair, 2 * pair + 2), 2 * k);
    });
    const arcs = bundleLinkArcs(from, to, pairs.length, LINK_BUNDLE_DEGREES);
    return { ...arcs, pairs: links.pairCounts, totals: links.totals, selectedCount: pairs.length, pending: false };
  }

  private allLinksBundled(engine: RiskEngine): BundledArcs {
    if (this.bundledLinks === null) {
      const links = engine.links();
      this.bundledLinks = bundleLinkArcs(links.from, links.to, links.count, LINK_BUNDLE_DEGREES);
    }
    return this.bundledLinks;
  }
}

/** The engine's target for a board selection (an alert names its cell or site). */
export function targetOf(selection: Selection): PlaceTarget {
  switch (selection.kind) {
    case 'hotspot':
      return { kind: 'cell', cell: selection.cell };
    case 'site':
      return { kind: 'site', id: selection.id };
    case 'channel':
      return { kind: 'channel', id: selection.id };
    case 'alert':
      return selection.target === 'cell' ? { kind: 'cell', cell: selection.id } : { kind: 'site', id: selection.id };
    case 'event':
      return { kind: 'record', source: selection.source, id: selection.id };
  }
}

function placeLayer(places: RankedPlaces): PlaceLayerData {
  const { risk } = places;
  return {
    ids: risk.ids.slice(),
    referenceCount: risk.referenceCount,
    scores: risk.scores,
    counts: risk.counts,
    previous: risk.previous,
    top: places.top.filter((place) => place.score > 0),
  };
}

/** Shares (0..1) of the non-zero parts of `score`. */
function shares<K extends string>(names: readonly K[], parts: Float64Array, score: number): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  names.forEach((name, i) => {
    if (parts[i] > 0) out[name] = parts[i] / score;
  });
  return out;
}

function liveRows(chunk: EventChunk, mask: Uint8Array | undefined): number {
  if (!mask) return chunk.meta.count;
  let live = 0;
  for (let row = 0; row < chunk.meta.count; row++) if (!mask[row]) live++;
  return live;
}

function countPositive(scores: Float64Array): number {
  let n = 0;
  while (n < scores.length && scores[n] > 0) n++;
  return n;
}

function emptyHotspotLayer(): HotspotLayerData {
  return {
    count: 0,
    cellHigh: new Uint32Array(0),
    cellLow: new Uint32Array(0),
    scores: new Float64Array(0),
    counts: new Uint32Array(0),
    previous: new Float64Array(0),
    outline: new Float32Array(0),
    outlineStart: new Uint32Array(1),
    centre: new Float32Array(0),
    totalScore: 0,
    totalCount: 0,
  };
}

function emptyPlaces(): PlaceLayerData {
  return { ids: [], referenceCount: 0, scores: new Float64Array(0), counts: new Uint32Array(0), previous: new Float64Array(0), top: [] };
}

function emptyLinks(pending: boolean): LinkLayerData {
  return { count: 0, from: new Float32Array(0), to: new Float32Array(0), weight: new Uint32Array(0), pairs: [], totals: null, selectedCount: null, pending };
}

function emptyFacets(): FacetCounts {
  return {
    categories: new Uint32Array(0),
    kinds: new Uint32Array(0),
    modes: new Uint32Array(0),
    sources: new Uint32Array(0),
    severity: new Uint32Array(0),
    reliability: new Uint32Array(0),
    credibility: new Uint32Array(0),
  };
}

function emptyFigures(): KeyFigures {
  return { events: 0, valueCny: 0, clues: 0, eventsBySource: new Uint32Array(0), valueBySource: new Float64Array(0) };
}

function cancelledBoardAnswer(requestId: number, time: number): BoardAnswer {
  return {
    requestId,
    cancelled: true,
    time,
    interactive: false,
    hotspotLayer: emptyHotspotLayer(),
    hotspots: [],
    sites: emptyPlaces(),
    channels: emptyPlaces(),
    cellAlerts: [],
    siteAlerts: [],
    links: emptyLinks(false),
    events: { kind: 'points', count: 0, positions: new Float32Array(0), category: new Uint8Array(0), severity: new Uint8Array(0), weight: new Uint32Array(0), row: new Int32Array(0), inView: 0 },
    histogram: { start: 0, binMs: DAY_MS, bins: 0, counts: new Uint32Array(0), categories: CATEGORY_KEYS.length },
    facets: emptyFacets(),
    figures: emptyFigures(),
    timing: { hotspotsMs: 0, totalMs: 0 },
  };
}

function emptyDetails(requestId: number, time: number, cancelled: boolean): DetailsAnswer {
  return {
    requestId,
    cancelled,
    found: false,
    time,
    score: 0,
    count: 0,
    trend: { now: 0, previous: 0, ratio: null },
    breakdown: { byCategory: {}, bySource: {}, byKind: {} },
    sparkline: { start: time, dayMs: DAY_MS, values: new Float64Array(0) },
    events: [],
    totalEvents: 0,
    lon: Number.NaN,
    lat: Number.NaN,
    nearestSite: null,
    weights: { category: {}, reliability: {}, credibility: {}, halfLifeDays: 0, windowDays: 0 },
  };
}

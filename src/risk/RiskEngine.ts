import { h3IndexToSplitLong, isValidCell, getResolution } from 'h3-js';
import { CATEGORY_KEYS } from '../domain/categories.ts';
import { decodeGrading } from '../domain/grading.ts';
import { RECORD_KINDS } from '../domain/recordKinds.ts';
import { TRANSPORT_MODES } from '../domain/transportModes.ts';
import { breakdownsOfGroups } from './breakdownsOfGroups.ts';
import { emptyBreakdowns } from './collectBreakdowns.ts';
import { buildEventTable, type EventTableInput, type EventTableOptions } from './buildEventTable.ts';
import { buildFilterMask } from './buildFilterMask.ts';
import { buildRecordLookup } from './buildRecordLookup.ts';
import { CellGeometry, type CellShapes } from './CellGeometry.ts';
import { cellHalvesToHex } from './cellHalves.ts';
import { collectEventsInView, MAX_VIEW_POINTS, viewSquares, type EventLayer, type ViewBox } from './collectEventsInView.ts';
import { computeAlerts, type AlertOptions, type AlertResult } from './computeAlerts.ts';
import { computeHotspots, type HotspotResult } from './computeHotspots.ts';
import { computeLinks, type LinkResult } from './computeLinks.ts';
import { computeSiteRisk, type PlaceRisk } from './computeSiteRisk.ts';
import { admitCategories, fillCategoryHistogram } from './categoryHistogram.ts';
import { emptyTimeHistogram, type TimeHistogram } from './computeTimeHistogram.ts';
import { describeHotspots, type HotspotSummary } from './describeHotspots.ts';
import { describePlaces, type PlaceSummary } from './describePlaces.ts';
import { distanceKm } from './distanceKm.ts';
import { cellLevel, eventLocation, queryBytesPerEvent, type CellLevel, type EventTable } from './EventTable.ts';
import { buildFacetCombos, type FacetCombos } from './FacetCombos.ts';
import { buildFacetPlan, placeFilters, type FacetPlan } from './FacetPlan.ts';
import { buildGroupRows, type GroupRows } from './GroupRows.ts';
import { HotspotStepper } from './HotspotStepper.ts';
import { jurisdictionBySource } from './jurisdictionBySource.ts';
import { placeDetails, type EventPage, type PlaceDetails } from './placeDetails.ts';
import { planFilters, type FilterPlan } from './planFilters.ts';
import { prepareQuery } from './prepareQuery.ts';
import { QueryCaches } from './QueryCaches.ts';
import { rankGroups } from './rankGroups.ts';
import type { ReferenceChannel, ReferenceSite } from './ReferencePlaces.ts';
import type { RiskFilters } from './RiskFilters.ts';
import { resolveRiskParams, type ResolvedRiskParams, type RiskParams } from './RiskParams.ts';
import { attributeChannels, attributeSites, type PlaceAttribution } from './siteAttribution.ts';
import { summarizeCombos } from './summarizeCombos.ts';
import { summarizeWindow, type WindowSummary } from './summarizeWindow.ts';
import { buildTimeOrder, type TimeOrder } from './TimeOrder.ts';
import { trendOf, type Trend } from './trendOf.ts';
import { DAY_MS } from './utc8Calendar.ts';

export type { AlertOptions, AlertResult, SpikeAlert } from './computeAlerts.ts';
export type { CellShapes } from './CellGeometry.ts';
export type { EventLayer, ViewBox } from './collectEventsInView.ts';
export type { HotspotResult } from './computeHotspots.ts';
export type { JurisdictionPairCount, LinkResult, LinkTotals } from './computeLinks.ts';
export type { TimeHistogram } from './computeTimeHistogram.ts';
export type { BreakdownSummary, TopEvent } from './describeBreakdown.ts';
export type { HotspotSummary } from './describeHotspots.ts';
export type { PlaceSummary } from './describePlaces.ts';
export type { EventPage, EventSortKey } from './placeDetails.ts';
export type { ReferenceChannel, ReferenceSite } from './ReferencePlaces.ts';
export type { RiskFilters } from './RiskFilters.ts';
export type { RiskParams } from './RiskParams.ts';
export type { FacetCounts, KeyFigures, WindowSummary } from './summarizeWindow.ts';
export type { Trend } from './trendOf.ts';

/** How RiskEngine.load builds its table and resolves link territories. */
export interface RiskEngineOptions extends EventTableOptions {
  /** Territory of a source agency (default jurisdictionBySource()). */
  jurisdictionOf?: (source: string) => string | null;
}

/** Ranked hotspots and the top ones described. */
export interface RankedHotspots {
  result: HotspotResult;
  /** The first `params.topN` ranks (default 200) as plain objects. */
  top: HotspotSummary[];
}

/** Every place of one list, scored and ranked, with the top ones described. */
export interface RankedPlaces {
  risk: PlaceRisk;
  top: PlaceSummary[];
}

/** A reference site near a place. */
export interface NearestSite {
  id: string;
  distanceKm: number;
}

/** A thing the board can select, as the engine finds its rows. */
export type PlaceTarget =
  | { kind: 'cell'; cell: string }
  | { kind: 'site'; id: string }
  | { kind: 'channel'; id: string }
  | { kind: 'record'; source: string; id: string };

/** One event as a details table lists it. */
export interface EventRecord {
  source: string;
  id: string;
  /** Event time, epoch ms, as the record gives it. */
  time: number;
  category: string;
  kind: string;
  severity: number;
  /** Admiralty grading such as `B2`, or null when ungraded (scored as F6). */
  grading: string | null;
  mode: string | null;
  valueCny: number | null;
  /** The site and channel the table attributes the event to (named or nearest), or null. */
  site: string | null;
  channel: string | null;
  /** Decayed weight at T (0 when the event does not count). */
  weight: number;
  description: string;
  links: string[];
  /** Full-precision WGS-84 position. */
  lon: number;
  lat: number;
}

/** Why a selected thing scores what it scores. */
export interface TargetDetails extends Omit<PlaceDetails, 'pageRows' | 'pageWeights'> {
  trend: Trend;
  /** The page of contributing events. */
  events: EventRecord[];
  /** Where the thing is, WGS-84. */
  lon: number;
  lat: number;
  nearestSite: NearestSite | null;
}

/** The weights of a query with defaults filled in. */
export interface WeightsInForce {
  category: Record<string, number>;
  reliability: Record<string, number>;
  credibility: Record<string, number>;
  halfLifeDays: number;
  windowDays: number;
}

/** Hotspots at a new T from the stepper: the same shape as a full answer. */
export type SteppedHotspots = RankedHotspots;

/** How many full filter masks an engine keeps (by the filters' JSON). */
const MASK_CACHE_LIMIT = 4;

/**
 * The risk engine behind one set of events: it owns the query table and everything worth keeping
 * between queries — filter masks, attributions to other radii, the record lookup and the
 * cross-border links, the rows of each cell, the time order, cell outlines, the histogram of the
 * last filters and the playback stepper — and answers every question the board worker and the
 * CLI ask. Callers never chain the passes themselves.
 */
export class RiskEngine {
  private readonly caches = new QueryCaches();
  private readonly masks = new Map<string, Uint8Array | null>();
  private readonly geometry = new CellGeometry();
  private readonly cellRowsByResolution = new Map<number, GroupRows>();
  private readonly placeRows = new WeakMap<Uint16Array, GroupRows>();
  private readonly jurisdictionOf: (source: string) => string | null;
  private linkResult: LinkResult | null = null;
  private order: TimeOrder | null = null;
  private valueColumn: Float64Array | null = null;
  private facetCombos: FacetCombos | null = null;
  /** Whether windowAnswer was asked before (its first answer takes the plain pass). */
  private windowAnswered = false;
  /** The last view asked for events (by its bounds and zoom), and its rows' squares once it was asked twice. */
  private lastView: { key: string; squares: Int32Array | null } | null = null;
  /** The histogram of the last filters but their categories (fillCategoryHistogram), by those filters' JSON. */
  private lastHistogram: { key: string; histogram: TimeHistogram } | null = null;
  private stepper: { key: string; stepper: HotspotStepper; level: CellLevel; plan: FilterPlan } | null = null;
  private readonly range: { min: number; max: number } | null;

  private constructor(
    /** The query table (read-only: for measurements and tests). */
    readonly table: EventTable,
    options: RiskEngineOptions,
  ) {
    this.jurisdictionOf = options.jurisdictionOf ?? jurisdictionBySource();
    this.range = timeRangeOf(table);
  }

  /** Builds the engine over the live rows of `inputs` (see buildEventTable). */
  static load(inputs: readonly EventTableInput[], options: RiskEngineOptions = {}): RiskEngine {
    return new RiskEngine(buildEventTable(inputs, options), options);
  }

  /** An engine over a table already built (benchmarks that time the build on its own). */
  static fromTable(table: EventTable, options: Pick<RiskEngineOptions, 'jurisdictionOf'> = {}): RiskEngine {
    return new RiskEngine(table, options);
  }

  /** Live events. */
  get count(): number {
    return this.table.count;
  }

  /** Source agencies in table dictionary order (the order of every per-source array). */
  get sources(): readonly string[] {
    return this.table.sources;
  }

  /** Reference sites the table attributes to. */
  get sites(): readonly ReferenceSite[] {
    return this.table.sites;
  }

  /** Earliest and latest event time (at the start of its second), epoch ms; null when empty. */
  timeRange(): { min: number; max: number } | null {
    return this.range === null ? null : { ...this.range };
  }

  /** `[west, south, east, north]` of every event (Float32 positions), or null when empty. */
  dataBounds(): [number, number, number, number] | null {
    const { lon, lat, count } = this.table;
    if (count === 0) return null;
    let west = Infinity;
    let south = Infinity;
    let east = -Infinity;
    let north = -Infinity;
    for (let i = 0; i < count; i++) {
      if (lon[i] < west) west = lon[i];
      if (lon[i] > east) east = lon[i];
      if (lat[i] < south) south = lat[i];
      if (lat[i] > north) north = lat[i];
    }
    return [west, south, east, north];
  }

  /** Bytes per event of the query columns. */
  queryBytesPerEvent(): number {
    return queryBytesPerEvent(this.table);
  }

  /** Hotspots at `params.resolution`, ranked, with the first `params.topN` described. */
  hotspots(params: RiskParams, filters?: RiskFilters | null): RankedHotspots {
    const result = computeHotspots(this.table, params, filters, this.caches);
    return { result, top: describeHotspots(result, this.table) };
  }

  /** Hex ids of the first `count` ranks of a hotspot result. */
  cellIds(result: Pick<HotspotResult, 'cellHigh' | 'cellLow'>, count = result.cellHigh.length): string[] {
    return Array.from({ length: count }, (_, rank) => cellHalvesToHex(result.cellHigh[rank], result.cellLow[rank]));
  }

  /** The weights a query scores with, defaults filled in (for the formula a details drawer shows). */
  weightsInForce(params: RiskParams): WeightsInForce {
    const resolved = resolveRiskParams(params);
    return {
      category: { ...resolved.categoryWeights },
      reliability: { ...resolved.reliability },
      credibility: { ...resolved.credibility },
      halfLifeDays: resolved.halfLifeMs / DAY_MS,
      windowDays: resolved.windowMs / DAY_MS,
    };
  }

  /** Outlines and centres of the first `count` ranks of a hotspot result, fresh arrays. */
  hotspotShapes(result: Pick<HotspotResult, 'resolution' | 'cells'>, count = result.cells.length): CellShapes {
    return this.geometry.shapes(cellLevel(this.table, result.resolution), result.cells.subarray(0, count));
  }

  /** Every reference site and channel scored and ranked; the first `params.topN` of each described. */
  places(params: RiskParams, filters?: RiskFilters | null): { sites: RankedPlaces; channels: RankedPlaces } {
    const risk = computeSiteRisk(this.table, params, filters, this.table.sites, this.table.channels, this.caches);
    return {
      sites: { risk: risk.sites, top: describePlaces(risk.sites, this.table) },
      channels: { risk: risk.channels, top: describePlaces(risk.channels, this.table) },
    };
  }

  /** Spike alerts of cells and sites. */
  alerts(params: RiskParams, filters?: RiskFilters | null, options: AlertOptions = {}): AlertResult {
    return computeAlerts(this.table, params, this.mask(filters ?? {}), options, this.caches);
  }

  /** Whether the cross-border links are computed already (the first call to links() computes them). */
  get linksReady(): boolean {
    return this.linkResult !== null;
  }

  /** Cross-border links of the whole table, computed once (keep the arrays: they are the engine's). */
  links(): LinkResult {
    this.linkResult ??= computeLinks(this.table, buildRecordLookup(this.table), this.jurisdictionOf);
    return this.linkResult;
  }

  /**
   * The link pairs (indexes into links()) with at least one end among the rows of `target` at the
   * query's resolution and site radius.
   */
  linksOf(target: PlaceTarget, params: RiskParams): Uint32Array {
    const links = this.links();
    const rows = this.rowsOf(target, resolveRiskParams(params));
    const selected = new Uint8Array(this.table.count);
    for (let k = 0; k < rows.length; k++) selected[rows[k]] = 1;
    const pairs: number[] = [];
    for (let k = 0; k < links.count; k++) if (selected[links.rowA[k]] === 1 || selected[links.rowB[k]] === 1) pairs.push(k);
    return Uint32Array.from(pairs);
  }

  /** Facet counts and key figures of the window at `params.time` (docs/risk-model.md §8). */
  windowSummary(params: RiskParams, filters?: RiskFilters | null): WindowSummary {
    const resolved = resolveRiskParams(params);
    const query = prepareQuery(this.table, resolved);
    const all = filters ?? {};
    return summarizeCombos(this.table, this.combos(), query.fromSec, query.toSec, buildFacetPlan(all, this.table.sources), this.mask(placeFilters(all)), this.values());
  }

  /**
   * Facets, key figures, the events layer and the histogram of one query: facets and figures in
   * one pass over the window's combinations (summarizeCombos), the events layer in a second one;
   * the histogram is kept for the filters but their categories, so it takes a pass over every row
   * only when another filter changed. The first answer takes summarizeWindow's single pass over
   * every row instead (the same result), so that it does not wait for the combinations.
   */
  windowAnswer(
    params: RiskParams,
    filters: RiskFilters | null | undefined,
    view: ViewBox | null,
  ): WindowSummary & { events: EventLayer; histogram: TimeHistogram } {
    const resolved = resolveRiskParams(params);
    const query = prepareQuery(this.table, resolved);
    const all = filters ?? {};
    const plan = buildFacetPlan(all, this.table.sources);
    const placeMask = this.mask(placeFilters(all));
    // The events layer keeps a pass of its own: fed from the facet loop it made both slower.
    const events = this.eventsLayer(query.fromSec, query.toSec, this.mask(all), view ?? this.wholeView());
    if (this.facetCombos === null && !this.windowAnswered) {
      // The first answer after a load reads every row once for facets, figures and the histogram:
      // numbering the combinations first (~35 ms at 1M events) waits for prepareFacets or the next answer.
      this.windowAnswered = true;
      const range = this.range ?? { min: 0, max: 0 };
      const histogram = emptyTimeHistogram(range.min, range.max, this.table.count === 0);
      const summary = summarizeWindow(this.table, query.fromSec, query.toSec, plan, placeMask, this.values(), { histogram });
      return { ...summary, events, histogram };
    }
    this.windowAnswered = true;
    const summary = summarizeCombos(this.table, this.combos(), query.fromSec, query.toSec, plan, placeMask, this.values());
    return { ...summary, events, histogram: this.histogramOf(all, plan) };
  }

  /** Numbers the facet combinations now (the board worker calls it once idle after its first answer). */
  prepareFacets(): void {
    this.combos();
  }

  private wholeView(): ViewBox {
    const bounds = this.dataBounds() ?? [0, 0, 0, 0];
    return { west: bounds[0], south: bounds[1], east: bounds[2], north: bounds[3], zoom: -Infinity };
  }

  /** Events per time bin and category under every filter, over the whole time range (fresh arrays). */
  histogram(filters?: RiskFilters | null): TimeHistogram {
    const all = filters ?? {};
    return this.histogramOf(all, buildFacetPlan(all, this.table.sources));
  }

  /** The histogram of `filters` (whose facet plan is `plan`) from the one kept for all but their categories. */
  private histogramOf(filters: RiskFilters, plan: FacetPlan): TimeHistogram {
    const key = JSON.stringify({ ...filters, categories: undefined });
    if (this.lastHistogram === null || this.lastHistogram.key !== key) {
      const range = this.range ?? { min: 0, max: 0 };
      const histogram = emptyTimeHistogram(range.min, range.max, this.table.count === 0);
      fillCategoryHistogram(this.table, this.combos(), plan, this.mask(placeFilters(filters)), histogram);
      this.lastHistogram = { key, histogram };
    }
    return admitCategories(this.lastHistogram.histogram, plan);
  }

  /**
   * The counted events of the window in `view` (raw up to `maxPoints`, else aggregated); the data's
   * bounds without a view.
   */
  eventsInView(params: RiskParams, filters: RiskFilters | null | undefined, view: ViewBox | null, maxPoints = MAX_VIEW_POINTS): EventLayer {
    const resolved = resolveRiskParams(params);
    const query = prepareQuery(this.table, resolved);
    return this.eventsLayer(query.fromSec, query.toSec, this.mask(filters ?? {}), view ?? this.wholeView(), maxPoints);
  }

  /**
   * collectEventsInView, with the rows' squares of a view kept once the view is asked a second
   * time in a row (a brush drag or a filter click over a still map): a pan pays no extra pass.
   */
  private eventsLayer(fromSec: number, toSec: number, mask: Uint8Array | null, view: ViewBox, maxPoints = MAX_VIEW_POINTS): EventLayer {
    // join, not JSON: JSON writes every non-finite zoom as null, and they give different grids.
    const key = [view.west, view.south, view.east, view.north, view.zoom].join();
    if (this.lastView === null || this.lastView.key !== key) this.lastView = { key, squares: null };
    else this.lastView.squares ??= viewSquares(this.table, view);
    return collectEventsInView(this.table, fromSec, toSec, mask, view, maxPoints, this.lastView.squares);
  }

  /** The reference site nearest to a point, at any distance; null without sites. */
  nearestSite(lon: number, lat: number): NearestSite | null {
    let nearest: NearestSite | null = null;
    for (const site of this.table.sites) {
      const d = distanceKm(lon, lat, site.lon, site.lat);
      if (nearest === null || d < nearest.distanceKm) nearest = { id: site.id, distanceKm: d };
    }
    return nearest;
  }

  /**
   * Why `target` scores what it scores at `params` under `filters`: score, trend, breakdown,
   * sparkline and one sorted page of its counted events. Null when the target is not in the data.
   */
  details(target: PlaceTarget, params: RiskParams, filters: RiskFilters | null | undefined, page: EventPage): TargetDetails | null {
    const resolved = resolveRiskParams(params);
    const where = this.whereIs(target, resolved);
    if (where === null) return null;
    const query = prepareQuery(this.table, resolved);
    const previousQuery = prepareQuery(this.table, resolved, resolved.time - resolved.windowMs);
    const plan = planFilters(this.table, filters, query.weightTable, this.caches);
    const details = placeDetails(
      { table: this.table, query, previousQuery, plan, time: resolved.time, windowMs: resolved.windowMs, values: this.values() },
      this.rowsOf(target, resolved),
      page,
    );
    const { pageRows, pageWeights, ...rest } = details;
    let events = this.describeRows(pageRows, pageWeights);
    if (target.kind === 'record' && events.length === 0) {
      // The selected record is listed even when it does not count (outside the window or filters).
      events = this.describeRows(Uint32Array.of(this.findRecord(target.source, target.id)), Float64Array.of(0));
    }
    return { ...rest, trend: trendOf(details.score, details.previous), events, ...where };
  }

  /**
   * Hotspots at a new evaluation instant from the incremental stepper (same shape as hotspots()):
   * the stepper is kept while the other parameters and the filters stay the same. With
   * `breakdowns: false` the top ranks come without shares and top events, which would read every
   * row of the busiest cells at each step.
   */
  step(params: RiskParams, filters?: RiskFilters | null, options: { breakdowns?: boolean } = {}): SteppedHotspots {
    const resolved = resolveRiskParams(params);
    const key = JSON.stringify([{ ...resolved, time: 0 }, filters ?? {}]);
    if (this.stepper === null || this.stepper.key !== key) {
      const level = cellLevel(this.table, resolved.resolution);
      const plan = planFilters(this.table, filters, prepareQuery(this.table, resolved).weightTable, this.caches);
      const stepper = new HotspotStepper({
        table: this.table,
        level,
        order: this.timeOrder(),
        cellRows: () => this.cellRows(resolved.resolution),
        plan,
        params: resolved,
      });
      this.stepper = { key, stepper, level, plan };
    }
    const { stepper, level, plan } = this.stepper;
    stepper.moveTo(resolved.time);
    const sums = stepper.sums();
    const cells = rankGroups(sums.scores, sums.counts);
    const n = cells.length;
    const result: HotspotResult = {
      time: resolved.time,
      windowMs: resolved.windowMs,
      resolution: resolved.resolution,
      cells,
      cellHigh: new Uint32Array(n),
      cellLow: new Uint32Array(n),
      scores: new Float64Array(n),
      counts: new Uint32Array(n),
      previous: new Float64Array(n),
      totalScore: 0,
      totalCount: 0,
      details:
        options.breakdowns === false
          ? emptyBreakdowns(cells.slice(0, resolved.topN), this.table.sources.length)
          : breakdownsOfGroups(this.table, this.cellRows(resolved.resolution), cells.subarray(0, resolved.topN), stepper.query(), plan),
    };
    for (let k = 0; k < n; k++) {
      const g = cells[k];
      result.cellHigh[k] = level.high[g];
      result.cellLow[k] = level.low[g];
      result.scores[k] = sums.scores[g];
      result.counts[k] = sums.counts[g];
      result.previous[k] = sums.previous === null ? Number.NaN : sums.previous[g];
      result.totalScore += sums.scores[g];
      result.totalCount += sums.counts[g];
    }
    return { result, top: describeHotspots(result, this.table) };
  }

  // ------------------------------------------------------------------ caches and lookups

  /** The full mask of `filters` (null: nothing filtered), kept for the last few filter sets. */
  private mask(filters: RiskFilters): Uint8Array | null {
    const key = JSON.stringify(filters);
    if (this.masks.has(key)) return this.masks.get(key)!;
    if (this.masks.size >= MASK_CACHE_LIMIT) this.masks.delete(this.masks.keys().next().value as string);
    const mask = buildFilterMask(this.table, filters);
    this.masks.set(key, mask);
    return mask;
  }

  /** Each row's facet combination (FacetCombos), numbered on first need. */
  private combos(): FacetCombos {
    this.facetCombos ??= buildFacetCombos(this.table);
    return this.facetCombos;
  }

  /** Each row's value in CNY (NaN = none), read from the chunks once. */
  private values(): Float64Array {
    if (this.valueColumn === null) {
      const { chunks, chunkStart, chunkRow } = this.table;
      const values = new Float64Array(this.table.count);
      chunks.forEach((chunk, c) => {
        const column = chunk.columns.valueCny;
        for (let r = chunkStart[c]; r < chunkStart[c + 1]; r++) values[r] = column[chunkRow[r]];
      });
      this.valueColumn = values;
    }
    return this.valueColumn;
  }

  private timeOrder(): TimeOrder {
    this.order ??= buildTimeOrder(this.table);
    return this.order;
  }

  private cellRows(resolution: number): GroupRows {
    let rows = this.cellRowsByResolution.get(resolution);
    if (rows === undefined) {
      const level = cellLevel(this.table, resolution);
      rows = buildGroupRows(level.index, level.high.length);
      this.cellRowsByResolution.set(resolution, rows);
    }
    return rows;
  }

  private rowsOfPlace(attribution: PlaceAttribution, id: string): Uint32Array {
    const place = attribution.ids.indexOf(id);
    if (place < 0) return new Uint32Array(0);
    let rows = this.placeRows.get(attribution.index);
    if (rows === undefined) {
      rows = buildGroupRows(attribution.index, attribution.ids.length + 1);
      this.placeRows.set(attribution.index, rows);
    }
    return rows.rows.subarray(rows.start[place + 1], rows.start[place + 2]);
  }

  private siteAttribution(params: ResolvedRiskParams): PlaceAttribution {
    return attributeSites(this.table, this.table.sites, params.siteRadiusKm ?? this.table.siteRadiusKm, this.caches);
  }

  private channelAttribution(params: ResolvedRiskParams): PlaceAttribution {
    return attributeChannels(this.table, this.table.channels, params.channelRadiusKm ?? this.table.channelRadiusKm, this.caches);
  }

  /** The cell's dictionary index in its resolution's level, or -1. */
  private cellIndex(cell: string): { level: CellLevel; index: number } | null {
    if (!isValidCell(cell)) return null;
    const resolution = getResolution(cell);
    if (resolution < 5 || resolution > 9) return null;
    const level = cellLevel(this.table, resolution);
    const [low, high] = h3IndexToSplitLong(cell);
    let lo = 0;
    let hi = level.high.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const h = level.high[mid];
      const l = level.low[mid];
      if (h === high >>> 0 && l === low >>> 0) return { level, index: mid };
      if (h < high >>> 0 || (h === high >>> 0 && l < low >>> 0)) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }

  /** Table rows of a target, ascending (a cell at its own resolution, places at the query's radius). */
  private rowsOf(target: PlaceTarget, params: ResolvedRiskParams): Uint32Array {
    switch (target.kind) {
      case 'cell': {
        const found = this.cellIndex(target.cell);
        if (found === null) return new Uint32Array(0);
        const rows = this.cellRows(found.level.resolution);
        return rows.rows.subarray(rows.start[found.index], rows.start[found.index + 1]);
      }
      case 'site':
        return this.rowsOfPlace(this.siteAttribution(params), target.id);
      case 'channel':
        return this.rowsOfPlace(this.channelAttribution(params), target.id);
      case 'record': {
        const row = this.findRecord(target.source, target.id);
        return row < 0 ? new Uint32Array(0) : Uint32Array.of(row);
      }
    }
  }

  /** Where a target is and the site nearest it, or null when the data does not hold it. */
  private whereIs(target: PlaceTarget, params: ResolvedRiskParams): { lon: number; lat: number; nearestSite: NearestSite | null } | null {
    const at = (lon: number, lat: number) => ({ lon, lat, nearestSite: this.nearestSite(lon, lat) });
    switch (target.kind) {
      case 'cell': {
        const found = this.cellIndex(target.cell);
        if (found === null) return null;
        const [lon, lat] = this.geometry.centre(found.level, found.index);
        return at(lon, lat);
      }
      case 'site': {
        const site = this.table.sites.find((s) => s.id === target.id);
        if (site !== undefined) return { lon: site.lon, lat: site.lat, nearestSite: { id: site.id, distanceKm: 0 } };
        const rows = this.rowsOfPlace(this.siteAttribution(params), target.id);
        return rows.length === 0 ? null : at(...this.meanPosition(rows));
      }
      case 'channel': {
        const channel = this.table.channels.find((c) => c.id === target.id);
        if (channel !== undefined) return at(...middleOf(channel));
        const rows = this.rowsOfPlace(this.channelAttribution(params), target.id);
        return rows.length === 0 ? null : at(...this.meanPosition(rows));
      }
      case 'record': {
        const row = this.findRecord(target.source, target.id);
        if (row < 0) return null;
        const { chunk, row: inChunk } = eventLocation(this.table, row);
        const { lon, lat } = this.table.chunks[chunk].columns;
        return at(lon[inChunk], lat[inChunk]);
      }
    }
  }

  private meanPosition(rows: Uint32Array): [number, number] {
    let lon = 0;
    let lat = 0;
    for (let k = 0; k < rows.length; k++) {
      lon += this.table.lon[rows[k]];
      lat += this.table.lat[rows[k]];
    }
    return [lon / rows.length, lat / rows.length];
  }

  /** The table row of the live record (source, id), or -1. */
  private findRecord(source: string, id: string): number {
    const { chunks, chunkStart, chunkRow } = this.table;
    for (let c = 0; c < chunks.length; c++) {
      const { strings, columns } = chunks[c];
      const code = strings.sources.indexOf(source);
      if (code < 0) continue;
      for (let r = chunkStart[c]; r < chunkStart[c + 1]; r++) {
        const row = chunkRow[r];
        if (columns.source[row] === code && strings.ids[row] === id) return r;
      }
    }
    return -1;
  }

  /** Plain records of table rows, with their weights. */
  private describeRows(rows: Uint32Array, weights: Float64Array): EventRecord[] {
    const { table } = this;
    return Array.from(rows, (row, k) => {
      const { chunk: c, row: r } = eventLocation(table, row);
      const { columns, strings } = table.chunks[c];
      const value = columns.valueCny[r];
      const mode = table.mode[row];
      const site = table.site[row];
      const channel = table.channel[row];
      return {
        source: table.sources[table.source[row]],
        id: strings.ids[r],
        time: columns.time[r],
        category: CATEGORY_KEYS[table.category[row]],
        kind: RECORD_KINDS[table.kind[row]],
        severity: table.severity[row],
        grading: decodeGrading(table.grading[row]),
        mode: mode === 0 ? null : TRANSPORT_MODES[mode - 1],
        valueCny: value === value ? value : null,
        site: site === 0 ? null : table.siteIds[site - 1],
        channel: channel === 0 ? null : table.channelIds[channel - 1],
        weight: weights[k],
        description: strings.descriptions[r],
        links: strings.links[r]
          .split(';')
          .map((key) => key.trim())
          .filter((key) => key !== ''),
        lon: columns.lon[r],
        lat: columns.lat[r],
      };
    });
  }
}

/** The middle vertex of a channel's polyline (its middle, for a two-vertex one). */
function middleOf(channel: ReferenceChannel): [number, number] {
  const points = channel.coordinates;
  if (points.length % 2 === 1) return points[(points.length - 1) / 2];
  const a = points[points.length / 2 - 1];
  const b = points[points.length / 2];
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}

function timeRangeOf(table: EventTable): { min: number; max: number } | null {
  if (table.count === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  for (let b = 0; b < table.blockMinTime.length; b++) {
    if (table.blockMinTime[b] < min) min = table.blockMinTime[b];
    if (table.blockMaxTime[b] > max) max = table.blockMaxTime[b];
  }
  return { min: table.baseTime + min * 1000, max: table.baseTime + max * 1000 };
}

import type { EventChunk } from '../events/EventChunk.ts';
import { REFERENCE_CHANNELS, REFERENCE_SITES } from '../geo/referenceGeography.ts';
import { buildEventTable } from '../risk/buildEventTable.ts';
import { buildRecordLookup, type RecordLookup } from '../risk/buildRecordLookup.ts';
import { cellHalvesToHex } from '../risk/cellHalves.ts';
import { computeAlerts } from '../risk/computeAlerts.ts';
import { computeHotspots } from '../risk/computeHotspots.ts';
import { computeLinks, type LinkResult } from '../risk/computeLinks.ts';
import { computeSiteRisk } from '../risk/computeSiteRisk.ts';
import { describeHotspots } from '../risk/describeHotspots.ts';
import { describePlaces } from '../risk/describePlaces.ts';
import { queryBytesPerEvent, type EventTable } from '../risk/EventTable.ts';
import { jurisdictionBySource } from '../risk/jurisdictionBySource.ts';
import { bundleLinkArcs } from './bundleLinkArcs.ts';
import { buildEventSnapshot, type EventSnapshot, type LiveChunk } from './eventSnapshot.ts';
import type { RiskAnswer, RiskQuery } from './RiskQuery.ts';

/** Where the board's events come from: the user's stored feeds, or synthetic demo data. */
export interface BoardDataSources {
  /** Published chunks from the store (empty when nothing was imported). */
  loadStoredChunks(): Promise<LiveChunk[]>;
  /** Synthetic demo chunks, used only while the store holds no events. */
  buildDemoChunks(now: number): LiveChunk[];
  now(): number;
}

/** What the board shows after a load. */
export interface BoardLoadResult {
  /** True when the events are synthetic demo data. */
  demo: boolean;
  snapshot: EventSnapshot;
  /** Milliseconds from the start of the load to a queryable table. */
  loadMs: number;
  /** Bytes per event of the engine's query columns. */
  queryBytesPerEvent: number;
  /** Source agencies present in the data, for the filter menu. */
  sources: string[];
}

const HOUR_MS = 3_600_000;
const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The board's data, held off the main thread: loads the stored columnar chunks (or the demo
 * set when the store is empty) into the risk engine's flat table and answers the board's queries.
 */
export class BoardDataService {
  private table: EventTable | null = null;
  private lookup: RecordLookup | null = null;
  private links: LinkResult | null = null;
  private demo = false;
  private latestRequest = 0;
  /** Latest event time of the loaded data, epoch ms (-Infinity when empty). */
  private latestEventTime = -Infinity;

  constructor(private readonly sources: BoardDataSources) {}

  /** (Re)loads the events and returns the snapshot the map draws. */
  async load(): Promise<BoardLoadResult> {
    const startedAt = performance.now();
    const stored = await this.sources.loadStoredChunks();
    const hasStoredEvents = stored.some(({ chunk, mask }) => liveRows(chunk, mask) > 0);
    this.demo = !hasStoredEvents;
    const chunks = hasStoredEvents ? stored : this.sources.buildDemoChunks(this.sources.now());
    this.table = buildEventTable(chunks, { sites: REFERENCE_SITES, channels: REFERENCE_CHANNELS });
    this.lookup = null;
    this.links = null;
    this.latestEventTime = latestTime(this.table);
    const loadMs = performance.now() - startedAt;
    const snapshot = buildEventSnapshot(chunks);
    return { demo: this.demo, snapshot, loadMs, queryBytesPerEvent: queryBytesPerEvent(this.table), sources: [...this.table.sources].sort() };
  }

  /** True while the loaded events are synthetic demo data. */
  get isDemo(): boolean {
    return this.demo;
  }

  /** The instant a query defaults to: now, or the end of the data when it is older than a day. */
  defaultEvaluationTime(): number {
    const now = this.sources.now();
    const latestMs = this.latestEventTime;
    if (!Number.isFinite(latestMs)) return now;
    return latestMs < now - 24 * HOUR_MS ? Math.ceil(latestMs / HOUR_MS) * HOUR_MS : now;
  }

  /**
   * Answers a risk query. A newer query arriving while this one waits for its turn cancels it
   * (it resolves with `cancelled: true`), so a dragged slider never queues stale work.
   */
  async query(request: RiskQuery): Promise<RiskAnswer> {
    this.latestRequest = Math.max(this.latestRequest, request.requestId);
    await yieldToEvents();
    if (request.requestId !== this.latestRequest || !this.table) return cancelledAnswer(request.requestId);
    const table = this.table;
    const startedAt = performance.now();
    const detailCount = request.detailCount ?? 25;
    // Breakdowns only for the hotspots the answer describes.
    const hotspots = computeHotspots(table, { topN: detailCount, ...request.params }, request.filters);
    const hotspotsMs = performance.now() - startedAt;
    const positive = countPositive(hotspots.scores);
    const hotspotCells: string[] = new Array(positive);
    for (let rank = 0; rank < positive; rank++) hotspotCells[rank] = cellHalvesToHex(hotspots.cellHigh[rank], hotspots.cellLow[rank]);
    const described = describeHotspots(hotspots, table, detailCount);
    const places = computeSiteRisk(table, request.params, request.filters, REFERENCE_SITES, REFERENCE_CHANNELS);
    const alerts = computeAlerts(table, request.params, request.filters, request.alerts);
    const links = this.crossBorderLinks(table);
    // Bundle by ~3 km so arcs read as port-to-port flows rather than a hairball of single links.
    const arcs = bundleLinkArcs(links.from, links.to, links.count, 0.03);
    return {
      requestId: request.requestId,
      cancelled: false,
      hotspotCells,
      hotspotScores: hotspots.scores.slice(0, positive),
      hotspotCounts: hotspots.counts.slice(0, positive),
      totalScore: hotspots.totalScore,
      totalCount: hotspots.totalCount,
      hotspots: described,
      sites: describePlaces(places.sites, table, 25).filter((place) => place.score > 0),
      channels: describePlaces(places.channels, table, 25).filter((place) => place.score > 0),
      cellAlerts: alerts.cells,
      siteAlerts: alerts.sites,
      linkFrom: arcs.from,
      linkTo: arcs.to,
      linkWeight: arcs.weight,
      linkCount: arcs.count,
      linkPairs: links.pairCounts,
      linkTotals: links.totals,
      timing: { hotspotsMs, totalMs: performance.now() - startedAt },
    };
  }

  /** Re-runs only the hotspot pass, for the benchmark: milliseconds per query. */
  timeHotspotPass(request: RiskQuery): number {
    if (!this.table) throw new Error('No data loaded');
    const startedAt = performance.now();
    computeHotspots(this.table, request.params, request.filters);
    return performance.now() - startedAt;
  }

  private crossBorderLinks(table: EventTable): LinkResult {
    if (!this.links) {
      this.lookup ??= buildRecordLookup(table);
      this.links = computeLinks(table, this.lookup, jurisdictionBySource());
    }
    return this.links;
  }
}

function latestTime(table: EventTable): number {
  let latest = -Infinity;
  for (let i = 0; i < table.count; i++) if (table.time[i] > latest) latest = table.time[i];
  return table.count ? table.baseTime + latest * 1000 : -Infinity;
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

function cancelledAnswer(requestId: number): RiskAnswer {
  return {
    requestId,
    cancelled: true,
    hotspotCells: [],
    hotspotScores: new Float64Array(0),
    hotspotCounts: new Uint32Array(0),
    totalScore: 0,
    totalCount: 0,
    hotspots: [],
    sites: [],
    channels: [],
    cellAlerts: [],
    siteAlerts: [],
    linkFrom: new Float32Array(0),
    linkTo: new Float32Array(0),
    linkWeight: new Uint32Array(0),
    linkCount: 0,
    linkPairs: [],
    linkTotals: null,
    timing: { hotspotsMs: 0, totalMs: 0 },
  };
}

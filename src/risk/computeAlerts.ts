import { cellToLatLng } from 'h3-js';
import { resolveFilterMask, type FilterInput } from './buildFilterMask.ts';
import { cellHalvesToHex } from './cellHalves.ts';
import { cellLevel, TIME_BLOCK_ROWS, type EventTable } from './EventTable.ts';
import { logPoissonUpperTail } from './poissonTail.ts';
import type { QueryCaches } from './QueryCaches.ts';
import { resolveRiskParams, type RiskParams } from './RiskParams.ts';
import { attributeSites } from './siteAttribution.ts';

/** Spike detection settings. */
export interface AlertOptions {
  /** Length of the recent window (T − recentHours, T], hours (default 24). */
  recentHours?: number;
  /** Length of the baseline just before it, days (default 28). */
  baselineDays?: number;
  /** Alert when P(X ≥ observed) is below this (default 0.001). */
  pThreshold?: number;
  /** Never alert on fewer recent events than this (default 3). */
  minCount?: number;
  /** Events added to every expectation, so a quiet place is not "infinitely" surprised (default 0.5). */
  priorEvents?: number;
}

/** A cell or site whose recent event count is improbably high against its own baseline. */
export interface SpikeAlert {
  target: 'cell' | 'site';
  /** H3 cell id (hex) or site id. */
  id: string;
  /** Events in the recent window. */
  observed: number;
  /** Events in the baseline window. */
  baselineCount: number;
  /** Expected recent events: baseline rate over the recent length, plus the prior. */
  expected: number;
  /** P(X ≥ observed) under Poisson(expected); may underflow to 0, see logProbability. */
  probability: number;
  logProbability: number;
  /** Epoch ms (whole second) of the first event in the recent window. */
  since: number;
  /** Cell centre, reference site position, or (for a site only records name) mean event position. */
  lon: number;
  lat: number;
}

/** Alerts of one evaluation, each list sorted by probability ascending, then id. */
export interface AlertResult {
  cells: SpikeAlert[];
  sites: SpikeAlert[];
}

/** Per-group tallies of one pass. */
interface Tally {
  recent: Uint32Array;
  baseline: Uint32Array;
  /** First recent event time, table seconds. */
  first: Int32Array;
  sumLon: Float64Array;
  sumLat: Float64Array;
}

function tally(size: number): Tally {
  return {
    recent: new Uint32Array(size),
    baseline: new Uint32Array(size),
    first: new Int32Array(size).fill(0x7fffffff),
    sumLon: new Float64Array(size),
    sumLat: new Float64Array(size),
  };
}

/**
 * Poisson spike test per cell (at `params.resolution`) and per attributed site: observed count in
 * (T − recent, T] against expected = baseline count in the preceding baseline window scaled to
 * the recent length, plus `priorEvents`. Counts, not weights: grading and decay do not enter, but
 * the filters do. Deterministic for a given T. Visits only the time blocks that meet the baseline
 * or the recent window.
 */
export function computeAlerts(
  table: EventTable,
  params: RiskParams,
  filters: FilterInput,
  options: AlertOptions = {},
  caches?: QueryCaches,
): AlertResult {
  const resolved = resolveRiskParams(params);
  const recentMs = (options.recentHours ?? 24) * 3_600_000;
  const baselineMs = (options.baselineDays ?? 28) * 86_400_000;
  const pThreshold = options.pThreshold ?? 0.001;
  const minCount = options.minCount ?? 3;
  const prior = options.priorEvents ?? 0.5;
  if (!(recentMs > 0 && baselineMs > 0)) throw new RangeError('recentHours and baselineDays must be > 0');
  if (!(prior > 0)) throw new RangeError('priorEvents must be > 0');

  const level = cellLevel(table, resolved.resolution);
  const sites = attributeSites(table, table.sites, resolved.siteRadiusKm ?? table.siteRadiusKm, caches);
  const mask = resolveFilterMask(table, filters);

  const toSec = (ms: number): number => (ms - table.baseTime) / 1000;
  // t is recent when T − recent < t ≤ T and baseline when T − recent − baseline < t ≤ T − recent.
  const recentTo = Math.floor(toSec(resolved.time));
  const recentFrom = Math.floor(toSec(resolved.time - recentMs)) + 1;
  const baselineFrom = Math.floor(toSec(resolved.time - recentMs - baselineMs)) + 1;

  const cells = tally(level.high.length);
  const places = tally(sites.ids.length + 1);
  const { time, lon, lat, blockMinTime, blockMaxTime } = table;
  const cellIndex = level.index;
  const siteIndex = sites.index;
  for (let b = 0; b < blockMinTime.length; b++) {
    if (blockMaxTime[b] < baselineFrom || blockMinTime[b] > recentTo) continue;
    const end = Math.min(table.count, (b + 1) * TIME_BLOCK_ROWS);
    for (let i = b * TIME_BLOCK_ROWS; i < end; i++) {
      const t = time[i];
      if (t > recentTo || t < baselineFrom) continue;
      if (mask !== null && mask[i] === 0) continue;
      const c = cellIndex[i];
      const s = siteIndex[i];
      if (t >= recentFrom) {
        cells.recent[c]++;
        if (t < cells.first[c]) cells.first[c] = t;
        places.recent[s]++;
        if (t < places.first[s]) places.first[s] = t;
        places.sumLon[s] += lon[i];
        places.sumLat[s] += lat[i];
      } else {
        cells.baseline[c]++;
        places.baseline[s]++;
      }
    }
  }

  const scale = recentMs / baselineMs;
  const threshold = Math.log(pThreshold);
  const test = (
    counts: Tally,
    group: number,
    target: SpikeAlert['target'],
    place: () => { id: string; lon: number; lat: number },
  ): SpikeAlert | null => {
    const observed = counts.recent[group];
    if (observed < minCount) return null;
    const expected = counts.baseline[group] * scale + prior;
    const logProbability = logPoissonUpperTail(observed, expected);
    if (!(logProbability < threshold)) return null;
    return {
      target,
      ...place(),
      observed,
      baselineCount: counts.baseline[group],
      expected,
      probability: Math.exp(logProbability),
      logProbability,
      since: table.baseTime + counts.first[group] * 1000,
    };
  };

  const cellAlerts: SpikeAlert[] = [];
  for (let g = 0; g < level.high.length; g++) {
    const alert = test(cells, g, 'cell', () => {
      const id = cellHalvesToHex(level.high[g], level.low[g]);
      const [y, x] = cellToLatLng(id);
      return { id, lon: x, lat: y };
    });
    if (alert !== null) cellAlerts.push(alert);
  }
  const siteAlerts: SpikeAlert[] = [];
  for (let g = 1; g < sites.ids.length + 1; g++) {
    const alert = test(places, g, 'site', () => {
      const reference = g <= sites.referenceCount ? table.sites[g - 1] : undefined;
      const n = places.recent[g];
      return {
        id: sites.ids[g - 1],
        lon: reference?.lon ?? places.sumLon[g] / n,
        lat: reference?.lat ?? places.sumLat[g] / n,
      };
    });
    if (alert !== null) siteAlerts.push(alert);
  }
  const order = (a: SpikeAlert, b: SpikeAlert): number =>
    a.logProbability - b.logProbability || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { cells: cellAlerts.sort(order), sites: siteAlerts.sort(order) };
}

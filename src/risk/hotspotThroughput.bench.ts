/**
 * Micro benchmark of the risk engine on a synthetic table: `npx tsx src/risk/hotspotThroughput.bench.ts [events]`.
 * Every event lies inside the 30-day window, so the hot pass pays the decay for all of them.
 */
import { latLngToCell } from 'h3-js';
import { CATEGORY_KEYS } from '../domain/categories.ts';
import type { FeedRecord } from '../domain/FeedRecord.ts';
import { RECORD_KINDS } from '../domain/recordKinds.ts';
import { TRANSPORT_MODES } from '../domain/transportModes.ts';
import { EventChunkBuilder } from '../events/EventChunkBuilder.ts';
import { accumulateWeights } from './accumulateWeights.ts';
import { buildEventTable } from './buildEventTable.ts';
import { buildFilterMask } from './buildFilterMask.ts';
import { computeAlerts } from './computeAlerts.ts';
import { computeHotspots } from './computeHotspots.ts';
import { computeSiteRisk } from './computeSiteRisk.ts';
import { cellLevel, queryBytesPerEvent } from './EventTable.ts';
import { prepareQuery } from './prepareQuery.ts';
import type { ReferenceSite } from './ReferencePlaces.ts';
import { resolveRiskParams } from './RiskParams.ts';

const EVENTS = Number(process.argv[2] ?? 1_000_000);
const POSITIONS = 40_000;
const RUNS = 21;
const T = Date.UTC(2025, 5, 1);

/** Small deterministic PRNG (xorshift32), so runs are comparable. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/**
 * Median wall time of `run`, plus median CPU time of this process over the same runs: on a shared,
 * oversubscribed machine the CPU time is the steadier figure, as it excludes time spent descheduled.
 */
function time(label: string, run: () => unknown, runs = RUNS): number {
  run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < runs; k++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const ms = median(wall);
  console.log(
    `${label.padEnd(44)} wall median ${ms.toFixed(2).padStart(8)} ms (min ${Math.min(...wall).toFixed(2)})` +
      `  cpu median ${median(cpu).toFixed(2).padStart(8)} ms`,
  );
  return ms;
}

const rand = random(20250601);
const sites: ReferenceSite[] = Array.from({ length: 49 }, (_, i) => ({
  id: `site_${i}`,
  lon: 113.0 + rand() * 1.4,
  lat: 22.0 + rand() * 1.2,
  jurisdiction: ['Mainland'],
}));
// Positions cluster around sites (as seizures do) with a uniform background.
const lons = new Float64Array(POSITIONS);
const lats = new Float64Array(POSITIONS);
const cells: string[] = [];
for (let p = 0; p < POSITIONS; p++) {
  if (p % 2 === 0) {
    const site = sites[p % sites.length];
    lons[p] = site.lon + (rand() - 0.5) * 0.1;
    lats[p] = site.lat + (rand() - 0.5) * 0.1;
  } else {
    lons[p] = 112.5 + rand() * 2.5;
    lats[p] = 21.8 + rand() * 1.6;
  }
  cells.push(latLngToCell(lats[p], lons[p], 9));
}
const sources = ['GACC-GD', 'GACC-GZ', 'GACC-SZ', 'GACC-GB', 'HKCED', 'MOCS'];

let start = performance.now();
const chunks = [];
let builder = new EventChunkBuilder();
for (let e = 0; e < EVENTS; e++) {
  if (builder.isFull) {
    chunks.push({ chunk: builder.build() });
    builder = new EventChunkBuilder();
  }
  const p = Math.floor(rand() * POSITIONS);
  const t = T - Math.floor(rand() * 30 * 86_400) * 1000;
  const grade = Math.floor(rand() * 37);
  const record: FeedRecord = {
    source: sources[Math.floor(rand() * sources.length)],
    id: `E${e}`,
    time: t,
    lon: lons[p],
    lat: lats[p],
    category: CATEGORY_KEYS[Math.floor(rand() * CATEGORY_KEYS.length)],
    kind: RECORD_KINDS[Math.floor(rand() * RECORD_KINDS.length)],
    severity: 1 + Math.floor(rand() * 5),
    grading: grade === 0 ? null : `${'ABCDEF'[Math.floor((grade - 1) / 6)]}${((grade - 1) % 6) + 1}`,
    valueCny: null,
    mode: rand() < 0.3 ? null : TRANSPORT_MODES[Math.floor(rand() * TRANSPORT_MODES.length)],
    site: null,
    channel: null,
    links: [],
    description: '',
    updated: t,
  };
  builder.append(record, cells[p]);
}
chunks.push({ chunk: builder.build() });
console.log(`synthetic chunks: ${EVENTS} events in ${chunks.length} chunks, ${(performance.now() - start).toFixed(0)} ms`);

start = performance.now();
const table = buildEventTable(chunks, { sites });
console.log(`buildEventTable: ${(performance.now() - start).toFixed(0)} ms`);
console.log(`query bytes per event: ${queryBytesPerEvent(table)}`);
for (let r = 5; r <= 9; r++) {
  const level = cellLevel(table, r);
  console.log(`  resolution ${r}: ${level.high.length} cells, ${level.index.constructor.name}`);
}

const params = resolveRiskParams({ time: T });
const level7 = cellLevel(table, 7);
const query = prepareQuery(table, params);
const mask = buildFilterMask(table, { categories: ['narcotics', 'tobacco', 'firearms', 'currency', 'counterfeit'] });

// Floor for comparison: the same scan and scatter with no weighting at all (machine speed).
time('floor: window test + count only, res 7', () => {
  const counts = new Uint32Array(level7.high.length);
  const { time: t, count } = table;
  const groups = level7.index;
  for (let i = 0; i < count; i++) if (t[i] <= query.toSec && t[i] >= query.fromSec) counts[groups[i]]++;
});
const hotPass = time('hot pass, res 7, no filter', () => {
  const scores = new Float64Array(level7.high.length);
  const counts = new Uint32Array(level7.high.length);
  accumulateWeights(table, level7.index, query, null, scores, counts);
});
time('hot pass, res 7, category mask', () => {
  accumulateWeights(table, level7.index, query, mask, new Float64Array(level7.high.length), new Uint32Array(level7.high.length));
});
const level9 = cellLevel(table, 9);
time('hot pass, res 9, no filter', () => {
  accumulateWeights(table, level9.index, query, null, new Float64Array(level9.high.length), new Uint32Array(level9.high.length));
});
time('buildFilterMask (categories)', () => buildFilterMask(table, { categories: ['narcotics'] }));
time('buildFilterMask (area polygon)', () =>
  buildFilterMask(table, { area: [[113.2, 22.2], [113.9, 22.1], [114.0, 22.8], [113.3, 22.9]] }),
);
time('computeHotspots res 7 (2 passes + details)', () => computeHotspots(table, { time: T }));
time('computeHotspots res 9', () => computeHotspots(table, { time: T, resolution: 9 }), 7);
time('computeSiteRisk', () => computeSiteRisk(table, { time: T }, null, sites, []), 7);
time('computeAlerts res 7', () => computeAlerts(table, { time: T }, null), 7);
console.log(`\nRESULT hot pass ${EVENTS} events: ${hotPass.toFixed(2)} ms median; ${queryBytesPerEvent(table)} bytes/event`);

/**
 * The board worker's answer at scale, in Node: `npx tsx src/board/boardAnswer.bench.ts [events]`
 * (default 1M demo events; `BENCH_CHUNKS=/path` caches the generated chunks between runs). Prints
 * the median wall and CPU time of each part of a BoardAnswer, of a whole answer for a filter
 * change, of brush answers, of playback steps and of details. The real numbers come from
 * `npm run bench` in Chromium (board.*).
 */
import { REFERENCE_CHANNELS, REFERENCE_SITES } from '../geo/referenceGeography.ts';
import { RiskEngine, type RiskFilters } from '../risk/RiskEngine.ts';
import { BoardDataService } from './BoardDataService.ts';
import type { BoardQuery } from './BoardQuery.ts';
import { cachedDemoChunks } from './cachedDemoChunks.ts';

const EVENTS = Number(process.argv[2] ?? 1_000_000);
const NOW = Date.UTC(2026, 2, 1);
const DAY = 86_400_000;
const RUNS = 9;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

function time(label: string, run: (k: number) => unknown, runs = RUNS): number {
  run(-1);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < runs; k++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    run(k);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  console.log(`${label.padEnd(44)} ${median(wall).toFixed(1).padStart(8)} ms wall ${median(cpu).toFixed(1).padStart(8)} ms cpu`);
  return median(wall);
}

function once(label: string, run: () => unknown): void {
  const start = performance.now();
  run();
  console.log(`${label.padEnd(44)} ${(performance.now() - start).toFixed(1).padStart(8)} ms (once)`);
}

const FILTERS: RiskFilters[] = [{}, { categories: ['narcotics', 'tobacco', 'counterfeit'] }, { severityMin: 3 }, { categories: ['currency', 'firearms'], severityMin: 2 }, { kinds: ['seizure', 'clue'] }];
const data = cachedDemoChunks(NOW, EVENTS);
let engine!: RiskEngine;
once(`RiskEngine.load (${EVENTS} events)`, () => (engine = RiskEngine.load(data, { sites: REFERENCE_SITES, channels: REFERENCE_CHANNELS })));
const params = { time: NOW, resolution: 7, topN: 25 };
once('first hotspots (resolution 7 level built)', () => engine.hotspots(params, {}));
once('links (record lookup + pairs, once per load)', () => engine.links());
time('hotspots (filter change)', (k) => engine.hotspots(params, FILTERS[(k + 5) % 5]));
const ranked = engine.hotspots(params, {});
time('hotspot shapes (cached outlines)', () => engine.hotspotShapes(ranked.result));
time('sites + channels (filter change)', (k) => engine.places(params, FILTERS[(k + 5) % 5]));
time('alerts (filter change)', (k) => engine.alerts(params, FILTERS[(k + 5) % 5]));
time('facets + figures (filter change)', (k) => engine.windowSummary(params, FILTERS[(k + 5) % 5]));
time('window answer: facets, figures, events, histogram', (k) => engine.windowAnswer(params, FILTERS[(k + 5) % 5], { west: 112.9, south: 21.9, east: 114.6, north: 23.0, zoom: 9 }));
time('histogram (filter change)', (k) => engine.histogram(FILTERS[(k + 5) % 5]));
const bay = { west: 112.9, south: 21.9, east: 114.6, north: 23.0, zoom: 9 };
const port = { west: 113.52, south: 22.18, east: 113.6, north: 22.24, zoom: 14 };
time('events layer, Bay Area at zoom 9', (k) => engine.eventsInView(params, FILTERS[(k + 5) % 5], bay));
time('events layer, a port at zoom 14', (k) => engine.eventsInView(params, FILTERS[(k + 5) % 5], port));

const service = new BoardDataService({ loadStoredChunks: async () => data, buildDemoChunks: () => [], now: () => NOW });
const started = performance.now();
const loaded = await service.load();
const first = await service.boardQuery({ requestId: 1, params: { time: null, resolution: 7 }, filters: {}, viewport: bay });
console.log(`${'service load → first answer'.padEnd(44)} ${(performance.now() - started).toFixed(1).padStart(8)} ms (load ${loaded.loadMs.toFixed(0)}, answer ${first.timing.totalMs.toFixed(0)}, links pending ${first.links.pending})`);
await new Promise((resolve) => setTimeout(resolve, 0));
let id = 10;
const query = (filters: RiskFilters, extra: Partial<BoardQuery> = {}): BoardQuery => ({ requestId: ++id, params: { time: NOW, resolution: 7 }, filters, viewport: bay, ...extra });
const answers: number[] = [];
for (let k = 0; k < RUNS + 1; k++) answers.push((await service.boardQuery(query(FILTERS[k % 5]))).timing.totalMs);
console.log(`${'whole answer, filter change (worker)'.padEnd(44)} ${median(answers.slice(1)).toFixed(1).padStart(8)} ms`);
const brush: number[] = [];
for (let k = 0; k < 20; k++) {
  const answer = await service.boardQuery(query({}, { interactive: true, params: { time: NOW - k * 3 * 3_600_000, windowMs: (20 + k / 2) * DAY, resolution: 7 } }));
  brush.push(answer.timing.totalMs);
}
console.log(`${'brush answer (interactive)'.padEnd(44)} ${median(brush).toFixed(1).padStart(8)} ms → ${(1000 / median(brush)).toFixed(0)} answers/s`);
const steps: number[] = [];
for (let k = 0; k < 60; k++) {
  const answer = await service.step(query({}, { params: { time: NOW - 20 * DAY + k * 3_600_000, resolution: 7 } }));
  steps.push(answer.timing.totalMs);
}
console.log(`${'playback step (1 h)'.padEnd(44)} ${median(steps.slice(1)).toFixed(1).padStart(8)} ms → ${(1000 / median(steps.slice(1))).toFixed(0)} steps/s (first ${steps[0].toFixed(0)} ms)`);
const top = first.hotspots[0];
const details: number[] = [];
for (let k = 0; k < 5; k++) {
  const answer = await service.details({ requestId: ++id, selection: { kind: 'hotspot', cell: top.cell }, params: { time: NOW, resolution: 7 }, filters: {}, sort: { key: 'weight', descending: true }, page: 0, pageSize: 50 });
  details.push(performance.now());
  void answer;
}
time('details of the top hotspot', () => engine.details({ kind: 'cell', cell: top.cell }, params, {}, { key: 'weight', descending: true, page: 0, pageSize: 50 }), 5);
time('details of a site', () => engine.details({ kind: 'site', id: REFERENCE_SITES[0].id }, params, {}, { key: 'time', descending: true, page: 0, pageSize: 50 }), 5);

/**
 * The board worker's three interactive paths at scale, in Node, one at a time so that each can be
 * profiled on its own: `npx tsx src/board/boardStages.bench.ts [stage] [events]` with stage
 * `filter` (a category toggled off and on: full answers), `brush` (the brush body dragged: T and
 * the window move together, same filters, interactive answers), `step` (playback: T one hour on),
 * or `all` (default). Default 1M demo events; `BENCH_CHUNKS=/path` keeps the generated chunks
 * between runs, `BENCH_RUNS=n` sets the samples per stage (default 9). Prints the median CPU time
 * (user + system of the process: on a shared machine the wall time also counts other programs)
 * and wall time of each stage's answers, as `BoardDataService` computes them for the worker.
 * `BENCH_PROFILE=dir` writes a V8 CPU profile of each stage alone (`dir/<stage>.cpuprofile`, the
 * load left out), as `node --cpu-prof` would of the whole run.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { CATEGORY_KEYS } from '../domain/categories.ts';
import type { RiskFilters } from '../risk/RiskFilters.ts';
import { BoardDataService } from './BoardDataService.ts';
import type { BoardQuery, Viewport } from './BoardQuery.ts';
import { cachedDemoChunks } from './cachedDemoChunks.ts';

const STAGES = ['filter', 'brush', 'step'] as const;
type Stage = (typeof STAGES)[number];

const stageArgument = process.argv[2] ?? 'all';
const EVENTS = Number(process.argv[3] ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const NOW = Date.UTC(2026, 2, 1);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The board's default camera over the Greater Bay Area at 1600×1000 (zoom ~7.6). */
const BAY: Viewport = { west: 112.2, south: 21.3, east: 115.6, north: 23.6, zoom: 7.6 };

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/** CPU and wall milliseconds of one awaited call (the service's one-macrotask wait included). */
async function measure(run: () => Promise<unknown>): Promise<{ cpu: number; wall: number }> {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  await run();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpuStart);
  return { cpu: (used.user + used.system) / 1000, wall };
}

function report(label: string, samples: { cpu: number; wall: number }[]): void {
  const cpu = median(samples.map((s) => s.cpu));
  const wall = median(samples.map((s) => s.wall));
  const all = samples.map((s) => s.cpu.toFixed(0)).join(' ');
  console.log(`${label.padEnd(36)} ${cpu.toFixed(1).padStart(7)} ms cpu ${wall.toFixed(1).padStart(7)} ms wall  (cpu: ${all})`);
}

const service = new BoardDataService({ loadStoredChunks: async () => cachedDemoChunks(NOW, EVENTS), buildDemoChunks: () => [], now: () => NOW });
const loaded = await service.load();
let requestId = 0;
const query = (time: number, filters: RiskFilters, extra: Partial<BoardQuery> = {}): BoardQuery => ({
  requestId: ++requestId,
  params: { time, windowMs: 30 * DAY, halfLifeMs: 7 * DAY, resolution: 7 },
  filters,
  viewport: BAY,
  detailCount: 25,
  ...extra,
});
// The load's first answer (links pending), then the links indexed, as in the worker.
await service.boardQuery(query(NOW, {}));
await new Promise((resolve) => setTimeout(resolve, 0));
await service.boardQuery(query(NOW, {}));
console.log(`${loaded.count} events loaded in ${loaded.loadMs.toFixed(0)} ms; ${RUNS} samples per stage`);

const withoutTobacco: RiskFilters = { categories: CATEGORY_KEYS.filter((key) => key !== 'tobacco') };

async function filterStage(): Promise<void> {
  // Off and on, as the bench's click does: each answer follows a change of the filters.
  const samples = [];
  for (let k = 0; k < RUNS + 2; k++) {
    const filters = k % 2 === 0 ? withoutTobacco : {};
    const sample = await measure(() => service.boardQuery(query(NOW, filters)));
    if (k >= 2) samples.push(sample);
  }
  report('filter change → full answer', samples);
}

async function brushStage(): Promise<void> {
  // The brush body dragged back over the data: T moves by a few hours per update, the window with it.
  const samples = [];
  for (let k = 0; k < RUNS + 1; k++) {
    const sample = await measure(() => service.boardQuery(query(NOW - 5 * DAY - k * 3 * HOUR, withoutTobacco, { interactive: true })));
    if (k >= 1) samples.push(sample);
  }
  report('brush step → interactive answer', samples);
}

async function stepStage(): Promise<void> {
  const samples = [];
  for (let k = 0; k < RUNS + 1; k++) {
    const sample = await measure(() => service.step(query(NOW - 10 * DAY + k * HOUR, withoutTobacco)));
    if (k >= 1) samples.push(sample);
  }
  report('playback step (1 h) → step answer', samples);
}

const run: Record<Stage, () => Promise<void>> = { filter: filterStage, brush: brushStage, step: stepStage };
const chosen = stageArgument === 'all' ? STAGES : [stageArgument as Stage];
const profileDir = process.env.BENCH_PROFILE;
const session = profileDir ? new Session() : null;
if (session !== null) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
}
for (const stage of chosen) {
  if (!STAGES.includes(stage)) throw new Error(`unknown stage ${stage}: one of ${STAGES.join(', ')} or all`);
  await session?.post('Profiler.start');
  await run[stage]();
  if (session !== null) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`${profileDir}/${stage}.cpuprofile`, JSON.stringify(profile));
  }
}
session?.disconnect();

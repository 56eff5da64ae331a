/**
 * The bench page's main thread: it watches itself (long tasks, animation frames, UA memory), hands
 * the feed File from its <input type=file> to fresh workers and returns their measurements. The
 * Node runner drives it through `window.tidegateBench`.
 */
import * as Comlink from 'comlink';
import type { FeedImportProgress } from '../../src/importing/FeedImportProgress.ts';
import type {
  CeilingResult,
  LongTaskEntry,
  EndToEndPageResult,
  EngineSeedResult,
  EngineSizeResult,
  MainThreadObservation,
  ParseResult,
  StorePassResult,
  UaMemorySamples,
} from './benchTypes.ts';
import type { EngineBenchApi, EngineMeasureOptions } from './engineBench.worker.ts';
import type { ImportBenchApi } from './importBench.worker.ts';

/** The API the runner calls with page.evaluate. */
export interface BenchPageApi {
  ready: true;
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
  ceiling(method: 'scan' | 'udsv'): Promise<CeilingResult>;
  parse(): Promise<ParseResult>;
  storePass(dbName: string): Promise<StorePassResult>;
  /** `memoryGraceMs`: how long to wait for a lazy UA memory answer when none landed during the import. */
  endToEnd(dbName: string, memoryGraceMs: number): Promise<EndToEndPageResult>;
  engineSeed(events: number, dbName: string, now: number, seed: number): Promise<EngineSeedResult>;
  engineMeasure(events: number, dbName: string, options: EngineMeasureOptions): Promise<EngineSizeResult>;
}

declare global {
  interface Window {
    tidegateBench?: BenchPageApi;
  }
}

const status = document.getElementById('status') as HTMLPreElement;

// --- Main-thread observation: long tasks and animation frames -------------------------------

let observing = false;
let observeStart = 0;
let longTasks: LongTaskEntry[] = [];
let frames = 0;
let longestFrameGap = 0;
let lastFrame = 0;
const longTaskSupported = PerformanceObserver.supportedEntryTypes.includes('longtask');
if (longTaskSupported) {
  new PerformanceObserver((list) => {
    if (!observing) return;
    for (const entry of list.getEntries()) {
      const attribution = (entry as PerformanceEntry & { attribution?: { containerType?: string; containerName?: string; containerSrc?: string }[] }).attribution?.[0];
      longTasks.push({
        atMs: entry.startTime - observeStart,
        durationMs: entry.duration,
        name: entry.name,
        container: attribution ? [attribution.containerType, attribution.containerName, attribution.containerSrc].filter(Boolean).join(' ') : '',
      });
    }
  }).observe({ type: 'longtask' });
}
function onFrame(time: number): void {
  if (observing) {
    frames++;
    if (lastFrame > 0) longestFrameGap = Math.max(longestFrameGap, time - lastFrame);
  }
  lastFrame = time;
  requestAnimationFrame(onFrame);
}
requestAnimationFrame(onFrame);

function startObserving(): void {
  observing = true;
  observeStart = performance.now();
  longTasks = [];
  frames = 0;
  longestFrameGap = 0;
  lastFrame = 0;
}

function stopObserving(): MainThreadObservation {
  observing = false;
  return {
    longTaskSupported,
    longTasks: longTasks.length,
    longestTaskMs: longTasks.reduce((a, b) => Math.max(a, b.durationMs), 0),
    totalLongTaskMs: longTasks.reduce((a, b) => a + b.durationMs, 0),
    worstTasks: [...longTasks].sort((a, b) => b.durationMs - a.durationMs).slice(0, 5),
    frames,
    longestFrameGapMs: longestFrameGap,
    observedMs: performance.now() - observeStart,
  };
}

// --- UA memory: performance.measureUserAgentSpecificMemory() while work runs --------------------

interface UaMemoryResult {
  bytes: number;
  breakdown: { bytes: number; attribution: { scope?: string }[] }[];
}
type MeasureMemory = () => Promise<UaMemoryResult>;

function uaMemorySampler(graceMs: number): { stop(): Promise<UaMemorySamples> } {
  const measureMemory = (performance as Performance & { measureUserAgentSpecificMemory?: MeasureMemory }).measureUserAgentSpecificMemory;
  if (typeof measureMemory !== 'function' || !self.crossOriginIsolated) {
    const why = typeof measureMemory !== 'function' ? 'not exposed by this browser' : 'the page is not cross-origin isolated';
    return {
      stop: async () => ({
        available: false,
        note: `performance.measureUserAgentSpecificMemory(): ${why}`,
        samples: 0,
        samplesAfterWork: 0,
        peakTotalBytes: null,
        peakWorkerBytes: null,
      }),
    };
  }
  let working = true;
  const during = { samples: 0, total: 0, workers: 0 };
  const after = { samples: 0, total: 0, workers: 0 };
  let failure: string | null = null;
  const loop = (async () => {
    // One request at a time, back to back while the work runs; the last may land after it ended.
    while (working || during.samples + after.samples === 0) {
      try {
        const result = await measureMemory.call(performance);
        const bucket = working ? during : after;
        bucket.samples++;
        bucket.total = Math.max(bucket.total, result.bytes);
        let workers = 0;
        for (const entry of result.breakdown) {
          if (entry.attribution.some((a) => a.scope === 'DedicatedWorkerGlobalScope')) workers += entry.bytes;
        }
        bucket.workers = Math.max(bucket.workers, workers);
      } catch (error) {
        failure = String(error);
        return;
      }
      if (!working) return;
    }
  })();
  return {
    async stop() {
      working = false;
      // Chromium answers lazily (after a GC, within about 20 s): without any answer yet, wait for
      // one taken right after the work, while the worker still holds what it kept.
      if (during.samples === 0) await Promise.race([loop, new Promise((resolve) => setTimeout(resolve, graceMs))]);
      const use = during.samples > 0 ? during : after;
      const note =
        failure ??
        (during.samples > 0
          ? 'performance.measureUserAgentSpecificMemory() requested back to back on the page while the import ran; Chromium answers lazily, so the samples are sparse: peak of the totals and of the dedicated-worker share'
          : after.samples > 0
            ? 'no measurement landed during the import (Chromium answers lazily); this is one taken right after it, before the worker ended: a lower bound of the peak'
            : `performance.measureUserAgentSpecificMemory() gave no answer within ${graceMs / 1000} s after the import (Chromium measures lazily)`);
      return {
        available: use.samples > 0,
        note,
        samples: during.samples,
        samplesAfterWork: after.samples,
        peakTotalBytes: use.samples > 0 ? use.total : null,
        peakWorkerBytes: use.samples > 0 ? use.workers : null,
      };
    },
  };
}

// --- Workers --------------------------------------------------------------------------------

function feedFile(): File {
  const input = document.getElementById('feed') as HTMLInputElement;
  const file = input.files?.[0];
  if (!file) throw new Error('No feed file was set on #feed');
  return file;
}

async function withImportWorker<T>(work: (api: Comlink.Remote<ImportBenchApi>) => Promise<T>): Promise<T> {
  const worker = new Worker(new URL('./importBench.worker.ts', import.meta.url), { type: 'module', name: 'bench-import' });
  try {
    return await work(Comlink.wrap<ImportBenchApi>(worker));
  } finally {
    worker.terminate();
  }
}

async function withEngineWorker<T>(work: (api: Comlink.Remote<EngineBenchApi>) => Promise<T>): Promise<T> {
  const worker = new Worker(new URL('./engineBench.worker.ts', import.meta.url), { type: 'module', name: 'bench-engine' });
  try {
    return await work(Comlink.wrap<EngineBenchApi>(worker));
  } finally {
    worker.terminate();
  }
}

function showProgress(progress: FeedImportProgress): void {
  const share = progress.totalBytes > 0 ? ` ${((100 * progress.bytesRead) / progress.totalBytes).toFixed(0)} %` : '';
  status.textContent = `${progress.phase}${share}: ${progress.rows.toLocaleString('en')} rows, ${Math.round(progress.rowsPerSecond).toLocaleString('en')} rows/s`;
}

window.tidegateBench = {
  ready: true,
  crossOriginIsolated: self.crossOriginIsolated,
  hardwareConcurrency: navigator.hardwareConcurrency,
  ceiling: (method) => withImportWorker((api) => api.ceiling(feedFile(), method)),
  parse: () => withImportWorker((api) => api.parse(feedFile())),
  storePass: (dbName) => withImportWorker((api) => api.storePass(feedFile(), dbName)),
  endToEnd: (dbName, memoryGraceMs) =>
    withImportWorker(async (api) => {
      const file = feedFile();
      await api.ping(); // the worker has loaded its modules before the clock starts
      const memory = uaMemorySampler(memoryGraceMs);
      startObserving();
      const startedAt = performance.now();
      const result = await api.endToEnd(file, dbName, Comlink.proxy(showProgress));
      const pageMs = performance.now() - startedAt;
      const mainThread = stopObserving();
      const uaMemory = await memory.stop();
      return { result, pageMs, mainThread, uaMemory };
    }),
  engineSeed: (events, dbName, now, seed) => withEngineWorker((api) => api.seed(events, dbName, now, seed)),
  engineMeasure: (events, dbName, options) => withEngineWorker((api) => api.measure(events, dbName, options)),
};
status.textContent = 'ready';

/**
 * `npm run soak [-- --quick] [-- --dist <folder>] [-- --hours <n>] [-- --scale <n>]`: compresses days of
 * unattended wall operation into minutes in headless Chromium and checks that nothing grows.
 *
 * It serves a built app (`--dist`, else $TIDEGATE_DIST, else dist/; built first when it has no
 * index.html) and a feed from a local server whose content changes while the wall runs (new
 * quiet rows, and now and then a burst of events at a new place: a new alert that interrupts the
 * cycle, and that ends a simulated day later as its burst ages on the soak's clock), opens
 * `?mode=wall&wallTest=<scale>` with a three-view playlist in its link — the test time scale runs
 * the cycle, alert holds, polls and staleness `scale` times faster — and forces WebGL context losses
 * on the map and the overlay. It samples the page's JS heap after a forced garbage collection (CDP
 * HeapProfiler.collectGarbage, then Performance.getMetrics), the DOM size and the board worker's
 * heap (CDP, attached to the worker target), each time with the wall whole (not in the seconds it
 * rebuilds its overlay after a forced loss). Growth compares the median of the last third of the
 * run with the median of the samples just after warm-up: the run's first third (24 of 72 simulated
 * hours, `--warmup <hours>` to change it), by which time the wall has shown each view dozens of
 * times, had alerts come and go, recovered context losses and compiled its hot code. Heap snapshots
 * at the start, after warm-up and at the end split the heap into compiled code (V8's, bounded by
 * the code that runs) and the rest, so growth during warm-up can be told apart from data kept. The
 * feed's bursts land at a bounded set of places (each taken over once its last alert is forgotten),
 * so the stored rows stay as many as on a real wall with a day or two of bursts: growth measures
 * what the wall keeps, not a dataset that grows by design. Context-loss recovery times are
 * the page's own (from the loss to the basemap drawn again, and to basemap and overlay both). The
 * machine's load average is recorded with the numbers: on a shared machine it explains them.
 * Prints a table and writes bench/results/soak.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../tests/e2e/support/launchChromium.ts';
import { serveStatic } from '../tests/e2e/support/serveStatic.ts';
import { wallPlaylistLink, writeWallFeed } from '../tests/e2e/support/wallFeed.ts';
import { defaultViewState } from '../src/view/ViewState.ts';

interface Options {
  quick: boolean;
  dist: string;
  hours: number;
  scale: number;
  warmupHours: number;
}

function readOptions(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  const number = (name: string, fallback: number): number => {
    const given = Number(value(name));
    return Number.isFinite(given) && given > 0 ? given : fallback;
  };
  const hours = number('--hours', quick ? 12 : 72);
  return {
    quick,
    dist: resolve(value('--dist') ?? process.env.TIDEGATE_DIST ?? 'dist'),
    hours,
    // 432: 72 h in 10 minutes.
    scale: number('--scale', 432),
    warmupHours: Math.min(number('--warmup', hours / 3), hours / 2),
  };
}

/** The board worker's CDP session (through the page's target auto-attach, not flattened). */
class WorkerProbe {
  private sessionId: string | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();

  constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (event) => {
      const { sessionId, targetInfo } = event as { sessionId: string; targetInfo: { type: string; url: string; title: string } };
      if (targetInfo.type === 'worker' && /boardWorker|tidegate-board/.test(`${targetInfo.url} ${targetInfo.title}`)) this.sessionId = sessionId;
    });
    cdp.on('Target.detachedFromTarget', (event) => {
      if ((event as { sessionId: string }).sessionId === this.sessionId) this.sessionId = null;
    });
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse((event as { message: string }).message) as { id?: number; result?: unknown };
      if (message.id !== undefined) this.pending.get(message.id)?.(message.result);
      if (message.id !== undefined) this.pending.delete(message.id);
    });
  }

  async attach(): Promise<void> {
    await this.cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  }

  private send(method: string, params: object = {}): Promise<unknown> {
    const sessionId = this.sessionId;
    if (sessionId === null) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolveResult) => {
      this.pending.set(id, resolveResult);
      void this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => resolveResult(null));
    });
  }

  /** The worker's used JS heap after a forced collection, bytes (null before the worker is attached). */
  async heapAfterGc(): Promise<number | null> {
    if (this.sessionId === null) return null;
    await this.send('HeapProfiler.enable');
    await this.send('HeapProfiler.collectGarbage');
    const usage = (await this.send('Runtime.getHeapUsage')) as { usedSize: number } | null;
    return usage?.usedSize ?? null;
  }
}

interface Sample {
  atSeconds: number;
  simulatedHours: number;
  heapMB: number;
  domNodes: number;
  workerHeapMB: number | null;
  shownChanges: number;
  interruptions: number;
  polls: number;
  contextLossesRecovered: number;
  /** The machine's one-minute load average then. */
  load1: number;
}

async function pageHeapAfterGc(cdp: CDPSession): Promise<{ heap: number; nodes: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? Number.NaN;
  return { heap: metric('JSHeapUsedSize'), nodes: metric('Nodes') };
}

/** The page's JS heap by kind, from a heap snapshot (which collects garbage first), MB. */
interface HeapComposition {
  /** V8's compiled code: bytecode, optimised code, inline caches, feedback (node type "code"). */
  codeMB: number;
  /** Everything else in the snapshot. */
  otherMB: number;
}

async function heapComposition(cdp: CDPSession): Promise<HeapComposition> {
  const chunks: string[] = [];
  const onChunk = (event: { chunk: string }) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const snapshot = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[] };
  const fields = snapshot.snapshot.meta.node_fields;
  const typeNames = snapshot.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  let code = 0;
  let other = 0;
  for (let node = 0; node < snapshot.nodes.length; node += fields.length) {
    const size = snapshot.nodes[node + sizeAt];
    if (typeNames[snapshot.nodes[node + typeAt]] === 'code') code += size;
    else other += size;
  }
  return { codeMB: mb(code), otherMB: mb(other) };
}

/** How long each playlist view stays on, simulated seconds. */
const CYCLE_SECONDS = 600;

/** How long a read of the page may wait: on a loaded shared machine a recovering wall can keep its main thread busy for tens of seconds. */
const READ_TIMEOUT_MS = 180_000;

async function wallNumber(page: Page, name: string): Promise<number> {
  return Number(await page.getAttribute('[data-testid="wall"]', name, { timeout: READ_TIMEOUT_MS }));
}

async function forceContextLoss(page: Page): Promise<void> {
  await page.evaluate(() => {
    const hooks = (window as unknown as { __tidegateWall: { canvases(): HTMLCanvasElement[] } }).__tidegateWall;
    for (const canvas of hooks.canvases()) {
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
      const lose = gl?.getExtension('WEBGL_lose_context');
      if (!lose) continue;
      canvas.addEventListener('webglcontextlost', () => setTimeout(() => lose.restoreContext(), 0), { once: true });
      lose.loseContext();
    }
  });
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor(sorted.length / 2)];
};
const mb = (bytes: number) => Math.round((bytes / 1_048_576) * 100) / 100;
const growth = (start: number, end: number) => Math.round(((end - start) / start) * 1000) / 10;

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  if (!existsSync(join(options.dist, 'index.html'))) {
    console.log(`No build in ${options.dist}: building it`);
    execFileSync('npx', ['vite', 'build', '--outDir', options.dist, '--emptyOutDir'], { stdio: 'inherit' });
  }
  const realSeconds = (options.hours * 3600) / options.scale;
  const feedPath = join(mkdtempSync(join(tmpdir(), 'tidegate-soak-')), 'soak-feed.csv');
  let spikes = 0;
  let version = 0;
  /** When each burst arrived, simulated ms since the soak began. */
  const burstBornAtMs: number[] = [];
  writeWallFeed(feedPath, Date.now(), spikes, version);
  const site = await serveStatic(options.dist, '/wall/', { '/feeds/soak.csv': feedPath });
  const browser = await launchChromium();
  const views = [
    { ...defaultViewState(), camera: null },
    { ...defaultViewState(), camera: { lon: 113.95, lat: 22.4, zoom: 9.2 } },
    { ...defaultViewState(), camera: { lon: 113.56, lat: 22.2, zoom: 10 }, layers: { ...defaultViewState().layers, heatmap: true, events: false } },
  ];
  // A view every 10 simulated minutes, an alert holds 5, a feed polled every 5.
  const { value } = await wallPlaylistLink(views, { cycleSeconds: CYCLE_SECONDS, alertHoldSeconds: 300, staleAfterMinutes: 60 });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const worker = new WorkerProbe(cdp);
  await worker.attach();
  await cdp.send('Performance.enable');
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  const samples: Sample[] = [];
  let forced = 0;
  const loadAtStart = loadavg().map((value) => Math.round(value * 100) / 100);
  try {
    const opened = Date.now();
    await page.goto(`${site.appUrl}?mode=wall&lang=en&wallTest=${options.scale}&playlist=${value}`, { timeout: 300_000 });
    await page.waitForSelector('[data-testid="wall"][data-status="ready"]:not([data-answer="none"]) [data-map-state="ready"]', { timeout: 300_000 });
    await page.evaluate(
      (url) => (window as unknown as { __tidegateWall: { addFeed(url: string, name: string, minutes: number): Promise<void> } }).__tidegateWall.addFeed(url, 'Soak feed', 5),
      `${site.origin}/feeds/soak.csv`,
    );
    await page.waitForSelector('[data-testid="wall"][data-demo="false"]', { timeout: 300_000 });
    console.log(`wall up in ${Math.round((Date.now() - opened) / 1000)} s; soaking ${options.hours} simulated hours in ${Math.round(realSeconds)} s (×${options.scale})`);

    const started = Date.now();
    const elapsed = () => (Date.now() - started) / 1000;
    const sampleEvery = Math.max(5, realSeconds / 40);
    const feedEvery = Math.max(3, realSeconds / 60);
    const lossEvery = Math.max(4, realSeconds / 30);
    let nextSample = 0;
    let nextFeed = feedEvery;
    let nextLoss = lossEvery / 2;
    // A burst every third feed version; a place is taken over once its last burst has left the
    // alerts' recent window (a simulated day) and been forgotten (6 h), with a margin: 36 h.
    const burstEveryHours = (3 * feedEvery * options.scale) / 3600;
    const burstPlaces = Math.max(2, Math.ceil(36 / burstEveryHours));
    const composition: { start?: HeapComposition; warm?: HeapComposition; end?: HeapComposition } = {};
    while (elapsed() < realSeconds) {
      const now = elapsed();
      if (now >= nextFeed) {
        nextFeed += feedEvery;
        version++;
        // New data every time; a burst at a new place (a new alert) every third time. Bursts age
        // on the simulated clock: each leaves the alerts' 24 h recent window a simulated day after
        // it arrived, so alerts come and go as on a real wall instead of piling up for 72 h.
        if (version % 3 === 0) {
          burstBornAtMs.push(now * options.scale * 1000);
          spikes++;
        }
        const simulatedNowMs = now * options.scale * 1000;
        writeWallFeed(feedPath, Date.now(), spikes, version, { ageMs: (spike) => simulatedNowMs - burstBornAtMs[spike], places: burstPlaces });
      }
      if (now >= nextLoss) {
        nextLoss += lossEvery;
        const recovered = await wallNumber(page, 'data-context-recoveries');
        if (recovered === forced) {
          forced++;
          await forceContextLoss(page);
        }
      }
      if (now >= nextSample) {
        nextSample += sampleEvery;
        await page.waitForSelector('[data-testid="wall"][data-graphics="ok"]', { timeout: READ_TIMEOUT_MS });
        const { heap, nodes } = await pageHeapAfterGc(cdp);
        const workerHeap = await worker.heapAfterGc();
        const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
        samples.push({
          atSeconds: Math.round(now),
          simulatedHours: Math.round(((now * options.scale) / 3600) * 10) / 10,
          heapMB: mb(heap),
          domNodes,
          workerHeapMB: workerHeap === null ? null : mb(workerHeap),
          shownChanges: await wallNumber(page, 'data-shown-changes'),
          interruptions: await wallNumber(page, 'data-interruptions'),
          polls: await wallNumber(page, 'data-polls'),
          contextLossesRecovered: await wallNumber(page, 'data-context-recoveries'),
          load1: Math.round(loadavg()[0] * 10) / 10,
        });
        void nodes;
        const simulatedHours = samples[samples.length - 1].simulatedHours;
        if (composition.start === undefined && samples.length >= 2) composition.start = await heapComposition(cdp);
        if (composition.warm === undefined && simulatedHours >= options.warmupHours) composition.warm = await heapComposition(cdp);
      }
      await page.waitForTimeout(250);
    }
    // The last forced loss gets the 5 s it is allowed.
    await page.waitForFunction((count) => Number(document.querySelector('[data-testid="wall"]')!.getAttribute('data-context-recoveries')) >= count, forced, { timeout: READ_TIMEOUT_MS }).catch(() => undefined);

    await page.waitForSelector('[data-testid="wall"][data-graphics="ok"]', { timeout: READ_TIMEOUT_MS });
    composition.end = await heapComposition(cdp);

    // The first sample is taken as the wall comes up; the second is where it starts running.
    const start = samples[Math.min(1, samples.length - 1)];
    // Just after warm-up: the samples of the next twelfth of the run (6 simulated hours of 72).
    const warmWindow = samples.filter((sample) => sample.simulatedHours >= options.warmupHours && sample.simulatedHours < options.warmupHours + options.hours / 12);
    const warmSamples = warmWindow.length > 0 ? warmWindow : samples.filter((sample) => sample.simulatedHours >= options.warmupHours).slice(0, 1);
    const lastThird = samples.slice(Math.floor((samples.length * 2) / 3));
    const heapWarm = median(warmSamples.map((sample) => sample.heapMB));
    const heapEnd = median(lastThird.map((sample) => sample.heapMB));
    const workerOf = (list: Sample[]) => median(list.filter((sample) => sample.workerHeapMB !== null).map((sample) => sample.workerHeapMB!));
    const workerWarm = workerOf(warmSamples);
    const workerEnd = workerOf(lastThird);
    const last = samples[samples.length - 1];
    const known = (value: number) => (Number.isNaN(value) ? null : value);
    // The cycle never stops: the longest stretch with no view or alert coming on. A page blocked
    // for a while (a context loss rebuilt on a software GPU under load takes seconds) is not a
    // stop; a cycle that stopped stays still until the end.
    let longestStillHours = 0;
    let stillSince = samples[0];
    for (const sample of samples) {
      if (sample.shownChanges !== stillSince.shownChanges || sample.interruptions !== stillSince.interruptions) stillSince = sample;
      longestStillHours = Math.max(longestStillHours, sample.simulatedHours - stillSince.simulatedHours);
    }
    // A minute of real time, or four views' time if that is longer.
    const stillLimitHours = Math.max((4 * CYCLE_SECONDS) / 3600, (60 * options.scale) / 3600);
    // Alerts keep coming and going to the end: bursts that arrive in the last third interrupt the
    // wall there too (an alert that never ages out keeps its place from ever being new again).
    const interruptionsInLastThird = last.interruptions - lastThird[0].interruptions;
    const result = {
      date: new Date().toISOString(),
      quick: options.quick,
      simulatedHours: Math.round(((elapsed() * options.scale) / 3600) * 10) / 10,
      realSeconds: Math.round(elapsed()),
      timeScale: options.scale,
      warmupHours: options.warmupHours,
      heapStartMB: start.heapMB,
      heapWarmMB: heapWarm,
      heapEndMB: heapEnd,
      heapGrowthPercent: growth(heapWarm, heapEnd),
      heapGrowthSinceStartPercent: growth(start.heapMB, heapEnd),
      heapCodeMB: { start: composition.start?.codeMB ?? null, warm: composition.warm?.codeMB ?? null, end: composition.end.codeMB },
      heapOtherThanCodeMB: { start: composition.start?.otherMB ?? null, warm: composition.warm?.otherMB ?? null, end: composition.end.otherMB },
      domNodesStart: start.domNodes,
      domNodesEnd: last.domNodes,
      workerHeapWarmMB: known(workerWarm),
      workerHeapEndMB: known(workerEnd),
      workerHeapGrowthPercent: Number.isNaN(workerWarm) || Number.isNaN(workerEnd) ? null : growth(workerWarm, workerEnd),
      burstPlaces,
      contextLossesForced: forced,
      contextLossesRecovered: await wallNumber(page, 'data-context-recoveries'),
      slowestBasemapRecoveryMs: await wallNumber(page, 'data-slowest-basemap-recovery-ms'),
      slowestRecoveryMs: await wallNumber(page, 'data-slowest-recovery-ms'),
      loadAverageStart: loadAtStart,
      loadAverageEnd: loadavg().map((value) => Math.round(value * 100) / 100),
      viewsShown: await wallNumber(page, 'data-shown-changes'),
      longestStillSimulatedHours: Math.round(longestStillHours * 10) / 10,
      interruptionsInLastThird,
      alertInterruptions: await wallNumber(page, 'data-interruptions'),
      feedPolls: await wallNumber(page, 'data-polls'),
      feedVersions: version,
      newPlacesWithBursts: spikes,
      alertWatchSize: await page.evaluate(() => (window as unknown as { __tidegateWall: { watchSize(): number } }).__tidegateWall.watchSize()),
      mapCanvases: await page.locator('[data-testid="map"] canvas').count(),
      pageErrors: pageErrors.slice(0, 10),
      samples,
    };
    console.table(samples.map(({ atSeconds, simulatedHours, heapMB, domNodes, workerHeapMB, shownChanges, interruptions, polls, contextLossesRecovered, load1 }) => ({ s: atSeconds, 'sim h': simulatedHours, 'heap MB': heapMB, 'DOM nodes': domNodes, 'worker MB': workerHeapMB, views: shownChanges, alerts: interruptions, polls, 'ctx ok': contextLossesRecovered, load: load1 })));
    const { samples: _samples, pageErrors: _errors, ...summary } = result;
    console.table(summary);
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/soak.json', JSON.stringify(result, null, 2) + '\n');
    console.log('wrote bench/results/soak.json');
    if (result.contextLossesRecovered < forced || longestStillHours > stillLimitHours || interruptionsInLastThird === 0) process.exitCode = 1;
  } finally {
    await context.close();
    await browser.close();
    await site.close();
  }
}

await main();

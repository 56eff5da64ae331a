import type { Browser, CDPSession } from 'playwright-core';

/** Peak V8 heap use of each worker seen while some work ran. */
export interface WorkerHeapPeaks {
  available: boolean;
  note: string;
  /** Sampling rounds completed. */
  rounds: number;
  /**
   * One entry per worker: its name (or script URL), the highest `usedSize` seen (the V8 heap) and
   * the highest `usedSize + backingStorageSize` (the heap plus ArrayBuffer contents, which live
   * outside it), bytes; the second is null where Chromium does not report backing storage.
   */
  peaks: { worker: string; peakUsedBytes: number; peakWithBuffersBytes: number | null }[];
}

interface AttachedWorker {
  name: string;
  sessionId: string;
}

/**
 * Runs `work` while sampling the JS heap of every worker in the browser, nested workers included,
 * every `intervalMs`: Chromium's DevTools protocol, attached per worker target, answers
 * `Runtime.getHeapUsage` (workers expose no `performance.memory`, and
 * `measureUserAgentSpecificMemory` answers too lazily to catch a peak).
 */
export async function sampleWorkerHeaps<T>(browser: Browser, intervalMs: number, work: () => Promise<T>): Promise<{ result: T; heaps: WorkerHeapPeaks }> {
  let cdp: CDPSession;
  try {
    cdp = await browser.newBrowserCDPSession();
  } catch (error) {
    const result = await work();
    return { result, heaps: { available: false, note: `no DevTools session: ${String(error)}`, rounds: 0, peaks: [] } };
  }
  const attached = new Map<string, AttachedWorker>();
  const answers = new Map<number, (result: unknown) => void>();
  const peaks = new Map<string, number>();
  const peaksWithBuffers = new Map<string, number>();
  let nextId = 1;
  let rounds = 0;
  let running = true;
  cdp.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown };
    if (message.id === undefined) return;
    answers.get(message.id)?.(message.result ?? null);
    answers.delete(message.id);
  });

  const ask = async (worker: AttachedWorker): Promise<void> => {
    const id = nextId++;
    const answered = new Promise<unknown>((resolve) => answers.set(id, resolve));
    await cdp.send('Target.sendMessageToTarget', { sessionId: worker.sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) });
    const result = (await Promise.race([answered, new Promise((resolve) => setTimeout(() => resolve(null), 2_000))])) as {
      usedSize?: number;
      backingStorageSize?: number;
    } | null;
    answers.delete(id);
    if (typeof result?.usedSize !== 'number') return;
    peaks.set(worker.name, Math.max(peaks.get(worker.name) ?? 0, result.usedSize));
    if (typeof result.backingStorageSize === 'number') {
      peaksWithBuffers.set(worker.name, Math.max(peaksWithBuffers.get(worker.name) ?? 0, result.usedSize + result.backingStorageSize));
    }
  };

  const sampling = (async () => {
    while (running) {
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; title: string; url: string }[] };
      for (const target of targetInfos) {
        if (target.type !== 'worker' || attached.has(target.targetId)) continue;
        try {
          const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
          attached.set(target.targetId, { name: target.title || target.url, sessionId });
        } catch {
          // The worker ended between listing and attaching.
        }
      }
      await Promise.all(
        [...attached].map(([targetId, worker]) =>
          ask(worker).catch(() => {
            attached.delete(targetId);
          }),
        ),
      );
      rounds++;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();

  try {
    const result = await work();
    return {
      result,
      heaps: {
        available: true,
        note: `Runtime.getHeapUsage of every worker every ${intervalMs} ms`,
        rounds,
        peaks: [...peaks].map(([worker, peakUsedBytes]) => ({ worker, peakUsedBytes, peakWithBuffersBytes: peaksWithBuffers.get(worker) ?? null })),
      },
    };
  } finally {
    running = false;
    await sampling.catch(() => undefined);
    await cdp.detach().catch(() => undefined);
  }
}

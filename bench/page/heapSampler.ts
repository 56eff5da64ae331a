import type { HeapSamples } from './benchTypes.ts';

interface MemoryInfo {
  usedJSHeapSize: number;
}

function heapInfo(): MemoryInfo | undefined {
  return (performance as Performance & { memory?: MemoryInfo }).memory;
}

/**
 * Samples `performance.memory.usedJSHeapSize` (Chromium only, and coarse unless the browser runs
 * with precise memory info) on a timer and whenever `sample()` is called from the hot loop.
 */
export class HeapSampler {
  private peak = 0;
  private start: number | null = null;
  private count = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  begin(intervalMs = 50): void {
    const info = heapInfo();
    if (!info) return;
    this.start = info.usedJSHeapSize;
    this.peak = info.usedJSHeapSize;
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  sample(): void {
    const info = heapInfo();
    if (!info) return;
    this.count++;
    if (info.usedJSHeapSize > this.peak) this.peak = info.usedJSHeapSize;
  }

  end(): HeapSamples {
    if (this.timer !== null) clearInterval(this.timer);
    this.sample();
    const available = heapInfo() !== undefined;
    return {
      available,
      peakUsedBytes: available ? this.peak : null,
      startUsedBytes: this.start,
      samples: this.count,
      note: available
        ? 'performance.memory.usedJSHeapSize in the import worker, sampled every 50 ms and on each progress callback (Chromium quantises it without --enable-precise-memory-info)'
        : 'performance.memory is not exposed in this worker',
    };
  }
}

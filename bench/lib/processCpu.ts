/**
 * CPU seconds Chromium's processes have used so far, read through the browser's DevTools
 * protocol (SystemInfo.getProcessInfo), and on Linux the page's threads from /proc. Stage D splits
 * what an update costs between the page (renderer processes: its main thread, the data worker,
 * compositing and raster of the DOM) and the GPU process, which on a machine without a GPU is
 * SwiftShader drawing and reading back every WebGL frame: "measure CPU work, not GPU fps" needs
 * the two apart, and the page's threads apart because they run side by side.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, CDPSession } from 'playwright-core';

/** CPU seconds by kind of process (and the page's main thread and workers) at one instant. */
export interface ProcessCpu {
  renderer: number;
  gpu: number;
  /** The renderers' main threads and their dedicated workers (NaN where /proc cannot be read). */
  main: number;
  workers: number;
}

/** What one update cost, in CPU ms. */
export interface UpdateCost {
  pageMs: number;
  gpuMs: number;
  mainMs: number;
  workersMs: number;
}

interface ProcessInfo {
  processInfo: { type: string; id: number; cpuTime: number }[];
}

/** User + system CPU seconds of one thread, from its /proc stat line (the name may hold spaces and parentheses). */
export function threadSeconds(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The main thread's and the dedicated workers' CPU seconds of the processes `pids`. */
function pageThreads(pids: number[]): { main: number; workers: number } {
  let main = 0;
  let workers = 0;
  try {
    for (const pid of pids) {
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (Number(tid) === pid) main += threadSeconds(stat);
        else if (name.startsWith('DedicatedWorker')) workers += threadSeconds(stat);
      }
    }
  } catch {
    return { main: Number.NaN, workers: Number.NaN };
  }
  return { main, workers };
}

/** Reads the CPU time of every renderer and of the GPU process. */
export class ProcessCpuReader {
  private constructor(private readonly session: CDPSession) {}

  static async open(browser: Browser): Promise<ProcessCpuReader> {
    return new ProcessCpuReader(await browser.newBrowserCDPSession());
  }

  async read(): Promise<ProcessCpu> {
    // The protocol's typings in playwright-core do not list the SystemInfo domain.
    const { processInfo } = (await this.session.send('SystemInfo.getProcessInfo' as never)) as unknown as ProcessInfo;
    const renderers = processInfo.filter((entry) => entry.type === 'renderer');
    const sum = (entries: typeof processInfo) => entries.reduce((total, entry) => total + entry.cpuTime, 0);
    return { renderer: sum(renderers), gpu: sum(processInfo.filter((entry) => entry.type === 'GPU')), ...pageThreads(renderers.map((entry) => entry.id)) };
  }

  async close(): Promise<void> {
    await this.session.detach().catch(() => undefined);
  }
}

/** CPU ms per update between two readings. */
export function cpuPerUpdate(before: ProcessCpu, after: ProcessCpu, updates: number): UpdateCost {
  const per = (key: keyof ProcessCpu) => (updates > 0 ? ((after[key] - before[key]) * 1000) / updates : Number.NaN);
  return { pageMs: per('renderer'), gpuMs: per('gpu'), mainMs: per('main'), workersMs: per('workers') };
}

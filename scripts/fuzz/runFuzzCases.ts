import { getHeapStatistics } from 'node:v8';
import { SeededRandom } from '../../src/demo/seededRandom.ts';
import { FuzzCheckError, type FailureKind, type FuzzInput, type FuzzRunResult, type FuzzTarget } from './FuzzTarget.ts';

/** One failed case: enough to reproduce it (`--format`, `--seed`, `--case`). */
export interface FuzzFailure {
  target: string;
  seed: number;
  index: number;
  kind: FailureKind;
  message: string;
}

/** A case kept for the command-line check, with what the in-process run made of it. */
export interface FuzzSample {
  index: number;
  input: FuzzInput;
  result: FuzzRunResult;
}

/** What a run of cases of one target found. */
export interface FuzzStats {
  target: string;
  cases: number;
  /** Files read (a report) and refused (FeedReadError). */
  read: number;
  refused: number;
  /** Refusals by FeedReadError code. */
  refusedBy: Record<string, number>;
  rowsIn: number;
  failures: FuzzFailure[];
  slowestMs: number;
  slowestIndex: number;
  /** Largest V8 heap in use after a case, in bytes. */
  peakHeapBytes: number;
}

/** Options of runFuzzCases(). */
export interface FuzzRunOptions {
  target: FuzzTarget;
  seed: number;
  /** Case indexes [from, to). */
  from: number;
  to: number;
  /** A case that takes longer is a `hang` failure (a case that never ends is the watchdog's). */
  timeLimitMs: number;
  /** Cases not to run (they hung or killed a worker before); they count as run. */
  skip?: ReadonlySet<number>;
  /** Called as each case starts (the worker's heartbeat). */
  onCaseStart?: (index: number) => void;
  /** Keeps every `sampleEvery`-th case for the command-line check (0: none). */
  sampleEvery?: number;
}

/** FNV-1a of a text, 32 bits. */
function hash32(text: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The random stream of one case, from the run's seed, the target and the case index alone. */
export function caseRandom(seed: number, target: string, index: number): SeededRandom {
  const key = `${seed}/${target}/${index}`;
  return new SeededRandom(hash32(key, 0x811c9dc5) + (hash32(key, 0x01234567) & 0x1fffff) * 4_294_967_296);
}

/** The failure an error stands for: a failed check, or a crash. */
export function failureOf(error: unknown, target: string, seed: number, index: number): FuzzFailure {
  const kind: FailureKind = error instanceof FuzzCheckError ? error.kind : 'crash';
  const message = error instanceof Error ? `${error.name}: ${error.message}${kind === 'crash' && error.stack ? `\n${error.stack.split('\n').slice(1, 6).join('\n')}` : ''}` : String(error);
  return { target, seed, index, kind, message };
}

/**
 * Generates and runs cases [from, to) of one target in this thread: every throw other than a
 * failed check is a crash, a case over the time limit a hang. Returns the tally, the failures and
 * the samples kept for the command-line check.
 */
export async function runFuzzCases(options: FuzzRunOptions): Promise<{ stats: FuzzStats; samples: FuzzSample[] }> {
  const { target, seed, from, to, timeLimitMs, sampleEvery = 0 } = options;
  const stats: FuzzStats = { target: target.name, cases: 0, read: 0, refused: 0, refusedBy: {}, rowsIn: 0, failures: [], slowestMs: 0, slowestIndex: -1, peakHeapBytes: 0 };
  const samples: FuzzSample[] = [];
  for (let index = from; index < to; index++) {
    if (options.skip?.has(index) === true) continue;
    options.onCaseStart?.(index);
    const started = performance.now();
    try {
      const input = target.generate(caseRandom(seed, target.name, index));
      const result = await target.run(input);
      if (result.read) {
        stats.read++;
        stats.rowsIn += result.rowsIn;
      } else {
        stats.refused++;
        stats.refusedBy[result.code] = (stats.refusedBy[result.code] ?? 0) + 1;
      }
      if (sampleEvery > 0 && index % sampleEvery === 0) samples.push({ index, input, result });
    } catch (error) {
      stats.failures.push(failureOf(error, target.name, seed, index));
    }
    const ms = performance.now() - started;
    if (ms > stats.slowestMs) {
      stats.slowestMs = ms;
      stats.slowestIndex = index;
    }
    if (ms > timeLimitMs) stats.failures.push({ target: target.name, seed, index, kind: 'hang', message: `took ${Math.round(ms)} ms, over the limit of ${timeLimitMs} ms` });
    stats.cases++;
    const heap = getHeapStatistics().used_heap_size;
    if (heap > stats.peakHeapBytes) stats.peakHeapBytes = heap;
  }
  return { stats, samples };
}

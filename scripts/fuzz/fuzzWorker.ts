/**
 * Worker entry of `npm run fuzz`: runs cases [from, to) of one target in blocks and posts each
 * block's tally as it ends. Before each case it writes the case index into the shared heartbeat,
 * so the main thread can tell a case that never ends, or the case running when the worker died.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { fuzzTargetNamed } from './fuzzTargets.ts';
import { runFuzzCases, type FuzzSample, type FuzzStats } from './runFuzzCases.ts';

/** What the main thread hands the worker. */
export interface FuzzWorkerData {
  target: string;
  seed: number;
  from: number;
  to: number;
  /** Cases not to run again: they hung or killed an earlier worker. */
  skip: number[];
  timeLimitMs: number;
  sampleEvery: number;
  /** Int32Array over it: [0] the case running now. */
  heartbeat: SharedArrayBuffer;
}

/** One block's results, posted as the block ends; `to` is the end of the block. */
export interface FuzzWorkerBlock {
  to: number;
  stats: FuzzStats;
  samples: FuzzSample[];
}

/** Cases per posted block: what is lost, and run again, when a worker dies. */
const BLOCK_CASES = 500;

const data = workerData as FuzzWorkerData;
const target = fuzzTargetNamed(data.target);
if (target === undefined) throw new Error(`unknown fuzz target ${data.target}`);
const heartbeat = new Int32Array(data.heartbeat);
const skip = new Set(data.skip);
for (let from = data.from; from < data.to; from += BLOCK_CASES) {
  const to = Math.min(from + BLOCK_CASES, data.to);
  const { stats, samples } = await runFuzzCases({
    target,
    seed: data.seed,
    from,
    to,
    skip,
    timeLimitMs: data.timeLimitMs,
    sampleEvery: data.sampleEvery,
    onCaseStart: (index) => Atomics.store(heartbeat, 0, index),
  });
  const block: FuzzWorkerBlock = { to, stats, samples };
  parentPort?.postMessage(block);
}

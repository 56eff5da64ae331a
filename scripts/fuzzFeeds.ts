/**
 * `npm run fuzz [-- --cases N] [--seed S] [--format csv,ndjson,geojson] [--time-limit-ms T]
 *  [--cli-sample K] [--case I --format F [--dump DIR]]`
 *
 * Seeded, structure-aware fuzzing of every input format (scripts/fuzz/fuzzTargets.ts): N cases per
 * format (default 100,000) run through the command line's own import path in a worker thread,
 * checking that nothing but a refusal escapes, that no case hangs (per-case time limit; a worker
 * stuck past it is terminated), that memory stays bounded (the worker's heap is capped; the peaks
 * are reported), the count rule of every report and the contract's guarantees on every record. K
 * cases per format (default 100) also go through the real `tidegate validate` process. Prints a
 * summary table and every failure with the command that reproduces it; exits 1 on any failure.
 * `--case I` runs one case in this process (and `--dump DIR` writes its input there).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkCliSample, type CliSampleCase } from './fuzz/checkCliSample.ts';
import { FAILURE_KINDS, type FailureKind } from './fuzz/FuzzTarget.ts';
import { FUZZ_TARGETS, fuzzTargetNamed } from './fuzz/fuzzTargets.ts';
import type { FuzzWorkerBlock, FuzzWorkerData } from './fuzz/fuzzWorker.ts';
import { caseRandom, failureOf, type FuzzFailure, type FuzzStats } from './fuzz/runFuzzCases.ts';

interface Options {
  cases: number;
  seed: number;
  formats: string[];
  timeLimitMs: number;
  cliSample: number;
  single: number | null;
  dump: string | null;
}

/** Old-generation heap of a fuzz worker: a case that needs more is a `memory` failure. */
const WORKER_HEAP_MB = 1024;

function usage(message: string): never {
  process.stderr.write(`fuzz: ${message}\nusage: npm run fuzz -- [--cases N] [--seed S] [--format csv,ndjson,geojson] [--time-limit-ms T] [--cli-sample K] [--case I --format F [--dump DIR]]\n`);
  process.exit(2);
}

function parseOptions(args: readonly string[]): Options {
  const options: Options = { cases: 100_000, seed: 1, formats: FUZZ_TARGETS.map((t) => t.name), timeLimitMs: 10_000, cliSample: 100, single: null, dump: null };
  const integer = (value: string | undefined, flag: string, min: number) => {
    const n = Number(value);
    if (value === undefined || !Number.isSafeInteger(n) || n < min) usage(`${flag} needs an integer ≥ ${min}`);
    return n;
  };
  for (let k = 0; k < args.length; k++) {
    const flag = args[k];
    const value = args[k + 1];
    k++;
    if (flag === '--cases') options.cases = integer(value, flag, 1);
    else if (flag === '--seed') options.seed = integer(value, flag, 0);
    else if (flag === '--time-limit-ms') options.timeLimitMs = integer(value, flag, 1);
    else if (flag === '--cli-sample') options.cliSample = integer(value, flag, 0);
    else if (flag === '--case') options.single = integer(value, flag, 0);
    else if (flag === '--dump' && value !== undefined) options.dump = value;
    else if (flag === '--format' && value !== undefined) options.formats = value.split(',');
    else usage(`unknown option ${flag}`);
  }
  for (const name of options.formats) if (fuzzTargetNamed(name) === undefined) usage(`unknown format ${name} (${FUZZ_TARGETS.map((t) => t.name).join(', ')})`);
  if (options.single !== null && options.formats.length !== 1) usage('--case needs one --format');
  return options;
}

function emptyStats(target: string): FuzzStats {
  return { target, cases: 0, read: 0, refused: 0, refusedBy: {}, rowsIn: 0, failures: [], slowestMs: 0, slowestIndex: -1, peakHeapBytes: 0 };
}

function merge(into: FuzzStats, from: FuzzStats): void {
  into.cases += from.cases;
  into.read += from.read;
  into.refused += from.refused;
  for (const [code, n] of Object.entries(from.refusedBy)) into.refusedBy[code] = (into.refusedBy[code] ?? 0) + n;
  into.rowsIn += from.rowsIn;
  for (const failure of from.failures) into.failures.push(failure);
  if (from.slowestMs > into.slowestMs) {
    into.slowestMs = from.slowestMs;
    into.slowestIndex = from.slowestIndex;
  }
  into.peakHeapBytes = Math.max(into.peakHeapBytes, from.peakHeapBytes);
}

/** A worker running fuzzWorker.ts through tsx (a worker does not inherit the parent's loader). */
function startWorker(data: FuzzWorkerData): Worker {
  const loader = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./fuzz/fuzzWorker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(loader)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData: data, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
}

/**
 * Runs cases [0, cases) of one target in workers: a worker that dies or is stuck past the time
 * limit is replaced, its current case recorded as a failure and skipped, and the block it had not
 * reported run again.
 */
async function fuzzTarget(name: string, options: Options, samples: CliSampleCase[]): Promise<FuzzStats> {
  const total = emptyStats(name);
  const skip: number[] = [];
  const sampleEvery = options.cliSample > 0 ? Math.max(1, Math.floor(options.cases / options.cliSample)) : 0;
  let from = 0;
  let lastReport = performance.now();
  while (from < options.cases) {
    const heartbeat = new SharedArrayBuffer(4);
    const beat = new Int32Array(heartbeat);
    beat[0] = -1;
    const worker = startWorker({ target: name, seed: options.seed, from, to: options.cases, skip, timeLimitMs: options.timeLimitMs, sampleEvery, heartbeat });
    const outcome = await new Promise<{ kind: FailureKind; message: string } | null>((resolve) => {
      let seen = -1;
      let seenAt = performance.now();
      const watchdog = setInterval(() => {
        const now = performance.now();
        const current = Atomics.load(beat, 0);
        if (current !== seen) {
          seen = current;
          seenAt = now;
        } else if (current >= 0 && now - seenAt > 2 * options.timeLimitMs + 1000) {
          clearInterval(watchdog);
          void worker.terminate();
          resolve({ kind: 'hang', message: `still running after ${Math.round(now - seenAt)} ms; the worker was terminated` });
        }
      }, 250);
      worker.on('message', (block: FuzzWorkerBlock) => {
        merge(total, block.stats);
        for (const sample of block.samples) samples.push({ target: name, seed: options.seed, sample });
        from = block.to;
        if (performance.now() - lastReport > 30_000) {
          lastReport = performance.now();
          process.stderr.write(`  ${name}: ${from.toLocaleString('en')} of ${options.cases.toLocaleString('en')} cases\n`);
        }
      });
      worker.on('error', (error: Error & { code?: string }) => {
        clearInterval(watchdog);
        const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
        resolve({ kind: memory ? 'memory' : 'crash', message: `${memory ? `the worker ran out of its ${WORKER_HEAP_MB} MB heap` : 'the worker died'}: ${error.message}` });
      });
      worker.on('exit', () => {
        clearInterval(watchdog);
        resolve(null);
      });
    });
    if (outcome === null) continue;
    const index = Atomics.load(beat, 0);
    if (index < 0) throw new Error(`fuzz worker for ${name} failed before its first case: ${outcome.message}`);
    total.failures.push({ target: name, seed: options.seed, index, ...outcome });
    total.cases++;
    skip.push(index);
  }
  return total;
}

function table(rows: readonly string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

async function runOne(options: Options): Promise<number> {
  const name = options.formats[0];
  const target = fuzzTargetNamed(name)!;
  const index = options.single as number;
  const input = target.generate(caseRandom(options.seed, name, index));
  process.stdout.write(`${name} case ${index} (seed ${options.seed}): ${input.fileName}, ${input.bytes.length} bytes, pushed in ${input.chunkBytes || 'one'} ${input.chunkBytes ? 'byte pieces' : 'piece'}\n`);
  if (options.dump !== null) {
    mkdirSync(options.dump, { recursive: true });
    const file = join(options.dump, `${name}-${options.seed}-${index}-${input.fileName}`);
    writeFileSync(file, input.bytes);
    process.stdout.write(`written to ${file}\n`);
  }
  const started = performance.now();
  try {
    const result = await target.run(input);
    process.stdout.write(`${JSON.stringify(result)} in ${Math.round(performance.now() - started)} ms\n`);
    return 0;
  } catch (error) {
    const failure = failureOf(error, name, options.seed, index);
    process.stdout.write(`FAILED (${failure.kind}): ${failure.message}\n`);
    return 1;
  }
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (options.single !== null) return runOne(options);
  process.stderr.write(`Fuzzing ${options.formats.join(', ')}: ${options.cases.toLocaleString('en')} cases each, seed ${options.seed}, time limit ${options.timeLimitMs} ms per case\n`);
  const results: { stats: FuzzStats; ms: number }[] = [];
  const samples: CliSampleCase[] = [];
  for (const name of options.formats) {
    const started = performance.now();
    const stats = await fuzzTarget(name, options, samples);
    results.push({ stats, ms: performance.now() - started });
  }
  let cliFailures: FuzzFailure[] = [];
  if (samples.length > 0) {
    process.stderr.write(`Running ${samples.length} sampled cases through tidegate validate…\n`);
    cliFailures = await checkCliSample(samples);
    for (const failure of cliFailures) results.find((r) => r.stats.target === failure.target)?.stats.failures.push(failure);
  }
  const rows = [['format', 'cases', 'read', 'refused', 'rows in', ...FAILURE_KINDS, 'time', 'slowest case', 'peak heap']];
  for (const { stats, ms } of results) {
    const count = (kind: string) => String(stats.failures.filter((f) => f.kind === kind).length);
    rows.push([
      stats.target,
      stats.cases.toLocaleString('en'),
      stats.read.toLocaleString('en'),
      stats.refused.toLocaleString('en'),
      stats.rowsIn.toLocaleString('en'),
      ...FAILURE_KINDS.map(count),
      `${(ms / 1000).toFixed(1)} s`,
      `${Math.round(stats.slowestMs)} ms (#${stats.slowestIndex})`,
      `${Math.round(stats.peakHeapBytes / 1048576)} MiB`,
    ]);
  }
  const cliCases = samples.length;
  process.stdout.write(`${table(rows)}\n`);
  for (const { stats } of results) {
    const codes = Object.entries(stats.refusedBy).sort((a, b) => b[1] - a[1]);
    process.stdout.write(`${stats.target} refusals: ${codes.map(([code, n]) => `${code} ${n.toLocaleString('en')}`).join(', ') || 'none'}\n`);
  }
  process.stdout.write(`CLI sample: ${cliCases} cases through tidegate validate, ${cliFailures.length} disagreeing. Peak RSS of this process (workers included): ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB.\n`);
  const failures = results.flatMap((r) => r.stats.failures);
  for (const failure of failures.slice(0, 30)) {
    process.stdout.write(`\n${failure.kind} in ${failure.target} case ${failure.index}: ${failure.message}\n  reproduce: npm run fuzz -- --format ${failure.target} --seed ${failure.seed} --case ${failure.index} --dump /tmp/fuzz\n`);
  }
  if (failures.length > 30) process.stdout.write(`\n… and ${failures.length - 30} more failures\n`);
  process.stdout.write(failures.length === 0 ? '\nNo failures.\n' : `\n${failures.length} failures.\n`);
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = await main();

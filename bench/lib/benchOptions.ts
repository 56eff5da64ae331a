/** Options of `npm run bench`, from flags (after `--`) or environment variables. */
export interface BenchOptions {
  quick: boolean;
  /** Rows of the generated CSV feed for the import bench. */
  rows: number;
  /** Event counts of the engine bench. */
  sizes: number[];
  seed: number;
  /** End of the generated data, epoch ms (fixed so runs compare). */
  now: number;
  reaggregationRuns: number;
  warmups: number;
  duckdbRuns: number;
  /** Timed end-to-end imports (A5); the table shows their median. */
  endToEndRuns: number;
  runImport: boolean;
  runEngine: boolean;
  runApp: boolean;
  /** Stage D: the board's own numbers through the built app (issue 13). */
  runBoardUi: boolean;
  /** Stage E: export and import of a bundle of `rows` demo events, in Node (bench/lib/measureBundles.ts). */
  runBundle: boolean;
  /** Samples per median in stage D. */
  boardRuns: number;
  keepFeed: boolean;
  /** Upper bound for one stage in the browser before it is recorded as failed. */
  stageTimeoutMs: number;
}

export const BENCH_USAGE = `npm run bench [-- options]

  --quick            small smoke run (50k-row feed, engine at 10k and 100k events)
  --rows N           rows of the CSV feed for the import bench (default 1000000; env BENCH_ROWS)
  --sizes a,b,c      engine sizes in events (default 10000,100000,1000000; env BENCH_SIZES)
  --seed N           demo generator seed (default 20260301)
  --duckdb-runs N    timed DuckDB queries per size (default 15; 0 skips DuckDB)
  --e2e-runs N       timed end-to-end imports, reported as their median (default 3, 1 with --quick)
  --board-runs N     samples per median of the board UI stage (default 5, 3 with --quick)
  --only import|engine|board-ui|bundle
                     board-ui: only stage D, the board's numbers through the built app;
                     bundle: only stage E, bundle export and import of --rows events in Node (env BENCH_ONLY)
  --no-app           skip the long-task check through the real app (dist/)
  --keep-feed        keep the generated CSV in the temp folder
  --help`;

function positiveInteger(name: string, text: string): number {
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${text}"`);
  return value;
}

/** Parses argv (without node and script) and the environment. */
export function parseBenchOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions | 'help' {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}"\n\n${BENCH_USAGE}`);
    const [name, inline] = arg.slice(2).split('=', 2);
    const takesValue = ['rows', 'sizes', 'seed', 'duckdb-runs', 'e2e-runs', 'only', 'board-runs'].includes(name);
    if (takesValue) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value`);
      flags.set(name, value);
    } else if (['quick', 'no-app', 'keep-feed', 'help', 'no-duckdb'].includes(name)) {
      flags.set(name, true);
    } else {
      throw new Error(`Unknown option --${name}\n\n${BENCH_USAGE}`);
    }
  }
  if (flags.has('help')) return 'help';
  const text = (name: string, envName: string): string | undefined => {
    const flag = flags.get(name);
    return typeof flag === 'string' ? flag : env[envName] || undefined;
  };
  const quick = flags.has('quick') || env.BENCH_QUICK === '1';
  const rowsText = text('rows', 'BENCH_ROWS');
  const sizesText = text('sizes', 'BENCH_SIZES');
  const only = text('only', 'BENCH_ONLY');
  if (only !== undefined && only !== 'import' && only !== 'engine' && only !== 'board-ui' && only !== 'bundle') throw new Error(`--only must be import, engine, board-ui or bundle, got "${only}"`);
  const boardRunsText = text('board-runs', 'BENCH_BOARD_RUNS');
  const boardRuns = boardRunsText ? positiveInteger('--board-runs', boardRunsText) : quick ? 3 : 5;
  if (boardRuns < 1) throw new Error('--board-runs must be at least 1');
  const duckText = text('duckdb-runs', 'BENCH_DUCKDB_RUNS');
  const e2eText = text('e2e-runs', 'BENCH_E2E_RUNS');
  const endToEndRuns = e2eText ? positiveInteger('--e2e-runs', e2eText) : quick ? 1 : 3;
  if (endToEndRuns < 1) throw new Error('--e2e-runs must be at least 1');
  const sizes = sizesText ? sizesText.split(',').map((s) => positiveInteger('--sizes', s.trim())) : quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
  if (sizes.some((size) => size < 1)) throw new Error('--sizes must be positive');
  return {
    quick,
    rows: rowsText ? positiveInteger('--rows', rowsText) : quick ? 50_000 : 1_000_000,
    sizes,
    seed: positiveInteger('--seed', text('seed', 'BENCH_SEED') ?? '20260301'),
    now: Date.UTC(2026, 2, 1, 0, 0, 0),
    reaggregationRuns: 30,
    warmups: 3,
    duckdbRuns: flags.has('no-duckdb') ? 0 : duckText ? positiveInteger('--duckdb-runs', duckText) : 15,
    endToEndRuns,
    runImport: only === undefined || only === 'import',
    runEngine: only === undefined || only === 'engine',
    runApp: !flags.has('no-app'),
    runBoardUi: (only === undefined && !flags.has('no-app')) || only === 'board-ui',
    runBundle: only === undefined || only === 'bundle',
    boardRuns,
    keepFeed: flags.has('keep-feed'),
    stageTimeoutMs: quick ? 120_000 : 300_000,
  };
}

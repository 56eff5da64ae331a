import type { CellResolver, ResolvedCells } from './CellResolver.ts';
import { computeCells } from './computeCells.ts';

/** Computes cells elsewhere (another thread); may take ownership of (transfer) the arrays it gets. */
export type RemoteCellCompute = (lon: Float64Array, lat: Float64Array) => Promise<ResolvedCells>;

/**
 * A CellResolver over a remote computation (the chunk worker): each request gets copies of the
 * positions, so the remote side may take them by transfer. Answers are checked; if the remote
 * side fails or answers nonsense, that request and every later one are computed in this thread
 * instead, so an import never stops or stores a wrong cell because a helper thread went away.
 */
export class RemoteCellResolver implements CellResolver {
  private remote: RemoteCellCompute | null;
  private failure: unknown = null;

  constructor(remote: RemoteCellCompute) {
    this.remote = remote;
  }

  /** The error that made this resolver fall back to computing in this thread, or null. */
  get fallbackReason(): unknown {
    return this.failure;
  }

  async resolve(lon: Float64Array, lat: Float64Array): Promise<ResolvedCells> {
    const remote = this.remote;
    if (remote !== null) {
      try {
        const cells = await remote(lon.slice(), lat.slice());
        if (isCellsOf(cells, lon.length)) return cells;
        throw new Error(`The chunk worker answered ${describe(cells)} for ${lon.length} positions`);
      } catch (error) {
        this.failure ??= error;
        this.remote = null;
      }
    }
    return computeCells(lon, lat);
  }
}

function isCellsOf(cells: unknown, rows: number): cells is ResolvedCells {
  if (typeof cells !== 'object' || cells === null) return false;
  const { high, low } = cells as Partial<ResolvedCells>;
  return high instanceof Uint32Array && low instanceof Uint32Array && high.length === rows && low.length === rows;
}

function describe(cells: unknown): string {
  if (typeof cells !== 'object' || cells === null) return String(cells);
  const { high, low } = cells as { high?: { length?: unknown }; low?: { length?: unknown } };
  return `cells of ${String(high?.length)} / ${String(low?.length)} rows`;
}

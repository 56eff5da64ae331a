/** Options of rankGroups. */
export interface RankOptions {
  /** First group index to rank; 1 skips a "none" group 0 (default 0). */
  first?: number;
  /** Rank groups with no events too (default false). */
  includeEmpty?: boolean;
  /** Tie order per group, ascending (default: the group index, which for cells is id order). */
  tieRank?: ArrayLike<number>;
}

/** Below this many groups a comparator sort is as quick as the native one below. */
const NATIVE_SORT_MIN = 64;

/** Group indexes ordered by score descending, ties by `tieRank` ascending. */
export function rankGroups(scores: Float64Array, counts: Uint32Array, options: RankOptions = {}): Uint32Array {
  const first = options.first ?? 0;
  const includeEmpty = options.includeEmpty ?? false;
  let size = 0;
  for (let g = first; g < scores.length; g++) if (includeEmpty || counts[g] > 0) size++;
  const order = new Uint32Array(size);
  let k = 0;
  for (let g = first; g < scores.length; g++) if (includeEmpty || counts[g] > 0) order[k++] = g;
  const tie = options.tieRank;
  if (tie === undefined && size >= NATIVE_SORT_MIN) {
    const ranked = rankByNativeSort(scores, order);
    if (ranked !== null) return ranked;
  }
  order.sort(
    tie === undefined
      ? (a, b) => scores[b] - scores[a] || a - b
      : (a, b) => scores[b] - scores[a] || tie[a] - tie[b],
  );
  return order;
}

/**
 * `groups` (ascending) ordered by score descending, ties by group index, without a comparator:
 * sorts the negated scores natively, then drops each group, in index order, into the next free
 * place of its score's run. Null when a score is NaN (the comparator sort then decides).
 */
function rankByNativeSort(scores: Float64Array, groups: Uint32Array): Uint32Array | null {
  const n = groups.length;
  const keys = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const score = scores[groups[k]];
    if (score !== score) return null;
    keys[k] = -score;
  }
  const sorted = keys.slice().sort();
  /** Per run start: how many of the run's places are taken. */
  const taken = new Uint32Array(n);
  const ranked = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const key = keys[k];
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    ranked[lo + taken[lo]++] = groups[k];
  }
  return ranked;
}

/** Rank of each string in ascending code-unit order, for tie-breaking by id. */
export function idRanks(ids: readonly string[]): Uint32Array {
  const order = ids.map((_, i) => i).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : a - b));
  const rank = new Uint32Array(ids.length);
  order.forEach((index, position) => (rank[index] = position));
  return rank;
}

/** Options of rankGroups. */
export interface RankOptions {
  /** First group index to rank; 1 skips a "none" group 0 (default 0). */
  first?: number;
  /** Rank groups with no events too (default false). */
  includeEmpty?: boolean;
  /** Tie order per group, ascending (default: the group index, which for cells is id order). */
  tieRank?: ArrayLike<number>;
}

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
  order.sort(
    tie === undefined
      ? (a, b) => scores[b] - scores[a] || a - b
      : (a, b) => scores[b] - scores[a] || tie[a] - tie[b],
  );
  return order;
}

/** Rank of each string in ascending code-unit order, for tie-breaking by id. */
export function idRanks(ids: readonly string[]): Uint32Array {
  const order = ids.map((_, i) => i).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : a - b));
  const rank = new Uint32Array(ids.length);
  order.forEach((index, position) => (rank[index] = position));
  return rank;
}

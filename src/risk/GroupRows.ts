/**
 * The rows of each group of a per-row group column (cells at one resolution, sites, channels), as
 * one flat list: group g's rows, ascending, are `rows[start[g] .. start[g + 1])`. Lets a question
 * about a few groups read only their rows.
 */
export interface GroupRows {
  start: Uint32Array;
  rows: Uint32Array;
}

/** Groups the rows of `groups` (a counting sort, so each group's rows stay ascending). */
export function buildGroupRows(groups: Uint16Array | Uint32Array, groupCount: number): GroupRows {
  const start = new Uint32Array(groupCount + 1);
  for (let i = 0; i < groups.length; i++) start[groups[i] + 1]++;
  for (let g = 0; g < groupCount; g++) start[g + 1] += start[g];
  const next = start.slice(0, groupCount);
  const rows = new Uint32Array(groups.length);
  for (let i = 0; i < groups.length; i++) rows[next[groups[i]]++] = i;
  return { start, rows };
}

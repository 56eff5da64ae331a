import { ImportConflictError } from './ImportConflictError.ts';
import type { PublishPlan } from './StoreBackend.ts';
import type { StoredMask } from './StoredMask.ts';

/**
 * The mask records a publish writes: a fresh mask for each new chunk and a copy of the existing
 * mask of each older chunk that lost rows, with this import's superseded rows set. Pure; the
 * existing masks are never mutated, so a failed commit leaves them as they were.
 *
 * @param existing the current mask of every superseded chunk that is not one of the plan's own.
 */
export function publishMasks(plan: PublishPlan, existing: ReadonlyMap<string, StoredMask | undefined>): StoredMask[] {
  const result = new Map<string, StoredMask>();
  for (const { id, rows } of plan.chunks) {
    result.set(id, { chunkId: id, rows, maskedRows: 0, mask: new Uint8Array(rows) });
  }
  for (const [chunkId, rows] of plan.superseded) {
    let target = result.get(chunkId);
    if (!target) {
      const current = existing.get(chunkId);
      if (!current) throw new ImportConflictError(`Chunk ${chunkId} superseded by import ${plan.importId} is gone`);
      target = { chunkId, rows: current.rows, maskedRows: current.maskedRows, mask: current.mask.slice() };
      result.set(chunkId, target);
    }
    for (const row of rows) {
      if (row >= target.rows) throw new ImportConflictError(`Row ${row} is outside chunk ${chunkId}`);
      if (target.mask[row] === 0) {
        target.mask[row] = 1;
        target.maskedRows++;
      }
    }
  }
  return [...result.values()];
}

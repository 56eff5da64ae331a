/**
 * What an incoming record does to the store:
 * - `accepted`: its key is new;
 * - `updated`: it replaces the stored version (newer `updated`, or the same `updated` with
 *   different content: the later import wins, so a feed can correct a record without bumping
 *   its version);
 * - `unchanged`: same version, same content; nothing is written;
 * - `stale`: older than the stored version; ignored.
 */
export type UpsertOutcome = 'accepted' | 'updated' | 'unchanged' | 'stale';

/**
 * Decides the outcome of a record with `version`/`hash` for a key whose current row has
 * `storedVersion`/`storedHash`.
 */
export function decideUpsert(storedVersion: number, storedHash: number, version: number, hash: number): UpsertOutcome {
  if (version > storedVersion) return 'updated';
  if (version < storedVersion) return 'stale';
  return hash === storedHash ? 'unchanged' : 'updated';
}

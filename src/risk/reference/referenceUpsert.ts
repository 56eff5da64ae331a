import type { FeedRecord } from '../../domain/FeedRecord.ts';

/** Whether two versions of a record carry exactly the same fields. */
function sameContent(a: FeedRecord, b: FeedRecord): boolean {
  const fields = Object.keys(a) as (keyof FeedRecord)[];
  if (fields.length !== Object.keys(b).length) return false;
  for (const field of fields) {
    const x = a[field];
    const y = b[field];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    } else if (!Object.is(x, y)) {
      return false;
    }
  }
  return true;
}

/**
 * The records a store holds after importing `imports` in order into an empty store, in the order
 * a table reads them (docs/feed-format.md, the upsert rule): records are keyed by (source, id); a
 * record with a new key is appended; a newer `updated` replaces the held version, and so does the
 * same `updated` with different content (the later import wins), the replacement being appended
 * at the end; the same version with the same content is unchanged, an older one stale.
 */
export function referenceUpsert(imports: readonly (readonly FeedRecord[])[]): FeedRecord[] {
  const slots: (FeedRecord | null)[] = [];
  const slotOfKey = new Map<string, Map<string, number>>();
  for (const records of imports) {
    for (const record of records) {
      let ids = slotOfKey.get(record.source);
      if (ids === undefined) {
        ids = new Map();
        slotOfKey.set(record.source, ids);
      }
      const held = ids.get(record.id);
      if (held !== undefined) {
        const current = slots[held]!;
        if (record.updated < current.updated) continue;
        if (record.updated === current.updated && sameContent(record, current)) continue;
        slots[held] = null;
      }
      ids.set(record.id, slots.length);
      slots.push(record);
    }
  }
  return slots.filter((record): record is FeedRecord => record !== null);
}

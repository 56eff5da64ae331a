import type { Transaction } from 'dexie';
import type { ImportEntry } from './ImportEntry.ts';
import type { FeedSubscription } from './FeedSubscription.ts';

/*
 * Every schema version ever shipped stays declared here, so a browser holding any older database
 * upgrades step by step. Dexie stores version N as native IndexedDB version N * 10.
 */

/** Table definitions of schema version 1. */
export const TIDEGATE_SCHEMA_V1 = {
  chunks: 'id, importId, status',
  masks: 'chunkId',
  imports: 'importId, status',
  feeds: 'url',
  settings: 'key',
} as const;

/**
 * Table definitions of schema version 2: saved `views`; imports indexed by `createdAt` (newest-first
 * history without loading every report); feeds indexed by `name`.
 */
export const TIDEGATE_SCHEMA_V2 = {
  chunks: 'id, importId, status',
  masks: 'chunkId',
  imports: 'importId, status, createdAt',
  feeds: 'url, name',
  settings: 'key',
  views: 'id, name',
} as const;

/** The newest schema version. */
export const TIDEGATE_SCHEMA_VERSION = 2;

/** An `imports` record as version 1 wrote it: no `createdAt`. */
export type ImportEntryV1 = Omit<ImportEntry, 'createdAt'>;

/** A `feeds` record as version 1 wrote it: no `enabled` flag. */
export type FeedSubscriptionV1 = Omit<FeedSubscription, 'enabled'>;

/** Creation time of an import from its id (ids start with the base-36 epoch ms), or null. */
function timeFromImportId(importId: string): number | null {
  const stamp = Number.parseInt(importId.split('-')[0], 36);
  return Number.isFinite(stamp) ? stamp : null;
}

/**
 * Data migration from version 1 to 2, run by Dexie inside the upgrade transaction: every import
 * gets `createdAt` (its report's start, else the time in its id, else 0) and every feed `enabled`.
 */
export async function upgradeToV2(transaction: Transaction): Promise<void> {
  await transaction
    .table('imports')
    .toCollection()
    .modify((entry: ImportEntryV1 & Partial<ImportEntry>) => {
      if (typeof entry.createdAt !== 'number') {
        entry.createdAt = entry.report?.startedAt ?? timeFromImportId(entry.importId) ?? 0;
      }
    });
  await transaction
    .table('feeds')
    .toCollection()
    .modify((feed: FeedSubscriptionV1 & Partial<FeedSubscription>) => {
      if (typeof feed.enabled !== 'boolean') feed.enabled = true;
    });
}

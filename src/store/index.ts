/**
 * The columnar event store: exact upserts by (source, id), atomic imports, IndexedDB and in-memory
 * backends with one shared classification logic.
 */
export { ChunkStagingQueue, DEFAULT_STAGING_DEPTH } from './ChunkStagingQueue.ts';
export { ColumnarEventStore, DEFAULT_COMPACTION_THRESHOLD, type ColumnarEventStoreOptions } from './ColumnarEventStore.ts';
export { compactChunk, type CompactedChunk } from './compactChunk.ts';
export { DexieEventStore, type DexieEventStoreOptions } from './DexieEventStore.ts';
export type { BeginImportOptions, CompactionResult, CompactOptions, EventStore } from './EventStore.ts';
export type { FeedSubscription } from './FeedSubscription.ts';
export { ImportConflictError } from './ImportConflictError.ts';
export type { ImportEntry, ImportStatus } from './ImportEntry.ts';
export { defaultImportLiveness, NO_LIVENESS, type ImportLiveness } from './ImportLiveness.ts';
export { importRecords, type ImportRecordsOptions } from './importRecords.ts';
export { ImportSession, type ImportMeta, type ImportSessionState, type UpsertCounts } from './ImportSession.ts';
export { isQuotaExceededError } from './isQuotaExceededError.ts';
export { KeyIndex, type KeyLocation } from './KeyIndex.ts';
export { MemoryEventStore, type MemoryEventStoreOptions } from './MemoryEventStore.ts';
export type { ParsedBatch } from './ParsedBatch.ts';
export { persistedChunk, persistedChunkTransferables, type PersistedChunk } from './PersistedChunk.ts';
export type { PublishedChunk } from './PublishedChunk.ts';
export { recordContentHash } from './recordContentHash.ts';
export { recordKey } from './recordKey.ts';
export { reportToCsv, type ReportCsvOptions } from './reportToCsv.ts';
export type { SavedView } from './SavedView.ts';
export type { SettingEntry } from './SettingEntry.ts';
export type { StagedChunkWriter } from './StagedChunkWriter.ts';
export type { StorageSummary } from './StorageSummary.ts';
export { StorageFullError } from './StorageFullError.ts';
export type { StoreFaults } from './StoreFaults.ts';
export { TIDEGATE_DATABASE_NAME, TidegateDatabase, type BlockedListener, type TidegateDatabaseOptions, type VersionChangeListener } from './TidegateDatabase.ts';
export { TIDEGATE_SCHEMA_VERSION } from './tidegateSchema.ts';
export { decideUpsert, type UpsertOutcome } from './UpsertOutcome.ts';
export { writeStagedChunk } from './writeStagedChunk.ts';

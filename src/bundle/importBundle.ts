import type { ImportReport } from '../domain/ImportReport.ts';
import type { EventStore } from '../store/EventStore.ts';
import { importRecords, type ImportRecordsOptions } from '../store/importRecords.ts';
import { bundleRecordsFor } from './bundleRecords.ts';
import type { BundleContents } from './readBundle.ts';

/**
 * Merges a verified bundle's events into `store` as one atomic import, through importRecords —
 * the upsert rules of every feed import, the same staging and publishing, cancellation that
 * leaves the store as it was. The report's format is `bundle`, its source null. Call it in the
 * store's import turn, as every import (ImportService.importBundle does).
 */
export function importBundle(store: EventStore, feedName: string, contents: Pick<BundleContents, 'chunks'>, options: ImportRecordsOptions = {}): Promise<ImportReport> {
  return importRecords(store, { feedName, source: null, format: 'bundle' }, bundleRecordsFor(contents), options);
}

import type { ImportReport } from '../domain/ImportReport.ts';

/**
 * Lifecycle of an import:
 * - `running`: chunks are being staged;
 * - `published`: committed, its report is stored;
 * - `failed`: stopped by an error (e.g. storage full); its staged chunks were deleted;
 * - `abandoned`: found still running when the database was opened (crash, closed tab) and cleaned up.
 *
 * A cancelled import leaves no entry at all.
 */
export type ImportStatus = 'running' | 'published' | 'failed' | 'abandoned';

/** One record of the `imports` table. */
export interface ImportEntry {
  importId: string;
  status: ImportStatus;
  /** Epoch ms when the import began. */
  createdAt: number;
  feedName: string;
  source: string | null;
  format: ImportReport['format'];
  /** Set once published. */
  report: ImportReport | null;
  /** Why a failed import failed. */
  error: string | null;
}

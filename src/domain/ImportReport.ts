/** Where a row sits in its file: a 1-based line (CSV, NDJSON) or a 0-based feature index (GeoJSON). */
export type RowLocation = { line: number } | { feature: number };

/** A row the import refused, with the field at fault and a human-readable reason. */
export interface RowRejection {
  location: RowLocation;
  /** Canonical field name (`id`, `time`, `lat`, …) or `row` when the row as a whole is bad. */
  field: string;
  reason: string;
}

/** A row that was accepted with a caveat, e.g. an unknown category kept as `other`. */
export interface RowWarning {
  location: RowLocation;
  field: string;
  message: string;
  /** The original value, preserved. */
  original: string;
}

/** Outcome counts of one import; rowsIn always equals the sum of the five outcomes. */
export interface ImportCounts {
  rowsIn: number;
  /** New keys. */
  accepted: number;
  /** Existing keys replaced by a newer version. */
  updated: number;
  /** Same key, same version, same content. */
  unchanged: number;
  /** Older version than the one stored: ignored. */
  stale: number;
  rejected: number;
  warnings: number;
}

/** The stored report of one file's import. */
export interface ImportReport {
  /** Unique id of the import. */
  importId: string;
  /** File name or URL. */
  feedName: string;
  /** Feed-level source, when the feed gave one. */
  source: string | null;
  /** The file's format; `bundle` for a briefing bundle merged into the store. */
  format: 'csv' | 'geojson' | 'ndjson' | 'bundle';
  /** Epoch ms when the import started and finished. */
  startedAt: number;
  finishedAt: number;
  counts: ImportCounts;
  rejections: RowRejection[];
  warnings: RowWarning[];
}

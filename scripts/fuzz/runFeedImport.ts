import { CATEGORY_KEYS } from '../../src/domain/categories.ts';
import type { FeedRecord } from '../../src/domain/FeedRecord.ts';
import type { ImportReport } from '../../src/domain/ImportReport.ts';
import { RECORD_KINDS } from '../../src/domain/recordKinds.ts';
import { TRANSPORT_MODES } from '../../src/domain/transportModes.ts';
import { createFeedParser } from '../../src/feeds/createFeedParser.ts';
import { detectFeedFormat } from '../../src/feeds/detectFeedFormat.ts';
import type { FeedBatch } from '../../src/feeds/FeedBatch.ts';
import { MAX_ROW_CHARS, MAX_WARNINGS_PER_FIELD } from '../../src/feeds/feedLimits.ts';
import { FeedReadError } from '../../src/feeds/FeedReadError.ts';
import { MAX_ID_LENGTH } from '../../src/feeds/RowNormalizer.ts';
import { locateReference } from '../../src/geo/locateReference.ts';
import { importRecords } from '../../src/store/importRecords.ts';
import { MemoryEventStore } from '../../src/store/MemoryEventStore.ts';
import { FuzzCheckError, type FuzzInput, type FuzzRunResult } from './FuzzTarget.ts';

/** Bytes the command line gathers before detecting the format (importFilesToMemory's sniff). */
const SNIFF_BYTES = 64 * 1024;
/** Rows per chunk: small, so imports stay cheap and seal several chunks. */
const CHUNK_ROWS = 64;
/** Longest reason or message a report may carry: longer ones mean a value leaked in whole. */
const MAX_MESSAGE_CHARS = 1000;

const SOURCE_CODE = /^[A-Z0-9&._-]{1,64}$/;
const LINK = /^[A-Z0-9&._-]{1,64}:\S/;
const CATEGORIES = new Set<string>(CATEGORY_KEYS);
const KINDS = new Set<string>(RECORD_KINDS);
const MODES = new Set<string>(TRANSPORT_MODES);

function invariant(ok: boolean, message: string): void {
  if (!ok) throw new FuzzCheckError('invariant', message);
}

/** Checks one record against the contract's guarantees for stored records. */
function checkRecord(r: FeedRecord): void {
  const where = `record ${JSON.stringify(r.source)}:${JSON.stringify(r.id.slice(0, 40))}`;
  invariant(SOURCE_CODE.test(r.source), `${where}: source is not an agency code`);
  invariant(r.id.length > 0 && r.id.length <= MAX_ID_LENGTH && r.id === r.id.trim(), `${where}: id empty, too long or untrimmed`);
  invariant(Number.isFinite(r.time) && Number.isFinite(r.updated), `${where}: time or updated not finite`);
  invariant(r.lon >= -180 && r.lon <= 180 && r.lat >= -90 && r.lat <= 90, `${where}: position out of range`);
  invariant(Number.isInteger(r.severity) && r.severity >= 1 && r.severity <= 5, `${where}: severity ${r.severity}`);
  invariant(CATEGORIES.has(r.category) && KINDS.has(r.kind), `${where}: category or kind outside the vocabulary`);
  invariant(r.mode === null || MODES.has(r.mode), `${where}: mode ${String(r.mode)}`);
  invariant(r.valueCny === null || (Number.isFinite(r.valueCny) && r.valueCny >= 0), `${where}: value ${r.valueCny}`);
  invariant(typeof r.description === 'string' && r.description.length <= MAX_ROW_CHARS, `${where}: description`);
  for (const link of r.links) invariant(LINK.test(link), `${where}: link ${JSON.stringify(link.slice(0, 80))} is not SOURCE:ID`);
}

/** Checks a batch as the parser hands it over, before the store sees it. */
function checkBatch(batch: FeedBatch): void {
  for (const record of batch.records) checkRecord(record);
  for (const rejection of batch.rejections) {
    invariant(rejection.reason.length > 0 && rejection.reason.length <= MAX_MESSAGE_CHARS, `rejection reason of ${rejection.reason.length} characters`);
  }
  const perField = new Map<string, number>();
  for (const warning of batch.warnings) {
    invariant(warning.message.length > 0 && warning.message.length <= MAX_MESSAGE_CHARS, `warning message of ${warning.message.length} characters`);
    const key = `${JSON.stringify(warning.location)} ${warning.field}`;
    const count = (perField.get(key) ?? 0) + 1;
    perField.set(key, count);
    invariant(count <= MAX_WARNINGS_PER_FIELD + 1, `more than ${MAX_WARNINGS_PER_FIELD + 1} warnings for ${key}`);
  }
}

/** The count rule of every report: rows in = accepted + updated + unchanged + stale + rejected. */
function checkCounts(report: ImportReport, rowsFromBatches: number): void {
  const c = report.counts;
  const sum = c.accepted + c.updated + c.unchanged + c.stale + c.rejected;
  if (c.rowsIn !== sum || c.rowsIn !== rowsFromBatches || c.rejected !== report.rejections.length || c.warnings !== report.warnings.length) {
    throw new FuzzCheckError(
      'count-rule',
      `rows in ${c.rowsIn} (batches ${rowsFromBatches}) ≠ ${c.accepted} + ${c.updated} + ${c.unchanged} + ${c.stale} + ${c.rejected} ` +
        `(rejections listed ${report.rejections.length}, warnings ${c.warnings}/${report.warnings.length})`,
    );
  }
}

/**
 * Imports one input exactly as `tidegate validate` imports a file, without the disk: the format is
 * detected from the name and the first 64 KiB, the bytes are pushed in `chunkBytes` pieces through
 * createFeedParser, and importRecords stores the batches in a new MemoryEventStore. A refusal
 * (FeedReadError) is a result; a failed check throws FuzzCheckError; anything else escapes.
 */
export async function runFeedImport(input: FuzzInput): Promise<FuzzRunResult> {
  const { bytes, fileName } = input;
  const chunk = input.chunkBytes > 0 ? input.chunkBytes : Math.max(bytes.length, 1);
  try {
    const format = detectFeedFormat(fileName, bytes.subarray(0, SNIFF_BYTES));
    const parser = createFeedParser({ format, locateReference });
    let rowsFromBatches = 0;
    const tap = (batch: FeedBatch): FeedBatch => {
      checkBatch(batch);
      rowsFromBatches += batch.rowsIn;
      return batch;
    };
    const batches = function* (): Generator<FeedBatch> {
      for (let at = 0; at < bytes.length; at += chunk) yield tap(parser.push(bytes.subarray(at, at + chunk)));
      yield tap(parser.end());
    };
    const store = new MemoryEventStore();
    const report = await importRecords(store, { feedName: fileName, source: null, format }, batches(), { chunkRows: CHUNK_ROWS, now: () => 0 });
    checkCounts(report, rowsFromBatches);
    return { read: true, format, rowsIn: report.counts.rowsIn, rejected: report.counts.rejected, warnings: report.counts.warnings };
  } catch (error) {
    if (error instanceof FeedReadError) {
      invariant(error.message.length > 0 && error.message.length <= MAX_MESSAGE_CHARS, `refusal message of ${error.message.length} characters`);
      return { read: false, code: error.code };
    }
    throw error;
  }
}

import { csvPieces, type CsvTable } from '../csv/csvText.ts';

/**
 * An exported table as CSV text pieces for a Blob: UTF-8 with a byte-order mark (so Excel reads
 * CJK text right), every cell through the shared writer (formula injection neutralised).
 */
export function exportCsvPieces(table: CsvTable): string[] {
  return [...csvPieces(table, { bom: true })];
}

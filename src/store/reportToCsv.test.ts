import { describe, expect, it } from 'vitest';
import { FORMULA_PAYLOADS, readStrictCsv, referenceFormulaLike } from '../csv/csvTestSupport.ts';
import type { ImportReport } from '../domain/ImportReport.ts';
import { reportToCsv } from './reportToCsv.ts';

const report: ImportReport = {
  importId: 'abc-1',
  feedName: 'seizures, "June".csv',
  source: null,
  format: 'csv',
  startedAt: Date.UTC(2025, 5, 1, 8, 0, 0),
  finishedAt: Date.UTC(2025, 5, 1, 8, 0, 2),
  counts: { rowsIn: 5, accepted: 2, updated: 0, unchanged: 0, stale: 1, rejected: 2, warnings: 1 },
  rejections: [
    { location: { line: 3 }, field: 'lat', reason: 'not a number: "abc"' },
    { location: { feature: 7 }, field: 'row', reason: 'line one\nline two' },
  ],
  warnings: [{ location: { line: 4 }, field: 'category', message: 'unknown category, kept as other', original: '走私,烟' }],
};

describe('reportToCsv', () => {
  const csv = reportToCsv(report);
  const lines = csv.split('\r\n');

  it('writes a header, the import block, the counts, then rejections and warnings', () => {
    expect(lines[0]).toBe('type,location,field,message,original');
    expect(lines[1]).toBe('import,,importId,abc-1,');
    expect(lines[2]).toBe('import,,feedName,"seizures, ""June"".csv",');
    expect(lines[3]).toBe('import,,source,,');
    expect(lines[5]).toBe('import,,startedAt,2025-06-01T08:00:00.000Z,');
    expect(lines.slice(7, 14)).toEqual([
      'count,,rowsIn,5,',
      'count,,accepted,2,',
      'count,,updated,0,',
      'count,,unchanged,0,',
      'count,,stale,1,',
      'count,,rejected,2,',
      'count,,warnings,1,',
    ]);
    expect(lines[14]).toBe('rejection,line 3,lat,"not a number: ""abc""",');
  });

  it('quotes embedded line breaks and commas per RFC 4180 and ends with CRLF', () => {
    expect(csv).toContain('rejection,feature 7,row,"line one\nline two",\r\n');
    expect(csv).toContain('warning,line 4,category,"unknown category, kept as other","走私,烟"\r\n');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('adds a byte-order mark on request', () => {
    expect(reportToCsv(report, { bom: true }).startsWith('\uFEFFtype,')).toBe(true);
  });

  it('neutralises formula-like text in every column, the file name included, and the file still reads back', () => {
    FORMULA_PAYLOADS.forEach((payload, i) => {
      const hostile: ImportReport = {
        ...report,
        importId: payload,
        feedName: payload,
        source: payload,
        rejections: [{ location: { line: i + 2 }, field: payload, reason: payload }],
        warnings: [{ location: { feature: i }, field: payload, message: payload, original: payload }],
      };
      const records = readStrictCsv(reportToCsv(hostile, { bom: true }).slice(1));
      expect(records.slice(1, 4).map((record) => record[3])).toEqual([`'${payload}`, `'${payload}`, `'${payload}`]);
      expect(records.at(-2)).toEqual(['rejection', `line ${i + 2}`, `'${payload}`, `'${payload}`, '']);
      expect(records.at(-1)).toEqual(['warning', `feature ${i}`, `'${payload}`, `'${payload}`, `'${payload}`]);
      for (const record of records) for (const field of record) expect(referenceFormulaLike(field)).toBe(false);
    });
  });
});

/** One line of the printed summary. */
export interface TableRow {
  stage: string;
  value: string;
  unit: string;
  target: string;
  /** Ratio and/or PASS / FAIL / ERROR / skipped. */
  verdict: string;
}

/** Number with thousands separators and `digits` decimals; "n/a" for NaN or null. */
export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A ratio as "3.2×". */
export function formatRatio(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  return `${value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)}×`;
}

/** Plain-text table with a header rule; numbers right-aligned. */
export function formatTable(rows: readonly TableRow[]): string {
  const header: TableRow = { stage: 'stage', value: 'value', unit: 'unit', target: 'target', verdict: 'ratio / pass' };
  const all = [header, ...rows];
  const width = (key: keyof TableRow) => Math.max(...all.map((row) => row[key].length));
  const w = { stage: width('stage'), value: width('value'), unit: width('unit'), target: width('target') };
  const line = (row: TableRow) =>
    `${row.stage.padEnd(w.stage)}  ${row.value.padStart(w.value)}  ${row.unit.padEnd(w.unit)}  ${row.target.padEnd(w.target)}  ${row.verdict}`.trimEnd();
  const rule = '-'.repeat(w.stage + w.value + w.unit + w.target + 8 + Math.max(...all.map((row) => row.verdict.length)));
  return [line(header), rule, ...rows.map(line)].join('\n');
}

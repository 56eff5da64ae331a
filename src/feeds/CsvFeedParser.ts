import { CsvRowFastPath } from './CsvRowFastPath.ts';
import type { CsvRowSpans } from './CsvRowSpans.ts';
import { CsvTokenizer } from './CsvTokenizer.ts';
import { MAX_ROW_CHARS, MAX_WARNINGS_PER_FIELD } from './feedLimits.ts';
import type { FeedBatch } from './FeedBatch.ts';
import { FeedReadError } from './FeedReadError.ts';
import { FIELD_ALIASES, resolveFieldName } from './fieldAliases.ts';
import { showValue, type RowNormalizer } from './RowNormalizer.ts';
import { SLOT, SLOT_COUNT, type CanonicalField } from './rowSlots.ts';
import type { TextFeedParser } from './TextFeedParser.ts';

const REQUIRED: readonly CanonicalField[] = ['id', 'time', 'category'];

/** True when every cell is empty or whitespace: such rows count as blank lines. */
function isBlankRow(cells: readonly string[]): boolean {
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k];
    for (let i = 0; i < cell.length; i++) {
      const c = cell.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
    }
  }
  return true;
}

/** isBlankRow for a row given as spans. */
function isBlankSpans(row: CsvRowSpans): boolean {
  const text = row.text;
  for (let k = 0; k < row.count; k++) {
    for (let i = row.starts[k], end = row.ends[k]; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
    }
  }
  return true;
}

function aliasList(field: CanonicalField): string {
  return FIELD_ALIASES[field].join(', ');
}

/**
 * CSV feed parser: the first non-blank row is the header, resolved once to canonical slots; every
 * later non-blank row is spread into those slots and normalised. Rows made only of empty or
 * whitespace cells are skipped like blank lines and not counted.
 */
export class CsvFeedParser implements TextFeedParser {
  private readonly tokenizer: CsvTokenizer;
  private readonly normalizer: RowNormalizer;
  private readonly hasFeedSource: boolean;
  private readonly slots: unknown[] = new Array<unknown>(SLOT_COUNT).fill(undefined);
  /** Slot and column of every mapped header cell, in parallel. */
  private mappedSlots: number[] = [];
  private mappedColumns: number[] = [];
  private headerWidth = -1;
  private batch: FeedBatch | null = null;
  private readonly useFastPath: boolean;
  private fastPath: CsvRowFastPath | null = null;
  private readonly cells: string[] = [];

  /**
   * @param fastPath read plain rows in place with CsvRowFastPath (the default); off, every row goes
   *   through RowNormalizer.normalize(), which the fast path must agree with.
   */
  constructor(normalizer: RowNormalizer, hasFeedSource: boolean, fastPath = true) {
    this.normalizer = normalizer;
    this.hasFeedSource = hasFeedSource;
    this.useFastPath = fastPath;
    this.tokenizer = new CsvTokenizer(
      (cells, line, problem) => this.onRow(cells, line, problem),
      MAX_ROW_CHARS,
      (row, line) => this.onSpans(row, line),
    );
  }

  /** The delimiter found in the header line, once seen. */
  get delimiter(): string | null {
    return this.tokenizer.detectedDelimiter;
  }

  pushText(text: string, batch: FeedBatch): void {
    this.batch = batch;
    this.tokenizer.push(text);
  }

  settle(batch: FeedBatch): void {
    this.batch = batch;
    this.tokenizer.settle();
  }

  end(batch: FeedBatch): void {
    this.batch = batch;
    this.tokenizer.end();
    if (this.headerWidth < 0) throw new FeedReadError('empty', 'The file is empty: no header line and no rows.');
  }

  private onRow(cells: string[], line: number, problem: string | null): void {
    if (isBlankRow(cells)) return;
    if (this.headerWidth < 0) {
      this.readHeader(cells, line);
      return;
    }
    const batch = this.batch as FeedBatch;
    if (problem !== null) {
      this.normalizer.reject(line, 'row', problem, batch);
      return;
    }
    if (cells.length > this.headerWidth) {
      for (let k = this.headerWidth; k < cells.length; k++) {
        if (cells[k].trim() !== '') {
          this.normalizer.reject(
            line,
            'row',
            `the row has ${cells.length} fields but the header has ${this.headerWidth}; is a value containing the delimiter left unquoted?`,
            batch,
          );
          return;
        }
      }
    }
    const slots = this.slots;
    const mappedSlots = this.mappedSlots;
    const mappedColumns = this.mappedColumns;
    for (let k = 0; k < mappedSlots.length; k++) slots[mappedSlots[k]] = cells[mappedColumns[k]];
    this.normalizer.normalize(slots, line, batch);
  }

  private onSpans(row: CsvRowSpans, line: number): void {
    if (this.headerWidth < 0 || row.count > this.headerWidth || isBlankSpans(row)) {
      const cells = this.cells;
      cells.length = 0;
      for (let k = 0; k < row.count; k++) cells.push(row.cell(k));
      this.onRow(cells, line, null);
      return;
    }
    const batch = this.batch as FeedBatch;
    if (this.fastPath !== null && this.fastPath.read(row, line, batch)) return;
    const slots = this.slots;
    const mappedSlots = this.mappedSlots;
    const mappedColumns = this.mappedColumns;
    for (let k = 0; k < mappedSlots.length; k++) {
      const column = mappedColumns[k];
      slots[mappedSlots[k]] = column < row.count ? row.cell(column) : undefined;
    }
    this.normalizer.normalize(slots, line, batch);
  }

  private readHeader(cells: readonly string[], line: number): void {
    const seen = new Map<number, string>();
    const found = new Set<CanonicalField>();
    const duplicates = new Map<CanonicalField, number>();
    const warnings = (this.batch as FeedBatch).warnings;
    for (let column = 0; column < cells.length; column++) {
      const name = cells[column];
      const field = resolveFieldName(name);
      if (field === null) continue;
      const slot = SLOT[field];
      const first = seen.get(slot);
      if (first !== undefined) {
        const count = (duplicates.get(field) ?? 0) + 1;
        duplicates.set(field, count);
        if (count > MAX_WARNINGS_PER_FIELD) continue;
        warnings.push({
          location: { line },
          field,
          message: `column ${showValue(name.trim())} is another name for '${field}'; column ${showValue(first.trim())} is used and this one ignored`,
          original: name,
        });
        continue;
      }
      seen.set(slot, name);
      found.add(field);
      this.mappedSlots.push(slot);
      this.mappedColumns.push(column);
    }
    for (const [field, count] of duplicates) {
      if (count > MAX_WARNINGS_PER_FIELD) {
        warnings.push({ location: { line }, field, message: `${count - MAX_WARNINGS_PER_FIELD} more columns naming '${field}' ignored`, original: '' });
      }
    }
    const missing = REQUIRED.filter((field) => !found.has(field));
    if (missing.length > 0) {
      const shown = cells.slice(0, 12).map((c) => c.trim().slice(0, 30)).join(', ');
      throw new FeedReadError(
        'header',
        `Line ${line} is not a usable feed header: no ${missing.map((f) => `'${f}' column (accepted names: ${aliasList(f)})`).join('; no ')}. ` +
          `Header found: ${shown}`,
      );
    }
    if (!found.has('source') && !this.hasFeedSource) {
      throw new FeedReadError('header', `The header has no source column (accepted names: ${aliasList('source')}) and no feed source was given.`);
    }
    const positional =
      (found.has('lon') && found.has('lat')) ||
      (found.has('x') && found.has('y')) ||
      (found.has('easting') && found.has('northing')) ||
      found.has('site') ||
      found.has('channel');
    if (!positional) {
      throw new FeedReadError(
        'header',
        'The header has no position columns: give lon/lat, x/y, easting/northing, or a site or channel column.',
      );
    }
    this.headerWidth = cells.length;
    if (this.useFastPath) {
      const columnOfSlot = new Array<number>(SLOT_COUNT).fill(-1);
      for (let k = 0; k < this.mappedSlots.length; k++) columnOfSlot[this.mappedSlots[k]] = this.mappedColumns[k];
      this.fastPath = new CsvRowFastPath(this.normalizer, columnOfSlot);
    }
  }
}

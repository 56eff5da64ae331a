/**
 * One CSV row as positions in the text it was read from, so a reader can parse fields in place
 * instead of cutting a substring per field. Field `k` is `text[starts[k], ends[k])` unless it was
 * quoted with doubled quotes inside, in which case `escaped[k]` holds its unescaped value (the
 * span then covers the raw quoted content). The tokenizer reuses one instance for every row.
 */
export class CsvRowSpans {
  /** The text the positions refer to. */
  text = '';
  /** Number of fields. */
  count = 0;
  /** Start of each field, inclusive. */
  starts = new Int32Array(32);
  /** End of each field, exclusive. */
  ends = new Int32Array(32);
  /** Unescaped values of fields with doubled quotes, by field index; holes elsewhere. */
  readonly escaped: (string | undefined)[] = [];
  /** Number of fields with an entry in `escaped`. */
  escapes = 0;

  /** The value of field `k` as a string (the tokenizer's cell). */
  cell(k: number): string {
    if (this.escapes > 0) {
      const value = this.escaped[k];
      if (value !== undefined) return value;
    }
    return this.text.slice(this.starts[k], this.ends[k]);
  }

  /** Empties the row for reuse over `text`. */
  reset(text: string): void {
    this.text = text;
    this.count = 0;
    if (this.escapes > 0) {
      this.escaped.length = 0;
      this.escapes = 0;
    }
  }

  /** Appends a field spanning text[start, end). */
  add(start: number, end: number): void {
    const k = this.count;
    if (k === this.starts.length) this.grow();
    this.starts[k] = start;
    this.ends[k] = end;
    this.count = k + 1;
  }

  /** Appends a field whose value differs from its span (doubled quotes undone). */
  addEscaped(start: number, end: number, value: string): void {
    this.escaped[this.count] = value;
    this.escapes++;
    this.add(start, end);
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    starts.set(this.starts);
    this.starts = starts;
    const ends = new Int32Array(this.ends.length * 2);
    ends.set(this.ends);
    this.ends = ends;
  }
}

import { isGridCrs, type CrsId } from '../crs/CrsId.ts';
import { gcj02ToWgs84Into } from '../crs/gcj02.ts';
import type { LonLat } from '../crs/LonLat.ts';
import type { FeedRecord } from '../domain/FeedRecord.ts';
import type { RecordKind } from '../domain/recordKinds.ts';
import type { TransportMode } from '../domain/transportModes.ts';
import type { Currency } from './cnyRates.ts';
import type { CsvRowSpans } from './CsvRowSpans.ts';
import { detached } from './detached.ts';
import type { FeedBatch } from './FeedBatch.ts';
import { resolveCategory, resolveCurrency, resolveHandling, resolveKind, resolveMode } from './feedVocabulary.ts';
import { parseAdmiralty } from './parseAdmiralty.ts';
import { parsePlainDecimalAt } from './parseFeedNumber.ts';
import { parseFeedDateTimeAt } from './parseFeedTime.ts';
import { MAX_ID_LENGTH, parseLinks, type RowNormalizer } from './RowNormalizer.ts';
import { SLOT, SLOT_COUNT } from './rowSlots.ts';

const LOWER_MEMO_LIMIT = 4096;

/**
 * True for the characters String.prototype.trim() removes (ECMAScript WhiteSpace and
 * LineTerminator, plus U+180E, which older engines counted as a space).
 */
function isTrimmed(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || c === 0x180e || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * Reads the common CSV row straight from the tokenizer's spans into a FeedRecord, without a
 * substring per field and with times and numbers parsed in place: the per-row work of a
 * million-row import. It handles a row only when every field is in a plain form (no surrounding
 * whitespace, known vocabulary, WGS-84 or GCJ-02 lon/lat or a known site or channel, no
 * warnings) and then yields exactly what RowNormalizer.normalize() would. For anything else it
 * returns false having changed nothing, and the caller hands the row to normalize(), which also
 * fills the memos (sources, CRSs, reference positions) this class only reads.
 */
export class CsvRowFastPath {
  private readonly normalizer: RowNormalizer;
  private readonly point: LonLat = { lon: 0, lat: 0 };
  private readonly lowerMemo = new Map<string, string>();
  private readonly id: number;
  private readonly source: number;
  private readonly time: number;
  private readonly lon: number;
  private readonly lat: number;
  private readonly x: number;
  private readonly y: number;
  private readonly easting: number;
  private readonly northing: number;
  private readonly crs: number;
  private readonly category: number;
  private readonly kind: number;
  private readonly severity: number;
  private readonly grading: number;
  private readonly value: number;
  private readonly currency: number;
  private readonly mode: number;
  private readonly site: number;
  private readonly channel: number;
  private readonly links: number;
  private readonly description: number;
  private readonly updated: number;
  private readonly handling: number;
  // The span of the last field looked at by span(): kept in fields to avoid a result object.
  private start = 0;
  private end = 0;

  /**
   * @param columnOfSlot the CSV column of each row slot (see rowSlots.ts), -1 when the header has
   *   none; the GeoJSON-only geometry slots must be -1.
   */
  constructor(normalizer: RowNormalizer, columnOfSlot: ArrayLike<number>) {
    if (columnOfSlot.length < SLOT_COUNT || columnOfSlot[SLOT.geometryX] >= 0 || columnOfSlot[SLOT.geometryY] >= 0) {
      throw new RangeError('CsvRowFastPath needs a column (or -1) for every CSV slot');
    }
    this.normalizer = normalizer;
    this.id = columnOfSlot[SLOT.id];
    this.source = columnOfSlot[SLOT.source];
    this.time = columnOfSlot[SLOT.time];
    this.lon = columnOfSlot[SLOT.lon];
    this.lat = columnOfSlot[SLOT.lat];
    this.x = columnOfSlot[SLOT.x];
    this.y = columnOfSlot[SLOT.y];
    this.easting = columnOfSlot[SLOT.easting];
    this.northing = columnOfSlot[SLOT.northing];
    this.crs = columnOfSlot[SLOT.crs];
    this.category = columnOfSlot[SLOT.category];
    this.kind = columnOfSlot[SLOT.kind];
    this.severity = columnOfSlot[SLOT.severity];
    this.grading = columnOfSlot[SLOT.grading];
    this.value = columnOfSlot[SLOT.value];
    this.currency = columnOfSlot[SLOT.currency];
    this.mode = columnOfSlot[SLOT.mode];
    this.site = columnOfSlot[SLOT.site];
    this.channel = columnOfSlot[SLOT.channel];
    this.links = columnOfSlot[SLOT.links];
    this.description = columnOfSlot[SLOT.description];
    this.updated = columnOfSlot[SLOT.updated];
    this.handling = columnOfSlot[SLOT.handling];
  }

  /**
   * Appends the record of `row`, found at line `where`, to `batch` and returns true; or returns
   * false, leaving `batch` untouched, when the row needs RowNormalizer.normalize().
   */
  read(row: CsvRowSpans, where: number, batch: FeedBatch): boolean {
    const text = row.text;
    const settings = this.normalizer.settings;

    const id = this.plainText(row, this.id);
    if (id === null || id === '' || id.length > MAX_ID_LENGTH) return false;

    const sourceWord = this.word(row, this.source, this.knownSource);
    const source = sourceWord === '' ? settings.feedSource : sourceWord;
    if (source === null) return false;

    if (this.span(row, this.time) <= 0) return false;
    const time = parseFeedDateTimeAt(text, this.start, this.end);
    if (Number.isNaN(time)) return false;

    const category = this.word(row, this.category, resolveCategory);
    if (category === null || category === '') return false;

    let crs: CrsId = settings.feedCrs;
    const crsText = this.plainText(row, this.crs);
    if (crsText === null) return false;
    if (crsText !== '') {
      const known = this.normalizer.knownCrs(crsText);
      if (known === null || known === undefined) return false;
      crs = known;
    }
    if (isGridCrs(crs)) return false;

    const siteWord = this.word(row, this.site, this.lower);
    const channelWord = this.word(row, this.channel, this.lower);
    if (siteWord === null || channelWord === null) return false;
    const site = siteWord === '' ? null : siteWord;
    const channel = channelWord === '' ? null : channelWord;

    if (!this.position(row, crs, site, channel)) return false;
    const lon = this.point.lon;
    const lat = this.point.lat;

    const kindWord = this.word(row, this.kind, resolveKind);
    if (kindWord === null) return false;
    const kind: RecordKind = kindWord === '' ? 'seizure' : kindWord;

    let severity = 3;
    const severityLength = this.span(row, this.severity);
    if (severityLength < 0) return false;
    if (severityLength > 0) {
      // One digit is the only form taken here; "4.0" and the like go the general way.
      const digit = text.charCodeAt(this.start) - 48;
      if (severityLength !== 1 || digit < 1 || digit > 5) return false;
      severity = digit;
    }

    let grading: string | null = null;
    const gradingText = this.plainText(row, this.grading);
    if (gradingText === null) return false;
    if (gradingText !== '') {
      grading = parseAdmiralty(gradingText);
      if (grading === null) return false;
    }

    // An unknown code needs the general path's warning.
    const handling = this.word(row, this.handling, resolveHandling);
    if (handling === null) return false;

    const currencyWord = this.word(row, this.currency, resolveCurrency);
    if (currencyWord === null) return false;
    const currency: Currency = currencyWord === '' ? settings.feedCurrency : currencyWord;
    let valueCny: number | null = null;
    const valueLength = this.span(row, this.value);
    if (valueLength < 0) return false;
    if (valueLength > 0) {
      const value = parsePlainDecimalAt(text, this.start, this.end);
      if (!(value >= 0)) return false;
      valueCny = Math.round(value * settings.rates[currency] * 100) / 100;
    }

    const modeWord = this.word(row, this.mode, resolveMode);
    if (modeWord === null) return false;
    const mode: TransportMode | null = modeWord === '' ? null : modeWord;

    const description = this.plainText(row, this.description);
    if (description === null) return false;

    let updated = time;
    const updatedLength = this.span(row, this.updated);
    if (updatedLength < 0) return false;
    if (updatedLength > 0) {
      updated = parseFeedDateTimeAt(text, this.start, this.end);
      if (Number.isNaN(updated)) return false;
    }

    const links: string[] = [];
    const linksColumn = this.links;
    if (linksColumn >= 0 && linksColumn < row.count && row.starts[linksColumn] < row.ends[linksColumn]) {
      // parseLinks trims and folds every entry itself; a blank cell yields no links either way.
      if (parseLinks(row.cell(linksColumn), links) !== null) return false;
    }

    batch.rowsIn++;
    const record: FeedRecord = {
      source,
      id,
      time,
      lon,
      lat,
      category,
      kind,
      severity,
      grading,
      valueCny,
      mode,
      site,
      channel,
      links,
      description,
      updated,
    };
    if (handling !== '') record.handling = handling;
    batch.records.push(record);
    return true;
  }

  /**
   * The WGS-84 position into this.point, from lon/lat under a geographic CRS or from a known
   * site or channel; false for every other case (grid coordinates, x/y, anything rejected).
   */
  private position(row: CsvRowSpans, crs: CrsId, site: string | null, channel: string | null): boolean {
    if (this.span(row, this.easting) !== 0 || this.span(row, this.northing) !== 0) return false;
    const lonLength = this.span(row, this.lon);
    if (lonLength < 0) return false;
    const lonStart = this.start;
    const lonEnd = this.end;
    const latLength = this.span(row, this.lat);
    if (latLength < 0) return false;
    const latStart = this.start;
    const latEnd = this.end;
    // x/y stand in for a missing lon/lat under a geographic CRS: left to the general path.
    if (lonLength === 0 && this.span(row, this.x) !== 0) return false;
    if (latLength === 0 && this.span(row, this.y) !== 0) return false;
    if (lonLength > 0 || latLength > 0) {
      if (lonLength === 0 || latLength === 0) return false;
      const lon = parsePlainDecimalAt(row.text, lonStart, lonEnd);
      const lat = parsePlainDecimalAt(row.text, latStart, latEnd);
      if (!(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90) || (lon === 0 && lat === 0)) return false;
      if (crs === 'GCJ02') {
        gcj02ToWgs84Into(lon, lat, this.point);
      } else {
        this.point.lon = lon;
        this.point.lat = lat;
      }
      return true;
    }
    let p: LonLat | null | undefined = null;
    if (site !== null) {
      p = this.normalizer.knownReference('site', site);
      if (p === undefined) return false;
    }
    if (p === null && channel !== null) {
      p = this.normalizer.knownReference('channel', channel);
      if (p === undefined) return false;
    }
    if (p === null) return false;
    this.point.lon = p.lon;
    this.point.lat = p.lat;
    return true;
  }

  /**
   * Puts the span of `column` in this.start/this.end and returns its length: 0 when the column is
   * absent or empty, -1 when the field cannot be read in place (doubled quotes inside, or
   * whitespace at either end, which the general path trims or reports).
   */
  private span(row: CsvRowSpans, column: number): number {
    if (column < 0 || column >= row.count) return 0;
    const start = row.starts[column];
    const end = row.ends[column];
    if (start === end) return 0;
    if (row.escapes > 0 && row.escaped[column] !== undefined) return -1;
    const text = row.text;
    if (isTrimmed(text.charCodeAt(start)) || isTrimmed(text.charCodeAt(end - 1))) return -1;
    this.start = start;
    this.end = end;
    return end - start;
  }

  /**
   * The text of `column` when it equals its trimmed form: '' when absent or empty, null when it
   * has surrounding whitespace (the general path trims it).
   */
  private plainText(row: CsvRowSpans, column: number): string | null {
    if (column < 0 || column >= row.count) return '';
    const start = row.starts[column];
    const end = row.ends[column];
    if (start === end) return '';
    const value = row.escapes > 0 ? row.escaped[column] : undefined;
    if (value === undefined) {
      const text = row.text;
      if (isTrimmed(text.charCodeAt(start)) || isTrimmed(text.charCodeAt(end - 1))) return null;
      return text.slice(start, end);
    }
    if (value === '' || isTrimmed(value.charCodeAt(0)) || isTrimmed(value.charCodeAt(value.length - 1))) return null;
    return value;
  }

  /**
   * The value of a vocabulary-like field: '' when it is absent or empty, what `resolve` makes of
   * its text, or null when `resolve` knows no value or the general path must read the field
   * (surrounding whitespace, doubled quotes).
   */
  private word<T extends string>(row: CsvRowSpans, column: number, resolve: (text: string) => T | null | undefined): T | '' | null {
    if (column < 0 || column >= row.count) return '';
    const start = row.starts[column];
    const end = row.ends[column];
    if (start === end) return '';
    if (row.escapes > 0 && row.escaped[column] !== undefined) return null;
    const text = row.text;
    if (isTrimmed(text.charCodeAt(start)) || isTrimmed(text.charCodeAt(end - 1))) return null;
    return resolve(text.slice(start, end)) ?? null;
  }

  private readonly knownSource = (text: string): string | undefined => this.normalizer.knownSource(text);

  /** Lower case of a site or channel id, memoised: a feed names few of them. */
  private readonly lower = (text: string): string => {
    let lower = this.lowerMemo.get(text);
    if (lower === undefined) {
      lower = text.toLowerCase();
      if (this.lowerMemo.size < LOWER_MEMO_LIMIT) this.lowerMemo.set(detached(text), detached(lower));
    }
    return lower;
  };
}

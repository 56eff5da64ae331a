import { isGridCrs, type CrsId } from '../crs/CrsId.ts';
import { gcj02ToWgs84Into } from '../crs/gcj02.ts';
import { gridToWgs84Into, isInGridArea } from '../crs/gridToWgs84.ts';
import type { LonLat } from '../crs/LonLat.ts';
import { parseCrs } from '../crs/parseCrs.ts';
import type { CategoryKey } from '../domain/categories.ts';
import type { FeedRecord } from '../domain/FeedRecord.ts';
import type { RecordHandling } from '../domain/handlingCodes.ts';
import type { RecordKind } from '../domain/recordKinds.ts';
import type { TransportMode } from '../domain/transportModes.ts';
import type { RowLocation } from '../domain/ImportReport.ts';
import type { CnyRates, Currency } from './cnyRates.ts';
import { detached } from './detached.ts';
import type { FeedBatch } from './FeedBatch.ts';
import type { ReferenceLocator } from './FeedParserOptions.ts';
import { HANDLING_LIST, KIND_LIST, MODE_LIST, resolveCategory, resolveCurrency, resolveHandling, resolveKind, resolveMode } from './feedVocabulary.ts';
import { MAX_ROW_CHARS, MAX_WARNINGS_PER_FIELD } from './feedLimits.ts';
import { parseAdmiralty } from './parseAdmiralty.ts';
import { parseFeedNumber } from './parseFeedNumber.ts';
import { parseFeedTime, type TimeFailure } from './parseFeedTime.ts';
import { previewJson } from './previewJson.ts';
import { readSourceCode } from './readSourceCode.ts';
import { SLOT } from './rowSlots.ts';

/** Longest accepted record id, in UTF-16 code units. */
export const MAX_ID_LENGTH = 256;

const MEMO_LIMIT = 4096;

// Slot indices as module constants: cheaper than a property read per field per row.
const S_ID = SLOT.id;
const S_SOURCE = SLOT.source;
const S_TIME = SLOT.time;
const S_LON = SLOT.lon;
const S_LAT = SLOT.lat;
const S_X = SLOT.x;
const S_Y = SLOT.y;
const S_EASTING = SLOT.easting;
const S_NORTHING = SLOT.northing;
const S_CRS = SLOT.crs;
const S_CATEGORY = SLOT.category;
const S_KIND = SLOT.kind;
const S_SEVERITY = SLOT.severity;
const S_GRADING = SLOT.grading;
const S_VALUE = SLOT.value;
const S_CURRENCY = SLOT.currency;
const S_MODE = SLOT.mode;
const S_SITE = SLOT.site;
const S_CHANNEL = SLOT.channel;
const S_LINKS = SLOT.links;
const S_DESCRIPTION = SLOT.description;
const S_UPDATED = SLOT.updated;
const S_HANDLING = SLOT.handling;
const S_GEOMETRY_X = SLOT.geometryX;
const S_GEOMETRY_Y = SLOT.geometryY;

/** Settings shared by every row of one file. */
export interface RowNormalizerConfig {
  /** Whether `where` numbers are physical lines (CSV, NDJSON) or feature indices (GeoJSON). */
  locationKind: 'line' | 'feature';
  /** Source code for rows without one, already read by readSourceCode; null when the feed gives none. */
  feedSource: string | null;
  feedCrs: CrsId;
  feedCurrency: Currency;
  rates: CnyRates;
  locateReference: ReferenceLocator;
}

const CRS_LABEL: Record<CrsId, string> = {
  'EPSG:4326': 'WGS84',
  GCJ02: 'GCJ02',
  'EPSG:2326': 'EPSG:2326 (HK1980 Grid)',
  'EPSG:8433': 'EPSG:8433 (Macao Grid)',
};

/**
 * Quotes a raw value for a message, shortened so a runaway cell cannot bloat the report; a list
 * or object is shown as the start of its JSON, however deeply it nests.
 */
export function showValue(value: unknown): string {
  const text = typeof value === 'string' ? value : previewJson(value, 61);
  return `'${text.length > 60 ? `${text.slice(0, 57)}…` : text}'`;
}

/** Trimmed text of a scalar cell; '' when missing or blank; null when it is an object or array. */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim();
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return String(value);
  return null;
}

/** True when a cell holds something (non-blank text, a number, an object…). */
function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'string') return true;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return true;
  }
  return false;
}

function memoize<T>(memo: Map<string, T>, key: string, compute: (key: string) => T): T {
  let hit = memo.get(key);
  if (hit === undefined) {
    hit = compute(key);
    if (memo.size < MEMO_LIMIT) memo.set(detached(key), hit);
  }
  return hit;
}

/**
 * Turns one row, already spread into canonical slots (see rowSlots.ts), into a FeedRecord or a
 * RowRejection, appending it (and any warnings) to a batch. The first problem found is the one
 * reported. Each call counts exactly one row in `batch.rowsIn`.
 */
export class RowNormalizer {
  private readonly config: RowNormalizerConfig;
  private readonly failure: TimeFailure = { reason: '' };
  private readonly point: LonLat = { lon: 0, lat: 0 };
  private readonly crsMemo = new Map<string, CrsId | null>();
  private readonly sourceMemo = new Map<string, string>();
  private readonly siteMemo = new Map<string, LonLat | null>();
  private readonly channelMemo = new Map<string, LonLat | null>();
  private readonly locateSite: (id: string) => LonLat | null;
  private readonly locateChannel: (id: string) => LonLat | null;

  constructor(config: RowNormalizerConfig) {
    this.config = config;
    this.locateSite = (id) => this.locate('site', id);
    this.locateChannel = (id) => this.locate('channel', id);
  }

  /** The settings of this file. */
  get settings(): Readonly<RowNormalizerConfig> {
    return this.config;
  }

  /** The stored form of a source already seen valid by normalize(), or undefined. */
  knownSource(text: string): string | undefined {
    return this.sourceMemo.get(text);
  }

  /** What normalize() made of this CRS text before (null: unknown), or undefined if not yet seen. */
  knownCrs(text: string): CrsId | null | undefined {
    return this.crsMemo.get(text);
  }

  /**
   * The position normalize() found for this lower-case site or channel id (null: not in the
   * reference geography), or undefined if not yet looked up.
   */
  knownReference(kind: 'site' | 'channel', id: string): LonLat | null | undefined {
    return (kind === 'site' ? this.siteMemo : this.channelMemo).get(id);
  }

  /** Records a rejection of a whole row that never reached normalize (bad JSON, bad geometry…). */
  reject(where: number, field: string, reason: string, batch: FeedBatch): void {
    batch.rowsIn++;
    this.pushRejection(where, field, reason, batch);
  }

  /** Normalises the row in `slots` found at line / feature `where`. */
  normalize(slots: readonly unknown[], where: number, batch: FeedBatch): void {
    batch.rowsIn++;
    const config = this.config;

    const id = textOf(slots[S_ID]);
    if (id === null) return this.invalidType(where, 'id', batch);
    if (id === '') return this.pushRejection(where, 'id', 'id is missing', batch);
    if (id.length > MAX_ID_LENGTH) return this.pushRejection(where, 'id', `id is longer than ${MAX_ID_LENGTH} characters`, batch);

    const sourceText = textOf(slots[S_SOURCE]);
    if (sourceText === null) return this.invalidType(where, 'source', batch);
    let source = config.feedSource;
    if (sourceText !== '') {
      source = this.sourceMemo.get(sourceText) ?? null;
      if (source === null) {
        const reading = readSourceCode(sourceText);
        if (reading.code === undefined) return this.pushRejection(where, 'source', reading.problem, batch);
        source = reading.code;
        if (this.sourceMemo.size < MEMO_LIMIT) this.sourceMemo.set(detached(sourceText), detached(source));
      }
    }
    if (source === null) return this.pushRejection(where, 'source', 'source is missing (give a source column or a feed source)', batch);

    const timeValue = slots[S_TIME];
    if (!isPresent(timeValue)) return this.pushRejection(where, 'time', 'time is missing', batch);
    const time = parseFeedTime(timeValue, this.failure);
    if (Number.isNaN(time)) return this.pushRejection(where, 'time', `time ${this.failure.reason}`, batch);

    const categoryText = textOf(slots[S_CATEGORY]);
    if (categoryText === null) return this.invalidType(where, 'category', batch);
    if (categoryText === '') return this.pushRejection(where, 'category', 'category is missing', batch);
    let category: CategoryKey | null = resolveCategory(categoryText);
    const unknownCategory = category === null;
    if (category === null) category = 'other';

    let crs = config.feedCrs;
    const crsText = textOf(slots[S_CRS]);
    if (crsText === null) return this.invalidType(where, 'crs', batch);
    if (crsText !== '') {
      const parsed = memoize(this.crsMemo, crsText, parseCrs);
      if (parsed === null) {
        return this.pushRejection(where, 'crs', `unknown coordinate system ${showValue(crsText)} (use WGS84, GCJ02, EPSG:2326 or EPSG:8433)`, batch);
      }
      crs = parsed;
    }

    const site = textOf(slots[S_SITE]);
    if (site === null) return this.invalidType(where, 'site', batch);
    const channel = textOf(slots[S_CHANNEL]);
    if (channel === null) return this.invalidType(where, 'channel', batch);
    const siteId = site === '' ? null : site.toLowerCase();
    const channelId = channel === '' ? null : channel.toLowerCase();

    if (!this.position(slots, crs, siteId, channelId, where, batch)) return;
    const lon = this.point.lon;
    const lat = this.point.lat;

    let kind: RecordKind = 'seizure';
    const kindText = textOf(slots[S_KIND]);
    if (kindText === null) return this.invalidType(where, 'kind', batch);
    let unknownKind = false;
    if (kindText !== '') {
      const k = resolveKind(kindText);
      if (k === null) unknownKind = true;
      else kind = k;
    }

    let severity = 3;
    const severityValue = slots[S_SEVERITY];
    if (isPresent(severityValue)) {
      severity = parseFeedNumber(severityValue);
      if (!Number.isInteger(severity) || severity < 1 || severity > 5) {
        return this.pushRejection(where, 'severity', `severity ${showValue(severityValue)} is not an integer from 1 to 5`, batch);
      }
    }

    let grading: string | null = null;
    const gradingText = textOf(slots[S_GRADING]);
    if (gradingText === null) return this.invalidType(where, 'grading', batch);
    if (gradingText !== '') {
      grading = parseAdmiralty(gradingText);
      if (grading === null) {
        return this.pushRejection(
          where,
          'grading',
          `grading ${showValue(gradingText)} is not an Admiralty code (a letter A–F then a digit 1–6, e.g. B2)`,
          batch,
        );
      }
    }

    // An unrecognised code keeps the row (with a warning) but never reads as "no code": a record
    // whose handling nobody can read goes into no bundle.
    let handling: RecordHandling | undefined;
    const handlingText = textOf(slots[S_HANDLING]);
    if (handlingText === null) return this.invalidType(where, 'handling', batch);
    if (handlingText !== '') handling = resolveHandling(handlingText) ?? 'unrecognised';

    let currency: Currency | null = config.feedCurrency;
    const currencyText = textOf(slots[S_CURRENCY]);
    if (currencyText === null) return this.invalidType(where, 'currency', batch);
    if (currencyText !== '') currency = resolveCurrency(currencyText);
    let valueCny: number | null = null;
    let droppedValue = false;
    const valueValue = slots[S_VALUE];
    if (isPresent(valueValue)) {
      const value = parseFeedNumber(valueValue);
      if (Number.isNaN(value)) {
        return this.pushRejection(where, 'value', `value ${showValue(valueValue)} is not a plain number (no thousands separators or units)`, batch);
      }
      if (value < 0) return this.pushRejection(where, 'value', `value ${showValue(valueValue)} is negative`, batch);
      // A value in an unknown currency cannot be converted: it is dropped, never guessed.
      if (currency === null) {
        droppedValue = true;
      } else {
        valueCny = Math.round(value * config.rates[currency] * 100) / 100;
        if (!Number.isFinite(valueCny)) return this.pushRejection(where, 'value', `value ${showValue(valueValue)} is too large to convert to CNY`, batch);
      }
    }

    let mode: TransportMode | null = null;
    const modeText = textOf(slots[S_MODE]);
    if (modeText === null) return this.invalidType(where, 'mode', batch);
    if (modeText !== '') mode = resolveMode(modeText);

    const description = textOf(slots[S_DESCRIPTION]);
    if (description === null) return this.invalidType(where, 'description', batch);

    let updated = time;
    const updatedValue = slots[S_UPDATED];
    if (isPresent(updatedValue)) {
      updated = parseFeedTime(updatedValue, this.failure);
      if (Number.isNaN(updated)) return this.pushRejection(where, 'updated', `updated ${this.failure.reason}`, batch);
    }

    const linksValue = slots[S_LINKS];
    const links: string[] = [];
    let badLinks: BadLinks | null = null;
    if (isPresent(linksValue)) {
      const bad = parseLinks(linksValue, links);
      if (bad === undefined) return this.invalidType(where, 'links', batch);
      badLinks = bad;
    }

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
      site: siteId,
      channel: channelId,
      links,
      description,
      updated,
    };
    // Only a row with a code gets the property: the others keep the shape records always had.
    if (handling !== undefined) record.handling = handling;
    batch.records.push(record);
    if (unknownCategory) this.warn(where, 'category', `unknown category ${showValue(categoryText)}; kept as 'other'`, categoryText, batch);
    if (unknownKind) this.warn(where, 'kind', `unknown kind ${showValue(kindText)}; kept as 'seizure' (known kinds: ${KIND_LIST})`, kindText, batch);
    if (handling === 'unrecognised') {
      this.warn(where, 'handling', `unknown handling code ${showValue(handlingText)}; the record goes into no bundle (known codes: ${HANDLING_LIST})`, handlingText as string, batch);
    }
    if (currency === null) {
      const what = droppedValue ? `; the value ${showValue(valueValue)} cannot be converted to CNY and is dropped` : '; ignored';
      this.warn(where, 'currency', `unknown currency ${showValue(currencyText)}${what} (use CNY, HKD or MOP)`, currencyText as string, batch);
    }
    if (mode === null && modeText !== '') this.warn(where, 'mode', `unknown mode ${showValue(modeText)}; ignored (known modes: ${MODE_LIST})`, modeText, batch);
    if (badLinks !== null) {
      const { entries, count } = badLinks;
      for (const entry of entries) this.warn(where, 'links', entry.message, entry.original, batch);
      if (count > entries.length) this.warn(where, 'links', `${count - entries.length} more malformed links dropped`, '', batch);
    }
  }

  private warn(where: number, field: string, message: string, original: string, batch: FeedBatch): void {
    batch.warnings.push({ location: this.location(where), field, message, original });
  }

  /**
   * Forms the row's WGS-84 position in `this.point`, or records the rejection and returns false.
   * Precedence: a GeoJSON Point; grid easting/northing (or x/y) under a grid CRS; lon/lat (or
   * x/y under a geographic CRS); the reference site; the reference channel.
   */
  private position(slots: readonly unknown[], crs: CrsId, site: string | null, channel: string | null, where: number, batch: FeedBatch): boolean {
    const grid = isGridCrs(crs);
    const gx = slots[S_GEOMETRY_X];
    if (gx !== undefined) {
      const a = gx as number;
      const b = slots[S_GEOMETRY_Y] as number;
      return grid ? this.gridPosition(crs, a, b, where, batch) : this.geographicPosition(crs, a, b, 'lon', where, batch);
    }

    let eValue = slots[S_EASTING];
    let nValue = slots[S_NORTHING];
    let hasE = isPresent(eValue);
    let hasN = isPresent(nValue);
    if (!grid && (hasE || hasN)) {
      this.pushRejection(
        where,
        hasE ? 'easting' : 'northing',
        `grid coordinates need a grid crs (EPSG:2326 or EPSG:8433), but this row's crs is ${CRS_LABEL[crs]}`,
        batch,
      );
      return false;
    }
    if (grid) {
      if (!hasE) {
        eValue = slots[S_X];
        hasE = isPresent(eValue);
      }
      if (!hasN) {
        nValue = slots[S_Y];
        hasN = isPresent(nValue);
      }
      if (hasE || hasN) {
        if (!hasN) return this.fail(where, 'northing', 'easting given without northing', batch);
        if (!hasE) return this.fail(where, 'easting', 'northing given without easting', batch);
        const e = parseFeedNumber(eValue);
        if (Number.isNaN(e)) return this.fail(where, 'easting', `easting ${showValue(eValue)} is not a number`, batch);
        const n = parseFeedNumber(nValue);
        if (Number.isNaN(n)) return this.fail(where, 'northing', `northing ${showValue(nValue)} is not a number`, batch);
        return this.gridPosition(crs, e, n, where, batch);
      }
    }

    let lonValue = slots[S_LON];
    let latValue = slots[S_LAT];
    let hasLon = isPresent(lonValue);
    let hasLat = isPresent(latValue);
    if (!grid) {
      if (!hasLon) {
        lonValue = slots[S_X];
        hasLon = isPresent(lonValue);
      }
      if (!hasLat) {
        latValue = slots[S_Y];
        hasLat = isPresent(latValue);
      }
    }
    if (hasLon || hasLat) {
      if (!hasLat) return this.fail(where, 'lat', 'longitude given without latitude', batch);
      if (!hasLon) return this.fail(where, 'lon', 'latitude given without longitude', batch);
      const lon = parseFeedNumber(lonValue);
      if (Number.isNaN(lon)) return this.fail(where, 'lon', `longitude ${showValue(lonValue)} is not a number in decimal degrees`, batch);
      const lat = parseFeedNumber(latValue);
      if (Number.isNaN(lat)) return this.fail(where, 'lat', `latitude ${showValue(latValue)} is not a number in decimal degrees`, batch);
      // Under a grid CRS, explicit lon/lat are WGS-84 degrees.
      return this.geographicPosition(grid ? 'EPSG:4326' : crs, lon, lat, 'lon', where, batch);
    }

    if (site !== null) {
      const p = memoize(this.siteMemo, site, this.locateSite);
      if (p !== null) return this.setPoint(p.lon, p.lat);
    }
    if (channel !== null) {
      const p = memoize(this.channelMemo, channel, this.locateChannel);
      if (p !== null) return this.setPoint(p.lon, p.lat);
    }
    if (site !== null || channel !== null) {
      const what = site !== null ? `site ${showValue(site)}` : `channel ${showValue(channel)}`;
      const both = site !== null && channel !== null ? ` or channel ${showValue(channel)}` : '';
      return this.fail(where, site !== null ? 'site' : 'channel', `no coordinates, and ${what}${both} is not in the reference geography`, batch);
    }
    return this.fail(where, 'lon', 'no position: give lon/lat, easting/northing with a grid crs, or a known site or channel', batch);
  }

  private geographicPosition(crs: CrsId, lon: number, lat: number, field: string, where: number, batch: FeedBatch): boolean {
    if (!(lon >= -180 && lon <= 180)) return this.fail(where, field, `longitude ${lon} is outside −180…180`, batch);
    if (!(lat >= -90 && lat <= 90)) return this.fail(where, 'lat', `latitude ${lat} is outside −90…90`, batch);
    if (lon === 0 && lat === 0) return this.fail(where, field, 'position is exactly 0,0 (a placeholder, not a place)', batch);
    if (crs === 'GCJ02') {
      gcj02ToWgs84Into(lon, lat, this.point);
      return true;
    }
    return this.setPoint(lon, lat);
  }

  private gridPosition(crs: CrsId, e: number, n: number, where: number, batch: FeedBatch): boolean {
    if (!isGridCrs(crs)) return false;
    gridToWgs84Into(crs, e, n, this.point);
    if (!isInGridArea(crs, this.point.lon, this.point.lat)) {
      return this.fail(where, 'easting', `easting/northing ${e}, ${n} fall outside the area of ${CRS_LABEL[crs]}`, batch);
    }
    return true;
  }

  private setPoint(lon: number, lat: number): boolean {
    this.point.lon = lon;
    this.point.lat = lat;
    return true;
  }

  private locate(kind: 'site' | 'channel', id: string): LonLat | null {
    const p = this.config.locateReference(kind, id);
    if (p === null || p === undefined) return null;
    const { lon, lat } = p;
    return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90 ? { lon, lat } : null;
  }

  private location(where: number): RowLocation {
    return this.config.locationKind === 'line' ? { line: where } : { feature: where };
  }

  private pushRejection(where: number, field: string, reason: string, batch: FeedBatch): void {
    batch.rejections.push({ location: this.location(where), field, reason });
  }

  private fail(where: number, field: string, reason: string, batch: FeedBatch): false {
    this.pushRejection(where, field, reason, batch);
    return false;
  }

  private invalidType(where: number, field: string, batch: FeedBatch): void {
    this.pushRejection(where, field, `${field} must be text or a number, not a list or object`, batch);
  }
}

/** Link entries a row drops: the first MAX_WARNINGS_PER_FIELD with their warnings, and how many in all. */
export interface BadLinks {
  entries: { original: string; message: string }[];
  count: number;
}

function addBad(bad: BadLinks | null, original: string, message: string): BadLinks {
  const out = bad ?? { entries: [], count: 0 };
  if (out.entries.length < MAX_WARNINGS_PER_FIELD) out.entries.push({ original, message });
  out.count++;
  return out;
}

/**
 * Appends the valid `SOURCE:ID` links of a cell (text separated by `;` or `；`, or a JSON array
 * of such strings) to `out`, the source read as a source code (readSourceCode: NFKC, upper case)
 * and the id kept as written, trimmed, so that it matches the record id. Returns the entries that
 * are not links (to warn about), null when all are fine, or undefined when the cell is neither
 * text nor a list.
 */
export function parseLinks(value: unknown, out: string[]): BadLinks | null | undefined {
  let bad: BadLinks | null = null;
  if (typeof value === 'string') {
    const parts = value.indexOf('\uFF1B') === -1 ? value.split(';') : value.split(/[;\uFF1B]/);
    for (const part of parts) bad = addLink(part, out, bad);
    return bad;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item === 'string') {
        bad = addLink(item, out, bad);
      } else {
        const original = previewJson(item, MAX_ROW_CHARS);
        bad = addBad(bad, original, `link ${showValue(original)} is not SOURCE:ID; dropped`);
      }
    }
    return bad;
  }
  return undefined;
}

/** Appends one `SOURCE:ID` entry (`:` or `：`) to `out`, or records it in `bad` when malformed; returns `bad`. */
function addLink(raw: string, out: string[], bad: BadLinks | null): BadLinks | null {
  const entry = raw.trim();
  if (entry === '') return bad;
  let colon = entry.indexOf(':');
  const wide = entry.indexOf('\uFF1A');
  if (wide !== -1 && (colon === -1 || wide < colon)) colon = wide;
  const src = colon > 0 ? entry.slice(0, colon).trim() : '';
  const id = colon > 0 ? entry.slice(colon + 1).trim() : '';
  if (src === '' || id === '') return addBad(bad, entry, `link ${showValue(entry)} is not SOURCE:ID; dropped`);
  const reading = readSourceCode(src);
  if (reading.code === undefined) return addBad(bad, entry, `link dropped: its ${reading.problem}`);
  out.push(`${reading.code}:${id}`);
  return bad;
}

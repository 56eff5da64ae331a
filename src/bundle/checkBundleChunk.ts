import { CATEGORY_KEYS } from '../domain/categories.ts';
import { UNRECOGNISED_HANDLING } from '../domain/handlingCodes.ts';
import { RECORD_KINDS } from '../domain/recordKinds.ts';
import { TRANSPORT_MODES } from '../domain/transportModes.ts';
import type { EventChunk } from '../events/EventChunk.ts';
import { computeCells } from '../events/computeCells.ts';
import { MAX_ID_LENGTH } from '../feeds/RowNormalizer.ts';
import { readSourceCode } from '../feeds/readSourceCode.ts';
import { BundleRefusalError } from './BundleRefusal.ts';
import { chunkMetaOf } from '../events/chunkMetaOf.ts';

/** Highest Admiralty grading code (F6): 1 + 5 × 6 + 5. */
const MAX_GRADING_CODE = 36;

function invalid(index: number, what: string): never {
  throw new BundleRefusalError('invalid-content', `chunk ${index} of the bundle is not valid: ${what}`);
}

function checkCodes(values: ArrayLike<number>, min: number, max: number, index: number, what: string): void {
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    if (value < min || value > max) invalid(index, `row ${row} has ${what} code ${value}`);
  }
}

/**
 * Checks that a chunk restored from a bundle holds only what a feed import could have stored:
 * vocabulary codes within their vocabularies, positions and times that are real, agency codes
 * and links in the contract's form, ids within their length, metadata that matches the rows, and
 * each row's H3 cell the one its position gives. A signed bundle is still refused when it is not
 * what Tidegate writes. Throws BundleRefusalError (`invalid-content`); reads every text column,
 * so nothing can fail later when the chunk is used.
 */
export function checkBundleChunk(chunk: EventChunk, index: number): void {
  const { columns, strings, meta } = chunk;
  const count = meta.count;
  checkCodes(columns.category, 0, CATEGORY_KEYS.length - 1, index, 'category');
  checkCodes(columns.kind, 0, RECORD_KINDS.length - 1, index, 'kind');
  checkCodes(columns.severity, 1, 5, index, 'severity');
  checkCodes(columns.grading, 0, MAX_GRADING_CODE, index, 'grading');
  checkCodes(columns.mode, 0, TRANSPORT_MODES.length, index, 'mode');
  checkCodes(columns.handling, 0, UNRECOGNISED_HANDLING, index, 'handling');
  for (let row = 0; row < count; row++) {
    const lon = columns.lon[row];
    const lat = columns.lat[row];
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90) || (lon === 0 && lat === 0)) invalid(index, `row ${row} has no real position`);
    if (!Number.isFinite(columns.time[row]) || !Number.isFinite(columns.updated[row])) invalid(index, `row ${row} has no real time or version`);
    const value = columns.valueCny[row];
    if (!Number.isNaN(value) && !(value >= 0 && value < Infinity)) invalid(index, `row ${row} has value ${value}`);
  }
  for (const source of strings.sources) if (readSourceCode(source).code !== source) invalid(index, `${JSON.stringify(source)} is not an agency code`);
  for (const place of [...strings.sites, ...strings.channels]) {
    if (place === '' || place !== place.trim() || place !== place.toLowerCase()) invalid(index, `${JSON.stringify(place)} is not a site or channel id`);
  }
  const ids = strings.ids;
  const links = strings.links;
  const descriptions = strings.descriptions;
  if (ids.length !== count || links.length !== count || descriptions.length !== count) invalid(index, 'its text columns do not have a row each');
  for (let row = 0; row < count; row++) {
    const id = ids[row];
    if (id === '' || id.length > MAX_ID_LENGTH || id !== id.trim()) invalid(index, `row ${row} has id ${JSON.stringify(id.slice(0, 40))}`);
    if (links[row] !== '') {
      for (const link of links[row].split(';')) {
        const colon = link.indexOf(':');
        if (colon <= 0 || colon === link.length - 1 || readSourceCode(link.slice(0, colon)).code !== link.slice(0, colon)) {
          invalid(index, `row ${row} has link ${JSON.stringify(link.slice(0, 40))}, not SOURCE:ID`);
        }
      }
    }
    if (descriptions[row] !== descriptions[row].trim()) invalid(index, `row ${row} has a description with surrounding white space`);
  }
  const expected = chunkMetaOf(columns, count);
  const same =
    expected.minTime === meta.minTime &&
    expected.maxTime === meta.maxTime &&
    expected.bbox.every((value, k) => value === meta.bbox[k]) &&
    expected.categoryCounts.length === meta.categoryCounts.length &&
    expected.categoryCounts.every((value, k) => value === meta.categoryCounts[k]);
  if (!same) invalid(index, 'its metadata does not match its rows');
  const cells = computeCells(columns.lon, columns.lat);
  for (let row = 0; row < count; row++) {
    if (cells.high[row] !== columns.cellHigh[row] || cells.low[row] !== columns.cellLow[row]) invalid(index, `row ${row} has an H3 cell its position does not give`);
  }
}

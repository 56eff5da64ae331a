import type { FeedFormat } from './FeedParserOptions.ts';
import { FeedReadError } from './FeedReadError.ts';

const BY_EXTENSION = new Map<string, FeedFormat>([
  ['csv', 'csv'],
  ['tsv', 'csv'],
  ['geojson', 'geojson'],
  ['ndjson', 'ndjson'],
  ['jsonl', 'ndjson'],
  ['geojsonl', 'ndjson'],
  ['geojsons', 'ndjson'],
  ['geojsonseq', 'ndjson'],
]);

const UNSUPPORTED = new Map<string, string>([
  ['xlsx', 'Excel workbooks are not read directly; save the sheet as CSV UTF-8.'],
  ['xls', 'Excel workbooks are not read directly; save the sheet as CSV UTF-8.'],
  ['ods', 'Spreadsheets are not read directly; save the sheet as CSV UTF-8.'],
  ['zip', 'Archives are not read; extract the CSV, GeoJSON or NDJSON file first.'],
  ['gz', 'Compressed files are not read; decompress the feed first.'],
  ['shp', 'Shapefiles are not read; convert to GeoJSON (WGS 84 or a supported grid) first.'],
  ['kml', 'KML is not read; convert to GeoJSON first.'],
  ['pdf', 'PDF documents are not feeds.'],
]);

function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

function firstNonSpace(text: string): number {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    i++;
  }
  return i;
}

function sniffJsonObject(text: string, start: number): FeedFormat {
  const lf = text.indexOf('\n', start);
  const firstLine = text.slice(start, lf === -1 ? text.length : lf);
  try {
    const value: unknown = JSON.parse(firstLine);
    const isCollection = typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'FeatureCollection';
    return isCollection ? 'geojson' : 'ndjson';
  } catch {
    // The first line is not a whole JSON value: a pretty-printed (or very long) document.
    return 'geojson';
  }
}

/**
 * Picks the feed format from the file extension (.csv/.tsv, .geojson, .ndjson/.jsonl/.geojsonl…)
 * or, for .json and unknown names, from the first bytes: a JSON object whose first line is a
 * complete object is NDJSON unless it is a FeatureCollection; other JSON is GeoJSON; anything
 * else is CSV. Throws FeedReadError for known non-feed types (spreadsheets, archives) and for
 * first bytes that are not UTF-8 text.
 */
export function detectFeedFormat(fileName: string, firstBytes: Uint8Array): FeedFormat {
  const ext = extensionOf(fileName);
  const unsupported = UNSUPPORTED.get(ext);
  if (unsupported !== undefined) throw new FeedReadError('format', unsupported);
  const known = BY_EXTENSION.get(ext);
  if (known !== undefined) return known;
  let text: string;
  try {
    // stream: true tolerates a multi-byte character cut off at the end of the sample.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(firstBytes, { stream: true });
  } catch {
    throw new FeedReadError('encoding', 'The file does not start with UTF-8 text; it is not a CSV, GeoJSON or NDJSON feed.');
  }
  if (text.indexOf('\0') !== -1) throw new FeedReadError('binary', 'The file looks binary, not like a CSV, GeoJSON or NDJSON feed.');
  const start = firstNonSpace(text);
  const c = text.charCodeAt(start);
  if (c === 0x1e) return 'ndjson';
  if (c === 0x7b) return sniffJsonObject(text, start);
  if (c === 0x5b) return 'geojson';
  return 'csv';
}

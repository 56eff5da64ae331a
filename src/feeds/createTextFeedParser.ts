import type { CrsId } from '../crs/CrsId.ts';
import { parseCrs } from '../crs/parseCrs.ts';
import { resolveCnyRates, type Currency } from './cnyRates.ts';
import { CsvFeedParser } from './CsvFeedParser.ts';
import type { FeedBatch } from './FeedBatch.ts';
import type { FeedParserOptions } from './FeedParserOptions.ts';
import { FeedReadError } from './FeedReadError.ts';
import { resolveCurrency } from './feedVocabulary.ts';
import { GeoJsonFeedParser } from './GeoJsonFeedParser.ts';
import { NdjsonFeedParser } from './NdjsonFeedParser.ts';
import { readSourceCode } from './readSourceCode.ts';
import { RowNormalizer, type RowNormalizerConfig } from './RowNormalizer.ts';
import type { TextFeedParser } from './TextFeedParser.ts';

function feedLevelSettings(options: FeedParserOptions): Omit<RowNormalizerConfig, 'locationKind'> {
  if (typeof options.locateReference !== 'function') throw new TypeError('locateReference must be a function');
  let feedSource: string | null = null;
  if (options.feedSource !== undefined && options.feedSource.trim() !== '') {
    const reading = readSourceCode(options.feedSource.trim());
    if (reading.code === undefined) throw new FeedReadError('options', `Feed source: ${reading.problem}`);
    feedSource = reading.code;
  }
  let feedCrs: CrsId = 'EPSG:4326';
  if (options.feedCrs !== undefined && options.feedCrs.trim() !== '') {
    const crs = parseCrs(options.feedCrs);
    if (crs === null) {
      throw new FeedReadError('options', `Unknown feed coordinate system '${options.feedCrs}' (use WGS84, GCJ02, EPSG:2326 or EPSG:8433).`);
    }
    feedCrs = crs;
  }
  let feedCurrency: Currency = 'CNY';
  if (options.feedCurrency !== undefined && options.feedCurrency.trim() !== '') {
    const currency = resolveCurrency(options.feedCurrency);
    if (currency === null) throw new FeedReadError('options', `Unknown feed currency '${options.feedCurrency}' (use CNY, HKD or MOP).`);
    feedCurrency = currency;
  }
  return { feedSource, feedCrs, feedCurrency, rates: resolveCnyRates(options.rates), locateReference: options.locateReference };
}

/** Refuses text that contains NUL characters: a text feed never does, binary files usually do. */
class BinaryGuard implements TextFeedParser {
  private readonly inner: TextFeedParser;

  constructor(inner: TextFeedParser) {
    this.inner = inner;
  }

  pushText(text: string, batch: FeedBatch): void {
    const nul = text.indexOf('\0');
    if (nul !== -1) {
      // The text before the NUL first: a problem there is the file's first, whatever the chunking.
      if (nul > 0) this.inner.pushText(text.slice(0, nul), batch);
      this.inner.settle(batch);
      throw new FeedReadError('binary', 'The file contains NUL characters: it looks like a binary file, not a CSV, GeoJSON or NDJSON feed.');
    }
    this.inner.pushText(text, batch);
  }

  settle(batch: FeedBatch): void {
    this.inner.settle(batch);
  }

  end(batch: FeedBatch): void {
    this.inner.end(batch);
  }
}

/**
 * Validates the options and returns the text-level parser for `options.format`. Throws
 * FeedReadError (code `options`) for an unusable feed source, CRS or currency, RangeError for an
 * invalid rate and TypeError when locateReference is missing.
 */
export function createTextFeedParser(options: FeedParserOptions): TextFeedParser {
  const settings = feedLevelSettings(options);
  switch (options.format) {
    case 'csv':
      return new BinaryGuard(new CsvFeedParser(new RowNormalizer({ ...settings, locationKind: 'line' }), settings.feedSource !== null));
    case 'ndjson':
      return new BinaryGuard(new NdjsonFeedParser(new RowNormalizer({ ...settings, locationKind: 'line' })));
    case 'geojson':
      return new BinaryGuard(
        new GeoJsonFeedParser((documentCrs) => new RowNormalizer({ ...settings, feedCrs: documentCrs ?? settings.feedCrs, locationKind: 'feature' })),
      );
    default:
      throw new TypeError(`Unknown feed format ${String(options.format)}`);
  }
}

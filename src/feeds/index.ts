/** Feed contract 1.1 (docs/feed-format.md): parsing and validation of CSV, GeoJSON and NDJSON feeds. */
export { createFeedParser, type FeedParser } from './createFeedParser.ts';
export { parseFeedText } from './parseFeedText.ts';
export { detectFeedFormat } from './detectFeedFormat.ts';
export { FeedReadError, type FeedReadErrorCode } from './FeedReadError.ts';
export { emptyBatch, appendBatch, type FeedBatch } from './FeedBatch.ts';
export type { FeedFormat, FeedParserOptions, ReferenceLocator } from './FeedParserOptions.ts';
export { CURRENCIES, DEFAULT_CNY_RATES, resolveCnyRates, type CnyRates, type Currency } from './cnyRates.ts';
export { parseFeedTime, type TimeFailure } from './parseFeedTime.ts';
export { FIELD_ALIASES, resolveFieldName } from './fieldAliases.ts';
export { CANONICAL_FIELDS, type CanonicalField } from './rowSlots.ts';
export { FEED_FORMAT_VERSION } from './feedFormatVersion.ts';

import type { CnyRates } from './cnyRates.ts';

/** The three feed encodings of the contract. */
export type FeedFormat = 'csv' | 'geojson' | 'ndjson';

/**
 * Finds the WGS-84 position of a reference-geography site or channel id (for a channel, a
 * representative point such as its midpoint), or null when the id is unknown.
 */
export type ReferenceLocator = (kind: 'site' | 'channel', id: string) => { lon: number; lat: number } | null;

/** Options of one feed import. */
export interface FeedParserOptions {
  format: FeedFormat;
  /** Source (agency) for rows that do not name one. */
  feedSource?: string;
  /** Coordinate system for rows that do not name one (any text parseCrs accepts); default WGS-84. */
  feedCrs?: string;
  /** Currency for values whose row names none; default CNY. */
  feedCurrency?: string;
  /** CNY per unit of each currency, overriding DEFAULT_CNY_RATES. */
  rates?: Partial<CnyRates>;
  /** Positions of reference sites and channels, used when a row has no coordinates. */
  locateReference: ReferenceLocator;
}

import type { CategoryKey } from './categories.ts';
import type { RecordHandling } from './handlingCodes.ts';
import type { RecordKind } from './recordKinds.ts';
import type { TransportMode } from './transportModes.ts';

/**
 * One validated, normalised feed record: WGS-84 position, epoch-millisecond times, value in CNY.
 * This is what every parser yields for an accepted row, and what the store keeps (as columns).
 */
export interface FeedRecord {
  /** Publishing agency, e.g. `GACC-GD`, `HKCED`, `MOCS`. With `id`, the record's key. */
  source: string;
  /** Identifier unique within `source`. */
  id: string;
  /** Event time, epoch milliseconds (UTC). */
  time: number;
  /** WGS-84 longitude, decimal degrees. */
  lon: number;
  /** WGS-84 latitude, decimal degrees. */
  lat: number;
  category: CategoryKey;
  kind: RecordKind;
  /** Integer 1 (low) to 5 (high). */
  severity: number;
  /** Admiralty code such as `B2`, or null when the record is ungraded. */
  grading: string | null;
  /** Value converted to CNY, or null when none was given. */
  valueCny: number | null;
  mode: TransportMode | null;
  /** Reference-geography site id, or null. */
  site: string | null;
  /** Reference-geography channel id, or null. */
  channel: string | null;
  /** Linked records as `SOURCE:ID` keys. */
  links: string[];
  /** Free text; rendered as text, never as HTML. */
  description: string;
  /** Version of the record, epoch milliseconds; equals `time` when the feed gives none. */
  updated: number;
  /**
   * 5×5×5 handling code, which decides what a briefing bundle may carry; absent when the feed gives
   * none (docs/feed-format.md §2). Optional, so that records made before the field existed, and
   * every record without a code, keep their shape and their content hash.
   */
  handling?: RecordHandling;
}

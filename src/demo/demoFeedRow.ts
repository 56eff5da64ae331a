import type { FeedRecord } from '../domain/FeedRecord.ts';
import { DEMO_CNY_RATES, demoCurrencyOfSource, type DemoCurrency } from './demoCurrencies.ts';

/** Columns of the feed contract, in the order the demo writers emit them. */
export const DEMO_FEED_COLUMNS = [
  'id',
  'source',
  'time',
  'lon',
  'lat',
  'category',
  'kind',
  'severity',
  'grading',
  'value',
  'currency',
  'mode',
  'site',
  'channel',
  'links',
  'description',
  'updated',
] as const;

/** One record as a feed row: times as ISO-8601 with `+08:00`, value back in the source's currency. */
export interface DemoFeedRow {
  id: string;
  source: string;
  time: string;
  lon: number;
  lat: number;
  category: string;
  kind: string;
  severity: number;
  grading: string | null;
  value: number | null;
  currency: DemoCurrency | null;
  mode: string | null;
  site: string | null;
  channel: string | null;
  links: string[];
  description: string;
  updated: string;
}

const LOCAL_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, value) => String(value).padStart(2, '0'));

// Feeds are mostly in time order, so the date part is rebuilt only when the local day changes.
let cachedDay = Number.NaN;
let cachedDatePrefix = '';

/**
 * Epoch ms as local GBA time, e.g. `2026-03-01T14:05:09+08:00` (milliseconds only when non-zero).
 */
export function formatFeedTime(epochMs: number): string {
  const local = epochMs + LOCAL_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDatePrefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
  }
  const msOfDay = local - day * DAY_MS;
  const seconds = Math.floor(msOfDay / 1000);
  const millis = msOfDay - seconds * 1000;
  const clock =
    TWO_DIGITS[Math.floor(seconds / 3600)] + ':' + TWO_DIGITS[Math.floor(seconds / 60) % 60] + ':' + TWO_DIGITS[seconds % 60];
  return millis === 0
    ? `${cachedDatePrefix}${clock}+08:00`
    : `${cachedDatePrefix}${clock}.${String(millis).padStart(3, '0')}+08:00`;
}

/**
 * A record's value in its source's currency (see demoCurrencyOfSource), converted back from CNY at
 * DEMO_CNY_RATES: to whole units when within a cent of one (as demo values are), else to cents.
 */
export function demoFeedValue(record: FeedRecord): number | null {
  if (record.valueCny === null) return null;
  const local = record.valueCny / DEMO_CNY_RATES[demoCurrencyOfSource(record.source)];
  const whole = Math.round(local);
  return Math.abs(local - whole) < 0.01 ? whole : Math.round(local * 100) / 100;
}

/**
 * Degrees with exactly six decimals (about 0.1 m), e.g. `113.549120`. Built from integers because
 * shortest-form double printing was the slowest part of writing a million CSV rows.
 */
export function formatDegrees(degrees: number): string {
  const micro = Math.round(degrees * 1e6);
  const magnitude = Math.abs(micro);
  const whole = Math.floor(magnitude / 1e6);
  const fraction = String(magnitude - whole * 1e6).padStart(6, '0');
  return micro < 0 ? `-${whole}.${fraction}` : `${whole}.${fraction}`;
}

/** The feed row of a record, with the value and currency of demoFeedValue. */
export function demoFeedRow(record: FeedRecord): DemoFeedRow {
  const value = demoFeedValue(record);
  return {
    id: record.id,
    source: record.source,
    time: formatFeedTime(record.time),
    lon: record.lon,
    lat: record.lat,
    category: record.category,
    kind: record.kind,
    severity: record.severity,
    grading: record.grading,
    value,
    currency: value === null ? null : demoCurrencyOfSource(record.source),
    mode: record.mode,
    site: record.site,
    channel: record.channel,
    links: record.links,
    description: record.description,
    updated: formatFeedTime(record.updated),
  };
}

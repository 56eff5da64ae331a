import { latLngToCell } from 'h3-js';
import type { FeedRecord } from '../../domain/FeedRecord.ts';
import type { RiskFilters } from '../RiskFilters.ts';
import { referenceChannelOf, referenceSiteOf } from './referenceAttribution.ts';
import { insideRing } from './referenceGeometry.ts';
import type { ReferenceQuery } from './ReferenceQuery.ts';

/** Default site radius of docs/risk-model.md §4, km. */
export const REFERENCE_SITE_RADIUS_KM = 3;

/** One live record with what the model derives from it, independently of T. */
export interface ReferenceEvent {
  record: FeedRecord;
  /** `SOURCE:ID`. */
  key: string;
  /** Position in table order. */
  order: number;
  /** The event time at the start of its second, epoch ms (§1, time precision). */
  second: number;
  /** Reliability letter and credibility digit; an ungraded record is F6. */
  letter: string;
  digit: number;
  /** The table's own site and channel (§4), which the `sites`/`channels` filters use. */
  tableSite: string | null;
  tableChannel: string | null;
  /** Whether the event passes the query's filters (§3). */
  passes: boolean;
  /** `latLngToCell` of the full-precision position at the query's resolution. */
  cell: string;
}

function admits<T>(allowed: readonly T[] | undefined, value: T): boolean {
  return allowed === undefined || allowed.includes(value);
}

/** Whether an event passes `filters` (§3): every present field, ANDed; `sites` OR `channels`. */
function passesFilters(event: Omit<ReferenceEvent, 'passes' | 'cell'>, filters: RiskFilters): boolean {
  const { record } = event;
  if (!admits(filters.categories, record.category)) return false;
  if (!admits(filters.kinds, record.kind)) return false;
  if (!admits(filters.sources, record.source)) return false;
  if (!admits(filters.modes, record.mode)) return false;
  if (filters.severityMin !== undefined && record.severity < filters.severityMin) return false;
  if (filters.severityMax !== undefined && record.severity > filters.severityMax) return false;
  if (!admits(filters.reliability as readonly string[] | undefined, event.letter)) return false;
  if (filters.minCredibility !== undefined && event.digit > filters.minCredibility) return false;
  if (filters.sites !== undefined || filters.channels !== undefined) {
    const bySite = filters.sites !== undefined && event.tableSite !== null && filters.sites.includes(event.tableSite);
    const byChannel = filters.channels !== undefined && event.tableChannel !== null && filters.channels.includes(event.tableChannel);
    if (!bySite && !byChannel) return false;
  }
  if (filters.area !== undefined && !insideRing(filters.area, record.lon, record.lat)) return false;
  return true;
}

/** The events of `records` (the live records in table order) under `query`. */
export function referenceEvents(records: readonly FeedRecord[], query: ReferenceQuery, resolution: number): ReferenceEvent[] {
  const siteRadiusKm = query.table.siteRadiusKm ?? REFERENCE_SITE_RADIUS_KM;
  const channelRadiusKm = query.table.channelRadiusKm ?? siteRadiusKm;
  return records.map((record, order) => {
    const grading = record.grading ?? 'F6';
    const event = {
      record,
      key: `${record.source}:${record.id}`,
      order,
      second: Math.floor(record.time / 1000) * 1000,
      letter: grading[0],
      digit: Number(grading[1]),
      tableSite: referenceSiteOf(record, query.table.sites, siteRadiusKm),
      tableChannel: referenceChannelOf(record, query.table.channels, channelRadiusKm),
    };
    return { ...event, passes: passesFilters(event, query.filters), cell: latLngToCell(record.lat, record.lon, resolution) };
  });
}

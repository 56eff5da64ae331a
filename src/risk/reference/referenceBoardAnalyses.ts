import { CATEGORY_KEYS } from '../../domain/categories.ts';
import type { FeedRecord } from '../../domain/FeedRecord.ts';
import { RECORD_KINDS } from '../../domain/recordKinds.ts';
import { TRANSPORT_MODES } from '../../domain/transportModes.ts';
import type { RiskFilters } from '../RiskFilters.ts';
import { DEFAULT_CREDIBILITY, DEFAULT_RELIABILITY, type CredibilityDigit, type ReliabilityLetter } from '../RiskParams.ts';
import { referenceChannelOf, referenceSiteOf } from './referenceAttribution.ts';
import { referenceEvents, REFERENCE_SITE_RADIUS_KM, type ReferenceEvent } from './referenceEvents.ts';
import type { ReferenceQuery } from './ReferenceQuery.ts';

/**
 * Plain implementations of the board's analyses (docs/risk-model.md §8), for tests only: one loop
 * over the events per question, the filters evaluated one dimension at a time by the reference
 * filter code, Date arithmetic for UTC+8 calendars.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const UTC8 = 8 * HOUR;

/** Facet counts by option name (categories, kinds, modes ('none' for no mode), sources, severity, letters, digits). */
export type ReferenceFacets = Record<'categories' | 'kinds' | 'modes' | 'sources' | 'severity' | 'reliability' | 'credibility', Map<string, number>>;

/** Key figures of the window. */
export interface ReferenceFigures {
  events: number;
  valueCny: number;
  clues: number;
  eventsBySource: Map<string, number>;
  valueBySource: Map<string, number>;
}

function add(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Whether each event passes `filters` alone (the reference filter code, §3). */
function passing(records: readonly FeedRecord[], query: ReferenceQuery, filters: RiskFilters): boolean[] {
  return referenceEvents(records, { ...query, filters }, 5).map((event) => event.passes);
}

function inWindow(event: ReferenceEvent, at: number, windowMs: number): boolean {
  return event.second >= at - windowMs && event.second <= at;
}

/** Facets and figures of the window at T: each dimension under every other filter. */
export function referenceFacets(records: readonly FeedRecord[], query: ReferenceQuery): { facets: ReferenceFacets; figures: ReferenceFigures } {
  const f = query.filters;
  const only = (fields: (keyof RiskFilters)[]): RiskFilters =>
    Object.fromEntries(fields.filter((field) => f[field] !== undefined).map((field) => [field, f[field]])) as RiskFilters;
  const dimensions = {
    categories: passing(records, query, only(['categories'])),
    kinds: passing(records, query, only(['kinds'])),
    modes: passing(records, query, only(['modes'])),
    sources: passing(records, query, only(['sources'])),
    severity: passing(records, query, only(['severityMin', 'severityMax'])),
    reliability: passing(records, query, only(['reliability'])),
    credibility: passing(records, query, only(['minCredibility'])),
  };
  const place = passing(records, query, only(['sites', 'channels', 'area']));
  const events = referenceEvents(records, query, 5);
  const facets: ReferenceFacets = {
    categories: new Map(),
    kinds: new Map(),
    modes: new Map(),
    sources: new Map(),
    severity: new Map(),
    reliability: new Map(),
    credibility: new Map(),
  };
  const figures: ReferenceFigures = { events: 0, valueCny: 0, clues: 0, eventsBySource: new Map(), valueBySource: new Map() };
  const T = query.params.time;
  const windowMs = query.params.windowMs ?? 30 * DAY;
  events.forEach((event, k) => {
    if (!inWindow(event, T, windowMs) || !place[k]) return;
    const { record } = event;
    const option = {
      categories: record.category,
      kinds: record.kind,
      modes: record.mode ?? 'none',
      sources: record.source,
      severity: String(record.severity),
      reliability: event.letter,
      credibility: String(event.digit),
    };
    const failed = (Object.keys(dimensions) as (keyof typeof dimensions)[]).filter((dimension) => !dimensions[dimension][k]);
    if (failed.length === 0) {
      for (const dimension of Object.keys(option) as (keyof typeof option)[]) add(facets[dimension], option[dimension]);
      figures.events++;
      if (record.kind === 'clue') figures.clues++;
      add(figures.eventsBySource, record.source);
      add(figures.valueBySource, record.source, record.valueCny ?? 0);
      figures.valueCny += record.valueCny ?? 0;
    } else if (failed.length === 1) {
      add(facets[failed[0]], option[failed[0]]);
    }
  });
  return { facets, figures };
}

/** The start of the UTC+8 day of `time`, by the calendar. */
function utc8Midnight(time: number): number {
  const local = new Date(time + UTC8);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - UTC8;
}

/** Events per bin and category name under every filter, over the time range of all records. */
export function referenceHistogram(records: readonly FeedRecord[], query: ReferenceQuery): { start: number; binMs: number; bins: number; counts: Map<string, number> } {
  const events = referenceEvents(records, query, 5);
  const seconds = events.map((event) => event.second);
  const min = Math.min(...seconds);
  const max = Math.max(...seconds);
  const bins = (start: number, binMs: number) => Math.floor((max - start) / binMs) + 1;
  let start = Math.floor(min / HOUR) * HOUR;
  let binMs = HOUR;
  if (bins(start, binMs) > 400) {
    start = utc8Midnight(min);
    binMs = DAY;
  }
  if (bins(start, binMs) > 400) {
    const weekday = new Date(start + UTC8).getUTCDay();
    start = utc8Midnight(min) - ((weekday + 6) % 7) * DAY;
    binMs = WEEK;
  }
  if (bins(start, binMs) > 400) binMs = Math.ceil((max - start + 1) / (400 * WEEK)) * WEEK;
  const counts = new Map<string, number>();
  for (const event of events) if (event.passes) add(counts, `${Math.floor((event.second - start) / binMs)}:${event.record.category}`);
  return { start, binMs, bins: bins(start, binMs), counts };
}

/** The weight of an event at `at` (§1), or null when it does not count then. */
export function referenceWeightAt(event: ReferenceEvent, query: ReferenceQuery, at: number): number | null {
  const { params } = query;
  const windowMs = params.windowMs ?? 30 * DAY;
  if (!event.passes || event.second < at - windowMs || event.second > at) return null;
  const undecayed =
    (params.categoryWeights?.[event.record.category] ?? 1) *
    (event.record.severity / 5) *
    (params.reliability?.[event.letter as ReliabilityLetter] ?? DEFAULT_RELIABILITY[event.letter as ReliabilityLetter]) *
    (params.credibility?.[event.digit as CredibilityDigit] ?? DEFAULT_CREDIBILITY[event.digit as CredibilityDigit]);
  return undecayed * Math.pow(2, -(at - event.second) / (params.halfLifeMs ?? 7 * DAY));
}

/** A thing the details drawer explains. */
export type ReferenceTarget = { kind: 'cell'; cell: string; resolution: number } | { kind: 'site'; id: string } | { kind: 'channel'; id: string };

/** Score, count, previous and the counted events (with weights, table order) of a target. */
export function referenceDetails(
  records: readonly FeedRecord[],
  query: ReferenceQuery,
  target: ReferenceTarget,
): { score: number; count: number; previous: number; counted: { event: ReferenceEvent; weight: number }[] } {
  const resolution = target.kind === 'cell' ? target.resolution : 5;
  const events = referenceEvents(records, query, resolution);
  const tableRadius = query.table.siteRadiusKm ?? REFERENCE_SITE_RADIUS_KM;
  const siteRadius = query.params.siteRadiusKm ?? tableRadius;
  const channelRadius = query.params.channelRadiusKm ?? query.table.channelRadiusKm ?? tableRadius;
  const belongs = (event: ReferenceEvent): boolean =>
    target.kind === 'cell'
      ? event.cell === target.cell
      : target.kind === 'site'
        ? referenceSiteOf(event.record, query.table.sites, siteRadius) === target.id
        : referenceChannelOf(event.record, query.table.channels, channelRadius) === target.id;
  const T = query.params.time;
  const windowMs = query.params.windowMs ?? 30 * DAY;
  let score = 0;
  let previous = 0;
  const counted: { event: ReferenceEvent; weight: number }[] = [];
  for (const event of events) {
    if (!belongs(event)) continue;
    const now = referenceWeightAt(event, query, T);
    const before = referenceWeightAt(event, query, T - windowMs);
    if (before !== null) previous += before;
    if (now !== null) {
      score += now;
      counted.push({ event, weight: now });
    }
  }
  return { score, count: counted.length, previous, counted };
}

/** Codes the engine sorts categories, kinds and modes by. */
export const CODE_OF = {
  category: (record: FeedRecord) => CATEGORY_KEYS.indexOf(record.category),
  kind: (record: FeedRecord) => RECORD_KINDS.indexOf(record.kind),
  mode: (record: FeedRecord) => (record.mode === null ? 0 : TRANSPORT_MODES.indexOf(record.mode) + 1),
};

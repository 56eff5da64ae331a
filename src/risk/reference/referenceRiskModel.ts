import { cellToLatLng } from 'h3-js';
import type { FeedRecord } from '../../domain/FeedRecord.ts';
import type { ReferenceChannel, ReferenceSite } from '../ReferencePlaces.ts';
import { DEFAULT_CREDIBILITY, DEFAULT_RELIABILITY, type CredibilityDigit, type ReliabilityLetter } from '../RiskParams.ts';
import { referenceAlerts } from './referenceAlerts.ts';
import { referenceChannelOf, referenceSiteOf } from './referenceAttribution.ts';
import { referenceEvents, REFERENCE_SITE_RADIUS_KM, type ReferenceEvent } from './referenceEvents.ts';
import { greatCircleKm } from './referenceGeometry.ts';
import { referenceLinks } from './referenceLinks.ts';
import type { ReferenceQuery } from './ReferenceQuery.ts';
import type { BreakdownAnswer, HotspotAnswer, PlaceAnswer, RiskAnswer } from './RiskAnswer.ts';

/**
 * A deliberately plain implementation of docs/risk-model.md, for tests only: one loop over the
 * events per question, Math.pow for the decay, Maps and arrays for the groups. It shares nothing
 * with the optimised passes in src/risk beyond the model's constants.
 */

const DAY_MS = 86_400_000;
/** How many heaviest events a breakdown lists (§2). */
const TOP_EVENTS = 5;

/** The reference's answer, plus the weight at T of every counted event (by `SOURCE:ID`). */
export interface ReferenceAnswer extends RiskAnswer {
  weights: Map<string, number>;
}

/** A counted event of a group and its decayed weight. */
interface Contribution {
  event: ReferenceEvent;
  weight: number;
}

/** What a group (cell or place) adds up to. */
interface Group {
  score: number;
  count: number;
  previous: number;
  contributions: Contribution[];
}

function emptyGroup(): Group {
  return { score: 0, count: 0, previous: 0, contributions: [] };
}

/** Shares of `score` by one field of the contributing records (zero parts left out). */
function shares(contributions: readonly Contribution[], score: number, field: (record: FeedRecord) => string): Record<string, number> {
  const parts = new Map<string, number>();
  for (const { event, weight } of contributions) {
    const name = field(event.record);
    parts.set(name, (parts.get(name) ?? 0) + weight);
  }
  const out: Record<string, number> = {};
  for (const [name, part] of parts) if (part > 0) out[name] = part / score;
  return out;
}

/** §2: shares by category, agency and kind, and the heaviest events (equal weights: earlier row first). */
function breakdown(group: Group): BreakdownAnswer {
  const heaviest = [...group.contributions].sort((a, b) => b.weight - a.weight || a.event.order - b.event.order);
  return {
    byCategory: shares(group.contributions, group.score, (r) => r.category),
    bySource: shares(group.contributions, group.score, (r) => r.source),
    byKind: shares(group.contributions, group.score, (r) => r.kind),
    topEvents: heaviest.slice(0, TOP_EVENTS).map(({ event, weight }) => ({ key: event.key, weight })),
  };
}

/** Ranks by score, highest first; ties by id in code-unit order. */
function byScoreThenId<T extends { score: number }>(idOf: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    if (a.score !== b.score) return b.score - a.score;
    const x = idOf(a);
    const y = idOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

/** Evaluates the documented model on `records`: the live records, in table order. */
export function referenceRiskModel(records: readonly FeedRecord[], query: ReferenceQuery): ReferenceAnswer {
  const { params } = query;
  const T = params.time;
  const windowMs = params.windowMs ?? 30 * DAY_MS;
  const halfLifeMs = params.halfLifeMs ?? 7 * DAY_MS;
  const resolution = params.resolution ?? 7;
  const topN = params.topN ?? 200;
  const trend = params.trend ?? true;
  const events = referenceEvents(records, query, resolution);

  /** §1: the graded, weighted, undecayed weight. */
  const undecayed = (event: ReferenceEvent): number =>
    (params.categoryWeights?.[event.record.category] ?? 1) *
    (event.record.severity / 5) *
    (params.reliability?.[event.letter as ReliabilityLetter] ?? DEFAULT_RELIABILITY[event.letter as ReliabilityLetter]) *
    (params.credibility?.[event.digit as CredibilityDigit] ?? DEFAULT_CREDIBILITY[event.digit as CredibilityDigit]);
  /** §1: the weight of an event evaluated at `at`, or null when it does not count then. */
  const weightAt = (event: ReferenceEvent, at: number): number | null => {
    if (!event.passes || event.second < at - windowMs || event.second > at) return null;
    return undecayed(event) * Math.pow(2, -(at - event.second) / halfLifeMs);
  };

  const weights = new Map<string, number>();
  /** Adds every counted event to the group `groupOf` names (none when null). */
  const tally = (groups: Map<string, Group>, groupOf: (event: ReferenceEvent) => string | null): void => {
    for (const event of events) {
      const id = groupOf(event);
      if (id === null) continue;
      const now = weightAt(event, T);
      const before = weightAt(event, T - windowMs);
      let group = groups.get(id);
      if (group === undefined) {
        group = emptyGroup();
        groups.set(id, group);
      }
      if (now !== null) {
        weights.set(event.key, now);
        group.score += now;
        group.count++;
        group.contributions.push({ event, weight: now });
      }
      if (before !== null) group.previous += before;
    }
  };

  // §2: hotspots are the cells holding at least one counted event.
  const cells = new Map<string, Group>();
  tally(cells, (event) => event.cell);
  const tableSites = query.table.sites;
  const hotspots: HotspotAnswer[] = [];
  for (const [cell, group] of cells) {
    if (group.count === 0) continue;
    const [lat, lon] = cellToLatLng(cell);
    let nearestSite: HotspotAnswer['nearestSite'] = null;
    for (const site of tableSites) {
      const distanceKm = greatCircleKm(lon, lat, site.lon, site.lat);
      if (nearestSite === null || distanceKm < nearestSite.distanceKm) nearestSite = { id: site.id, distanceKm };
    }
    hotspots.push({
      cell,
      score: group.score,
      count: group.count,
      previous: trend ? group.previous : NaN,
      details: breakdown(group),
      nearestSite,
      centre: [lon, lat],
    });
  }
  hotspots.sort(byScoreThenId((h) => h.cell));
  let totalScore = 0;
  let totalCount = 0;
  for (const hotspot of hotspots) {
    totalScore += hotspot.score;
    totalCount += hotspot.count;
  }
  hotspots.forEach((hotspot, rank) => {
    if (rank >= topN) hotspot.details = null;
  });

  // §4: every scored place, then the ids records name that the list lacks.
  const tableSiteRadius = query.table.siteRadiusKm ?? REFERENCE_SITE_RADIUS_KM;
  const siteRadiusKm = params.siteRadiusKm ?? tableSiteRadius;
  const channelRadiusKm = params.channelRadiusKm ?? query.table.channelRadiusKm ?? tableSiteRadius;
  const scoredSites = query.scoredSites ?? query.table.sites;
  const scoredChannels = query.scoredChannels ?? query.table.channels;
  const placeRisk = (
    places: readonly (ReferenceSite | ReferenceChannel)[],
    named: (record: FeedRecord) => string | null,
    placeOf: (record: FeedRecord) => string | null,
  ): PlaceAnswer[] => {
    const groups = new Map<string, Group>();
    const referenceIds = new Set<string>();
    for (const place of places) {
      groups.set(place.id, emptyGroup());
      referenceIds.add(place.id);
    }
    for (const event of events) {
      const id = named(event.record);
      if (id !== null && !groups.has(id)) groups.set(id, emptyGroup());
    }
    tally(groups, (event) => placeOf(event.record));
    const out: PlaceAnswer[] = [];
    for (const [id, group] of groups) {
      out.push({
        id,
        reference: referenceIds.has(id),
        score: group.score,
        count: group.count,
        // `trend: false` spares only the hotspots' previous window (RiskParams.trend).
        previous: group.previous,
        details: breakdown(group),
      });
    }
    out.sort(byScoreThenId((p) => p.id));
    out.forEach((place, rank) => {
      if (rank >= topN) place.details = null;
    });
    return out;
  };
  const sites = placeRisk(
    scoredSites,
    (record) => record.site,
    (record) => referenceSiteOf(record, scoredSites, siteRadiusKm),
  );
  const channels = placeRisk(
    scoredChannels,
    (record) => record.channel,
    (record) => referenceChannelOf(record, scoredChannels, channelRadiusKm),
  );

  return {
    hotspots,
    totalScore,
    totalCount,
    sites,
    channels,
    alerts: referenceAlerts(events, T, query, (event) => referenceSiteOf(event.record, tableSites, siteRadiusKm)),
    links: referenceLinks(events, query),
    weights,
  };
}

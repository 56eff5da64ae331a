import type { PlaceRisk } from './computeSiteRisk.ts';
import { describeBreakdown, type BreakdownSummary } from './describeBreakdown.ts';
import type { EventTable } from './EventTable.ts';
import { trendOf, type Trend } from './trendOf.ts';

/** One site or channel as a plain object. */
export interface PlaceSummary extends BreakdownSummary {
  rank: number;
  id: string;
  /** False for an id only records name (not in the reference list). */
  reference: boolean;
  score: number;
  count: number;
  trend: Trend;
}

/** Plain objects for the places of `risk` that have details (the top N), highest first. */
export function describePlaces(risk: PlaceRisk, table: EventTable, limit = Infinity): PlaceSummary[] {
  const count = Math.min(limit, risk.details.groups.length);
  const summaries: PlaceSummary[] = [];
  for (let rank = 0; rank < count; rank++) {
    const place = risk.details.groups[rank];
    const score = risk.scores[place];
    summaries.push({
      rank,
      id: risk.ids[place],
      reference: place < risk.referenceCount,
      score,
      count: risk.counts[place],
      trend: trendOf(score, risk.previous[place]),
      ...describeBreakdown(table, risk.details, rank, score),
    });
  }
  return summaries;
}

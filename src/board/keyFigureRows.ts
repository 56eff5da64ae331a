import type { KeyFigures } from './BoardQuery.ts';

/** One agency's row of the key figures. */
export interface AgencyFigures {
  source: string;
  events: number;
  valueCny: number;
}

/** The `limit` agencies with the most events in the window (ties by name), skipping those with none. */
export function topSources(sources: readonly string[], figures: KeyFigures, limit: number): AgencyFigures[] {
  const rows: AgencyFigures[] = [];
  sources.forEach((source, i) => {
    const events = figures.eventsBySource[i] ?? 0;
    if (events > 0) rows.push({ source, events, valueCny: figures.valueBySource[i] ?? 0 });
  });
  rows.sort((a, b) => b.events - a.events || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  return rows.slice(0, limit);
}

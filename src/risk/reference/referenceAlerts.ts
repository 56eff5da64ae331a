import { cellToLatLng } from 'h3-js';
import type { ReferenceEvent } from './referenceEvents.ts';
import { referenceLogUpperTail } from './referencePoissonTail.ts';
import type { ReferenceQuery } from './ReferenceQuery.ts';
import type { AlertAnswer } from './RiskAnswer.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Counts of one cell or site. */
interface Tally {
  observed: number;
  baseline: number;
  since: number;
  sumLon: number;
  sumLat: number;
}

/**
 * The spike alerts of docs/risk-model.md §5 at T: per cell and per site (`siteOf`: the table's
 * sites at the query's site radius), the counted events in (T − recent, T] against those in the
 * baseline window just before, by a Poisson tail; each list sorted by probability (in log form,
 * so underflow keeps the order), then id. A site only records name is placed at the mean Float32
 * position of its recent events.
 */
export function referenceAlerts(
  events: readonly ReferenceEvent[],
  T: number,
  query: ReferenceQuery,
  siteOf: (event: ReferenceEvent) => string | null,
): { cells: AlertAnswer[]; sites: AlertAnswer[] } {
  const options = query.alertOptions;
  const recentMs = (options.recentHours ?? 24) * HOUR_MS;
  const baselineMs = (options.baselineDays ?? 28) * DAY_MS;
  const prior = options.priorEvents ?? 0.5;
  const minCount = options.minCount ?? 3;
  const pThreshold = options.pThreshold ?? 0.001;

  const test = (target: 'cell' | 'site', groupOf: (event: ReferenceEvent) => string | null): AlertAnswer[] => {
    const tallies = new Map<string, Tally>();
    for (const event of events) {
      const id = groupOf(event);
      if (!event.passes || id === null) continue;
      let tally = tallies.get(id);
      if (tally === undefined) {
        tally = { observed: 0, baseline: 0, since: Infinity, sumLon: 0, sumLat: 0 };
        tallies.set(id, tally);
      }
      const t = event.second;
      if (t > T - recentMs && t <= T) {
        tally.observed++;
        tally.since = Math.min(tally.since, t);
        tally.sumLon += Math.fround(event.record.lon);
        tally.sumLat += Math.fround(event.record.lat);
      } else if (t > T - recentMs - baselineMs && t <= T - recentMs) {
        tally.baseline++;
      }
    }
    const alerts: AlertAnswer[] = [];
    for (const [id, tally] of tallies) {
      if (tally.observed < minCount) continue;
      const expected = tally.baseline * (recentMs / baselineMs) + prior;
      const logProbability = referenceLogUpperTail(tally.observed, expected);
      const probability = Math.exp(logProbability);
      if (!(probability < pThreshold)) continue;
      let lon = tally.sumLon / tally.observed;
      let lat = tally.sumLat / tally.observed;
      if (target === 'cell') {
        [lat, lon] = cellToLatLng(id);
      } else {
        const site = query.table.sites.find((s) => s.id === id);
        if (site !== undefined) [lon, lat] = [site.lon, site.lat];
      }
      alerts.push({
        target,
        id,
        observed: tally.observed,
        baselineCount: tally.baseline,
        expected,
        probability,
        logProbability,
        since: tally.since,
        lon,
        lat,
      });
    }
    return alerts.sort((a, b) => a.logProbability - b.logProbability || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  };
  return { cells: test('cell', (event) => event.cell), sites: test('site', siteOf) };
}

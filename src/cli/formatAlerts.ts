import { formatUtc8 } from '../domain/formatUtc8.ts';
import { siteById } from '../geo/referenceGeography.ts';
import type { AlertResult, SpikeAlert } from '../risk/RiskEngine.ts';
import { formatTable } from './formatTable.ts';

/** One alert in `tidegate alerts --json`. */
export interface AlertJson {
  target: SpikeAlert['target'];
  /** H3 cell id (hex) or site id. */
  id: string;
  observed: number;
  baselineCount: number;
  expected: number;
  probability: number;
  /** Natural log of the probability; stays finite where `probability` underflows to 0. */
  logProbability: number;
  /** First event of the recent window, ISO 8601 UTC. */
  since: string;
  lat: number;
  lon: number;
}

/** The document `tidegate alerts --json` prints. */
export interface AlertsJson {
  /** Evaluation instant, ISO 8601 UTC. */
  at: string;
  resolution: number;
  recentHours: number;
  baselineDays: number;
  threshold: number;
  /** Cell alerts and site alerts, each by probability ascending, then id. */
  cells: AlertJson[];
  sites: AlertJson[];
}

/** The settings an alert run was made with, as the user gave them. */
export interface AlertRunSettings {
  at: number;
  resolution: number;
  recentHours: number;
  baselineDays: number;
  threshold: number;
}

function alertJson(alert: SpikeAlert): AlertJson {
  return {
    target: alert.target,
    id: alert.id,
    observed: alert.observed,
    baselineCount: alert.baselineCount,
    expected: alert.expected,
    probability: alert.probability,
    logProbability: alert.logProbability,
    since: new Date(alert.since).toISOString(),
    lat: alert.lat,
    lon: alert.lon,
  };
}

/** Alert results as the JSON document; numbers unrounded. */
export function alertsToJson(settings: AlertRunSettings, result: AlertResult): AlertsJson {
  return {
    at: new Date(settings.at).toISOString(),
    resolution: settings.resolution,
    recentHours: settings.recentHours,
    baselineDays: settings.baselineDays,
    threshold: settings.threshold,
    cells: result.cells.map(alertJson),
    sites: result.sites.map(alertJson),
  };
}

/** Two significant digits; below the smallest double, the power of ten from the log. */
function probabilityText(alert: AlertJson): string {
  if (alert.probability > 0) return alert.probability.toExponential(1);
  return `~1e${Math.round(alert.logProbability / Math.LN10)}`;
}

function alertTable(alerts: readonly AlertJson[], target: 'cell' | 'site'): string {
  return formatTable(
    [target, 'observed', 'expected', 'P(X>=observed)', 'since (UTC+08:00)', 'lat', 'lon', ...(target === 'site' ? ['name'] : [])],
    alerts.map((a) => [
      a.id,
      String(a.observed),
      a.expected.toFixed(2),
      probabilityText(a),
      formatUtc8(Date.parse(a.since)),
      a.lat.toFixed(4),
      a.lon.toFixed(4),
      ...(target === 'site' ? [siteById(a.id)?.names.en ?? '(not in the reference geography)'] : []),
    ]),
    { align: ['left', 'right', 'right', 'right', 'left', 'right', 'right'], indent: '  ' },
  );
}

/** The alert document as terminal tables, one for cells and one for sites. */
export function formatAlerts(document: AlertsJson): string {
  let text =
    `Spike alerts at ${formatUtc8(Date.parse(document.at))} (UTC+08:00): last ${document.recentHours} h against the ` +
    `${document.baselineDays} days before, P < ${document.threshold}, H3 resolution ${document.resolution}\n`;
  text += `Cells (${document.cells.length})\n`;
  if (document.cells.length > 0) text += alertTable(document.cells, 'cell');
  text += `Sites (${document.sites.length})\n`;
  if (document.sites.length > 0) text += alertTable(document.sites, 'site');
  return text;
}

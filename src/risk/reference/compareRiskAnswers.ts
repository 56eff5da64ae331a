import type { ReferenceAnswer } from './referenceRiskModel.ts';
import type { AlertAnswer, BreakdownAnswer, HotspotAnswer, PlaceAnswer, RiskAnswer } from './RiskAnswer.ts';

/**
 * Compares an engine's answer with the reference model's and lists every disagreement beyond the
 * tolerances of the differential test: counts exact; scores, shares and weights within 1e-9
 * relative; rankings equal except among places whose reference scores agree within 1e-9 (but
 * bitwise-equal engine scores must be ordered by id); alerts equal except where log p lies within
 * 1e-9 of log pThreshold.
 */

/** Relative tolerance of every real number. */
export const RELATIVE_TOLERANCE = 1e-9;
/**
 * Absolute slack below which two sums are equal: weights that decay into the subnormal range
 * (below ~2.2e-308) keep only a few significant bits in any implementation.
 */
export const SUBNORMAL_SLACK = 1e-300;

/** Whether two reals agree within the tolerances (NaN only equals NaN). */
export function close(a: number, b: number, relative = RELATIVE_TOLERANCE): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  return Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b)) + SUBNORMAL_SLACK;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Collects disagreements; stops adding after a few dozen so a report stays readable. */
class Findings {
  readonly lines: string[] = [];
  add(line: string): void {
    if (this.lines.length < 40) this.lines.push(line);
  }
}

/** Settings the comparison needs from the query. */
export interface ComparisonContext {
  topN: number;
  pThreshold: number;
  /** Table order of each record key, for the "equal weights keep the earlier row" rule. */
  orderOfKey: Map<string, number>;
}

function compareShares(findings: Findings, where: string, engine: Record<string, number>, reference: Record<string, number>): void {
  for (const name of new Set([...Object.keys(engine), ...Object.keys(reference)])) {
    const e = engine[name] ?? 0;
    const r = reference[name] ?? 0;
    if (!(Math.abs(e - r) <= RELATIVE_TOLERANCE)) findings.add(`${where}: share of ${name} ${e} ≠ reference ${r}`);
  }
}

function compareBreakdown(
  findings: Findings,
  where: string,
  engine: BreakdownAnswer,
  reference: BreakdownAnswer,
  referenceScore: number,
  weights: Map<string, number>,
  context: ComparisonContext,
): void {
  // Shares of a score made only of subnormal weights carry no meaning worth comparing.
  if (referenceScore > 1e-290) {
    compareShares(findings, `${where} byCategory`, engine.byCategory, reference.byCategory);
    compareShares(findings, `${where} bySource`, engine.bySource, reference.bySource);
    compareShares(findings, `${where} byKind`, engine.byKind, reference.byKind);
  }
  const e = engine.topEvents;
  const r = reference.topEvents;
  if (e.length !== r.length) {
    findings.add(`${where}: ${e.length} top events ≠ reference ${r.length} (${e.map((t) => t.key)} vs ${r.map((t) => t.key)})`);
    return;
  }
  const seen = new Set<string>();
  for (let i = 0; i < e.length; i++) {
    if (seen.has(e[i].key)) findings.add(`${where}: top event ${e[i].key} listed twice`);
    seen.add(e[i].key);
    if (!close(e[i].weight, r[i].weight)) findings.add(`${where}: top event ${i} weight ${e[i].weight} ≠ reference ${r[i].weight}`);
    // The engine may name another event only where the reference weighs the two the same.
    const own = weights.get(e[i].key);
    if (own === undefined || !close(own, r[i].weight)) {
      findings.add(`${where}: top event ${i} is ${e[i].key} (reference weight ${own}), reference has ${r[i].key} (${r[i].weight})`);
    }
    if (i > 0 && e[i].weight === e[i - 1].weight && !(context.orderOfKey.get(e[i - 1].key)! < context.orderOfKey.get(e[i].key)!)) {
      findings.add(`${where}: equal-weight top events ${e[i - 1].key}, ${e[i].key} not in table order`);
    }
  }
}

/** Checks an engine ranking against reference scores: ordered up to ties, bitwise ties by id. */
function compareRanking<T extends { score: number }>(findings: Findings, what: string, engine: readonly T[], referenceScoreOf: (item: T) => number, idOf: (item: T) => string): void {
  for (let i = 1; i < engine.length; i++) {
    const a = engine[i - 1];
    const b = engine[i];
    const ra = referenceScoreOf(a);
    const rb = referenceScoreOf(b);
    if (ra < rb && !close(ra, rb)) findings.add(`${what}: ${idOf(a)} (reference ${ra}) ranked above ${idOf(b)} (reference ${rb})`);
    if (a.score === b.score && compareIds(idOf(a), idOf(b)) > 0) findings.add(`${what}: equal scores ${a.score}, ${idOf(a)} ranked above ${idOf(b)}`);
    if (a.score < b.score) findings.add(`${what}: engine scores not descending at ${idOf(a)}, ${idOf(b)}`);
  }
}

function compareHotspots(findings: Findings, engine: RiskAnswer, reference: ReferenceAnswer, context: ComparisonContext): void {
  if (engine.totalCount !== reference.totalCount) findings.add(`hotspots: total count ${engine.totalCount} ≠ reference ${reference.totalCount}`);
  if (!close(engine.totalScore, reference.totalScore)) findings.add(`hotspots: total score ${engine.totalScore} ≠ reference ${reference.totalScore}`);
  const byCell = new Map<string, HotspotAnswer>(reference.hotspots.map((h) => [h.cell, h]));
  const engineCells = new Set(engine.hotspots.map((h) => h.cell));
  for (const h of reference.hotspots) {
    if (!engineCells.has(h.cell)) findings.add(`hotspots: reference cell ${h.cell} (count ${h.count}) missing from the engine`);
  }
  engine.hotspots.forEach((e, rank) => {
    const r = byCell.get(e.cell);
    if (r === undefined) {
      findings.add(`hotspots: engine cell ${e.cell} (count ${e.count}) not in the reference`);
      return;
    }
    if (e.count !== r.count) findings.add(`hotspot ${e.cell}: count ${e.count} ≠ reference ${r.count}`);
    if (!close(e.score, r.score)) findings.add(`hotspot ${e.cell}: score ${e.score} ≠ reference ${r.score}`);
    if (!close(e.previous, r.previous)) findings.add(`hotspot ${e.cell}: previous ${e.previous} ≠ reference ${r.previous}`);
    if ((rank < context.topN) !== (e.details !== null)) findings.add(`hotspot ${e.cell} at rank ${rank}: details ${e.details !== null} with topN ${context.topN}`);
    if (e.details !== null && r.details !== null) compareBreakdown(findings, `hotspot ${e.cell}`, e.details, r.details, r.score, reference.weights, context);
    if (e.details !== null) {
      if (!close(e.centre[0], r.centre[0], 1e-12) || !close(e.centre[1], r.centre[1], 1e-12)) findings.add(`hotspot ${e.cell}: centre ${e.centre} ≠ ${r.centre}`);
      if ((e.nearestSite === null) !== (r.nearestSite === null)) findings.add(`hotspot ${e.cell}: nearest site ${JSON.stringify(e.nearestSite)} ≠ ${JSON.stringify(r.nearestSite)}`);
      else if (e.nearestSite !== null && r.nearestSite !== null) {
        if (!close(e.nearestSite.distanceKm, r.nearestSite.distanceKm)) findings.add(`hotspot ${e.cell}: nearest-site distance ${e.nearestSite.distanceKm} ≠ ${r.nearestSite.distanceKm}`);
        else if (e.nearestSite.id !== r.nearestSite.id && e.nearestSite.distanceKm !== r.nearestSite.distanceKm) findings.add(`hotspot ${e.cell}: nearest site ${e.nearestSite.id} ≠ ${r.nearestSite.id}`);
      }
    }
  });
  compareRanking(findings, 'hotspot ranking', engine.hotspots, (h) => byCell.get(h.cell)?.score ?? NaN, (h) => h.cell);
}

function comparePlaces(findings: Findings, what: string, engine: readonly PlaceAnswer[], reference: readonly PlaceAnswer[], weights: Map<string, number>, context: ComparisonContext): void {
  const byId = new Map(reference.map((p) => [p.id, p]));
  const engineIds = new Set(engine.map((p) => p.id));
  for (const p of reference) if (!engineIds.has(p.id)) findings.add(`${what}: reference place ${p.id} missing from the engine`);
  engine.forEach((e, rank) => {
    const r = byId.get(e.id);
    if (r === undefined) {
      findings.add(`${what}: engine place ${e.id} not in the reference`);
      return;
    }
    if (e.reference !== r.reference) findings.add(`${what} ${e.id}: reference flag ${e.reference} ≠ ${r.reference}`);
    if (e.count !== r.count) findings.add(`${what} ${e.id}: count ${e.count} ≠ reference ${r.count}`);
    if (!close(e.score, r.score)) findings.add(`${what} ${e.id}: score ${e.score} ≠ reference ${r.score}`);
    if (!close(e.previous, r.previous)) findings.add(`${what} ${e.id}: previous ${e.previous} ≠ reference ${r.previous}`);
    if ((rank < context.topN) !== (e.details !== null)) findings.add(`${what} ${e.id} at rank ${rank}: details ${e.details !== null} with topN ${context.topN}`);
    if (e.details !== null && r.details !== null) compareBreakdown(findings, `${what} ${e.id}`, e.details, r.details, r.score, weights, context);
  });
  compareRanking(findings, `${what} ranking`, engine, (p) => byId.get(p.id)?.score ?? NaN, (p) => p.id);
}

function compareAlerts(findings: Findings, what: string, engine: readonly AlertAnswer[], reference: readonly AlertAnswer[], context: ComparisonContext): void {
  const logThreshold = Math.log(context.pThreshold);
  const atThreshold = (a: AlertAnswer): boolean => Math.abs(a.logProbability - logThreshold) < 1e-9;
  const byId = new Map(reference.map((a) => [a.id, a]));
  const engineIds = new Set(engine.map((a) => a.id));
  for (const r of reference) {
    if (!engineIds.has(r.id) && !atThreshold(r)) findings.add(`${what}: reference alert ${r.id} (observed ${r.observed}, baseline ${r.baselineCount}, log p ${r.logProbability}) missing from the engine`);
  }
  for (const e of engine) {
    const r = byId.get(e.id);
    if (r === undefined) {
      if (!atThreshold(e)) findings.add(`${what}: engine alert ${e.id} (observed ${e.observed}, baseline ${e.baselineCount}, log p ${e.logProbability}) not in the reference`);
      continue;
    }
    if (e.target !== r.target) findings.add(`${what} ${e.id}: target ${e.target} ≠ ${r.target}`);
    if (e.observed !== r.observed) findings.add(`${what} ${e.id}: observed ${e.observed} ≠ reference ${r.observed}`);
    if (e.baselineCount !== r.baselineCount) findings.add(`${what} ${e.id}: baseline ${e.baselineCount} ≠ reference ${r.baselineCount}`);
    if (!close(e.expected, r.expected, 1e-12)) findings.add(`${what} ${e.id}: expected ${e.expected} ≠ reference ${r.expected}`);
    if (!(close(e.logProbability, r.logProbability) || Math.abs(e.logProbability - r.logProbability) < 1e-12)) {
      findings.add(`${what} ${e.id}: log p ${e.logProbability} ≠ reference ${r.logProbability}`);
    }
    if (!close(e.probability, r.probability)) findings.add(`${what} ${e.id}: p ${e.probability} ≠ reference ${r.probability}`);
    if (e.since !== r.since) findings.add(`${what} ${e.id}: since ${e.since} ≠ reference ${r.since}`);
    if (!(Math.abs(e.lon - r.lon) < 1e-9 && Math.abs(e.lat - r.lat) < 1e-9)) findings.add(`${what} ${e.id}: position ${e.lon},${e.lat} ≠ reference ${r.lon},${r.lat}`);
  }
  for (let i = 1; i < engine.length; i++) {
    const a = engine[i - 1];
    const b = engine[i];
    if (a.logProbability > b.logProbability && !close(a.logProbability, b.logProbability)) findings.add(`${what}: ${a.id} (log p ${a.logProbability}) before ${b.id} (${b.logProbability})`);
    if (a.logProbability === b.logProbability && compareIds(a.id, b.id) > 0) findings.add(`${what}: equal p, ${a.id} before ${b.id}`);
  }
}

function compareLinks(findings: Findings, engine: RiskAnswer['links'], reference: RiskAnswer['links']): void {
  const json = (value: unknown): string => JSON.stringify(value);
  if (json(engine.totals) !== json(reference.totals)) findings.add(`links: totals ${json(engine.totals)} ≠ reference ${json(reference.totals)}`);
  if (json(engine.pairCounts) !== json(reference.pairCounts)) findings.add(`links: pair counts ${json(engine.pairCounts)} ≠ reference ${json(reference.pairCounts)}`);
  if (json(engine.unresolvedKeys) !== json(reference.unresolvedKeys)) findings.add(`links: unresolved ${json(engine.unresolvedKeys)} ≠ reference ${json(reference.unresolvedKeys)}`);
  const arcs = (list: RiskAnswer['links']['arcs']): string[] => list.map((arc) => json([arc.a, arc.b, arc.territoryA, arc.territoryB, arc.from, arc.to])).sort();
  const e = arcs(engine.arcs);
  const r = arcs(reference.arcs);
  if (json(e) !== json(r)) findings.add(`links: arcs ${e.filter((x) => !r.includes(x)).join(' ')} | reference only ${r.filter((x) => !e.includes(x)).join(' ')}`);
}

/** Every disagreement between `engine` and `reference` (empty when they agree). */
export function compareRiskAnswers(engine: RiskAnswer, reference: ReferenceAnswer, context: ComparisonContext): string[] {
  const findings = new Findings();
  compareHotspots(findings, engine, reference, context);
  comparePlaces(findings, 'site', engine.sites, reference.sites, reference.weights, context);
  comparePlaces(findings, 'channel', engine.channels, reference.channels, reference.weights, context);
  compareAlerts(findings, 'cell alerts', engine.alerts.cells, reference.alerts.cells, context);
  compareAlerts(findings, 'site alerts', engine.alerts.sites, reference.alerts.sites, context);
  compareLinks(findings, engine.links, reference.links);
  return findings.lines;
}

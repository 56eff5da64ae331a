import type { RiskFilters } from '../risk/RiskFilters.ts';
import type { RiskParams } from '../risk/RiskParams.ts';
import { NO_MODE, type ViewFilters, type ViewModel } from './ViewState.ts';

const DAY_MS = 86_400_000;

/** The engine's parameters for a view's model at evaluation instant `time` (epoch ms). */
export function riskParamsOf(model: ViewModel, time: number): RiskParams {
  return {
    time,
    windowMs: model.windowDays * DAY_MS,
    halfLifeMs: model.halfLifeDays * DAY_MS,
    resolution: model.resolution,
    categoryWeights: model.categoryWeights,
    reliability: model.reliability,
    credibility: model.credibility,
    siteRadiusKm: model.siteRadiusKm,
  };
}

/** The engine's filters for a view's filters: a field the view leaves open is left out. */
export function riskFiltersOf(filters: ViewFilters): RiskFilters {
  const risk: RiskFilters = {};
  if (filters.categories !== null) risk.categories = filters.categories;
  if (filters.kinds !== null) risk.kinds = filters.kinds;
  if (filters.modes !== null) risk.modes = filters.modes.map((mode) => (mode === NO_MODE ? null : mode));
  if (filters.sources !== null) risk.sources = filters.sources;
  if (filters.severityMin > 1) risk.severityMin = filters.severityMin;
  if (filters.severityMax < 5) risk.severityMax = filters.severityMax;
  if (filters.reliability !== null) risk.reliability = filters.reliability;
  if (filters.minCredibility < 6) risk.minCredibility = filters.minCredibility;
  if (filters.area !== null && filters.area.length >= 3) risk.area = filters.area;
  return risk;
}

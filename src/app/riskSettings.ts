import { CATEGORY_KEYS, type CategoryKey } from '../domain/categories.ts';
import type { RiskFilters } from '../risk/RiskFilters.ts';
import type { RiskParams } from '../risk/RiskParams.ts';

const DAY_MS = 86_400_000;

/** The model settings a user edits on the board (see docs/risk-model.md). */
export interface RiskSettings {
  /** Evaluation instant, epoch ms; null = follow "now" (or the end of the data). */
  at: number | null;
  windowDays: number;
  halfLifeDays: number;
  resolution: number;
  categoryWeights: Record<CategoryKey, number>;
  /** Categories shown; all by default. */
  categories: CategoryKey[];
  severityMin: number;
}

/** Defaults of the scoring model. */
export function defaultRiskSettings(): RiskSettings {
  return {
    at: null,
    windowDays: 30,
    halfLifeDays: 7,
    resolution: 7,
    categoryWeights: Object.fromEntries(CATEGORY_KEYS.map((key) => [key, 1])) as Record<CategoryKey, number>,
    categories: [...CATEGORY_KEYS],
    severityMin: 1,
  };
}

/** The engine's parameters for these settings at evaluation instant `time`. */
export function toRiskParams(settings: RiskSettings, time: number): RiskParams {
  return {
    time,
    windowMs: settings.windowDays * DAY_MS,
    halfLifeMs: settings.halfLifeDays * DAY_MS,
    resolution: settings.resolution,
    categoryWeights: settings.categoryWeights,
  };
}

/** The engine's filters for these settings (absent keys filter nothing). */
export function toRiskFilters(settings: RiskSettings): RiskFilters {
  const filters: RiskFilters = {};
  if (settings.categories.length < CATEGORY_KEYS.length) filters.categories = settings.categories;
  if (settings.severityMin > 1) filters.severityMin = settings.severityMin;
  return filters;
}

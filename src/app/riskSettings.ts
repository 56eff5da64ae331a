import { CATEGORY_KEYS, type CategoryKey } from '../domain/categories.ts';
import { RELIABILITY_LETTERS } from '../domain/grading.ts';
import { RECORD_KINDS, type RecordKind } from '../domain/recordKinds.ts';
import { TRANSPORT_MODES, type TransportMode } from '../domain/transportModes.ts';
import { DEFAULT_CREDIBILITY, DEFAULT_RELIABILITY, type CredibilityDigit, type ReliabilityLetter } from '../risk/RiskParams.ts';
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
  kinds: RecordKind[];
  /** Transport modes shown; `null` stands for records without a mode. */
  modes: (TransportMode | null)[];
  /** Source agencies shown; null = all. */
  sources: string[] | null;
  /** Reliability letters shown. */
  reliabilityLetters: ReliabilityLetter[];
  /** Worst credibility digit admitted (6 admits all). */
  minCredibility: CredibilityDigit;
  reliability: Record<ReliabilityLetter, number>;
  credibility: Record<CredibilityDigit, number>;
  /** Drawn map area ([lon, lat] ring), or null for the whole map. */
  area: [number, number][] | null;
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
    kinds: [...RECORD_KINDS],
    modes: [...TRANSPORT_MODES, null],
    sources: null,
    reliabilityLetters: [...RELIABILITY_LETTERS],
    minCredibility: 6,
    reliability: { ...DEFAULT_RELIABILITY },
    credibility: { ...DEFAULT_CREDIBILITY },
    area: null,
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
    reliability: settings.reliability,
    credibility: settings.credibility,
  };
}

/** The engine's filters for these settings (absent keys filter nothing). */
export function toRiskFilters(settings: RiskSettings): RiskFilters {
  const filters: RiskFilters = {};
  if (settings.categories.length < CATEGORY_KEYS.length) filters.categories = settings.categories;
  if (settings.severityMin > 1) filters.severityMin = settings.severityMin;
  if (settings.kinds.length < RECORD_KINDS.length) filters.kinds = settings.kinds;
  if (settings.modes.length < TRANSPORT_MODES.length + 1) filters.modes = settings.modes;
  if (settings.sources) filters.sources = settings.sources;
  if (settings.reliabilityLetters.length < RELIABILITY_LETTERS.length) filters.reliability = settings.reliabilityLetters;
  if (settings.minCredibility < 6) filters.minCredibility = settings.minCredibility;
  if (settings.area && settings.area.length >= 3) filters.area = settings.area;
  return filters;
}

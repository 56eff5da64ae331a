import { CATEGORY_KEYS, type CategoryKey } from '../domain/categories.ts';
import type { RecordKind } from '../domain/recordKinds.ts';
import type { TransportMode } from '../domain/transportModes.ts';
import type { Locale } from '../i18n/locales.ts';
import { DEFAULT_CREDIBILITY, DEFAULT_RELIABILITY, type CredibilityDigit, type ReliabilityLetter } from '../risk/RiskParams.ts';

/**
 * Version of the ViewState shape. Bump it with a migration in viewStateMigrations.ts whenever a
 * field changes meaning, is renamed or removed; adding an optional field with a default does not
 * need one.
 */
export const VIEW_STATE_VERSION = 1;

/** Colour theme: dark for wall displays, light for print and briefings. */
export type Theme = 'dark' | 'light';

/** How the board is laid out: the interactive board, an unattended wall, or a read-only briefing. */
export type BoardMode = 'board' | 'wall' | 'briefing';

/** Map camera. */
export interface Camera {
  lon: number;
  lat: number;
  zoom: number;
}

/** Switchable map layers, in legend order. */
export const LAYER_KEYS = ['hotspots', 'extrusion', 'events', 'heatmap', 'sites', 'channels', 'links', 'alerts', 'labels'] as const;

/** One switchable map layer. */
export type LayerKey = (typeof LAYER_KEYS)[number];

/** Layers a first visit shows: the overview, without the busier detail layers. */
export const DEFAULT_LAYERS: Readonly<Record<LayerKey, boolean>> = {
  hotspots: true,
  extrusion: false,
  events: true,
  heatmap: false,
  sites: true,
  channels: true,
  links: true,
  alerts: true,
  labels: true,
};

/** What is selected on the board; events are named by (source, id), never by id alone. */
export type Selection =
  | { kind: 'hotspot'; cell: string }
  | { kind: 'site'; id: string }
  | { kind: 'channel'; id: string }
  | { kind: 'alert'; target: 'cell' | 'site'; id: string }
  | { kind: 'event'; source: string; id: string };

/** The tool panel open beside the map (at most one); the details drawer follows the selection instead. */
export type Drawer = 'filters' | 'model' | 'layers' | 'data';

/** The transport-mode filter's stand-in for "records that name no mode". */
export const NO_MODE = 'none';

/** Which events the board counts. `null` in a list field means "no constraint". */
export interface ViewFilters {
  categories: CategoryKey[] | null;
  kinds: RecordKind[] | null;
  modes: (TransportMode | typeof NO_MODE)[] | null;
  sources: string[] | null;
  /** Inclusive severity bounds, 1 ≤ min ≤ max ≤ 5. */
  severityMin: number;
  severityMax: number;
  reliability: ReliabilityLetter[] | null;
  /** Worst credibility digit admitted (6 admits every record). */
  minCredibility: CredibilityDigit;
  /** A drawn area: one ring of [lon, lat], at least three corners. */
  area: [number, number][] | null;
}

/** Scoring model settings (docs/risk-model.md). */
export interface ViewModel {
  /** Evaluation instant T, epoch ms; null follows now (or the end of the data when it is older). */
  at: number | null;
  windowDays: number;
  halfLifeDays: number;
  resolution: number;
  categoryWeights: Record<CategoryKey, number>;
  reliability: Record<ReliabilityLetter, number>;
  credibility: Record<CredibilityDigit, number>;
  /** Radius within which an event without a named site is attributed to the nearest one, km. */
  siteRadiusKm: number;
}

/**
 * Everything that decides what the user sees: one versioned record, owned by one store, restored
 * from the URL, local storage, saved views, playlists and bundles through one path
 * (restoreViewState).
 */
export interface ViewState {
  version: typeof VIEW_STATE_VERSION;
  /** null frames the whole Bay Area, whatever the screen's shape. */
  camera: Camera | null;
  model: ViewModel;
  filters: ViewFilters;
  layers: Record<LayerKey, boolean>;
  selection: Selection | null;
  drawer: Drawer | null;
  locale: Locale;
  theme: Theme;
  mode: BoardMode;
}

/** Bounds a restored value must respect; anything outside falls back to the default. */
export const VIEW_LIMITS = {
  zoom: [3, 18] as const,
  windowDays: [1 / 24, 3650] as const,
  halfLifeDays: [1 / 24, 3650] as const,
  resolution: [5, 9] as const,
  weight: [0, 1000] as const,
  siteRadiusKm: [0, 50] as const,
  /** Epoch ms: 1970 to 2200. */
  at: [0, 7_258_118_400_000] as const,
  areaCorners: 1000,
  sources: 512,
  textLength: 256,
} as const;

/** The default model settings (docs/risk-model.md). */
export function defaultViewModel(): ViewModel {
  return {
    at: null,
    windowDays: 30,
    halfLifeDays: 7,
    resolution: 7,
    categoryWeights: Object.fromEntries(CATEGORY_KEYS.map((key) => [key, 1])) as Record<CategoryKey, number>,
    reliability: { ...DEFAULT_RELIABILITY },
    credibility: { ...DEFAULT_CREDIBILITY },
    siteRadiusKm: 3,
  };
}

/** Filters that admit every event. */
export function defaultViewFilters(): ViewFilters {
  return {
    categories: null,
    kinds: null,
    modes: null,
    sources: null,
    severityMin: 1,
    severityMax: 5,
    reliability: null,
    minCredibility: 6,
    area: null,
  };
}

/** The view of a first visit in `locale`. */
export function defaultViewState(locale: Locale = 'en'): ViewState {
  return {
    version: VIEW_STATE_VERSION,
    camera: null,
    model: defaultViewModel(),
    filters: defaultViewFilters(),
    layers: { ...DEFAULT_LAYERS },
    selection: null,
    drawer: null,
    locale,
    theme: 'dark',
    mode: 'board',
  };
}

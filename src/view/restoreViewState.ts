import { CATEGORY_KEYS, type CategoryKey } from '../domain/categories.ts';
import { RELIABILITY_LETTERS } from '../domain/grading.ts';
import { RECORD_KINDS, type RecordKind } from '../domain/recordKinds.ts';
import { TRANSPORT_MODES, type TransportMode } from '../domain/transportModes.ts';
import { LOCALES, type Locale } from '../i18n/locales.ts';
import type { CredibilityDigit, ReliabilityLetter } from '../risk/RiskParams.ts';
import {
  defaultViewState,
  LAYER_KEYS,
  NO_MODE,
  VIEW_LIMITS,
  VIEW_STATE_VERSION,
  type BoardMode,
  type Camera,
  type Drawer,
  type LayerKey,
  type Selection,
  type Theme,
  type ViewFilters,
  type ViewModel,
  type ViewState,
} from './ViewState.ts';
import { migrateViewState, type RawViewState } from './viewStateMigrations.ts';

/** Why part of a restored view fell back to its default. */
export type RestoreProblem = 'invalid' | 'unreadable' | 'too-large' | 'newer-version';

/** One part of a view that could not be used as given. */
export interface RestoreNotice {
  /** Dotted path of the field (`filters.categories`), or `view` for the whole record. */
  field: string;
  problem: RestoreProblem;
}

/** A view state made safe to use, with what had to be replaced by defaults. */
export interface RestoredView {
  state: ViewState;
  notices: RestoreNotice[];
  /** The record came from a newer version of Tidegate: every field is the fallback's. */
  fromNewerVersion: boolean;
}

/** Largest stored or linked view text accepted, characters. */
export const MAX_VIEW_TEXT = 64 * 1024;

const DRAWERS: readonly Drawer[] = ['filters', 'model', 'layers', 'data'];
const MODES: readonly BoardMode[] = ['board', 'wall', 'briefing'];
const THEMES: readonly Theme[] = ['dark', 'light'];
const CREDIBILITY_DIGITS: readonly CredibilityDigit[] = [1, 2, 3, 4, 5, 6];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects the notices of one restore. */
class Restorer {
  readonly notices: RestoreNotice[] = [];

  invalid<T>(field: string, fallback: T): T {
    this.notices.push({ field, problem: 'invalid' });
    return fallback;
  }

  number(raw: unknown, field: string, [min, max]: readonly [number, number], fallback: number, integer = false): number {
    if (raw === undefined) return fallback;
    if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < min || raw > max || (integer && !Number.isInteger(raw))) {
      return this.invalid(field, fallback);
    }
    return raw;
  }

  oneOf<T>(raw: unknown, field: string, allowed: readonly T[], fallback: T): T {
    if (raw === undefined) return fallback;
    return allowed.includes(raw as T) ? (raw as T) : this.invalid(field, fallback);
  }

  /** A list of vocabulary values (deduplicated, in vocabulary order), or null for "all". */
  vocabularyList<T>(raw: unknown, field: string, vocabulary: readonly T[], fallback: T[] | null): T[] | null {
    if (raw === undefined) return fallback;
    if (raw === null) return null;
    if (!Array.isArray(raw) || raw.length > vocabulary.length * 4) return this.invalid(field, fallback);
    const wanted = new Set<unknown>(raw);
    const list = vocabulary.filter((value) => wanted.has(value));
    if (list.length === wanted.size) return list;
    // Nothing known in a non-empty list: keep the fallback rather than admit nothing.
    return this.invalid(field, list.length === 0 ? fallback : list);
  }

  text(raw: unknown): string | null {
    if (typeof raw !== 'string' || raw.length === 0 || raw.length > VIEW_LIMITS.textLength) return null;
    // No control or invisible formatting characters: they could make two names look alike.
    if (/[\p{Cc}\p{Cf}]/u.test(raw)) return null;
    return raw;
  }

  weights<K extends string | number>(raw: unknown, field: string, keys: readonly K[], fallback: Record<K, number>): Record<K, number> {
    if (raw === undefined) return { ...fallback };
    if (!isRecord(raw)) return this.invalid(field, { ...fallback });
    const weights = { ...fallback };
    for (const [key, value] of Object.entries(raw)) {
      const known = keys.find((candidate) => String(candidate) === key);
      if (known === undefined) {
        this.notices.push({ field: `${field}.${key}`, problem: 'invalid' });
        continue;
      }
      weights[known] = this.number(value, `${field}.${key}`, VIEW_LIMITS.weight, fallback[known]);
    }
    return weights;
  }
}

function restoreCamera(r: Restorer, raw: unknown, fallback: Camera | null): Camera | null {
  if (raw === undefined) return fallback;
  if (raw === null) return null;
  if (!isRecord(raw)) return r.invalid('camera', fallback);
  const { lon, lat, zoom } = raw;
  const finite = (value: unknown, min: number, max: number): value is number =>
    typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
  if (!finite(lon, -180, 180) || !finite(lat, -85, 85) || !finite(zoom, VIEW_LIMITS.zoom[0], VIEW_LIMITS.zoom[1])) {
    return r.invalid('camera', fallback);
  }
  return { lon, lat, zoom };
}

function restoreModel(r: Restorer, raw: unknown, fallback: ViewModel): ViewModel {
  if (raw === undefined) return structuredClone(fallback);
  if (!isRecord(raw)) return r.invalid('model', structuredClone(fallback));
  let at = fallback.at;
  if (raw.at === null) at = null;
  else if (raw.at !== undefined) {
    const given = r.number(raw.at, 'model.at', VIEW_LIMITS.at, Number.NaN);
    at = Number.isNaN(given) ? fallback.at : given;
  }
  return {
    at,
    windowDays: r.number(raw.windowDays, 'model.windowDays', VIEW_LIMITS.windowDays, fallback.windowDays),
    halfLifeDays: r.number(raw.halfLifeDays, 'model.halfLifeDays', VIEW_LIMITS.halfLifeDays, fallback.halfLifeDays),
    resolution: r.number(raw.resolution, 'model.resolution', VIEW_LIMITS.resolution, fallback.resolution, true),
    categoryWeights: r.weights(raw.categoryWeights, 'model.categoryWeights', CATEGORY_KEYS, fallback.categoryWeights),
    reliability: r.weights(raw.reliability, 'model.reliability', RELIABILITY_LETTERS, fallback.reliability),
    credibility: r.weights(raw.credibility, 'model.credibility', CREDIBILITY_DIGITS, fallback.credibility),
    siteRadiusKm: r.number(raw.siteRadiusKm, 'model.siteRadiusKm', VIEW_LIMITS.siteRadiusKm, fallback.siteRadiusKm),
  };
}

function restoreArea(r: Restorer, raw: unknown, fallback: [number, number][] | null): [number, number][] | null {
  if (raw === undefined) return fallback;
  if (raw === null) return null;
  if (!Array.isArray(raw) || raw.length < 3 || raw.length > VIEW_LIMITS.areaCorners) return r.invalid('filters.area', fallback);
  const ring: [number, number][] = [];
  for (const corner of raw) {
    if (!Array.isArray(corner) || corner.length !== 2) return r.invalid('filters.area', fallback);
    const [lon, lat] = corner as unknown[];
    if (typeof lon !== 'number' || typeof lat !== 'number' || !(Math.abs(lon) <= 180) || !(Math.abs(lat) <= 90)) {
      return r.invalid('filters.area', fallback);
    }
    ring.push([lon, lat]);
  }
  return ring;
}

function restoreSources(r: Restorer, raw: unknown, fallback: string[] | null): string[] | null {
  if (raw === undefined) return fallback;
  if (raw === null) return null;
  if (!Array.isArray(raw) || raw.length > VIEW_LIMITS.sources) return r.invalid('filters.sources', fallback);
  const sources = new Set<string>();
  for (const value of raw) {
    const text = r.text(value);
    if (text === null) r.notices.push({ field: 'filters.sources', problem: 'invalid' });
    else sources.add(text);
  }
  return [...sources].sort();
}

function restoreFilters(r: Restorer, raw: unknown, fallback: ViewFilters): ViewFilters {
  if (raw === undefined) return structuredClone(fallback);
  if (!isRecord(raw)) return r.invalid('filters', structuredClone(fallback));
  let severityMin = r.number(raw.severityMin, 'filters.severityMin', [1, 5], fallback.severityMin, true);
  let severityMax = r.number(raw.severityMax, 'filters.severityMax', [1, 5], fallback.severityMax, true);
  if (severityMin > severityMax) {
    r.notices.push({ field: 'filters.severityMin', problem: 'invalid' });
    severityMin = fallback.severityMin;
    severityMax = fallback.severityMax;
  }
  const modes: readonly (TransportMode | typeof NO_MODE)[] = [...TRANSPORT_MODES, NO_MODE];
  return {
    categories: r.vocabularyList<CategoryKey>(raw.categories, 'filters.categories', CATEGORY_KEYS, fallback.categories),
    kinds: r.vocabularyList<RecordKind>(raw.kinds, 'filters.kinds', RECORD_KINDS, fallback.kinds),
    modes: r.vocabularyList(raw.modes, 'filters.modes', modes, fallback.modes),
    sources: restoreSources(r, raw.sources, fallback.sources),
    severityMin,
    severityMax,
    reliability: r.vocabularyList<ReliabilityLetter>(raw.reliability, 'filters.reliability', RELIABILITY_LETTERS, fallback.reliability),
    minCredibility: r.oneOf(raw.minCredibility, 'filters.minCredibility', CREDIBILITY_DIGITS, fallback.minCredibility),
    area: restoreArea(r, raw.area, fallback.area),
  };
}

function restoreLayers(r: Restorer, raw: unknown, fallback: Record<LayerKey, boolean>): Record<LayerKey, boolean> {
  if (raw === undefined) return { ...fallback };
  if (!isRecord(raw)) return r.invalid('layers', { ...fallback });
  const layers = { ...fallback };
  for (const key of LAYER_KEYS) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value === 'boolean') layers[key] = value;
    else r.notices.push({ field: `layers.${key}`, problem: 'invalid' });
  }
  return layers;
}

const CELL_ID = /^[0-9a-f]{15}$/;

function restoreSelection(r: Restorer, raw: unknown, fallback: Selection | null): Selection | null {
  if (raw === undefined) return fallback;
  if (raw === null) return null;
  if (!isRecord(raw)) return r.invalid('selection', fallback);
  const id = r.text(raw.id);
  switch (raw.kind) {
    case 'hotspot':
      if (typeof raw.cell === 'string' && CELL_ID.test(raw.cell)) return { kind: 'hotspot', cell: raw.cell };
      break;
    case 'site':
    case 'channel':
      if (id !== null) return { kind: raw.kind, id };
      break;
    case 'alert':
      if (id !== null && (raw.target === 'cell' || raw.target === 'site')) {
        if (raw.target === 'site' || CELL_ID.test(id)) return { kind: 'alert', target: raw.target, id };
      }
      break;
    case 'event': {
      const source = r.text(raw.source);
      if (id !== null && source !== null) return { kind: 'event', source, id };
      break;
    }
  }
  return r.invalid('selection', null);
}

/**
 * The one way a view state enters the board — from the URL, local storage, a saved view, a
 * playlist or a bundle: `raw` of any shape and version becomes a valid ViewState. Older versions
 * are migrated; each field that is missing takes the fallback's value, and each that is wrong in
 * type or range takes it too, with a notice naming the field. A record from a newer version
 * than this build knows yields the fallback as a whole, flagged, since its fields may mean
 * something else now.
 */
export function restoreViewState(raw: unknown, fallback: ViewState = defaultViewState()): RestoredView {
  const r = new Restorer();
  if (!isRecord(raw)) {
    r.notices.push({ field: 'view', problem: 'unreadable' });
    return { state: structuredClone(fallback), notices: r.notices, fromNewerVersion: false };
  }
  const version = raw.version === undefined ? 0 : raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    r.notices.push({ field: 'view', problem: 'unreadable' });
    return { state: structuredClone(fallback), notices: r.notices, fromNewerVersion: false };
  }
  if (version > VIEW_STATE_VERSION) {
    r.notices.push({ field: 'view', problem: 'newer-version' });
    return { state: structuredClone(fallback), notices: r.notices, fromNewerVersion: true };
  }
  const current: RawViewState = version < VIEW_STATE_VERSION ? migrateViewState(raw, version) : raw;
  const state: ViewState = {
    version: VIEW_STATE_VERSION,
    camera: restoreCamera(r, current.camera, fallback.camera),
    model: restoreModel(r, current.model, fallback.model),
    filters: restoreFilters(r, current.filters, fallback.filters),
    layers: restoreLayers(r, current.layers, fallback.layers),
    selection: restoreSelection(r, current.selection, fallback.selection),
    drawer: current.drawer === null ? null : r.oneOf<Drawer | null>(current.drawer, 'drawer', DRAWERS, fallback.drawer),
    locale: r.oneOf<Locale>(current.locale, 'locale', LOCALES, fallback.locale),
    theme: r.oneOf(current.theme, 'theme', THEMES, fallback.theme),
    mode: r.oneOf(current.mode, 'mode', MODES, fallback.mode),
  };
  return { state, notices: r.notices, fromNewerVersion: false };
}

/**
 * Restores a view kept as JSON text (local storage, a saved file): absent text (null) gives the
 * fallback silently; text that is too long or not JSON gives it with a notice.
 */
export function restoreViewText(text: string | null, fallback: ViewState = defaultViewState()): RestoredView {
  if (text === null) return { state: structuredClone(fallback), notices: [], fromNewerVersion: false };
  if (text.length > MAX_VIEW_TEXT) {
    return { state: structuredClone(fallback), notices: [{ field: 'view', problem: 'too-large' }], fromNewerVersion: false };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { state: structuredClone(fallback), notices: [{ field: 'view', problem: 'unreadable' }], fromNewerVersion: false };
  }
  return restoreViewState(raw, fallback);
}

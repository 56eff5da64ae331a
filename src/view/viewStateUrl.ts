import { CATEGORY_KEYS } from '../domain/categories.ts';
import { RELIABILITY_LETTERS } from '../domain/grading.ts';
import { formatUtc8Iso } from '../domain/formatUtc8.ts';
import { MAX_VIEW_TEXT } from './restoreViewState.ts';
import { defaultViewState, LAYER_KEYS, VIEW_STATE_VERSION, type Selection, type ViewState } from './ViewState.ts';
import type { RawViewState } from './viewStateMigrations.ts';

/**
 * The URL form of a view state: readable query parameters, written only where the view differs
 * from the defaults (so links stay short), e.g.
 *
 *     ?v=1&lang=zh-Hant&theme=light&c=9.5/22.31/113.95&at=2026-11-20T12:00:00+08:00&res=8
 *       &cat=narcotics,tobacco&sev=3-5&area=113.5,22.1;113.6,22.1;113.6,22.2&sel=hotspot:88411c…
 *
 * `v` marks a versioned view; `lang` and `theme` are always written so that a link opens in the
 * language and theme it was copied in. An empty list (`cat=`) admits nothing; an absent one, all.
 * Values are parsed only as far as their type: restoreViewState decides what is valid.
 */

/** A scalar value, escaped for a query but with `:` and `/` left readable (times, camera). */
function encodeValue(text: string): string {
  return encodeURIComponent(text).replace(/%3A/g, ':').replace(/%2F/g, '/');
}

/** One item of a list or pair value: every separator it contains (`,` `:` `;`) escaped. */
function encodeItem(text: string): string {
  return encodeURIComponent(text);
}

function decodeText(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Shortest decimal text of `value` rounded to `digits` decimals. */
function fixed(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

function sameList<T>(a: readonly T[] | null, b: readonly T[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function weightsParam<K extends string | number>(weights: Record<K, number>, defaults: Record<K, number>, keys: readonly K[]): string | null {
  const changed = keys.filter((key) => weights[key] !== defaults[key]).map((key) => `${encodeItem(String(key))}:${encodeItem(String(weights[key]))}`);
  return changed.length > 0 ? changed.join(',') : null;
}

function selectionParam(selection: Selection): string {
  switch (selection.kind) {
    case 'hotspot':
      return `hotspot:${selection.cell}`;
    case 'site':
    case 'channel':
      return `${selection.kind}:${encodeItem(selection.id)}`;
    case 'alert':
      return `alert:${selection.target}:${encodeItem(selection.id)}`;
    case 'event':
      return `event:${encodeItem(selection.source)}:${encodeItem(selection.id)}`;
  }
}

/** The query string (without `?`) of `state`. */
export function encodeViewSearch(state: ViewState): string {
  const defaults = defaultViewState(state.locale);
  // Values are escaped as they are built: scalars by encodeValue, list and pair items by encodeItem.
  const params: [string, string][] = [
    ['v', String(state.version)],
    ['lang', encodeValue(state.locale)],
    ['theme', encodeValue(state.theme)],
  ];
  const add = (key: string, value: string | null): void => {
    if (value !== null) params.push([key, value]);
  };
  const list = (values: readonly (string | number)[] | null): string | null => (values === null ? null : values.map((v) => encodeItem(String(v))).join(','));
  if (state.mode !== defaults.mode) add('mode', state.mode);
  if (state.camera !== null) add('c', `${fixed(state.camera.zoom, 2)}/${fixed(state.camera.lat, 5)}/${fixed(state.camera.lon, 5)}`);

  const model = state.model;
  const base = defaults.model;
  if (model.at !== null) add('at', encodeValue(formatUtc8Iso(model.at)));
  if (model.windowDays !== base.windowDays) add('win', encodeValue(String(model.windowDays)));
  if (model.halfLifeDays !== base.halfLifeDays) add('hl', encodeValue(String(model.halfLifeDays)));
  if (model.resolution !== base.resolution) add('res', encodeValue(String(model.resolution)));
  if (model.siteRadiusKm !== base.siteRadiusKm) add('rad', encodeValue(String(model.siteRadiusKm)));
  add('cw', weightsParam(model.categoryWeights, base.categoryWeights, CATEGORY_KEYS));
  add('rw', weightsParam(model.reliability, base.reliability, RELIABILITY_LETTERS));
  add('crw', weightsParam(model.credibility, base.credibility, [1, 2, 3, 4, 5, 6] as const));

  const filters = state.filters;
  add('cat', list(filters.categories));
  add('kind', list(filters.kinds));
  add('tm', list(filters.modes));
  add('src', list(filters.sources));
  if (filters.severityMin !== 1 || filters.severityMax !== 5) add('sev', `${filters.severityMin}-${filters.severityMax}`);
  add('rel', list(filters.reliability));
  if (filters.minCredibility !== 6) add('cred', encodeValue(String(filters.minCredibility)));
  if (filters.area !== null) add('area', filters.area.map(([lon, lat]) => `${fixed(lon, 5)},${fixed(lat, 5)}`).join(';'));

  const shown = LAYER_KEYS.filter((key) => state.layers[key]);
  if (!sameList(shown, LAYER_KEYS.filter((key) => defaults.layers[key]))) add('layers', shown.join(','));
  if (state.selection !== null) add('sel', selectionParam(state.selection));
  if (state.drawer !== null) add('panel', state.drawer);
  return params.map(([key, value]) => `${key}=${value}`).join('&');
}

/** `href` with its query replaced by `state`'s and no hash. */
export function viewHref(href: string, state: ViewState): string {
  const url = new URL(href);
  url.search = `?${encodeViewSearch(state)}`;
  url.hash = '';
  return url.href;
}

/** What a URL says about the view. */
export interface DecodedViewUrl {
  /** The view in ViewState's JSON shape (unvalidated), or null when the URL names no view. */
  raw: RawViewState | null;
  /** The query was longer than MAX_VIEW_TEXT and was not read. */
  tooLarge: boolean;
}

function numberOf(text: string): number | string {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  return Number.isFinite(value) ? value : text;
}

function listOf(text: string): string[] {
  if (text === '') return [];
  return text.split(',').map((item) => decodeText(item) ?? item);
}

function weightsOf(text: string): Record<string, number | string> {
  const weights: Record<string, number | string> = {};
  for (const pair of text.split(',')) {
    const at = pair.lastIndexOf(':');
    if (at <= 0) weights[pair] = 'invalid';
    else weights[decodeText(pair.slice(0, at)) ?? pair] = numberOf(pair.slice(at + 1));
  }
  return weights;
}

function selectionOf(text: string): unknown {
  const parts = text.split(':').map((part) => decodeText(part) ?? part);
  switch (parts[0]) {
    case 'hotspot':
      return { kind: 'hotspot', cell: parts[1] };
    case 'site':
    case 'channel':
      return { kind: parts[0], id: parts[1] };
    case 'alert':
      return { kind: 'alert', target: parts[1], id: parts[2] };
    case 'event':
      return { kind: 'event', source: parts[1], id: parts[2] };
    default:
      return text;
  }
}

function timeOf(text: string): number | string {
  if (/^\d+$/.test(text)) return Number(text);
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : text;
}

/** The query parameters that carry a view (others, such as `feed`, leave the stored view alone). */
const VIEW_PARAMETERS = ['v', 'lang', 'theme', 'c', 'mode', 'at', 'win', 'hl', 'res', 'rad', 'cw', 'rw', 'crw', 'cat', 'kind', 'tm', 'src', 'sev', 'rel', 'cred', 'area', 'layers', 'sel', 'panel'] as const;

/**
 * Reads the view a URL carries, in ViewState's JSON shape: a versioned view (`v=`), or the
 * unversioned form earlier builds wrote (`lang`, `theme` and MapLibre's `#view=zoom/lat/lon`),
 * as version 0; parameters without `v` and without that hash, as the current version. Unknown
 * parameters are ignored.
 */
export function decodeViewUrl(href: string): DecodedViewUrl {
  const url = new URL(href);
  if (url.search.length + url.hash.length > MAX_VIEW_TEXT) return { raw: null, tooLarge: true };
  const query = new Map<string, string>();
  for (const pair of url.search.replace(/^\?/, '').split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const key = decodeText(at < 0 ? pair : pair.slice(0, at));
    if (key === null || query.has(key)) continue;
    // Values stay escaped here: list items are split before they are decoded.
    query.set(key, at < 0 ? '' : pair.slice(at + 1).replace(/\+/g, '%20'));
  }
  const legacyView = /^#view=([^&]*)/.exec(url.hash)?.[1] ?? null;
  // Only a link with MapLibre's old hash and no `v` is read as version 0: a hand-written link
  // such as `?mode=wall` or `?panel=data` means the current version.
  const legacy = !query.has('v') && legacyView !== null;
  if (!legacy && !VIEW_PARAMETERS.some((key) => query.has(key))) return { raw: null, tooLarge: false };
  const versioned = !legacy;

  const text = (key: string): string | undefined => {
    const value = query.get(key);
    return value === undefined ? undefined : (decodeText(value) ?? value);
  };
  const raw: RawViewState = {};
  if (query.has('v')) raw.version = numberOf(text('v') ?? '');
  else raw.version = legacy ? 0 : VIEW_STATE_VERSION;
  if (query.has('lang')) raw.locale = text('lang');
  if (query.has('theme')) raw.theme = text('theme');
  const camera = text('c') ?? (versioned ? undefined : legacyView ?? undefined);
  if (camera !== undefined) {
    const [zoom, lat, lon] = camera.split('/').map(numberOf);
    raw.camera = { zoom, lat, lon };
  }
  if (!versioned) return { raw, tooLarge: false };

  if (query.has('mode')) raw.mode = text('mode');
  const model: RawViewState = {};
  const at = text('at');
  if (at !== undefined) model.at = timeOf(at);
  const numbers: [string, string][] = [
    ['win', 'windowDays'],
    ['hl', 'halfLifeDays'],
    ['res', 'resolution'],
    ['rad', 'siteRadiusKm'],
  ];
  for (const [key, field] of numbers) {
    const value = text(key);
    if (value !== undefined) model[field] = numberOf(value);
  }
  const weights: [string, string][] = [
    ['cw', 'categoryWeights'],
    ['rw', 'reliability'],
    ['crw', 'credibility'],
  ];
  for (const [key, field] of weights) {
    const value = query.get(key);
    if (value !== undefined) model[field] = weightsOf(value);
  }
  raw.model = model;

  const filters: RawViewState = {};
  const lists: [string, string][] = [
    ['cat', 'categories'],
    ['kind', 'kinds'],
    ['tm', 'modes'],
    ['src', 'sources'],
    ['rel', 'reliability'],
  ];
  for (const [key, field] of lists) {
    const value = query.get(key);
    if (value !== undefined) filters[field] = listOf(value);
  }
  const severity = text('sev');
  if (severity !== undefined) {
    const [min, max] = severity.split('-').map(numberOf);
    filters.severityMin = min;
    filters.severityMax = max ?? min;
  }
  const credibility = text('cred');
  if (credibility !== undefined) filters.minCredibility = numberOf(credibility);
  const area = text('area');
  if (area !== undefined) filters.area = area.split(';').map((corner) => corner.split(',').map(numberOf));
  raw.filters = filters;

  const layers = text('layers');
  if (layers !== undefined) {
    const shown = new Set(listOf(layers));
    raw.layers = Object.fromEntries(LAYER_KEYS.map((key) => [key, shown.has(key)]));
  }
  const selection = query.get('sel');
  if (selection !== undefined) raw.selection = selectionOf(selection);
  const panel = text('panel');
  if (panel !== undefined) raw.drawer = panel;
  return { raw, tooLarge: false };
}

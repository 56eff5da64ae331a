import { CATEGORY_CODE, CATEGORY_KEYS } from '../domain/categories.ts';
import { RELIABILITY_LETTERS } from '../domain/grading.ts';
import { RECORD_KINDS } from '../domain/recordKinds.ts';
import { TRANSPORT_MODES } from '../domain/transportModes.ts';
import type { EventTable } from './EventTable.ts';
import { pointInPolygon } from './pointInPolygon.ts';
import type { RiskFilters } from './RiskFilters.ts';
import { GRADING_CODE_COUNT } from './weightTable.ts';

/** Either filters to apply or a mask already built from them (1 = event passes). */
export type FilterInput = RiskFilters | Uint8Array | null | undefined;

/** Degrees beyond the rounding of a Float32 longitude or latitude (at most ~4e-6 below 180). */
const FLOAT32_SLACK_DEGREES = 1e-5;

/** 1 for each code in `allowed`, or 1 everywhere when the dimension is unconstrained. */
function admitted(size: number, allowed: Iterable<number> | undefined): Uint8Array {
  const ok = new Uint8Array(size);
  if (allowed === undefined) return ok.fill(1);
  for (const code of allowed) if (code >= 0 && code < size) ok[code] = 1;
  return ok;
}

function indexesOf(names: readonly string[] | undefined, dictionary: readonly string[], offset = 0): number[] | undefined {
  if (names === undefined) return undefined;
  const wanted = new Set(names);
  const codes: number[] = [];
  dictionary.forEach((name, i) => {
    if (wanted.has(name)) codes.push(i + offset);
  });
  return codes;
}

/** True when `filters` constrains anything. */
export function hasConstraints(filters: RiskFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

/**
 * Which codes of the dimensions that also key the event weight pass `filters`: 1 per admitted
 * category, grading code and severity value (0..255).
 */
export interface AdmittedClasses {
  category: Uint8Array;
  grading: Uint8Array;
  severity: Uint8Array;
}

/** The filters on category, grading and severity as lookup tables (all 1 when unconstrained). */
export function admittedClasses(filters: RiskFilters): AdmittedClasses {
  const category = admitted(CATEGORY_KEYS.length, filters.categories?.map((key) => CATEGORY_CODE[key]));
  const severity = new Uint8Array(256);
  const severityMin = filters.severityMin ?? -Infinity;
  const severityMax = filters.severityMax ?? Infinity;
  for (let s = 0; s < 256; s++) severity[s] = s >= severityMin && s <= severityMax ? 1 : 0;

  const grading = new Uint8Array(GRADING_CODE_COUNT);
  const letters = filters.reliability === undefined ? null : new Set<string>(filters.reliability);
  const worstDigit = filters.minCredibility ?? 6;
  for (let code = 0; code < GRADING_CODE_COUNT; code++) {
    const asCode = code === 0 ? GRADING_CODE_COUNT - 1 : code;
    const letter = RELIABILITY_LETTERS[Math.floor((asCode - 1) / 6)];
    const digit = ((asCode - 1) % 6) + 1;
    grading[code] = (letters === null || letters.has(letter)) && digit <= worstDigit ? 1 : 0;
  }
  return { category, grading, severity };
}

/** `filters` without its category, grading and severity constraints (see admittedClasses). */
export function withoutClassFilters(filters: RiskFilters): RiskFilters {
  const rest: RiskFilters = { ...filters };
  delete rest.categories;
  delete rest.severityMin;
  delete rest.severityMax;
  delete rest.reliability;
  delete rest.minCredibility;
  return rest;
}

/**
 * Evaluates `filters` once over the whole table: returns a mask with 1 for each passing event, or
 * null when nothing is filtered. It does not depend on the evaluation time, so a caller scrubbing
 * the time slider can build it once and pass it to every query.
 */
export function buildFilterMask(table: EventTable, filters: RiskFilters): Uint8Array | null {
  if (!hasConstraints(filters)) return null;
  const { category: categoryOk, grading: gradingOk, severity: severityOk } = admittedClasses(filters);
  const kindOk = admitted(
    RECORD_KINDS.length,
    filters.kinds?.map((kind) => RECORD_KINDS.indexOf(kind)),
  );
  const sourceOk = admitted(table.sources.length, indexesOf(filters.sources, table.sources));
  const modeOk = admitted(
    TRANSPORT_MODES.length + 1,
    filters.modes?.map((mode) => (mode === null ? 0 : TRANSPORT_MODES.indexOf(mode) + 1)),
  );

  const byPlace = filters.sites !== undefined || filters.channels !== undefined;
  const siteOk = admitted(table.siteIds.length + 1, indexesOf(filters.sites ?? [], table.siteIds, 1));
  const channelOk = admitted(table.channelIds.length + 1, indexesOf(filters.channels ?? [], table.channelIds, 1));

  const area = filters.area;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of area ?? []) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }

  const mask = new Uint8Array(table.count).fill(1);
  // One tight loop per constrained dimension: each is a table lookup per event.
  const narrow = (column: Uint8Array | Uint16Array, ok: Uint8Array): void => {
    for (let i = 0; i < mask.length; i++) mask[i] &= ok[column[i]];
  };
  if (filters.categories !== undefined) narrow(table.category, categoryOk);
  if (filters.kinds !== undefined) narrow(table.kind, kindOk);
  if (filters.sources !== undefined) narrow(table.source, sourceOk);
  if (filters.modes !== undefined) narrow(table.mode, modeOk);
  if (filters.severityMin !== undefined || filters.severityMax !== undefined) narrow(table.severity, severityOk);
  if (filters.reliability !== undefined || filters.minCredibility !== undefined) narrow(table.grading, gradingOk);
  if (byPlace) {
    const { site, channel } = table;
    for (let i = 0; i < mask.length; i++) mask[i] &= siteOk[site[i]] | channelOk[channel[i]];
  }
  if (area !== undefined) {
    const ring = Float64Array.from(area.flat());
    // The Float32 columns only pre-select (widened by more than their rounding); the test itself
    // takes each record's full-precision position from its chunk, so an event centimetres from a
    // drawn edge falls on the side it really lies.
    const { lon, lat, chunks, chunkStart, chunkRow } = table;
    const fLowX = minX - FLOAT32_SLACK_DEGREES;
    const fLowY = minY - FLOAT32_SLACK_DEGREES;
    const fHighX = maxX + FLOAT32_SLACK_DEGREES;
    const fHighY = maxY + FLOAT32_SLACK_DEGREES;
    for (let c = 0; c < chunks.length; c++) {
      const { lon: fullLon, lat: fullLat } = chunks[c].columns;
      for (let i = chunkStart[c]; i < chunkStart[c + 1]; i++) {
        if (mask[i] === 0) continue;
        if (!(lon[i] >= fLowX && lon[i] <= fHighX && lat[i] >= fLowY && lat[i] <= fHighY)) {
          mask[i] = 0;
          continue;
        }
        const x = fullLon[chunkRow[i]];
        const y = fullLat[chunkRow[i]];
        mask[i] = x >= minX && x <= maxX && y >= minY && y <= maxY && pointInPolygon(ring, x, y) ? 1 : 0;
      }
    }
  }
  return mask;
}

/** The mask for `filters` (built here unless already a mask), or null when nothing is filtered. */
export function resolveFilterMask(table: EventTable, filters: FilterInput): Uint8Array | null {
  if (filters === null || filters === undefined) return null;
  if (filters instanceof Uint8Array) {
    if (filters.length !== table.count) throw new RangeError('Filter mask length differs from the table');
    return filters;
  }
  return buildFilterMask(table, filters);
}

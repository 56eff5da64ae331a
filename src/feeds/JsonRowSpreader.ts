import { exceedsJsonDepth } from './exceedsJsonDepth.ts';
import { MAX_JSON_DEPTH } from './feedLimits.ts';
import { resolveFieldName } from './fieldAliases.ts';
import { showValue } from './RowNormalizer.ts';
import { CANONICAL_FIELDS, SLOT } from './rowSlots.ts';

const KEY_MEMO_LIMIT = 4096;

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why a JSON row cannot be spread: the field to report (a canonical field, `row` or `geometry`) and the reason. */
export interface SpreadProblem {
  field: string;
  reason: string;
}

function tooDeep(field: string, where: string): SpreadProblem {
  return { field, reason: `the row nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep (${where})` };
}

/**
 * Spreads JSON objects (NDJSON lines, GeoJSON properties) into canonical row slots. Property
 * names resolve through the alias table once per distinct name; when two properties name the
 * same field, the first one wins. A row whose values nest deeper than MAX_JSON_DEPTH (the row's
 * own braces being level 1) is refused before any field is read, so no later step ever walks a
 * deep value. (A GeoJSON feature's other members are never read, and not walked.)
 */
export class JsonRowSpreader {
  private readonly keySlots = new Map<string, number>();

  /** Clears `slots` and fills them from the properties of `object`; returns a problem or null. */
  spreadObject(object: Record<string, unknown>, slots: unknown[]): SpreadProblem | null {
    slots.fill(undefined);
    return this.addProperties(object, slots, MAX_JSON_DEPTH - 1);
  }

  /**
   * Clears `slots` and fills them from a GeoJSON Feature: its properties, its `id` when the
   * properties have none, and a Point's coordinates. Returns a problem when the properties or the
   * geometry nest too deep or are unusable, else null. A null geometry is allowed (the position
   * may then come from the properties or a site/channel).
   */
  spreadFeature(feature: Record<string, unknown>, slots: unknown[]): SpreadProblem | null {
    slots.fill(undefined);
    const properties = feature.properties;
    if (isJsonObject(properties)) {
      const problem = this.addProperties(properties, slots, MAX_JSON_DEPTH - 2);
      if (problem !== null) return problem;
    } else if (properties !== null && properties !== undefined) {
      return { field: 'row', reason: 'feature properties are not an object' };
    }
    const featureId = feature.id;
    if (slots[SLOT.id] === undefined && (typeof featureId === 'string' || typeof featureId === 'number')) slots[SLOT.id] = featureId;
    const geometry = feature.geometry;
    if (geometry === null || geometry === undefined) return null;
    // Other members of the feature are never read, so they are not walked either.
    if (exceedsJsonDepth(geometry, MAX_JSON_DEPTH - 1)) return tooDeep('geometry', 'in the geometry');
    if (!isJsonObject(geometry)) return { field: 'geometry', reason: 'geometry is not a GeoJSON object' };
    if (geometry.type !== 'Point') return { field: 'geometry', reason: `geometry is ${showValue(geometry.type)}, not a Point` };
    const c = geometry.coordinates;
    if (!Array.isArray(c) || c.length < 2 || typeof c[0] !== 'number' || typeof c[1] !== 'number') {
      return { field: 'geometry', reason: 'Point coordinates must be an array of two numbers' };
    }
    slots[SLOT.geometryX] = c[0];
    slots[SLOT.geometryY] = c[1];
    return null;
  }

  /** Fills slots from `object`, whose values may nest `limit` levels; returns a problem or null. */
  private addProperties(object: Record<string, unknown>, slots: unknown[], limit: number): SpreadProblem | null {
    for (const key in object) {
      let slot = this.keySlots.get(key);
      if (slot === undefined) {
        const field = resolveFieldName(key);
        slot = field === null ? -1 : SLOT[field];
        if (this.keySlots.size < KEY_MEMO_LIMIT) this.keySlots.set(key, slot);
      }
      const value = object[key];
      if (typeof value === 'object' && value !== null && exceedsJsonDepth(value, limit)) {
        return tooDeep(slot >= 0 ? CANONICAL_FIELDS[slot] : 'row', `in property ${showValue(key)}`);
      }
      if (slot >= 0 && slots[slot] === undefined) slots[slot] = value;
    }
    return null;
  }
}

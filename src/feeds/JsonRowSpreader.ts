import { resolveFieldName } from './fieldAliases.ts';
import { showValue } from './RowNormalizer.ts';
import { SLOT } from './rowSlots.ts';

const KEY_MEMO_LIMIT = 4096;

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Spreads JSON objects (NDJSON lines, GeoJSON properties) into canonical row slots. Property
 * names resolve through the alias table once per distinct name; when two properties name the
 * same field, the first one wins.
 */
export class JsonRowSpreader {
  private readonly keySlots = new Map<string, number>();

  /** Clears `slots` and fills them from the properties of `object`. */
  spreadObject(object: Record<string, unknown>, slots: unknown[]): void {
    slots.fill(undefined);
    this.addProperties(object, slots);
  }

  /**
   * Clears `slots` and fills them from a GeoJSON Feature: its properties, its `id` when the
   * properties have none, and a Point's coordinates. Returns a reason when the geometry or
   * properties are unusable, else null. A null geometry is allowed (the position may then come
   * from the properties or a site/channel).
   */
  spreadFeature(feature: Record<string, unknown>, slots: unknown[]): string | null {
    slots.fill(undefined);
    const properties = feature.properties;
    if (isJsonObject(properties)) this.addProperties(properties, slots);
    else if (properties !== null && properties !== undefined) return 'feature properties are not an object';
    const featureId = feature.id;
    if (slots[SLOT.id] === undefined && (typeof featureId === 'string' || typeof featureId === 'number')) slots[SLOT.id] = featureId;
    const geometry = feature.geometry;
    if (geometry === null || geometry === undefined) return null;
    if (!isJsonObject(geometry)) return 'geometry is not a GeoJSON object';
    if (geometry.type !== 'Point') return `geometry is ${showValue(geometry.type)}, not a Point`;
    const c = geometry.coordinates;
    if (!Array.isArray(c) || c.length < 2 || typeof c[0] !== 'number' || typeof c[1] !== 'number') {
      return 'Point coordinates must be an array of two numbers';
    }
    slots[SLOT.geometryX] = c[0];
    slots[SLOT.geometryY] = c[1];
    return null;
  }

  private addProperties(object: Record<string, unknown>, slots: unknown[]): void {
    for (const key in object) {
      let slot = this.keySlots.get(key);
      if (slot === undefined) {
        const field = resolveFieldName(key);
        slot = field === null ? -1 : SLOT[field];
        if (this.keySlots.size < KEY_MEMO_LIMIT) this.keySlots.set(key, slot);
      }
      if (slot >= 0 && slots[slot] === undefined) slots[slot] = object[key];
    }
  }
}

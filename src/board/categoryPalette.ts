import { CATEGORY_KEYS, type CategoryKey } from '../domain/categories.ts';
import type { Rgb } from './sequentialScale.ts';

/**
 * One colour per risk category (CSS hex), in CATEGORY_KEYS order: the seven Okabe–Ito colours
 * (Okabe & Ito, "Color Universal Design", without black), then indigo and wine from Paul Tol's
 * muted scheme, violet from the IBM design palette, and a light grey for "other". Chosen so that
 * every pair stays at least 16 CIELAB units apart for normal vision and under simulated
 * protanopia, deuteranopia and tritanopia (categoryPalette.test.ts checks it). The map, the
 * timeline, the filters and the exported legend all read this table.
 */
export const CATEGORY_COLOURS: Readonly<Record<CategoryKey, string>> = {
  narcotics: '#d55e00',
  tobacco: '#e69f00',
  strategic_minerals: '#0072b2',
  endangered_species: '#009e73',
  counterfeit: '#cc79a7',
  currency: '#f0e442',
  firearms: '#882255',
  food_safety: '#56b4e9',
  alien_species: '#785ef0',
  smuggled_goods: '#332288',
  other: '#dddddd',
};

/** RGB channels (0–255) of a `#rrggbb` colour. */
export function rgbOfHex(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1, 7), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** The category colours as RGB, by category code (the Uint8 codes of the event columns). */
export const CATEGORY_RGB_BY_CODE: readonly Rgb[] = CATEGORY_KEYS.map((key) => rgbOfHex(CATEGORY_COLOURS[key]));

import { CATEGORY_COLOURS, CATEGORY_RGB_BY_CODE, rgbOfHex } from '../../../board/categoryPalette.ts';
import type { Rgb } from '../../../board/sequentialScale.ts';
import { CATEGORY_KEYS, type CategoryKey } from '../../../domain/categories.ts';

/** The category colours (src/board/categoryPalette.ts) as RGB tuples, for deck.gl and the page. */
export const CATEGORY_COLORS: Readonly<Record<CategoryKey, Rgb>> = Object.fromEntries(CATEGORY_KEYS.map((key) => [key, rgbOfHex(CATEGORY_COLOURS[key])])) as Record<CategoryKey, Rgb>;

/** The colours by category code (the Uint8 codes of the event columns). */
export const CATEGORY_COLORS_BY_CODE: readonly Rgb[] = CATEGORY_RGB_BY_CODE;

/** CSS `rgb()` of a colour. */
export function cssRgb([r, g, b]: Rgb): string {
  return `rgb(${r}, ${g}, ${b})`;
}

import { CATEGORY_COLORS, CATEGORY_COLORS_BY_CODE, cssRgb } from '../../app/map/palettes/categoryPalette.ts';

/** CSS colour of category code `code`, the map's category palette ("other" for an unknown code). */
export function categoryFill(code: number): string {
  return cssRgb(CATEGORY_COLORS_BY_CODE[code] ?? CATEGORY_COLORS.other);
}

import { describe, expect, it } from 'vitest';
import { CATEGORY_KEYS } from '../domain/categories.ts';
import { CATEGORY_COLOURS, CATEGORY_RGB_BY_CODE, rgbOfHex } from './categoryPalette.ts';
import { closestPair, COLOUR_VISIONS } from './colourVision.ts';

/** CIE76 units every pair of category colours keeps apart, in every simulated vision. */
const MIN_DISTANCE = 15;

describe('the category palette', () => {
  it('has one distinct colour per category, aligned with the category codes', () => {
    expect(Object.keys(CATEGORY_COLOURS).sort()).toEqual([...CATEGORY_KEYS].sort());
    expect(new Set(Object.values(CATEGORY_COLOURS)).size).toBe(CATEGORY_KEYS.length);
    expect(CATEGORY_RGB_BY_CODE).toHaveLength(CATEGORY_KEYS.length);
    CATEGORY_KEYS.forEach((key, code) => expect(CATEGORY_RGB_BY_CODE[code]).toEqual(rgbOfHex(CATEGORY_COLOURS[key])));
    expect(rgbOfHex('#0072b2')).toEqual([0, 0x72, 0xb2]);
  });

  for (const [name, vision] of Object.entries(COLOUR_VISIONS)) {
    it(`keeps every pair at least ${MIN_DISTANCE} CIELAB units apart (${name})`, () => {
      const { distance, i, j } = closestPair(CATEGORY_RGB_BY_CODE, vision);
      expect({ distance: Math.round(distance), pair: [CATEGORY_KEYS[i], CATEGORY_KEYS[j]] }).toEqual({
        distance: expect.toSatisfy((d: number) => d >= MIN_DISTANCE),
        pair: expect.anything(),
      });
    });
  }

  it('fails a palette with two colours a protanope cannot tell apart (the check has teeth)', () => {
    // Red and green of similar lightness: the classic confusion pair.
    const confusable = [...CATEGORY_RGB_BY_CODE, [0xcc, 0x44, 0x44] as const, [0x77, 0x77, 0x22] as const];
    expect(closestPair(confusable, COLOUR_VISIONS.normal).distance).toBeGreaterThan(MIN_DISTANCE);
    expect(closestPair(confusable, COLOUR_VISIONS.deuteranopia).distance).toBeLessThan(MIN_DISTANCE);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertReferenceGeography } from '../src/geo/convertReferenceGeography.ts';
import { stringifyOneItemPerLine } from '../src/geo/stringifyOneItemPerLine.ts';
import { GEOGRAPHY_OUTPUT_PATH, referenceGeographyPath } from './buildGeography.ts';

const referencePath = referenceGeographyPath();
const committedPath = GEOGRAPHY_OUTPUT_PATH;

describe('buildGeography', () => {
  // The shared reference lives outside the repo; without it there is nothing to compare.
  it.skipIf(!existsSync(referencePath))('reproduces the committed gbaGeography.json byte for byte', () => {
    const reference: unknown = JSON.parse(readFileSync(referencePath, 'utf8'));
    const rebuilt = stringifyOneItemPerLine({ ...convertReferenceGeography(reference) });
    expect(rebuilt).toBe(readFileSync(committedPath, 'utf8'));
  });

  it('reads TIDEGATE_SHARED as a folder or as the file itself', () => {
    expect(referenceGeographyPath({ TIDEGATE_SHARED: '/nowhere/shared' })).toBe('/nowhere/shared/reference/gba-geography.json');
    expect(referenceGeographyPath({ TIDEGATE_SHARED: committedPath })).toBe(committedPath);
    expect(referenceGeographyPath({})).toMatch(/shared\/reference\/gba-geography\.json$/);
  });
});

/**
 * Writes src/geo/data/gbaGeography.json from the shared reference geography.
 * Usage: `npm run geography`. The reference is read from `<repo>/../shared/reference/`, or from
 * `$TIDEGATE_SHARED/reference/` (TIDEGATE_SHARED may also name the JSON file itself).
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertReferenceGeography } from '../src/geo/convertReferenceGeography.ts';
import { stringifyOneItemPerLine } from '../src/geo/stringifyOneItemPerLine.ts';

/** The app's geography file, written by this script. */
export const GEOGRAPHY_OUTPUT_PATH = fileURLToPath(new URL('../src/geo/data/gbaGeography.json', import.meta.url));

/**
 * Where the shared reference `gba-geography.json` lives: `$TIDEGATE_SHARED/reference/` when
 * that variable is set (or the file it names), else `../shared/reference/` beside the repo.
 */
export function referenceGeographyPath(env: NodeJS.ProcessEnv = process.env): string {
  const shared = env.TIDEGATE_SHARED;
  if (shared !== undefined && shared !== '') {
    return existsSync(shared) && statSync(shared).isFile() ? shared : join(shared, 'reference', 'gba-geography.json');
  }
  return fileURLToPath(new URL('../../shared/reference/gba-geography.json', import.meta.url));
}

/** Converts the reference and writes the app's file; returns what was written. */
export function buildGeography(inputPath = referenceGeographyPath(), outputPath = GEOGRAPHY_OUTPUT_PATH): string {
  const data = convertReferenceGeography(JSON.parse(readFileSync(inputPath, 'utf8')));
  const text = stringifyOneItemPerLine({ ...data });
  writeFileSync(outputPath, text);
  console.log(
    `${outputPath}: ${data.cities.length} cities, ${data.sites.length} sites, ${data.channels.length} channels, ` +
      `${Buffer.byteLength(text)} bytes (from ${inputPath})`,
  );
  return text;
}

// Run only when invoked as a script, so that tests can import the helpers above.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) buildGeography();

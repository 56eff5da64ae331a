import { CATEGORY_KEYS, CATEGORY_NAMES } from '../../src/domain/categories.ts';
import type { SeededRandom } from '../../src/demo/seededRandom.ts';
import { MAX_ROW_CHARS } from '../../src/feeds/feedLimits.ts';
import { CANONICAL_FIELDS, type CanonicalField } from '../../src/feeds/rowSlots.ts';
import { REFERENCE_CHANNELS, REFERENCE_SITES } from '../../src/geo/referenceGeography.ts';

/** JSON text written into a JSON feed as is (deep nesting, odd numbers); in CSV, its text is the cell. */
export class RawJson {
  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }
}

/** A value a generated row holds for one field. */
export type FuzzValue = string | number | boolean | null | RawJson | FuzzValue[] | { [key: string]: FuzzValue };

/** A generated row: canonical fields, plus other properties (unknown columns, odd keys). */
export interface FuzzRow {
  fields: Partial<Record<CanonicalField, FuzzValue>>;
  extra: Record<string, FuzzValue>;
}

const SOURCES = ['GACC-GD', 'HKCED', 'MOCS', 'C&ED', 'SA-1', 'gz-customs', 'ＧＤ', 'hkced', ' MOCS ', 'GONGBEI-CUSTOMS'];
const CATEGORY_WORDS = CATEGORY_KEYS.flatMap((key) => [key, CATEGORY_NAMES[key].en, CATEGORY_NAMES[key].zhHans, CATEGORY_NAMES[key].zhHant]);
const KINDS = ['seizure', 'clue', 'intelligence', 'inspection_hit', 'alert', '情报', 'Inspection Hit', 'rumour'];
const MODES = ['sea', 'land', 'air', 'rail', 'passenger', 'vehicle', 'postal', 'ecommerce', 'low_altitude', 'ferry', '渡輪', 'teleport'];
const CURRENCIES = ['CNY', 'HKD', 'MOP', 'RMB', 'HK$', '澳門元', 'USD', ''];
const GRADINGS = ['A1', 'b2', ' C 3 ', 'F6', 'Z9', 'B22'];
const CRS_NAMES = ['WGS84', 'GCJ02', 'EPSG:4326', 'CGCS2000', 'BD-09'];
const SITE_IDS = REFERENCE_SITES.map((site) => site.id);
const CHANNEL_IDS = REFERENCE_CHANNELS.map((channel) => channel.id);

/** Characters that break parsers, displays or look-alike checks. */
const ODD_CHARACTERS = [
  '\u200B', '\u200D', '\u202E', '\u2066', '\u2069', '\u061C', '\uFEFF', '\u00AD', '\uFE0F', '\u{E0041}', 'С', 'Ο', 'ℂ', 'ﬀ', 'ﷺ', 'Ａ',
  '\u0301', '😀', '\uD800', '\uDC00', '毒品', '\u2028', '\u0085', '\u3000', '\t', '"', ',', ';', ':', '：', '；', '\r', '\n', '\r\n',
  '\u001E', '\u0001', '\u007F', '\\', '{', '[', ']', '}', ' ', 'a', 'Z', '9', '.', '-', '=', '+', '@',
];

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function timeValue(random: SeededRandom): FuzzValue {
  const ms = Date.UTC(2020, 0, 1) + Math.floor(random.next() * 10 * 365 * 86_400_000);
  const d = new Date(ms);
  const local = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
  switch (random.int(0, 6)) {
    case 0:
      return d.toISOString();
    case 1:
      return local;
    case 2:
      return ms;
    case 3:
      return String(ms);
    case 4:
      return `${d.toISOString().slice(0, 19)}+08:00`;
    case 5:
      return random.pick(['2026-02-30 10:00', '2026-03-01 24:00', '1772330400', 'soon', '2026/03/01 10:00', '3000-01-01 00:00']);
    default:
      return local.replace(' ', 'T');
  }
}

/** A text made of odd characters and plain ones. */
export function oddText(random: SeededRandom, maxLength: number): string {
  const length = random.int(0, maxLength);
  let text = '';
  for (let k = 0; k < length; k++) text += random.pick(ODD_CHARACTERS);
  return text;
}

/** `[[…]]` or `{"a":{…}}` nested `levels` deep around a scalar. */
function nested(random: SeededRandom, levels: number): RawJson {
  if (random.chance(0.5)) return new RawJson(`${'['.repeat(levels)}${random.pick(['1', '"x"', 'null', ''])}${']'.repeat(levels)}`);
  return new RawJson(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`);
}

/** A value chosen to be hard on a parser: deep, huge, odd, the wrong type, or a border case. */
export function hostileValue(random: SeededRandom): FuzzValue {
  switch (random.int(0, 11)) {
    case 0:
      // Around the 32-level limit, and far past the call stack (a recursive walker overflows near 5,000).
      return nested(random, random.chance(0.02) ? 100_000 : random.pick([29, 30, 31, 32, 33, 200, 5000, 5000, 20_000]));
    case 1:
      return 'h'.repeat(random.chance(0.1) ? random.int(10_000, 300_000) : random.int(100, 5000));
    case 2:
    case 3:
      return oddText(random, 12);
    case 4:
      return random.pick([null, true, false, 0, -0, 1e308, -1, 2.5, 2 ** 64, 1e-320, NaN, Infinity]);
    case 5:
      return new RawJson(random.pick(['1e400', '-1e400', '1E2', '0.0000001', '-0', '123456789012345678901234567890', '[]', '{}', '""']));
    case 6:
      return [random.pick(['HKCED:1', 'x', '']), nested(random, random.int(1, 40)), random.int(0, 9)];
    case 7:
      return { text: oddText(random, 6), n: random.int(0, 9) };
    case 8:
      return random.pick(['', ' ', '\t', '  \r\n ', '\u3000', '""', '"', ',', ';;', 'a"b', '"a""b"']);
    case 9:
      return random.pick(['HKCED:1;MOCS:2', 'ｇｄ：ＡＢ；hkced:x', 'G\u200BD:1', '\u202EDG:2', ':', 'A:', ':B', ';;;', 'C&ED:7 ; SA-1:8']);
    case 10:
      return random.pick(['0,0', '113,5', '0x1F', 'Infinity', '1e6', '-0', '22.5°', ' 113.5 ', '１１３.５']);
    default:
      return timeValue(random);
  }
}

/** A plausible, mostly valid row, with hostile values in some fields when `hostile` is set. */
export function fuzzRow(random: SeededRandom, idSpace: number, hostile: number): FuzzRow {
  const f: Partial<Record<CanonicalField, FuzzValue>> = {};
  f.id = random.chance(0.1) ? random.int(0, idSpace) : `R-${random.int(0, idSpace)}`;
  if (random.chance(0.95)) f.source = random.pick(SOURCES);
  f.time = timeValue(random);
  if (random.chance(0.2)) f.updated = timeValue(random);
  // Mostly coordinates, else a grid, a site or a channel; now and then no position at all.
  const place = random.chance(0.03) ? 9 : random.int(0, 8);
  if (place <= 4) {
    f.lon = Math.round((113 + random.next() * 1.6) * 1e6) / 1e6;
    f.lat = Math.round((21.9 + random.next() * 1.1) * 1e6) / 1e6;
    if (random.chance(0.3)) f.crs = random.pick(CRS_NAMES);
    if (random.chance(0.2)) {
      f.lon = String(f.lon);
      f.lat = String(f.lat);
    }
  } else if (place === 5) {
    f.easting = 800_000 + random.int(0, 60_000);
    f.northing = 800_000 + random.int(0, 50_000);
    f.crs = random.pick(['EPSG:2326', 'HK1980', 'hk80']);
  } else if (place === 6) {
    f.x = 17_000 + random.int(0, 6000);
    f.y = 15_000 + random.int(0, 8000);
    f.crs = random.pick(['EPSG:8433', 'Macao Grid']);
  } else if (place === 7) {
    f.site = random.chance(0.9) ? random.pick(SITE_IDS) : 'atlantis';
  } else if (place === 8) {
    f.channel = random.chance(0.9) ? random.pick(CHANNEL_IDS) : 'tunnel';
  }
  f.category = random.chance(0.95) ? random.pick(CATEGORY_WORDS) : 'fireworks';
  if (random.chance(0.4)) f.kind = random.pick(KINDS);
  if (random.chance(0.5)) f.severity = random.chance(0.5) ? random.int(0, 6) : String(random.int(1, 5));
  if (random.chance(0.3)) f.grading = random.pick(GRADINGS);
  if (random.chance(0.4)) f.value = random.chance(0.8) ? Math.round(random.next() * 1e6) / 100 : random.pick(['1,000', -5, '12e3']);
  if (random.chance(0.3)) f.currency = random.pick(CURRENCIES);
  if (random.chance(0.4)) f.mode = random.pick(MODES);
  if (random.chance(0.2)) f.links = random.chance(0.7) ? `HKCED:${random.int(0, idSpace)};MOCS:R-${random.int(0, idSpace)}` : ['GACC-GD:R-1', 'bad', 7];
  if (random.chance(0.6)) f.description = random.chance(0.8) ? `Lot ${random.int(0, 999)}, "cartons" at gate` : oddText(random, 20);
  const extra: Record<string, FuzzValue> = {};
  for (let k = 0; k < hostile; k++) {
    if (random.chance(0.8)) f[random.pick(CANONICAL_FIELDS)] = hostileValue(random);
    else extra[random.pick(['extra', 'notes', '__proto__', 'constructor', 'toString', oddText(random, 4), 'geometry', 'type'])] = hostileValue(random);
  }
  return { fields: f, extra };
}

/** A description long enough to put its row within a few characters of the row limit. */
export function nearLimitText(random: SeededRandom): string {
  return 'L'.repeat(MAX_ROW_CHARS - random.int(0, 400));
}

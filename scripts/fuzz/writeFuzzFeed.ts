import type { SeededRandom } from '../../src/demo/seededRandom.ts';
import { FIELD_ALIASES } from '../../src/feeds/fieldAliases.ts';
import type { CanonicalField } from '../../src/feeds/rowSlots.ts';
import { oddText, RawJson, type FuzzRow, type FuzzValue } from './fuzzRows.ts';

/** How a generated feed spells its field names: one random alias per field, in random dress. */
function aliasFor(random: SeededRandom, field: CanonicalField): string {
  const word = random.chance(0.5) ? field : random.pick(FIELD_ALIASES[field]);
  switch (random.int(0, 7)) {
    case 0:
      return word.toUpperCase();
    case 1:
      return ` ${word}_ `;
    case 2:
      // Full-width letters: NFKC folds them back.
      return [...word].map((c) => (c >= 'a' && c <= 'z' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
    default:
      return word;
  }
}

/** JSON text of a value, RawJson written in place as is. */
export function jsonText(value: unknown, indent: number | string = 0): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof RawJson ? `\u0000RAW${raws.push(v.text) - 1}\u0000` : v), indent) ?? 'null';
  if (raws.length === 0) return text;
  return text.replace(/"\\u0000RAW(\d+)\\u0000"/g, (_m, k: string) => raws[Number(k)]);
}

function cellText(value: FuzzValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return value.map(cellText).join(';');
  return jsonText(value);
}

/** A CSV feed: aliased header in random order, a random delimiter, line end and quoting, now and then broken. */
export function writeCsv(random: SeededRandom, rows: readonly FuzzRow[]): string {
  const fields = [...new Set(rows.flatMap((row) => Object.keys(row.fields) as CanonicalField[]))];
  const extras = [...new Set(rows.flatMap((row) => Object.keys(row.extra)))];
  for (let k = fields.length - 1; k > 0; k--) {
    const j = random.int(0, k);
    [fields[k], fields[j]] = [fields[j], fields[k]];
  }
  const delimiter = random.pick([',', ',', ';', '\t']);
  const eol = random.pick(['\n', '\n', '\r\n', '\r']);
  const alwaysQuote = random.chance(0.1);
  let inHeader = true;
  const quote = (text: string) => {
    if (!inHeader && random.chance(0.01)) return `"${text}`;
    const needs = text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r');
    return needs || alwaysQuote ? `"${text.replaceAll('"', random.chance(0.02) ? '"' : '""')}"` : text;
  };
  // Odd column names are kept now and then; mostly they are tamed so the header stays usable.
  const header = [...fields.map((f) => aliasFor(random, f)), ...extras.map((e) => (random.chance(0.9) ? e.replace(/[,;\t"\r\n]/g, ' ') : e))];
  if (random.chance(0.05)) header.push(aliasFor(random, random.pick(fields.length > 0 ? fields : (['id'] as CanonicalField[]))));
  const lines = [header.map(quote).join(delimiter)];
  inHeader = false;
  for (const row of rows) {
    const cells = [...fields.map((f) => cellText(row.fields[f])), ...extras.map((e) => cellText(row.extra[e]))];
    if (random.chance(0.03)) cells.push(oddText(random, 3));
    if (random.chance(0.03)) cells.length = random.int(0, cells.length);
    lines.push(cells.map(quote).join(delimiter));
    if (random.chance(0.03)) lines.push(random.pick(['', ' ', delimiter.repeat(3)]));
  }
  return lines.join(eol) + (random.chance(0.8) ? eol : '');
}

function rowObject(random: SeededRandom, row: FuzzRow, skip: ReadonlySet<string> = new Set()): Record<string, FuzzValue> {
  const object: Record<string, FuzzValue> = {};
  for (const [field, value] of Object.entries(row.fields) as [CanonicalField, FuzzValue][]) {
    if (!skip.has(field)) object[aliasFor(random, field)] = value;
  }
  for (const [key, value] of Object.entries(row.extra)) object[key] = value;
  return object;
}

function nestedArrays(levels: number): RawJson {
  return new RawJson(`${'['.repeat(levels)}${']'.repeat(levels)}`);
}

/** A Point geometry from the row's lon/lat when they are numbers (taken out of the properties). */
function geometryOf(random: SeededRandom, row: FuzzRow): { geometry: FuzzValue; moved: Set<string> } {
  const { lon, lat } = row.fields;
  if (typeof lon === 'number' && typeof lat === 'number' && random.chance(0.7)) {
    return { geometry: { type: 'Point', coordinates: random.chance(0.05) ? [lon, lat, 5] : [lon, lat] }, moved: new Set(['lon', 'lat']) };
  }
  const odd = random.int(0, 30);
  if (odd === 0) return { geometry: { type: 'LineString', coordinates: [[113, 22], [114, 23]] }, moved: new Set() };
  if (odd === 1) return { geometry: { type: 'Point', coordinates: nestedArrays(random.pick([40, 5000])) }, moved: new Set() };
  if (odd === 2) return { geometry: { type: 'Point', coordinates: ['113', 22] }, moved: new Set() };
  return { geometry: null, moved: new Set() };
}

function feature(random: SeededRandom, row: FuzzRow): FuzzValue {
  if (random.chance(0.02)) return random.pick<FuzzValue>(['feature', 7, null, [1, 2], { type: 'Point', coordinates: [1, 2] }]);
  const { geometry, moved } = geometryOf(random, row);
  const properties = random.chance(0.01) ? random.pick<FuzzValue>([[1], 'text', 5]) : rowObject(random, row, moved);
  const out: Record<string, FuzzValue> = { type: 'Feature', geometry, properties };
  if (random.chance(0.1)) out.id = random.chance(0.5) ? `F-${random.int(0, 50)}` : random.int(0, 50);
  return out;
}

/** An NDJSON feed: one aliased object per line, now and then a Feature, an RS prefix, a blank or a broken line. */
export function writeNdjson(random: SeededRandom, rows: readonly FuzzRow[]): string {
  const eol = random.pick(['\n', '\n', '\r\n']);
  const lines: string[] = [];
  for (const row of rows) {
    let line = random.chance(0.05) ? jsonText(feature(random, row)) : jsonText(rowObject(random, row));
    if (random.chance(0.03)) line = `\u001E${line}`;
    lines.push(line);
    if (random.chance(0.03)) lines.push(random.pick(['', '   ', '{"id":', '[1,2]', '"text"', '{}', 'null', line.slice(0, random.int(0, line.length))]));
  }
  return lines.join(eol) + (random.chance(0.8) ? eol : '');
}

/** A GeoJSON FeatureCollection, compact or indented, now and then with a document crs or broken. */
export function writeGeoJson(random: SeededRandom, rows: readonly FuzzRow[]): string {
  const document: Record<string, FuzzValue> = { type: 'FeatureCollection', features: rows.map((row) => feature(random, row)) };
  if (random.chance(0.05)) {
    document.crs = random.pick<FuzzValue>([
      { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2326' } },
      { type: 'name', properties: { name: 'EPSG:3857' } },
      nestedArrays(5000),
      'WGS84',
    ]);
  }
  if (random.chance(0.02)) document.features = random.pick<FuzzValue>([{}, 'x', null]);
  if (random.chance(0.01)) document.type = 'Feature';
  return jsonText(document, random.pick([0, 0, 0, 2, '\t']));
}

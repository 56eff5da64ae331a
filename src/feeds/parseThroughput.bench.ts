/**
 * Throughput check for the feed parsers (a script, not a test):
 *
 *     npx tsx src/feeds/parseThroughput.bench.ts [rows=200000] [chunkMiB=1]
 *
 * Generates a realistic CSV (mixed WGS-84 / GCJ-02 / HK1980 rows, quoted descriptions, links),
 * then times the bare tokenizer, uDSV's incremental parser on the same text for comparison, and
 * the full byte-chunked pipeline (UTF-8 decoding, tokenizing, normalising) for CSV, NDJSON and
 * GeoJSON.
 */
import { initParser, inferSchema } from 'udsv';
import { CATEGORY_KEYS } from '../domain/categories.ts';
import { createFeedParser } from './createFeedParser.ts';
import { CsvTokenizer } from './CsvTokenizer.ts';
import type { FeedFormat } from './FeedParserOptions.ts';

const rows = Number(process.argv[2] ?? 200_000);
const chunkBytes = Math.round(Number(process.argv[3] ?? 1) * 1024 * 1024);

function generateCsv(count: number): string {
  const lines = ['id,source,time,lon,lat,easting,northing,crs,category,kind,severity,grading,value,currency,mode,site,links,description'];
  const base = Date.UTC(2026, 0, 1);
  for (let i = 0; i < count; i++) {
    const t = new Date(base + i * 37_000).toISOString().slice(0, 19);
    const category = CATEGORY_KEYS[i % CATEGORY_KEYS.length];
    const links = i % 5 === 0 ? `HKCED:${i - 1};MOCS:${i - 2}` : '';
    const description = i % 3 === 0 ? `"Seizure, lot ${i}: ""cartons"" at gate"` : `Routine hit ${i}`;
    const variant = i % 4;
    if (variant === 3) {
      lines.push(`H${i},HKCED,${t}+08:00,,,${830000 + (i % 9000)},${820000 + (i % 7000)},EPSG:2326,${category},seizure,${(i % 5) + 1},B2,${i % 10000},HKD,sea,,${links},${description}`);
    } else {
      const lon = (113.2 + (i % 1000) * 0.0011).toFixed(5);
      const lat = (22.1 + (i % 700) * 0.0012).toFixed(5);
      const crs = variant === 1 ? 'GCJ02' : 'WGS84';
      lines.push(`G${i},GACC-GD,${t}Z,${lon},${lat},,,${crs},${category},clue,${(i % 5) + 1},C3,${i % 5000},CNY,land,gongbei_port,${links},${description}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function toNdjson(csvRows: number): string {
  const out: string[] = [];
  const base = Date.UTC(2026, 0, 1);
  for (let i = 0; i < csvRows; i++) {
    out.push(
      JSON.stringify({
        id: `N${i}`,
        source: 'MOCS',
        time: base + i * 37_000,
        lon: 113.55 + (i % 100) * 0.0001,
        lat: 22.15 + (i % 100) * 0.0001,
        category: CATEGORY_KEYS[i % CATEGORY_KEYS.length],
        severity: (i % 5) + 1,
        value: i % 1000,
        currency: 'MOP',
        description: `Routine hit ${i}`,
      }),
    );
  }
  return `${out.join('\n')}\n`;
}

function toGeoJson(count: number): string {
  const features: unknown[] = [];
  const base = Date.UTC(2026, 0, 1);
  for (let i = 0; i < count; i++) {
    features.push({
      type: 'Feature',
      id: `F${i}`,
      geometry: { type: 'Point', coordinates: [113.55 + (i % 100) * 0.0001, 22.15 + (i % 100) * 0.0001] },
      properties: { source: 'HKCED', time: base + i * 37_000, category: CATEGORY_KEYS[i % CATEGORY_KEYS.length], severity: (i % 5) + 1, description: `Routine hit ${i}` },
    });
  }
  return JSON.stringify({ type: 'FeatureCollection', features });
}

function chunk(bytes: Uint8Array, size: number): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
  return pieces;
}

/** Starts a timer measuring both wall-clock and process CPU time (the latter resists a busy machine). */
function startTimer(): () => { wall: number; cpu: number } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 };
  };
}

function report(label: string, bytes: number, rowCount: number, time: { wall: number; cpu: number }): void {
  const mb = bytes / 1024 / 1024;
  const rate = (ms: number) => `${(mb / (ms / 1000)).toFixed(1).padStart(6)} MiB/s ${Math.round(rowCount / (ms / 1000)).toLocaleString('en').padStart(10)} rows/s`;
  console.log(`${label.padEnd(38)} wall ${time.wall.toFixed(0).padStart(5)} ms ${rate(time.wall)} | cpu ${time.cpu.toFixed(0).padStart(5)} ms ${rate(time.cpu)}`);
}

function timeFull(format: FeedFormat, bytes: Uint8Array): void {
  const pieces = chunk(bytes, chunkBytes);
  const stop = startTimer();
  const parser = createFeedParser({
    format,
    locateReference: (_kind, id) => (id === 'gongbei_port' ? { lon: 113.5489, lat: 22.2186 } : null),
  });
  let records = 0;
  let rejections = 0;
  let rowsIn = 0;
  for (const piece of pieces) {
    const batch = parser.push(piece);
    records += batch.records.length;
    rejections += batch.rejections.length;
    rowsIn += batch.rowsIn;
  }
  const last = parser.end();
  records += last.records.length;
  rejections += last.rejections.length;
  rowsIn += last.rowsIn;
  report(`full pipeline ${format} (${(chunkBytes / 1048576).toFixed(1)} MiB chunks)`, bytes.length, rowsIn, stop());
  if (rejections > 0 || records !== rowsIn) console.log(`  unexpected: ${records} records, ${rejections} rejections of ${rowsIn}`);
}

const csv = generateCsv(rows);
const csvBytes = new TextEncoder().encode(csv);
console.log(`${rows.toLocaleString('en')} rows, ${(csvBytes.length / 1048576).toFixed(1)} MiB of CSV (${(csvBytes.length / rows).toFixed(0)} bytes/row)`);
const textPieces: string[] = [];
for (let at = 0; at < csv.length; at += chunkBytes) textPieces.push(csv.slice(at, at + chunkBytes));

for (let round = 0; round < 3; round++) {
  console.log(`-- round ${round + 1}${round === 0 ? ' (cold)' : ''}`);
  // Calibration: one pass of charCodeAt over the text, to compare machines (~30 ms per 30 MiB on a fast laptop).
  let commas = 0;
  const calibrate = startTimer();
  for (let k = 0; k < csv.length; k++) if (csv.charCodeAt(k) === 44) commas++;
  report(`calibration loop (${commas} commas)`, csvBytes.length, rows, calibrate());
  let count = 0;
  let stop = startTimer();
  const tokenizer = new CsvTokenizer(() => {
    count++;
  });
  for (const piece of textPieces) tokenizer.push(piece);
  tokenizer.end();
  report('CsvTokenizer (text chunks)', csvBytes.length, count - 1, stop());

  count = 0;
  stop = startTimer();
  const udsv = initParser(inferSchema(textPieces[0]));
  for (const piece of textPieces) {
    udsv.chunk<string[]>(piece, udsv.stringArrs, () => {
      count++;
    });
  }
  udsv.end();
  report('uDSV stringArrs (text chunks)', csvBytes.length, count, stop());

  timeFull('csv', csvBytes);
  timeFull('ndjson', new TextEncoder().encode(toNdjson(rows)));
  timeFull('geojson', new TextEncoder().encode(toGeoJson(rows)));
}

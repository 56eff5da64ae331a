/**
 * DuckDB-WASM side of the engine bench: the same events, with their resolution-7 cell computed
 * here — h3-js `latLngToCell` per event on the chunk's full-precision position, independently of
 * the engine's cell columns — loaded into a DuckDB table and scored with one GROUP BY, so that
 * "same result" compares the engine with an independent answer. The bundles are the package's own
 * files, emitted by the bench build and served locally (no CDN).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { latLngToCell } from 'h3-js';
import { decodeGrading } from '../../src/domain/grading.ts';
import type { EventTable } from '../../src/risk/EventTable.ts';
import { DEFAULT_CREDIBILITY, DEFAULT_RELIABILITY, type CredibilityDigit, type ReliabilityLetter } from '../../src/risk/RiskParams.ts';
import type { BenchQuery } from './benchTypes.ts';

const LOCAL_BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: new URL(mvpWasm, self.location.href).href, mainWorker: new URL(mvpWorker, self.location.href).href },
  eh: { mainModule: new URL(ehWasm, self.location.href).href, mainWorker: new URL(ehWorker, self.location.href).href },
};

/** A started DuckDB with the events table loaded. */
export interface LoadedDuckDb {
  db: duckdb.AsyncDuckDB;
  conn: duckdb.AsyncDuckDBConnection;
  bundle: string;
  version: string;
  instantiateMs: number;
  prepareMs: number;
  ingestMs: number;
}

/** One ranked row of a hotspot answer. */
export interface RankedCell {
  cell: bigint;
  score: number;
  count: number;
}

/** Scoring constants the SQL and the engine share. */
export interface DecayModel {
  baseTime: number;
  windowMs: number;
  halfLifeMs: number;
}

function sqlNumber(value: number): string {
  // Shortest round-trip text, cast so DuckDB computes in DOUBLE rather than DECIMAL.
  return `CAST('${String(value)}' AS DOUBLE)`;
}

/**
 * The hotspot query as one GROUP BY over the precomputed cells: decayed, graded, severity-weighted
 * sum per cell over the window fromSec ≤ t ≤ toSec (the engine's integer-second window), with the
 * same filters, ranked like the engine (score descending, then cell id).
 */
export function hotspotSql(query: BenchQuery, model: DecayModel, limit: number): string {
  const nowSec = (query.time - model.baseTime) / 1000;
  const fromSec = Math.ceil((query.time - model.windowMs - model.baseTime) / 1000);
  const toSec = Math.floor(nowSec);
  const where = [`t BETWEEN ${fromSec} AND ${toSec}`];
  if (query.categories) where.push(`category IN (${query.categories.join(', ')})`);
  if (query.severityMin !== null) where.push(`severity >= ${query.severityMin}`);
  return (
    `SELECT cell, sum(weight * severity * pow(2.0, (t - ${sqlNumber(nowSec)}) / ${sqlNumber(model.halfLifeMs / 1000)})) AS score, ` +
    `count(*) AS n FROM events WHERE ${where.join(' AND ')} GROUP BY cell ORDER BY score DESC, cell ASC LIMIT ${limit}`
  );
}

/** The documented default weight of a record's category and grading (ungraded counts as F6). */
function defaultGradingWeight(grading: number): number {
  const code = decodeGrading(grading) ?? 'F6';
  return DEFAULT_RELIABILITY[code[0] as ReliabilityLetter] * DEFAULT_CREDIBILITY[Number(code[1]) as CredibilityDigit];
}

/**
 * The events as CSV text (t, cell, category, severity, weight), from the chunks' own columns for the
 * table's live rows: t in whole seconds after the table's base time, the resolution-7 H3 index of
 * the full-precision position (h3-js, per event) as an unsigned 64-bit integer, and category
 * weight (1 by default) × reliability × credibility ÷ 5 of the default parameters, so SQL only
 * multiplies by severity and decay.
 */
function eventsCsv(table: EventTable): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let total = 0;
  const cellText = new Map<string, string>();
  const baseSec = table.baseTime / 1000;
  table.chunks.forEach((chunk, c) => {
    const { time, lon, lat, category, severity, grading } = chunk.columns;
    const start = table.chunkStart[c];
    const end = table.chunkStart[c + 1];
    for (let from = start; from < end; from += 50_000) {
      let text = '';
      for (let e = from; e < Math.min(end, from + 50_000); e++) {
        const row = table.chunkRow[e];
        const hex = latLngToCell(lat[row], lon[row], 7);
        let cell = cellText.get(hex);
        if (cell === undefined) cellText.set(hex, (cell = BigInt(`0x${hex}`).toString()));
        const weight = (1 * defaultGradingWeight(grading[row])) / 5;
        text += `${Math.floor(time[row] / 1000) - baseSec},${cell},${category[row]},${Math.min(severity[row], 5)},${weight}\n`;
      }
      const bytes = encoder.encode(text);
      parts.push(bytes);
      total += bytes.byteLength;
    }
  });
  const csv = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    csv.set(part, at);
    at += part.byteLength;
  }
  return csv;
}

/** Starts DuckDB-WASM from the locally served bundle and loads the table's events into `events`. */
export async function loadDuckDb(table: EventTable): Promise<LoadedDuckDb> {
  let at = performance.now();
  const bundle = await duckdb.selectBundle(LOCAL_BUNDLES);
  if (!bundle.mainWorker) throw new Error('The selected DuckDB bundle has no worker script');
  const worker = new Worker(bundle.mainWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({ path: ':memory:' });
  const conn = await db.connect();
  const instantiateMs = performance.now() - at;
  const version = await db.getVersion();

  at = performance.now();
  const csv = eventsCsv(table);
  const prepareMs = performance.now() - at;

  at = performance.now();
  await db.registerFileBuffer('events.csv', csv);
  await conn.query(
    `CREATE TABLE events AS SELECT * FROM read_csv('events.csv', header = false, delim = ',', ` +
      `columns = {'t': 'INTEGER', 'cell': 'UBIGINT', 'category': 'UTINYINT', 'severity': 'UTINYINT', 'weight': 'DOUBLE'})`,
  );
  await db.dropFile('events.csv');
  const ingestMs = performance.now() - at;
  const counted = await conn.query('SELECT count(*) AS n FROM events');
  const rows = Number(counted.getChild('n')?.get(0));
  if (rows !== table.count) throw new Error(`DuckDB loaded ${rows} events, the table has ${table.count}`);
  const name = bundle.mainModule.includes('-eh') ? 'eh' : bundle.mainModule.includes('-mvp') ? 'mvp' : bundle.mainModule;
  return { db, conn, bundle: name, version, instantiateMs, prepareMs, ingestMs };
}

/** Runs one hotspot query and returns its ranked rows. */
export async function duckHotspots(loaded: LoadedDuckDb, sql: string): Promise<RankedCell[]> {
  const result = await loaded.conn.query(sql);
  const cells = result.getChild('cell');
  const scores = result.getChild('score');
  const counts = result.getChild('n');
  const ranked: RankedCell[] = [];
  for (let k = 0; k < result.numRows; k++) {
    ranked.push({ cell: BigInt(cells?.get(k) as bigint), score: Number(scores?.get(k)), count: Number(counts?.get(k)) });
  }
  return ranked;
}

/** Shuts the DuckDB worker down. */
export async function closeDuckDb(loaded: LoadedDuckDb): Promise<void> {
  await loaded.conn.close();
  await loaded.db.terminate();
}

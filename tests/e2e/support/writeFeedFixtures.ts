import { mkdtempSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoEventBatches } from '../../../src/demo/generateDemoEvents.ts';
import { demoFeedCsv } from '../../../src/demo/demoFeedCsv.ts';
import { REFERENCE_CHANNELS, REFERENCE_SITES } from '../../../src/geo/referenceGeography.ts';

/** Fixed "now" of the e2e feeds, so their hotspots are reproducible. */
export const FIXTURE_NOW = Date.UTC(2026, 10, 20, 4, 0, 0);

/** A fresh temporary folder for one test file's feeds. */
export function fixtureDir(): string {
  return mkdtempSync(join(tmpdir(), 'tidegate-e2e-'));
}

/** Writes a demo-generated CSV feed of `rows` rows (seeded) and returns its path. */
export async function writeDemoCsv(dir: string, name: string, rows: number, seed = 7): Promise<string> {
  const path = join(dir, name);
  const out = createWriteStream(path);
  const batches = demoEventBatches({ seed, count: rows, now: FIXTURE_NOW, sites: REFERENCE_SITES, channels: REFERENCE_CHANNELS }, 20_000);
  for (const text of demoFeedCsv(batches, { rowsPerChunk: 5_000 })) {
    if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return path;
}

/**
 * A small mixed feed: valid rows in three coordinate forms, plus rows that must be rejected
 * with known line numbers (3: bad date, 5: 0,0 position, 6: severity 9).
 */
export function writeMixedCsv(dir: string, name = 'mixed-feed.csv'): string {
  const path = join(dir, name);
  const lines = [
    'id,source,time,lon,lat,category,severity,grading,description',
    'A-1,HKCED,2026-11-19 10:00,114.113,22.529,tobacco,4,B2,"Cigarettes in a spare tyre, 2 cartons"',
    'A-2,HKCED,2026-02-30 10:00,114.113,22.529,tobacco,4,B2,impossible date',
    'A-3,GACC-GD,2026-11-19T11:00:00+08:00,113.549,22.219,毒品,5,,"<b>not html</b>"',
    'A-4,MOCS,2026-11-19 12:00,0,0,currency,3,,zero position',
    'A-5,MOCS,2026-11-19 12:30,113.545,22.195,currency,9,,bad severity',
    'A-6,MOCS,1795064400000,113.546,22.196,Counterfeit,2,C3,epoch ms time',
    'A-7,GACC-GD,2026-11-19 13:00,113.9,22.5,alien_species,3,,',
  ];
  writeFileSync(path, lines.join('\r\n') + '\r\n');
  return path;
}

/** A file that is not UTF-8: refused as a whole. */
export function writeBadEncodingCsv(dir: string): string {
  const path = join(dir, 'latin1.csv');
  writeFileSync(path, Buffer.concat([Buffer.from('id,source,time,lon,lat,category\n1,HKCED,2026-11-19 10:00,114.1,22.5,'), Buffer.from([0xe9, 0xff, 0x0a])]));
  return path;
}

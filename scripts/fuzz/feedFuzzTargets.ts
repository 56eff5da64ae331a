import type { SeededRandom } from '../../src/demo/seededRandom.ts';
import type { FeedFormat } from '../../src/feeds/FeedParserOptions.ts';
import type { FuzzInput, FuzzTarget } from './FuzzTarget.ts';
import { fuzzRow, nearLimitText, type FuzzRow } from './fuzzRows.ts';
import { mutateBytes, randomBytes } from './mutateBytes.ts';
import { runFeedImport } from './runFeedImport.ts';
import { writeCsv, writeGeoJson, writeNdjson } from './writeFuzzFeed.ts';

const encoder = new TextEncoder();

const WRITERS: Record<FeedFormat, (random: SeededRandom, rows: readonly FuzzRow[]) => string> = {
  csv: writeCsv,
  ndjson: writeNdjson,
  geojson: writeGeoJson,
};

const EXTENSIONS: Record<FeedFormat, string> = { csv: 'csv', ndjson: 'ndjson', geojson: 'geojson' };

/** Rows of one case: a few usually, now and then a few thousand. */
function rowCount(random: SeededRandom): number {
  if (random.chance(0.005)) return random.int(200, 2000);
  if (random.chance(0.05)) return 0;
  return random.int(1, 20);
}

/** A file name: the format's own extension mostly, else one that makes the format be sniffed or refused. */
function fileName(random: SeededRandom, format: FeedFormat): string {
  const r = random.next();
  const ext = r < 0.85 ? EXTENSIONS[format] : r < 0.93 ? 'json' : r < 0.97 ? 'txt' : r < 0.99 ? '' : 'xlsx';
  return ext === '' ? 'feed' : `feed.${ext}`;
}

/**
 * Bytes per push: whole, the command line's 64 KiB, or small and odd to cut rows and characters
 * (tiny pieces only for small files: a 20 MB file in 1-byte pieces only measures the cost of a push).
 */
function chunkBytes(random: SeededRandom, length: number): number {
  const size = random.pick([0, 0, 65_536, 1, 3, 7, 64, 1000, 4096]);
  return size > 0 && size < 4096 && length > 65_536 ? 4096 : size;
}

/**
 * A structure-aware generator for one feed format: valid-looking rows (aliases, every field, real
 * site ids, duplicates of a few keys so updates and stale versions occur) with hostile values in
 * some fields, written with the format's quirks, then now and then damaged at the byte level; a
 * small share of cases are random bytes. Runs each case through runFeedImport.
 */
export function feedFuzzTarget(format: FeedFormat): FuzzTarget {
  return {
    name: format,
    generate(random: SeededRandom): FuzzInput {
      const name = fileName(random, format);
      if (random.chance(0.02)) {
        const bytes = randomBytes(random, random.int(0, 600));
        return { fileName: name, bytes, chunkBytes: chunkBytes(random, bytes.length) };
      }
      const count = rowCount(random);
      const idSpace = random.int(0, 2 * count + 1);
      // Hostile values can be large: many rows get only a few, so a case stays a few megabytes.
      const hostileShare = count > 100 ? random.pick([0, 0.01]) : random.pick([0, 0.1, 0.5, 1]);
      const rows: FuzzRow[] = [];
      for (let k = 0; k < count; k++) rows.push(fuzzRow(random, idSpace, random.chance(hostileShare) ? random.int(1, 3) : 0));
      if (count > 0 && random.chance(0.004)) rows[random.int(0, count - 1)].fields.description = nearLimitText(random);
      let bytes: Uint8Array = encoder.encode(WRITERS[format](random, rows));
      if (random.chance(0.25)) bytes = mutateBytes(random, bytes, random.int(1, 3));
      return { fileName: name, bytes, chunkBytes: chunkBytes(random, bytes.length) };
    },
    run: runFeedImport,
  };
}

/** The fuzz targets of the three feed formats. */
export const FEED_FUZZ_TARGETS: readonly FuzzTarget[] = [feedFuzzTarget('csv'), feedFuzzTarget('ndjson'), feedFuzzTarget('geojson')];

import type { FeedRecord } from '../domain/FeedRecord.ts';
import { DemoEventGenerator } from './DemoEventGenerator.ts';
import type { DemoEventOptions } from './DemoEventOptions.ts';

export type { DemoChannel, DemoEventOptions, DemoSite } from './DemoEventOptions.ts';
export { DEFAULT_DEMO_DAYS, DEMO_BBOX } from './DemoEventGenerator.ts';
export { DEMO_CNY_RATES } from './demoCurrencies.ts';
export { DEMO_SPIKES } from './demoSpikes.ts';

/** Records per batch of {@link demoEventBatches} when none is given. */
export const DEFAULT_DEMO_BATCH_SIZE = 10_000;

/**
 * A deterministic, realistic synthetic feed for demos, tests and benchmarks: `count` records in
 * ascending time order over the `days` before `now`. Same options, same records (deep-equal).
 *
 * The model:
 * - **Time**: hourly intensity with a diurnal rhythm in UTC+8 (busy 09:00–19:00, quiet before
 *   dawn), a weekly rhythm (Friday/Saturday peak) and a slight upward trend.
 * - **Place**: records cluster around the injected sites, weighted by the site's kind and known
 *   activity, scattered normally by a few hundred metres (airports and container ports ~1 km),
 *   with a tail out to a few km; about 4 % are strung along the channels' polylines. All points
 *   stay in the GBA bounding box {@link DEMO_BBOX}.
 * - **What**: transport mode and category follow the site's modes (narcotics at airports and in
 *   parcels; tobacco and parallel-traded goods at land crossings; strategic minerals and
 *   counterfeits at container ports; food safety and alien species with land and sea cargo;
 *   currency on foot and by ferry; firearms rare; drones at night on the Shenzhen River).
 * - **Who**: a side of the site is picked; Mainland sides report as `GACC-GD` or the district
 *   customs (`GZ-CUSTOMS`, `SZ-CUSTOMS`, `GONGBEI-CUSTOMS`), Hong Kong as `HKCED`, Macao as
 *   `MOCS`. Ids are `SOURCE-YYYY-NNNNNN`, unique per source. Values are round figures in the
 *   side's currency converted to CNY at {@link DEMO_CNY_RATES}.
 * - **Shape**: mostly seizures, severity centred on 3, Admiralty gradings on clues and
 *   intelligence, `site` named on about 60 % of records, about 3 % updated later, about 2 %
 *   linked to earlier records of another jurisdiction's agency (often chaining into joint cases).
 * - **Spikes**: the bursts of {@link DEMO_SPIKES}: tobacco at Lo Wu (20–2 h before `now`),
 *   narcotics at Hong Kong International Airport (14–3 h before) and strategic minerals at
 *   Nansha (last 48 h), each far above its background rate.
 *
 * Holds every record in memory; use {@link demoEventBatches} for large counts.
 */
export function generateDemoEvents(options: DemoEventOptions): FeedRecord[] {
  const generator = new DemoEventGenerator(options);
  const records = new Array<FeedRecord>(options.count);
  for (let index = 0; index < records.length; index++) records[index] = generator.next();
  return records;
}

/**
 * The records of {@link generateDemoEvents} in batches of up to `batchSize`, generated lazily so
 * a million records never sit in memory together. Concatenated, the batches equal
 * `generateDemoEvents(options)` whatever the batch size.
 */
export function demoEventBatches(
  options: DemoEventOptions,
  batchSize: number = DEFAULT_DEMO_BATCH_SIZE,
): Generator<FeedRecord[], void, undefined> {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  // Built here rather than inside the generator so bad options throw at the call, not at first next().
  return batchesOf(new DemoEventGenerator(options), batchSize);
}

function* batchesOf(generator: DemoEventGenerator, batchSize: number): Generator<FeedRecord[], void, undefined> {
  while (generator.remaining > 0) {
    const batch = new Array<FeedRecord>(Math.min(batchSize, generator.remaining));
    for (let index = 0; index < batch.length; index++) batch[index] = generator.next();
    yield batch;
  }
}

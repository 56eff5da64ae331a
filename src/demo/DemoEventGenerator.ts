import { CATEGORY_CODE, CATEGORY_KEYS, type CategoryKey } from '../domain/categories.ts';
import type { FeedRecord } from '../domain/FeedRecord.ts';
import { JURISDICTIONS } from '../domain/jurisdictions.ts';
import { RECORD_KINDS } from '../domain/recordKinds.ts';
import type { TransportMode } from '../domain/transportModes.ts';
import { DEMO_CNY_RATES, demoCurrencyOfSource } from './demoCurrencies.ts';
import {
  DEMO_DESCRIPTIONS,
  DEMO_DRONE_DESCRIPTIONS,
  DESCRIPTION_CONTEXT_OF_MODE,
  type DemoLanguage,
  type DescriptionContext,
  type DescriptionSet,
} from './demoDescriptions.ts';
import type { DemoEventOptions } from './DemoEventOptions.ts';
import { DEMO_SOURCES } from './demoSources.ts';
import { DEMO_SPIKES } from './demoSpikes.ts';
import { DemoTimeline, type TimelineBurst } from './DemoTimeline.ts';
import { DemoWorld, type DemoMixModel, type DemoSiteModel } from './DemoWorld.ts';
import { SeededRandom } from './seededRandom.ts';

/** Window length when the options give none, days. */
export const DEFAULT_DEMO_DAYS = 60;

/** Generated points are kept inside the GBA bounding box [minLon, minLat, maxLon, maxLat]. */
export const DEMO_BBOX: readonly [number, number, number, number] = [111.3567, 21.45, 115.4667, 24.3921];

const HOUR_MS = 3_600_000;
const LOCAL_OFFSET_MS = 8 * HOUR_MS;
const METRES_PER_DEGREE = 111_320;

const CHANNEL_SHARE = 0.04;
const SITE_ATTRIBUTION_SHARE = 0.6;
const CHANNEL_ATTRIBUTION_SHARE = 0.5;
const OUTLIER_SHARE = 0.12;
const OUTLIER_SCALE = 3;
const CHANNEL_SCATTER_METRES = 150;
const LINK_SHARE = 0.02;
const SECOND_LINK_SHARE = 0.1;
const CHAIN_SHARE = 0.35;
const SAME_CATEGORY_LINK_SHARE = 0.75;
const UPDATE_SHARE = 0.03;
const MEAN_UPDATE_DELAY_MS = 36 * HOUR_MS;
const RING_SIZE = 256;
/** Jurisdictions, i.e. sides of the boundary: a link always goes to one of the other two. */
const SIDES = JURISDICTIONS.length;
const MAX_BURST_SHARE = 0.3;

/** Record kinds in RECORD_KINDS order: seizure, clue, intelligence, inspection_hit, alert. */
const KIND_CUMULATIVE = SeededRandom.cumulative([70, 9, 6, 11, 4]);
const BURST_KIND_CUMULATIVE = SeededRandom.cumulative([85, 0, 2, 10, 3]);
/** Severity 1..5; 3 is the usual grade. */
const SEVERITY_CUMULATIVE = SeededRandom.cumulative([6, 20, 40, 24, 10]);
/** Chance of one grade up (positive) or down (negative) per category. */
const SEVERITY_SHIFT: Readonly<Partial<Record<CategoryKey, number>>> = {
  narcotics: 0.35,
  firearms: 0.7,
  strategic_minerals: 0.3,
  endangered_species: 0.2,
  food_safety: -0.2,
  alien_species: -0.3,
  other: -0.35,
};

/** Admiralty codes of shared clues and intelligence: B2 and C3 common, A1 rare. */
const INTEL_GRADINGS = ['A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'B4', 'C1', 'C2', 'C3', 'C4', 'D2', 'D3', 'D4', 'E4', 'E5', 'F6'];
const INTEL_GRADING_CUMULATIVE = SeededRandom.cumulative([1, 3, 1, 5, 22, 12, 2, 1, 12, 18, 4, 2, 5, 4, 1, 1, 5]);
/** Graded seizures and hits rest on what was found: confirmed codes. */
const CONFIRMED_GRADINGS = ['A1', 'A2', 'B1', 'B2'];
const CONFIRMED_GRADING_CUMULATIVE = SeededRandom.cumulative([40, 30, 20, 10]);
/** Chance that a record of each kind carries a grading, and whether it is an intelligence code. */
const GRADED_SHARE = [0.25, 1, 1, 0.3, 0.6];
const INTEL_GRADED = [false, true, true, false, true];
/** Chance that a record of each kind states a value. */
const VALUE_SHARE = [0.93, 0.25, 0.2, 0.55, 0.05];

/** Median value in CNY and log-space spread per category. */
const VALUE_MEDIAN_CNY: Readonly<Record<CategoryKey, number>> = {
  narcotics: 250_000,
  tobacco: 18_000,
  strategic_minerals: 1_500_000,
  endangered_species: 120_000,
  counterfeit: 60_000,
  currency: 150_000,
  firearms: 40_000,
  food_safety: 12_000,
  alien_species: 2_500,
  smuggled_goods: 35_000,
  other: 8_000,
};
const VALUE_SIGMA: Readonly<Record<CategoryKey, number>> = {
  narcotics: 1.3,
  tobacco: 1.1,
  strategic_minerals: 1.2,
  endangered_species: 1.3,
  counterfeit: 1.3,
  currency: 1.0,
  firearms: 1.0,
  food_safety: 1.2,
  alien_species: 1.2,
  smuggled_goods: 1.4,
  other: 1.2,
};
/** Parcels are small, containers large. */
const VALUE_MODE_SCALE: Readonly<Partial<Record<TransportMode, number>>> = {
  postal: 0.15,
  ecommerce: 0.2,
  passenger: 0.5,
  sea: 2.5,
  low_altitude: 0.6,
};

/** Rendered variants per numbered description template (each with its own drawn number). */
const DESCRIPTION_VARIANTS = 48;
const LANGUAGES: readonly DemoLanguage[] = ['en', 'zhHans', 'zhHant'];
const CONTEXTS: readonly DescriptionContext[] = ['person', 'vehicle', 'cargo', 'parcel'];

/** Every description a record may get, per setting and script; one uniform pick per record. */
type DescriptionPool = Record<DescriptionContext, Record<DemoLanguage, string[]>>;

/**
 * Renders each template of `set` DESCRIPTION_VARIANTS times (numbers drawn from `random`) and
 * files the strings under the settings they fit (all settings, when none fits), so records share
 * a few thousand strings instead of building one each: string building and the garbage it left
 * were the largest cost at a million records.
 */
function renderPool(set: DescriptionSet, random: SeededRandom): DescriptionPool {
  const pool = {} as DescriptionPool;
  for (const context of CONTEXTS) pool[context] = { en: [], zhHans: [], zhHant: [] };
  for (const language of LANGUAGES) {
    const rendered = set[language].map(([text, min, max, contexts]) => {
      const at = text.indexOf('{n}');
      const variants: string[] = [];
      for (let variant = 0; variant < DESCRIPTION_VARIANTS; variant++) {
        variants.push(at < 0 ? text : text.slice(0, at) + random.int(min, max) + text.slice(at + 3));
      }
      return { variants, contexts };
    });
    for (const context of CONTEXTS) {
      const fitting = rendered.filter(({ contexts }) => contexts === undefined || contexts.includes(context));
      pool[context][language] = (fitting.length > 0 ? fitting : rendered).flatMap(({ variants }) => variants);
    }
  }
  return pool;
}

const SEVERITY_SHIFT_BY_CODE = CATEGORY_KEYS.map((category) => SEVERITY_SHIFT[category] ?? 0);
const VALUE_MEDIAN_BY_CODE = CATEGORY_KEYS.map((category) => VALUE_MEDIAN_CNY[category]);
const VALUE_SIGMA_BY_CODE = CATEGORY_KEYS.map((category) => VALUE_SIGMA[category]);

/** A planted burst bound to the site it happens at. */
interface BoundBurst {
  site: DemoSiteModel;
  category: number;
  mode: TransportMode;
}

/**
 * Produces the demo records of one set of options, one at a time, in ascending time order.
 * All randomness comes from one seeded stream consumed in record order, so the sequence depends on
 * the options only: never on how the caller batches it. See generateDemoEvents for the model.
 */
export class DemoEventGenerator {
  private readonly random: SeededRandom;
  private readonly world: DemoWorld;
  private readonly timeline: DemoTimeline;
  private readonly bursts: BoundBurst[] = [];
  private readonly categoryDescriptions: DescriptionPool[];
  private readonly droneDescriptions: DescriptionPool;
  private readonly channelTotal: number;
  private left: number;
  private readonly sequence = new Int32Array(DEMO_SOURCES.length);
  /** `SOURCE-YYYY-` per source, rebuilt when the local year changes. */
  private readonly idPrefix: string[] = DEMO_SOURCES.map(() => '');
  private readonly idPrefixYear = new Int32Array(DEMO_SOURCES.length);
  private year = 0;
  private nextYearStart = -Infinity;
  // Recent shareable records per jurisdiction (ring buffers), for cross-border links.
  private readonly ringKeys: string[] = new Array<string>(SIDES * RING_SIZE).fill('');
  private readonly ringCategories = new Uint8Array(SIDES * RING_SIZE);
  private readonly ringHead = new Int32Array(SIDES);
  private readonly ringSize = new Int32Array(SIDES);
  private readonly lastLinked: (string | null)[] = new Array<string | null>(SIDES).fill(null);
  /** Category code chosen by the last pickMix call (a field, to avoid a tuple per record). */
  private lastCategory = 0;

  constructor(options: DemoEventOptions) {
    const { seed, count, now, sites, channels } = options;
    const days = options.days ?? DEFAULT_DEMO_DAYS;
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
    if (!Number.isFinite(now)) throw new RangeError(`now must be finite epoch ms, got ${now}`);
    if (!(days > 0) || !Number.isFinite(days)) throw new RangeError(`days must be a positive number, got ${days}`);
    if (count > 0 && sites.length === 0) throw new RangeError('at least one site is needed to generate events');
    this.random = new SeededRandom(seed);
    // A separate stream, so the wording pool never shifts the main sequence.
    const wording = new SeededRandom(seed + 0x5eed);
    this.categoryDescriptions = CATEGORY_KEYS.map((category) => renderPool(DEMO_DESCRIPTIONS[category], wording));
    this.droneDescriptions = renderPool(DEMO_DRONE_DESCRIPTIONS, wording);
    this.world = new DemoWorld(sites, channels);
    this.left = count;
    const cumulative = this.world.channelCumulative;
    this.channelTotal = cumulative.length > 0 ? cumulative[cumulative.length - 1] : 0;

    const timelineBursts: TimelineBurst[] = [];
    for (const spike of DEMO_SPIKES) {
      const site =
        spike.siteIds.map((id) => this.world.siteById(id)).find((found) => found !== undefined) ??
        this.world.sites.find((candidate) => candidate.facets.includes(spike.fallbackFacet));
      const share = site === undefined || count === 0 ? 0 : Math.max(spike.share, spike.minimum / count);
      timelineBursts.push({ share, fromHoursAgo: spike.fromHoursAgo, toHoursAgo: spike.toHoursAgo });
      // Unplaceable spikes keep a slot with share 0 so burst indexes stay aligned.
      this.bursts.push({ site: site ?? this.world.sites[0], category: CATEGORY_CODE[spike.category], mode: spike.mode });
    }
    const totalShare = timelineBursts.reduce((sum, burst) => sum + burst.share, 0);
    if (totalShare > MAX_BURST_SHARE) for (const burst of timelineBursts) burst.share *= MAX_BURST_SHARE / totalShare;

    const end = Math.floor(now / 1000) * 1000;
    this.timeline = new DemoTimeline(end, Math.max(1, Math.round(days * 24)), count, timelineBursts);
  }

  /** Records still to come. */
  get remaining(): number {
    return this.left;
  }

  /** The next record. Throws once `count` records have been produced. */
  next(): FeedRecord {
    if (this.left <= 0) throw new RangeError('DemoEventGenerator: all records have been produced');
    this.left--;
    const random = this.random;
    const timeline = this.timeline;
    const time = timeline.nextTime(random);
    const burstIndex = timeline.burstOfCurrent(random);

    let site: DemoSiteModel;
    let category: number;
    let mode: TransportMode;
    let lon: number;
    let lat: number;
    let channel: string | null = null;
    let attributed: string | null = null;
    let drone = false;

    if (burstIndex >= 0) {
      const burst = this.bursts[burstIndex];
      site = burst.site;
      category = burst.category;
      mode = burst.mode;
      const sigma = site.scatterMetres * 0.6;
      lon = site.lon + (random.normal() * sigma) / site.metresPerDegreeLon;
      lat = site.lat + (random.normal() * sigma) / METRES_PER_DEGREE;
      if (random.chance(SITE_ATTRIBUTION_SHARE)) attributed = site.id;
    } else if (this.channelTotal > 0 && random.chance(CHANNEL_SHARE)) {
      const model = this.world.channels[random.pickIndex(this.world.channelCumulative)];
      const segment = random.pickIndex(model.segmentCumulative);
      const at = segment * 4;
      const along = random.next();
      const segments = model.segments;
      const baseLat = segments[at + 1] + along * (segments[at + 3] - segments[at + 1]);
      const baseLon = segments[at] + along * (segments[at + 2] - segments[at]);
      const metresPerDegreeLon = METRES_PER_DEGREE * Math.cos((baseLat * Math.PI) / 180);
      lon = baseLon + (random.normal() * CHANNEL_SCATTER_METRES) / metresPerDegreeLon;
      lat = baseLat + (random.normal() * CHANNEL_SCATTER_METRES) / METRES_PER_DEGREE;
      site = model.segmentSite[segment];
      mode = this.pickMix(model);
      category = this.lastCategory;
      channel = model.id;
    } else {
      site = this.world.sites[random.pickIndex(this.world.siteCumulative)];
      const hour = timeline.localHour[timeline.currentBin];
      const night = hour >= 22 || hour < 5;
      drone = site.droneZone && random.chance(night ? 0.12 : 0.01);
      mode = this.pickMix(drone ? this.world.drone : site);
      category = this.lastCategory;
      let sigma = drone ? 1200 : site.scatterMetres;
      if (random.chance(OUTLIER_SHARE)) sigma *= OUTLIER_SCALE;
      lon = site.lon + (random.normal() * sigma) / site.metresPerDegreeLon;
      lat = site.lat + (random.normal() * sigma) / METRES_PER_DEGREE;
      if (random.chance(SITE_ATTRIBUTION_SHARE)) attributed = site.id;
      if (
        site.channel !== null &&
        (mode === 'vehicle' || mode === 'rail' || mode === 'land') &&
        random.chance(CHANNEL_ATTRIBUTION_SHARE)
      ) {
        channel = site.channel;
      }
    }

    const side = site.sides.length === 1 ? site.sides[0] : site.sides[random.int(0, site.sides.length - 1)];
    const sourceIndex = side.sources.length === 1 ? side.sources[0] : side.sources[random.pickIndex(side.sourceCumulative)];
    const source = DEMO_SOURCES[sourceIndex];

    const kindCode = random.pickIndex(burstIndex >= 0 ? BURST_KIND_CUMULATIVE : KIND_CUMULATIVE);
    let severity = random.pickIndex(SEVERITY_CUMULATIVE) + 1;
    const shift = burstIndex >= 0 ? 0.5 : SEVERITY_SHIFT_BY_CODE[category];
    if (shift !== 0 && random.chance(Math.abs(shift))) severity += shift > 0 ? 1 : -1;
    severity = severity < 1 ? 1 : severity > 5 ? 5 : severity;

    let grading: string | null = null;
    if (random.chance(GRADED_SHARE[kindCode])) {
      grading = INTEL_GRADED[kindCode]
        ? INTEL_GRADINGS[random.pickIndex(INTEL_GRADING_CUMULATIVE)]
        : CONFIRMED_GRADINGS[random.pickIndex(CONFIRMED_GRADING_CUMULATIVE)];
    }

    let valueCny: number | null = null;
    if (random.chance(VALUE_SHARE[kindCode])) {
      const rate = DEMO_CNY_RATES[demoCurrencyOfSource(source)];
      const raw = random.logNormal(VALUE_MEDIAN_BY_CODE[category] * (VALUE_MODE_SCALE[mode] ?? 1), VALUE_SIGMA_BY_CODE[category]);
      // Agencies publish round figures in their own currency; convert that figure to CNY.
      const local = roundFigure(raw / rate);
      valueCny = Math.round(local * rate * 100) / 100;
    }

    const year = this.localYear(time);
    if (this.idPrefixYear[sourceIndex] !== year) {
      this.idPrefixYear[sourceIndex] = year;
      this.idPrefix[sourceIndex] = `${source}-${year}-`;
    }
    const id = this.idPrefix[sourceIndex] + String(++this.sequence[sourceIndex]).padStart(6, '0');
    const links: string[] = [];
    if (random.chance(LINK_SHARE)) this.addLinks(side.slot, category, links);

    const language = side.languages[random.pickIndex(side.languageCumulative)];
    const pools = drone ? this.droneDescriptions : this.categoryDescriptions[category];
    const pool = pools[DESCRIPTION_CONTEXT_OF_MODE[mode]][language];
    const description = pool[random.int(0, pool.length - 1)];

    let updated = time;
    if (random.chance(UPDATE_SHARE)) {
      const delay = Math.ceil(random.exponential(MEAN_UPDATE_DELAY_MS) / 1000) * 1000;
      updated = Math.min(time + delay, timeline.end);
    }

    if (kindCode !== 0 || links.length > 0 || random.chance(0.15)) {
      const key = `${source}:${id}`;
      this.remember(side.slot, key, category);
      if (links.length > 0) this.lastLinked[side.slot] = key;
    }

    return {
      source,
      id,
      time,
      lon: clampRound(lon, DEMO_BBOX[0], DEMO_BBOX[2]),
      lat: clampRound(lat, DEMO_BBOX[1], DEMO_BBOX[3]),
      category: CATEGORY_KEYS[category],
      kind: RECORD_KINDS[kindCode],
      severity,
      grading,
      valueCny,
      mode,
      site: attributed,
      channel,
      links,
      description,
      updated,
    };
  }

  private pickMix(mix: DemoMixModel): TransportMode {
    const modeIndex = mix.modes.length === 1 ? 0 : this.random.pickIndex(mix.modeCumulative);
    this.lastCategory = this.random.pickIndex(mix.categoryCumulative[modeIndex]);
    return mix.modes[modeIndex];
  }

  /** Calendar year in UTC+8; times arrive in ascending order, so a cached boundary suffices. */
  private localYear(time: number): number {
    if (time >= this.nextYearStart || this.year === 0) {
      this.year = new Date(time + LOCAL_OFFSET_MS).getUTCFullYear();
      this.nextYearStart = Date.UTC(this.year + 1, 0, 1) - LOCAL_OFFSET_MS;
    }
    return this.year;
  }

  private remember(slot: number, key: string, category: number): void {
    const at = slot * RING_SIZE + this.ringHead[slot];
    this.ringKeys[at] = key;
    this.ringCategories[at] = category;
    this.ringHead[slot] = (this.ringHead[slot] + 1) % RING_SIZE;
    if (this.ringSize[slot] < RING_SIZE) this.ringSize[slot]++;
  }

  /** Links to earlier records of the other jurisdictions' agencies, as one joint case would. */
  private addLinks(slot: number, category: number, links: string[]): void {
    const first = (slot + 1) % SIDES;
    const second = (slot + 2) % SIDES;
    const hasFirst = this.ringSize[first] > 0;
    const hasSecond = this.ringSize[second] > 0;
    if (!hasFirst && !hasSecond) return;
    const target = hasFirst && hasSecond ? (this.random.chance(0.5) ? first : second) : hasFirst ? first : second;
    links.push(this.linkTarget(target, category));
    const other = target === first ? second : first;
    if (this.ringSize[other] > 0 && this.random.chance(SECOND_LINK_SHARE)) links.push(this.linkTarget(other, category));
  }

  private linkTarget(slot: number, category: number): string {
    const random = this.random;
    const chained = this.lastLinked[slot];
    // Linking to a record that itself links onward forms the chains of a joint case.
    if (chained !== null && random.chance(CHAIN_SHARE)) return chained;
    const size = this.ringSize[slot];
    const base = slot * RING_SIZE;
    if (random.chance(SAME_CATEGORY_LINK_SHARE)) {
      for (let back = 1; back <= size; back++) {
        const at = base + ((this.ringHead[slot] - back + RING_SIZE) % RING_SIZE);
        if (this.ringCategories[at] === category) return this.ringKeys[at];
      }
    }
    return this.ringKeys[base + random.int(0, size - 1)];
  }
}

/** Rounds to a published-looking figure: whole units, two significant digits from 100 up. */
function roundFigure(value: number): number {
  if (value < 100) return Math.max(1, Math.round(value));
  let step = 1;
  while (value >= 100 * step) step *= 10;
  return Math.round(value / step) * step;
}

/** Clamps into [min, max] and rounds to 1e-6 degrees (about 0.1 m), so text round-trips exactly. */
function clampRound(value: number, min: number, max: number): number {
  const clamped = value < min ? min : value > max ? max : value;
  return Math.round(clamped * 1e6) / 1e6;
}

import type { SeededRandom } from './seededRandom.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** All three territories keep UTC+08:00 all year. */
const LOCAL_OFFSET_MS = 8 * HOUR_MS;

/** Relative activity per local hour 0–23: quiet before dawn, busy through office hours. */
const DIURNAL = [
  0.25, 0.18, 0.14, 0.12, 0.13, 0.2, 0.4, 0.7, 1.0, 1.25, 1.35, 1.35, 1.25, 1.3, 1.35, 1.35, 1.3, 1.25, 1.2, 1.1,
  0.95, 0.8, 0.6, 0.4,
];

/** Relative activity per local weekday, Sunday first: Friday and Saturday crossings peak. */
const WEEKLY = [0.88, 1.0, 0.97, 0.97, 1.0, 1.12, 1.2];

/** A burst placed on the timeline: its expected share of all events and its window in hours before the end. */
export interface TimelineBurst {
  share: number;
  fromHoursAgo: number;
  toHoursAgo: number;
}

/**
 * The event-time process of the demo: hourly intensities with diurnal and weekly rhythm, a gentle
 * upward trend, and bursts on top. It draws `count` times in ascending order, one at a time, as
 * sorted uniform order statistics mapped through the intensity's inverse CDF, so a million
 * times stream out without being held or sorted.
 */
export class DemoTimeline {
  /** Window start and end, epoch ms; times fall in [start, end). */
  readonly start: number;
  readonly end: number;
  /** Local (UTC+8) hour of each bin's midpoint. */
  readonly localHour: Uint8Array;
  private readonly binCount: number;
  private readonly cumulative: Float64Array;
  private readonly baseMass: Float64Array;
  private readonly binMass: Float64Array;
  /** Burst masses, burst-major: burstMass[burst * binCount + bin]. */
  private readonly burstMass: Float64Array;
  private readonly burstCount: number;
  private readonly binHasBurst: Uint8Array;
  private remaining: number;
  private quantile = 0;
  private bin = 0;

  /**
   * `end` must be a whole second, `hours` a positive integer. Bursts whose window falls outside
   * the timeline get no events; their shares are then given back to the background.
   */
  constructor(end: number, hours: number, count: number, bursts: readonly TimelineBurst[]) {
    this.end = end;
    this.start = end - hours * HOUR_MS;
    this.binCount = hours;
    this.remaining = count;
    this.localHour = new Uint8Array(hours);
    this.baseMass = new Float64Array(hours);
    this.binMass = new Float64Array(hours);
    this.cumulative = new Float64Array(hours + 1);
    this.burstCount = bursts.length;
    this.burstMass = new Float64Array(hours * bursts.length);
    this.binHasBurst = new Uint8Array(hours);

    const rhythm = new Float64Array(hours);
    let rhythmTotal = 0;
    for (let bin = 0; bin < hours; bin++) {
      const local = this.start + (bin + 0.5) * HOUR_MS + LOCAL_OFFSET_MS;
      const day = Math.floor(local / DAY_MS);
      const hour = Math.floor((local - day * DAY_MS) / HOUR_MS);
      // Day 0 of the epoch (1970-01-01) was a Thursday, weekday 4 with Sunday = 0.
      const weekday = (((day + 4) % 7) + 7) % 7;
      const trend = 0.9 + (0.2 * (bin + 0.5)) / hours;
      this.localHour[bin] = hour;
      rhythm[bin] = DIURNAL[hour] * WEEKLY[weekday] * trend;
      rhythmTotal += rhythm[bin];
    }

    let burstShare = 0;
    for (let burst = 0; burst < bursts.length; burst++) {
      const { share, fromHoursAgo, toHoursAgo } = bursts[burst];
      const first = Math.max(0, hours - Math.ceil(fromHoursAgo));
      const last = Math.min(hours, hours - Math.floor(toHoursAgo));
      const length = last - first;
      if (length <= 0 || !(share > 0)) continue;
      let shapeTotal = 0;
      for (let bin = first; bin < last; bin++) {
        const shape = Math.sin((Math.PI * (bin - first + 0.5)) / length) * DIURNAL[this.localHour[bin]];
        this.burstMass[burst * hours + bin] = shape;
        shapeTotal += shape;
      }
      for (let bin = first; bin < last; bin++) {
        this.burstMass[burst * hours + bin] *= share / shapeTotal;
        this.binHasBurst[bin] = 1;
      }
      burstShare += share;
    }

    const baseShare = 1 - burstShare;
    let running = 0;
    for (let bin = 0; bin < hours; bin++) {
      const base = (rhythm[bin] / rhythmTotal) * baseShare;
      let mass = base;
      for (let burst = 0; burst < bursts.length; burst++) mass += this.burstMass[burst * hours + bin];
      this.baseMass[bin] = base;
      this.binMass[bin] = mass;
      this.cumulative[bin] = running;
      running += mass;
    }
    this.cumulative[hours] = running;
  }

  /** Bin (hour index from `start`) of the time last returned by {@link DemoTimeline.nextTime}. */
  get currentBin(): number {
    return this.bin;
  }

  /** The next event time, whole seconds, never earlier than the previous one. */
  nextTime(random: SeededRandom): number {
    if (this.remaining <= 0) throw new RangeError('DemoTimeline: all times have been drawn');
    // Next order statistic of `remaining` uniforms above the current one; 1 - next() is in (0, 1].
    this.quantile = 1 - (1 - this.quantile) * Math.pow(1 - random.next(), 1 / this.remaining);
    this.remaining--;
    const target = this.quantile * this.cumulative[this.binCount];
    const lastBin = this.binCount - 1;
    while (this.bin < lastBin && this.cumulative[this.bin + 1] <= target) this.bin++;
    const within = (target - this.cumulative[this.bin]) / this.binMass[this.bin];
    const raw = this.start + (this.bin + Math.min(Math.max(within, 0), 1)) * HOUR_MS;
    return Math.min(Math.floor(raw / 1000) * 1000, this.end - 1000);
  }

  /**
   * Which burst the event just drawn belongs to, or -1 for background, drawn in proportion to
   * the masses of its bin. Draws from `random` only in bins that have bursts.
   */
  burstOfCurrent(random: SeededRandom): number {
    const bin = this.bin;
    if (this.binHasBurst[bin] === 0) return -1;
    let rest = random.next() * this.binMass[bin] - this.baseMass[bin];
    if (rest < 0) return -1;
    for (let burst = 0; burst < this.burstCount; burst++) {
      rest -= this.burstMass[burst * this.binCount + bin];
      if (rest < 0) return burst;
    }
    return -1;
  }
}

const TWO_POW_MINUS_32 = 1 / 4_294_967_296;
const TWO_PI = 2 * Math.PI;

/** One step of splitmix32: spreads a 32-bit seed into well-mixed state words. */
function splitmix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * A small, fast, seeded pseudo-random generator (xoshiro128**, seeded through splitmix32) with
 * the distributions the demo data needs. Not cryptographic. The same seed always yields the same
 * sequence on every JavaScript engine, because only 32-bit integer arithmetic feeds the state.
 */
export class SeededRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal = 0;
  private hasSpareNormal = false;

  /** `seed` may be any finite number; integers up to 2^53 are all distinct seeds. */
  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new RangeError(`seed must be finite, got ${seed}`);
    const whole = Math.trunc(seed);
    const low = whole >>> 0;
    const high = Math.floor(whole / 4_294_967_296) >>> 0;
    let mix = splitmix32(low ^ splitmix32(high));
    this.s0 = mix;
    mix = splitmix32(mix);
    this.s1 = mix;
    mix = splitmix32(mix);
    this.s2 = mix;
    mix = splitmix32(mix);
    this.s3 = mix;
    // xoshiro's all-zero state is a fixed point; splitmix32 cannot yield four zeros, but be sure.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Next raw 32-bit unsigned integer. */
  nextUint32(): number {
    const s1 = this.s1;
    const product = Math.imul(s1, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() * TWO_POW_MINUS_32;
  }

  /** Uniform float in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /**
   * Index drawn with probability proportional to weight, given cumulative weights as made by
   * {@link SeededRandom.cumulative}. Binary search, so long tables cost O(log n).
   */
  pickIndex(cumulative: ArrayLike<number>): number {
    const last = cumulative.length - 1;
    const target = this.next() * cumulative[last];
    let low = 0;
    let high = last;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** Element drawn with probability proportional to its weight (cumulative weights, same order). */
  pickWeighted<T>(items: readonly T[], cumulative: ArrayLike<number>): T {
    return items[this.pickIndex(cumulative)];
  }

  /** Normal deviate by the Box-Muller transform; the second value of each pair is kept for the next call. */
  normal(mean = 0, standardDeviation = 1): number {
    if (this.hasSpareNormal) {
      this.hasSpareNormal = false;
      return mean + standardDeviation * this.spareNormal;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - this.next()));
    const angle = TWO_PI * this.next();
    this.spareNormal = radius * Math.sin(angle);
    this.hasSpareNormal = true;
    return mean + standardDeviation * radius * Math.cos(angle);
  }

  /** Log-normal deviate with the given median and log-space standard deviation. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Exponential deviate with the given mean (not rate). */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /**
   * Poisson deviate. Knuth's product method for means up to 30 (exact, O(mean) draws); above that
   * a rounded normal approximation, which is close enough for demo data.
   */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
    const limit = Math.exp(-mean);
    let count = -1;
    let product = 1;
    do {
      count++;
      product *= this.next();
    } while (product > limit);
    return count;
  }

  /** Running sums of `weights`, the table {@link SeededRandom.pickIndex} expects. */
  static cumulative(weights: readonly number[]): Float64Array {
    const sums = new Float64Array(weights.length);
    let total = 0;
    for (let i = 0; i < weights.length; i++) {
      const weight = weights[i];
      if (!(weight >= 0)) throw new RangeError(`weight ${i} must be a non-negative number, got ${weight}`);
      total += weight;
      sums[i] = total;
    }
    return sums;
  }
}

/** Creates a {@link SeededRandom} for `seed`. */
export function seededRandom(seed: number): SeededRandom {
  return new SeededRandom(seed);
}

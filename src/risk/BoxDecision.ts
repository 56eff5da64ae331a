/** What a box decision returns when points of the box may have different answers. */
export const UNDECIDED = -2;

/**
 * Decides, from an interval per candidate that holds the candidate's distance from every point of
 * a box, whether every point of the box has the same nearest place within `radiusKm`: reset(),
 * add() each candidate, then answer(). A place may come in several times (the segments of one
 * channel): its distance is the least of its candidates', which the answer accounts for. Reused
 * across boxes, so deciding many boxes allocates nothing.
 */
export class BoxDecision {
  private places = new Int32Array(64);
  private lows = new Float64Array(64);
  private highs = new Float64Array(64);
  private size = 0;

  constructor(private readonly radiusKm: number) {}

  /** Forgets the candidates of the previous box. */
  reset(): void {
    this.size = 0;
  }

  /** Adds a candidate of `place` whose distance from every point of the box lies in [low, high]. */
  add(place: number, low: number, high: number): void {
    if (low > this.radiusKm) return;
    if (this.size === this.places.length) {
      const grow = <T extends Int32Array | Float64Array>(array: T): T => {
        const larger = new (array.constructor as new (n: number) => T)(array.length * 2);
        larger.set(array);
        return larger;
      };
      this.places = grow(this.places);
      this.lows = grow(this.lows);
      this.highs = grow(this.highs);
    }
    this.places[this.size] = place;
    this.lows[this.size] = low;
    this.highs[this.size] = high;
    this.size++;
  }

  /**
   * The place nearest to every point of the box and within the radius of all of them; -1 when no
   * candidate is within the radius of any point; else UNDECIDED (near a tie or the radius).
   */
  answer(): number {
    const { places, lows, highs, size } = this;
    let best = -1;
    let bestHigh = Infinity;
    for (let k = 0; k < size; k++) {
      if (highs[k] < bestHigh) {
        best = places[k];
        bestHigh = highs[k];
      }
    }
    if (best < 0) return -1;
    if (!(bestHigh <= this.radiusKm)) return UNDECIDED;
    // Every other place must be farther than `best` from every point of the box.
    for (let k = 0; k < size; k++) if (places[k] !== best && !(lows[k] > bestHigh)) return UNDECIDED;
    return best;
  }
}

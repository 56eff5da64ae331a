/**
 * An insertion-ordered set of resolution-≤9 cell keys (see cellKey), each held as its two integer
 * parts: the 20 base-cell-and-digit bits of the high half and the top 14 bits of the low half. An
 * open-addressing hash over typed arrays: no per-key allocation, unlike a Map of 34-bit numbers.
 */
export class CellKeySet {
  /** Per slot: the key's high part, or -1 when the slot is empty. */
  private slotHigh: Int32Array;
  private slotLow: Int32Array;
  /** Per slot: the key's index in insertion order. */
  private slotIndex: Int32Array;
  private highs: Int32Array;
  private lows: Int32Array;
  private count = 0;

  /** `expected`: a guess at the number of distinct keys (the set grows past it as needed). */
  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.slotHigh = new Int32Array(capacity).fill(-1);
    this.slotLow = new Int32Array(capacity);
    this.slotIndex = new Int32Array(capacity);
    this.highs = new Int32Array(capacity >> 1);
    this.lows = new Int32Array(capacity >> 1);
  }

  /** Number of distinct keys added. */
  get size(): number {
    return this.count;
  }

  /** Index of the key (`high` < 2^20, `low` < 2^14), adding it when new. */
  add(high: number, low: number): number {
    const slotHigh = this.slotHigh;
    const mask = slotHigh.length - 1;
    let slot = slotOf(high, low) & mask;
    for (;;) {
      const found = slotHigh[slot];
      if (found === -1) break;
      if (found === high && this.slotLow[slot] === low) return this.slotIndex[slot];
      slot = (slot + 1) & mask;
    }
    const index = this.count++;
    slotHigh[slot] = high;
    this.slotLow[slot] = low;
    this.slotIndex[slot] = index;
    this.highs[index] = high;
    this.lows[index] = low;
    // Keep the load at most one half, so probes stay short.
    if (this.count * 2 >= slotHigh.length) this.grow();
    return index;
  }

  /** The keys as cellKey numbers, in insertion order. */
  keys(): Float64Array {
    const keys = new Float64Array(this.count);
    for (let i = 0; i < this.count; i++) keys[i] = this.highs[i] * 16384 + this.lows[i];
    return keys;
  }

  private grow(): void {
    const capacity = this.slotHigh.length * 2;
    const mask = capacity - 1;
    const slotHigh = new Int32Array(capacity).fill(-1);
    const slotLow = new Int32Array(capacity);
    const slotIndex = new Int32Array(capacity);
    for (let index = 0; index < this.count; index++) {
      const high = this.highs[index];
      const low = this.lows[index];
      let slot = slotOf(high, low) & mask;
      while (slotHigh[slot] !== -1) slot = (slot + 1) & mask;
      slotHigh[slot] = high;
      slotLow[slot] = low;
      slotIndex[slot] = index;
    }
    this.slotHigh = slotHigh;
    this.slotLow = slotLow;
    this.slotIndex = slotIndex;
    const highs = new Int32Array(capacity >> 1);
    const lows = new Int32Array(capacity >> 1);
    highs.set(this.highs);
    lows.set(this.lows);
    this.highs = highs;
    this.lows = lows;
  }
}

/** Well-mixed 32-bit hash of a key's two parts. */
function slotOf(high: number, low: number): number {
  let h = Math.imul(high ^ Math.imul(low, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  return Math.imul(h, 0xc2b2ae35) ^ (h >>> 13);
}

/** The unsigned integer arrays a stored column may use for codes, lengths and row numbers. */
export type UnsignedArray = Uint8Array | Uint16Array | Uint32Array;

/**
 * A zeroed array of `count` entries, the narrowest of Uint8Array, Uint16Array and Uint32Array
 * that holds every value up to `max`.
 */
export function narrowestUnsignedArray(count: number, max: number): UnsignedArray {
  if (max <= 0xff) return new Uint8Array(count);
  if (max <= 0xffff) return new Uint16Array(count);
  return new Uint32Array(count);
}

/** `values` copied into the narrowest array that holds `max` (which must bound every value). */
export function narrowed(values: Uint16Array | Uint32Array, max: number): UnsignedArray {
  const narrow = narrowestUnsignedArray(values.length, max);
  narrow.set(values);
  return narrow;
}

/**
 * `values` widened into a Uint16Array (which must hold `max`), after checking that none exceeds
 * `max`; throws `Corrupt <what>` otherwise.
 */
export function widenedToUint16(values: UnsignedArray, max: number, what: string): Uint16Array {
  checkMax(values, max, what);
  if (values instanceof Uint16Array) return values;
  const wide = new Uint16Array(values.length);
  wide.set(values);
  return wide;
}

/** Throws `Corrupt <what>` unless every value is at most `max`. */
export function checkMax(values: UnsignedArray, max: number, what: string): void {
  for (let i = 0; i < values.length; i++) {
    if (values[i] > max) throw new Error(`Corrupt ${what}: value ${values[i]} at ${i} is over ${max}`);
  }
}

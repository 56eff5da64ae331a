import type { SeededRandom } from '../../src/demo/seededRandom.ts';

/** Byte sequences that are not UTF-8 (a stray continuation, an overlong form, an encoded surrogate, …). */
const BROKEN_UTF8 = [[0xff], [0xc3], [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]];
const BOMS = [[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]];

function splice(bytes: Uint8Array, at: number, remove: number, insert: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(bytes.length - remove + insert.length);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(bytes.subarray(at + remove), at + insert.length);
  return out;
}

/**
 * Damages a file the ways files get damaged: a BOM (UTF-8 or UTF-16) in front, bytes that are not
 * UTF-8, a NUL, truncation, flipped, inserted, deleted or repeated bytes. Applies `count` of them.
 */
export function mutateBytes(random: SeededRandom, input: Uint8Array, count: number): Uint8Array {
  let bytes = input;
  for (let k = 0; k < count; k++) {
    const at = random.int(0, bytes.length);
    switch (random.int(0, 7)) {
      case 0:
        bytes = splice(bytes, 0, 0, random.pick(BOMS));
        break;
      case 1:
        bytes = splice(bytes, at, 0, random.pick(BROKEN_UTF8));
        break;
      case 2:
        bytes = splice(bytes, at, 0, [0]);
        break;
      case 3:
        bytes = bytes.subarray(0, at);
        break;
      case 4:
        if (bytes.length > 0) {
          bytes = bytes.slice();
          bytes[Math.min(at, bytes.length - 1)] ^= 1 << random.int(0, 7);
        }
        break;
      case 5: {
        const noise = Array.from({ length: random.int(1, 8) }, () => random.pick([34, 44, 59, 10, 13, 9, 123, 125, 91, 93, 92, 58, random.int(0, 255)]));
        bytes = splice(bytes, at, 0, noise);
        break;
      }
      case 6:
        bytes = splice(bytes, at, Math.min(random.int(1, 64), bytes.length - at), []);
        break;
      default: {
        const length = Math.min(random.int(1, 200), bytes.length - at);
        bytes = splice(bytes, at, 0, bytes.slice(at, at + length));
      }
    }
  }
  return bytes;
}

/** Random bytes, mostly printable so that some of them still look like text. */
export function randomBytes(random: SeededRandom, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  const printable = random.chance(0.5);
  for (let k = 0; k < length; k++) bytes[k] = printable ? random.int(9, 126) : random.int(0, 255);
  return bytes;
}

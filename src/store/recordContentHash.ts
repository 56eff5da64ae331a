import type { FeedRecord } from '../domain/FeedRecord.ts';

/*
 * Two independent 32-bit lanes run over one canonical serialisation of the record: lane A is
 * FNV-1a over 16-bit units, lane B a multiply-xorshift mix with another seed. Their combination
 * is a 53-bit integer, so it fits a Float64Array column exactly and an accidental collision between
 * two versions of one record (which would misreport a change as "unchanged") has odds of ~1e-16.
 *
 * The serialisation is prefix-free: every string is preceded by its length, every nullable value
 * by a presence tag, the link list by its count, and numbers are hashed as their IEEE-754 bits.
 *
 * Hashes are stored with the chunks, so the value must never change.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const MIX_SEED = 0x9e3779b9;
const MIX_MULTIPLIER = 0x5bd1e995;
const TWO_POW_32 = 4294967296;

const numberBits = new Float64Array(1);
const numberWords = new Uint32Array(numberBits.buffer);

/** Lane A and lane B between fields: a typed array, so the 32-bit states are never boxed. */
const lanes = new Int32Array(2);


function unit(value: number): void {
  lanes[0] = Math.imul(lanes[0] ^ value, FNV_PRIME);
  const b = Math.imul(lanes[1] ^ value, MIX_MULTIPLIER);
  lanes[1] = b ^ (b >>> 13);
}

/** Hashes a 32-bit word as its low and high 16-bit units. */
function word(value: number): void {
  unit(value & 0xffff);
  unit(value >>> 16);
}

/** Hashes every UTF-16 unit of `value`, the lanes in locals for the loop. */
function units(value: string): void {
  // The strings hashed here come in many internal shapes (sliced, flat, one- or two-byte…), which
  // makes a `value.charCodeAt` lookup megamorphic, and V8 then calls the method per character
  // instead of inlining it. Named through the prototype, the method is a known builtin.
  const charCodeAt = String.prototype.charCodeAt;
  let a = lanes[0];
  let b = lanes[1];
  const n = value.length;
  for (let i = 0; i < n; i++) {
    const c = charCodeAt.call(value, i);
    a = Math.imul(a ^ c, FNV_PRIME);
    b = Math.imul(b ^ c, MIX_MULTIPLIER);
    b ^= b >>> 13;
  }
  lanes[0] = a;
  lanes[1] = b;
}

function text(value: string): void {
  word(value.length);
  units(value);
}

function num(value: number): void {
  numberBits[0] = value;
  word(numberWords[0]);
  word(numberWords[1]);
}

function optionalText(value: string | null): void {
  if (value === null) {
    unit(0);
  } else {
    unit(1);
    text(value);
  }
}

/**
 * A deterministic 53-bit content hash of every field of a FeedRecord (a non-negative safe
 * integer). Equal records hash equal on every platform; field order in the object is irrelevant.
 * Used to tell "same version, same content" (unchanged) from "same version, new content".
 */
export function recordContentHash(record: FeedRecord): number {
  lanes[0] = FNV_OFFSET;
  lanes[1] = MIX_SEED;
  text(record.source);
  text(record.id);
  num(record.time);
  num(record.updated);
  num(record.lon);
  num(record.lat);
  text(record.category);
  text(record.kind);
  num(record.severity);
  optionalText(record.grading);
  if (record.valueCny === null) {
    unit(0);
  } else {
    unit(1);
    num(record.valueCny);
  }
  optionalText(record.mode);
  optionalText(record.site);
  optionalText(record.channel);
  const links = record.links;
  word(links.length);
  for (let i = 0; i < links.length; i++) text(links[i]);
  text(record.description);
  // Murmur3's finaliser spreads lane B's last inputs over the bits we keep.
  let b = lanes[1];
  b ^= b >>> 16;
  b = Math.imul(b, 0x85ebca6b);
  b ^= b >>> 13;
  b = Math.imul(b, 0xc2b2ae35);
  b ^= b >>> 16;
  return (b >>> 11) * TWO_POW_32 + (lanes[0] >>> 0);
}

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
 * Hashes are stored with the chunks, so the value must never change. For speed, lane A travels as
 * the helpers' argument and result and lane B in a one-element Int32Array: both stay unboxed
 * 32-bit integers, where module variables would be boxed on every store.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const MIX_SEED = 0x9e3779b9;
const MIX_MULTIPLIER = 0x5bd1e995;
const TWO_POW_32 = 4294967296;

const numberBits = new Float64Array(1);
const numberWords = new Uint32Array(numberBits.buffer);
const laneB = new Int32Array(1);

/** Hashes one 16-bit unit; returns lane A. */
function unit(a: number, value: number): number {
  const b = Math.imul(laneB[0] ^ value, MIX_MULTIPLIER);
  laneB[0] = b ^ (b >>> 13);
  return Math.imul(a ^ value, FNV_PRIME);
}

/** Hashes a 32-bit word as its low and high 16-bit units; returns lane A. */
function word(a: number, value: number): number {
  let b = laneB[0];
  const low = value & 0xffff;
  const high = value >>> 16;
  a = Math.imul(a ^ low, FNV_PRIME);
  b = Math.imul(b ^ low, MIX_MULTIPLIER);
  b ^= b >>> 13;
  a = Math.imul(a ^ high, FNV_PRIME);
  b = Math.imul(b ^ high, MIX_MULTIPLIER);
  b ^= b >>> 13;
  laneB[0] = b;
  return a;
}

/** Hashes a string's length, then its UTF-16 units; returns lane A. */
function text(a: number, value: string): number {
  // The strings come in many internal shapes (sliced, flat, one- or two-byte…), which makes a
  // `value.charCodeAt` lookup megamorphic, and V8 then calls the method per character instead of
  // inlining it: over half the hashing time. Named through the prototype it is a known builtin.
  const charCodeAt = String.prototype.charCodeAt;
  const n = value.length;
  a = word(a, n);
  let b = laneB[0];
  for (let i = 0; i < n; i++) {
    const c = charCodeAt.call(value, i);
    a = Math.imul(a ^ c, FNV_PRIME);
    b = Math.imul(b ^ c, MIX_MULTIPLIER);
    b ^= b >>> 13;
  }
  laneB[0] = b;
  return a;
}

function num(a: number, value: number): number {
  numberBits[0] = value;
  return word(word(a, numberWords[0]), numberWords[1]);
}

function optionalText(a: number, value: string | null): number {
  return value === null ? unit(a, 0) : text(unit(a, 1), value);
}

/**
 * A deterministic 53-bit content hash of every field of a FeedRecord (a non-negative safe
 * integer). Equal records hash equal on every platform; field order in the object is irrelevant.
 * Used to tell "same version, same content" (unchanged) from "same version, new content".
 */
export function recordContentHash(record: FeedRecord): number {
  laneB[0] = MIX_SEED;
  let a = FNV_OFFSET | 0;
  a = text(a, record.source);
  a = text(a, record.id);
  a = num(a, record.time);
  a = num(a, record.updated);
  a = num(a, record.lon);
  a = num(a, record.lat);
  a = text(a, record.category);
  a = text(a, record.kind);
  a = num(a, record.severity);
  a = optionalText(a, record.grading);
  a = record.valueCny === null ? unit(a, 0) : num(unit(a, 1), record.valueCny);
  a = optionalText(a, record.mode);
  a = optionalText(a, record.site);
  a = optionalText(a, record.channel);
  const links = record.links;
  a = word(a, links.length);
  for (let i = 0; i < links.length; i++) a = text(a, links[i]);
  a = text(a, record.description);
  // The handling code joins the serialisation only when the record has one: every record without
  // one keeps the hash stored before the field existed. The serialisation before it is prefix-free,
  // so a record with a code never serialises like one without.
  const handling = record.handling;
  if (handling !== undefined) a = text(unit(a, 0x48), handling);
  // Murmur3's finaliser spreads lane B's last inputs over the bits we keep.
  let b = laneB[0];
  b ^= b >>> 16;
  b = Math.imul(b, 0x85ebca6b);
  b ^= b >>> 13;
  b = Math.imul(b, 0xc2b2ae35);
  b ^= b >>> 16;
  return (b >>> 11) * TWO_POW_32 + (a >>> 0);
}

/**
 * CPython 3.11's `hash()` of the hashable values (spec/RUNTIME.md §1.3),
 * used only to lay out sets the way CPython's set table does, so that a
 * set iterates in CPython's order. Ints, bools and tuples of them hash
 * exactly as in CPython; str and bytes hash as CPython does with
 * PYTHONHASHSEED=0 (SipHash-1-3 under a zero key, over a str's PEP 393
 * buffer), the only setting under which CPython's own order of a set of
 * strs is reproducible; None hashes to the constant CPython 3.12 gives it
 * (3.11 uses its address). A hash is an unsigned 64-bit word in two
 * halves, computed in 32-bit halves (no BigInt per item). Pays each byte
 * SipHash reads, each byte of a big int reduced and each tuple item it
 * folds in (the `set_table` walk rates), on top of the value's key walk,
 * which the caller has paid first (or paid when the value became a dict
 * key: a keys view's elements are hashed again with no key walk, so the
 * hash pays its own work in full).
 */

import { WALKS } from "../compile/opcodes.ts";
import { codePointAt, unitWidth } from "../text_units.ts";
import { vmError } from "./failure.ts";
import { bitLength, type Meter } from "./ops.ts";
import { PyRange, PyTuple, typeName, type Value } from "./values.ts";

/** A 64-bit hash as its high and low 32-bit halves (both unsigned). */
export interface Hash64 {
  /** Bits 63–32. */
  readonly hi: number;
  /** Bits 31–0. */
  readonly lo: number;
}

const TWO32 = 0x1_0000_0000;
const MASK64 = (1n << 64n) - 1n;
/** The modulus of CPython's int hash: the Mersenne prime 2^61 - 1. */
const MODULUS = (1n << 61n) - 1n;
const NONE_HASH = 0xfca86420;
const XXPRIME_1: Hash64 = { hi: 0x9e3779b1, lo: 0x85ebca87 };
const XXPRIME_2: Hash64 = { hi: 0xc2b2ae3d, lo: 0x27d4eb4f };
const XXPRIME_5: Hash64 = { hi: 0x27d4eb2f, lo: 0x165667c5 };
/** XXPRIME_5 ^ 3527539, which a tuple's length is mixed with. */
const LENGTH_MIX: Hash64 = { hi: 0x27d4eb2f, lo: 0x1663b4b6 };

function fromBig(word: bigint): Hash64 {
  const unsigned = word & MASK64;
  return { hi: Number(unsigned >> 32n), lo: Number(unsigned & 0xffff_ffffn) };
}

/** A signed hash other than -1 (which CPython reserves for errors and maps to -2). */
function fromSigned(value: number): Hash64 {
  if (value >= 0 && value < TWO32) return { hi: 0, lo: value };
  const signed = value === -1 ? -2 : value;
  if (signed >= 0) return { hi: Math.floor(signed / TWO32), lo: signed % TWO32 };
  const magnitude = -signed;
  const lo = magnitude % TWO32;
  const hi = Math.floor(magnitude / TWO32);
  // Two's complement of the magnitude: invert and add one.
  return lo === 0 ? { hi: (TWO32 - hi) % TWO32, lo: 0 } : { hi: TWO32 - 1 - hi, lo: TWO32 - lo };
}

/** `hash(n)`: |n| mod 2^61 - 1, with n's sign; a big int pays each byte of it reduced. */
function intHash(meter: Meter, value: number | bigint): Hash64 {
  if (typeof value === "number") return fromSigned(value);
  meter.pay(WALKS.set_table.byte, Math.ceil(bitLength(value) / 8));
  const negative = value < 0n;
  const reduced = (negative ? -value : value) % MODULUS;
  if (negative && reduced === 1n) return fromSigned(-2);
  return fromBig(negative ? -reduced : reduced);
}

/** The 64-bit SipHash-1-3 state, four words as eight halves (lo, hi, lo, hi, ...). */
class SipState {
  readonly v = new Uint32Array(8);

  constructor() {
    // The initial words under a zero key.
    this.v.set([0x70736575, 0x736f6d65, 0x6e646f6d, 0x646f7261, 0x6e657261, 0x6c796765]);
    this.v[6] = 0x79746573;
    this.v[7] = 0x74656462;
  }

  #add(target: number, source: number): void {
    const { v } = this;
    const lo = (v[target] as number) + (v[source] as number);
    v[target] = lo;
    v[target + 1] = (v[target + 1] as number) + (v[source + 1] as number) + (lo >= TWO32 ? 1 : 0);
  }

  #xor(target: number, source: number): void {
    const { v } = this;
    v[target] = (v[target] as number) ^ (v[source] as number);
    v[target + 1] = (v[target + 1] as number) ^ (v[source + 1] as number);
  }

  #rotate(target: number, bits: number): void {
    const { v } = this;
    const lo = v[target] as number;
    const hi = v[target + 1] as number;
    if (bits === 32) {
      v[target] = hi;
      v[target + 1] = lo;
      return;
    }
    v[target] = (lo << bits) | (hi >>> (32 - bits));
    v[target + 1] = (hi << bits) | (lo >>> (32 - bits));
  }

  round(): void {
    this.#add(0, 2);
    this.#rotate(2, 13);
    this.#xor(2, 0);
    this.#rotate(0, 32);
    this.#add(4, 6);
    this.#rotate(6, 16);
    this.#xor(6, 4);
    this.#add(0, 6);
    this.#rotate(6, 21);
    this.#xor(6, 0);
    this.#add(4, 2);
    this.#rotate(2, 17);
    this.#xor(2, 4);
    this.#rotate(4, 32);
  }

  /** Absorbs one 64-bit message word. */
  absorb(lo: number, hi: number): void {
    const { v } = this;
    v[6] = (v[6] as number) ^ lo;
    v[7] = (v[7] as number) ^ hi;
    this.round();
    v[0] = (v[0] as number) ^ lo;
    v[1] = (v[1] as number) ^ hi;
  }

  finish(): Hash64 {
    const { v } = this;
    v[4] = (v[4] as number) ^ 0xff;
    this.round();
    this.round();
    this.round();
    return {
      hi: ((v[1] as number) ^ (v[3] as number) ^ (v[5] as number) ^ (v[7] as number)) >>> 0,
      lo: ((v[0] as number) ^ (v[2] as number) ^ (v[4] as number) ^ (v[6] as number)) >>> 0,
    };
  }
}

/** SipHash-1-3 of `length` bytes given by `byteAt`, as CPython's `_Py_HashBytes` (0 when empty). */
function hashBytes(meter: Meter, length: number, byteAt: (index: number) => number): Hash64 {
  if (length === 0) return { hi: 0, lo: 0 };
  meter.pay(WALKS.set_table.byte, length);
  const state = new SipState();
  const whole = length - (length % 8);
  for (let i = 0; i < whole; i += 8) {
    const lo =
      (byteAt(i) | (byteAt(i + 1) << 8) | (byteAt(i + 2) << 16) | (byteAt(i + 3) << 24)) >>>
      0;
    const hi =
      (byteAt(i + 4) | (byteAt(i + 5) << 8) | (byteAt(i + 6) << 16) | (byteAt(i + 7) << 24)) >>> 0;
    state.absorb(lo, hi);
  }
  let lo = 0;
  let hi = (length % 256) << 24;
  for (let i = whole; i < length; i++) {
    const shift = (i - whole) * 8;
    if (shift < 32) lo |= byteAt(i) << shift;
    else hi |= byteAt(i) << (shift - 32);
  }
  state.absorb(lo >>> 0, hi >>> 0);
  const result = state.finish();
  // -1 is reserved; CPython answers -2.
  return result.hi === 0xffff_ffff && result.lo === 0xffff_ffff
    ? { hi: result.hi, lo: 0xffff_fffe }
    : result;
}

/** A str's code points and the width of its PEP 393 buffer (1, 2 or 4 bytes each). */
function strBuffer(text: string): { readonly points: number[]; readonly width: number } {
  const points: number[] = [];
  let largest = 0;
  for (let at = 0; at < text.length;) {
    const point = codePointAt(text, at);
    points.push(point);
    if (point > largest) largest = point;
    at += unitWidth(point);
  }
  return { points, width: largest <= 0xff ? 1 : largest <= 0xffff ? 2 : 4 };
}

function strHash(meter: Meter, text: string): Hash64 {
  meter.pay(WALKS.set_table.byte, text.length);
  const { points, width } = strBuffer(text);
  return hashBytes(
    meter,
    points.length * width,
    (index) => ((points[Math.floor(index / width)] as number) >>> ((index % width) * 8)) & 0xff,
  );
}

/** The result of {@link mul64} and {@link add64} (module scratch: a tuple hash does this per item). */
let outHi = 0;
let outLo = 0;

/** The high 32 bits of the 64-bit product of two unsigned 32-bit words (from 16-bit pieces). */
function mulHigh32(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const carry = ((a0 * b0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  return (a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (carry >>> 16)) >>> 0;
}

/** `a * b` modulo 2^64, each a 64-bit word in halves, into outHi/outLo. */
function mul64(aHi: number, aLo: number, bHi: number, bLo: number): void {
  outHi = (mulHigh32(aLo, bLo) + Math.imul(aHi, bLo) + Math.imul(aLo, bHi)) >>> 0;
  outLo = Math.imul(aLo, bLo) >>> 0;
}

/**
 * CPython's tuple hash (an xxHash-style accumulation of the items' hashes:
 * per item `acc = rotl31(acc + hash * XXPRIME_2) * XXPRIME_1`), in 32-bit
 * halves.
 */
function tupleHash(meter: Meter, items: readonly Value[]): Hash64 {
  meter.pay(WALKS.set_table.node, items.length);
  let hi = XXPRIME_5.hi;
  let lo = XXPRIME_5.lo;
  for (const item of items) {
    const lane = pyHash(meter, item);
    mul64(lane.hi, lane.lo, XXPRIME_2.hi, XXPRIME_2.lo);
    const sumLo = lo + outLo;
    const sumHi = (hi + outHi + (sumLo >= TWO32 ? 1 : 0)) >>> 0;
    // Rotate the sum left by 31 bits, then multiply.
    mul64(
      ((sumHi << 31) | ((sumLo >>> 0) >>> 1)) >>> 0,
      (((sumLo >>> 0) << 31) | (sumHi >>> 1)) >>> 0,
      XXPRIME_1.hi,
      XXPRIME_1.lo,
    );
    hi = outHi;
    lo = outLo;
  }
  // acc += len ^ (XXPRIME_5 ^ 3527539); a tuple's length is below 2^32.
  const mixLo = (LENGTH_MIX.lo ^ items.length) >>> 0;
  const endLo = lo + mixLo;
  hi = (hi + LENGTH_MIX.hi + (endLo >= TWO32 ? 1 : 0)) >>> 0;
  lo = endLo >>> 0;
  return hi === 0xffff_ffff && lo === 0xffff_ffff ? fromSigned(1546275796) : { hi, lo };
}

/**
 * CPython's hash of a hashable value (the caller has already made its
 * dict key, which refuses unhashable values with CPython's TypeError).
 * Tuples recurse as deep as the key walk allowed (caps.value_depth).
 */
export function pyHash(meter: Meter, value: Value): Hash64 {
  if (value === null) return { hi: 0, lo: NONE_HASH };
  switch (typeof value) {
    case "boolean":
      return { hi: 0, lo: value ? 1 : 0 };
    case "number":
    case "bigint":
      return intHash(meter, value);
    case "string":
      return strHash(meter, value);
  }
  if (value instanceof Uint8Array) {
    return hashBytes(meter, value.length, (index) => value[index] as number);
  }
  if (value instanceof PyTuple) return tupleHash(meter, value.items);
  if (value instanceof PyRange) {
    // CPython hashes a range as the tuple (length, first, step), with None for what is absent.
    const length = value.length;
    if (length === 0n) return tupleHash(meter, [0, null, null]);
    return tupleHash(meter, [length, value.start, length === 1n ? null : value.step]);
  }
  return vmError("TypeError", `unhashable type: '${typeName(value)}'`);
}

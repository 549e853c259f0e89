/**
 * CPython 3.11's `hash()` of the hashable values (spec/RUNTIME.md §1.3),
 * used only to lay out sets the way CPython's set table does, so that a
 * set iterates in CPython's order. Ints, bools and tuples of them hash
 * exactly as in CPython; str and bytes hash as CPython does with
 * PYTHONHASHSEED=0 (SipHash-1-3 under a zero key, over a str's PEP 393
 * buffer), the only setting under which CPython's own order of a set of
 * strs is reproducible; None hashes to the constant CPython 3.12 gives it
 * (3.11 uses its address). A hash is an unsigned 64-bit word in two
 * halves. Pays each byte SipHash reads and each tuple item it folds in
 * (the `set_table` walk rates), on top of the value's key walk, which the
 * caller has paid first.
 */

import { WALKS } from "../compile/opcodes.ts";
import { codePointAt, unitWidth } from "../text_units.ts";
import { vmError } from "./failure.ts";
import type { Meter } from "./ops.ts";
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
const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

function fromBig(word: bigint): Hash64 {
  const unsigned = word & MASK64;
  return { hi: Number(unsigned >> 32n), lo: Number(unsigned & 0xffff_ffffn) };
}

function toBig(hash: Hash64): bigint {
  return (BigInt(hash.hi) << 32n) | BigInt(hash.lo);
}

/** A signed hash other than -1 (which CPython reserves for errors and maps to -2). */
function fromSigned(value: number): Hash64 {
  const signed = value === -1 ? -2 : value;
  if (signed >= 0) return { hi: Math.floor(signed / TWO32), lo: signed % TWO32 };
  const magnitude = -signed;
  const lo = magnitude % TWO32;
  const hi = Math.floor(magnitude / TWO32);
  // Two's complement of the magnitude: invert and add one.
  return lo === 0 ? { hi: (TWO32 - hi) % TWO32, lo: 0 } : { hi: TWO32 - 1 - hi, lo: TWO32 - lo };
}

/** `hash(n)`: |n| mod 2^61 - 1, with n's sign. */
function intHash(value: number | bigint): Hash64 {
  if (typeof value === "number") return fromSigned(value);
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

/** CPython's tuple hash (an xxHash-style accumulation of the items' hashes). */
function tupleHash(meter: Meter, items: readonly Value[]): Hash64 {
  meter.pay(WALKS.set_table.node, items.length);
  let accumulator = XXPRIME_5;
  for (const item of items) {
    accumulator = (accumulator + toBig(pyHash(meter, item)) * XXPRIME_2) & MASK64;
    accumulator = ((accumulator << 31n) | (accumulator >> 33n)) & MASK64;
    accumulator = (accumulator * XXPRIME_1) & MASK64;
  }
  accumulator = (accumulator + (BigInt(items.length) ^ (XXPRIME_5 ^ 3527539n))) & MASK64;
  return accumulator === MASK64 ? fromSigned(1546275796) : fromBig(accumulator);
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
      return intHash(value);
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

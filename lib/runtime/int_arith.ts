/**
 * Int arithmetic: `+`, `-`, `*`, `//` and `%` of two ints (safe numbers or
 * bigints; a bool is turned into 0 or 1 by the caller), with the 64-bit
 * word measure their dynamic gas is priced in (spec/GAS.md §6). Every int
 * operand pair of these operators runs here: ops.ts after it has told ints
 * from sequences and bools, and binaryOp (op_helpers.ts) at once when both
 * operands are already ints, so the two routes cannot charge or compute
 * differently. Each operator pays before its work and checks the int_bits
 * cap before a result escapes.
 */

import { CAPS, Op, OP_INFO } from "../compile/opcodes.ts";
import { limitExceeded, vmError } from "./failure.ts";
import { cappedInt } from "./int_cap.ts";
import type { Meter } from "./ops.ts";
import { smallAdd, smallMul, smallSub } from "./small_int.ts";
import { canonicalInt } from "./values.ts";

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** canonicalInt of an int known not to be negative (one comparison instead of two). */
function canonicalNonNegative(value: bigint): Int {
  return value <= MAX_SAFE ? Number(value) : value;
}

/** The dynamic terms of the int operators, from the opcode table. */
const COST = {
  add: OP_INFO[Op.ADD].dynamic,
  sub: OP_INFO[Op.SUB].dynamic,
  mul: OP_INFO[Op.MUL].dynamic,
  floordiv: OP_INFO[Op.FLOORDIV].dynamic,
  mod: OP_INFO[Op.MOD].dynamic,
  pow: OP_INFO[Op.POW].dynamic,
} as const;

/** An int as the operators hold it: a safe integer, or a bigint beyond the safe range. */
export type Int = number | bigint;

const DOUBLE = new DataView(new ArrayBuffer(8));
const BIG_BITS_CUTOFF = 2 ** 1023;

/**
 * Bit length of |x|, exact. Below 2^1023 it reads the binary exponent of
 * the nearest double (through a DataView: the same on every platform);
 * rounding can carry the double up to the next power of two, which only a
 * mantissa of zero can show, and one comparison settles that case.
 */
export function bitLength(value: bigint): number {
  const magnitude = value < 0n ? -value : value;
  if (magnitude === 0n) return 0;
  const approximate = Number(magnitude);
  if (approximate < BIG_BITS_CUTOFF) {
    DOUBLE.setFloat64(0, approximate);
    const high = DOUBLE.getUint32(0);
    const exponent = (high >>> 20) - 1023;
    if ((high & 0xfffff) !== 0 || DOUBLE.getUint32(4) !== 0) return exponent + 1;
    return magnitude >= 1n << BigInt(exponent) ? exponent + 1 : exponent;
  }
  const hex = magnitude.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(Number.parseInt(hex[0] ?? "0", 16)));
}

/** Bit length of |x| for an int in either form (exact for safe integers too). */
export function bitsOf(value: Int): number {
  if (typeof value === "bigint") return bitLength(value);
  const magnitude = Math.abs(value);
  return magnitude < 2 ** 32
    ? 32 - Math.clz32(magnitude)
    : 64 - Math.clz32(Math.floor(magnitude / 2 ** 32));
}

/** 2^(64·k), k = 0..int_bits/64: the word-count boundaries of every int under the cap. */
const WORD_BOUNDS: readonly bigint[] = Array.from(
  { length: CAPS.int_bits / 64 + 1 },
  (_, k) => 1n << BigInt(64 * k),
);
/** -(2^(64·k)): the same boundaries for negative ints (no negation per measurement). */
const NEGATIVE_WORD_BOUNDS: readonly bigint[] = WORD_BOUNDS.map((bound) => -bound);
/** The int_bits cap in words: |x| < 2^(64·CAP_WORDS) for every int under the cap. */
const CAP_WORDS = WORD_BOUNDS.length - 1;

/**
 * The smallest k in [low, high) with |value| < 2^(64·k), or `high` when
 * there is none; k ≥ 1 and high ≤ CAP_WORDS + 1. Bisection over the cached
 * bounds; a negative value is compared with -(2^(64·k)), so |x| is never built.
 */
function wordsBetween(value: bigint, negative: boolean, low: number, high: number): number {
  const bounds = negative ? NEGATIVE_WORD_BOUNDS : WORD_BOUNDS;
  while (low < high) {
    const middle = (low + high) >> 1;
    const bound = bounds[middle] ?? 0n;
    if (negative ? value > bound : value < bound) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * The 64-bit words of |x| (at least 1): `max(1, ceil(bitLength(x) / 64))`,
 * exact, the unit of the int operators' dynamic gas. A safe int is one
 * word. A bigint is placed among the cached powers 2^(64·k) by comparisons
 * alone, which cost less than converting it to a double: one comparison
 * with 2^256 and one with 2^512 pick the range (up to four words, up to
 * eight, or more: the sizes contracts use most come first), and bisection
 * finishes within it (two more for the first two ranges). An int beyond
 * the cap (a result not yet checked) is measured by {@link bitLength}.
 */
export function intWords(value: Int): number {
  if (typeof value === "number") return 1;
  const negative = value < 0n;
  if (negative ? value > (NEGATIVE_WORD_BOUNDS[4] ?? 0n) : value < (WORD_BOUNDS[4] ?? 0n)) {
    return wordsBetween(value, negative, 1, 4);
  }
  if (negative ? value > (NEGATIVE_WORD_BOUNDS[8] ?? 0n) : value < (WORD_BOUNDS[8] ?? 0n)) {
    return wordsBetween(value, negative, 5, 8);
  }
  const words = wordsBetween(value, negative, 9, CAP_WORDS + 1);
  return words <= CAP_WORDS ? words : Math.ceil(bitLength(value) / 64);
}

/**
 * The word measure of one operand of one operator, which tries first the
 * count it found last: operands at one place in a loop tend to keep their
 * size and sign, and two comparisons with the bounds intWords uses
 * (2^(64·(k-1)) ≤ x < 2^(64·k), or the same for -x) confirm the guess; a
 * miss measures by intWords. The guess only orders the comparisons: every
 * answer is the exact count, so gas never depends on what ran before.
 */
class WordGauge {
  /** The count found last, negated when that int was negative; never 0. */
  #last = 1;

  /**
   * `intWords(value)`, exact, negated unless `value` is positive: a
   * positive answer proves value > 0 (and so tells the caller the sign
   * without another comparison).
   */
  measure(value: Int): number {
    if (typeof value === "number") return value > 0 ? 1 : -1;
    const guess = this.#last;
    if (guess > 0) {
      if (value < (WORD_BOUNDS[guess] ?? 0n) && value >= (WORD_BOUNDS[guess - 1] ?? 0n)) {
        return guess;
      }
    } else if (
      value > (NEGATIVE_WORD_BOUNDS[-guess] ?? 0n) &&
      value <= (NEGATIVE_WORD_BOUNDS[-guess - 1] ?? 0n)
    ) {
      return guess;
    }
    const words = intWords(value);
    const signed = value > 0n ? words : -words;
    // Zero (never a canonical bigint) and results beyond the cap are measured, not remembered.
    if (words <= CAP_WORDS && value !== 0n) this.#last = signed;
    return signed;
  }
}

/**
 * The gauge of a divisor, which also keeps the last int it measured: a
 * modulus is usually one value held in a variable (`% p` in a loop), and
 * the same bigint is recognised without a comparison of its size.
 */
class DivisorGauge extends WordGauge {
  #value: Int = 0;
  #words = -1;

  override measure(value: Int): number {
    if (value === this.#value) return this.#words;
    const words = super.measure(value);
    this.#value = value;
    this.#words = words;
    return words;
  }
}

/** One gauge per operand of each operator (left, right). */
const GAUGES = {
  add: [new WordGauge(), new WordGauge()],
  sub: [new WordGauge(), new WordGauge()],
  mul: [new WordGauge(), new WordGauge()],
  floordiv: [new WordGauge(), new DivisorGauge()],
  mod: [new WordGauge(), new DivisorGauge()],
} as const;

/** `value` as a bigint (a bigint is returned as it is, without a conversion). */
function big(value: Int): bigint {
  return typeof value === "bigint" ? value : BigInt(value);
}

/**
 * Whether a sum or difference of operands of at most `larger` words is
 * surely under the cap: it has at most one bit more than its larger
 * operand, so fewer than int_bits / 64 words leave room (else the result
 * is checked exactly, which is the same outcome for any result under the cap).
 */
function belowCapAfterCarry(larger: number): boolean {
  return 64 * larger < CAPS.int_bits;
}

function checkIntSize(value: bigint): Int {
  return cappedInt(value, "integer result");
}

/**
 * Whether `x` and `y`, one a bigint, are both positive (a safe one may be
 * 0) with the larger under 2^(64·words) and at least 2^(64·(words - 1)):
 * the larger operand then has exactly `words` words (four comparisons at
 * most, with one pair of bounds, where the gauges make two each).
 */
function largerHasWords(x: Int, y: Int, words: number): boolean {
  const high = WORD_BOUNDS[words] ?? 0n;
  const low = WORD_BOUNDS[words - 1] ?? 0n;
  if (typeof x === "number") return typeof y === "bigint" && x >= 0 && y < high && y >= low;
  if (typeof y === "number") return y >= 0 && x < high && x >= low;
  return x < high && y < high && (x >= low ? y > 0n : y >= low && x > 0n);
}

/**
 * The larger operand's word count at the last sum, and at the last
 * difference, of two positive ints measured by the gauges: addInts and
 * subInts try it first when an operand is a bigint. Guesses that only
 * order comparisons, as the gauges' do.
 */
const positiveWords = { add: 1, sub: 1 };

/** `x + y` of two ints. */
export function addInts(meter: Meter, x: Int, y: Int): Int {
  if (typeof x === "number" && typeof y === "number") {
    const sum = smallAdd(x, y);
    if (sum !== null) return sum;
  } else if (largerHasWords(x, y, positiveWords.add)) {
    // A bigint is beyond the safe range, so a sum with a positive int is canonical already.
    const words = positiveWords.add;
    meter.pay(COST.add, words);
    const sum = big(x) + big(y);
    return belowCapAfterCarry(words) ? sum : checkIntSize(sum);
  }
  const xWords = GAUGES.add[0].measure(x);
  const yWords = GAUGES.add[1].measure(y);
  const larger = Math.max(Math.abs(xWords), Math.abs(yWords));
  if (xWords > 0 && yWords > 0 && larger <= CAP_WORDS) positiveWords.add = larger;
  meter.pay(COST.add, larger);
  const sum = big(x) + big(y);
  if (!belowCapAfterCarry(larger)) return checkIntSize(sum);
  // Two positive operands, one of two words or more: the sum is at least 2^64, already canonical.
  return xWords > 0 && yWords > 0 && larger > 1 ? sum : canonicalInt(sum);
}

/** `x - y` of two ints. */
export function subInts(meter: Meter, x: Int, y: Int): Int {
  if (typeof x === "number" && typeof y === "number") {
    const difference = smallSub(x, y);
    if (difference !== null) return difference;
  } else if (largerHasWords(x, y, positiveWords.sub)) {
    const words = positiveWords.sub;
    meter.pay(COST.sub, words);
    const difference = big(x) - big(y);
    return belowCapAfterCarry(words) ? canonicalInt(difference) : checkIntSize(difference);
  }
  const xWords = GAUGES.sub[0].measure(x);
  const yWords = GAUGES.sub[1].measure(y);
  const larger = Math.max(Math.abs(xWords), Math.abs(yWords));
  if (xWords > 0 && yWords > 0 && larger <= CAP_WORDS) positiveWords.sub = larger;
  meter.pay(COST.sub, larger);
  const difference = big(x) - big(y);
  return belowCapAfterCarry(larger) ? canonicalInt(difference) : checkIntSize(difference);
}

/** Whether `value` is positive with exactly `words` words: 2^(64·(words - 1)) ≤ value < 2^(64·words). */
function hasWords(value: bigint, words: number): boolean {
  return value < (WORD_BOUNDS[words] ?? 0n) && value >= (WORD_BOUNDS[words - 1] ?? 0n);
}

/**
 * Each operand's word count at the last product of two positive bigints
 * measured by the gauges, kept only when such operands always make a
 * product under the cap: mulInts tries them first (a guess, as above).
 */
const productWords = { x: 1, y: 1 };

/** `x * y` of two ints. */
export function mulInts(meter: Meter, x: Int, y: Int): Int {
  if (typeof x === "number" && typeof y === "number") {
    const product = smallMul(x, y);
    if (product !== null) return product;
  } else if (typeof x === "bigint" && typeof y === "bigint") {
    const { x: xWords, y: yWords } = productWords;
    if (hasWords(x, xWords) && hasWords(y, yWords)) {
      // Guesses are kept only where the product is under the cap whatever the bits; two bigints
      // make a bigint product, canonical already.
      meter.pay(COST.mul, xWords * yWords);
      return x * y;
    }
  }
  const xSigned = GAUGES.mul[0].measure(x);
  const ySigned = GAUGES.mul[1].measure(y);
  const xWords = Math.abs(xSigned);
  const yWords = Math.abs(ySigned);
  // A product has at most as many bits as its operands together, and at least one fewer:
  // past int_bits + 1 it is refused before the work. Few words settle that without the bits.
  const mayExceed = 64 * (xWords + yWords) > CAPS.int_bits;
  if (mayExceed && bitsOf(x) + bitsOf(y) > CAPS.int_bits + 1) {
    limitExceeded("int_bits", "integer result is too large");
  }
  meter.pay(COST.mul, xWords * yWords);
  if (typeof x === "bigint" && typeof y === "bigint") {
    if (xSigned > 0 && ySigned > 0 && !mayExceed) {
      productWords.x = xWords;
      productWords.y = yWords;
    }
    // Two bigints are each beyond the safe range, so their product is too: already canonical.
    const product = x * y;
    return mayExceed ? checkIntSize(product) : product;
  }
  const product = big(x) * big(y);
  return mayExceed ? checkIntSize(product) : canonicalInt(product);
}

/** Refuses a zero divisor as CPython does, naming `%` or `//`. */
function checkDivisor(op: "%" | "//", divisor: bigint): void {
  if (divisor === 0n) {
    vmError(
      "ZeroDivisionError",
      op === "%" ? "integer modulo by zero" : "integer division or modulo by zero",
    );
  }
}

/** Floor division of bigints (`y` not zero): the quotient rounded towards -∞. */
export function floorDivide(x: bigint, y: bigint): bigint {
  const quotient = x / y;
  return x % y !== 0n && (x < 0n) !== (y < 0n) ? quotient - 1n : quotient;
}

/** Python's `x % y` of bigints (`y` not zero): the remainder takes the divisor's sign. */
export function floorModulo(x: bigint, y: bigint): bigint {
  const remainder = x % y;
  // A zero remainder is left alone either way; only a sign opposite to y's is moved.
  if (y > 0n) return remainder < 0n ? remainder + y : remainder;
  return remainder > 0n ? remainder + y : remainder;
}

/** Below this magnitude a quotient times its divisor is exact in doubles (see truncatedRemainder). */
const EXACT_PRODUCT = 2 ** 52;

/**
 * The truncated remainder of two safe ints, `b` not zero. Both in int32:
 * integer division. Both under 2^52: from the rounded quotient, which is
 * at most one off the truncated one, so `q·b` (under 2^53, exact) leaves a
 * remainder at most one divisor out of range, put back by one step. Else
 * the double remainder, which is exact but slow (V8 runs the x87 loop).
 */
function truncatedRemainder(a: number, b: number): number {
  if ((a | 0) === a && (b | 0) === b) return (a | 0) % (b | 0);
  const divisor = Math.abs(b);
  if (Math.abs(a) >= EXACT_PRODUCT || divisor >= EXACT_PRODUCT) return a % b;
  const remainder = a - Math.trunc(a / b) * b;
  if (a >= 0) {
    if (remainder < 0) return remainder + divisor;
    return remainder >= divisor ? remainder - divisor : remainder;
  }
  if (remainder > 0) return remainder - divisor;
  return remainder <= -divisor ? remainder + divisor : remainder;
}

/** Python's `a % b` of two safe ints, `b` not zero: the sign of the divisor; exact. */
export function smallFloorMod(a: number, b: number): number {
  const remainder = truncatedRemainder(a, b);
  const modulo = remainder !== 0 && (remainder < 0) !== (b < 0) ? remainder + b : remainder;
  return modulo === 0 ? 0 : modulo;
}

/**
 * Python's `a // b` of two safe ints, `b` not zero. Exact: `a` minus its
 * truncated remainder is a multiple of `b` no larger than `a`, so the
 * division is exact in doubles; the floor then steps down by one when the
 * remainder's sign differs from the divisor's.
 */
export function smallFloorDiv(a: number, b: number): number {
  const remainder = truncatedRemainder(a, b);
  const truncated = (a - remainder) / b;
  const quotient = remainder !== 0 && (remainder < 0) !== (b < 0) ? truncated - 1 : truncated;
  return quotient === 0 ? 0 : quotient;
}

/** `x // y` of two ints. */
export function floordivInts(meter: Meter, x: Int, y: Int): Int {
  if (typeof x === "number" && typeof y === "number" && y !== 0) {
    meter.pay(COST.floordiv, 1);
    return smallFloorDiv(x, y);
  }
  const divisor = big(y);
  checkDivisor("//", divisor);
  meter.pay(
    COST.floordiv,
    Math.abs(GAUGES.floordiv[0].measure(x) * GAUGES.floordiv[1].measure(y)),
  );
  return canonicalInt(floorDivide(big(x), divisor));
}

/** Each operand's word count at the last remainder of two positive bigints (as for products). */
const remainderWords = { x: 1, y: 1 };

/** `x % y` of two ints. */
export function modInts(meter: Meter, x: Int, y: Int): Int {
  if (typeof x === "number" && typeof y === "number" && y !== 0) {
    meter.pay(COST.mod, 1);
    return smallFloorMod(x, y);
  }
  if (typeof x === "bigint" && typeof y === "bigint") {
    const { x: xWords, y: yWords } = remainderWords;
    if (hasWords(x, xWords) && hasWords(y, yWords)) {
      // Both positive: no zero divisor, and the remainder is already the floor's.
      meter.pay(COST.mod, xWords * yWords);
      return canonicalNonNegative(x % y);
    }
  }
  const xWords = GAUGES.mod[0].measure(x);
  const yWords = GAUGES.mod[1].measure(y);
  if (xWords > 0 && yWords > 0) {
    // Both positive (the gauges said so): no zero divisor, and the remainder is already the floor's.
    if (typeof x === "bigint" && typeof y === "bigint") {
      remainderWords.x = xWords;
      remainderWords.y = yWords;
    }
    meter.pay(COST.mod, xWords * yWords);
    return canonicalNonNegative(big(x) % big(y));
  }
  const divisor = big(y);
  checkDivisor("%", divisor);
  meter.pay(COST.mod, Math.abs(xWords * yWords));
  return canonicalInt(floorModulo(big(x), divisor));
}

/** The int_bits cap as a bigint. */
const INT_BITS = BigInt(CAPS.int_bits);

/** The last power of two safe ints, kept (`2 ** 521` in a loop converts and multiplies once). */
const lastPower = { base: 0, exponent: 0, value: 1n };

/** `x ** y` of two safe ints, y ≥ 0 (the memo of the last one: bigints are immutable). */
function safePower(x: number, y: number): bigint {
  if (x !== lastPower.base || y !== lastPower.exponent) {
    lastPower.value = BigInt(x) ** BigInt(y);
    lastPower.base = x;
    lastPower.exponent = y;
  }
  return lastPower.value;
}

/** `x ** y` of two ints (and pow(x, y) without a modulus). */
export function powInts(meter: Meter, x: Int, y: Int): Int {
  const bits = bitsOf(x);
  if (typeof y === "number" ? y < 0 : y < 0n) {
    if (bits === 0) vmError("ZeroDivisionError", "0.0 cannot be raised to a negative power");
    vmError("ValueError", "negative exponent gives a float, which contracts do not support");
  }
  if (bits <= 1) {
    // 0, 1 and -1: a one-word result whatever the exponent.
    meter.pay(COST.pow, 1);
    const base = Number(x);
    const even = typeof y === "number" ? y % 2 === 0 : (y & 1n) === 0n;
    return (typeof y === "number" ? y === 0 : y === 0n) || (base === -1 && even) ? 1 : base;
  }
  // |x| ** y has at least (bits - 1) * y + 1 bits: past the cap, it is refused from the sizes
  // (|x| ≥ 2 here, so an exponent of int_bits or more always is, and the sizes are small
  // numbers). Below, it has at most bits * y bits: only past the cap is it checked exactly.
  const exponent = typeof y === "number"
    ? Math.min(y, CAPS.int_bits)
    : (y < INT_BITS ? Number(y) : CAPS.int_bits);
  if ((bits - 1) * exponent + 1 > CAPS.int_bits) {
    limitExceeded("int_bits", "power result is too large");
  }
  const resultBits = bits * exponent;
  meter.pay(COST.pow, intWords(x) * Math.max(1, Math.ceil(resultBits / 64)));
  const result = typeof x === "number" && typeof y === "number"
    ? safePower(x, y)
    : big(x) ** big(y);
  return resultBits <= CAPS.int_bits ? canonicalInt(result) : checkIntSize(result);
}

/**
 * Operators with CPython 3.11 semantics over runtime values: arithmetic
 * (exact ints at any size; floor division and modulo take the divisor's
 * sign), bitwise and shifts, sequence concatenation and repetition,
 * and `in` (whose element comparisons are the walks of compare.ts).
 * Size-dependent work is priced and checked against the caps through
 * `Meter` before it is done; no count is ever looped over before it is
 * checked. Subscripts are in subscript.ts, repr in repr.ts.
 */

import { allocBytes } from "./bytes.ts";
import { bytesContain, ENGINE_NEEDLE, unitsContain } from "./search.ts";
import { CAPS, type DynamicGas, Op, OP_INFO } from "../compile/opcodes.ts";
import { limitExceeded, vmError } from "./failure.ts";
import { equals } from "./compare.ts";
import { formatPercent, formatPercentBytes } from "./format.ts";
import { copyEntries, mergeEntries } from "./dict_table.ts";
import type { Charge } from "./meter.ts";
import { cappedInt } from "./int_cap.ts";
import {
  addInts,
  bitLength,
  floorDivide,
  floordivInts,
  floorModulo,
  intWords,
  modInts,
  mulInts,
  powInts,
  subInts,
} from "./int_arith.ts";
import { fitsSsize } from "./indices.ts";
import { updateFrom } from "./methods/dict.ts";
import { setInPlace, setOperator } from "./set_ops.ts";
import { rangeHolds, rangeSize } from "./range.ts";
import { payItems } from "./walk.ts";
import { codePoints, strFromCodePoint, utf8Length } from "../text_units.ts";
import {
  asBigInt,
  byteText,
  canonicalInt,
  checkMutable,
  dictKey,
  isSmallRange,
  pushAll,
  PyDict,
  PyDictView,
  PyIterator,
  PyList,
  PyRange,
  PySet,
  PyTuple,
  typeName,
  type Value,
} from "./values.ts";

export { compare, equals } from "./compare.ts";
export { bitLength, bitsOf, intWords, smallFloorDiv, smallFloorMod } from "./int_arith.ts";

/** The dynamic terms the operators pay, from the opcode table. */
const COST = {
  concat: OP_INFO[Op.ADD].sequence,
  repeat: OP_INFO[Op.MUL].sequence,
  floordiv: OP_INFO[Op.FLOORDIV].dynamic,
  format: OP_INFO[Op.MOD].sequence,
  lshift: OP_INFO[Op.LSHIFT].dynamic,
  rshift: OP_INFO[Op.RSHIFT].dynamic,
  "&": OP_INFO[Op.BITAND].dynamic,
  "|": OP_INFO[Op.BITOR].dynamic,
  "^": OP_INFO[Op.BITXOR].dynamic,
  merge: OP_INFO[Op.BITOR].sequence,
  extend: OP_INFO[Op.INPLACE_ADD].sequence,
  update: OP_INFO[Op.INPLACE_OR].sequence,
  neg: OP_INFO[Op.NEG].dynamic,
  invert: OP_INFO[Op.INVERT].dynamic,
  contains: OP_INFO[Op.IN].dynamic,
} as const;

/** What size-dependent work pays through: the machine's dynamic gas. */
export interface Meter {
  /**
   * Charges `cost.per × units` before the work they measure. `cost` is a
   * dynamic term of the generated tables (an opcode's, a callable's or a
   * walk's): no caller names a rate of its own.
   */
  pay(cost: DynamicGas | null, units: number): void;
}

const SMALL = 0x7fffffff;

const words = intWords;

function checkIntSize(value: bigint): number | bigint {
  return cappedInt(value, "integer result");
}

function numeric(value: Value): number | bigint | null {
  if (typeof value === "number" || typeof value === "bigint") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  return null;
}

function unsupported(op: string, a: Value, b: Value): never {
  return vmError(
    "TypeError",
    `unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`,
  );
}

/** UTF-8 length of a str (the `bytes` unit for str). */
export { utf8Length };

function sizeOf(value: Value): number {
  if (typeof value === "string") return utf8Length(value);
  if (value instanceof Uint8Array) return value.length;
  if (value instanceof PyList || value instanceof PyTuple) return value.items.length;
  return 1;
}

function checkLength(length: number, isBytes: boolean): void {
  if (isBytes ? length > CAPS.bytes_length : length > CAPS.container_length) {
    limitExceeded(isBytes ? "bytes_length" : "container_length", "result is too long");
  }
}

/**
 * CPython's TypeError for `a + b` (or `a += b`, `symbol`) that no
 * operand supports: a str, list or tuple on the left names what it can
 * concatenate, a bytes what it cannot; anything else is unsupported.
 */
function concatFailure(a: Value, b: Value, symbol: string): never {
  const other = typeName(b);
  if (typeof a === "string") {
    return vmError("TypeError", `can only concatenate str (not "${other}") to str`);
  }
  if (a instanceof PyList || a instanceof PyTuple) {
    const kind = typeName(a);
    return vmError("TypeError", `can only concatenate ${kind} (not "${other}") to ${kind}`);
  }
  if (a instanceof Uint8Array) return vmError("TypeError", `can't concat ${other} to bytes`);
  return unsupported(symbol, a, b);
}

/**
 * The gas concatTexts charges for `a + b`, or -1 where it raises instead
 * (a result past bytes_length): the compiled tier concatenates two strs in
 * line when the gas left covers this, and otherwise calls the operator.
 */
export function concatCharge(a: string, b: string): number {
  const length = utf8Length(a) + utf8Length(b);
  return length > CAPS.bytes_length || COST.concat === null ? -1 : COST.concat.per * length;
}

/** `a + b` for two strs: paid per UTF-8 byte of the result, which the bytes_length cap bounds. */
export function concatTexts(meter: Meter, a: string, b: string): string {
  const length = utf8Length(a) + utf8Length(b);
  checkLength(length, true);
  meter.pay(COST.concat, length);
  return a + b;
}

function concat(meter: Meter, a: Value, b: Value, symbol: string): Value {
  if (typeof a === "string" && typeof b === "string") return concatTexts(meter, a, b);
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    checkLength(a.length + b.length, true);
    meter.pay(COST.concat, a.length + b.length);
    const out = allocBytes(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  }
  if (
    (a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple)
  ) {
    const length = a.items.length + b.items.length;
    checkLength(length, false);
    meter.pay(COST.concat, length);
    return a instanceof PyList
      ? new PyList([...a.items, ...b.items])
      : new PyTuple([...a.items, ...b.items]);
  }
  return concatFailure(a, b, symbol);
}

/**
 * `sequence * count`. The count is checked as CPython checks it (an index
 * is a signed 64-bit integer: OverflowError beyond) and the result's size
 * against the cap before anything is built; an empty sequence or a count
 * of at most zero gives an empty result at once.
 */
function repeat(meter: Meter, sequence: Value, countValue: Value): Value {
  const count = asBigInt(countValue);
  if (count === null || !isSequence(sequence)) return unsupported("*", sequence, countValue);
  if (!fitsSsize(count)) {
    vmError("OverflowError", "cannot fit 'int' into an index-sized integer");
  }
  if (count <= 0n || unitsOf(sequence) === 0) return emptyLike(sequence);
  const unit = sizeOf(sequence);
  const isBytes = typeof sequence === "string" || sequence instanceof Uint8Array;
  if (BigInt(unit) * count > BigInt(isBytes ? CAPS.bytes_length : CAPS.container_length)) {
    limitExceeded(isBytes ? "bytes_length" : "container_length", "repetition result is too long");
  }
  const n = Number(count);
  meter.pay(COST.repeat, unit * n);
  if (typeof sequence === "string") return sequence.repeat(n);
  if (sequence instanceof Uint8Array) {
    const out = allocBytes(sequence.length * n);
    for (let i = 0; i < n; i++) out.set(sequence, i * sequence.length);
    return out;
  }
  const items = repeatedItems(
    sequence instanceof PyList || sequence instanceof PyTuple ? sequence.items : [],
    n,
  );
  return sequence instanceof PyList ? new PyList(items) : new PyTuple(items);
}

/** `source`'s items `n` times over, written into an array made at its final length. */
function repeatedItems(source: readonly Value[], n: number): Value[] {
  const items = new Array<Value>(source.length * n);
  if (source.length === 1) return items.fill(source[0] ?? null);
  for (let i = 0, at = 0; i < n; i++) {
    for (let j = 0; j < source.length; j++) items[at++] = source[j] ?? null;
  }
  return items;
}

/** UTF-16 units, bytes or items of a sequence, known without a scan. */
function unitsOf(sequence: Value): number {
  if (typeof sequence === "string" || sequence instanceof Uint8Array) return sequence.length;
  return sequence instanceof PyList || sequence instanceof PyTuple ? sequence.items.length : 0;
}

function emptyLike(sequence: Value): Value {
  if (typeof sequence === "string") return "";
  if (sequence instanceof Uint8Array) return allocBytes(0);
  return sequence instanceof PyList ? new PyList([]) : new PyTuple([]);
}

function isSequence(value: Value): boolean {
  return typeof value === "string" || value instanceof Uint8Array || value instanceof PyList ||
    value instanceof PyTuple;
}

/** `a + b` (`symbol` names the operator in a TypeError: `+=` for the in-place form). */
export function add(meter: Meter, a: Value, b: Value, symbol = "+"): Value {
  const x = numeric(a);
  const y = numeric(b);
  if (x === null || y === null) return concat(meter, a, b, symbol);
  return addInts(meter, x, y);
}

/** `a - b` (`symbol` names the operator in a TypeError). */
export function sub(meter: Meter, a: Value, b: Value, symbol = "-"): Value {
  const x = numeric(a);
  const y = numeric(b);
  if (x === null || y === null) {
    return setOperator(meter, "-", a, b) ?? unsupported(symbol, a, b);
  }
  return subInts(meter, x, y);
}

/** `a * b` (`symbol` names the operator in a TypeError). */
export function mul(meter: Meter, a: Value, b: Value, symbol = "*"): Value {
  const x = numeric(a);
  const y = numeric(b);
  if (x === null && isSequence(a) && y !== null) return repeat(meter, a, b);
  if (y === null && isSequence(b) && x !== null) return repeat(meter, b, a);
  // CPython's sequence repeat refuses a non-int count by its type (the left sequence's first).
  if (isSequence(a)) {
    return vmError("TypeError", `can't multiply sequence by non-int of type '${typeName(b)}'`);
  }
  if (isSequence(b)) {
    return vmError("TypeError", `can't multiply sequence by non-int of type '${typeName(a)}'`);
  }
  if (x === null || y === null) return unsupported(symbol, a, b);
  return mulInts(meter, x, y);
}

/** divmod's operands as ints: TypeError unless both are, ZeroDivisionError for a zero divisor. */
function divmodOperands(a: Value, b: Value): [bigint, bigint] {
  const x = asBigInt(a);
  const y = asBigInt(b);
  if (x === null || y === null) return unsupported("divmod()", a, b);
  if (y === 0n) vmError("ZeroDivisionError", "integer division or modulo by zero");
  return [x, y];
}

/** `a // b`. */
export function floordiv(meter: Meter, a: Value, b: Value): Value {
  const x = numeric(a);
  const y = numeric(b);
  if (x === null || y === null) return unsupported("//", a, b);
  return floordivInts(meter, x, y);
}

/** `a % b`: ints, or printf-style formatting of a str or bytes (each piece paid as it is built). */
export function mod(meter: Meter, a: Value, b: Value): Value {
  const pay = (units: number) => meter.pay(COST.format, units);
  if (typeof a === "string") return formatPercent(meter, pay, a, b);
  if (a instanceof Uint8Array) return formatPercentBytes(meter, pay, a, b);
  const x = numeric(a);
  const y = numeric(b);
  if (x === null || y === null) return unsupported("%", a, b);
  return modInts(meter, x, y);
}

/** divmod(a, b). */
export function divmod(meter: Meter, a: Value, b: Value): Value {
  const [x, y] = divmodOperands(a, b);
  meter.pay(COST.floordiv, words(x) * words(y));
  return new PyTuple([canonicalInt(floorDivide(x, y)), canonicalInt(floorModulo(x, y))]);
}

/**
 * The inverse of `a` modulo `n` (n > 1), by the extended Euclidean
 * algorithm (iterative, at most about 1.5 × bits(n) steps of n-sized
 * divisions); ValueError when `a` and `n` share a factor.
 */
function modularInverse(a: bigint, n: bigint): bigint {
  let [remainder, next] = [floorModulo(a, n), n];
  let [coefficient, nextCoefficient] = [1n, 0n];
  while (next !== 0n) {
    const quotient = remainder / next;
    [remainder, next] = [next, remainder - quotient * next];
    [coefficient, nextCoefficient] = [nextCoefficient, coefficient - quotient * nextCoefficient];
  }
  if (remainder !== 1n) vmError("ValueError", "base is not invertible for the given modulus");
  return floorModulo(coefficient, n);
}

/**
 * pow(a, b, m) as CPython computes it: over |m| (1 gives 0), a negative
 * exponent inverting the base first, and a result in (m, 0] when m is
 * negative. Paid at pow's own declared rate (modular_steps): a negative
 * exponent pays for the inverse as for an exponent as long as m.
 */
export function modularPow(meter: Charge, a: Value, b: Value, modulus: Value): Value {
  const x = asBigInt(a);
  const y = asBigInt(b);
  const m = asBigInt(modulus);
  if (x === null || y === null) return unsupported("** or pow()", a, b);
  if (m === null) return unsupported("pow()", a, modulus);
  if (m === 0n) vmError("ValueError", "pow() 3rd argument cannot be 0");
  const magnitude = m < 0n ? -m : m;
  const exponent = y < 0n ? -y : y;
  const inverseBits = y < 0n ? bitLength(magnitude) : 0;
  meter.units(words(m) * words(m) * (Math.max(1, bitLength(exponent)) + inverseBits));
  if (magnitude === 1n) return 0;
  let base = y < 0n ? modularInverse(x, magnitude) : floorModulo(x, magnitude);
  let result = 1n;
  for (let rest = exponent; rest > 0n; rest >>= 1n) {
    if ((rest & 1n) === 1n) result = (result * base) % magnitude;
    base = (base * base) % magnitude;
  }
  return canonicalInt(m < 0n && result !== 0n ? result - magnitude : result);
}

/** `a ** b` (and pow(a, b) without a modulus). */
export function pow(meter: Meter, a: Value, b: Value): Value {
  const x = numeric(a);
  const y = numeric(b);
  if (x === null || y === null) return unsupported("** or pow()", a, b);
  return powInts(meter, x, y);
}

function shiftCount(a: Value, b: Value, op: string): [bigint, bigint] {
  const x = asBigInt(a);
  const y = asBigInt(b);
  if (x === null || y === null) return unsupported(op, a, b);
  if (y < 0n) vmError("ValueError", "negative shift count");
  return [x, y];
}

/** `a << b`. */
export function lshift(meter: Meter, a: Value, b: Value): Value {
  const [x, y] = shiftCount(a, b, "<<");
  if (x !== 0n && BigInt(bitLength(x)) + y > BigInt(CAPS.int_bits)) {
    limitExceeded("int_bits", "shift result is too large");
  }
  if (x === 0n) return 0;
  meter.pay(COST.lshift, Math.ceil((bitLength(x) + Number(y)) / 64));
  return checkIntSize(x << y);
}

/** `a >> b`. */
export function rshift(meter: Meter, a: Value, b: Value): Value {
  const [x, y] = shiftCount(a, b, ">>");
  meter.pay(COST.rshift, words(x));
  if (y > BigInt(CAPS.int_bits)) return x < 0n ? -1 : 0;
  return canonicalInt(x >> y);
}

/** Fails, before a merge, when `a | b` would hold more entries than container_length. */
function checkMergedSize(a: PyDict, b: PyDict): void {
  if (a.entries.size + b.entries.size <= CAPS.container_length) return;
  let size = a.entries.size;
  for (const entry of b.ordered()) if (!a.entries.has(entry.dk)) size++;
  checkLength(size, false);
}

/** `a & b`, `a | b`, `a ^ b` (ints and bools; dict | dict merges). */
/** `a & b`, `a | b`, `a ^ b` (`symbol` names the operator in a TypeError). */
export function bitwise(
  meter: Meter,
  op: "&" | "|" | "^",
  a: Value,
  b: Value,
  symbol: string = op,
): Value {
  if (typeof a === "boolean" && typeof b === "boolean") {
    return op === "&" ? a && b : op === "|" ? a || b : a !== b;
  }
  if (op === "|" && a instanceof PyDict && b instanceof PyDict) {
    meter.pay(COST.merge, a.entries.size + b.entries.size);
    checkMergedSize(a, b);
    const merged = new PyDict();
    copyEntries(merged, a);
    mergeEntries(merged, b);
    return merged;
  }
  const x = numeric(a);
  const y = numeric(b);
  if (x === null || y === null) {
    return setOperator(meter, op, a, b) ?? unsupported(symbol, a, b);
  }
  if (
    typeof x === "number" && typeof y === "number" && Math.abs(x) <= SMALL && Math.abs(y) <= SMALL
  ) {
    return op === "&" ? x & y : op === "|" ? x | y : x ^ y;
  }
  meter.pay(COST[op], Math.max(words(x), words(y)));
  const [p, q] = [BigInt(x), BigInt(y)];
  // Two's complement keeps the result within one bit of the operands: -(2 ** int_bits) can come out.
  return checkIntSize(op === "&" ? p & q : op === "|" ? p | q : p ^ q);
}

/** In-place `a op= b`: lists extend/repeat, dicts and sets update in place, as in Python. */
export function inplace(
  meter: Meter,
  op: "+" | "*" | "|" | "&" | "-" | "^",
  a: Value,
  b: Value,
): Value {
  if (a instanceof PyList && op === "+") {
    checkMutable(a);
    const items = iterableItems(b, "+=", (count) => meter.pay(COST.extend, count));
    checkLength(a.items.length + items.length, false);
    pushAll(a.items, items);
    return a;
  }
  if (a instanceof PyList && op === "*") {
    checkMutable(a);
    const repeated = mul(meter, a, b, "*=") as PyList;
    a.items = repeated.items;
    return a;
  }
  if (a instanceof PyDict && op === "|") {
    // `d |= x` takes what d.update(x) takes: a dict, or an iterable of pairs.
    checkMutable(a);
    if (b instanceof PyDict) checkMergedSize(a, b);
    updateFrom(meter, a, b, (count) => meter.pay(COST.update, count));
    return a;
  }
  if (a instanceof PySet && op !== "+" && op !== "*") {
    const updated = setInPlace(meter, op, a, b);
    if (updated !== null) return updated;
  }
  const symbol = `${op}=`;
  // CPython's in-place repeat asks a left operand that has sequence methods and never the right
  // one: a dict, range, view or set has them but cannot repeat.
  if (
    op === "*" &&
    (a instanceof PyDict || a instanceof PyRange || a instanceof PyDictView || a instanceof PySet)
  ) {
    return unsupported(symbol, a, b);
  }
  if (op === "+") return add(meter, a, b, symbol);
  if (op === "*") return mul(meter, a, b, symbol);
  return op === "-" ? sub(meter, a, b, symbol) : bitwise(meter, op, a, b, symbol);
}

/** `-a`. */
export function neg(meter: Meter, a: Value): Value {
  const x = numeric(a);
  if (x === null) return vmError("TypeError", `bad operand type for unary -: '${typeName(a)}'`);
  if (typeof x === "number") return x === 0 ? 0 : -x;
  meter.pay(COST.neg, words(x));
  return canonicalInt(-x);
}

/** `+a`. */
export function pos(a: Value): Value {
  const x = numeric(a);
  if (x === null) return vmError("TypeError", `bad operand type for unary +: '${typeName(a)}'`);
  return x;
}

/** `~a`. */
export function invert(meter: Meter, a: Value): Value {
  const x = numeric(a);
  if (x === null) return vmError("TypeError", `bad operand type for unary ~: '${typeName(a)}'`);
  if (typeof x === "number" && Math.abs(x) <= SMALL) return ~x;
  meter.pay(COST.invert, words(x));
  // ~(2 ** int_bits - 1) is -(2 ** int_bits): one past the cap.
  return checkIntSize(-BigInt(x) - 1n);
}

/**
 * The items of an iterable, for `+=`, list(), sorted() and the like. The
 * caller's `pay` is charged the number of items before they are copied
 * (for an iterator, one item at a time as it is drawn: each step of a
 * contract iterator does a bounded amount of work), and the result
 * holds at most container_length items; each caller pays at its own
 * declared rate.
 */
export function iterableItems(value: Value, what: string, pay: (items: number) => void): Value[] {
  if (value instanceof PyList || value instanceof PyTuple) {
    pay(value.items.length);
    return value.items.slice();
  }
  if (typeof value === "string") {
    // A str of n UTF-16 units has at least n / 2 code points.
    if (value.length > 2 * CAPS.container_length) tooManyItems(what);
    pay(value.length);
    const points = codePoints(value);
    if (points.length > CAPS.container_length) tooManyItems(what);
    return points.map(strFromCodePoint);
  }
  if (value instanceof Uint8Array) {
    if (value.length > CAPS.container_length) tooManyItems(what);
    pay(value.length);
    return Array.from(value);
  }
  if (value instanceof PyDict) {
    pay(value.entries.size);
    return new PyDictView(value, "keys").items();
  }
  if (value instanceof PyDictView) {
    pay(value.dict.entries.size);
    return value.items();
  }
  if (value instanceof PySet) {
    pay(value.table.used);
    return value.table.settled().map((member) => member.value);
  }
  if (value instanceof PyRange) {
    const length = rangeSize(value);
    if (length > BigInt(CAPS.container_length)) tooManyItems(what);
    const count = Number(length);
    pay(count);
    const items: Value[] = [];
    if (isSmallRange(value)) {
      const step = Number(value.step);
      for (let i = 0, at = Number(value.start); i < count; i++, at += step) items.push(at);
      return items;
    }
    for (let i = 0n; i < length; i++) items.push(canonicalInt(value.start + i * value.step));
    return items;
  }
  if (value instanceof PyIterator) {
    const items: Value[] = [];
    while (true) {
      const item = value.next();
      if (typeof item === "symbol") return items;
      if (items.length >= CAPS.container_length) tooManyItems(what);
      pay(1);
      items.push(item);
    }
  }
  if (what === "unpacking") {
    return vmError("TypeError", `cannot unpack non-iterable ${typeName(value)} object`);
  }
  return vmError(
    "TypeError",
    NOT_ITERABLE_MESSAGES.get(what) ?? `'${typeName(value)}' object is not iterable`,
  );
}

/**
 * CPython's TypeError for a value that is not iterable, where the caller
 * words its own; every other caller asks iter(), which says "'X' object is
 * not iterable".
 */
const NOT_ITERABLE_MESSAGES: ReadonlyMap<string, string> = new Map([
  ["join()", "can only join an iterable"],
  ["slice assignment", "can only assign an iterable"],
  ["extended slice assignment", "must assign iterable to extended slice"],
]);

function tooManyItems(what: string): never {
  return limitExceeded("container_length", `too many items (in ${what})`);
}

/** CPython's comparison of a candidate in a container: identity first, then the paid `==`. */
function sameOrEqual(meter: Meter, candidate: Value, item: Value): boolean {
  return (candidate === item && typeof candidate === "object") || equals(meter, candidate, item);
}

/**
 * `item in container`. Dicts and keys views find the item's key (paid as
 * a dict key), items views the key of a (key, value) pair and compare its
 * value; lists, tuples and values views pay one unit per candidate
 * up front and compare with the paid `==` walk, candidate by candidate,
 * identity first, as CPython does.
 */
export function contains(meter: Meter, container: Value, item: Value): boolean {
  if (container instanceof PyDict) return container.entries.has(dictKey(meter, item));
  if (container instanceof PySet) return container.table.byKey.has(dictKey(meter, item));
  if (container instanceof PyDictView) {
    if (container.kind === "keys") return container.dict.entries.has(dictKey(meter, item));
    if (container.kind === "items") {
      if (!(item instanceof PyTuple) || item.items.length !== 2) return false;
      const entry = container.dict.entries.get(dictKey(meter, item.items[0] ?? null));
      return entry !== undefined && sameOrEqual(meter, entry.value, item.items[1] ?? null);
    }
    payItems(meter, "compare", container.dict.entries.size);
    for (const entry of container.dict.ordered()) {
      if (sameOrEqual(meter, entry.value, item)) return true;
    }
    return false;
  }
  if (typeof container === "string") {
    if (typeof item !== "string") {
      return vmError(
        "TypeError",
        `'in <string>' requires string as left operand, not ${typeName(item)}`,
      );
    }
    meter.pay(COST.contains, utf8Length(container));
    return unitsContain(container, item);
  }
  if (container instanceof Uint8Array) {
    meter.pay(COST.contains, container.length);
    if (item instanceof Uint8Array) {
      // A short needle by the engine's string search, over one char per byte.
      if (item.length > ENGINE_NEEDLE) return bytesContain(container, item);
      return item.length <= container.length && byteText(container).includes(byteText(item));
    }
    const byte = asBigInt(item);
    if (byte === null) {
      return vmError("TypeError", `a bytes-like object is required, not '${typeName(item)}'`);
    }
    if (byte < 0n || byte > 255n) vmError("ValueError", "byte must be in range(0, 256)");
    return container.includes(Number(byte));
  }
  if (container instanceof PyList || container instanceof PyTuple) {
    payItems(meter, "compare", container.items.length);
    for (const candidate of container.items) if (sameOrEqual(meter, candidate, item)) return true;
    return false;
  }
  if (container instanceof PyRange) {
    const x = asBigInt(item);
    return x !== null && rangeHolds(container, x);
  }
  return vmError("TypeError", `argument of type '${typeName(container)}' is not iterable`);
}

/**
 * What the static estimator knows about a value (spec/GAS.md §4): which
 * kinds it may be, the largest int bit length and bytes/str length it may
 * have, its exact value or a known bytes prefix, and (for a dict built on
 * the stack and not yet aliased) a bound on its canonical size. Every field
 * over-approximates: a value the estimator knows nothing of is TOP, sized
 * at the caps. Pure data and joins; the cost rules are in estimate_costs.ts.
 */

import { CAPS } from "./opcodes.ts";

/** Kind bits of an abstract value. */
export const Kind = {
  INT: 1,
  BOOL: 2,
  NONE: 4,
  BYTES: 8,
  STR: 16,
  CONTAINER: 32,
  OTHER: 64,
} as const;

const ALL_KINDS = 127;
const SCALAR_KINDS = Kind.INT | Kind.BOOL | Kind.NONE | Kind.BYTES | Kind.STR;

/** An over-approximation of a runtime value. */
export interface Abs {
  /** Kind bits the value may have. */
  readonly kinds: number;
  /** Largest bit length of |x| when it is an int. */
  readonly bits: number;
  /** Largest length when it is bytes, or str in UTF-8 bytes (which is at least its UTF-16 units). */
  readonly len: number;
  /** Its exact value, when known. */
  readonly value: bigint | Uint8Array | string | null;
  /** Bytes every bytes value it may be starts with. */
  readonly prefix: Uint8Array;
  /** Largest canonical size (spec/ABI.md §6) of a container; Infinity when unknown. */
  readonly canon: number;
}

const EMPTY = new Uint8Array(0);

/** A value nothing is known of. */
export const TOP: Abs = {
  kinds: ALL_KINDS,
  bits: CAPS.int_bits,
  len: CAPS.bytes_length,
  value: null,
  prefix: EMPTY,
  canon: Infinity,
};

/** An abstract value of the given kinds and sizes. */
export function abs(kinds: number, sizes: { bits?: number; len?: number } = {}): Abs {
  return {
    kinds,
    bits: Math.min(sizes.bits ?? 0, CAPS.int_bits),
    len: Math.min(sizes.len ?? 0, CAPS.bytes_length),
    value: null,
    prefix: EMPTY,
    canon: Infinity,
  };
}

/** Bit length of |n|. */
export function bitsOfBigInt(n: bigint): number {
  return (n < 0n ? -n : n).toString(2).replace(/^0$/, "").length;
}

/** The abstraction of one known int, bytes or str. */
export function exact(value: bigint | Uint8Array | string): Abs {
  if (typeof value === "bigint") {
    return { ...abs(Kind.INT, { bits: bitsOfBigInt(value) }), value };
  }
  if (typeof value === "string") {
    return { ...abs(Kind.STR, { len: new TextEncoder().encode(value).length }), value };
  }
  return { ...abs(Kind.BYTES, { len: value.length }), value, prefix: value };
}

/** Bytes of `len` bytes starting with `prefix`. */
export function bytesWith(prefix: Uint8Array, len: number): Abs {
  return { ...abs(Kind.BYTES, { len }), prefix };
}

function sameValue(a: Abs["value"], b: Abs["value"]): boolean {
  if (a === null || b === null) return false;
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    return a.length === b.length && a.every((byte, i) => byte === b[i]);
  }
  return a === b;
}

function commonPrefix(a: Uint8Array, b: Uint8Array): Uint8Array {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return a.subarray(0, n);
}

/** The least abstraction of either value. */
export function join(a: Abs, b: Abs): Abs {
  const prefixA = a.kinds & Kind.BYTES ? a.prefix : b.prefix;
  const prefixB = b.kinds & Kind.BYTES ? b.prefix : a.prefix;
  return {
    kinds: a.kinds | b.kinds,
    bits: Math.max(a.bits, b.bits),
    len: Math.max(a.len, b.len),
    value: sameValue(a.value, b.value) ? a.value : null,
    prefix: commonPrefix(prefixA, prefixB),
    canon: Math.max(a.canon, b.canon),
  };
}

/** True when the value is never a container or another non-scalar. */
export function isScalar(value: Abs): boolean {
  return (value.kinds & ~SCALAR_KINDS) === 0;
}

/** True when every kind the value may have is among `kinds`. */
export function only(value: Abs, kinds: number): boolean {
  return (value.kinds & ~kinds) === 0;
}

/** Largest length of a bytes or str value (0 when it is neither). */
export function textLength(value: Abs): number {
  return value.kinds & (Kind.BYTES | Kind.STR) ? value.len : 0;
}

/** Largest 64-bit words of an int (at least 1; the cap's words when it may be another kind). */
export function intWords(value: Abs): number {
  const bits = only(value, Kind.INT | Kind.BOOL) ? value.bits : CAPS.int_bits;
  return Math.max(1, Math.ceil(bits / 64));
}

/** Longest unsigned LEB128 encoding of a count up to n. */
export function uvarintLength(n: number): number {
  return Math.max(1, Math.ceil(Math.log2(n + 1) / 7));
}

/** The same value with what aliasing can change forgotten (a container's canonical size). */
export function aliased(value: Abs): Abs {
  return value.kinds & Kind.CONTAINER ? { ...value, canon: Infinity } : value;
}

/** Largest canonical size (spec/ABI.md §6) of the value: Infinity when it may be an unknown container. */
export function canonicalSize(value: Abs): number {
  let size = 0;
  if (value.kinds & Kind.INT) size = Math.max(size, Math.ceil((value.bits + 1) / 7) + 1);
  if (value.kinds & (Kind.BOOL | Kind.NONE)) size = Math.max(size, 1);
  if (value.kinds & (Kind.BYTES | Kind.STR)) {
    size = Math.max(size, uvarintLength(value.len) + value.len);
  }
  if (value.kinds & Kind.CONTAINER) size = Math.max(size, value.canon);
  if (value.kinds & Kind.OTHER) size = Infinity;
  return size;
}

/** Longest exact value or prefix a call's argument keeps (its description is a memo key). */
const ARGUMENT_DETAIL = 256;

/** The description of a call argument: aliased, and without exact values or prefixes past 256 bytes. */
export function argument(value: Abs): Abs {
  const shared = aliased(value);
  const long = (shared.value instanceof Uint8Array || typeof shared.value === "string") &&
    shared.value.length > ARGUMENT_DETAIL;
  return {
    ...shared,
    value: long ? null : shared.value,
    prefix: shared.prefix.subarray(0, ARGUMENT_DETAIL),
  };
}

/** A stable text of an abstraction (memo keys). */
export function absKey(value: Abs): string {
  const shown = value.value instanceof Uint8Array
    ? `b${[...value.value].join(".")}`
    : value.value === null
    ? "-"
    : typeof value.value === "bigint"
    ? `i${value.value}`
    : `s${JSON.stringify(value.value)}`;
  return `${value.kinds}/${value.bits}/${value.len}/${shown}/${
    value.prefix.join(".")
  }/${value.canon}`;
}

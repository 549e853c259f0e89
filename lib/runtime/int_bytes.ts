/**
 * Two's-complement byte codecs of ints: the shortest big-endian form used
 * by storage.get_int/set_int and treasury balances (0 is empty), and the
 * fixed-length forms of int.to_bytes/from_bytes. Both directions are linear
 * in the length (through hex for bigints, number arithmetic for safe ints
 * and short byte strings), and the longest form an int under the int_bits
 * cap can take is known before any work.
 */

import { CAPS } from "../compile/opcodes.ts";
import { toHex } from "../abi/hex.ts";
import { allocBytes } from "./bytes.ts";
import { bitsOf } from "./ops.ts";

/** Bytes of the shortest two's complement of an int `bits` long (0 bits: empty). */
export function storedIntLength(bits: number): number {
  return bits === 0 ? 0 : Math.floor(bits / 8) + 1;
}

/**
 * Bytes of the shortest stored form of the safe int `value` (0: none): one
 * more than the whole bytes of `value` (of `-value - 1` when negative), so
 * its sign bit fits. {@link encodeStoredInt} writes this many.
 */
export function storedSmallIntLength(value: number): number {
  return value === 0 ? 0 : Math.floor(bitsOf(value < 0 ? -value - 1 : value) / 8) + 1;
}

/** The shortest stored form of the safe int `value` (0 is empty). */
export function encodeStoredSmallInt(value: number): Uint8Array {
  return smallIntToBytes(value, storedSmallIntLength(value), false);
}

/** The longest stored int whose value is under the int_bits cap. */
export const MAX_STORED_INT_BYTES = storedIntLength(CAPS.int_bits);

/** Longest byte string whose int is always a safe int (48 bits). */
const SHORT_BYTES = 6;

/**
 * Shortest big-endian two's complement of an int (0 is empty). `bits` is the
 * bit length of |value|, already known to the caller (who paid for it); it
 * fixes the length: |value| < 2^bits, so bits + 1 sign-inclusive bits fit
 * (one fewer for -2^(bits-1), whose form is one byte shorter when bits % 8 is 0).
 * A safe int takes the number path ({@link storedSmallIntLength}).
 */
export function encodeStoredInt(value: number | bigint, bits: number): Uint8Array {
  if (typeof value === "number") return encodeStoredSmallInt(value);
  if (value === 0n) return allocBytes(0);
  let length = storedIntLength(bits);
  const lowest = -(1n << BigInt(8 * (length - 1) - 1));
  if (length > 1 && value >= lowest && value < -lowest) length--;
  return intToBytes(value, length);
}

/**
 * `length` big-endian bytes of `value`, a negative one in two's complement
 * (`value` modulo 2^(8·length)); the caller has checked that it fits.
 * Linear in the length (through hex). int.to_bytes and storage share it.
 */
export function intToBytes(value: bigint, length: number): Uint8Array {
  const unsigned = value < 0n ? value + (1n << BigInt(8 * length)) : value;
  const hex = unsigned.toString(16).padStart(2 * length, "0");
  const out = allocBytes(length);
  for (let i = 0; i < length; i++) {
    out[i] = (nibble(hex.charCodeAt(2 * i)) << 4) | nibble(hex.charCodeAt(2 * i + 1));
  }
  return out;
}

/**
 * The int of big-endian bytes: unsigned, or `signed` two's complement.
 * Linear in the length (through hex). int.from_bytes and storage share it.
 */
export function intFromBytes(bytes: Uint8Array, signed: boolean): bigint {
  if (bytes.length === 0) return 0n;
  const unsigned = BigInt(toHex(bytes));
  return signed && ((bytes[0] ?? 0) & 0x80) !== 0
    ? unsigned - (1n << BigInt(8 * bytes.length))
    : unsigned;
}

/** Whether the safe int `value` fits `length` bytes: unsigned, or signed two's complement. */
export function smallIntFits(value: number, length: number, signed: boolean): boolean {
  if (value < 0 && !signed) return false;
  // A signed form spends one bit on the sign; -1 (like 0) needs none: both fit no bytes.
  return bitsOf(value < 0 ? -value - 1 : value) <= Math.max(0, 8 * length - (signed ? 1 : 0));
}

/**
 * `length` bytes of the safe int `value` (a negative one in two's
 * complement: `value` modulo 2^(8·length)), big-endian or `little`, without
 * BigInt; the caller has checked that it fits ({@link smallIntFits}). A
 * negative value's bytes are those of -value - 1 inverted, so every step is
 * exact in doubles.
 */
export function smallIntToBytes(value: number, length: number, little: boolean): Uint8Array {
  const out = allocBytes(length);
  const negative = value < 0;
  const flip = negative ? 0xff : 0;
  let rest = negative ? -value - 1 : value;
  let written = 0;
  for (; written < length && rest !== 0; written++) {
    out[little ? written : length - 1 - written] = (rest % 256) ^ flip;
    rest = Math.floor(rest / 256);
  }
  if (negative) {
    if (little) out.fill(0xff, written);
    else out.fill(0xff, 0, length - written);
  }
  return out;
}

/**
 * The int of big-endian (or `little`) bytes, unsigned or `signed` two's
 * complement, as a number when its significant bytes (those after the
 * leading 0x00, or 0xff of a negative value) are at most 6; else null, and
 * the caller takes {@link intFromBytes}. Reads the bytes where they are.
 */
export function smallIntFromBytes(
  bytes: Uint8Array,
  signed: boolean,
  little: boolean,
): number | null {
  const length = bytes.length;
  if (length === 0) return 0;
  const last = length - 1;
  const negative = signed && ((bytes[little ? last : 0] ?? 0) & 0x80) !== 0;
  const pad = negative ? 0xff : 0;
  // The value is that of the bytes from `first` on, less 2^(8·their count) when negative.
  let first = 0;
  while (first < last && bytes[little ? last - first : first] === pad) first++;
  if (length - first > SHORT_BYTES) return null;
  let value = 0;
  for (let i = first; i < length; i++) value = value * 256 + (bytes[little ? last - i : i] ?? 0);
  return negative ? value - 2 ** (8 * (length - first)) : value;
}

/** The value of a lowercase hex digit's char code. */
function nibble(code: number): number {
  return code <= 0x39 ? code - 0x30 : code - 0x57;
}

/** Inverse of {@link encodeStoredInt} (any length; the caller caps it first). */
export function decodeStoredInt(bytes: Uint8Array): bigint {
  return intFromBytes(bytes, true);
}

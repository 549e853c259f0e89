/**
 * Two's-complement byte codecs of ints: the shortest big-endian form used
 * by storage.get_int/set_int and treasury balances (0 is empty). Both
 * directions are linear in the length (through hex), and the longest form
 * an int under the int_bits cap can take is known before any work.
 */

import { CAPS } from "../compile/opcodes.ts";
import { toHex } from "../abi/hex.ts";
import { allocBytes } from "./bytes.ts";

/** Bytes of the shortest two's complement of an int `bits` long (0 bits: empty). */
export function storedIntLength(bits: number): number {
  return bits === 0 ? 0 : Math.floor(bits / 8) + 1;
}

/** The longest stored int whose value is under the int_bits cap. */
export const MAX_STORED_INT_BYTES = storedIntLength(CAPS.int_bits);

/**
 * Shortest big-endian two's complement of an int (0 is empty). `bits` is the
 * bit length of |value|, already known to the caller (who paid for it); it
 * fixes the length: |value| < 2^bits, so bits + 1 sign-inclusive bits fit
 * (one fewer for -2^(bits-1), whose form is one byte shorter when bits % 8 is 0).
 */
export function encodeStoredInt(value: bigint, bits: number): Uint8Array {
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

/** The value of a lowercase hex digit's char code. */
function nibble(code: number): number {
  return code <= 0x39 ? code - 0x30 : code - 0x57;
}

/** Inverse of {@link encodeStoredInt} (any length; the caller caps it first). */
export function decodeStoredInt(bytes: Uint8Array): bigint {
  return intFromBytes(bytes, true);
}

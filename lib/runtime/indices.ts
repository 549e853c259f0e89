/**
 * Index normalisation, the one owner of Python's two rules: an item index
 * (negative counts from the end; outside [0, length) there is no item) and
 * a clamped index (negative counts from the end, then clamped to
 * [0, length], as slices, list.insert and list.index bounds use it),
 * and the C integer ranges (Py_ssize_t, int) CPython's strict conversions check.
 */

import { vmError } from "./failure.ts";

/** The position of item `index` in a sequence of `length`, or null when there is none. */
export function itemIndex(index: bigint, length: number): number | null {
  const at = index < 0n ? index + BigInt(length) : index;
  return at < 0n || at >= BigInt(length) ? null : Number(at);
}

/** `index` counted from the end when negative, clamped to [0, length]. */
export function clampIndex(index: bigint, length: number): number {
  const at = index < 0n ? index + BigInt(length) : index;
  return at < 0n ? 0 : at > BigInt(length) ? length : Number(at);
}

/** CPython's Py_ssize_t, which every index and length it converts must fit: [-2^63, 2^63). */
const SSIZE_END = 2n ** 63n;

/** Whether `value` fits CPython's Py_ssize_t. */
export function fitsSsize(value: bigint): boolean {
  return value >= -SSIZE_END && value < SSIZE_END;
}

/**
 * An index or length argument CPython converts strictly (list.insert,
 * list.pop, int.to_bytes, len()): OverflowError outside Py_ssize_t, before
 * any other check of the call.
 */
export function ssizeArgument(value: bigint): bigint {
  if (!fitsSsize(value)) vmError("OverflowError", "Python int too large to convert to C ssize_t");
  return value;
}

/** CPython's C int, which flags and code points it converts strictly must fit: [-2^31, 2^31). */
const C_INT_END = 2n ** 31n;

/** An int CPython converts to a C int (chr(), sort's `reverse`): OverflowError outside it. */
export function cIntArgument(value: bigint): bigint {
  if (value < -C_INT_END || value >= C_INT_END) {
    vmError("OverflowError", "Python int too large to convert to C int");
  }
  return value;
}

/**
 * range arithmetic with CPython 3.11's results at any size: items and
 * slices of a range (a slice of a range is a range), its length where
 * CPython needs it as a machine size (`len()`, and the length hint of
 * list(), tuple() and the like: OverflowError past sys.maxsize), and the
 * index/count methods. The bounds are exact bigints held to the
 * range_bits cap (every range a contract makes, by range() or a slice, goes
 * through cappedRange), so that each operation, paid only by its opcode or
 * method's base cost, is a few bigint operations on ints of at most 8 words.
 */

import { CAPS } from "../compile/opcodes.ts";
import { limitExceeded, vmError } from "./failure.ts";
import { sliceBounds, ssizeArgument } from "./indices.ts";
import { bitLength } from "./ops.ts";
import { asBigInt, canonicalInt, PyRange, type Value } from "./values.ts";

/** A range's length as a machine size (len(), length hints): OverflowError past sys.maxsize. */
export function rangeSize(range: PyRange): bigint {
  return ssizeArgument(range.length);
}

/** `range[index]`: IndexError outside the range. */
export function rangeItem(range: PyRange, index: bigint): Value {
  const length = range.length;
  const at = index < 0n ? index + length : index;
  if (at < 0n || at >= length) vmError("IndexError", "range object index out of range");
  return canonicalInt(range.start + at * range.step);
}

/** `range[start:stop:step]` (parts already read from the slice): the range of the selected items. */
export function rangeSlice(
  range: PyRange,
  start: bigint | null,
  stop: bigint | null,
  step: bigint,
): PyRange {
  const [from, to] = sliceBounds(start, stop, step, range.length);
  return cappedRange(
    range.start + from * range.step,
    range.start + to * range.step,
    range.step * step,
  );
}

/** The range of these bounds, or LimitExceeded (range_bits) when one of them is above the cap. */
export function cappedRange(start: bigint, stop: bigint, step: bigint): PyRange {
  for (const bound of [start, stop, step]) {
    if (bitLength(bound) > CAPS.range_bits) {
      limitExceeded("range_bits", "a range bound is too large");
    }
  }
  return new PyRange(start, stop, step);
}

/** Whether the int `x` is an item of `range`. */
export function rangeHolds(range: PyRange, x: bigint): boolean {
  const { start, stop, step } = range;
  const inside = step > 0n ? x >= start && x < stop : x <= start && x > stop;
  return inside && (x - start) % step === 0n;
}

/**
 * range.count(value): 0 or 1 for an int or bool; 0 for anything else
 * (no other value of the subset equals an int).
 */
export function rangeCount(range: PyRange, value: Value): number {
  const x = asBigInt(value);
  return x !== null && rangeHolds(range, x) ? 1 : 0;
}

/** range.index(value): its position, else ValueError worded as CPython words it. */
export function rangeIndex(range: PyRange, value: Value, shown: () => string): Value {
  const x = asBigInt(value);
  if (x === null) return vmError("ValueError", "sequence.index(x): x not in sequence");
  if (!rangeHolds(range, x)) return vmError("ValueError", `${shown()} is not in range`);
  return canonicalInt((x - range.start) / range.step);
}

/**
 * What every method family shares: the implementation type (bound
 * arguments in, value out, paying through the call's Charge), int
 * arguments (with CPython's OverflowError where it converts them to a C
 * integer) and the index arguments of the search methods.
 */

import type { Args } from "../bind.ts";
import { vmError } from "../failure.ts";
import { cIntArgument, clampIndex, ssizeArgument } from "../indices.ts";
import type { Charge } from "../meter.ts";
import { asBigInt, typeName, type Value } from "../values.ts";

/** A method of receiver type T, called with its bound arguments. */
export type Method<T> = (
  meter: Charge,
  self: T,
  args: Args,
  keywords: ReadonlyMap<string, Value>,
) => Value;

/** An int argument of a method (TypeError otherwise, in CPython's words). */
export function indexArg(value: Value | undefined): bigint {
  const big = value === undefined || value === null ? null : asBigInt(value);
  if (big === null) {
    return vmError(
      "TypeError",
      `'${typeName(value ?? null)}' object cannot be interpreted as an integer`,
    );
  }
  return big;
}

/** An int argument CPython converts to a C ssize_t: OverflowError outside [-2^63, 2^63). */
export function ssizeArg(value: Value | undefined): bigint {
  return ssizeArgument(indexArg(value));
}

/** An int argument CPython converts to a C int: OverflowError outside [-2^31, 2^31). */
export function cIntArg(value: Value | undefined): number {
  return Number(cIntArgument(indexArg(value)));
}

/** A bound of list.index/tuple.index: negative counts from the end, clamped to [0, length]. */
export function searchBound(value: Value | undefined, length: number, fallback: number): number {
  if (value === undefined) return fallback;
  const big = asBigInt(value);
  if (big === null) {
    return vmError("TypeError", "slice indices must be integers or have an __index__ method");
  }
  return clampIndex(big, length);
}

/**
 * What every builtin family shares: the implementation type (bound
 * arguments in, value out, paying through the call's Charge) and the int
 * argument check.
 */

import type { Args } from "../bind.ts";
import { CAPS } from "../../compile/opcodes.ts";
import { limitExceeded, vmError } from "../failure.ts";
import type { Charge } from "../meter.ts";
import { iterableItems } from "../ops.ts";
import { asBigInt, typeName, type Value } from "../values.ts";

/** A builtin function, called with its bound arguments. */
export type Builtin = (
  meter: Charge,
  args: Args,
  rest: readonly Value[],
  keywords: ReadonlyMap<string, Value>,
) => Value;

/** An int argument of a builtin (bool counts), else TypeError in CPython's words. */
export function intArg(value: Value | undefined): bigint {
  const big = value === undefined ? null : asBigInt(value);
  if (big === null) {
    return vmError(
      "TypeError",
      `'${typeName(value ?? null)}' object cannot be interpreted as an integer`,
    );
  }
  return big;
}

/**
 * The items of an iterable that becomes a list or tuple: a str or bytes
 * can hold more items than a container may, so the cap is checked here.
 */
export function containerItems(meter: Charge, value: Value, what: string): Value[] {
  const items = iterableItems(value, what, (count) => meter.units(count));
  if (items.length > CAPS.container_length) {
    limitExceeded("container_length", `${what} result is too long`);
  }
  return items;
}

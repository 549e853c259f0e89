/**
 * Builtins that consume an iterable or measure a value: len, min, max,
 * sum, all, any, sorted. Each pays per item (and its comparisons or
 * additions through ops.ts) before the work.
 */

import { vmError } from "../failure.ts";
import { rangeSize } from "../range.ts";
import { iterate } from "../iterate.ts";
import type { Charge } from "../meter.ts";
import { add, compare, iterableItems } from "../ops.ts";
import { sortValues } from "../sort.ts";
import {
  canonicalInt,
  PyDict,
  PyDictView,
  PyList,
  PyRange,
  PySet,
  PyTuple,
  truthy,
  typeName,
  type Value,
} from "../values.ts";
import { type Builtin, containerItems } from "./common.ts";
import { codePointCount } from "../../text_units.ts";

/** len(value); a str is scanned, and that scan is paid first. */
function length(meter: Charge, value: Value): number | bigint {
  if (typeof value === "string") {
    meter.units(value.length);
    return codePointCount(value);
  }
  if (value instanceof Uint8Array) return value.length;
  if (value instanceof PyList || value instanceof PyTuple) return value.items.length;
  if (value instanceof PyDict) return value.entries.size;
  if (value instanceof PyRange) return canonicalInt(rangeSize(value));
  if (value instanceof PyDictView) return value.dict.entries.size;
  if (value instanceof PySet) return value.table.used;
  return vmError("TypeError", `object of type '${typeName(value)}' has no len()`);
}

function minMax(
  meter: Charge,
  fn: "min" | "max",
  args: readonly Value[],
  key: Value | undefined,
  fallback: Value | undefined,
): Value {
  if (args.length === 0) vmError("TypeError", `${fn} expected at least 1 argument, got 0`);
  if (args.length > 1 && fallback !== undefined) {
    vmError("TypeError", `Cannot specify a default for ${fn}() with multiple positional arguments`);
  }
  const candidates = args.length === 1
    ? iterableItems(args[0] ?? null, `${fn}()`, (count) => meter.units(count))
    : args;
  if (args.length > 1) meter.units(args.length);
  if (candidates.length === 0) {
    if (fallback !== undefined) return fallback;
    return vmError("ValueError", `${fn}() arg is an empty sequence`);
  }
  // A key is called on each candidate (none is callable in a contract).
  if (key !== undefined && key !== null) {
    vmError("TypeError", `'${typeName(key)}' object is not callable`);
  }
  let best = candidates[0] as Value;
  for (let i = 1; i < candidates.length; i++) {
    const candidate = candidates[i] as Value;
    const order = compare(meter, fn === "min" ? "<" : ">", candidate, best);
    if (fn === "min" ? order < 0 : order > 0) best = candidate;
  }
  return best;
}

function sum(meter: Charge, iterable: Value, start: Value): Value {
  if (typeof start === "string") {
    vmError("TypeError", "sum() can't sum strings [use ''.join(seq) instead]");
  }
  if (start instanceof Uint8Array) {
    vmError("TypeError", "sum() can't sum bytes [use b''.join(seq) instead]");
  }
  const items = iterableItems(iterable, "sum()", (count) => meter.units(count));
  let total: Value = start;
  let i = 0;
  // Safe ints while the total stays safe: what add() does for them, without its dispatch.
  if (typeof total === "number") {
    for (; i < items.length; i++) {
      const item = items[i];
      if (typeof item !== "number" || !Number.isSafeInteger(total + item)) break;
      total += item;
    }
  }
  for (; i < items.length; i++) total = add(meter, total, items[i] as Value);
  return total;
}

function allOrAny(meter: Charge, iterable: Value, wanted: boolean): boolean {
  const iterator = iterate(iterable);
  for (let item = iterator.next(); typeof item !== "symbol"; item = iterator.next()) {
    meter.units(1);
    if (truthy(item) === wanted) return wanted;
  }
  return !wanted;
}

/** The aggregate builtins. */
export const AGGREGATE_BUILTINS = {
  len: (m, args) => length(m, args[0] ?? null),
  min: (m, args, rest) => minMax(m, "min", rest, args[0], args[1]),
  max: (m, args, rest) => minMax(m, "max", rest, args[0], args[1]),
  sum: (m, args) => sum(m, args[0] ?? null, args[1] === undefined ? 0 : args[1]),
  all: (m, args) => allOrAny(m, args[0] ?? null, false),
  any: (m, args) => allOrAny(m, args[0] ?? null, true),
  sorted: (m, args) =>
    new PyList(
      sortValues(
        m,
        containerItems(m, args[0] ?? null, "sorted()"),
        args[1] ?? null,
        args[2] === undefined ? false : args[2],
      ),
    ),
} as const satisfies Readonly<Record<string, Builtin>>;

/**
 * Methods shared by list and tuple (index, count) and the tuple methods.
 */

import { vmError } from "../failure.ts";
import type { Charge } from "../meter.ts";
import type { MethodNames } from "../../compile/opcodes.ts";
import { equals } from "../ops.ts";
import type { PyTuple, Value } from "../values.ts";
import type { Args } from "../bind.ts";
import { type Method, searchBound } from "./common.ts";

/**
 * seq.index(x[, start[, stop]]): the first position in [start, stop) equal
 * to x; the message of the ValueError is made (and its repr paid) only
 * when x is not found.
 */
export function indexOf(
  meter: Charge,
  items: readonly Value[],
  args: Args,
  notFound: () => string,
): Value {
  const start = searchBound(args[1], items.length, 0);
  const stop = searchBound(args[2], items.length, items.length);
  meter.units(items.length);
  const needle = args[0] ?? null;
  for (let at = start; at < stop; at++) if (equals(meter, items[at] as Value, needle)) return at;
  return vmError("ValueError", notFound());
}

/** seq.count(x). */
export function countOf(meter: Charge, items: readonly Value[], args: Args): Value {
  meter.units(items.length);
  const needle = args[0] ?? null;
  return items.filter((item) => equals(meter, item, needle)).length;
}

/** The methods of tuple. */
export const TUPLE_METHODS: { readonly [K in MethodNames["tuple"]]: Method<PyTuple> } = {
  index: (m, self, args) => indexOf(m, self.items, args, () => "tuple.index(x): x not in tuple"),
  count: (m, self, args) => countOf(m, self.items, args),
};

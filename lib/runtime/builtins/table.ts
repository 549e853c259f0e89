/**
 * Builtin calls: every builtin of spec/opcodes_vm_py.yaml with its
 * implementation (a missing one is a type error), bound and charged here,
 * once for all of them.
 */

import { type BuiltinName, BUILTINS, type CallableInfo } from "../../compile/opcodes.ts";
import { InternalError } from "../../errors.ts";
import {
  bindArguments,
  bindsAsGiven,
  bindsPositionally,
  NO_EXTRA_KEYWORDS,
  NO_REST,
} from "../bind.ts";
import type { Metered } from "../meter.ts";
import type { Value } from "../values.ts";
import { AGGREGATE_BUILTINS } from "./aggregate.ts";
import type { Builtin } from "./common.ts";
import { CONVERT_BUILTINS } from "./convert.ts";
import { ITERATION_BUILTINS } from "./iteration.ts";
import { MAKETRANS_BUILTINS } from "./maketrans.ts";
import { NUMBER_BUILTINS } from "./numbers.ts";

const IMPLEMENTATIONS: { readonly [K in BuiltinName]: Builtin } = {
  ...AGGREGATE_BUILTINS,
  ...CONVERT_BUILTINS,
  ...ITERATION_BUILTINS,
  ...MAKETRANS_BUILTINS,
  ...NUMBER_BUILTINS,
};

function isBuiltinName(name: string): name is BuiltinName {
  return Object.hasOwn(IMPLEMENTATIONS, name);
}

/** Each builtin id's table entry and implementation, resolved once. */
const BY_ID: readonly ({ info: CallableInfo; run: Builtin } | null)[] = BUILTINS.map((info) => {
  if (info === null) return null;
  if (!isBuiltinName(info.name)) {
    throw new InternalError(`builtin ${info.name} has no implementation`);
  }
  return { info, run: IMPLEMENTATIONS[info.name] };
});

/** Calls the builtin with table id `id`. */
export function callBuiltin(
  meter: Metered,
  id: number,
  args: readonly Value[],
  kwargs: ReadonlyMap<string, Value>,
): Value {
  const builtin = BY_ID[id];
  if (builtin === null || builtin === undefined) throw new InternalError(`no builtin #${id}`);
  meter.begin(builtin.info);
  if (bindsAsGiven(builtin.info, args, kwargs)) {
    return builtin.run(meter, args, NO_REST, NO_EXTRA_KEYWORDS);
  }
  const bound = bindArguments(builtin.info, args, kwargs);
  return builtin.run(meter, bound.args, bound.rest, bound.keywords);
}

/**
 * Builtin `id` for a call site with `count` positional arguments and no
 * keywords, when they bind to it as given: the site can begin it and run it
 * with its arguments as they are, which is all {@link callBuiltin} does for
 * them. Null otherwise.
 */
export function directBuiltin(
  id: number,
  count: number,
): { info: CallableInfo; run: Builtin } | null {
  const builtin = BY_ID[id];
  return builtin === null || builtin === undefined || !bindsPositionally(builtin.info, count)
    ? null
    : builtin;
}

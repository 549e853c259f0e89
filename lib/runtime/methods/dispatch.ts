/**
 * Method calls: CALL_METHOD's id names a method, the receiver's type picks
 * its variant (signature and cost from spec/opcodes_vm_py.yaml) and
 * implementation; a type without the method raises AttributeError, as
 * CPython does. Arguments are bound and the base cost charged here, once
 * for every method. CHECK_METHOD makes the same lookup without the call,
 * before the arguments are evaluated, as CPython does.
 */

import { type CallableInfo, METHODS, type Receiver } from "../../compile/opcodes.ts";
import { InternalError } from "../../errors.ts";
import { bindArguments, bindsAsGiven, bindsPositionally, NO_EXTRA_KEYWORDS } from "../bind.ts";
import { vmError } from "../failure.ts";
import type { Metered } from "../meter.ts";
import {
  PyDict,
  PyDictView,
  PyList,
  PyRange,
  PySet,
  PyTuple,
  typeName,
  type Value,
} from "../values.ts";
import { BYTES_METHODS } from "./bytes.ts";
import type { Method } from "./common.ts";
import { DICT_METHODS } from "./dict.ts";
import { INT_METHODS } from "./int.ts";
import { LIST_METHODS } from "./list.ts";
import { RANGE_METHODS } from "./range.ts";
import { TUPLE_METHODS } from "./sequence.ts";
import { STR_METHODS } from "./str.ts";
import { ITEMS_METHODS, KEYS_METHODS } from "./view.ts";

interface Variant<T> {
  readonly info: CallableInfo;
  readonly run: Method<T>;
}

/** One method id's variants by receiver type (undefined where the type lacks it). */
interface Variants {
  readonly str: Variant<string> | undefined;
  readonly bytes: Variant<Uint8Array> | undefined;
  readonly list: Variant<PyList> | undefined;
  readonly tuple: Variant<PyTuple> | undefined;
  readonly dict: Variant<PyDict> | undefined;
  readonly int: Variant<number | bigint> | undefined;
  readonly range: Variant<PyRange> | undefined;
  readonly dict_keys: Variant<PyDictView> | undefined;
  readonly dict_items: Variant<PyDictView> | undefined;
}

function variant<T>(
  on: { readonly [R in Receiver]?: CallableInfo },
  receiver: Receiver,
  implementations: Readonly<Record<string, Method<T>>>,
  name: string,
): Variant<T> | undefined {
  const info = on[receiver];
  const run = implementations[name];
  return info === undefined || run === undefined ? undefined : { info, run };
}

/** Variants by method id, resolved once. */
const BY_ID: readonly (Variants | null)[] = METHODS.map((method) =>
  method === null ? null : {
    str: variant(method.on, "str", STR_METHODS, method.name),
    bytes: variant(method.on, "bytes", BYTES_METHODS, method.name),
    list: variant(method.on, "list", LIST_METHODS, method.name),
    tuple: variant(method.on, "tuple", TUPLE_METHODS, method.name),
    dict: variant(method.on, "dict", DICT_METHODS, method.name),
    int: variant(method.on, "int", INT_METHODS, method.name),
    range: variant(method.on, "range", RANGE_METHODS, method.name),
    dict_keys: variant(method.on, "dict_keys", KEYS_METHODS, method.name),
    dict_items: variant(method.on, "dict_items", ITEMS_METHODS, method.name),
  }
);

/** What a lookup without a call (no meter) returns when the method exists. */
const FOUND: unique symbol = Symbol("method found");

function run<T>(
  meter: Metered | null,
  found: Variant<T>,
  self: T,
  args: readonly Value[],
  kwargs: ReadonlyMap<string, Value>,
): Value | typeof FOUND {
  if (meter === null) return FOUND;
  meter.begin(found.info);
  if (bindsAsGiven(found.info, args, kwargs)) {
    return found.run(meter, self, args, NO_EXTRA_KEYWORDS);
  }
  const bound = bindArguments(found.info, args, kwargs);
  return found.run(meter, self, bound.args, bound.keywords);
}

/**
 * The one lookup of method `id` on `self`'s type: runs it under `meter`,
 * or with no meter only finds it; AttributeError when the type lacks it.
 */
function dispatch(
  meter: Metered | null,
  id: number,
  self: Value,
  args: readonly Value[],
  kwargs: ReadonlyMap<string, Value>,
): Value | typeof FOUND {
  const variants = BY_ID[id];
  if (variants !== null && variants !== undefined) {
    if (self instanceof PyList) {
      if (variants.list !== undefined) return run(meter, variants.list, self, args, kwargs);
    } else if (self instanceof PyTuple) {
      if (variants.tuple !== undefined) return run(meter, variants.tuple, self, args, kwargs);
    } else if (self instanceof PyDict) {
      if (variants.dict !== undefined) return run(meter, variants.dict, self, args, kwargs);
    } else if (typeof self === "string") {
      if (variants.str !== undefined) return run(meter, variants.str, self, args, kwargs);
    } else if (self instanceof Uint8Array) {
      if (variants.bytes !== undefined) return run(meter, variants.bytes, self, args, kwargs);
    } else if (typeof self === "number" || typeof self === "bigint") {
      if (variants.int !== undefined) return run(meter, variants.int, self, args, kwargs);
    } else if (typeof self === "boolean") {
      if (variants.int !== undefined) return run(meter, variants.int, self ? 1 : 0, args, kwargs);
    } else if (self instanceof PyRange) {
      if (variants.range !== undefined) return run(meter, variants.range, self, args, kwargs);
    } else if (self instanceof PyDictView) {
      const found = self.kind === "keys"
        ? variants.dict_keys
        : self.kind === "items"
        ? variants.dict_items
        : undefined;
      if (found !== undefined) return run(meter, found, self, args, kwargs);
    }
  }
  const name = METHODS[id]?.name ?? String(id);
  if (self instanceof PySet && SET_METHODS.has(name)) {
    return vmError(
      "NotImplementedError",
      `set.${name}() is not in the contract subset (sets come only from dict-view operators)`,
    );
  }
  return vmError("AttributeError", `'${typeName(self)}' object has no attribute '${name}'`);
}

/** The methods CPython's set has, which a contract's sets do not (spec/LANGUAGE.md §7.9). */
const SET_METHODS: ReadonlySet<string> = new Set([
  "add",
  "clear",
  "copy",
  "difference",
  "difference_update",
  "discard",
  "intersection",
  "intersection_update",
  "isdisjoint",
  "issubset",
  "issuperset",
  "pop",
  "remove",
  "symmetric_difference",
  "symmetric_difference_update",
  "union",
  "update",
]);

/** Calls the method with table id `id` on `self`; AttributeError when its type has no such method. */
export function callMethod(
  meter: Metered,
  id: number,
  self: Value,
  args: readonly Value[],
  kwargs: ReadonlyMap<string, Value>,
): Value {
  const result = dispatch(meter, id, self, args, kwargs);
  if (result === FOUND) throw new InternalError("a metered method call only found its method");
  return result;
}

/** CHECK_METHOD: AttributeError unless `self`'s type has the method with table id `id`. */
export function checkMethod(id: number, self: Value): void {
  dispatch(null, id, self, [], NO_EXTRA_KEYWORDS);
}

/** A receiver type that compiled code tells apart by itself (tier_codegen.ts). */
export type DirectReceiver = "list" | "tuple" | "dict" | "str" | "bytes" | "int";

/** A bool receiver is not among them: dispatch gives int's methods its int value. */
const DIRECT_RECEIVERS: readonly DirectReceiver[] = [
  "list",
  "tuple",
  "dict",
  "str",
  "bytes",
  "int",
];

/** A method a call site may run without the lookup: on `receiver`, begun with `info`. */
export interface DirectMethod {
  readonly receiver: DirectReceiver;
  readonly info: CallableInfo;
  readonly run: Method<never>;
}

/**
 * The variants of method `id` on the direct receiver types, for a call
 * site: those a call with `count` positional arguments (and no keywords)
 * binds to as given when `count` is a number, so the site can begin the
 * variant and run it with the arguments as they are, which is all a call
 * through {@link callMethod} does for them; every variant when `count` is
 * null (a lookup without a call, as CHECK_METHOD's).
 */
export function directMethods(id: number, count: number | null): DirectMethod[] {
  const variants = BY_ID[id];
  if (variants === null || variants === undefined) return [];
  const out: DirectMethod[] = [];
  for (const receiver of DIRECT_RECEIVERS) {
    const found: Variant<never> | undefined = variants[receiver];
    if (found === undefined) continue;
    if (count !== null && !bindsPositionally(found.info, count)) continue;
    out.push({ receiver, info: found.info, run: found.run });
  }
  return out;
}

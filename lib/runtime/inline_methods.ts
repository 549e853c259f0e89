/**
 * The methods the compiled tier (tier_codegen.ts) runs in line at a call
 * site: the commonest calls of a contract's loops, on the operands that
 * need nothing but their base gas. Each entry gives, for a receiver of its
 * type, the result the method itself gives, or MISS, having changed
 * nothing, when the general call must run (a frozen or full list, a key
 * whose lookup pays or could fail). The site charges the method's base
 * (its CallableInfo, as the general call's begin charges it) only when
 * the entry runs, so the two paths cannot charge differently;
 * tests/tier_inline_methods_test.ts checks every entry against the method.
 * The interpreter, the reference, always makes the general call.
 */

import { CAPS } from "../compile/opcodes.ts";
import { LONG_TEXT } from "./long_texts.ts";
import type { PyDict, PyList, Value } from "./values.ts";

/** What an entry returns when the general call must run instead. */
export const MISS: unique symbol = Symbol("inline miss");

/** One method in line: on its receiver and up to two positional arguments. */
export type InlineRun = (self: never, first: Value, second: Value) => Value | typeof MISS;

/** Whether `key` is its own dict key and pays nothing to be found (values.ts dictKey). */
function freeKey(key: Value): key is number | string {
  if (typeof key === "number") return true;
  // A NUL-led str is tagged, and a long one pays its length: both take the general call.
  return typeof key === "string" && key.length < LONG_TEXT && key.charCodeAt(0) !== 0;
}

function append(self: PyList, item: Value): Value | typeof MISS {
  if (self.frozen || self.items.length >= CAPS.container_length) return MISS;
  self.items.push(item);
  return null;
}

function dictGet(self: PyDict, key: Value, fallback: Value): Value | typeof MISS {
  if (!freeKey(key)) return MISS;
  const entry = self.entries.get(key);
  return entry === undefined ? fallback : entry.value;
}

/**
 * Entries by qualified method name and positional argument count (a
 * missing second argument is passed as None: dict.get's default).
 */
export const INLINE_METHODS: ReadonlyMap<string, InlineRun> = new Map<string, InlineRun>([
  ["list.append/1", append as InlineRun],
  ["dict.get/1", dictGet as InlineRun],
  ["dict.get/2", dictGet as InlineRun],
]);

/**
 * What the compiled tier (tier_codegen.ts) runs in line at a call,
 * subscript, store or membership site: the commonest method and builtin
 * calls of a contract's loops, reads and stores of `x[k]` and tests
 * `k in d`, on the operands that need nothing but their base gas (or, for
 * a builtin that writes text, their base and a rate per unit of the text).
 * Each entry gives the result the general operation gives, or MISS,
 * having changed nothing, when the general operation must run (a frozen
 * or full list, a key whose lookup pays or could fail, an index out of
 * range). A method's site charges its base (its CallableInfo, as the
 * general call's begin charges it) only when the entry runs, so the two
 * paths cannot charge differently; a subscript, store or membership test
 * charges nothing beyond its instruction's base on either. tests/tier_inline_paths_test.ts checks
 * every entry against the general operation. The interpreter, the
 * reference, always runs the general one.
 */

import { BUILTINS, CAPS, WALKS } from "../compile/opcodes.ts";
import { InternalError } from "../errors.ts";
import { setEntry } from "./dict_table.ts";
import { LONG_TEXT } from "./long_texts.ts";
import { PyDict, PyDictView, PyList, PySet, PyTuple, type Value } from "./values.ts";

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

/**
 * One builtin in line, on its one positional argument: the result the
 * general call gives, or MISS. It runs before its site knows that the gas
 * left covers the charge, so it has no effect; the site then charges the
 * builtin's base plus `perUnit` gas per UTF-16 unit of the result (a str
 * when `perUnit` is not 0: the text the general call pays to write), and
 * takes the general call instead when the gas left does not cover that.
 */
export interface InlineBuiltin {
  readonly run: (argument: Value) => Value | typeof MISS;
  readonly perUnit: number;
}

/** The declared per-unit rate of builtin `name` (spec/opcodes_vm_py.yaml). */
function builtinRate(name: string): number {
  const per = BUILTINS.find((info) => info?.name === name)?.dynamic?.per;
  if (per === undefined) throw new InternalError(`builtin ${name} declares no rate`);
  return per;
}

/** len() of a container, which pays nothing beyond its base (a str pays its scan: MISS). */
function containerLength(value: Value): Value | typeof MISS {
  if (value instanceof PyList || value instanceof PyTuple) return value.items.length;
  if (value instanceof PyDict) return value.entries.size;
  if (value instanceof Uint8Array) return value.length;
  if (value instanceof PySet) return value.table.used;
  if (value instanceof PyDictView) return value.dict.entries.size;
  return MISS;
}

/** str() of a safe int: its digits, paid as repr() writes them and as str() returns them. */
function safeIntText(value: Value): Value | typeof MISS {
  return typeof value === "number" ? String(value) : MISS;
}

/** Entries by builtin name and positional argument count. */
export const INLINE_BUILTINS: ReadonlyMap<string, InlineBuiltin> = new Map<string, InlineBuiltin>([
  ["len/1", { run: containerLength, perUnit: 0 }],
  ["str/1", { run: safeIntText, perUnit: WALKS.repr.byte.per + builtinRate("str") }],
]);

/** `container[key]` for a dict and a free key, or a list or tuple and an int in range; else MISS. */
export function inlineSubscript(container: Value, key: Value): Value | typeof MISS {
  if (container instanceof PyDict) {
    if (!freeKey(key)) return MISS;
    const entry = container.entries.get(key);
    return entry === undefined ? MISS : entry.value;
  }
  if (
    (container instanceof PyList || container instanceof PyTuple) && typeof key === "number"
  ) {
    const items = container.items;
    const at = key < 0 ? key + items.length : key;
    return at >= 0 && at < items.length ? items[at] as Value : MISS;
  }
  return MISS;
}

/** `key in container` for a dict and a free key (found without a charge), else MISS. */
export function inlineContains(container: Value, key: Value): boolean | typeof MISS {
  return container instanceof PyDict && freeKey(key) ? container.entries.has(key) : MISS;
}

/**
 * `container[key] = value` for a dict that is neither frozen nor full and
 * a free key, or a list that is not frozen and an int index in range:
 * whether it was stored (false: nothing changed, the general store runs).
 */
export function inlineStore(container: Value, key: Value, value: Value): boolean {
  if (container instanceof PyDict) {
    if (container.frozen || !freeKey(key)) return false;
    if (container.entries.size >= CAPS.container_length) return false;
    setEntry(container, key, key, value);
    return true;
  }
  if (container instanceof PyList && typeof key === "number" && !container.frozen) {
    const items = container.items;
    const at = key < 0 ? key + items.length : key;
    if (at < 0 || at >= items.length) return false;
    items[at] = value;
    return true;
  }
  return false;
}

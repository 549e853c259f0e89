/**
 * The rules every walk over a value shares (spec/GAS.md §8, RUNTIME.md):
 * the nesting cap, after which a walk raises RecursionError whatever the
 * JS engine's state, and the payment of a walk's items and bytes through
 * the Meter, at the rates of the generated `WALKS` table. Also owns the
 * freezing of module-level values. Walks keep their own explicit stacks:
 * none of them recurses in JS.
 */

import { CAPS, WALKS } from "../compile/opcodes.ts";
import { vmError } from "./failure.ts";
import type { Meter } from "./ops.ts";
import { PyDict, PyList, PySet, PyTuple, type Value } from "./values.ts";

/** A kind of walk, named as in the `walks` table of spec/opcodes_vm_py.yaml. */
export type WalkKind = keyof typeof WALKS;

/**
 * What checks nesting: a walk that enters containers (a set's table does
 * not: its elements were hashed by the key walk), or isinstance over a
 * computed tuple (which pays as the builtin).
 */
type NestingCheck = Exclude<WalkKind, "set_table"> | "isinstance";

/** What a walk was doing when it went too deep, as CPython words its RecursionError. */
const DOING: { readonly [K in NestingCheck]: string } = {
  isinstance: "in __instancecheck__",
  compare: "in comparison",
  key: "while hashing a dict key",
  repr: "while getting the repr of an object",
  abi_encode: "while encoding a value",
  abi_decode: "while decoding a value",
  return_value: "while measuring the return value",
  unwind: "while unwinding",
};

/** Raises RecursionError when a walk enters a container nested deeper than caps.value_depth. */
export function checkDepth(kind: NestingCheck, depth: number): void {
  if (depth > CAPS.value_depth) {
    vmError("RecursionError", `maximum recursion depth exceeded ${DOING[kind]}`);
  }
}

/** Pays for `count` items a walk of `kind` is about to visit. */
export function payItems(meter: Meter, kind: WalkKind, count: number): void {
  meter.pay(WALKS[kind].node, count);
}

/** Pays for `count` bytes a walk of `kind` is about to compare, hash or write. */
export function payBytes(meter: Meter, kind: WalkKind, count: number): void {
  meter.pay(WALKS[kind].byte, count);
}

/**
 * Marks a module-level value and everything reachable from it frozen. Each
 * container is entered once (a frozen list or dict, or a tuple already
 * seen, is skipped), so aliasing and cycles cost what the distinct
 * containers hold: never more items than the initialiser built, and paid
 * for, so the walk charges nothing of its own (no depth cap is needed
 * either: the stack is explicit).
 */
export function deepFreeze(root: Value): void {
  const seenTuples = new Set<PyTuple>();
  const pending: Value[] = [root];
  while (pending.length > 0) {
    const value = pending.pop() ?? null;
    if (value instanceof PyList) {
      if (value.frozen) continue;
      value.frozen = true;
      for (const item of value.items) pending.push(item);
    } else if (value instanceof PyDict) {
      if (value.frozen) continue;
      value.frozen = true;
      for (const entry of value.ordered()) pending.push(entry.value);
    } else if (value instanceof PySet) {
      value.frozen = true;
    } else if (value instanceof PyTuple) {
      if (seenTuples.has(value)) continue;
      seenTuples.add(value);
      for (const item of value.items) pending.push(item);
    }
  }
}

/**
 * The meter of text written after a call has ended (receipt and JSON
 * output): it charges nothing, since the call's gas is settled, while the
 * walks it drives keep their depth and length caps. Never use it inside a
 * call.
 */
export const OUTPUT_METER: Meter = { pay: () => {} };

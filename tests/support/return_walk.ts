/**
 * What a call's return walk charged (spec/ABI.md §6), recomputed
 * independently for tests that attribute gas per instruction: the walk is
 * paid after the last instruction, so it shows up on the final RETURN.
 */

import { WALKS } from "../../lib/compile/opcodes.ts";
import {
  PyDict,
  PyDictView,
  PyList,
  PySlice,
  PyTuple,
  type Value,
} from "../../lib/runtime/values.ts";

/** Nodes below the root of a (small, test) value, as the untyped return walk counts them. */
export function nodesBelow(value: Value): number {
  const children = value instanceof PyList || value instanceof PyTuple
    ? value.items
    : value instanceof PyDict
    ? [...value.ordered()].flatMap((entry) => [entry.key, entry.value])
    : value instanceof PyDictView
    ? value.items()
    : value instanceof PySlice
    ? [value.start, value.stop, value.step]
    : [];
  return children.reduce((sum: number, child) => sum + 1 + nodesBelow(child), 0);
}

/** Gas of the untyped return walk of a successful call's value (no manifest). */
export function returnWalkGas(value: Value): number {
  return WALKS.return_value.node.per * nodesBelow(value);
}

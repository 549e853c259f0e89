/**
 * Python `==` and the orderings over runtime values, as walks with an
 * explicit stack (never JS recursion): containers are compared item by
 * item in CPython's order, an item identical to its counterpart is equal
 * without a look inside, and a walk that enters a container nested deeper
 * than caps.value_depth raises RecursionError (so two distinct
 * self-referential lists raise, as in CPython). Each item pair is paid
 * before it is compared, and so are the bytes of strs, bytes and dict keys
 * (spec/GAS.md §1 and §8). Owns no other rule.
 */

import { vmError } from "./failure.ts";
import type { Meter } from "./ops.ts";
import {
  type DictEntry,
  type DictKey,
  PyDict,
  PyDictView,
  PyList,
  PyRange,
  PyTuple,
  typeName,
  type Value,
} from "./values.ts";
import { checkDepth, payBytes, payItems } from "./walk.ts";
import { compareStrs } from "../text_units.ts";

/** Item pairs of two sequences of the same length still to compare. */
interface SequenceFrame {
  readonly kind: "sequence";
  readonly left: readonly Value[];
  readonly right: readonly Value[];
  at: number;
  readonly level: number;
}

/** Entries of a dict to find in another (and, for dicts and items views, whose values to compare). */
interface MappingFrame {
  readonly kind: "mapping";
  readonly entries: Iterator<[DictKey, DictEntry]>;
  readonly other: PyDict;
  readonly values: boolean;
  readonly level: number;
}

type Frame = SequenceFrame | MappingFrame;

function numeric(value: Value): number | bigint | null {
  if (typeof value === "number" || typeof value === "bigint") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  return null;
}

function sequenceFrame(
  left: readonly Value[],
  right: readonly Value[],
  level: number,
): SequenceFrame | boolean {
  if (left.length !== right.length) return false;
  checkDepth("compare", level);
  return left.length === 0 ? true : { kind: "sequence", left, right, at: 0, level };
}

function mappingFrame(
  left: PyDict,
  right: PyDict,
  values: boolean,
  level: number,
): MappingFrame | boolean {
  if (left.entries.size !== right.entries.size) return false;
  checkDepth("compare", level);
  if (left.entries.size === 0) return true;
  return { kind: "mapping", entries: left.entries.entries(), other: right, values, level };
}

/**
 * Compares two values without looking inside containers: true or false
 * when that settles it, else the frame of item pairs to compare. `level`
 * is how deep the two values sit (1 for the operands of `==`).
 */
function shallowEquals(meter: Meter, a: Value, b: Value, level: number): Frame | boolean {
  const x = numeric(a);
  const y = numeric(b);
  if (x !== null && y !== null) return typeof x === typeof y ? x === y : BigInt(x) === BigInt(y);
  if (a === null || b === null) return a === b;
  if (typeof a === "string" || typeof b === "string") {
    if (typeof a === "string" && typeof b === "string") {
      payBytes(meter, "compare", Math.min(a.length, b.length));
    }
    return a === b;
  }
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    if (a.length !== b.length) return false;
    payBytes(meter, "compare", a.length);
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  if (
    (a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple)
  ) {
    return a === b || sequenceFrame(a.items, b.items, level);
  }
  if (a instanceof PyDict && b instanceof PyDict) return a === b || mappingFrame(a, b, true, level);
  if (a instanceof PyDictView || b instanceof PyDictView) {
    // Keys and items views compare as sets; values views only by identity.
    if (!(a instanceof PyDictView) || !(b instanceof PyDictView)) return false;
    if (a.kind === "values" || b.kind === "values") return a === b;
    if (a.kind !== b.kind) return false;
    return mappingFrame(a.dict, b.dict, a.kind === "items", level);
  }
  if (a instanceof PyRange && b instanceof PyRange) {
    const length = a.length;
    return length === b.length &&
      (length === 0n || (a.start === b.start && (length === 1n || a.step === b.step)));
  }
  return a === b;
}

/** `a == b` for two values that sit `level` deep in the values a walk started from. */
function equalsAt(meter: Meter, a: Value, b: Value, level: number): boolean {
  const first = shallowEquals(meter, a, b, level);
  if (typeof first === "boolean") return first;
  const frames: Frame[] = [first];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1] as Frame;
    let left: Value;
    let right: Value;
    if (frame.kind === "sequence") {
      if (frame.at >= frame.left.length) {
        frames.pop();
        continue;
      }
      payItems(meter, "compare", 1);
      left = frame.left[frame.at] as Value;
      right = frame.right[frame.at] as Value;
      frame.at++;
    } else {
      const next = frame.entries.next();
      if (next.done === true) {
        frames.pop();
        continue;
      }
      payItems(meter, "compare", 1);
      const [key, entry] = next.value;
      // Finding a str key compares its text with the other dict's key.
      if (typeof key === "string") payBytes(meter, "compare", key.length);
      const other = frame.other.entries.get(key);
      if (other === undefined) return false;
      if (!frame.values) continue;
      left = entry.value;
      right = other.value;
    }
    const verdict = shallowEquals(meter, left, right, frame.level + 1);
    if (verdict === false) return false;
    if (verdict !== true) frames.push(verdict);
  }
  return true;
}

/** Python `==`, paid per item pair and per byte compared (spec/GAS.md §1). */
export function equals(meter: Meter, a: Value, b: Value): boolean {
  return equalsAt(meter, a, b, 1);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/**
 * Three-way ordering for <, <=, >, >= (TypeError across unorderable
 * types), paid as {@link equals} is. Sequences are ordered by their first
 * unequal item pair, which the loop then orders in turn: a descent, not a
 * recursion.
 */
export function compare(meter: Meter, op: string, a: Value, b: Value): number {
  let left = a;
  let right = b;
  for (let level = 1;; level++) {
    const x = numeric(left);
    const y = numeric(right);
    if (x !== null && y !== null) {
      if (typeof x === "number" && typeof y === "number") return x < y ? -1 : x > y ? 1 : 0;
      const [p, q] = [BigInt(x), BigInt(y)];
      return p < q ? -1 : p > q ? 1 : 0;
    }
    if (typeof left === "string" && typeof right === "string") {
      payBytes(meter, "compare", Math.min(left.length, right.length));
      return compareStrs(left, right);
    }
    if (left instanceof Uint8Array && right instanceof Uint8Array) {
      payBytes(meter, "compare", Math.min(left.length, right.length));
      return compareBytes(left, right);
    }
    if (
      !(left instanceof PyList && right instanceof PyList) &&
      !(left instanceof PyTuple && right instanceof PyTuple)
    ) {
      return vmError(
        "TypeError",
        `'${op}' not supported between instances of '${typeName(left)}' and '${typeName(right)}'`,
      );
    }
    checkDepth("compare", level);
    const leftItems = left.items;
    const rightItems = right.items;
    const shorter = Math.min(leftItems.length, rightItems.length);
    let unequal = -1;
    for (let i = 0; i < shorter && unequal < 0; i++) {
      payItems(meter, "compare", 1);
      const l = leftItems[i] as Value;
      const r = rightItems[i] as Value;
      if (l !== r && !equalsAt(meter, l, r, level + 1)) unequal = i;
    }
    if (unequal < 0) {
      return leftItems.length === rightItems.length
        ? 0
        : leftItems.length < rightItems.length
        ? -1
        : 1;
    }
    left = leftItems[unequal] as Value;
    right = rightItems[unequal] as Value;
  }
}

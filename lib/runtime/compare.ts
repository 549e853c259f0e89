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
  dictKey,
  PyDict,
  PyDictView,
  PyList,
  PyRange,
  PySet,
  PyTuple,
  typeName,
  type Value,
} from "./values.ts";
import { setCompare } from "./set_compare.ts";
import { checkDepth, payBytes, payItems } from "./walk.ts";
import { compareStrs } from "../text_units.ts";
import { compareBytes } from "../abi/hex.ts";

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
  readonly entries: Iterator<DictEntry>;
  readonly other: PyDict;
  readonly values: boolean;
  readonly level: number;
}

/**
 * Elements of a keys or items view to find in another keys or items view
 * (`<=` of two views, and `==` once their lengths agree): the elements of
 * `of` in order, each looked up in `within` as CPython's `x in view` does.
 */
interface MembersFrame {
  readonly kind: "members";
  readonly entries: Iterator<DictEntry>;
  readonly of: PyDictView;
  readonly within: PyDictView;
  readonly level: number;
}

type Frame = SequenceFrame | MappingFrame | MembersFrame;

/** Whether a value is a keys or items view (the views that compare as sets). */
export function isSetView(value: Value): value is PyDictView {
  return value instanceof PyDictView && value.kind !== "values";
}

function membersFrame(of: PyDictView, within: PyDictView, level: number): MembersFrame | boolean {
  checkDepth("compare", level);
  if (of.dict.entries.size === 0) return true;
  return { kind: "members", entries: of.dict.ordered(), of, within, level };
}

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
  return { kind: "mapping", entries: left.ordered(), other: right, values, level };
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
  if (a instanceof PySet || b instanceof PySet) return setCompare(meter, "==", a, b) ?? a === b;
  if (a instanceof PyDictView || b instanceof PyDictView) {
    // Keys and items views compare as sets (a keys view may equal an items view); values views
    // only by identity.
    if (!isSetView(a) || !isSetView(b)) return a === b;
    if (a.dict.entries.size !== b.dict.entries.size) return false;
    return membersFrame(a, b, level);
  }
  if (a instanceof PyRange && b instanceof PyRange) {
    const length = a.length;
    return length === b.length &&
      (length === 0n || (a.start === b.start && (length === 1n || a.step === b.step)));
  }
  return a === b;
}

const MEMBER: unique symbol = Symbol("member");

/** The dict key of a value a walk looks up; finding a str compares its text, which is paid. */
function lookupKey(meter: Meter, value: Value): DictKey {
  if (typeof value === "string") payBytes(meter, "compare", value.length);
  return dictKey(meter, value);
}

/**
 * Looks an element of view `of` (the key, or the (key, value) pair, of
 * `entry`, whose dict key is `dk`) up in `within`, as `element in within` does: MEMBER when it is
 * there, null when it is not, or the pair of values whose equality decides
 * (the one `within` holds first). Hashing an element pays as a dict key
 * does and raises TypeError when it is unhashable.
 */
function memberValue(
  meter: Meter,
  of: PyDictView,
  dk: DictKey,
  entry: DictEntry,
  within: PyDictView,
): typeof MEMBER | null | [Value, Value] {
  if (of.kind === within.kind) {
    // The same kind of view: the entry's own dict key finds its counterpart.
    if (typeof dk === "string") payBytes(meter, "compare", dk.length);
    const found = within.dict.entries.get(dk);
    if (found === undefined) return null;
    return of.kind === "keys" ? MEMBER : [found.value, entry.value];
  }
  if (within.kind === "keys") {
    const element = of.kind === "keys" ? entry.key : new PyTuple([entry.key, entry.value]);
    return within.dict.entries.has(lookupKey(meter, element)) ? MEMBER : null;
  }
  let key = entry.key;
  let value = entry.value;
  if (of.kind === "keys") {
    // An items view holds only (key, value) pairs.
    if (!(key instanceof PyTuple) || key.items.length !== 2) return null;
    [key, value] = key.items as [Value, Value];
  }
  const found = within.dict.entries.get(lookupKey(meter, key));
  return found === undefined ? null : [found.value, value];
}

/** `a == b` for two values that sit `level` deep in the values a walk started from. */
function equalsAt(meter: Meter, a: Value, b: Value, level: number): boolean {
  return walkEquals(meter, shallowEquals(meter, a, b, level));
}

/** Runs an equality walk from its first verdict: true unless some item pair differs. */
function walkEquals(meter: Meter, first: Frame | boolean): boolean {
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
    } else if (frame.kind === "members") {
      const next = frame.entries.next();
      if (next.done === true) {
        frames.pop();
        continue;
      }
      payItems(meter, "compare", 1);
      const entry = next.value;
      const found = memberValue(meter, frame.of, entry.dk, entry, frame.within);
      if (found === null) return false;
      if (found === MEMBER) continue;
      [left, right] = found;
    } else {
      const next = frame.entries.next();
      if (next.done === true) {
        frames.pop();
        continue;
      }
      payItems(meter, "compare", 1);
      const entry = next.value;
      const key = entry.dk;
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

/**
 * `a op b` for two keys or items views, as sets: `<=` holds when every
 * element of `a` is in `b`, `<` when `b` has more elements too (`>=` and
 * `>` the other way round). Paid per element looked up, as `==` is.
 */
function viewOrder(meter: Meter, op: string, a: PyDictView, b: PyDictView, level: number) {
  const [small, large] = op === "<" || op === "<=" ? [a, b] : [b, a];
  const sizes = small.dict.entries.size - large.dict.entries.size;
  if (op.length === 1 ? sizes >= 0 : sizes > 0) return false;
  return walkEquals(meter, membersFrame(small, large, level));
}

/** The number {@link compare} returns so that comparing it with 0 by `op` gives `verdict`. */
function orderFor(op: string, verdict: boolean): number {
  if (op === "<") return verdict ? -1 : 0;
  if (op === ">") return verdict ? 1 : 0;
  if (op === "<=") return verdict ? 0 : 1;
  return verdict ? 0 : -1;
}

/** {@link compare} of two values that are not two lists or two tuples (nor two numbers). */
function compareOther(meter: Meter, op: string, left: Value, right: Value, level: number): number {
  if (typeof left === "string" && typeof right === "string") {
    payBytes(meter, "compare", Math.min(left.length, right.length));
    return compareStrs(left, right);
  }
  if (left instanceof Uint8Array && right instanceof Uint8Array) {
    payBytes(meter, "compare", Math.min(left.length, right.length));
    return compareBytes(left, right);
  }
  if (isSetView(left) && isSetView(right)) {
    return orderFor(op, viewOrder(meter, op, left, right, level));
  }
  if (left instanceof PySet || right instanceof PySet) {
    const verdict = setCompare(meter, op, left, right);
    if (verdict !== null) return orderFor(op, verdict);
  }
  return vmError(
    "TypeError",
    `'${op}' not supported between instances of '${typeName(left)}' and '${typeName(right)}'`,
  );
}

/**
 * Ordering for <, <=, >, >= (TypeError across unorderable types), paid
 * as {@link equals} is: a number whose comparison with 0 by `op` is the
 * verdict (three-way for ints, strs, bytes and sequences; keys and items
 * views are ordered as sets, by inclusion). Sequences are ordered by their
 * first unequal item pair, which the loop then orders in turn: a descent,
 * not a recursion.
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
    // Two lists or two tuples (what sorts compare most) are told apart from the rest first.
    if (
      !(left instanceof PyTuple && right instanceof PyTuple) &&
      !(left instanceof PyList && right instanceof PyList)
    ) {
      return compareOther(meter, op, left, right, level);
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
      // Two safe ints are equal exactly when they are the same number (and pay nothing to compare).
      const numbers = typeof l === "number" && typeof r === "number";
      // Two equal strs are not one object (a JS str has no identity): their text is compared, paid.
      const same = l === r && typeof l !== "string";
      if (!same && (numbers || !equalsAt(meter, l, r, level + 1))) unequal = i;
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

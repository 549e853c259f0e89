/**
 * Subscripts with CPython 3.11 semantics: `x[key]`, `x[key] = v` and
 * `del x[key]` for lists, tuples, strs (by code point), bytes, ranges and
 * dicts, with slices (negative indices, steps, clamping) and the exact
 * exception CPython raises. Slices are priced before anything is copied.
 */

import { CAPS, Op, OP_INFO } from "../compile/opcodes.ts";
import { fitsSsize, itemIndex, sliceBounds } from "./indices.ts";
import { bytesFrom } from "./bytes.ts";
import { deleteEntry, setEntry } from "./dict_table.ts";
import { limitExceeded, vmError } from "./failure.ts";
import { keyError } from "./exceptions.ts";
import { iterableItems, type Meter, utf8Length } from "./ops.ts";
import { rangeItem, rangeSlice } from "./range.ts";
import { codePoints, hasSurrogateUnits, strFromCodePoint } from "../text_units.ts";
import {
  asBigInt,
  checkMutable,
  dictKey,
  PyDict,
  PyDictView,
  PyList,
  PyRange,
  PySet,
  PySlice,
  PyTuple,
  typeName,
  type Value,
} from "./values.ts";

/** The dynamic terms of the subscript opcodes, from the opcode table. */
const SUBSCR_COST = OP_INFO[Op.SUBSCR].dynamic;
const STORE_COST = OP_INFO[Op.STORE_SUBSCR].dynamic;
const DELETE_COST = OP_INFO[Op.DELETE_SUBSCR].dynamic;

/** A slice's start and stop (null for None) and step, as ints: TypeError or ValueError as CPython raises them. */
export function sliceParts(slice: PySlice): [bigint | null, bigint | null, bigint] {
  const toBig = (value: Value, what: string): bigint | null => {
    if (value === null) return null;
    const big = asBigInt(value);
    if (big === null) vmError("TypeError", `slice ${what} must be an integer or None`);
    return big;
  };
  const step = toBig(slice.step, "step") ?? 1n;
  if (step === 0n) vmError("ValueError", "slice step cannot be zero");
  return [toBig(slice.start, "start"), toBig(slice.stop, "stop"), step];
}

/** A step longer than any sequence selects at most one item: held to a safe number. */
const LONGEST_STEP = 2n ** 40n;

/**
 * A slice's bounds over a sequence of `length` items, as safe numbers:
 * sliceBounds' clamp, in number arithmetic when the slice holds safe ints
 * or None (the usual `xs[i:j]`), else through sliceParts (its TypeErrors
 * and ValueError) and sliceBounds on bigints.
 */
function sliceIndices(length: number, slice: PySlice): [number, number, number] {
  const { start, stop, step } = slice;
  if (
    (start === null || typeof start === "number") && (stop === null || typeof stop === "number") &&
    (step === null || (typeof step === "number" && step !== 0))
  ) {
    const by = step ?? 1;
    const lower = by < 0 ? -1 : 0;
    const upper = by < 0 ? length - 1 : length;
    return [
      clampBound(start, by < 0 ? upper : lower, lower, upper, length),
      clampBound(stop, by < 0 ? lower : upper, lower, upper, length),
      by,
    ];
  }
  const [bigStart, bigStop, bigStep] = sliceParts(slice);
  const [from, to] = sliceBounds(bigStart, bigStop, bigStep, BigInt(length));
  const held = bigStep < -LONGEST_STEP
    ? -LONGEST_STEP
    : bigStep > LONGEST_STEP
    ? LONGEST_STEP
    : bigStep;
  return [Number(from), Number(to), Number(held)];
}

/** One bound of sliceIndices' number form: `fallback` for None, else counted from the end and clamped. */
function clampBound(
  value: number | null,
  fallback: number,
  lower: number,
  upper: number,
  length: number,
): number {
  if (value === null) return fallback;
  const at = value < 0 ? value + length : value;
  return at < lower ? lower : at > upper ? upper : at;
}

/** How many items a slice selects, known before any is copied (so gas is charged first). */
function sliceLength(length: number, slice: PySlice): number {
  const [start, stop, step] = sliceIndices(length, slice);
  const span = step > 0 ? stop - start : start - stop;
  return span <= 0 ? 0 : Math.ceil(span / Math.abs(step));
}

function sliceIndexList(length: number, slice: PySlice): number[] {
  const [start, stop, step] = sliceIndices(length, slice);
  const indices: number[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) indices.push(i);
  return indices;
}

/** The items a slice selects from `items`, copied (a plain step takes one native copy). */
function slicedItems(items: readonly Value[], slice: PySlice): Value[] {
  const [start, stop, step] = sliceIndices(items.length, slice);
  if (step === 1) return start < stop ? items.slice(start, stop) : [];
  const out: Value[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) out.push(items[i] as Value);
  return out;
}

/** The code points of a str, each as a str (its units, when none is a surrogate unit). */
function characters(text: string): ArrayLike<string> {
  return hasSurrogateUnits(text) ? codePoints(text).map(strFromCodePoint) : text;
}

/** Normalises a sequence index (negative counts from the end); IndexError when out of range. */
function sequenceIndex(
  index: Value,
  length: number,
  what: string,
  outOfRange?: string,
): number {
  // A safe int in range (the usual index) needs no conversion.
  if (typeof index === "number" && index < length && index >= -length) {
    return index < 0 ? index + length : index;
  }
  const big = asBigInt(index);
  if (big === null) {
    // CPython 3.11 words a str's own way (it names no slices, and quotes the type).
    return vmError(
      "TypeError",
      what === "string"
        ? `string indices must be integers, not '${typeName(index)}'`
        : `${what} indices must be integers or slices, not ${typeName(index)}`,
    );
  }
  if (!fitsSsize(big)) vmError("IndexError", "cannot fit 'int' into an index-sized integer");
  const at = itemIndex(big, length);
  return at === null ? vmError("IndexError", outOfRange ?? `${what} index out of range`) : at;
}

/** `x[key]`. */
export function subscript(meter: Meter, container: Value, key: Value): Value {
  if (container instanceof PyDict) {
    const entry = container.entries.get(dictKey(meter, key));
    if (entry === undefined) return keyError(meter, key);
    return entry.value;
  }
  if (key instanceof PySlice) {
    if (container instanceof PyList || container instanceof PyTuple) {
      meter.pay(SUBSCR_COST, sliceLength(container.items.length, key));
      const items = slicedItems(container.items, key);
      return container instanceof PyList ? new PyList(items) : new PyTuple(items);
    }
    if (typeof container === "string") {
      // Code points are found by scanning the whole str: that scan is paid first.
      meter.pay(SUBSCR_COST, container.length);
      const points = characters(container);
      const text = sliceIndexList(points.length, key).map((i) => points[i]).join("");
      meter.pay(SUBSCR_COST, utf8Length(text));
      return text;
    }
    if (container instanceof Uint8Array) {
      meter.pay(SUBSCR_COST, sliceLength(container.length, key));
      return bytesFrom(sliceIndexList(container.length, key).map((i) => container[i] ?? 0));
    }
    if (container instanceof PyRange) return rangeSlice(container, ...sliceParts(key));
  }
  if (container instanceof PyList || container instanceof PyTuple) {
    return container
      .items[sequenceIndex(key, container.items.length, typeName(container))] as Value;
  }
  if (typeof container === "string") {
    meter.pay(SUBSCR_COST, container.length);
    const points = characters(container);
    return points[sequenceIndex(key, points.length, "string")] ?? "";
  }
  if (container instanceof Uint8Array) {
    return container[sequenceIndex(key, container.length, "byte", "index out of range")] ?? 0;
  }
  if (container instanceof PyRange) {
    const index = asBigInt(key);
    if (index === null) {
      return vmError("TypeError", `range indices must be integers or slices, not ${typeName(key)}`);
    }
    return rangeItem(container, index);
  }
  return vmError("TypeError", `'${typeName(container)}' object is not subscriptable`);
}

/**
 * Replaces `removed` items of `list` from `start` with `items`, in place:
 * the items after the run move only when the run changes length, and each
 * item moved is paid first (the inserted ones are paid by the caller).
 */
function replaceRun(
  meter: Meter,
  list: Value[],
  start: number,
  removed: number,
  items: readonly Value[],
): void {
  const shift = items.length - removed;
  const tail = start + removed;
  if (shift !== 0) meter.pay(STORE_COST, list.length - tail);
  if (shift > 0) {
    const end = list.length;
    for (let k = 0; k < shift; k++) list.push(null);
    for (let i = end - 1; i >= tail; i--) list[i + shift] = list[i] as Value;
  } else if (shift < 0) {
    for (let i = tail; i < list.length; i++) list[i + shift] = list[i] as Value;
    list.length += shift;
  }
  for (let i = 0; i < items.length; i++) list[start + i] = items[i] as Value;
}

/**
 * Refuses `x[key] = value` or `del x[key]` on a value that takes neither,
 * as CPython does: a type with sequence slots (tuple, str, bytes, range,
 * set, dict views) first turns an int key into an index, so an int beyond
 * a signed 64-bit one is an IndexError, and names a deletion with an int
 * key in its own words ("doesn't"); every other case is the type's TypeError.
 */
function unsupportedItemChange(container: Value, key: Value, deleting: boolean): never {
  const sequence = container instanceof PyTuple || typeof container === "string" ||
    container instanceof Uint8Array || container instanceof PyRange ||
    container instanceof PySet || container instanceof PyDictView;
  const index = sequence ? asBigInt(key) : null;
  if (index !== null && !fitsSsize(index)) {
    vmError("IndexError", "cannot fit 'int' into an index-sized integer");
  }
  const name = typeName(container);
  if (!deleting) return vmError("TypeError", `'${name}' object does not support item assignment`);
  return vmError(
    "TypeError",
    `'${name}' object ${index === null ? "does not" : "doesn't"} support item deletion`,
  );
}

/** `x[key] = value`. */
export function storeSubscript(meter: Meter, container: Value, key: Value, value: Value): void {
  if (container instanceof PyDict) {
    checkMutable(container);
    setEntry(container, dictKey(meter, key), key, value);
    return;
  }
  if (container instanceof PyList) {
    checkMutable(container);
    if (key instanceof PySlice) {
      // CPython words a value that is not iterable by the slice's step: 1 (or none), or any other.
      const simple = key.step === null || key.step === 1 || key.step === true;
      const items = iterableItems(
        value,
        simple ? "slice assignment" : "extended slice assignment",
        (count) => meter.pay(STORE_COST, count),
      );
      const [start, stop, step] = sliceIndices(container.items.length, key);
      if (step !== 1) {
        const indices = sliceIndexList(container.items.length, key);
        if (indices.length !== items.length) {
          vmError(
            "ValueError",
            `attempt to assign sequence of size ${items.length} to extended slice of size ${indices.length}`,
          );
        }
        indices.forEach((index, i) => (container.items[index] = items[i] as Value));
        return;
      }
      const removed = Math.max(0, stop - start);
      if (container.items.length - removed + items.length > CAPS.container_length) {
        limitExceeded("container_length", "list is too long");
      }
      replaceRun(meter, container.items, start, removed, items);
      return;
    }
    container.items[
      sequenceIndex(key, container.items.length, "list", "list assignment index out of range")
    ] = value;
    return;
  }
  unsupportedItemChange(container, key, false);
}

/** `del x[key]`. */
export function deleteSubscript(meter: Meter, container: Value, key: Value): void {
  if (container instanceof PyDict) {
    checkMutable(container);
    if (deleteEntry(container, dictKey(meter, key)) === undefined) {
      keyError(meter, key);
    }
    return;
  }
  if (container instanceof PyList) {
    checkMutable(container);
    if (key instanceof PySlice) {
      const doomed = new Set(sliceIndexList(container.items.length, key));
      meter.pay(DELETE_COST, container.items.length);
      container.items = container.items.filter((_, i) => !doomed.has(i));
      return;
    }
    const at = sequenceIndex(
      key,
      container.items.length,
      "list",
      "list assignment index out of range",
    );
    meter.pay(DELETE_COST, container.items.length - at - 1);
    container.items.splice(at, 1);
    return;
  }
  unsupportedItemChange(container, key, true);
}

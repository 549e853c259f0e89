/**
 * Sorting for list.sort and sorted(): Python's stable order, `key` (only
 * None can reach it in a contract) and `reverse` checked as CPython checks
 * them, and the comparisons paid up front as sort steps.
 */

import { vmError } from "./failure.ts";
import { cIntArgument } from "./indices.ts";
import type { Charge } from "./meter.ts";
import { compare } from "./ops.ts";
import { payBytes } from "./walk.ts";
import { asBigInt, typeName, type Value } from "./values.ts";

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Safe ints in ascending order, without a comparison callback. One scan
 * checks their kind and finds the orders a run check settles at once
 * (already ascending, or descending: reversed); otherwise they are sorted
 * as int32s when they all fit (V8 sorts those fastest), else as doubles
 * (exact for safe ints), and copied back by a loop. Null when some item is
 * not a safe int.
 */
function sortedInts(items: readonly Value[]): number[] | null {
  const n = items.length;
  let ascending = true;
  let descending = true;
  let int32 = true;
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const item = items[i];
    if (typeof item !== "number") return null;
    if (i > 0) {
      if (item < previous) ascending = false;
      else if (item > previous) descending = false;
    }
    if ((item | 0) !== item) int32 = false;
    previous = item;
  }
  const out = new Array<number>(n);
  if (ascending || descending) {
    for (let i = 0; i < n; i++) out[i] = items[ascending ? i : n - 1 - i] as number;
    return out;
  }
  const numbers = int32 ? new Int32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) numbers[i] = items[i] as number;
  numbers.sort();
  for (let i = 0; i < n; i++) out[i] = numbers[i] ?? 0;
  return out;
}

/**
 * Items sorted without a comparison callback when they are all safe ints,
 * or all strs without surrogates (whose UTF-16 order is code-point order);
 * equal items of these kinds are indistinguishable, so stability holds.
 * Null when the fast path does not apply.
 */
function sortedPrimitives(
  meter: Charge,
  items: readonly Value[],
  reverse: boolean,
): Value[] | null {
  const first = items[0];
  let sorted: Value[];
  if (typeof first === "number") {
    const ints = sortedInts(items);
    if (ints === null) return null;
    sorted = ints;
  } else if (typeof first === "string") {
    const texts: string[] = [];
    for (const item of items) {
      if (typeof item !== "string") return null;
      texts.push(item);
    }
    // The surrogate scan reads every str: paid as comparisons are, per UTF-16 unit.
    payBytes(meter, "compare", texts.reduce((sum, text) => sum + text.length, 0));
    if (texts.some((text) => SURROGATE.test(text))) return null;
    sorted = texts.sort();
  } else return null;
  return reverse ? sorted.reverse() : sorted;
}

/** `reverse=` as CPython reads it: a C int (bool included), else TypeError or OverflowError. */
function reverseFlag(value: Value): boolean {
  const flag = asBigInt(value);
  if (flag === null) {
    return vmError("TypeError", `'${typeName(value)}' object cannot be interpreted as an integer`);
  }
  return cIntArgument(flag) !== 0n;
}

/** The items in sorted order (a new array); `key` must be None, `reverse` an int. */
export function sortValues(meter: Charge, items: Value[], key: Value, reverse: Value): Value[] {
  const descending = reverseFlag(reverse);
  // A key is called on each item (none is callable in a contract): an empty list calls none.
  if (key !== null && items.length > 0) {
    vmError("TypeError", `'${typeName(key)}' object is not callable`);
  }
  const n = items.length;
  meter.units(n * Math.ceil(Math.log2(n + 1)));
  const primitive = sortedPrimitives(meter, items, descending);
  if (primitive !== null) return primitive;
  // As CPython: a reverse sort reverses, sorts ascending and reverses back (stable either way).
  const input = descending ? items.slice().reverse() : items;
  const less = (x: Value, y: Value) => compare(meter, "<", x, y) < 0;
  const sorted = n < SMALL_SORT ? insertionSorted(input, less) : mergeSorted(input, less);
  return descending ? sorted.reverse() : sorted;
}

/** Below this many items CPython's sort is one run extended by binary insertion. */
const SMALL_SORT = 64;

/**
 * Cuts the run of `items` that starts at `start` as CPython cuts it: when
 * the next item is less than the first, the run is strictly descending and
 * is reversed in place; otherwise it is the longest non-descending stretch.
 * Returns where it ends. Every comparison asks whether a later item is less
 * than the one before it.
 */
function cutRun(items: Value[], start: number, less: (x: Value, y: Value) => boolean): number {
  const n = items.length;
  let end = start + 1;
  if (end >= n) return n;
  if (less(items[end] as Value, items[start] as Value)) {
    end++;
    while (end < n && less(items[end] as Value, items[end - 1] as Value)) end++;
    for (let lo = start, hi = end - 1; lo < hi; lo++, hi--) {
      const swap = items[lo] as Value;
      items[lo] = items[hi] as Value;
      items[hi] = swap;
    }
  } else {
    end++;
    while (end < n && !less(items[end] as Value, items[end - 1] as Value)) end++;
  }
  return end;
}

/**
 * CPython's sort of fewer than 64 items, comparison for comparison: the
 * leading run (cutRun), then every later item inserted by binary search (the item
 * compared with the middle of the sorted prefix; on a tie it goes after).
 */
function insertionSorted(items: readonly Value[], less: (x: Value, y: Value) => boolean): Value[] {
  const out = items.slice();
  for (let start = cutRun(out, 0, less); start < out.length; start++) {
    const pivot = out[start] as Value;
    let low = 0;
    let high = start;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (less(pivot, out[middle] as Value)) high = middle;
      else low = middle + 1;
    }
    out.copyWithin(low + 1, low, start);
    out[low] = pivot;
  }
  return out;
}

/**
 * A stable natural merge sort: `before(x, y)` says x goes strictly before
 * y, and it is always asked of a later item against an earlier one, as
 * CPython's sort asks. The items are cut into runs (cutRun), then adjacent runs are merged pairwise, left to right, until one is left;
 * on a tie the earlier item goes first. Written out rather than
 * Array.prototype.sort, whose sequence of comparisons is the engine's to
 * change, and comparisons are paid. Sorted input costs n - 1 comparisons.
 */
function mergeSorted(items: readonly Value[], before: (x: Value, y: Value) => boolean): Value[] {
  const n = items.length;
  let from = items.slice();
  let to = new Array<Value>(n);
  const starts: number[] = [];
  for (let start = 0; start < n; start = cutRun(from, start, before)) starts.push(start);
  let runs = starts;
  while (runs.length > 1) {
    const merged: number[] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const start = runs[r] as number;
      merged.push(start);
      const middle = runs[r + 1] ?? n;
      const end = runs[r + 2] ?? n;
      let i = start;
      let j = middle;
      let k = start;
      while (i < middle && j < end) {
        const left = from[i] as Value;
        const right = from[j] as Value;
        if (before(right, left)) {
          to[k++] = right;
          j++;
        } else {
          to[k++] = left;
          i++;
        }
      }
      while (i < middle) to[k++] = from[i++] as Value;
      while (j < end) to[k++] = from[j++] as Value;
    }
    [from, to] = [to, from];
    runs = merged;
  }
  return from;
}

/**
 * Sorting for list.sort and sorted(): Python's stable order, `key` (only
 * None can reach it in a contract) and `reverse` checked as CPython checks
 * them, sort steps paid up front, and the comparisons GAS.md §7 fixes paid
 * as the general comparison pays them (lists and tuples compared item pair
 * by item pair pay the same, once the sort is done).
 */

import { vmError } from "./failure.ts";
import { cIntArgument } from "./indices.ts";
import type { Charge } from "./meter.ts";
import { compare } from "./ops.ts";
import { WALKS } from "../compile/opcodes.ts";
import { compareStrs } from "../text_units.ts";
import { sortTexts, textOrder } from "./sort_texts.ts";
import { itemIndex, keyOf, mergeKeys, RANK_SPAN, rankOf } from "./sort_keys.ts";
import { countDistinctMerge } from "./merge_count.ts";
import { payBytes, payItems } from "./walk.ts";
import { asBigInt, PyList, PyTuple, typeName, type Value } from "./values.ts";

/**
 * Safe ints in ascending order, without a comparison callback. One scan
 * checks their kind, finds their range and the orders a run check settles
 * at once (already ascending, or descending: reversed); otherwise a few
 * ascending runs are merged (by sort_keys.ts), ints
 * spanning at most a few times as many values as there are items are
 * counted (each value's count, then the values in order), others are
 * sorted as int32s when they all fit (V8 sorts those fastest), else as
 * doubles (exact for safe ints), and copied back by a loop. Null when some
 * item is not a safe int.
 */
function sortedInts(items: readonly Value[]): number[] | null {
  const n = items.length;
  let ascending = true;
  let descending = true;
  let int32 = true;
  let previous = 0;
  let lowest = Infinity;
  let highest = -Infinity;
  // Ascending runs after the first.
  let descents = 0;
  for (let i = 0; i < n; i++) {
    const item = items[i];
    if (typeof item !== "number") return null;
    if (i > 0) {
      if (item < previous) {
        ascending = false;
        descents++;
      } else if (item > previous) descending = false;
    }
    if ((item | 0) !== item) int32 = false;
    if (item < lowest) lowest = item;
    if (item > highest) highest = item;
    previous = item;
  }
  const out = new Array<number>(n);
  if (ascending || descending) {
    for (let i = 0; i < n; i++) out[i] = items[ascending ? i : n - 1 - i] as number;
    return out;
  }
  if (descents < MERGED_RUNS) {
    const { sorted } = mergeKeys(Float64Array.from(items as readonly number[]));
    for (let i = 0; i < n; i++) out[i] = sorted[i] ?? 0;
    return out;
  }
  if (highest - lowest < COUNTED_SPAN * n) return countedInts(items, lowest, highest, out);
  const numbers = int32 ? new Int32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) numbers[i] = items[i] as number;
  numbers.sort();
  for (let i = 0; i < n; i++) out[i] = numbers[i] ?? 0;
  return out;
}

/** Ints in at most this many ascending runs are merged rather than sorted. */
const MERGED_RUNS = 8;

/** Ints are counted rather than sorted when their range is under this many values per item. */
const COUNTED_SPAN = 4;

/** `out` filled with the safe ints `items` (all within lowest..highest) in order, by counting. */
function countedInts(
  items: readonly Value[],
  lowest: number,
  highest: number,
  out: number[],
): number[] {
  const counts = new Int32Array(highest - lowest + 1);
  for (let i = 0; i < items.length; i++) {
    const slot = (items[i] as number) - lowest;
    counts[slot] = (counts[slot] ?? 0) + 1;
  }
  let at = 0;
  for (let value = 0; value < counts.length; value++) {
    for (let c = counts[value] as number; c > 0; c--) out[at++] = value + lowest;
  }
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
    const texts = new Array<string>(items.length);
    let units = 0;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (typeof item !== "string") return null;
      texts[i] = item;
      units += item.length;
    }
    // The surrogate scan may read every str: paid as comparisons are, per UTF-16 unit.
    payBytes(meter, "compare", units);
    const ordered = sortTexts(texts);
    if (ordered === null) return null;
    sorted = ordered;
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
  const order = orderBySequences(meter, input) ??
    cpythonOrder(
      new Comparisons(
        null,
        0,
        (x, y) => compare(meter, "<", input[x] ?? null, input[y] ?? null) < 0,
      ),
      n,
    );
  const sorted = new Array<Value>(n);
  for (let i = 0; i < n; i++) sorted[i] = input[order[i] as number] ?? null;
  return descending ? sorted.reverse() : sorted;
}

const PAIR_GAS = WALKS.compare.node.per;
const BYTE_GAS = WALKS.compare.byte.per;

/**
 * The comparisons of one sort, of items named by their index: by the
 * general comparison (`before`), or, when the items are all tuples or all
 * lists (`sequences`, their items), item pair by item pair as the general
 * comparison walks them (spec/GAS.md §1), as long as every pair it reaches
 * is one value twice, two safe ints or two strs. Those comparisons pay
 * nothing as they go: they count the item pairs and str bytes the general
 * comparison would pay, and give up (`failed`) on any other pair, or when
 * what they count passes `budget`, the gas left when the sort began (a
 * pair settled by two first ints is only counted: the sort's own steps,
 * paid up front, bound them, and the total is checked once it is done).
 */
class Comparisons {
  /** Item pairs compared so far (by the item-pair comparison). */
  pairs = 0;
  /** Bytes of strs compared so far (by the item-pair comparison). */
  bytes = 0;
  /** Whether the item-pair comparison gave up: the general sort must run instead. */
  failed = false;

  constructor(
    readonly sequences: readonly (readonly Value[])[] | null,
    readonly budget: number,
    readonly before: (x: number, y: number) => boolean,
    /**
     * A number per sequence that orders them by their first items, when
     * every one starts with a safe int (the int) or every one with a short
     * str (its rank among them); else null.
     */
    readonly firsts: readonly number[] | null = null,
    /** With ranked strs: each first str's length (a settled pair pays the shorter's twice). */
    readonly firstLengths: readonly number[] | null = null,
  ) {}

  /** Whether item `x` goes strictly before item `y`. */
  less(x: number, y: number): boolean {
    const firsts = this.firsts;
    if (firsts !== null) {
      // Two different first ints settle it at the first pair (the commonest case: dict items).
      const l = firsts[x] as number;
      const r = firsts[y] as number;
      if (l !== r) {
        this.pairs++;
        const lengths = this.firstLengths;
        if (lengths !== null) {
          this.bytes += 2 * Math.min(lengths[x] as number, lengths[y] as number);
        }
        return l < r;
      }
    }
    return this.lessInGeneral(x, y);
  }

  /** less() past its first-int case. */
  lessInGeneral(x: number, y: number): boolean {
    const sequences = this.sequences;
    if (sequences === null) return this.before(x, y);
    return this.failed ? false : this.lessItems(sequences[x] ?? [], sequences[y] ?? []);
  }

  /** The gas of the pairs and bytes counted so far. */
  get gas(): number {
    return this.pairs * PAIR_GAS + this.bytes * BYTE_GAS;
  }

  /**
   * The general comparison of two sequences for these pairs: equal items
   * (one value twice, two equal ints or strs) pay their pair, and two
   * equal strs their length too, and go on;
   * the first unequal pair orders them, two strs paying the shorter's
   * length twice (once found unequal, once ordered); equal up to the
   * shorter, the shorter goes first.
   */
  lessItems(left: readonly Value[], right: readonly Value[]): boolean {
    const shorter = Math.min(left.length, right.length);
    for (let i = 0; i < shorter; i++) {
      this.pairs++;
      if (this.gas > this.budget) return this.giveUp();
      const l = left[i];
      const r = right[i];
      if (l === r) {
        // Two equal strs are compared (a JS str has no identity): their length is paid.
        if (typeof l === "string" && this.countBytes(l.length)) return this.giveUp();
        continue;
      }
      if (typeof l === "number" && typeof r === "number") return l < r;
      if (typeof l !== "string" || typeof r !== "string") return this.giveUp();
      if (this.countBytes(2 * Math.min(l.length, r.length))) return this.giveUp();
      return compareStrs(l, r) < 0;
    }
    return left.length < right.length;
  }

  /** Counts `count` str bytes compared; whether the count has passed the budget. */
  countBytes(count: number): boolean {
    this.bytes += count;
    return this.gas > this.budget;
  }

  /** Gives the sort back to the general comparison. */
  giveUp(): boolean {
    this.failed = true;
    return false;
  }
}

/**
 * The order of a sort of lists or tuples by their item pairs (Comparisons),
 * paid once it is done: as the general comparison pays the same pairs and
 * bytes, made one comparison after another, and all of it within the gas
 * left, the outcome is the general sort's. Null, having paid nothing, when
 * the items are not all tuples or all lists, or the item-pair comparison
 * gave up (the general sort then runs from the start, and fails where it
 * must).
 */
function orderBySequences(meter: Charge, items: readonly Value[]): number[] | null {
  const first = items[0];
  const kind = first instanceof PyTuple ? PyTuple : first instanceof PyList ? PyList : null;
  if (kind === null) return null;
  const sequences: (readonly Value[])[] = [];
  for (const item of items) {
    if (!(item instanceof kind)) return null;
    sequences.push(item.items);
  }
  const [firsts, firstLengths] = firstInts(sequences) ?? firstTextRanks(sequences) ?? [null, null];
  const byFirsts = firsts === null ? null : orderByDistinctFirsts(firsts, firstLengths);
  if (byFirsts !== null) {
    if (byFirsts.pairs * PAIR_GAS + byFirsts.bytes * BYTE_GAS > meter.gasLeft()) return null;
    payItems(meter, "compare", byFirsts.pairs);
    payBytes(meter, "compare", byFirsts.bytes);
    return byFirsts.order;
  }
  const comparisons = new Comparisons(
    sequences,
    meter.gasLeft(),
    () => false,
    firsts,
    firstLengths,
  );
  const order = cpythonOrder(comparisons, items.length);
  if (comparisons.failed || comparisons.gas > comparisons.budget) return null;
  payItems(meter, "compare", comparisons.pairs);
  payBytes(meter, "compare", comparisons.bytes);
  return order;
}

/**
 * The order mergeOrder gives when every comparison settles at the first
 * item pair, because the `firsts` (see Comparisons) are all different,
 * and the item pairs and str bytes its comparisons count: by
 * merge_count.ts when the firsts are ranked strs or ints spanning a few
 * times as many values as there are items (ranked by counting), else by
 * sort_keys.ts on keys made of each int and its index. Null when two
 * firsts are equal, or there are too few items for mergeOrder, or the
 * ints span too much for a key.
 */
function orderByDistinctFirsts(
  firsts: readonly number[],
  lengths: readonly number[] | null,
): { order: number[]; pairs: number; bytes: number } | null {
  const n = firsts.length;
  if (n < SMALL_SORT) return null;
  let lowest = Infinity;
  let highest = -Infinity;
  for (const first of firsts) {
    if (first < lowest) lowest = first;
    if (first > highest) highest = first;
  }
  // Ranked strs are ranked 0 up, equal ones alike: they are all different when the top rank is n - 1.
  // The ranks to count on; null when two firsts are equal; undefined for ints too wide to count.
  const ranks = lengths !== null
    ? (highest === n - 1 ? Int32Array.from(firsts) : null)
    : highest - lowest < COUNTED_SPAN * n
    ? countedRanks(firsts, lowest, highest)
    : undefined;
  if (ranks === null) return null;
  if (ranks !== undefined) {
    const counted = countDistinctMerge(ranks, lengths === null ? null : Int32Array.from(lengths));
    return { order: counted.order, pairs: counted.comparisons, bytes: counted.units };
  }
  if (highest - lowest >= RANK_SPAN) return null;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = keyOf((firsts[i] ?? 0) - lowest, i);
  const { sorted, comparisons } = mergeKeys(keys);
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const key = sorted[i] ?? 0;
    if (i > 0 && rankOf(key) === rankOf(sorted[i - 1] ?? 0)) return null;
    order[i] = itemIndex(key);
  }
  return { order, pairs: comparisons, bytes: 0 };
}

/**
 * The rank of each of the safe ints `values` (all within lowest..highest,
 * a span of a few times their count), found by counting; null when two
 * are equal.
 */
function countedRanks(
  values: readonly number[],
  lowest: number,
  highest: number,
): Int32Array | null {
  // Each value's index plus one, at its offset from lowest (0: no such value).
  const at = new Int32Array(highest - lowest + 1);
  for (let i = 0; i < values.length; i++) {
    const slot = (values[i] as number) - lowest;
    if ((at[slot] as number) !== 0) return null;
    at[slot] = i + 1;
  }
  const ranks = new Int32Array(values.length);
  let rank = 0;
  for (let slot = 0; slot < at.length; slot++) {
    const index = at[slot] as number;
    if (index !== 0) ranks[index - 1] = rank++;
  }
  return ranks;
}

/** Each sequence's first item, when every one starts with a safe int; else null. */
function firstInts(sequences: readonly (readonly Value[])[]): [number[], null] | null {
  const firsts: number[] = [];
  for (const sequence of sequences) {
    const first = sequence[0];
    if (typeof first !== "number") return null;
    firsts.push(first);
  }
  return [firsts, null];
}

/** First strs ranked only while they average at most this many UTF-16 units. */
const RANKED_UNITS = 16;

/**
 * When every sequence starts with a str, none with a surrogate (which
 * textOrder finds), and they are short (their scan and ranking stay within the sort steps paid):
 * each one's rank among them in code-point order (equal strs share one),
 * and each one's length. Else null.
 */
function firstTextRanks(
  sequences: readonly (readonly Value[])[],
): [number[], number[]] | null {
  const texts: string[] = [];
  let units = 0;
  for (const sequence of sequences) {
    const first = sequence[0];
    if (typeof first !== "string") return null;
    units += first.length;
    if (units > RANKED_UNITS * sequences.length) return null;
    texts.push(first);
  }
  const order = textOrder(texts);
  if (order === null) return null;
  const ranks = new Array<number>(texts.length);
  let rank = 0;
  let previous: string | null = null;
  for (const at of order) {
    const text = texts[at] as string;
    if (previous !== null && text !== previous) rank++;
    ranks[at] = rank;
    previous = text;
  }
  return [ranks, texts.map((text) => text.length)];
}

/** Below this many items CPython's sort is one run extended by binary insertion. */
const SMALL_SORT = 64;

/** The sorted order of items 0..n-1 as CPython's sort would compare them. */
function cpythonOrder(comparisons: Comparisons, n: number): number[] {
  // Plain arrays: Deno allocates a typed array's storage off the JS heap, which costs more here.
  const order: number[] = [];
  for (let i = 0; i < n; i++) order.push(i);
  return n < SMALL_SORT ? insertionOrder(order, comparisons) : mergeOrder(order, comparisons);
}

/**
 * Cuts the run of `order` that starts at `start` as CPython cuts it: when
 * the next item is less than the first, the run is strictly descending and
 * is reversed in place; otherwise it is the longest non-descending stretch.
 * Returns where it ends. Every comparison asks whether a later item is less
 * than the one before it.
 */
function cutRun(order: number[], start: number, comparisons: Comparisons): number {
  const n = order.length;
  let end = start + 1;
  if (end >= n) return n;
  if (comparisons.less(order[end] as number, order[start] as number)) {
    end++;
    while (end < n && comparisons.less(order[end] as number, order[end - 1] as number)) end++;
    // Reversed by hand: a subarray per run is an object each, and random input has n / 3 of them.
    for (let low = start, high = end - 1; low < high; low++, high--) {
      const swapped = order[low] as number;
      order[low] = order[high] as number;
      order[high] = swapped;
    }
  } else {
    end++;
    while (end < n && !comparisons.less(order[end] as number, order[end - 1] as number)) end++;
  }
  return end;
}

/**
 * CPython's sort of fewer than 64 items, comparison for comparison: the
 * leading run (cutRun), then every later item inserted by binary search
 * (compared with the middle of the sorted prefix; on a tie it goes after).
 */
function insertionOrder(
  order: number[],
  comparisons: Comparisons,
): number[] {
  for (let start = cutRun(order, 0, comparisons); start < order.length; start++) {
    const pivot = order[start] as number;
    let low = 0;
    let high = start;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (comparisons.less(pivot, order[middle] as number)) high = middle;
      else low = middle + 1;
    }
    order.copyWithin(low + 1, low, start);
    order[low] = pivot;
  }
  return order;
}

/**
 * A stable natural merge sort, always asking whether a later item goes
 * strictly before an earlier one, as CPython's sort asks. The items are cut
 * into runs (cutRun), then adjacent runs are merged pairwise, left to
 * right, until one is left; on a tie the earlier item goes first. Written
 * out rather than Array.prototype.sort, whose sequence of comparisons is
 * the engine's to change, since comparisons are paid. Sorted input costs
 * n - 1 comparisons.
 */
function mergeOrder(
  order: number[],
  comparisons: Comparisons,
): number[] {
  const n = order.length;
  let from = order;
  let to = order.slice();
  const starts: number[] = [];
  for (let start = 0; start < n; start = cutRun(from, start, comparisons)) starts.push(start);
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
        const left = from[i] as number;
        const right = from[j] as number;
        if (comparisons.less(right, left)) {
          to[k++] = right;
          j++;
        } else {
          to[k++] = left;
          i++;
        }
      }
      while (i < middle) to[k++] = from[i++] as number;
      while (j < end) to[k++] = from[j++] as number;
    }
    [from, to] = [to, from];
    runs = merged;
  }
  return from;
}

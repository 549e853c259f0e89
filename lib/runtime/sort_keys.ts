/**
 * The natural merge sort of sort.ts (cutRun and mergeOrder there) run on
 * numbers held in a Float64Array rather than on item indices through a
 * comparison object, which makes it about twice as fast: a comparison is
 * `later < earlier` on two keys. It makes the same comparisons as
 * mergeOrder in the same order, and counts them, so a sort whose every
 * comparison settles at one item pair can pay what the general sort would
 * (spec/GAS.md §7) without running it. Keys of items that must stay apart
 * carry the item's index in their low {@link INDEX_BITS} bits.
 */

/**
 * Bits of a key that hold an item's index: a list holds at most
 * container_length (2^16) items, which sort_test.ts checks.
 */
export const INDEX_BITS = 16;
const INDEX_SPAN = 2 ** INDEX_BITS;
const INDEX_MASK = INDEX_SPAN - 1;

/** A sort of keys: the keys in order, and what its comparisons counted (see KeyComparisons). */
export interface MergedKeys {
  readonly sorted: Float64Array;
  readonly comparisons: number;
  readonly units: number;
}

/**
 * The comparisons of one sort of keys, counted: how many were made and,
 * when `lengths` (by item index) is given, twice the shorter length of the
 * two items of each (what the general comparison pays for two strs).
 */
class KeyComparisons {
  comparisons = 0;
  units = 0;

  constructor(readonly lengths: readonly number[] | null) {}

  /** Whether `later` goes strictly before `earlier` (one comparison). */
  before(later: number, earlier: number): boolean {
    this.comparisons++;
    const lengths = this.lengths;
    if (lengths !== null) {
      this.units += 2 *
        Math.min(lengths[later & INDEX_MASK] ?? 0, lengths[earlier & INDEX_MASK] ?? 0);
    }
    return later < earlier;
  }
}

/**
 * Sorts `keys` ascending as mergeOrder would, comparison for comparison,
 * in place or into a second array; equal keys keep their order. `lengths`
 * (by item index), when given, are counted as KeyComparisons says.
 */
export function mergeKeys(keys: Float64Array, lengths: readonly number[] | null): MergedKeys {
  const n = keys.length;
  // Local, so the engine keeps its counts in registers.
  const counted = new KeyComparisons(lengths);
  // Runs as cutRun cuts them: strictly descending (then reversed), or non-descending.
  const starts: number[] = [];
  for (let start = 0; start < n;) {
    starts.push(start);
    let end = start + 1;
    if (end < n && counted.before(keys[end] ?? 0, keys[start] ?? 0)) {
      end++;
      while (end < n && counted.before(keys[end] ?? 0, keys[end - 1] ?? 0)) end++;
      // Reversed by hand: a subarray per run is an object each, and random input has n / 3 of them.
      for (let low = start, high = end - 1; low < high; low++, high--) {
        const swapped = keys[low] ?? 0;
        keys[low] = keys[high] ?? 0;
        keys[high] = swapped;
      }
    } else if (end < n) {
      end++;
      while (end < n && !counted.before(keys[end] ?? 0, keys[end - 1] ?? 0)) end++;
    }
    start = end;
  }
  // Adjacent runs merged pairwise, left to right, a tie taking the earlier key.
  let from: Float64Array = keys;
  let to: Float64Array = new Float64Array(n);
  let runs = starts;
  while (runs.length > 1) {
    const merged: number[] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const start = runs[r] ?? n;
      const middle = runs[r + 1] ?? n;
      const end = runs[r + 2] ?? n;
      merged.push(start);
      let i = start;
      let j = middle;
      let k = start;
      while (i < middle && j < end) {
        const left = from[i] ?? 0;
        const right = from[j] ?? 0;
        if (counted.before(right, left)) {
          to[k++] = right;
          j++;
        } else {
          to[k++] = left;
          i++;
        }
      }
      while (i < middle) to[k++] = from[i++] ?? 0;
      while (j < end) to[k++] = from[j++] ?? 0;
    }
    [from, to] = [to, from];
    runs = merged;
  }
  return { sorted: from, comparisons: counted.comparisons, units: counted.units };
}

/** The key of item `index` whose order is `rank` (a non-negative int below 2^36). */
export function keyOf(rank: number, index: number): number {
  return rank * INDEX_SPAN + index;
}

/** The item index a key carries. */
export function itemIndex(key: number): number {
  return key & INDEX_MASK;
}

/** The rank a key carries. */
export function rankOf(key: number): number {
  return Math.floor(key / INDEX_SPAN);
}

/**
 * The natural merge sort of sort.ts (cutRun and mergeOrder there) run on
 * numbers held in a Float64Array rather than on item indices through a
 * comparison object, which makes it about twice as fast: a comparison is
 * `later < earlier` on two keys. It makes the same comparisons as
 * mergeOrder in the same order, and counts them, so a sort whose every
 * comparison settles at one item pair can pay what the general sort would
 * (spec/GAS.md §7) without running it. A key is an item's rank, then its
 * index (so items that must stay apart do), in one safe integer.
 */

/**
 * Bits of a key that hold an item's index: a list holds at most
 * container_length (2^16) items, which sort_test.ts checks.
 */
export const INDEX_BITS = 16;
const INDEX_SPAN = 2 ** INDEX_BITS;
const INDEX_MASK = INDEX_SPAN - 1;
/** 1 / INDEX_SPAN: a power of two, so multiplying by it is exact (and cheaper than dividing). */
const PER_RANK = 2 ** -INDEX_BITS;

/** Ranks are below this, so a key stays a safe integer. */
export const RANK_SPAN = 2 ** (52 - INDEX_BITS);

/** The key of item `index` ranked `rank`. */
export function keyOf(rank: number, index: number): number {
  return rank * INDEX_SPAN + index;
}

/** The item index a key carries (`&` takes a key's low 32 bits, which hold the index bits). */
export function itemIndex(key: number): number {
  return key & INDEX_MASK;
}

/** The rank a key carries. */
export function rankOf(key: number): number {
  return Math.floor(key * PER_RANK);
}

/** A sort of keys: the keys in order, and its comparisons. */
export interface MergedKeys {
  readonly sorted: Float64Array;
  readonly comparisons: number;
}

/**
 * Sorts `keys` ascending as mergeOrder would, comparison for comparison,
 * in place or into a second array; equal keys keep their order.
 */
export function mergeKeys(keys: Float64Array): MergedKeys {
  const n = keys.length;
  // Counted in a local, in line: the engine keeps it in a register.
  let comparisons = 0;
  // Runs as cutRun cuts them: strictly descending (then reversed), or non-descending.
  const starts: number[] = [];
  for (let start = 0; start < n;) {
    starts.push(start);
    let end = start + 1;
    if (end >= n) break;
    let later = keys[end] ?? 0;
    let earlier = keys[start] ?? 0;
    comparisons++;
    const descending = later < earlier;
    end++;
    while (end < n) {
      earlier = later;
      later = keys[end] ?? 0;
      comparisons++;
      if (later < earlier !== descending) break;
      end++;
    }
    if (descending) {
      // Reversed by hand: a subarray per run is an object each, and random input has n / 3 of them.
      for (let low = start, high = end - 1; low < high; low++, high--) {
        const swapped = keys[low] ?? 0;
        keys[low] = keys[high] ?? 0;
        keys[high] = swapped;
      }
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
      if (i < middle && j < end) {
        let left = from[i] ?? 0;
        let right = from[j] ?? 0;
        for (;;) {
          comparisons++;
          if (right < left) {
            to[k++] = right;
            if (++j === end) break;
            right = from[j] ?? 0;
          } else {
            to[k++] = left;
            if (++i === middle) break;
            left = from[i] ?? 0;
          }
        }
      }
      while (i < middle) to[k++] = from[i++] ?? 0;
      while (j < end) to[k++] = from[j++] ?? 0;
    }
    [from, to] = [to, from];
    runs = merged;
  }
  return { sorted: from, comparisons };
}

/**
 * The natural merge sort of sort.ts (cutRun and mergeOrder there) run on
 * numbers held in a Float64Array rather than on item indices through a
 * comparison object, which makes it about twice as fast: a comparison is
 * `later < earlier` on two keys. It makes the same comparisons as
 * mergeOrder in the same order, and counts them, so a sort whose every
 * comparison settles at one item pair can pay what the general sort would
 * (spec/GAS.md §7) without running it. A key is an item's rank, then its
 * index (so items that must stay apart do), then, in the layout for strs,
 * its length (what a comparison of two strs pays), in one safe integer.
 */

/**
 * Bits of a key that hold an item's index: a list holds at most
 * container_length (2^16) items, which sort_test.ts checks.
 */
export const INDEX_BITS = 16;
const INDEX_SPAN = 2 ** INDEX_BITS;
const INDEX_MASK = INDEX_SPAN - 1;
/** Bits of a str item's key that hold its length (longer strs are not keyed). */
const LENGTH_BITS = 16;

/** Where a key's rank, item index and (for strs) length sit. */
export class KeyLayout {
  /** 1, or 2^LENGTH_BITS when the low bits hold a length. */
  readonly #lengthSpan: number;
  /**
   * 1 / #lengthSpan, and 1 / (index span × #lengthSpan): powers of two, so
   * multiplying by them is exact (and cheaper than dividing).
   */
  readonly #perLength: number;
  readonly #perRank: number;
  /** Ranks are below this, so a key stays a safe integer. */
  readonly rankSpan: number;
  /** The bits of a key that hold its length (0 when it holds none): a length is at most this. */
  readonly lengthMask: number;

  constructor(lengthBits: 0 | typeof LENGTH_BITS) {
    this.#lengthSpan = 2 ** lengthBits;
    this.#perLength = 2 ** -lengthBits;
    this.#perRank = 2 ** -(INDEX_BITS + lengthBits);
    this.rankSpan = 2 ** (52 - INDEX_BITS - lengthBits);
    this.lengthMask = this.#lengthSpan - 1;
  }

  /** The key of item `index` ranked `rank`, with its `length` where the layout holds one (or 0). */
  keyOf(rank: number, index: number, length: number): number {
    return (rank * INDEX_SPAN + index) * this.#lengthSpan + length;
  }

  /** The item index a key carries. */
  itemIndex(key: number): number {
    return Math.floor(key * this.#perLength) & INDEX_MASK;
  }

  /** The rank a key carries. */
  rankOf(key: number): number {
    return Math.floor(key * this.#perRank);
  }
}

/** Keys of a rank and an index. */
export const RANK_KEYS = new KeyLayout(0);
/** Keys of a rank, an index and a str length. */
export const RANK_LENGTH_KEYS = new KeyLayout(LENGTH_BITS);

/** A sort of keys: the keys in order, and what its comparisons counted (see LengthComparisons). */
export interface MergedKeys {
  readonly sorted: Float64Array;
  readonly comparisons: number;
  readonly units: number;
}

/** The comparisons of one sort of keys, counted. */
class KeyComparisons {
  comparisons = 0;
  /** The shorter of the two lengths of each comparison, summed (see LengthComparisons). */
  shorter = 0;

  /** Whether `later` goes strictly before `earlier` (one comparison). */
  before(later: number, earlier: number): boolean {
    this.comparisons++;
    return later < earlier;
  }
}

/**
 * Comparisons of keys that hold lengths (the bits under `lengthMask`),
 * counting the shorter of the two of each, which the general comparison
 * of two strs pays twice.
 */
class LengthComparisons extends KeyComparisons {
  constructor(readonly lengthMask: number) {
    super();
  }

  override before(later: number, earlier: number): boolean {
    this.comparisons++;
    const mask = this.lengthMask;
    // `&` takes a key's low 32 bits (a key is a safe integer), which hold the 16 length bits.
    this.shorter += Math.min(later & mask, earlier & mask);
    return later < earlier;
  }
}

/**
 * Sorts `keys` ascending as mergeOrder would, comparison for comparison,
 * in place or into a second array; equal keys keep their order. Lengths in
 * the bits under `lengthMask` are counted as LengthComparisons says (a
 * mask of 0 counts none).
 */
export function mergeKeys(keys: Float64Array, lengthMask: number): MergedKeys {
  const n = keys.length;
  // Local, so the engine keeps its counts in registers.
  const counted = lengthMask === 0 ? new KeyComparisons() : new LengthComparisons(lengthMask);
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
  return { sorted: from, comparisons: counted.comparisons, units: 2 * counted.shorter };
}

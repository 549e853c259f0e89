/**
 * What sort.ts's natural merge sort (cutRun and mergeOrder there) would
 * count on items whose ranks are all different, found without running
 * it: the comparisons, and the shorter of the two str lengths of each
 * comparison summed (twice, as the general comparison of two strs pays
 * it). With distinct ranks each merge's output is its items in rank
 * order, so the merges need not be made one comparison after another
 * (a chain of unpredictable branches, each waiting for the last): the
 * runs are cut as cutRun cuts them (every adjacent pair compared once),
 * and the merge tree is walked from its root down, each level splitting
 * every merged run, held in rank order, into the two runs it was merged
 * from (a stable partition by position, without a branch). Read from
 * its end, a merge's output first has the streak of one run that the
 * merge copied once the other was used up; each item before it was
 * compared once, with the head the other run then had, which is the
 * next item of that run in the output. sort_keys.ts's mergeKeys, which
 * makes the merges, is the reference (merge_count_test.ts).
 */

/** The items in rank order (their indices) and what the merge sort's comparisons count. */
export interface MergeCount {
  readonly order: number[];
  readonly comparisons: number;
  readonly units: number;
}

/**
 * The count for items with distinct `ranks` (0 to n - 1, each once) and,
 * for strs, their `lengths` (null: no str units are counted).
 */
export function countDistinctMerge(
  ranks: Int32Array,
  lengths: Int32Array | null,
): MergeCount {
  const n = ranks.length;
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[ranks[i] as number] = i;
  const levels = mergeLevels(runStarts(ranks));
  let comparisons = n > 0 ? n - 1 : 0;
  let shorter = 0;
  if (lengths !== null) {
    for (let i = 1; i < n; i++) shorter += Math.min(lengths[i] as number, lengths[i - 1] as number);
  }
  let merged = Int32Array.from(order);
  let split = new Int32Array(n);
  for (let level = levels.length - 2; level >= 0; level--) {
    const starts = levels[level] as number[];
    for (let r = 0; r < starts.length; r += 2) {
      const start = starts[r] as number;
      const middle = starts[r + 1] ?? n;
      const end = starts[r + 2] ?? n;
      if (middle === end) {
        // The last run of an odd count, carried up unmerged.
        for (let at = start; at < end; at++) split[at] = merged[at] as number;
        continue;
      }
      // The left run's items refill start..middle, the right's middle..end, both from their ends.
      let left = middle - 1;
      let right = end - 1;
      const streakLeft = ((merged[end - 1] as number) - middle) >>> 31;
      let compared = start - 1;
      for (let at = end - 1; at >= start; at--) {
        const item = merged[at] as number;
        // 1 when the item comes from the left run (its index is below middle), else 0.
        const fromLeft = (item - middle) >>> 31;
        split[right + ((left - right) & -fromLeft)] = item;
        left -= fromLeft;
        right -= 1 - fromLeft;
        if (fromLeft !== streakLeft) {
          compared = at;
          break;
        }
      }
      comparisons += compared + 1 - start;
      // The heads the two runs had when the last comparison was made (0: none yet, none counted).
      let headLeft = 0;
      let headRight = 0;
      if (lengths !== null) {
        const streakHead = lengths[merged[compared + 1] as number] as number;
        if (streakLeft === 1) headLeft = streakHead;
        else headRight = streakHead;
      }
      for (let at = compared; at >= start; at--) {
        const item = merged[at] as number;
        const fromLeft = (item - middle) >>> 31;
        if (at < compared) {
          split[right + ((left - right) & -fromLeft)] = item;
          left -= fromLeft;
          right -= 1 - fromLeft;
        }
        if (lengths === null) continue;
        const length = lengths[item] as number;
        shorter += Math.min(length, headLeft + ((headRight - headLeft) & -fromLeft));
        headLeft += (length - headLeft) & -fromLeft;
        headRight += (length - headRight) & (fromLeft - 1);
      }
    }
    [merged, split] = [split, merged];
  }
  return { order, comparisons, units: 2 * shorter };
}

/** Where each run starts, as cutRun cuts them (strictly descending, or non-descending). */
function runStarts(ranks: Int32Array): number[] {
  const n = ranks.length;
  const starts: number[] = [];
  for (let start = 0; start < n;) {
    starts.push(start);
    let end = start + 1;
    if (end >= n) break;
    const descending = (ranks[end] as number) < (ranks[start] as number);
    end++;
    while (end < n && ((ranks[end] as number) < (ranks[end - 1] as number)) === descending) end++;
    start = end;
  }
  return starts;
}

/** The run starts of each level of mergeOrder, from the runs up to the one run left. */
function mergeLevels(runs: number[]): number[][] {
  const levels = [runs];
  for (let below = runs; below.length > 1;) {
    const above: number[] = [];
    for (let r = 0; r < below.length; r += 2) above.push(below[r] as number);
    levels.push(above);
    below = above;
  }
  return levels;
}

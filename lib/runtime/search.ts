/**
 * Linear-time substring search over code sequences (str code points or
 * bytes), by the Knuth–Morris–Pratt failure table: O(n + m) for a haystack
 * of n and a needle of m, whatever their contents, so the per-unit gas of
 * find, index, count, replace and split bounds their time.
 */

/** The KMP failure table of `needle`: the longest proper border of each prefix. */
function borders(needle: readonly number[]): Int32Array {
  const table = new Int32Array(needle.length);
  let k = 0;
  for (let i = 1; i < needle.length; i++) {
    while (k > 0 && needle[i] !== needle[k]) k = table[k - 1] ?? 0;
    if (needle[i] === needle[k]) k++;
    table[i] = k;
  }
  return table;
}

/**
 * The starts of the non-overlapping occurrences of a non-empty `needle` in
 * `haystack[start, end)`, left to right, at most `limit` of them.
 */
export function occurrences(
  haystack: readonly number[],
  needle: readonly number[],
  start: number,
  end: number,
  limit: number,
): number[] {
  const found: number[] = [];
  if (needle.length === 0 || limit <= 0) return found;
  const table = borders(needle);
  let k = 0;
  for (let i = start; i < end; i++) {
    while (k > 0 && haystack[i] !== needle[k]) k = table[k - 1] ?? 0;
    if (haystack[i] === needle[k]) k++;
    if (k === needle.length) {
      found.push(i - needle.length + 1);
      if (found.length >= limit) break;
      k = 0;
    }
  }
  return found;
}

/** The first start of a non-empty `needle` in `haystack[start, end)`, or -1. */
export function findFirst(
  haystack: readonly number[],
  needle: readonly number[],
  start: number,
  end: number,
): number {
  return occurrences(haystack, needle, start, end, 1)[0] ?? -1;
}

/** The last start of a non-empty `needle` in `haystack[start, end)`, or -1. */
export function findLast(
  haystack: readonly number[],
  needle: readonly number[],
  start: number,
  end: number,
): number {
  if (needle.length === 0) return -1;
  const reversedNeedle = [...needle].reverse();
  const table = borders(reversedNeedle);
  let k = 0;
  for (let i = end - 1; i >= start; i--) {
    while (k > 0 && haystack[i] !== reversedNeedle[k]) k = table[k - 1] ?? 0;
    if (haystack[i] === reversedNeedle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

/**
 * The starts of the non-overlapping occurrences of a non-empty `needle` in
 * `haystack[start, end)`, right to left (as rsplit cuts), at most `limit`.
 */
export function occurrencesFromEnd(
  haystack: readonly number[],
  needle: readonly number[],
  start: number,
  end: number,
  limit: number,
): number[] {
  const found: number[] = [];
  if (needle.length === 0 || limit <= 0) return found;
  const reversedNeedle = [...needle].reverse();
  const table = borders(reversedNeedle);
  let k = 0;
  for (let i = end - 1; i >= start; i--) {
    while (k > 0 && haystack[i] !== reversedNeedle[k]) k = table[k - 1] ?? 0;
    if (haystack[i] === reversedNeedle[k]) k++;
    if (k === needle.length) {
      found.push(i);
      if (found.length >= limit) break;
      k = 0;
    }
  }
  return found;
}

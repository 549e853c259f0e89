/**
 * Linear-time substring search over code sequences (str code points or
 * bytes), by the Knuth–Morris–Pratt failure table: O(n + m) for a haystack
 * of n and a needle of m, whatever their contents, so the per-unit gas of
 * find, index, count, replace and split bounds their time.
 */

/** The KMP failure table of `needle`: the longest proper border of each prefix. */
function borders(needle: ArrayLike<number>): Int32Array {
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
  haystack: ArrayLike<number>,
  needle: ArrayLike<number>,
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

/**
 * Needles of at most this many units may be found by the engine's own
 * search, which makes at most that many comparisons a position; a longer
 * one must go through {@link occurrences}: the engine's search is
 * quadratic on some needles ("a" * k + "b" + "a" * k in "a" * n took 17 s
 * for n of a million and k of 50,000).
 */
export const ENGINE_NEEDLE = 8;

/** Whether `needle` occurs in `haystack`, unit for unit (UTF-16), in linear time. */
export function unitsContain(haystack: string, needle: string): boolean {
  if (needle.length <= ENGINE_NEEDLE) return haystack.includes(needle);
  if (needle.length > haystack.length) return false;
  return occurrences(unitsOf(haystack), unitsOf(needle), 0, haystack.length, 1).length > 0;
}

/** Whether `needle` occurs in `haystack`, in linear time. */
export function bytesContain(haystack: Uint8Array, needle: Uint8Array): boolean {
  if (needle.length > haystack.length) return false;
  if (needle.length === 0) return true;
  return occurrences(haystack, needle, 0, haystack.length, 1).length > 0;
}

function unitsOf(text: string): number[] {
  const units = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

/**
 * Strs in UTF-16 code-unit order, for sort.ts's fast path (which has
 * checked that none holds a surrogate, so this is also code-point order,
 * and paid the sort up front). Equal strs are indistinguishable, so the
 * order needs no stability. A most-significant-first radix sort by
 * counting: the strs of a segment share their first `depth` units; past
 * the units all of them share (a bounded scan), they are counted into
 * buckets by their next unit (0 for a str that has ended, which goes
 * first) and moved bucket by bucket, and each bucket of two or more strs
 * that go on becomes a segment one unit deeper. Small segments are
 * finished by insertion with `<`; a segment whose units span more
 * buckets than it has strs (wide Unicode), or that has been split
 * {@link LEVELS} times without getting small (crafted shared prefixes),
 * by the engine's sort, which compares strs itself. Honest keys and
 * words take a few levels: three to six times as fast as the engine's
 * sort of the same strs.
 */

/** The most units a level's shared-prefix scan reads of each str. */
const SHARED_SCAN = 16;
/** Segments of at most this many strs are sorted by insertion (a str `<` costs more than a level). */
const INSERTION_SIZE = 6;
/** Buckets a level may count into beyond its number of strs. */
const BUCKET_SLACK = 128;
/** Levels a str goes through before its segment is left to the engine's sort. */
const LEVELS = 8;

/** Sorts `texts` in place into code-unit order; returns it. */
export function sortTexts(texts: string[]): string[] {
  const order = textOrder(texts);
  const sorted = order.map((at) => texts[at] as string);
  for (let i = 0; i < texts.length; i++) texts[i] = sorted[i] as string;
  return texts;
}

/** The positions of `texts` in the code-unit order of the strs there. */
export function textOrder(texts: readonly string[]): number[] {
  const n = texts.length;
  const order: number[] = [];
  for (let i = 0; i < n; i++) order.push(i);
  // Pending segments, four numbers each: start, end, the units they share, the levels so far.
  const segments: number[] = [0, n, 0, 0];
  const units = new Int32Array(n);
  const moved: number[] = new Array<number>(n);
  let counts = new Int32Array(BUCKET_SLACK + 1);
  while (segments.length > 0) {
    const level = segments.pop() as number;
    const depth = segments.pop() as number;
    const end = segments.pop() as number;
    const start = segments.pop() as number;
    const size = end - start;
    if (size <= INSERTION_SIZE) {
      insertionSort(texts, order, start, end);
      continue;
    }
    const at = depth + sharedUnits(texts, order, start, end, depth);
    let lowest = Infinity;
    let highest = 0;
    for (let i = start; i < end; i++) {
      const text = texts[order[i] as number] as string;
      const unit = at < text.length ? text.charCodeAt(at) + 1 : 0;
      units[i] = unit;
      if (unit < lowest) lowest = unit;
      if (unit > highest) highest = unit;
    }
    const span = highest - lowest + 1;
    if (span > size + BUCKET_SLACK || level >= LEVELS) {
      engineSort(texts, order, start, end);
      continue;
    }
    if (counts.length < span + 1) counts = new Int32Array(span + 1);
    counts.fill(0, 0, span + 1);
    for (let i = start; i < end; i++) {
      const slot = (units[i] as number) - lowest + 1;
      counts[slot] = (counts[slot] as number) + 1;
    }
    // counts[b] becomes where bucket b starts.
    for (let b = 1; b <= span; b++) counts[b] = (counts[b] as number) + (counts[b - 1] as number);
    for (let i = start; i < end; i++) {
      const bucket = (units[i] as number) - lowest;
      moved[counts[bucket] as number] = order[i] as number;
      counts[bucket] = (counts[bucket] as number) + 1;
    }
    // Each bucket now ends where counts says; the one of ended strs (unit 0) holds equal strs.
    let bucketStart = 0;
    for (let b = 0; b < span; b++) {
      const bucketEnd = counts[b] as number;
      if (bucketEnd - bucketStart > 1 && b + lowest !== 0) {
        segments.push(start + bucketStart, start + bucketEnd, at + 1, level + 1);
      }
      bucketStart = bucketEnd;
    }
    for (let i = 0; i < size; i++) order[start + i] = moved[i] as number;
  }
  return order;
}

/**
 * How many units from `depth` on all the strs at `order[start..end)`
 * share, up to {@link SHARED_SCAN}: a level reads at most that many units
 * of each str and goes at least one unit deeper, and a str goes through
 * at most {@link LEVELS} levels.
 */
function sharedUnits(
  texts: readonly string[],
  order: readonly number[],
  start: number,
  end: number,
  depth: number,
): number {
  const first = texts[order[start] as number] as string;
  let shared = Math.min(SHARED_SCAN, first.length - depth);
  for (let i = start + 1; i < end && shared > 0; i++) {
    const text = texts[order[i] as number] as string;
    const limit = Math.min(shared, text.length - depth);
    let k = 0;
    while (k < limit && text.charCodeAt(depth + k) === first.charCodeAt(depth + k)) k++;
    shared = k;
  }
  return Math.max(0, shared);
}

/** Sorts `order[start..end)` by insertion, by the strs the positions name. */
function insertionSort(
  texts: readonly string[],
  order: number[],
  start: number,
  end: number,
): void {
  for (let i = start + 1; i < end; i++) {
    const at = order[i] as number;
    const text = texts[at] as string;
    let j = i - 1;
    while (j >= start && text < (texts[order[j] as number] as string)) {
      order[j + 1] = order[j] as number;
      j--;
    }
    order[j + 1] = at;
  }
}

/** Sorts `order[start..end)` by the engine's sort of the strs they name (code-unit order). */
function engineSort(texts: readonly string[], order: number[], start: number, end: number): void {
  const part = order.slice(start, end).sort((x, y) => {
    const left = texts[x] as string;
    const right = texts[y] as string;
    return left < right ? -1 : left > right ? 1 : 0;
  });
  for (let i = 0; i < part.length; i++) order[start + i] = part[i] as number;
}

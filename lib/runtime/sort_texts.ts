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
/** Segments of at most this many strs are sorted by insertion. */
const INSERTION_SIZE = 16;
/** Buckets a level may count into beyond its number of strs. */
const BUCKET_SLACK = 128;
/** Levels a str goes through before its segment is left to the engine's sort. */
const LEVELS = 8;

/** Sorts `texts` in place into code-unit order; returns it. */
export function sortTexts(texts: string[]): string[] {
  const n = texts.length;
  // Pending segments, four numbers each: start, end, the units they share, the levels so far.
  const segments: number[] = [0, n, 0, 0];
  const units = new Int32Array(n);
  const moved: string[] = new Array<string>(n);
  let counts = new Int32Array(BUCKET_SLACK + 1);
  while (segments.length > 0) {
    const level = segments.pop() as number;
    const depth = segments.pop() as number;
    const end = segments.pop() as number;
    const start = segments.pop() as number;
    const size = end - start;
    if (size <= INSERTION_SIZE) {
      insertionSort(texts, start, end);
      continue;
    }
    const at = depth + sharedUnits(texts, start, end, depth);
    let lowest = Infinity;
    let highest = 0;
    for (let i = start; i < end; i++) {
      const text = texts[i] as string;
      const unit = at < text.length ? text.charCodeAt(at) + 1 : 0;
      units[i] = unit;
      if (unit < lowest) lowest = unit;
      if (unit > highest) highest = unit;
    }
    const span = highest - lowest + 1;
    if (span > size + BUCKET_SLACK || level >= LEVELS) {
      engineSort(texts, start, end);
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
      moved[counts[bucket] as number] = texts[i] as string;
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
    for (let i = 0; i < size; i++) texts[start + i] = moved[i] as string;
  }
  return texts;
}

/**
 * How many units from `depth` on all of `texts[start..end)` share, up to
 * {@link SHARED_SCAN}: a level reads at most that many units of each str
 * and goes at least one unit deeper, and a str goes through at most
 * {@link LEVELS} levels.
 */
function sharedUnits(texts: readonly string[], start: number, end: number, depth: number): number {
  const first = texts[start] as string;
  let shared = Math.min(SHARED_SCAN, first.length - depth);
  for (let i = start + 1; i < end && shared > 0; i++) {
    const text = texts[i] as string;
    const limit = Math.min(shared, text.length - depth);
    let k = 0;
    while (k < limit && text.charCodeAt(depth + k) === first.charCodeAt(depth + k)) k++;
    shared = k;
  }
  return Math.max(0, shared);
}

/** Sorts `texts[start..end)` in place by insertion. */
function insertionSort(texts: string[], start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const text = texts[i] as string;
    let j = i - 1;
    while (j >= start && text < (texts[j] as string)) {
      texts[j + 1] = texts[j] as string;
      j--;
    }
    texts[j + 1] = text;
  }
}

/** Sorts `texts[start..end)` in place by the engine's sort (code-unit order, no callback). */
function engineSort(texts: string[], start: number, end: number): void {
  const part = texts.slice(start, end).sort();
  for (let i = 0; i < part.length; i++) texts[start + i] = part[i] as string;
}

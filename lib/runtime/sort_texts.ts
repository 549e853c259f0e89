/**
 * Strs in code-point order by their UTF-16 units, for sort.ts's fast path
 * (which has paid the sort up front), or null when a str holds a unit in
 * D800–DFFF, where unit order and code-point order may differ (spec/
 * RUNTIME.md, "str values"). Equal strs are indistinguishable, so the
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
 * sort of the same strs. Before its first level, a large input whose strs
 * differ only in a few units past their shared prefix (numbered names
 * such as "user17", short words) is ordered in one step instead: those
 * units of each str are packed into one 32-bit number, in a base just
 * large enough for the units that occur, so that the numbers are in the
 * strs' order, and the numbers are sorted by counting, a byte or so at a
 * time from the lowest ({@link packedOrder}): for 2,003 numbered names,
 * surrogate check included, about a third less time than the levels.
 */

import { hasSurrogateUnits, hasSurrogateUnitsBefore } from "../text_units.ts";

/** The most units a level's shared-prefix scan reads of each str. */
const SHARED_SCAN = 16;
/** Segments of at most this many strs are sorted by insertion (a `<` costs more than a level). */
const INSERTION_SIZE = 6;
/** Buckets a level may count into beyond its number of strs. */
const BUCKET_SLACK = 128;
/** Levels a str goes through before its segment is left to the engine's sort. */
const LEVELS = 8;
/** Inputs of at least this many strs try the packed order. */
const PACKED_SIZE = 64;
/** The most bits a packed number has. */
const PACKED_BITS = 32;
/** The most bits one counting pass of the packed numbers sorts by. */
const PASS_BITS = 11;

/**
 * Sorts `texts` in place into code-point order and returns it; null,
 * having changed nothing, as the file header says.
 */
export function sortTexts(texts: string[]): string[] | null {
  const order = textOrder(texts);
  if (order === null) return null;
  const sorted = order.map((at) => texts[at] as string);
  for (let i = 0; i < texts.length; i++) texts[i] = sorted[i] as string;
  return texts;
}

/**
 * The positions of `texts` in the code-point order of the strs there, or
 * null as the file header says. The packed order reads every unit past
 * the shared prefix and refuses any from D800 up, so only the first str's
 * prefix is left to scan; any other order scans every str first.
 */
export function textOrder(texts: readonly string[]): number[] | null {
  const n = texts.length;
  const order: number[] = [];
  for (let i = 0; i < n; i++) order.push(i);
  if (n >= PACKED_SIZE) {
    const at = sharedUnits(texts, order, 0, n, 0);
    if (packedOrder(texts, order, 0, n, at)) {
      return hasSurrogateUnitsBefore(texts[0] as string, at) ? null : order;
    }
  }
  if (texts.some(hasSurrogateUnits)) return null;
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

/**
 * Orders `order[start..end)`, whose strs share their first `at` units,
 * when each str's units from `at` on, as digits in base b (0 past its
 * end, else the unit minus the lowest unit there plus one), make a number
 * below 2^PACKED_BITS and no unit read is D800 or above: those numbers
 * are in the strs' order (a str that ends first has a 0 where the other
 * has more), and equal only for equal strs. Returns false, having
 * reordered nothing, otherwise. Reads each str's units past `at` twice
 * at most (at most PACKED_BITS of them).
 */
function packedOrder(
  texts: readonly string[],
  order: number[],
  start: number,
  end: number,
  at: number,
): boolean {
  let lowest = 0xffff;
  let highest = 0;
  let digits = 0;
  for (let i = start; i < end; i++) {
    const text = texts[order[i] as number] as string;
    if (text.length - at > digits) {
      digits = text.length - at;
      if (digits > PACKED_BITS) return false;
    }
    for (let j = at; j < text.length; j++) {
      const unit = text.charCodeAt(j);
      if (unit < lowest) lowest = unit;
      if (unit > highest) highest = unit;
    }
  }
  // Every str ended at `at`: they are all equal.
  if (digits === 0) return true;
  if (highest >= 0xd800) return false;
  const base = highest - lowest + 2;
  let span = 1;
  for (let d = 0; d < digits; d++) {
    span *= base;
    if (span > 2 ** PACKED_BITS) return false;
  }
  const size = end - start;
  const numbers = new Uint32Array(size);
  for (let i = 0; i < size; i++) {
    const text = texts[order[start + i] as number] as string;
    let number = 0;
    for (let j = at; j < at + digits; j++) {
      number = number * base + (j < text.length ? text.charCodeAt(j) - lowest + 1 : 0);
    }
    numbers[i] = number;
  }
  const sorted = countingSort(numbers, Math.ceil(Math.log2(span)));
  const positions = order.slice(start, end);
  for (let i = 0; i < size; i++) order[start + i] = positions[sorted[i] as number] as number;
  return true;
}

/**
 * The positions of `numbers` (each below 2^bits, bits at most 32) in
 * ascending order of the numbers: counting passes from the lowest bits
 * up, each stable, of at most PASS_BITS bits and at most log2(size) (so a
 * pass counts into no more buckets than there are numbers).
 */
function countingSort(numbers: Uint32Array, bits: number): Int32Array {
  const size = numbers.length;
  const widest = Math.max(1, Math.min(PASS_BITS, Math.floor(Math.log2(size))));
  const passes = Math.max(1, Math.ceil(bits / widest));
  const passBits = Math.ceil(bits / passes);
  const mask = 2 ** passBits - 1;
  const counts = new Int32Array(mask + 2);
  let fromNumbers: Uint32Array = numbers;
  let fromPositions = new Int32Array(size);
  for (let i = 0; i < size; i++) fromPositions[i] = i;
  let toNumbers: Uint32Array = new Uint32Array(size);
  let toPositions = new Int32Array(size);
  for (let shift = 0; shift < bits; shift += passBits) {
    counts.fill(0);
    for (let i = 0; i < size; i++) {
      const digit = ((fromNumbers[i] as number) >>> shift) & mask;
      counts[digit + 1] = (counts[digit + 1] as number) + 1;
    }
    // counts[d] becomes where digit d starts.
    for (let d = 1; d <= mask; d++) counts[d] = (counts[d] as number) + (counts[d - 1] as number);
    for (let i = 0; i < size; i++) {
      const number = fromNumbers[i] as number;
      const digit = (number >>> shift) & mask;
      const to = counts[digit] as number;
      counts[digit] = to + 1;
      toNumbers[to] = number;
      toPositions[to] = fromPositions[i] as number;
    }
    [fromNumbers, toNumbers] = [toNumbers, fromNumbers];
    [fromPositions, toPositions] = [toPositions, fromPositions];
  }
  return fromPositions;
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

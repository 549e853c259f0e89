/**
 * CPython 3.11's case mappings and case flags of one code point, from
 * tables generated out of CPython itself (case_generated.ts, Unicode
 * 14.0.0), never the JS engine's: full mappings (one code point may map to
 * up to three, as "ß".upper() is "SS"), and the flags the str case methods
 * combine (lowercase, uppercase, titlecase, cased, case-ignorable).
 */

import {
  CASE_IGNORABLE_RANGES,
  CASED_RANGES,
  CASEFOLD_RUNS,
  CASEFOLD_SPECIAL,
  LOWER_RUNS,
  LOWER_SPECIAL,
  LOWERCASE_RANGES,
  TITLE_RUNS,
  TITLE_SPECIAL,
  TITLECASE_RANGES,
  UPPER_RUNS,
  UPPER_SPECIAL,
  UPPERCASE_RANGES,
} from "./case_generated.ts";
import { inRanges } from "./unicode.ts";

/** Code points below this are looked up in a direct table (Latin, Greek, Cyrillic, ...). */
const DIRECT = 0x800;

/**
 * One mapping: runs of equal deltas, the code points that map to other
 * than one, and the one-code-point results below {@link DIRECT} (-1 where
 * the result is special).
 */
interface Mapping {
  readonly runs: readonly number[];
  readonly special: ReadonlyMap<number, readonly number[]>;
  readonly direct: Int32Array;
}

function mappingOf(runs: readonly number[], flat: readonly number[]): Mapping {
  const special = new Map<number, readonly number[]>();
  for (let i = 0; i < flat.length;) {
    const count = flat[i + 1] ?? 0;
    special.set(flat[i] ?? 0, flat.slice(i + 2, i + 2 + count));
    i += 2 + count;
  }
  const direct = new Int32Array(DIRECT);
  for (let codePoint = 0; codePoint < DIRECT; codePoint++) {
    direct[codePoint] = special.has(codePoint) ? -1 : searchRuns(runs, codePoint);
  }
  return { runs, special, direct };
}

/** The one-code-point mapping of `codePoint` by the runs (binary search). */
function searchRuns(runs: readonly number[], codePoint: number): number {
  let low = 0;
  let high = runs.length / 4 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const first = runs[4 * middle] ?? 0;
    if (codePoint < first) high = middle - 1;
    else if (codePoint > (runs[4 * middle + 1] ?? 0)) low = middle + 1;
    else {
      const stride = runs[4 * middle + 2] ?? 1;
      return (codePoint - first) % stride === 0
        ? codePoint + (runs[4 * middle + 3] ?? 0)
        : codePoint;
    }
  }
  return codePoint;
}

/**
 * A mapping built on its first use: building the four at import would cost
 * every process's start-up, also of the programs that never change case.
 */
function lazyMapping(runs: readonly number[], flat: readonly number[]): () => Mapping {
  let built: Mapping | null = null;
  return () => built ??= mappingOf(runs, flat);
}

const UPPER = lazyMapping(UPPER_RUNS, UPPER_SPECIAL);
const LOWER = lazyMapping(LOWER_RUNS, LOWER_SPECIAL);
const TITLE = lazyMapping(TITLE_RUNS, TITLE_SPECIAL);
const CASEFOLD = lazyMapping(CASEFOLD_RUNS, CASEFOLD_SPECIAL);

/** Appends the mapping of `codePoint` to `out`. */
function mapInto(mapping: Mapping, codePoint: number, out: number[]): void {
  const direct = codePoint < DIRECT ? mapping.direct[codePoint] ?? -1 : -1;
  if (direct >= 0) {
    out.push(direct);
    return;
  }
  const special = mapping.special.get(codePoint);
  if (special === undefined) out.push(searchRuns(mapping.runs, codePoint));
  else for (const mapped of special) out.push(mapped);
}

/** Appends the full uppercase mapping of one code point. */
export function upperInto(codePoint: number, out: number[]): void {
  mapInto(UPPER(), codePoint, out);
}

/** Appends the full lowercase mapping of one code point (without the final-sigma rule). */
export function lowerInto(codePoint: number, out: number[]): void {
  mapInto(LOWER(), codePoint, out);
}

/** Appends the full titlecase mapping of one code point. */
export function titleInto(codePoint: number, out: number[]): void {
  mapInto(TITLE(), codePoint, out);
}

/** Appends the full case folding of one code point. */
export function casefoldInto(codePoint: number, out: number[]): void {
  mapInto(CASEFOLD(), codePoint, out);
}

const LOWERCASE = 1;
const UPPERCASE = 2;
const TITLECASE = 4;
const CASED = 8;
const CASE_IGNORABLE = 16;

/** The flags of the code points below {@link DIRECT}, one bit each (built on first use). */
let directFlags: Uint8Array | null = null;

function buildDirectFlags(): Uint8Array {
  const flags = new Uint8Array(DIRECT);
  const tables: [readonly number[], number][] = [
    [LOWERCASE_RANGES, LOWERCASE],
    [UPPERCASE_RANGES, UPPERCASE],
    [TITLECASE_RANGES, TITLECASE],
    [CASED_RANGES, CASED],
    [CASE_IGNORABLE_RANGES, CASE_IGNORABLE],
  ];
  for (let codePoint = 0; codePoint < DIRECT; codePoint++) {
    let bits = 0;
    for (const [ranges, bit] of tables) if (inRanges(ranges, codePoint)) bits |= bit;
    flags[codePoint] = bits;
  }
  return flags;
}

function hasFlag(codePoint: number, bit: number, ranges: readonly number[]): boolean {
  return codePoint < DIRECT
    ? (((directFlags ??= buildDirectFlags())[codePoint] ?? 0) & bit) !== 0
    : inRanges(ranges, codePoint);
}

/** A lowercase character (str.islower() of it alone). */
export function isLowercase(codePoint: number): boolean {
  return hasFlag(codePoint, LOWERCASE, LOWERCASE_RANGES);
}

/** An uppercase character (str.isupper() of it alone). */
export function isUppercase(codePoint: number): boolean {
  return hasFlag(codePoint, UPPERCASE, UPPERCASE_RANGES);
}

/** A titlecase character (category Lt). */
export function isTitlecase(codePoint: number): boolean {
  return hasFlag(codePoint, TITLECASE, TITLECASE_RANGES);
}

/** A cased character (Unicode's Cased property). */
export function isCased(codePoint: number): boolean {
  return hasFlag(codePoint, CASED, CASED_RANGES);
}

/** A case-ignorable character (Unicode's Case_Ignorable property). */
export function isCaseIgnorable(codePoint: number): boolean {
  return hasFlag(codePoint, CASE_IGNORABLE, CASE_IGNORABLE_RANGES);
}

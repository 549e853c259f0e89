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

/** One mapping: runs of equal deltas, and the code points that map to other than one. */
interface Mapping {
  readonly runs: readonly number[];
  readonly special: ReadonlyMap<number, readonly number[]>;
}

function mappingOf(runs: readonly number[], flat: readonly number[]): Mapping {
  const special = new Map<number, readonly number[]>();
  for (let i = 0; i < flat.length;) {
    const count = flat[i + 1] ?? 0;
    special.set(flat[i] ?? 0, flat.slice(i + 2, i + 2 + count));
    i += 2 + count;
  }
  return { runs, special };
}

const UPPER = mappingOf(UPPER_RUNS, UPPER_SPECIAL);
const LOWER = mappingOf(LOWER_RUNS, LOWER_SPECIAL);
const TITLE = mappingOf(TITLE_RUNS, TITLE_SPECIAL);
const CASEFOLD = mappingOf(CASEFOLD_RUNS, CASEFOLD_SPECIAL);

/** Appends the mapping of `codePoint` to `out` (binary search over the runs). */
function mapInto(mapping: Mapping, codePoint: number, out: number[]): void {
  const special = mapping.special.get(codePoint);
  if (special !== undefined) {
    for (const mapped of special) out.push(mapped);
    return;
  }
  const { runs } = mapping;
  let low = 0;
  let high = runs.length / 4 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const first = runs[4 * middle] ?? 0;
    if (codePoint < first) high = middle - 1;
    else if (codePoint > (runs[4 * middle + 1] ?? 0)) low = middle + 1;
    else {
      const stride = runs[4 * middle + 2] ?? 1;
      out.push(
        (codePoint - first) % stride === 0 ? codePoint + (runs[4 * middle + 3] ?? 0) : codePoint,
      );
      return;
    }
  }
  out.push(codePoint);
}

/** Appends the full uppercase mapping of one code point. */
export function upperInto(codePoint: number, out: number[]): void {
  mapInto(UPPER, codePoint, out);
}

/** Appends the full lowercase mapping of one code point (without the final-sigma rule). */
export function lowerInto(codePoint: number, out: number[]): void {
  mapInto(LOWER, codePoint, out);
}

/** Appends the full titlecase mapping of one code point. */
export function titleInto(codePoint: number, out: number[]): void {
  mapInto(TITLE, codePoint, out);
}

/** Appends the full case folding of one code point. */
export function casefoldInto(codePoint: number, out: number[]): void {
  mapInto(CASEFOLD, codePoint, out);
}

/** A lowercase character (str.islower() of it alone). */
export function isLowercase(codePoint: number): boolean {
  return inRanges(LOWERCASE_RANGES, codePoint);
}

/** An uppercase character (str.isupper() of it alone). */
export function isUppercase(codePoint: number): boolean {
  return inRanges(UPPERCASE_RANGES, codePoint);
}

/** A titlecase character (category Lt). */
export function isTitlecase(codePoint: number): boolean {
  return inRanges(TITLECASE_RANGES, codePoint);
}

/** A cased character (Unicode's Cased property). */
export function isCased(codePoint: number): boolean {
  return inRanges(CASED_RANGES, codePoint);
}

/** A case-ignorable character (Unicode's Case_Ignorable property). */
export function isCaseIgnorable(codePoint: number): boolean {
  return inRanges(CASE_IGNORABLE_RANGES, codePoint);
}

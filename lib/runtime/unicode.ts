/**
 * CPython 3.11's character classes (printable, space, decimal, digit,
 * numeric, alpha, alnum, identifier characters; the case flags are in
 * case.ts) over code points, from tables generated out of CPython itself
 * (unicode_generated.ts, Unicode 14.0.0). Never the JS engine's Unicode
 * data: engines ship other Unicode versions, and answers must not depend
 * on the machine.
 */

import {
  ISALNUM_RANGES,
  ISALPHA_RANGES,
  ISDECIMAL_RANGES,
  ISDIGIT_RANGES,
  ISIDENTIFIER_CONTINUE_RANGES,
  ISIDENTIFIER_START_RANGES,
  ISNUMERIC_RANGES,
  ISPRINTABLE_RANGES,
  ISSPACE_RANGES,
} from "./unicode_generated.ts";

/** The first code point of the [first, last] pair of `ranges` holding `codePoint`, or null (binary search). */
function rangeStart(ranges: readonly number[], codePoint: number): number | null {
  let low = 0;
  let high = ranges.length / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (codePoint < (ranges[2 * middle] ?? 0)) high = middle - 1;
    else if (codePoint > (ranges[2 * middle + 1] ?? 0)) low = middle + 1;
    else return ranges[2 * middle] ?? 0;
  }
  return null;
}

/** Whether `codePoint` lies in one of the [first, last] pairs of `ranges`. */
export function inRanges(ranges: readonly number[], codePoint: number): boolean {
  return rangeStart(ranges, codePoint) !== null;
}

/**
 * The value of a decimal digit (str.isdecimal: any script's 0-9), or null.
 * Unicode encodes each script's decimal digits as one run from 0 to 9, so
 * the value is the distance from the run's start, modulo 10.
 */
export function decimalValue(codePoint: number): number | null {
  const start = rangeStart(ISDECIMAL_RANGES, codePoint);
  return start === null ? null : (codePoint - start) % 10;
}

/** str.isprintable() of one character (repr escapes the others). */
export function isPrintable(codePoint: number): boolean {
  return inRanges(ISPRINTABLE_RANGES, codePoint);
}

/** str.isspace() of one character (strip and split without arguments). */
export function isSpace(codePoint: number): boolean {
  return inRanges(ISSPACE_RANGES, codePoint);
}

/** str.isdigit() of one character. */
export function isDigit(codePoint: number): boolean {
  return inRanges(ISDIGIT_RANGES, codePoint);
}

/** str.isalpha() of one character. */
export function isAlpha(codePoint: number): boolean {
  return inRanges(ISALPHA_RANGES, codePoint);
}

/** str.isalnum() of one character. */
export function isAlnum(codePoint: number): boolean {
  return inRanges(ISALNUM_RANGES, codePoint);
}

/** str.isnumeric() of one character. */
export function isNumeric(codePoint: number): boolean {
  return inRanges(ISNUMERIC_RANGES, codePoint);
}

/** str.isdecimal() of one character. */
export function isDecimal(codePoint: number): boolean {
  return inRanges(ISDECIMAL_RANGES, codePoint);
}

/** A character str.isidentifier() accepts first (XID_Start, or "_"). */
export function isIdentifierStart(codePoint: number): boolean {
  return inRanges(ISIDENTIFIER_START_RANGES, codePoint);
}

/** A character str.isidentifier() accepts after the first (XID_Continue). */
export function isIdentifierContinue(codePoint: number): boolean {
  return inRanges(ISIDENTIFIER_CONTINUE_RANGES, codePoint);
}

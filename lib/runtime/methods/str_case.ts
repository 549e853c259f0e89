/**
 * The case methods of str with CPython 3.11's rules over its Unicode 14
 * tables (case.ts): upper, lower, casefold, title, capitalize and swapcase
 * map each code point fully (one may become up to three), lower-casing
 * U+03A3 as final sigma where CPython does (islower, isupper and istitle
 * read the same case flags, in text_classes.ts). Each works on the code
 * points of the str; the callers pay for the scan first and cap the
 * result.
 */

import {
  asciiLowercase,
  asciiUppercase,
  codePoints,
  isAsciiText,
  strFromCodePoints,
} from "../../text_units.ts";
import {
  casefoldInto,
  isCased,
  isCaseIgnorable,
  isLowercase,
  isUppercase,
  lowerInto,
  titleInto,
  upperInto,
} from "../case.ts";

const CAPITAL_SIGMA = 0x3a3;

/**
 * Whether the U+03A3 at `at` is a final sigma: a cased character comes
 * before it and none after it, case-ignorable characters between not
 * counting.
 */
function isFinalSigma(sequence: readonly number[], at: number): boolean {
  let before = at - 1;
  while (before >= 0 && isCaseIgnorable(sequence[before] ?? 0)) before--;
  if (before < 0 || !isCased(sequence[before] ?? 0)) return false;
  let after = at + 1;
  while (after < sequence.length && isCaseIgnorable(sequence[after] ?? 0)) after++;
  return after === sequence.length || !isCased(sequence[after] ?? 0);
}

/** Appends the lowercase of the code point at `at`, in its context (final sigma). */
function lowerAt(sequence: readonly number[], at: number, out: number[]): void {
  const codePoint = sequence[at] ?? 0;
  if (codePoint === CAPITAL_SIGMA) out.push(isFinalSigma(sequence, at) ? 0x3c2 : 0x3c3);
  else lowerInto(codePoint, out);
}

/** Rebuilds a str from each code point's mapping. */
function mapped(
  text: string,
  map: (sequence: readonly number[], at: number, out: number[]) => void,
): string {
  const sequence = codePoints(text);
  const out: number[] = [];
  for (let at = 0; at < sequence.length; at++) map(sequence, at, out);
  return strFromCodePoints(out);
}

/**
 * str.upper(). In an ASCII str the ASCII letters are the only characters
 * with a case, so it is mapped unit by unit without the code point tables.
 */
export function strUpper(text: string): string {
  if (isAsciiText(text)) return asciiUppercase(text);
  return mapped(text, (sequence, at, out) => upperInto(sequence[at] ?? 0, out));
}

/** str.lower(); an ASCII str is mapped unit by unit, as strUpper says. */
export function strLower(text: string): string {
  if (isAsciiText(text)) return asciiLowercase(text);
  return mapped(text, lowerAt);
}

/** str.casefold(). */
export function strCasefold(text: string): string {
  return mapped(text, (sequence, at, out) => casefoldInto(sequence[at] ?? 0, out));
}

/** str.title(): titlecase after an uncased character, lowercase after a cased one. */
export function strTitle(text: string): string {
  return mapped(text, (sequence, at, out) => {
    if (at > 0 && isCased(sequence[at - 1] ?? 0)) lowerAt(sequence, at, out);
    else titleInto(sequence[at] ?? 0, out);
  });
}

/** str.capitalize(): the first character titlecased, the rest lowercased. */
export function strCapitalize(text: string): string {
  return mapped(text, (sequence, at, out) => {
    if (at === 0) titleInto(sequence[at] ?? 0, out);
    else lowerAt(sequence, at, out);
  });
}

/** str.swapcase(): uppercase characters lowercased, lowercase ones uppercased. */
export function strSwapcase(text: string): string {
  return mapped(text, (sequence, at, out) => {
    const codePoint = sequence[at] ?? 0;
    if (isUppercase(codePoint)) lowerAt(sequence, at, out);
    else if (isLowercase(codePoint)) upperInto(codePoint, out);
    else out.push(codePoint);
  });
}

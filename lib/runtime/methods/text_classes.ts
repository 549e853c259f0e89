/**
 * The character-class tests of str and bytes (isalnum, isalpha, isdigit,
 * isspace, isascii, islower, isupper, istitle; str also isdecimal,
 * isnumeric, isprintable, isidentifier) and the ASCII case maps of bytes
 * (capitalize, title, swapcase). A str is classed by CPython 3.11's tables
 * (unicode.ts; the case flags from case.ts, which the str case maps use
 * too), bytes by ASCII alone, as CPython does. Each pays the
 * receiver's length before its scan.
 */

import {
  isAlnum,
  isAlpha,
  isDecimal,
  isDigit,
  isIdentifierContinue,
  isIdentifierStart,
  isNumeric,
  isPrintable,
} from "../unicode.ts";
import { isLowercase, isTitlecase, isUppercase } from "../case.ts";
import type { Charge } from "../meter.ts";
import type { Method } from "./common.ts";
import { codes, isWhitespace, rebuild, type Text, textUnits } from "./text.ts";

type Test = (code: number) => boolean;

const asciiLower: Test = (code) => code >= 0x61 && code <= 0x7a;
const asciiUpper: Test = (code) => code >= 0x41 && code <= 0x5a;
const asciiDigit: Test = (code) => code >= 0x30 && code <= 0x39;
const asciiAlpha: Test = (code) => asciiLower(code) || asciiUpper(code);

/** The case flags a receiver's characters are classed by. */
interface CaseClasses {
  readonly lower: Test;
  readonly upper: Test;
  readonly title: Test;
}

const STR_CASES: CaseClasses = { lower: isLowercase, upper: isUppercase, title: isTitlecase };
const BYTES_CASES: CaseClasses = { lower: asciiLower, upper: asciiUpper, title: () => false };

function casesOf(self: Text): CaseClasses {
  return typeof self === "string" ? STR_CASES : BYTES_CASES;
}

/** Whether the receiver is non-empty and every code passes `test` (after paying its scan). */
function every(meter: Charge, self: Text, test: Test): boolean {
  meter.units(textUnits(self));
  const sequence = codes(self);
  return sequence.length > 0 && sequence.every(test);
}

/** islower/isupper: no code of the other cases, and at least one of this case. */
function isCase(meter: Charge, self: Text, upper: boolean): boolean {
  meter.units(textUnits(self));
  const cases = casesOf(self);
  const wanted = upper ? cases.upper : cases.lower;
  const other = upper ? cases.lower : cases.upper;
  let cased = false;
  for (const code of codes(self)) {
    if (other(code) || cases.title(code)) return false;
    if (wanted(code)) cased = true;
  }
  return cased;
}

/** istitle: each run of cased characters starts upper or title case and continues lower case. */
function isTitle(meter: Charge, self: Text): boolean {
  meter.units(textUnits(self));
  const cases = casesOf(self);
  let cased = false;
  let previousCased = false;
  for (const code of codes(self)) {
    if (cases.upper(code) || cases.title(code)) {
      if (previousCased) return false;
      previousCased = cased = true;
    } else if (cases.lower(code)) {
      if (!previousCased) return false;
      previousCased = cased = true;
    } else previousCased = false;
  }
  return cased;
}

/** Every code below 0x80 (true for an empty receiver). */
function isAscii(meter: Charge, self: Text): boolean {
  meter.units(textUnits(self));
  return codes(self).every((code) => code < 0x80);
}

/** The class tests both text types have. */
export const CLASS_METHODS = {
  isalnum: (m, self) =>
    every(m, self, typeof self === "string" ? isAlnum : (c) => asciiAlpha(c) || asciiDigit(c)),
  isalpha: (m, self) => every(m, self, typeof self === "string" ? isAlpha : asciiAlpha),
  isdigit: (m, self) => every(m, self, typeof self === "string" ? isDigit : asciiDigit),
  isspace: (m, self) => every(m, self, (code) => isWhitespace(self, code)),
  isascii: (m, self) => isAscii(m, self),
  islower: (m, self) => isCase(m, self, false),
  isupper: (m, self) => isCase(m, self, true),
  istitle: (m, self) => isTitle(m, self),
} as const satisfies Readonly<Record<string, Method<Text>>>;

/** The class tests of str alone. */
export const STR_CLASS_METHODS = {
  isdecimal: (m, self) => every(m, self, isDecimal),
  isnumeric: (m, self) => every(m, self, isNumeric),
  // An empty str is printable.
  isprintable: (m, self) => (m.units(textUnits(self)), codes(self).every(isPrintable)),
  isidentifier: (m, self) => {
    m.units(textUnits(self));
    const [first, ...rest] = codes(self);
    return first !== undefined && isIdentifierStart(first) && rest.every(isIdentifierContinue);
  },
} as const satisfies Readonly<Record<string, Method<string>>>;

const toUpper = (code: number) => asciiLower(code) ? code - 32 : code;
const toLower = (code: number) => asciiUpper(code) ? code + 32 : code;

/** bytes.title: a letter after a letter is lowered, any other letter raised (ASCII). */
function titleCodes(sequence: readonly number[]): number[] {
  let previousCased = false;
  return sequence.map((code) => {
    const cased = asciiAlpha(code);
    const out = cased ? (previousCased ? toLower(code) : toUpper(code)) : code;
    previousCased = cased;
    return out;
  });
}

/** The ASCII case maps of bytes (those of str follow CPython's Unicode case tables). */
export const BYTES_CASE_METHODS = {
  capitalize: (m, self) => {
    m.units(textUnits(self));
    return rebuild(self, codes(self).map((code, i) => i === 0 ? toUpper(code) : toLower(code)));
  },
  title: (m, self) => (m.units(textUnits(self)), rebuild(self, titleCodes(codes(self)))),
  swapcase: (m, self) => {
    m.units(textUnits(self));
    return rebuild(
      self,
      codes(self).map((code) => asciiLower(code) ? code - 32 : asciiUpper(code) ? code + 32 : code),
    );
  },
} as const satisfies Readonly<Record<string, Method<Uint8Array>>>;

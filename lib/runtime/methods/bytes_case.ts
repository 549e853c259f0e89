/**
 * The case methods of bytes, as CPython's: ASCII letters only, every other
 * byte uncased (capitalize, swapcase, title, islower, isupper, istitle;
 * upper and lower are shared with str in text.ts). Each pays one unit per
 * byte before its scan.
 */

import type { Charge } from "../meter.ts";
import type { Method } from "./common.ts";

function isAsciiLower(byte: number): boolean {
  return byte >= 0x61 && byte <= 0x7a;
}

function isAsciiUpper(byte: number): boolean {
  return byte >= 0x41 && byte <= 0x5a;
}

function toLower(byte: number): number {
  return isAsciiUpper(byte) ? byte + 32 : byte;
}

function toUpper(byte: number): number {
  return isAsciiLower(byte) ? byte - 32 : byte;
}

/** Maps each byte knowing whether the byte before it is a letter. */
function mapBytes(
  meter: Charge,
  self: Uint8Array,
  map: (byte: number, at: number, previousCased: boolean) => number,
): Uint8Array {
  meter.units(self.length);
  const out = new Uint8Array(self.length);
  let previousCased = false;
  for (let at = 0; at < self.length; at++) {
    const byte = self[at] ?? 0;
    out[at] = map(byte, at, previousCased);
    previousCased = isAsciiLower(byte) || isAsciiUpper(byte);
  }
  return out;
}

/** istitle: some letter, uppercase ones only after a non-letter, lowercase ones only after a letter. */
function isTitle(meter: Charge, self: Uint8Array): boolean {
  meter.units(self.length);
  let cased = false;
  let previousCased = false;
  for (const byte of self) {
    if (isAsciiUpper(byte)) {
      if (previousCased) return false;
      previousCased = cased = true;
    } else if (isAsciiLower(byte)) {
      if (!previousCased) return false;
      previousCased = cased = true;
    } else previousCased = false;
  }
  return cased;
}

/** islower / isupper: some letter of the `wanted` case and none of the other. */
function isAllCase(meter: Charge, self: Uint8Array, upper: boolean): boolean {
  meter.units(self.length);
  let cased = false;
  for (const byte of self) {
    if (upper ? isAsciiLower(byte) : isAsciiUpper(byte)) return false;
    if (upper ? isAsciiUpper(byte) : isAsciiLower(byte)) cased = true;
  }
  return cased;
}

/** The case methods of bytes other than upper and lower, by name. */
export const BYTES_CASE_METHODS = {
  capitalize: (m, self) =>
    mapBytes(m, self, (byte, at) => at === 0 ? toUpper(byte) : toLower(byte)),
  swapcase: (m, self) =>
    mapBytes(m, self, (byte) => isAsciiUpper(byte) ? toLower(byte) : toUpper(byte)),
  title: (m, self) =>
    mapBytes(m, self, (byte, _at, previousCased) => previousCased ? toLower(byte) : toUpper(byte)),
  islower: (m, self) => isAllCase(m, self, false),
  isupper: (m, self) => isAllCase(m, self, true),
  istitle: (m, self) => isTitle(m, self),
} as const satisfies Readonly<Record<string, Method<Uint8Array>>>;

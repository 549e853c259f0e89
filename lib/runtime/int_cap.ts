/**
 * The int_bits cap, checked in one place: every path that makes an int
 * (operators, int() and int.from_bytes, storage, balances) ends here, so
 * |x| < 2^int_bits holds for every int a contract can hold. Size
 * pre-checks that refuse work before it is done also report through here.
 */

import { CAPS } from "../compile/opcodes.ts";
import { limitExceeded } from "./failure.ts";
import { bitLength } from "./int_arith.ts";
import { canonicalInt } from "./values.ts";

/** Fails with LimitExceeded (int_bits) when an int of `bits` bits is above the cap. */
export function checkIntBits(bits: number, what: string): void {
  if (bits > CAPS.int_bits) limitExceeded("int_bits", `${what} is too large`);
}

/** `value` in its canonical form, or LimitExceeded (int_bits) when it is above the cap. */
export function cappedInt(value: bigint, what: string): number | bigint {
  checkIntBits(bitLength(value), what);
  return canonicalInt(value);
}

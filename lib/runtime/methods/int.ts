/**
 * The methods of int (bool receivers arrive as 0 and 1): bit_length and
 * to_bytes.
 */

import type { MethodNames } from "../../compile/opcodes.ts";
import { CAPS } from "../../compile/opcodes.ts";
import { intToBytes, smallIntFits, smallIntToBytes } from "../int_bytes.ts";
import { ssizeArgument } from "../indices.ts";
import { limitExceeded, vmError } from "../failure.ts";
import { bitsOf } from "../ops.ts";
import { truthy, typeName, type Value } from "../values.ts";
import { indexArg, type Method } from "./common.ts";

/** `byteorder` of to_bytes/from_bytes: true for little-endian. */
export function littleEndian(order: Value | undefined): boolean {
  const byteorder = order === undefined ? "big" : order;
  if (typeof byteorder !== "string") {
    vmError("TypeError", `argument 'byteorder' must be str, not ${typeName(byteorder)}`);
  }
  if (byteorder !== "big" && byteorder !== "little") {
    vmError("ValueError", "byteorder must be either 'little' or 'big'");
  }
  return byteorder === "little";
}

function toBytes(self: number | bigint, length: number, signed: boolean, little: boolean) {
  if (typeof self === "number") {
    // A safe int at any length, without BigInt (the common storage-sized case). CPython 3.11
    // writes -1 signed in no bytes at all, as 0: the sign needs none (smallIntFits).
    if (self < 0 && !signed) vmError("OverflowError", "can't convert negative int to unsigned");
    if (!smallIntFits(self, length, signed)) vmError("OverflowError", "int too big to convert");
    return smallIntToBytes(self, length, little);
  }
  // A bigint is beyond the safe range: never -1 or 0, which fit no bytes.
  const value = self;
  if (value < 0n && !signed) vmError("OverflowError", "can't convert negative int to unsigned");
  const bits = BigInt(length) * 8n;
  const fits = signed
    ? value >= -(1n << (bits - 1n > 0n ? bits - 1n : 0n)) &&
      value < (bits === 0n ? 1n : 1n << (bits - 1n)) && !(bits === 0n && value !== 0n)
    : value < (1n << bits);
  if (!fits) vmError("OverflowError", "int too big to convert");
  const out = intToBytes(value, length);
  return little ? out.reverse() : out;
}

/** The methods of int. */
export const INT_METHODS: { readonly [K in MethodNames["int"]]: Method<number | bigint> } = {
  bit_length: (m, self) => {
    const bits = bitsOf(self);
    m.units(Math.max(1, Math.ceil(bits / 64)));
    return bits;
  },
  to_bytes: (m, self, args) => {
    const given = args[0];
    // A safe int is a C ssize_t already: only other lengths take the BigInt checks.
    const length = given === undefined
      ? 1
      : typeof given === "number"
      ? given
      : Number(ssizeArgument(indexArg(given)));
    const little = littleEndian(args[1]);
    if (length < 0) vmError("ValueError", "length argument must be non-negative");
    if (length > CAPS.bytes_length) limitExceeded("bytes_length", "to_bytes length is too large");
    m.units(length);
    return toBytes(self, length, truthy(args[2] ?? false), little);
  },
};

/**
 * Numeric builtins: abs, divmod, pow, hex. The arithmetic itself (and its
 * gas) belongs to ops.ts; these add the builtin's own base cost.
 */

import { vmError } from "../failure.ts";
import { bitsOf, divmod, modularPow, neg, pow } from "../ops.ts";
import { asBigInt, typeName } from "../values.ts";
import { type Builtin, intArg } from "./common.ts";

/** abs, divmod, pow and hex. */
export const NUMBER_BUILTINS = {
  abs: (m, args) => {
    const value = args[0] ?? null;
    const big = asBigInt(value);
    if (big === null) {
      return vmError("TypeError", `bad operand type for abs(): '${typeName(value)}'`);
    }
    return big < 0n ? neg(m, value) : typeof value === "boolean" ? (value ? 1 : 0) : value;
  },
  divmod: (m, args) => divmod(m, args[0] ?? null, args[1] ?? null),
  pow: (m, args) =>
    args[2] === undefined || args[2] === null
      ? pow(m, args[0] ?? null, args[1] ?? null)
      : modularPow(m, args[0] ?? null, args[1] ?? null, args[2]),
  hex: (m, args) => {
    const value = intArg(args[0]);
    m.units(Math.max(1, Math.ceil(bitsOf(value) / 64)));
    return value < 0n ? `-0x${(-value).toString(16)}` : `0x${value.toString(16)}`;
  },
} as const satisfies Readonly<Record<string, Builtin>>;

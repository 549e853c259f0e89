/**
 * Argument coercions shared by the stdlib families (a bytes argument, an
 * int argument), each failing with CPython's TypeError wording.
 */

import { vmError } from "../failure.ts";
import { typeName, type Value } from "../values.ts";

/** The argument as bytes, or TypeError naming `what`. */
export function bytesArg(value: Value | undefined, what: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  return vmError("TypeError", `${what} must be bytes, not ${typeName(value ?? null)}`);
}

/** The argument as an int (bool counts as int), or TypeError naming `what`. */
export function intArg(value: Value | undefined, what: string): bigint {
  return BigInt(intValueArg(value, what));
}

/** The argument as an int in its canonical form (a safe int stays a number), or TypeError naming `what`. */
export function intValueArg(value: Value | undefined, what: string): number | bigint {
  if (typeof value === "number" || typeof value === "bigint") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  return vmError("TypeError", `${what} must be an int, not ${typeName(value ?? null)}`);
}

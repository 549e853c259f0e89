/**
 * Raising call failures from runtime code: each helper throws a
 * CallFailure; the interpreter's single exit adds the traceback.
 */

import { CallFailure } from "../errors.ts";

/** Raises the Python exception `type` (e.g. ZeroDivisionError). */
export function vmError(type: string, message: string): never {
  throw new CallFailure("error", type, message);
}

/** Reverts the call with reason bytes. */
export function revert(reason: Uint8Array, message = "reverted"): never {
  throw new CallFailure("revert", "Revert", message, reason);
}

/** Fails the call for exceeding `cap`. */
export function limitExceeded(cap: string, message: string): never {
  throw new CallFailure("limit", "LimitExceeded", `${message} (cap ${cap})`);
}

/** Fails the call for lack of gas. */
export function outOfGas(needed: number, left: number): never {
  throw new CallFailure("out-of-gas", "OutOfGas", `out of gas: ${needed} needed, ${left} left`);
}

/**
 * Python exceptions inside a call (spec/LANGUAGE.md §3): which failures a
 * contract can catch (a VmError whose type is a class of the EXCEPTIONS
 * table; never Revert, OutOfGas, LimitExceeded or a host failure), the
 * exception object a caught failure becomes, matching against `except`
 * classes, and raising an object. The interpreter owns the unwinding.
 */

import { CallFailure } from "../errors.ts";
import { EXCEPTIONS } from "../compile/opcodes.ts";
import { vmError } from "./failure.ts";
import type { Meter } from "./ops.ts";
import { repr, strText } from "./repr.ts";
import { PyException, PyTuple, typeName, type Value } from "./values.ts";

/** Exception class ids by name. */
const CLASS_IDS: ReadonlyMap<string, number> = new Map(
  EXCEPTIONS.map((entry) => [entry.name, entry.id]),
);

/** Each class's id and its ancestors' ids as one mask (bit i = class i). */
const LINEAGE: readonly number[] = EXCEPTIONS.map((entry) => {
  let mask = 0;
  for (let id: number | null = entry.id; id !== null; id = EXCEPTIONS[id]?.parent ?? null) {
    mask |= 2 ** id;
  }
  return mask;
});

/** A raised exception object: the failure that carries it while it unwinds. */
export class PyRaised extends CallFailure {
  /** The object raised. */
  readonly exception: PyException;
  /** A re-raise keeps the traceback the object was first raised with. */
  readonly again: boolean;

  /**
   * Whether `message` is still to be written (a raise statement's object):
   * its str() is paid and written only when it leaves the call uncaught.
   */
  unwritten: boolean;

  /** Raises `exception`, with `message` (its str()) or null to write it if it leaves the call. */
  constructor(exception: PyException, message: string | null, again: boolean) {
    super("error", exception.typeName, message ?? "");
    this.exception = exception;
    this.again = again;
    this.unwritten = message === null;
  }
}

/**
 * The exception object a failure becomes when a handler may catch it, or
 * null for a failure no contract can catch. A failure the VM raised gets
 * args (message,), as CPython's builtins give (a KeyError carries its key:
 * {@link keyError}).
 */
export function caughtException(error: unknown): PyException | null {
  if (!(error instanceof CallFailure) || error.kind !== "error") return null;
  if (error instanceof PyRaised) return error.exception;
  const cls = CLASS_IDS.get(error.type);
  if (cls === undefined) return null;
  return new PyException(cls, new PyTuple([error.message]));
}

/** Raises KeyError(key), as a dict lookup does: message repr(key), args (key,). */
export function keyError(meter: Meter, key: Value): never {
  const exception = new PyException(CLASS_IDS.get("KeyError") ?? 0, new PyTuple([key]));
  throw new PyRaised(exception, repr(meter, key), false);
}

/**
 * Raises a codec error (UnicodeEncodeError, UnicodeDecodeError) with
 * CPython's args (encoding, object, start, end, reason) and `message` as
 * its str().
 */
export function codecError(
  type: "UnicodeEncodeError" | "UnicodeDecodeError",
  message: string,
  args: readonly Value[],
): never {
  const exception = new PyException(CLASS_IDS.get(type) ?? 0, new PyTuple(args), message);
  throw new PyRaised(exception, message, false);
}

/** RAISE / RERAISE: raises `value`, which must be an exception object. */
export function raiseValue(value: Value, again: boolean): never {
  if (!(value instanceof PyException)) {
    return vmError("TypeError", "exceptions must derive from BaseException");
  }
  throw new PyRaised(value, null, again);
}

/** Writes the message of a raised object leaving the call (its str(), paid through `meter`). */
export function writeMessage(meter: Meter, raised: PyRaised): void {
  if (!raised.unwritten) return;
  raised.message = strText(meter, raised.exception);
  raised.unwritten = false;
}

/** EXC_MATCH: whether `value`'s class is in `mask` or derives from a class in it. */
export function exceptionMatches(value: Value, mask: number): boolean {
  if (!(value instanceof PyException)) return vmError("TypeError", "EXC_MATCH needs an exception");
  // Bitwise ops are 32-bit: the table holds at most 31 classes (tools/opcode_table.ts).
  return ((LINEAGE[value.cls] ?? 0) & mask) !== 0;
}

/** `value.args` (EXC_ARGS). */
export function exceptionArgs(value: Value): PyTuple {
  if (value instanceof PyException) return value.args;
  return vmError("AttributeError", `'${typeName(value)}' object has no attribute 'args'`);
}

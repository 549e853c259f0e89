/**
 * The one error hierarchy of animica-vm.
 *
 * Every failure the library reports is an instance of {@link AnimicaError},
 * told apart by `instanceof` and a stable `code`. Anything else escaping the
 * library is a bug; `mod.ts` wraps such a value in {@link InternalError}.
 * This file must not import from compile/ or runtime/: validate/ sits below
 * them and uses it too.
 */

import type { Diagnostic } from "./validate/diagnostic.ts";

/** Base class of every error the library raises on purpose. */
export abstract class AnimicaError extends Error {
  /** Stable machine-readable identifier of the failure family. */
  abstract readonly code: string;
}

/**
 * The contract source was rejected: it is not valid UTF-8, not Python 3.11
 * syntax, or breaks a rule of the animica subset.
 */
export class ValidationError extends AnimicaError {
  /** Stable identifier of this error family. */
  readonly code = "validation";
  /** Every problem found, sorted by position (at least one). */
  readonly diagnostics: readonly Diagnostic[];

  /** Builds the error from the diagnostics (sorted, at least one). */
  constructor(diagnostics: readonly Diagnostic[]) {
    const first = diagnostics[0];
    const summary = first === undefined
      ? "Source was rejected"
      : `${first.file}:${first.line}:${first.column}: ${first.rule}: ${first.message}`;
    super(summary);
    this.name = "ValidationError";
    this.diagnostics = diagnostics;
  }
}

/** A bug in animica-vm itself: an unexpected JS exception, wrapped. */
export class InternalError extends AnimicaError {
  /** Stable identifier of this error family. */
  readonly code = "internal";

  /** Wraps an unexpected failure; pass the original as `options.cause`. */
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "InternalError";
  }
}

/**
 * Runs `operation`, letting AnimicaError through and wrapping anything else
 * (a bug) in InternalError, so callers only ever see the hierarchy above.
 */
export function guarded<T>(operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    if (error instanceof AnimicaError) throw error;
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new InternalError(`Internal error in animica-vm: ${detail}`, { cause: error });
  }
}

/** An ABI type string that does not parse (`list<uint>`, `tuple(int`). */
export class AbiTypeError extends AnimicaError {
  /** Stable identifier of this error family. */
  readonly code = "abi-type";

  /** Builds the error from a message naming the type and position. */
  constructor(message: string) {
    super(message);
    this.name = "AbiTypeError";
  }
}

/**
 * A value (or JSON input) that does not fit its ABI type. `path` names the
 * offending part: `to`, `items[2][0]`, ...
 */
export class AbiEncodeError extends AnimicaError {
  /** Stable identifier of this error family. */
  readonly code = "abi-encode";
  /** Path of the offending part of the value (`to`, `items[2][0]`); "" for the whole value. */
  readonly path: string;

  /** Builds the error; the message is prefixed with the path. */
  constructor(path: string, message: string) {
    super(path === "" ? message : `${path}: ${message}`);
    this.name = "AbiEncodeError";
    this.path = path;
  }
}

/** ABI bytes that are not the canonical encoding of a value of the expected type. */
export class AbiDecodeError extends AnimicaError {
  /** Stable identifier of this error family. */
  readonly code = "abi-decode";
  /** Byte offset where decoding failed. */
  readonly offset: number;

  /** Builds the error; the message is suffixed with the offset. */
  constructor(offset: number, message: string) {
    super(`${message} at byte offset ${offset}`);
    this.name = "AbiDecodeError";
    this.offset = offset;
  }
}

/** One problem in a manifest, located by its JSON path. */
export interface ManifestProblem {
  /** JSON path such as `abi.functions[2].inputs[0].type` ("" for the root). */
  readonly path: string;
  /** What is wrong there, in sentence case. */
  readonly message: string;
}

/** A manifest that breaks the schema or the ABI rules. */
export class ManifestError extends AnimicaError {
  /** Stable identifier of this error family. */
  readonly code = "manifest";
  /** Every problem found, sorted by path. */
  readonly problems: readonly ManifestProblem[];

  /** Builds the error from its problems. */
  constructor(problems: readonly ManifestProblem[]) {
    super(problems.map((p) => (p.path === "" ? p.message : `${p.path}: ${p.message}`)).join("\n"));
    this.name = "ManifestError";
    this.problems = problems;
  }
}

/** IR bytes that are not a canonical, well-formed module encoding. */
export class IrDecodeError extends AnimicaError {
  /** Stable identifier of this error family. */
  readonly code = "ir-decode";

  /** Builds the error from a message naming the offending part. */
  constructor(message: string) {
    super(message);
    this.name = "IrDecodeError";
  }
}

/** A decoded module that breaks a verifier rule; names the function and instruction. */
export class IrVerifyError extends AnimicaError {
  /** Stable identifier of this error family. */
  readonly code = "ir-verify";

  /** Builds the error from a message naming the function and pc. */
  constructor(message: string) {
    super(message);
    this.name = "IrVerifyError";
  }
}

/** Why a contract call failed (DESIGN §3). */
export type FailureKind = "revert" | "out-of-gas" | "error" | "limit";

/** One frame of a failed call's traceback, innermost last. */
export interface TraceFrame {
  /** Contract function name (`<module>` for the initialiser). */
  readonly function: string;
  /** 1-based source line of the failing instruction. */
  readonly line: number;
  /** 1-based source column of the failing instruction. */
  readonly column: number;
}

/**
 * A failed contract call: a revert (abi.revert/require, carrying reason
 * bytes), running out of gas, a Python error (type as CPython names it) or
 * a cap. State changes and events of the call are discarded.
 */
export class CallFailure extends AnimicaError {
  /** Stable identifier of this error family. */
  readonly code = "call-failure";
  /** Which of the four failure kinds this is. */
  readonly kind: FailureKind;
  /** Python exception name for errors; `Revert`, `OutOfGas` or `LimitExceeded` otherwise. */
  readonly type: string;
  /** Revert reason bytes (empty for other kinds). */
  readonly reason: Uint8Array;
  /** Where the call failed, outermost frame first; filled by the interpreter. */
  traceback: readonly TraceFrame[] = [];

  /** Builds a failure; the interpreter attaches the traceback. */
  constructor(
    kind: FailureKind,
    type: string,
    message: string,
    reason: Uint8Array = new Uint8Array(),
  ) {
    super(message);
    this.name = "CallFailure";
    this.kind = kind;
    this.type = type;
    this.reason = reason;
  }
}

/** A state snapshot that is corrupt, foreign or from a newer version. */
export class StateError extends AnimicaError {
  /** Stable identifier of this error family. */
  readonly code = "state";

  /** Builds the error from a message naming the problem. */
  constructor(message: string) {
    super(message);
    this.name = "StateError";
  }
}

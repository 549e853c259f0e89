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

/**
 * Base class of every error the library raises on purpose.
 *
 * @example Tell the library's errors from anything else
 * ```ts
 * import { AnimicaError, compileContract } from "@animica/vm-py";
 *
 * try {
 *   compileContract("import os\n");
 * } catch (error) {
 *   if (!(error instanceof AnimicaError)) throw error; // anything else would be a bug
 *   console.log(error.name, error.message);
 * }
 * ```
 */
export abstract class AnimicaError extends Error {
  /** Stable machine-readable identifier of the failure family. */
  abstract readonly code: string;
}

/**
 * The contract source was rejected: it is not valid UTF-8, not Python 3.11
 * syntax, or breaks a rule of the animica subset.
 *
 * @example
 * ```ts
 * import { compileContract, ValidationError } from "@animica/vm-py";
 *
 * try {
 *   compileContract("def f(a, b):\n    return a / b\n");
 * } catch (error) {
 *   if (!(error instanceof ValidationError)) throw error;
 *   console.log(error.diagnostics.map((d) => d.rule)); // ["no-true-division"]
 * }
 * ```
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

/**
 * A bug in animica-vm itself: an unexpected JS exception, wrapped.
 *
 * @example Report a bug in the library
 * ```ts
 * import { compileContract, InternalError } from "@animica/vm-py";
 *
 * try {
 *   compileContract("def f() -> int:\n    return 1\n");
 * } catch (error) {
 *   if (error instanceof InternalError) console.error("please report:", error.message);
 *   else throw error;
 * }
 * ```
 */
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

/** `operation` with every call run through {@link guarded} (for public entry points). */
export function guardedFunction<A extends unknown[], R>(
  operation: (...args: A) => R,
): (...args: A) => R {
  return (...args: A) => guarded(() => operation(...args));
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
 *
 * @example
 * ```ts
 * import { AbiEncodeError, argsFromJson, parseManifest } from "@animica/vm-py";
 *
 * const [set] = parseManifest({
 *   name: "c",
 *   version: "1.0.0",
 *   entry: "c.py",
 *   abi: {
 *     functions: [{ name: "set", inputs: [{ name: "value", type: "int" }], outputs: [] }],
 *     events: [],
 *   },
 * }).functions;
 * try {
 *   if (set !== undefined) argsFromJson(set, ["five"]);
 * } catch (error) {
 *   if (!(error instanceof AbiEncodeError)) throw error;
 *   console.log(error.message); // names the parameter: value
 * }
 * ```
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

/**
 * ABI bytes that are not the canonical encoding of a value of the expected type.
 *
 * @example
 * ```ts
 * import { AbiDecodeError, decodeCall, parseManifest } from "@animica/vm-py";
 *
 * const manifest = parseManifest({
 *   name: "c",
 *   version: "1.0.0",
 *   entry: "c.py",
 *   abi: { functions: [{ name: "get", inputs: [], outputs: [{ type: "int" }] }], events: [] },
 * });
 * try {
 *   decodeCall(manifest, new Uint8Array([1, 2]));
 * } catch (error) {
 *   if (!(error instanceof AbiDecodeError)) throw error;
 * }
 * ```
 */
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

/**
 * A manifest that breaks the schema or the ABI rules.
 *
 * @example
 * ```ts
 * import { ManifestError, parseManifest } from "@animica/vm-py";
 *
 * try {
 *   parseManifest({ name: "c" });
 * } catch (error) {
 *   if (!(error instanceof ManifestError)) throw error;
 *   for (const problem of error.problems) console.log(problem.path, problem.message);
 * }
 * ```
 */
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

/**
 * IR bytes that are not a canonical, well-formed module encoding.
 *
 * @example
 * ```ts
 * import { IrDecodeError, loadModule } from "@animica/vm-py/ir";
 *
 * try {
 *   loadModule(new TextEncoder().encode("not IR"));
 * } catch (error) {
 *   if (!(error instanceof IrDecodeError)) throw error;
 * }
 * ```
 */
export class IrDecodeError extends AnimicaError {
  /** Stable identifier of this error family. */
  readonly code = "ir-decode";

  /** Builds the error from a message naming the offending part. */
  constructor(message: string) {
    super(message);
    this.name = "IrDecodeError";
  }
}

/**
 * A decoded module that breaks a verifier rule; names the function and instruction.
 *
 * @example
 * ```ts
 * import { IrDecodeError, IrVerifyError, loadModule } from "@animica/vm-py/ir";
 *
 * function tryLoad(bytes: Uint8Array): string {
 *   try {
 *     loadModule(bytes);
 *     return "ok";
 *   } catch (error) {
 *     if (error instanceof IrVerifyError) return `rejected by the verifier: ${error.message}`;
 *     if (error instanceof IrDecodeError) return `not an IR module: ${error.message}`;
 *     throw error;
 *   }
 * }
 * console.log(tryLoad(new Uint8Array([0])));
 * ```
 */
export class IrVerifyError extends AnimicaError {
  /** Stable identifier of this error family. */
  readonly code = "ir-verify";
  /**
   * Set when the module is refused only because code needs more operand
   * stack than caps.value_stack (a count operand or the stack depth): the
   * compiler reports this as a source diagnostic, not as its own bug.
   */
  readonly valueStack: boolean;

  /** Builds the error from a message naming the function and pc. */
  constructor(message: string, valueStack = false) {
    super(message);
    this.name = "IrVerifyError";
    this.valueStack = valueStack;
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
 *
 * @example A call that reverts
 * ```ts
 * import { CallFailure, MemoryState, parseManifest } from "@animica/vm-py";
 * import { compileContract } from "@animica/vm-py/ir";
 * import { executeCall } from "@animica/vm-py/runtime";
 *
 * const source = "from stdlib import abi\n\ndef f() -> None:\n    abi.revert(b'no')\n";
 * const manifest = parseManifest({
 *   name: "r",
 *   version: "1.0.0",
 *   entry: "r.py",
 *   abi: { functions: [{ name: "f", inputs: [], outputs: [] }], events: [] },
 * });
 * const result = executeCall({
 *   verified: compileContract(source).verified,
 *   manifest,
 *   function: "f",
 *   args: [],
 *   gasLimit: 100_000,
 *   context: {
 *     sender: new Uint8Array(33),
 *     value: 0n,
 *     address: new Uint8Array(33),
 *     blockHeight: 1n,
 *     blockTime: 0n,
 *     chainId: 1n,
 *     txHash: new Uint8Array(32),
 *     callIndex: 0,
 *   },
 *   state: new MemoryState(),
 * });
 * if (result.failure instanceof CallFailure) console.log(result.failure.kind); // "revert"
 * ```
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

/**
 * A state snapshot that is corrupt, foreign or from a newer version.
 *
 * @example
 * ```ts
 * import { StateError } from "@animica/vm-py";
 * import { stateFromJson } from "@animica/vm-py/runtime";
 *
 * try {
 *   stateFromJson('{"hello": 1}');
 * } catch (error) {
 *   if (!(error instanceof StateError)) throw error;
 *   console.log(error.message);
 * }
 * ```
 */
export class StateError extends AnimicaError {
  /** Stable identifier of this error family. */
  readonly code = "state";

  /** Builds the error from a message naming the problem. */
  constructor(message: string) {
    super(message);
    this.name = "StateError";
  }
}

/**
 * A misuse of the chain API (spec/CHAIN.md): an unknown contract address, a
 * value that is not an address, an invalid snapshot id, a nonce or block
 * field out of range. A contract call that fails is not one: it comes back
 * as a receipt with `ok: false`.
 *
 * @example
 * ```ts
 * import { Chain, ChainError } from "@animica/vm-py";
 *
 * const chain = new Chain();
 * try {
 *   chain.revert(42);
 * } catch (error) {
 *   if (!(error instanceof ChainError)) throw error;
 *   console.log(error.message); // no snapshot 42
 * }
 * ```
 */
export class ChainError extends AnimicaError {
  /** Stable identifier of this error family. */
  readonly code = "chain";

  /** Builds the error from a message naming the problem. */
  constructor(message: string) {
    super(message);
    this.name = "ChainError";
  }
}

/**
 * Transaction bytes (or a transaction built in code) that break the format
 * of spec/TX.md: not canonical CBOR, a missing, unknown or duplicate field,
 * a wrong type, size or range, or over the size cap. `field` names the
 * offending part (`nonce`, `body.to`, `auth[0].sig`; "" for the whole).
 *
 * @example
 * ```ts
 * import { TxError } from "@animica/vm-py";
 * import { decodeTx } from "@animica/vm-py/chain";
 *
 * try {
 *   decodeTx(new Uint8Array([0xa0]));
 * } catch (error) {
 *   if (!(error instanceof TxError)) throw error;
 *   console.log(error.field, error.message); // v v: missing field
 * }
 * ```
 */
export class TxError extends AnimicaError {
  /** Stable identifier of this error family. */
  readonly code = "tx-error";
  /** The offending field's path (`body.value`, `auth[0].pk`), or "" for the whole transaction. */
  readonly field: string;

  /** Builds the error; the message is prefixed with the field. */
  constructor(field: string, message: string) {
    super(field === "" ? message : `${field}: ${message}`);
    this.name = "TxError";
    this.field = field;
  }
}

/**
 * Bytes that are not a canonical transaction receipt (spec/RECEIPTS.md), a
 * receipt or log of the wrong shape, or a log that does not decode by its
 * contract's manifest; the message names the field at fault.
 *
 * @example
 * ```ts
 * import { ReceiptError } from "@animica/vm-py";
 * import { decodeReceipt } from "@animica/vm-py/chain";
 *
 * try {
 *   decodeReceipt(new Uint8Array([0xff]));
 * } catch (error) {
 *   if (!(error instanceof ReceiptError)) throw error;
 *   console.log(error.message);
 * }
 * ```
 */
export class ReceiptError extends AnimicaError {
  /** Stable identifier of this error family. */
  readonly code = "receipt";

  /** Builds the error from a message naming the offending field. */
  constructor(message: string) {
    super(message);
    this.name = "ReceiptError";
  }
}

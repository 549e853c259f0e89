/**
 * mod.ts's view of the front end and the compiler: the same guarded
 * functions as lib/api.ts and lib/compile/api.ts, typed by what a contract
 * tool uses (diagnostics, IR bytes, code hash). The AST and the IR module
 * behind them are reached through the sub-exports `./validate` and `./ir`,
 * which return the full results; the objects are the same.
 */

import * as front from "./api.ts";
import * as compiler from "./compile/api.ts";
import type { CompileOptions } from "./compile/compile.ts";
import type { Diagnostic } from "./validate/diagnostic.ts";
import type { SourceText } from "./validate/source.ts";

/** Outcome of validating one contract source: ok, or the diagnostics that reject it. */
export interface ValidationReport {
  /** Whether the source is inside the subset (warnings alone keep it ok). */
  readonly ok: boolean;
  /** The decoded source, to format diagnostics against. */
  readonly source: SourceText;
  /** Every problem found, in source order. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Parses and validates contract source against the animica Python subset.
 * Never throws for bad input: problems come back as diagnostics.
 *
 * @example
 * ```ts
 * import { formatDiagnostic, validate } from "@animica/vm-py";
 * const report = validate("x = 1 / 2\n", "a.py");
 * for (const d of report.diagnostics) console.log(formatDiagnostic(d, report.source));
 * ```
 */
export const validate: (source: Uint8Array | string, file?: string) => ValidationReport =
  front.validate;

/** A compiled contract as a tool keeps it: canonical IR bytes and their code hash. */
export interface CompiledCode {
  /** Canonical IR bytes (CBOR); the same source always gives the same bytes. */
  readonly bytes: Uint8Array;
  /** sha3-256 of `bytes`: the code hash of the contract. */
  readonly codeHash: Uint8Array;
}

/**
 * Validates and compiles contract source; throws ValidationError when it
 * is rejected.
 *
 * @example
 * ```ts
 * import { compileContract } from "@animica/vm-py";
 * const compiled = compileContract("def get() -> int:\n    return 1\n", { file: "a.py" });
 * console.log(compiled.bytes.length > 0, compiled.codeHash.length); // true 32
 * ```
 */
export const compileContract: (
  source: Uint8Array | string,
  options?: CompileOptions,
) => CompiledCode = compiler.compileContract;

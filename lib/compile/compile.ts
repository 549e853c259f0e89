/**
 * Entry point of the compiler: validated source in, canonical IR bytes
 * out, with the code hash. The compiler runs the verifier on its own
 * output; a failure there is a compiler bug (InternalError). Decoding is
 * exercised separately (loadModule, and the round-trip tests).
 */

import { InternalError, ValidationError } from "../errors.ts";
import { validateSource } from "../validate/validate.ts";
import type { LoopInfo } from "./emitter.ts";
import type { IrModule } from "./ir.ts";
import { codeHash, decodeModule, encodeModule } from "./ir_codec.ts";
import { lowerModule } from "./lower_module.ts";
import { type VerifiedModule, verifyModule } from "./verify.ts";

/** A compiled contract. */
export interface CompiledContract {
  readonly module: IrModule;
  readonly bytes: Uint8Array;
  readonly codeHash: Uint8Array;
  readonly verified: VerifiedModule;
  /** Loops of each function with their static bounds (for the estimator). */
  readonly loops: readonly (readonly LoopInfo[])[];
}

/** Options of {@link compileContract}. */
export interface CompileOptions {
  /** File name used in diagnostics. */
  readonly file?: string;
  /** Names to export (the manifest's functions); default: every public function. */
  readonly exports?: readonly string[] | null;
}

/** Validates and compiles contract source; throws ValidationError when it is rejected. */
export function compileContract(
  source: Uint8Array | string,
  options: CompileOptions = {},
): CompiledContract {
  const result = validateSource(source, options.file ?? "<contract>");
  if (!result.ok) throw new ValidationError(result.diagnostics);
  const bytesIn = typeof source === "string" ? new TextEncoder().encode(source) : source;
  const lowered = lowerModule(result.source, result.module, bytesIn, options.exports ?? null);
  const bytes = encodeModule(lowered.module);
  let verified: VerifiedModule;
  try {
    verified = verifyModule(lowered.module);
  } catch (error) {
    throw new InternalError(
      `the compiler produced invalid IR: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return {
    module: lowered.module,
    bytes,
    codeHash: codeHash(bytes),
    verified,
    loops: lowered.loops,
  };
}

/** Decodes and verifies IR bytes, as every load must before executing them. */
export function loadModule(bytes: Uint8Array): VerifiedModule {
  return verifyModule(decodeModule(bytes));
}

/**
 * Entry point of the compiler: validated source in, canonical IR bytes
 * out, with the code hash. A module whose encoding is over the code_size
 * cap is refused like any rejected source (ValidationError, rule
 * `code-size`). The compiler runs the verifier on its own output; a failure
 * there is a compiler bug (InternalError). Decoding is
 * exercised separately (loadModule, and the round-trip tests). Loading
 * this file installs compileContract in ./compiler_slot.ts, through which
 * lib/chain compiles the source it deploys.
 */

import { InternalError, IrVerifyError, ValidationError } from "../errors.ts";
import { makeDiagnostic } from "../validate/diagnostic.ts";
import type { SourceLimits } from "../validate/limits.ts";
import { validateSource } from "../validate/validate.ts";
import type { LoopInfo } from "./emitter.ts";
import type { IrModule } from "./ir.ts";
import { installCompiler } from "./compiler_slot.ts";
import { codeHash, codeSizeViolation, encodeModule } from "./ir_codec.ts";
import { lowerModule } from "./lower_module.ts";
import { CAPS } from "./opcodes.ts";
import { type VerifiedModule, verifyModule } from "./verify.ts";

/** The caps the front end checks on source text, from the spec's caps table. */
export const SOURCE_LIMITS: SourceLimits = { intBits: CAPS.int_bits };

/** A compiled contract. */
export interface CompiledContract {
  /** The IR module, as the compiler built it. */
  readonly module: IrModule;
  /** Canonical IR bytes (CBOR); the same source always gives the same bytes. */
  readonly bytes: Uint8Array;
  /** sha3-256 of `bytes`: the code hash of the contract. */
  readonly codeHash: Uint8Array;
  /** The module after verification, with decoded instructions: what `executeCall` runs. */
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

/** Validates and compiles contract source; throws ValidationError when it is rejected. (the public, guarded form is in ./api.ts). */
export function compileContract(
  source: Uint8Array | string,
  options: CompileOptions = {},
): CompiledContract {
  const result = validateSource(source, options.file ?? "<contract>", SOURCE_LIMITS);
  if (!result.ok) throw new ValidationError(result.diagnostics);
  const bytesIn = typeof source === "string" ? new TextEncoder().encode(source) : source;
  const lowered = lowerModule(result.source, result.module, bytesIn, options.exports ?? null);
  const bytes = encodeModule(lowered.module);
  const oversized = codeSizeViolation(bytes.length);
  if (oversized !== null) {
    const whole = { start: 0, end: result.source.text.length };
    throw new ValidationError([makeDiagnostic(result.source, "code-size", whole, oversized)]);
  }
  let verified: VerifiedModule;
  try {
    verified = verifyModule(lowered.module);
  } catch (error) {
    if (error instanceof IrVerifyError && error.valueStack) {
      const whole = { start: 0, end: result.source.text.length };
      const message = `code needs more than ${CAPS.value_stack} operand stack slots ` +
        `(caps.value_stack; too many call arguments, unpack targets or nested operands): ` +
        error.message;
      throw new ValidationError([makeDiagnostic(result.source, "too-deep", whole, message)]);
    }
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

// lib/chain compiles source through the slot (./compiler_slot.ts): loading this file fills it.
installCompiler(compileContract);

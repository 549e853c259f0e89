/**
 * Contract code with its compilation attached: a tool that already holds
 * the verified IR of a ContractCode (the CLI's IR cache, spec/RUNTIME.md
 * §8) attaches it with `withCompiled`, and prepareCode (./code.ts) then
 * uses it instead of compiling the source again. Kept off ContractCode, as
 * the tool hooks are kept off TxOptions (./tool_hooks.ts), so that the
 * public chain API (mod.ts) has no compiler types in it.
 */

import type { VerifiedModule } from "../compile/verify.ts";
import type { ContractCode } from "./code.ts";

/** The compilation of a contract's source: what prepareCode would otherwise compute. */
export interface Compilation {
  /** Canonical IR bytes. */
  readonly bytes: Uint8Array;
  /** Code hash of `bytes`. */
  readonly codeHash: Uint8Array;
  /** `bytes` decoded and verified. */
  readonly verified: VerifiedModule;
}

/** The compilation attached to each code object made by {@link withCompiled}. */
const COMPILED = new WeakMap<ContractCode, Compilation>();

/**
 * A copy of `code` that carries `compiled`, its source compiled with the
 * manifest's functions as exports: the caller vouches that it is what
 * compiling the source gives (it is the code the chain then stores).
 */
export function withCompiled(code: ContractCode, compiled: Compilation): ContractCode {
  const carried: ContractCode = { manifest: code.manifest, source: code.source };
  COMPILED.set(carried, compiled);
  return carried;
}

/** The compilation attached to `code`, or undefined for code not made by {@link withCompiled}. */
export function compiledFor(code: ContractCode): Compilation | undefined {
  return COMPILED.get(code);
}

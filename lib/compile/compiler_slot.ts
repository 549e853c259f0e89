/**
 * The compiler as lib/chain reaches it. The chain compiles contract source
 * when it deploys code that has no compilation attached (../chain/precompiled.ts),
 * and it takes the compiler from this slot rather than importing it, so that
 * a program that only runs stored or cached IR (the CLI's `run` on an
 * IR-cache hit) never loads the validator and the compiler. ./compile.ts
 * installs its compileContract here when it is loaded. Every entry point
 * that can deploy source loads it (tests/compiler_loading_test.ts checks this);
 * the CLI loads it for every command but `run`, which loads it whenever the
 * IR cache does not serve the contract. Compiling with the slot empty is an
 * InternalError, never a result, so which modules a program loaded cannot
 * change what a deployment or a call does.
 */

import { InternalError } from "../errors.ts";
import type { CompiledContract, CompileOptions } from "./compile.ts";

/** What compiles contract source: ./compile.ts compileContract. */
export type SourceCompiler = (
  source: Uint8Array | string,
  options: CompileOptions,
) => CompiledContract;

let installed: SourceCompiler | null = null;

/** Installs the compiler (./compile.ts does it when it is loaded). */
export function installCompiler(compiler: SourceCompiler): void {
  installed = compiler;
}

/**
 * Throws the InternalError of an empty slot: for a caller that turns the
 * errors of a deployment into a result, before its try.
 */
export function requireCompiler(): void {
  if (installed === null) {
    throw new InternalError(
      "the compiler is not loaded: import lib/compile/compile.ts before deploying contract source",
    );
  }
}

/** The installed compiler; an InternalError when nothing loaded ./compile.ts. */
export function sourceCompiler(): SourceCompiler {
  requireCompiler();
  return installed as SourceCompiler;
}

/**
 * The public functions of the compiler, as mod.ts and ir.ts export them:
 * each wrapped so that an unexpected JS exception surfaces as
 * InternalError, never raw; library errors pass through unchanged. Keep
 * logic in the modules they wrap.
 */

import { guardedFunction } from "../errors.ts";
import type { Manifest } from "../abi/manifest.ts";
import type { Module } from "../validate/ast.ts";
import type { SourceText } from "../validate/source.ts";
import * as abiFromSource from "./abi_from_source.ts";
import * as compile from "./compile.ts";
import * as estimate from "./estimate.ts";
import * as load from "./load_module.ts";
import * as manifestCheck from "./manifest_check.ts";
import type { VerifiedModule } from "./verify.ts";

/**
 * Validates and compiles contract source; throws ValidationError when it is rejected.
 *
 * @example Compile a contract
 * ```ts
 * import { compileContract } from "@animica/vm-py/ir";
 *
 * const compiled = compileContract("def double(x: int) -> int:\n    return x * 2\n", {
 *   file: "double.py",
 * });
 * console.log(compiled.module.exports.map((e) => e.name), compiled.bytes.length);
 * ```
 */
export const compileContract: (
  source: Uint8Array | string,
  options?: compile.CompileOptions,
) => compile.CompiledContract = guardedFunction(compile.compileContract);

/**
 * Decodes and verifies IR bytes, as every load must before executing them.
 *
 * @example Load IR bytes, refusing junk
 * ```ts
 * import { compileContract, IrDecodeError, loadModule } from "@animica/vm-py/ir";
 *
 * const { bytes } = compileContract("def f() -> int:\n    return 1\n");
 * const verified = loadModule(bytes); // ready for executeCall
 * console.log(verified.functions.length);
 * try {
 *   loadModule(new Uint8Array([1, 2, 3]));
 * } catch (error) {
 *   if (!(error instanceof IrDecodeError)) throw error;
 * }
 * ```
 */
export const loadModule: (bytes: Uint8Array) => VerifiedModule = guardedFunction(
  load.loadModule,
);

/**
 * Static gas bounds of every exported function, by name (spec/GAS.md §4).
 * Given the manifest, each argument is bounded by its declared ABI type.
 *
 * @example Gas bounds of each exported function
 * ```ts
 * import { compileContract, estimateGas } from "@animica/vm-py/ir";
 *
 * const compiled = compileContract("def f(x: int) -> int:\n    return x + 1\n");
 * for (const [name, estimate] of estimateGas(compiled)) console.log(name, estimate.kind);
 * ```
 */
export const estimateGas: (
  compiled: compile.CompiledContract,
  manifest?: Manifest | null,
) => Map<string, estimate.GasEstimate> = guardedFunction(estimate.estimateGas);

/**
 * Compares the manifest's functions with the module's defs.
 *
 * @example A manifest whose parameter names differ from the source
 * ```ts
 * import { parseManifest } from "@animica/vm-py";
 * import { checkManifestAgainstSource, parseContract } from "@animica/vm-py/validate";
 *
 * const manifest = parseManifest({
 *   name: "m",
 *   version: "1.0.0",
 *   entry: "m.py",
 *   abi: { functions: [{ name: "f", inputs: [{ name: "y", type: "int" }], outputs: [] }], events: [] },
 * });
 * const module = parseContract("def f(x: int) -> None:\n    pass\n");
 * console.log(checkManifestAgainstSource(manifest, module).errors.map((p) => p.message));
 * ```
 */
export const checkManifestAgainstSource: (
  manifest: Manifest,
  module: Module,
) => manifestCheck.ManifestCheck = guardedFunction(manifestCheck.checkManifestAgainstSource);

/**
 * Derives a manifest's ABI (functions, events) and caps from a validated
 * contract's annotations and literal `events.emit` calls; what cannot be
 * derived comes back as problems with line and column.
 *
 * @example
 * ```ts
 * import { deriveAbi, validate } from "@animica/vm-py/validate";
 *
 * const result = validate("def add(a: int, b: int) -> int:\n    return a + b\n");
 * if (result.ok) console.log(deriveAbi(result.module, result.source).abi.functions[0]?.inputs);
 * ```
 */
export const deriveAbi: (module: Module, source: SourceText) => abiFromSource.DerivedAbi =
  guardedFunction(abiFromSource.deriveAbi);

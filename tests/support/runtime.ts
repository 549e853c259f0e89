/** Helpers for runtime tests: a fixed call context and one-shot execution of `main()`. */

import { MemoryState } from "../../mod.ts";
import { compileContract, type CompiledContract } from "../../ir.ts";
import { type CallContext, type CallResult, executeCall, type StateReader } from "../../runtime.ts";
import type { StepHook } from "../../lib/runtime/interpreter.ts";

/** A deterministic call context for tests. */
export const TEST_CONTEXT: CallContext = {
  sender: Uint8Array.from([1, ...new Array(32).fill(0)]),
  value: 0n,
  address: Uint8Array.from([1, ...new Array(32).fill(0xaa)]),
  blockHeight: 1n,
  blockTime: 0n,
  chainId: 1n,
  txHash: new Uint8Array(32),
  callIndex: 0,
};

/** Options of {@link runSource} and {@link callCompiled}. */
export interface RunOptions {
  readonly fn?: string;
  readonly gasLimit?: number;
  readonly state?: StateReader;
  readonly onStep?: StepHook;
}

/** Compiles `source` and calls `fn` (default main) without a manifest. */
export function runSource(source: string, options: RunOptions = {}): CallResult {
  return callCompiled(compileContract(source), options);
}

/** Calls `fn` (default main) of a compiled contract, without a manifest, in the test context. */
export function callCompiled(compiled: CompiledContract, options: RunOptions = {}): CallResult {
  return executeCall({
    verified: compiled.verified,
    manifest: null,
    function: options.fn ?? "main",
    args: [],
    gasLimit: options.gasLimit ?? 10_000_000,
    context: TEST_CONTEXT,
    state: options.state ?? new MemoryState(),
    ...(options.onStep === undefined ? {} : { onStep: options.onStep }),
  });
}

const CORPUS = new URL("../conformance/runtime/", import.meta.url);

/** Every program of the corpus, with a label. */
export function runtimeCorpus(): { label: string; source: string }[] {
  const expressions = Deno.readTextFileSync(new URL("expressions.txt", CORPUS)).split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .map((line) => ({ label: line, source: `def main():\n    return ${line}\n` }));
  const programs = Deno.readTextFileSync(new URL("programs.py", CORPUS)).split(/^# ---.*\n/m)
    .slice(1)
    .map((source, i) => ({ label: `programs.py #${i + 1}`, source }));
  return [...expressions, ...programs];
}

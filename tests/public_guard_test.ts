/**
 * Every public entry point turns a non-library exception into
 * InternalError (with the original as its cause) and lets library errors
 * through unchanged: compile, load, estimate, the manifest check, execute
 * and the ABI call helpers, as mod.ts exports them. The exceptions are
 * forced with hostile inputs: a state whose reads throw, objects whose
 * properties throw when read.
 */

import assert from "node:assert/strict";
import {
  AbiEncodeError,
  argsToJson,
  findFunction,
  InternalError,
  type Manifest,
  MemoryState,
  parseManifest,
  resultsToJson,
  ValidationError,
} from "../mod.ts";
import { checkManifestAgainstSource, parseContract } from "../validate.ts";
import { compileContract, type CompiledContract, estimateGas, loadModule } from "../ir.ts";
import { executeCall } from "../runtime.ts";
import type { CallContext } from "../runtime.ts";

const COUNTER = "from stdlib import storage\n\n" +
  "def inc() -> int:\n" +
  "    n = storage.get_int(b'n') + 1\n" +
  "    storage.set_int(b'n', n)\n" +
  "    return n\n";

const CONTEXT: CallContext = {
  sender: new Uint8Array(33),
  value: 0n,
  address: new Uint8Array(33),
  blockHeight: 1n,
  blockTime: 0n,
  chainId: 1n,
  txHash: new Uint8Array(32),
  callIndex: 0,
};

const MANIFEST: Manifest = parseManifest({
  name: "counter",
  version: "1.0.0",
  entry: "counter.py",
  abi: { functions: [{ name: "inc", inputs: [], outputs: [{ type: "int" }] }], events: [] },
});

/** `target` with every property read throwing a RangeError (a non-library exception). */
function hostile<T extends object>(target: T): T {
  return new Proxy(target, {
    get() {
      throw new RangeError("hostile property read");
    },
  });
}

function assertInternal(run: () => unknown): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof InternalError, `expected InternalError, got ${error}`);
    assert.ok(error.cause instanceof RangeError || error.cause instanceof TypeError);
    return true;
  });
}

Deno.test("public guard: a state whose reads throw makes executeCall throw InternalError", () => {
  const { verified } = compileContract(COUNTER, { file: "counter.py" });
  const state = {
    get(): Uint8Array | null {
      throw new TypeError("the state backend broke");
    },
  };
  assertInternal(() =>
    executeCall({
      verified,
      manifest: MANIFEST,
      function: "inc",
      args: [],
      gasLimit: 100_000,
      context: CONTEXT,
      state,
    })
  );
});

Deno.test("public guard: hostile objects make compile, estimate and friends throw InternalError", () => {
  const compiled = compileContract(COUNTER, { file: "counter.py" });
  const fn = findFunction(MANIFEST, "inc");
  assertInternal(() => compileContract(COUNTER, hostile({ file: "counter.py" })));
  assertInternal(() => estimateGas(hostile<CompiledContract>(compiled)));
  assertInternal(() => loadModule(hostile(compiled.bytes)));
  assertInternal(() => checkManifestAgainstSource(hostile(MANIFEST), parseContract(COUNTER)));
  assertInternal(() => findFunction(hostile(MANIFEST), "inc"));
  assertInternal(() => argsToJson(hostile(fn), []));
  assertInternal(() => resultsToJson(hostile(fn), [1n]));
});

Deno.test("public guard: library errors pass through unchanged", () => {
  assert.throws(() => compileContract("def f(:\n", { file: "bad.py" }), ValidationError);
  const { verified } = compileContract(COUNTER, { file: "counter.py" });
  assert.throws(
    () =>
      executeCall({
        verified,
        manifest: MANIFEST,
        function: "nope",
        args: [],
        gasLimit: 100_000,
        context: CONTEXT,
        state: new MemoryState(),
      }),
    (error: unknown) =>
      error instanceof AbiEncodeError && !(error instanceof InternalError) &&
      error.message === "the contract exports no function 'nope'",
  );
  assert.throws(() => findFunction(MANIFEST, "nope"), AbiEncodeError);
});

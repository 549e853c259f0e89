/**
 * 10,000 seeded mutations of valid IR: raw byte edits of whole modules
 * (exercising strict decoding) and edits of function code re-encoded
 * canonically (exercising the verifier). Each must end as IrDecodeError,
 * IrVerifyError or a module that verifies — never any other exception.
 * Edits of exception tables must be refused by the verifier or run (a
 * crafted table never crashes the interpreter).
 */

import assert from "node:assert/strict";
import { CallFailure, IrDecodeError, IrVerifyError, MemoryState } from "../mod.ts";
import { executeCall } from "../runtime.ts";
import { TEST_CONTEXT } from "./support/runtime.ts";
import { compileContract, decodeModule, encodeModule, verifyModule } from "../ir.ts";
import { codeMutations, handlerEdits, TRY_SOURCE } from "./support/ir_mutations.ts";

function outcome(check: () => void): "ok" | "decode" | "verify" {
  try {
    check();
    return "ok";
  } catch (error) {
    if (error instanceof IrDecodeError) return "decode";
    if (error instanceof IrVerifyError) return "verify";
    throw error;
  }
}

Deno.test("10,000 seeded IR mutations end as typed errors or verified modules", () => {
  const modules = ["counter", "token", "escrow"].map((name) =>
    compileContract(Deno.readFileSync(`examples/${name}/${name}.py`)).bytes
  );
  const counts = { ok: 0, decode: 0, verify: 0 };
  for (const mutated of codeMutations(modules)) {
    counts[outcome(() => verifyModule(decodeModule(mutated)))]++;
  }
  assert.equal(counts.ok + counts.decode + counts.verify, 10_000);
  assert.ok(counts.decode > 0 && counts.verify > 0, JSON.stringify(counts));
  console.log(`IR mutations: ${JSON.stringify(counts)}`);
});

Deno.test("2,000 seeded exception-table edits end as IrVerifyError or a module that runs to a result or a CallFailure", () => {
  const base = decodeModule(compileContract(TRY_SOURCE).bytes);
  const counts = { ok: 0, decode: 0, verify: 0 };
  for (const edited of handlerEdits(base)) {
    const bytes = encodeModule(edited);
    const result = outcome(() => {
      const verified = verifyModule(decodeModule(bytes));
      const run = executeCall({
        verified,
        manifest: null,
        function: "main",
        args: [],
        gasLimit: 1_000_000,
        context: TEST_CONTEXT,
        state: new MemoryState(),
      });
      assert.ok(run.failure === null || run.failure instanceof CallFailure);
    });
    counts[result]++;
  }
  assert.ok(counts.verify > 0 && counts.ok > 0, JSON.stringify(counts));
  console.log(`exception-table edits: ${JSON.stringify(counts)}`);
});

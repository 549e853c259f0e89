/**
 * Child process of tests/tier_codegen_test.ts, run with code generation
 * from strings forbidden: reads IR module bytes on stdin and prints
 * whether the tier detected the prohibition, whether the module got a
 * compiled tier, and the call's gas, value and failure. It imports only the
 * IR decoder, the verifier and the runtime (the manifest validator
 * generates code of its own).
 */

import { decodeModule } from "../../lib/compile/ir_codec.ts";
import { verifyModule } from "../../lib/compile/verify.ts";
import { executeCall } from "../../lib/runtime/call.ts";
import { repr } from "../../lib/runtime/repr.ts";
import { MemoryState } from "../../lib/runtime/state.ts";
import { codeGenerationAllowed, compiledTier } from "../../lib/runtime/tier.ts";
import { OUTPUT_METER } from "../../lib/runtime/walk.ts";
// The IR it reads may call pq_verify.
import "../../lib/pq_noble.ts";

const bytes = new Uint8Array(await new Response(Deno.stdin.readable).arrayBuffer());
const verified = verifyModule(decodeModule(bytes));
const result = executeCall({
  verified,
  manifest: null,
  function: "main",
  args: [],
  gasLimit: 1_000_000,
  context: {
    sender: new Uint8Array(33),
    value: 0n,
    address: new Uint8Array(33),
    blockHeight: 1n,
    blockTime: 0n,
    chainId: 1n,
    txHash: new Uint8Array(32),
    callIndex: 0,
  },
  state: new MemoryState(),
});
console.log(JSON.stringify({
  allowed: codeGenerationAllowed(),
  compiled: compiledTier(verified) !== null,
  gas: result.gasUsed,
  value: result.ok ? repr(OUTPUT_METER, result.value) : null,
  failure: result.failure?.message ?? null,
}));

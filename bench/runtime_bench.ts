/**
 * Runtime speed: per-call time of each workload in bench/runtime_workloads.ts
 * (module set-up, execution under gas, fresh in-memory state). Compare with
 * CPython using `deno task bench:compare`.
 */

import { compileContract, executeCall, MemoryState } from "../mod.ts";
import { TEST_CONTEXT } from "../tests/support/runtime.ts";
import { WORKLOADS } from "./runtime_workloads.ts";

for (const [name, source] of Object.entries(WORKLOADS)) {
  const compiled = compileContract(source);
  const call = () =>
    executeCall({
      verified: compiled.verified,
      manifest: null,
      function: "main",
      args: [],
      gasLimit: 100_000_000,
      context: TEST_CONTEXT,
      state: new MemoryState(),
    });
  const result = call();
  if (!result.ok) throw new Error(`${name} failed: ${result.failure?.message}`);
  Deno.bench(`vm: ${name}`, { group: name }, () => {
    call();
  });
}

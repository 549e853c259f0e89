/**
 * Runtime speed: per-call time of each workload in bench/runtime_workloads.ts
 * (module set-up, execution under gas, fresh in-memory state). Compare with
 * CPython using `deno task bench:compare`.
 */

import { compileContract } from "../ir.ts";
import { callCompiled } from "../tests/support/runtime.ts";
import { WORKLOADS } from "./runtime_workloads.ts";

for (const [name, source] of Object.entries(WORKLOADS)) {
  const compiled = compileContract(source);
  const call = () => callCompiled(compiled, { gasLimit: 100_000_000 });
  const result = call();
  if (!result.ok) throw new Error(`${name} failed: ${result.failure?.message}`);
  Deno.bench(`vm: ${name}`, { group: name }, () => {
    call();
  });
}

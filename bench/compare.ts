/**
 * `deno task bench:compare`: per-call time of each runtime workload in the
 * VM and under CPython 3.11, side by side, with the ratio. Prints a
 * markdown table.
 */

import { compileContract } from "../mod.ts";
import { callCompiled } from "../tests/support/runtime.ts";
import { WORKLOADS } from "./runtime_workloads.ts";

function vmPerCallMicros(source: string): number {
  const compiled = compileContract(source);
  const call = () => callCompiled(compiled, { gasLimit: 100_000_000 });
  for (let i = 0; i < 5; i++) call();
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const runs = 20;
    const started = performance.now();
    for (let i = 0; i < runs; i++) call();
    best = Math.min(best, ((performance.now() - started) / runs) * 1000);
  }
  return best;
}

const python = new Deno.Command("python3", {
  args: ["bench/cpython_bench.py"],
  stdin: "piped",
  stdout: "piped",
}).spawn();
const writer = python.stdin.getWriter();
await writer.write(new TextEncoder().encode(JSON.stringify(WORKLOADS)));
await writer.close();
const cpython = JSON.parse(new TextDecoder().decode((await python.output()).stdout)) as Record<
  string,
  number
>;

console.log("| workload | VM µs/call | CPython µs/call | VM / CPython |");
console.log("| --- | ---: | ---: | ---: |");
for (const [name, source] of Object.entries(WORKLOADS)) {
  const vm = vmPerCallMicros(source);
  const py = cpython[name] ?? NaN;
  console.log(`| ${name} | ${vm.toFixed(0)} | ${py.toFixed(0)} | ${(vm / py).toFixed(2)}× |`);
}

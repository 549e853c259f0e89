/**
 * `deno task bench:tiers`: per-call time of each runtime workload on the
 * interpreter and on the compiled tier (lib/runtime/tier.ts), measured in
 * one process with their rounds interleaved, so machine load falls on both
 * alike. Prints a markdown table of the best and median rounds and the
 * speedup (interpreter time over compiled time).
 */

import { compileContract } from "../ir.ts";
import { withTier } from "../lib/runtime/tier.ts";
import { callCompiled } from "../tests/support/runtime.ts";
import { WORKLOADS } from "./runtime_workloads.ts";

const ROUNDS = 21;
const ROUND_MS = 25;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** µs per call of `call` over one round of `runs` calls. */
function round(call: () => void, runs: number): number {
  const started = performance.now();
  for (let i = 0; i < runs; i++) call();
  return ((performance.now() - started) / runs) * 1000;
}

const micros = (value: number) => value.toFixed(0);
console.log(
  "| workload | interpreter µs/call best (median) | compiled µs/call best (median) | speedup best (median) |",
);
console.log("| --- | ---: | ---: | ---: |");
for (const [name, source] of Object.entries(WORKLOADS)) {
  const compiled = compileContract(source);
  const fast = () =>
    void withTier("compiled", () => callCompiled(compiled, { gasLimit: 100_000_000 }));
  const slow = () =>
    void withTier("interpreter", () => callCompiled(compiled, { gasLimit: 100_000_000 }));
  const started = performance.now();
  let warmups = 0;
  while (warmups < 30 || performance.now() - started < 300) {
    fast();
    slow();
    warmups++;
  }
  const runs = Math.max(1, Math.ceil(ROUND_MS / ((performance.now() - started) / warmups)));
  const interpreted: number[] = [];
  const compiledRounds: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    interpreted.push(round(slow, runs));
    compiledRounds.push(round(fast, runs));
  }
  const [ib, im] = [Math.min(...interpreted), median(interpreted)];
  const [cb, cm] = [Math.min(...compiledRounds), median(compiledRounds)];
  console.log(
    `| ${name} | ${micros(ib)} (${micros(im)}) | ${micros(cb)} (${micros(cm)}) | ${
      (ib / cb).toFixed(2)
    }× (${(im / cm).toFixed(2)}×) |`,
  );
}

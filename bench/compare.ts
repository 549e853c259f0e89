/**
 * `deno task bench:compare`: per-call time of each runtime workload in the
 * VM and under CPython 3.11, side by side, with the ratio. Each side runs 15
 * calibrated rounds of at least 25 ms after warming up; the table shows the
 * best round and the median round (this machine's noise is large, so both
 * matter). Prints a markdown table.
 */

import { compileContract } from "../ir.ts";
import { callCompiled } from "../tests/support/runtime.ts";
import { WORKLOADS } from "./runtime_workloads.ts";

const ROUNDS = 15;
const ROUND_MS = 25;

/** Best and median of per-call times over calibrated rounds, in µs. */
interface Timing {
  readonly best: number;
  readonly median: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function vmTiming(source: string): Timing {
  const compiled = compileContract(source);
  const call = () => callCompiled(compiled, { gasLimit: 100_000_000 });
  const warmupStarted = performance.now();
  let warmups = 0;
  while (warmups < 30 || performance.now() - warmupStarted < 200) {
    call();
    warmups++;
  }
  const perCallMs = (performance.now() - warmupStarted) / warmups;
  const runs = Math.max(1, Math.ceil(ROUND_MS / perCallMs));
  const rounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    for (let i = 0; i < runs; i++) call();
    rounds.push(((performance.now() - started) / runs) * 1000);
  }
  return { best: Math.min(...rounds), median: median(rounds) };
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
  Timing
>;

const micros = (value: number) => value.toFixed(0);
console.log(
  "| workload | VM µs/call best (median) | CPython µs/call best (median) | VM / CPython best (median) |",
);
console.log("| --- | ---: | ---: | ---: |");
for (const [name, source] of Object.entries(WORKLOADS)) {
  const vm = vmTiming(source);
  const py = cpython[name] ?? { best: NaN, median: NaN };
  console.log(
    `| ${name} | ${micros(vm.best)} (${micros(vm.median)}) | ${micros(py.best)} (${
      micros(py.median)
    }) | ${(vm.best / py.best).toFixed(2)}× (${(vm.median / py.median).toFixed(2)}×) |`,
  );
}

/**
 * `deno task bench:compare [--cpu] [--isolated] [runs] [name...]`: per-call time of each
 * runtime workload in the VM and under CPython 3.11, side by side, with the
 * ratio, warm and in one process per side. Each side runs 15 calibrated
 * rounds of at least 25 ms after warming up; a table shows the best round
 * and the median round (this machine's noise is large, so both matter).
 * The whole comparison repeats `runs` times (3 unless given), one table per
 * run, then a summary of the best-round ratios over the runs. Names, when
 * given, keep only the workloads whose name contains one of them. With
 * `--cpu` both sides time their own process's CPU time instead of the wall
 * clock (steadier on a shared machine; the VM's includes V8's background
 * compiler and collector threads). With `--isolated` each workload's VM
 * side runs in a process of its own (this script again, with `--vm-only
 * NAME`), so that no other workload has run in its engine before: by
 * default they share one process, as the contracts a node runs do, and
 * what V8 learned on one workload (the types its shared runtime functions
 * saw) slows some others. Prints markdown.
 */

import process from "node:process";
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

/** Milliseconds by the chosen clock: wall time, or this process's CPU time with --cpu. */
let clock = () => performance.now();

function vmTiming(source: string): Timing {
  const compiled = compileContract(source);
  const call = () => callCompiled(compiled, { gasLimit: 100_000_000 });
  const warmupStarted = clock();
  let warmups = 0;
  while (warmups < 30 || clock() - warmupStarted < 200) {
    call();
    warmups++;
  }
  const perCallMs = (clock() - warmupStarted) / warmups;
  const runs = Math.max(1, Math.ceil(ROUND_MS / perCallMs));
  const rounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = clock();
    for (let i = 0; i < runs; i++) call();
    rounds.push(((clock() - started) / runs) * 1000);
  }
  return { best: Math.min(...rounds), median: median(rounds) };
}

async function cpythonTimings(
  workloads: Readonly<Record<string, string>>,
  cpu: boolean,
): Promise<Record<string, Timing>> {
  const python = new Deno.Command("python3", {
    args: ["bench/cpython_bench.py", ...(cpu ? ["--cpu"] : [])],
    stdin: "piped",
    stdout: "piped",
  }).spawn();
  const writer = python.stdin.getWriter();
  await writer.write(new TextEncoder().encode(JSON.stringify(workloads)));
  await writer.close();
  return JSON.parse(new TextDecoder().decode((await python.output()).stdout));
}

const flags = new Set<string>(Deno.args.filter((arg) => arg === "--cpu" || arg === "--isolated"));
const cpu = flags.has("--cpu");
const isolated = flags.has("--isolated");
if (cpu) {
  clock = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
}
const vmOnly = Deno.args.indexOf("--vm-only");
if (vmOnly >= 0) {
  // A child of --isolated: one workload's VM timing, as JSON.
  const source = WORKLOADS[Deno.args[vmOnly + 1] ?? ""];
  if (source === undefined) throw new Error("--vm-only needs a workload name");
  console.log(JSON.stringify(vmTiming(source)));
  Deno.exit(0);
}
const [runsArg, ...names] = Deno.args.filter((arg) => !flags.has(arg));
const runCount = runsArg === undefined ? 3 : Number(runsArg);
if (!Number.isInteger(runCount) || runCount < 1) {
  console.error("usage: deno task bench:compare [--cpu] [--isolated] [runs] [name...]");
  Deno.exit(2);
}

/** One workload's VM timing in a process of its own (--isolated). */
async function isolatedTiming(name: string): Promise<Timing> {
  const child = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-read",
      new URL(import.meta.url).pathname,
      ...(cpu ? ["--cpu"] : []),
      "--vm-only",
      name,
    ],
    stdout: "piped",
    stderr: "inherit",
  }).output();
  if (!child.success) throw new Error(`the VM timing of ${name} failed`);
  return JSON.parse(new TextDecoder().decode(child.stdout));
}
const selected = Object.fromEntries(
  Object.entries(WORKLOADS).filter(([name]) =>
    names.length === 0 || names.some((part) => name.includes(part))
  ),
);

const micros = (value: number) => value.toFixed(0);
const ratios = new Map<string, number[]>();
for (let run = 1; run <= runCount; run++) {
  const cpython = await cpythonTimings(selected, cpu);
  const how = [cpu ? "CPU time" : "", isolated ? "VM side isolated" : ""].filter((x) => x !== "");
  console.log(`\nrun ${run} of ${runCount}${how.length > 0 ? ` (${how.join(", ")})` : ""}\n`);
  console.log(
    "| workload | VM µs/call best (median) | CPython µs/call best (median) | VM / CPython best (median) |",
  );
  console.log("| --- | ---: | ---: | ---: |");
  for (const [name, source] of Object.entries(selected)) {
    const vm = isolated ? await isolatedTiming(name) : vmTiming(source);
    const py = cpython[name] ?? { best: NaN, median: NaN };
    const ratio = vm.best / py.best;
    ratios.set(name, [...(ratios.get(name) ?? []), ratio]);
    console.log(
      `| ${name} | ${micros(vm.best)} (${micros(vm.median)}) | ${micros(py.best)} (${
        micros(py.median)
      }) | ${ratio.toFixed(2)}× (${(vm.median / py.median).toFixed(2)}×) |`,
    );
  }
}
console.log(`\nVM / CPython, best rounds, over ${runCount} runs\n`);
console.log("| workload | lowest | median | highest |");
console.log("| --- | ---: | ---: | ---: |");
for (const [name, values] of ratios) {
  const show = (value: number) => `${value.toFixed(2)}×`;
  console.log(
    `| ${name} | ${show(Math.min(...values))} | ${show(median(values))} | ${
      show(Math.max(...values))
    } |`,
  );
}

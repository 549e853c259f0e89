/**
 * `deno task bench:compare [--cpu] [--isolated] [runs] [name...]`: per-call time of each
 * runtime workload in the VM and under CPython 3.11, side by side, with the
 * ratio, warm and in one process per side. The two sides' rounds are
 * interleaved: for each workload, after both sides have warmed up, 15
 * rounds of about 25 ms a side, taken in turn (VM then CPython, then
 * CPython then VM, and so on), so that both sample the same state of the
 * machine: a shared machine's speed changes by up to 2× for seconds at a
 * time, and timing all of one side's workloads before the other's compared
 * two different machines. A table shows each side's best and median round,
 * the ratio of the best rounds and the median of the paired ratios (each
 * round over the other side's round next to it in time). The whole
 * comparison repeats `runs` times (3 unless given), one table per run,
 * then a summary over the runs. Names, when given, keep only the workloads
 * whose name contains one of them. With `--cpu` both sides time their own
 * process's CPU time instead of the wall clock (the VM's includes V8's
 * background compiler and collector threads). With `--isolated` each
 * workload's VM side runs in a process of its own (this script again, with
 * `--serve-vm`), so that no other workload has run in its engine before:
 * by default they share one process, as the contracts a node runs do, and
 * what V8 learned on one workload (the types its shared runtime functions
 * saw) slows some others. Prints markdown.
 */

import process from "node:process";
import { compileContract } from "../ir.ts";
import { callCompiled } from "../tests/support/runtime.ts";
import { WORKLOADS } from "./runtime_workloads.ts";

const ROUNDS = 15;
const ROUND_MS = 25;

/** Milliseconds by the chosen clock: wall time, or this process's CPU time with --cpu. */
let clock = () => performance.now();

/** Where one workload's rounds are timed: µs per call of one round of it. */
interface Side {
  round(name: string): Promise<number>;
  close(): Promise<void>;
}

/** A warmed-up workload's round in this process: µs per call over calls filling ROUND_MS. */
function vmRound(source: string): () => number {
  const compiled = compileContract(source);
  const call = () => callCompiled(compiled, { gasLimit: 100_000_000 });
  const warmupStarted = clock();
  let warmups = 0;
  while (warmups < 30 || clock() - warmupStarted < 200) {
    call();
    warmups++;
  }
  // The warm-up's calls include the cold ones: count the calls of ROUND_MS once warm instead.
  const calibrationStarted = clock();
  let calibrationCalls = 0;
  while (clock() - calibrationStarted < ROUND_MS) {
    call();
    calibrationCalls++;
  }
  const perCallMs = (clock() - calibrationStarted) / calibrationCalls;
  const runs = Math.max(1, Math.ceil(ROUND_MS / perCallMs));
  return () => {
    const started = clock();
    for (let i = 0; i < runs; i++) call();
    return ((clock() - started) / runs) * 1000;
  };
}

/** The VM in this process, each workload warmed up on its first round. */
function vmSide(): Side {
  const rounds = new Map<string, () => number>();
  return {
    round(name) {
      let round = rounds.get(name);
      if (round === undefined) {
        const source = WORKLOADS[name];
        if (source === undefined) throw new Error(`no workload named ${name}`);
        round = vmRound(source);
        rounds.set(name, round);
      }
      return Promise.resolve(round());
    },
    close: () => Promise.resolve(),
  };
}

/** The lines of a stream of UTF-8 text. */
async function* lines(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  let buffered = "";
  for await (const chunk of stream.pipeThrough(new TextDecoderStream())) {
    buffered += chunk;
    for (let end = buffered.indexOf("\n"); end >= 0; end = buffered.indexOf("\n")) {
      yield buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
    }
  }
}

/** Ends the benchmark with a one-line message, when a side cannot run or answers nonsense. */
function fail(error: unknown): never {
  console.error(`bench:compare: ${error instanceof Error ? error.message : String(error)}`);
  Deno.exit(1);
}

/** A child process that answers each JSON line it reads with one JSON line: a round's µs per call. */
function childSide(command: string, args: readonly string[], greeting: unknown): Side {
  let child: Deno.ChildProcess;
  try {
    child = new Deno.Command(command, {
      args: [...args],
      stdin: "piped",
      stdout: "piped",
      stderr: "inherit",
    }).spawn();
  } catch (error) {
    fail(error instanceof Deno.errors.NotFound ? `${command} is not on PATH` : error);
  }
  const writer = child.stdin.getWriter();
  const replies = lines(child.stdout);
  const send = (message: unknown) =>
    writer.write(new TextEncoder().encode(`${JSON.stringify(message)}\n`));
  // Sent with the first request, so that a failed write is always awaited.
  let greeted: Promise<void> | undefined;
  return {
    async round(name) {
      const ended = `${command} ended without timing ${name}`;
      try {
        greeted ??= send(greeting);
        await greeted;
        await send(name);
      } catch {
        throw new Error(ended);
      }
      const reply = await replies.next();
      if (reply.done === true) throw new Error(ended);
      let micros: unknown;
      try {
        micros = JSON.parse(reply.value);
      } catch {
        micros = reply.value;
      }
      if (typeof micros !== "number" || !(micros > 0) || !Number.isFinite(micros)) {
        throw new Error(`${command} answered ${name} with ${reply.value.slice(0, 80)}, not a time`);
      }
      return micros;
    },
    async close() {
      await writer.close();
      await child.status;
    },
  };
}

const flags = new Set<string>(Deno.args.filter((arg) => arg.startsWith("--")));
const cpu = flags.has("--cpu");
const isolated = flags.has("--isolated");
if (cpu) {
  clock = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
}

if (flags.has("--serve-vm")) {
  // A child of --isolated: after a first line (ignored), times a round of each workload named.
  const side = vmSide();
  const input = lines(Deno.stdin.readable);
  await input.next();
  for await (const line of input) {
    console.log(JSON.stringify(await side.round(JSON.parse(line))));
  }
  Deno.exit(0);
}

const [runsArg, ...names] = Deno.args.filter((arg) => !flags.has(arg));
const runCount = runsArg === undefined ? 3 : Number(runsArg);
const unknownFlags = [...flags].filter((flag) => flag !== "--cpu" && flag !== "--isolated");
if (!Number.isInteger(runCount) || runCount < 1 || unknownFlags.length > 0) {
  console.error("usage: deno task bench:compare [--cpu] [--isolated] [runs] [name...]");
  Deno.exit(2);
}
const selected = Object.keys(WORKLOADS).filter((name) =>
  names.length === 0 || names.some((part) => name.includes(part))
);
if (selected.length === 0) {
  console.error(`bench:compare: no workload's name contains ${names.join(" or ")}`);
  Deno.exit(2);
}

/** The middle value, or the mean of the two middle ones. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const upper = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[sorted.length / 2 - 1] ?? NaN) + upper) / 2;
}

/** The rounds of one workload on both sides, interleaved, after a first (warm-up) round each. */
async function interleaved(vm: Side, python: Side, name: string) {
  await vm.round(name);
  await python.round(name);
  const vmRounds: number[] = [];
  const pythonRounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      vmRounds.push(await vm.round(name));
      pythonRounds.push(await python.round(name));
    } else {
      pythonRounds.push(await python.round(name));
      vmRounds.push(await vm.round(name));
    }
  }
  return {
    vm: { best: Math.min(...vmRounds), median: median(vmRounds) },
    python: { best: Math.min(...pythonRounds), median: median(pythonRounds) },
    paired: median(vmRounds.map((time, round) => time / (pythonRounds[round] ?? NaN))),
  };
}

const cpuFlag = cpu ? ["--cpu"] : [];
const vmChild = () =>
  childSide(Deno.execPath(), [
    "run",
    "--allow-read",
    new URL(import.meta.url).pathname,
    ...cpuFlag,
    "--serve-vm",
  ], null);
const micros = (value: number) => value.toFixed(0);
const times = (value: number) => `${value.toFixed(2)}×`;
const bestRatios = new Map<string, number[]>();
const pairedRatios = new Map<string, number[]>();
const sharedVm = vmSide();
for (let run = 1; run <= runCount; run++) {
  const python = childSide(
    "python3",
    ["bench/cpython_bench.py", ...cpuFlag],
    Object.fromEntries(selected.map((name) => [name, WORKLOADS[name]])),
  );
  const how = [cpu ? "CPU time" : "", isolated ? "VM side isolated" : ""].filter((x) => x !== "");
  console.log(`\nrun ${run} of ${runCount}${how.length > 0 ? ` (${how.join(", ")})` : ""}\n`);
  console.log(
    "| workload | VM µs/call best (median) | CPython µs/call best (median) | VM / CPython best (paired median) |",
  );
  console.log("| --- | ---: | ---: | ---: |");
  for (const name of selected) {
    const vm = isolated ? vmChild() : sharedVm;
    const timing = await interleaved(vm, python, name).catch(fail);
    if (isolated) await vm.close();
    const ratio = timing.vm.best / timing.python.best;
    bestRatios.set(name, [...(bestRatios.get(name) ?? []), ratio]);
    pairedRatios.set(name, [...(pairedRatios.get(name) ?? []), timing.paired]);
    console.log(
      `| ${name} | ${micros(timing.vm.best)} (${micros(timing.vm.median)}) | ${
        micros(timing.python.best)
      } (${micros(timing.python.median)}) | ${times(ratio)} (${times(timing.paired)}) |`,
    );
  }
  await python.close();
}
console.log(`\nVM / CPython over ${runCount} runs: best rounds, and the paired medians' median\n`);
console.log("| workload | best: lowest | best: median | best: highest | paired median |");
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const name of selected) {
  const values = bestRatios.get(name) ?? [];
  console.log(
    `| ${name} | ${times(Math.min(...values))} | ${times(median(values))} | ${
      times(Math.max(...values))
    } | ${times(median(pairedRatios.get(name) ?? []))} |`,
  );
}

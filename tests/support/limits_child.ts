/**
 * Child process of the isolated runner (tests/support/limits_runner.ts):
 * reads `{gasLimit, cases: [{id, source}]}` as JSON on stdin, runs each
 * case's `main()` in turn and writes one JSON line per event on stdout:
 * `{"start": id, "cpuMs"}` before a case, then `{"id", "outcome", "runMs",
 * "cpuMs", "gasUsed", "peakRssBytes"}` after it. The run time (wall
 * clock) and the CPU time (of the whole process, so robust to other load on
 * the machine) cover the call and the walks a node does on its result
 * (receipt bytes and JSON output), not the compile. A JS exception escaping the VM is reported as outcome
 * `crash <name>: <message>`; a hang or an out-of-memory is the parent's to
 * notice. Run only by the runner: it is not a test.
 */

import process from "node:process";
import { ValidationError } from "../../mod.ts";
import { stringifyJson } from "../../abi.ts";
import { encodeReceipt, valueJson } from "../../runtime.ts";
import { compileContract } from "../../ir.ts";
import { formatOutcome } from "./limits_corpus.ts";
import { callCompiled } from "./runtime.ts";

interface Job {
  readonly gasLimit: number;
  readonly cases: readonly {
    readonly id: string;
    readonly source: string;
    readonly repeat?: number;
  }[];
}

/** Peak resident memory of this process so far (getrusage's maxrss, in KiB). */
function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

function crash(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `crash ${text.slice(0, 300)}`;
}

function runRepeated(source: string, gasLimit: number, repeat: number): Record<string, unknown> {
  const first = runOne(source, gasLimit);
  const outcomes = new Set([first.outcome]);
  for (let i = 1; i < repeat; i++) outcomes.add(runOne(source, gasLimit).outcome);
  if (outcomes.size === 1) return first;
  return { ...first, outcome: `nondeterministic: ${[...outcomes].join(" / ")}` };
}

function runOne(source: string, gasLimit: number): { outcome: string } & Record<string, unknown> {
  let compiled;
  try {
    compiled = compileContract(source);
  } catch (error) {
    return { outcome: error instanceof ValidationError ? "invalid" : crash(error), runMs: 0 };
  }
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const times = () => {
    const cpu = process.cpuUsage(cpuStarted);
    return { runMs: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000 };
  };
  try {
    const result = callCompiled(compiled, { gasLimit });
    encodeReceipt(result);
    if (result.ok) stringifyJson(valueJson(result.value));
    const measured = times();
    return { outcome: formatOutcome(result), ...measured, gasUsed: result.gasUsed };
  } catch (error) {
    return { outcome: crash(error), ...times() };
  }
}

const job: Job = JSON.parse(await new Response(Deno.stdin.readable).text());
const clock = new Worker(new URL("./limits_clock.ts", import.meta.url), { type: "module" });
const write = (line: Record<string, unknown>) => {
  Deno.stdout.writeSync(new TextEncoder().encode(JSON.stringify(line) + "\n"));
};
for (const { id, source, repeat } of job.cases) {
  const usage = process.cpuUsage();
  write({ start: id, cpuMs: (usage.user + usage.system) / 1000 });
  write({ id, ...runRepeated(source, job.gasLimit, repeat ?? 1), peakRssBytes: peakRssBytes() });
}
clock.terminate();

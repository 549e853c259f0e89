/**
 * Where a failure is reported (spec/RUNTIME.md §2, "Failure positions"):
 * the last traceback frame is the function and the line table's position
 * of the instruction that was running when the failure was raised,
 * whichever of its charges (base gas, step, dynamic gas) or checks failed;
 * a failure of the return walk is reported at the called function's first
 * position. Swept over every program of the runtime corpus at every gas
 * limit from 0 to its full cost (sampled for long programs), with plain
 * code (a step hook names the running instruction) and with fused code,
 * which must report the same positions.
 */

import assert from "node:assert/strict";
import { type CallResult } from "../runtime.ts";
import { compileContract, type CompiledContract } from "../ir.ts";
import type { TraceFrame } from "../lib/errors.ts";
import { Op, OP_INFO } from "../lib/compile/opcodes.ts";
import { callCompiled, runtimeCorpus } from "./support/runtime.ts";

/** Gas limits of a sweep: every one up to `dense`, then about `samples` more spread to `full`. */
function gasLimits(full: number, dense = 2_000, samples = 1_000): number[] {
  const limits: number[] = [];
  for (let limit = 0; limit <= Math.min(full, dense); limit++) limits.push(limit);
  const step = Math.max(1, Math.floor((full - dense) / samples));
  for (let limit = dense + step; limit < full; limit += step) limits.push(limit);
  return limits;
}

/** The line table's position of instruction `pc` of function `fn`. */
function positionOf(compiled: CompiledContract, fn: number, pc: number): TraceFrame {
  const ir = compiled.verified.module.functions[fn];
  let line = 0;
  let column = 0;
  for (const entry of ir?.lines ?? []) {
    if (entry.pc > pc) break;
    line = entry.line;
    column = entry.column;
  }
  return { function: ir?.name ?? "?", line, column };
}

interface Watched {
  readonly result: CallResult;
  /** The instruction running when the call ended: function, pc, opcode and gas used before it. */
  readonly last: { fn: number; pc: number; op: number; gas: number } | null;
}

function watchedCall(compiled: CompiledContract, gasLimit: number): Watched {
  let last: Watched["last"] = null;
  const result = callCompiled(compiled, {
    gasLimit,
    onStep: (fn, pc, op, gas) => {
      last = { fn, pc, op, gas };
    },
  });
  return { result, last };
}

/** The frame a failure of `watched` must be reported at. */
function expectedFrame(compiled: CompiledContract, watched: Watched): TraceFrame {
  const last = watched.last;
  if (last === null) throw new Error("no instruction ran");
  const main = compiled.verified.module.exports.find((entry) => entry.name === "main")?.fn ?? -1;
  const returned = last.op === Op.RETURN && last.fn === main &&
    watched.result.gasUsed >= last.gas + OP_INFO[Op.RETURN].base;
  // The return walk runs after main's final RETURN: reported at main's first position.
  return positionOf(compiled, last.fn, returned ? 0 : last.pc);
}

function frameText(frame: TraceFrame | undefined): string {
  return frame === undefined ? "none" : `${frame.function}:${frame.line}:${frame.column}`;
}

function tracebackText(result: CallResult): string {
  return result.failure?.traceback.map(frameText).join(" > ") ?? "ok";
}

function sweepPositions(label: string, source: string): number {
  const compiled = compileContract(source);
  const full = callCompiled(compiled, { gasLimit: 50_000_000 }).gasUsed;
  let cases = 0;
  for (const limit of gasLimits(full)) {
    const watched = watchedCall(compiled, limit);
    const failure = watched.result.failure;
    if (failure === null) continue;
    if (failure.type === "OutOfGas") cases++;
    const context = `${label} at gas limit ${limit}`;
    const reported = failure.traceback[failure.traceback.length - 1];
    assert.equal(frameText(reported), frameText(expectedFrame(compiled, watched)), context);
    assert.ok(failure.traceback.every((frame) => frame.line > 0), `${context}: line 0`);
    const fused = callCompiled(compiled, { gasLimit: limit });
    assert.equal(tracebackText(fused), tracebackText(watched.result), `${context} (fused)`);
    assert.equal(fused.gasUsed, watched.result.gasUsed, `${context} (fused gas)`);
  }
  return cases;
}

Deno.test("tracebacks: out of gas is reported at the instruction being charged, corpus sweep", () => {
  let cases = 0;
  for (const { label, source } of runtimeCorpus()) cases += sweepPositions(label, source);
  assert.ok(cases > 25_000, `only ${cases} out-of-gas cases`);
});

Deno.test("tracebacks: gas limit 0 fails at the first instruction, not at line 0", () => {
  const source = 'KEY = b"k"\n\n\ndef main():\n    x = 1\n    return x\n';
  const result = callCompiled(compileContract(source), { gasLimit: 0 });
  assert.deepEqual(result.failure?.traceback, [
    { function: "main", line: 5, column: 9 },
    { function: "<module>", line: 1, column: 7 },
  ]);
});

Deno.test("tracebacks: a callee's first instruction out of gas names the callee's first line", () => {
  const source = "def f(a):\n    return a + 1\n\n\ndef main():\n    y = 2\n    return f(y)\n";
  const compiled = compileContract(source);
  const full = callCompiled(compiled).gasUsed;
  const positions = new Set<string>();
  for (let limit = 0; limit < full; limit++) {
    positions.add(tracebackText(callCompiled(compiled, { gasLimit: limit })));
  }
  assert.ok(positions.has("main:7:12 > f:2:12"), [...positions].join("\n"));
  assert.ok(![...positions].some((text) => /:0:0/.test(text)), [...positions].join("\n"));
});

Deno.test("tracebacks: the step cap is reported at the instruction that passed it", () => {
  const source = "def main():\n    x = 0\n    while True:\n        x = x + 1\n";
  const compiled = compileContract(source);
  const watched = watchedCall(compiled, 1_000_000_000);
  assert.equal(watched.result.failure?.type, "LimitExceeded");
  const frame = watched.result.failure?.traceback[0];
  assert.equal(frameText(frame), frameText(expectedFrame(compiled, watched)));
  const fused = callCompiled(compiled, { gasLimit: 1_000_000_000 });
  assert.equal(tracebackText(fused), tracebackText(watched.result));
});

Deno.test("tracebacks: the counter's get at gas limit 0 names its first line, then the initialiser's", () => {
  const source = Deno.readTextFileSync(new URL("../examples/counter/counter.py", import.meta.url));
  const result = callCompiled(compileContract(source), { fn: "get", gasLimit: 0 });
  // Function 0 runs on the way into get (RUNTIME.md §2): get's first line calls it, and its first
  // instruction is `b"counter:value"`.
  assert.deepEqual(result.failure?.traceback, [
    { function: "get", line: 15, column: 28 },
    { function: "<module>", line: 9, column: 21 },
  ]);
});

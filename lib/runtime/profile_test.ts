/**
 * The gas profiler's attribution (spec/PROFILE.md §2): hits per line entry,
 * callee frames, stdlib members by name, the return value's walk as a
 * pseudo-row, statistics across calls, and rows that add up to gasUsed.
 */

import assert from "node:assert/strict";
import { MemoryState } from "../../mod.ts";
import { compileContract } from "../../ir.ts";
import { executeCall } from "./call.ts";
import { RETURN_ROW } from "./profile.ts";
import { foldedStacks, speedscopeProfile } from "./profile_export.ts";
import { GasProfiler } from "./profile.ts";

const SOURCE = `from stdlib import storage, hash

def square(x):
    return x * x

def main(n):
    total = 0
    for i in range(n):
        total += square(i)
    storage.set(b"k", hash.sha3_256(b"x"))
    return [total] * 50
`;

const CONTEXT = {
  sender: new Uint8Array(33),
  value: 0n,
  address: new Uint8Array(33),
  blockHeight: 1n,
  blockTime: 0n,
  chainId: 1n,
  txHash: new Uint8Array(32),
  callIndex: 0,
};

Deno.test("profile: lines, frames, stdlib rows and the return walk add up to each call's gas", () => {
  const { verified } = compileContract(SOURCE);
  const profiler = new GasProfiler(verified.module);
  const used: number[] = [];
  for (const n of [3, 5, 10]) {
    const result = executeCall({
      verified,
      manifest: null,
      function: "main",
      args: [n],
      gasLimit: 1_000_000,
      context: CONTEXT,
      state: new MemoryState(),
      ...profiler.start("main"),
    });
    assert.ok(result.ok, result.failure?.message);
    profiler.end(result.gasUsed);
    used.push(result.gasUsed);
  }
  const [fn] = profiler.profile().functions;
  assert.ok(fn !== undefined);
  const sum = used.reduce((a, b) => a + b, 0);
  assert.equal(fn.lines.reduce((total, row) => total + row.gas, 0), sum);
  assert.equal(fn.stats.calls, 3);
  assert.equal(fn.stats.min, Math.min(...used));
  assert.equal(fn.stats.max, Math.max(...used));
  assert.equal(fn.stats.median, used[1]);
  assert.ok(Math.abs(fn.stats.mean - sum / 3) < 1e-9);
  assert.ok(fn.stats.stdev > 0);
  const line = (n: number) => fn.lines.find((row) => row.line === n && row.label === "");
  // The loop header is entered once per iteration plus the exit; the body once per iteration.
  assert.equal(line(8)?.hits, 3 + 1 + 5 + 1 + 10 + 1);
  assert.equal(line(9)?.hits, 18);
  assert.equal(line(4)?.hits, 18, "a callee's line is hit once per call");
  const walk = fn.lines.find((row) => row.label === RETURN_ROW);
  assert.ok(walk !== undefined && walk.gas >= 3 * 50, "the return value walk is a pseudo-row");
  assert.deepEqual(
    fn.frames.map((frame) => [frame.name, frame.calls]),
    [["main", 3], ["square", 18], ["<module>", 3]],
  );
  const square = fn.frames.find((frame) => frame.name === "square");
  assert.equal(square?.self, square?.total);
  assert.equal(line(4)?.gas, square?.self);
  assert.deepEqual(fn.hosts.map((host) => [host.name, host.calls]).sort(), [
    ["hash.sha3_256", 3],
    ["storage.set", 3],
  ]);
  const folded = foldedStacks(profiler.profile()).trimEnd().split("\n");
  assert.ok(folded.includes(`main;square ${square?.self}`), folded.join("\n"));
  assert.ok(folded.some((row) => row.startsWith("(return_value) ")));
  const file = speedscopeProfile(profiler.profile(), "t");
  assert.ok(JSON.stringify(file).includes('"endValue":' + sum));
});

Deno.test("profile: a failed call's gas goes to the instruction that failed", () => {
  const { verified } = compileContract("def main():\n    x = 1\n    return 10 // (x - 1)\n");
  const profiler = new GasProfiler(verified.module);
  const result = executeCall({
    verified,
    manifest: null,
    function: "main",
    args: [],
    gasLimit: 1_000_000,
    context: CONTEXT,
    state: new MemoryState(),
    ...profiler.start("main"),
  });
  assert.equal(result.ok, false);
  profiler.end(result.gasUsed);
  const [fn] = profiler.profile().functions;
  assert.equal(fn?.lines.reduce((total, row) => total + row.gas, 0), result.gasUsed);
  assert.deepEqual(fn?.lines.map((row) => row.line), [1, 2, 3]); // line 1: the module initialiser
});

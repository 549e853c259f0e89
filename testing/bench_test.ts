/**
 * GasBench under a real `deno bench`: a bench file in a temporary
 * directory registers counter calls (one reverted after each iteration,
 * one not, one failing), and the table it prints after the timings gives
 * each case's exact gas and failed calls (the runner picks the count).
 */

import assert from "node:assert/strict";
import { loadContract } from "./load.ts";
import { TestChain } from "./chain.ts";

const TESTING = new URL("../testing.ts", import.meta.url).href;
const COUNTER = new URL("../examples/counter/manifest.json", import.meta.url).href;

const BENCH = `
import { GasBench, loadContract, TestChain } from "${TESTING}";
const chain = new TestChain({ accounts: ["alice"] });
const counter = chain.deploy(loadContract(new URL("${COUNTER}")));
const gas = new GasBench("gas check");
gas.bench("inc reset", () => counter.call("inc"), { reset: chain, n: 6, warmup: 0 });
gas.bench("set bad", () => counter.call("set", [-1]), { n: 4, warmup: 0 });
gas.bench("inc grows", () => counter.call("inc"), { n: 3, warmup: 0 });
gas.bench("never run", () => counter.call("inc"), { n: 3, warmup: 0, group: "skipped" });
`;

/** The cells of the table row named `name`, or null. */
function row(output: string, name: string): string[] | null {
  const table = output.slice(output.indexOf("gas check (gas_version "));
  const line = table.split("\n").find((text) => text.startsWith(`| ${name} `));
  return line?.split("|").slice(2, -1).map((cell) => cell.trim().replaceAll(",", "")) ?? null;
}

Deno.test("GasBench prints calls and gas per case after the deno bench timings", async () => {
  const chain = new TestChain({ accounts: ["alice"] });
  const counter = chain.deploy(loadContract(new URL(COUNTER)));
  const inc = counter.call("inc").gasUsed;
  const bad = counter.call("set", [-1]).gasUsed;
  const dir = await Deno.makeTempDir({ prefix: "animica-gasbench-" });
  try {
    await Deno.writeTextFile(`${dir}/gas_bench.ts`, BENCH);
    const output = await new Deno.Command(Deno.execPath(), {
      args: ["bench", "--allow-read", "--filter", "/^(inc|set)/", "gas_bench.ts"],
      cwd: dir,
      stdout: "piped",
      stderr: "piped",
      env: { NO_COLOR: "1" },
    }).output();
    const text = new TextDecoder().decode(output.stdout) + new TextDecoder().decode(output.stderr);
    assert.equal(output.code, 0, text);
    assert.ok(text.indexOf("time/iter") < text.indexOf("gas check (gas_version "), text);
    assert.match(text, /\| benchmark +\| +calls \| gas\/call \(avg\) \| +min \| +max \| failed \|/);
    const [calls, ...reset] = row(text, "inc reset") ?? [];
    assert.ok(Number(calls) >= 1, text);
    assert.deepEqual(
      reset,
      [`${inc}`, `${inc}`, `${inc}`, "0"],
      "every iteration on the same state",
    );
    const [failing, ...bads] = row(text, "set bad") ?? [];
    assert.deepEqual(bads, [`${bad}`, `${bad}`, `${bad}`, failing], "every call failed");
    const [, average, min, max] = row(text, "inc grows") ?? [];
    assert.equal(min, `${inc}`, text);
    assert.ok(Number(max) > inc && Number(average) > inc, "the count grows: later incs cost more");
    assert.equal(row(text, "never run"), null, "a case filtered out has no row");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

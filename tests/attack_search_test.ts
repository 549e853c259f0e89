/**
 * Substring search that the engine's own search makes quadratic: a needle
 * of a long run, one other unit, then the run again ("a" * k + "b" +
 * "a" * k), sought in a long run of "a", took 2,000–5,400 ns per gas in
 * `in` on strs and bytes and in str.split (the engine's search, paid per
 * unit of the haystack). Each crafted search must run within a few times
 * its honest twin (the same lengths, a needle that fails at its first
 * unit) per gas, timed side by side, best of three.
 */

import assert from "node:assert/strict";
import { runSource } from "./support/runtime.ts";

const MOST_SLOWDOWN = 5;
const GAS = 3_000_000;

/** A contract searching `needle` in "a" * 400,000 until its gas runs out. */
function searcher(needle: string, search: string): string {
  return [
    "def main():",
    '    s = "a" * 400000',
    `    n = ${needle}`,
    "    while True:",
    `        r = ${search}`,
    "",
  ].join("\n");
}

function nsPerGas(source: string): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    const result = runSource(source, { gasLimit: GAS });
    const elapsed = performance.now() - start;
    assert.equal(result.failure?.type, "OutOfGas", `stopped by ${result.failure?.type}`);
    best = Math.min(best, (elapsed * 1e6) / result.gasUsed);
  }
  return best;
}

const CRAFTED = '"a" * 20000 + "b" + "a" * 20000';
const HONEST = '"b" + "a" * 40000';
const SEARCHES = ["n in s", "n.encode() in s.encode()", "s.split(n)", "s.find(n)", "s.count(n)"];

for (const search of SEARCHES) {
  Deno.test(`crafted search: ${search} runs within ${MOST_SLOWDOWN}x its honest twin per gas`, () => {
    const honest = nsPerGas(searcher(HONEST, search));
    const attack = nsPerGas(searcher(CRAFTED, search));
    assert.ok(
      attack < honest * MOST_SLOWDOWN,
      `crafted ${attack.toFixed(1)} ns/gas, honest ${honest.toFixed(1)} ns/gas`,
    );
  });
}

/**
 * The compiled tier's swap (lib/runtime/tier_codegen.ts: a BUILD_TUPLE
 * unpacked at once by an UNPACK of the same count is emitted as a reversal
 * of the slots, no tuple built) and the int workloads agree with the
 * interpreter at every gas limit: value, gas, failure and traceback. Also
 * checks the swap is emitted where it applies and only there.
 */

import assert from "node:assert/strict";
import { compileContract } from "../ir.ts";
import { WORKLOADS } from "../bench/runtime_workloads.ts";
import { generateFunction } from "../lib/runtime/tier_codegen.ts";
import { fullCost, onBothTiers, sweepLimits } from "./support/tier_compare.ts";

const SWAPS = `def main():
    a = 1
    b = 2
    c = 3
    d = 4
    for i in range(4):
        a, b = b, a + b
        a, b, c = c, a, b
        a, b, c, d = d, c, b, a
        (e,) = (a,)
    t = (a, b)
    x, y = t
    try:
        p, q = b, a // (i - 3)
    except ZeroDivisionError:
        p, q = a, b
        p, q = q, p
    return a, b, c, d, e, x, y, p, q
`;

function sweepAll(label: string, source: string, options = {}): number {
  const verified = compileContract(source).verified;
  const full = fullCost(verified, "main", []);
  const limits = sweepLimits(verified, "main", [], full, options);
  for (const limit of limits) {
    const [compiled, interpreted] = onBothTiers(verified, "main", [], limit);
    if (compiled !== interpreted) assert.equal(compiled, interpreted, `${label} at ${limit}`);
  }
  return limits.length;
}

Deno.test("tier swap: tiers agree at every gas limit on swaps of 1 to 4 names, in a loop and a handler", () => {
  assert.ok(sweepAll("swaps", SWAPS, { dense: Number.MAX_SAFE_INTEGER }) > 100);
});

Deno.test("tier swap: only a BUILD_TUPLE unpacked at once by the same count builds no tuple", () => {
  const verified = compileContract(SWAPS).verified;
  const index = verified.module.functions.findIndex((fn) => fn.name === "main");
  const fn = verified.functions[index];
  assert.ok(fn !== undefined);
  const source = generateFunction(verified.module, fn, index).source;
  // The swaps pay UNPACK's items without a tuple; `t = (a, b)` and the returned tuple are built.
  assert.equal(source.match(/r\.payUnpack\(/g)?.length, 2 * 7);
  assert.equal(source.match(/PyTuple\(\[/g)?.length, 2 * 2);
});

Deno.test("tier swap: the int workloads agree on both tiers at sampled gas limits", () => {
  for (const name of ["big-int arithmetic", "255-bit modular"]) {
    const source = WORKLOADS[name];
    assert.ok(source !== undefined);
    assert.ok(sweepAll(name, source, { dense: 300, boundaries: 200, spread: 200 }) > 300);
  }
});

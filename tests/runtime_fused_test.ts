/**
 * Superinstructions (lib/runtime/decode.ts) are invisible: an interpreter
 * run without a step hook (fused code) and a run with one (plain code) give the same
 * value, gas used, failure and traceback at every gas limit from zero to
 * the program's full cost, so running out of gas between the two halves of
 * a fused pair fails exactly where unfused code fails; and the same holds
 * at the step cap.
 */

import assert from "node:assert/strict";
import { type CallResult } from "../runtime.ts";
import { compileContract, type CompiledContract } from "../ir.ts";
import { repr } from "../lib/runtime/repr.ts";
import { OUTPUT_METER } from "../lib/runtime/walk.ts";
import { withTier } from "../lib/runtime/tier.ts";
import { callCompiled } from "./support/runtime.ts";

const PROGRAMS: readonly string[] = [
  // FOR_ITER STORE_LOCAL, JUMP -> FOR_ITER, LOAD_LOCAL pairs, compare + JUMP_IF_FALSE, STORE_LOCAL JUMP
  `def main():
    total = 0
    for i in range(12):
        if i % 3 == 0:
            total += i * i
        else:
            total -= i
    return total
`,
  // list iteration, LOAD_LOCAL SMALL_INT, STORE_LOCAL LOAD_LOCAL, calls
  `def twice(x):
    y = x * 2
    return y

def main():
    xs = [5, 1, 4]
    out = []
    for x in xs:
        out.append(twice(x) + 1)
    while len(out) < 6:
        out.append(len(out))
    return out
`,
  // a failure in the second half of a fused pair (LOAD_LOCAL of an unbound local)
  `def main():
    a = 1
    if a > 5:
        b = 2
    return a + b
`,
  // comparisons of non-ints in COMPARE_JUMP_IF_FALSE, and a TypeError there
  `def main():
    n = 0
    for word in ["b", "a", "c"]:
        if word < "b":
            n += 1
    if n < "x":
        n = 0
    return n
`,
  // LOAD_LOCAL SMALL_INT operator and SMALL_INT compare JUMP_IF_FALSE, on and off their fast paths:
  // a str left operand (printf formatting), overflow past 2**53, a bigint, a zero divisor
  `def main():
    s = "%d!"
    x = 9007199254740000
    big = 2 ** 80
    out = [s % 7, x * 3, x + 5000, big // 3, big > 2, x % 1000 == 0]
    n = 0
    for i in range(9):
        if i % 4 == 1:
            n += 1
        if n > 1:
            out.append(i // 2)
    out.append(n // 0)
    return out
`,
  // a TypeError in the comparison of SMALL_INT compare JUMP_IF_FALSE
  `def main():
    w = "a"
    k = 0
    for i in range(5):
        k = k * 3 - 1
    if w < 3:
        k = 1
    return k
`,
];

function outcome(result: CallResult): string {
  const failure = result.failure;
  const where = failure?.traceback.map((f) => `${f.function}:${f.line}:${f.column}`).join(">");
  return `${result.gasUsed} ${
    failure === null
      ? repr(OUTPUT_METER, result.value)
      : `${failure.type} ${failure.message} @ ${where}`
  }`;
}

function both(compiled: CompiledContract, gasLimit: number): [string, string] {
  // Without a hook calls run on the compiled tier: the fused interpreter is asked for by name.
  const fused = withTier("interpreter", () => callCompiled(compiled, { gasLimit }));
  const plain = callCompiled(compiled, { gasLimit, onStep: () => {} });
  return [outcome(fused), outcome(plain)];
}

Deno.test("superinstructions: fused and plain runs agree at every gas limit", () => {
  for (const source of PROGRAMS) {
    const compiled = compileContract(source);
    const full = callCompiled(compiled, { gasLimit: 10_000_000 }).gasUsed;
    assert.ok(full > 10, `program too small to exercise fusion: ${full} gas`);
    for (let limit = 0; limit <= full + 1; limit++) {
      const [fused, plain] = both(compiled, limit);
      assert.equal(fused, plain, `gas limit ${limit} of\n${source}`);
    }
  }
});

Deno.test("superinstructions: fused and plain runs stop at the same instruction at the step cap", () => {
  // Two loop shapes, so the cap falls on different members of fused pairs.
  for (
    const body of ["x = i", "x = i\n        y = x"]
  ) {
    const compiled = compileContract(
      `def main():\n    x = 0\n    for i in range(10 ** 9):\n        ${body}\n    return x\n`,
    );
    const [fused, plain] = both(compiled, 1_000_000_000);
    assert.match(fused, /LimitExceeded too many instructions executed \(cap steps\)/);
    assert.equal(fused, plain);
  }
});

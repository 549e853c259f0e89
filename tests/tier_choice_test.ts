/**
 * Which tier a call runs on (lib/runtime/tier.ts tierFor): a module that
 * loops or calls its own functions is compiled from its first call; a
 * straight-line one is interpreted for its first
 * STRAIGHT_LINE_INTERPRETED_CALLS calls, then compiled; forcing either
 * tier overrides that; and the outcome is the same every time.
 */

import assert from "node:assert/strict";
import { compileContract } from "../ir.ts";
import { repr } from "../lib/runtime/repr.ts";
import {
  compiledTier,
  STRAIGHT_LINE_INTERPRETED_CALLS,
  tierFor,
  withTier,
} from "../lib/runtime/tier.ts";
import { straightLine } from "../lib/runtime/tier_plan.ts";
import { OUTPUT_METER } from "../lib/runtime/walk.ts";
import { callOn } from "./support/tier_compare.ts";

const STRAIGHT = `
def main(x: int) -> list:
    y = x * 3 if x > 2 else -x
    try:
        assert y != 9, "nine"
    except AssertionError:
        y = 0
    return [y, str(y), sorted([y, 2, 1])]
`;

const LOOPING = `
def main(x: int) -> int:
    total = 0
    for i in range(x):
        total += i
    return total
`;

const CALLING = `
def helper(x: int) -> int:
    return x + 1

def main(x: int) -> int:
    return helper(x)
`;

Deno.test("tier choice: straightLine sees loops, comprehensions and calls of contract functions", () => {
  assert.equal(straightLine(compileContract(STRAIGHT).verified), true);
  assert.equal(straightLine(compileContract(LOOPING).verified), false);
  assert.equal(straightLine(compileContract(CALLING).verified), false);
  const comprehension = "def main(x: int) -> list:\n    return [i for i in range(x)]\n";
  assert.equal(straightLine(compileContract(comprehension).verified), false);
  const whileLoop = "def main(x: int) -> int:\n    while x > 0:\n        x -= 1\n    return x\n";
  assert.equal(straightLine(compileContract(whileLoop).verified), false);
});

Deno.test("tier choice: a straight-line module is interpreted for its first calls, then compiled", () => {
  const verified = compileContract(STRAIGHT).verified;
  const compiled = compiledTier(verified);
  assert.notEqual(compiled, null);
  assert.equal(withTier("compiled", () => tierFor(verified)), compiled);
  assert.equal(withTier("interpreter", () => tierFor(verified)), null);
  for (let call = 0; call < STRAIGHT_LINE_INTERPRETED_CALLS; call++) {
    assert.equal(tierFor(verified), null, `call ${call}`);
  }
  assert.equal(tierFor(verified), compiled);
  assert.equal(tierFor(verified), compiled);
});

Deno.test("tier choice: a module that loops or calls is compiled from its first call", () => {
  for (const source of [LOOPING, CALLING]) {
    const verified = compileContract(source).verified;
    assert.equal(tierFor(verified), compiledTier(verified));
    assert.notEqual(tierFor(verified), null);
  }
});

Deno.test("tier choice: every call of a straight-line module gives the same outcome, on either tier", () => {
  const verified = compileContract(STRAIGHT).verified;
  for (const x of [3, 1, 5]) {
    const outcomes = new Set<string>();
    for (let call = 0; call < STRAIGHT_LINE_INTERPRETED_CALLS + 4; call++) {
      const result = callOn(verified, "main", [x], 1_000_000);
      outcomes.add(`${result.gasUsed} ${result.ok ? repr(OUTPUT_METER, result.value) : "failed"}`);
    }
    assert.equal(outcomes.size, 1, [...outcomes].join(" / "));
  }
});

/**
 * The one table of safe-integer fast paths (lib/runtime/fast_paths.ts),
 * which the interpreter's superinstructions and the compiled tier both
 * inline, agrees with the general operators: wherever an entry gives a
 * result, the general operator gives the same value and charges exactly
 * the entry's extra gas beyond the base.
 */

import assert from "node:assert/strict";
import { FAST_PATH_AT, FAST_PATHS } from "../lib/runtime/fast_paths.ts";
import { CountingMeter } from "./support/counting_meter.ts";
import { binaryOp, compareOp } from "../lib/runtime/op_helpers.ts";
import { Op } from "../lib/compile/opcodes.ts";

const EDGE = 2 ** 53 - 1;
const OPERANDS = [
  0,
  1,
  -1,
  2,
  -2,
  3,
  7,
  -7,
  10,
  255,
  256,
  -256,
  65535,
  2 ** 31,
  -(2 ** 31),
  2 ** 32,
  EDGE,
  -EDGE,
  EDGE - 1,
  2 ** 26 + 3,
  94906267,
  -94906267,
];

Deno.test("fast paths: every entry matches the general operator's value and gas", () => {
  let checked = 0;
  for (const [op, fast] of FAST_PATHS) {
    for (const left of OPERANDS) {
      for (const right of OPERANDS) {
        const result = fast.run(left, right);
        if (result === null) continue;
        const meter = new CountingMeter();
        const general = op >= Op.EQ && op <= Op.GE
          ? compareOp(meter, op, left, right)
          : binaryOp(meter, op, left, right);
        assert.equal(result, general, `op ${op} on ${left}, ${right}`);
        assert.ok(!Object.is(result, -0), `op ${op} on ${left}, ${right} gave -0`);
        assert.equal(meter.gas, fast.extra, `op ${op} on ${left}, ${right}: gas`);
        checked++;
      }
    }
  }
  assert.ok(checked > 3_000, `${checked} cases`);
});

Deno.test("fast paths: results beyond the safe range and zero divisors leave the general operator to run", () => {
  for (const op of [Op.ADD, Op.SUB, Op.MUL]) {
    assert.equal(FAST_PATHS.get(op)?.run(EDGE, op === Op.SUB ? -EDGE : EDGE), null);
  }
  for (const op of [Op.FLOORDIV, Op.MOD]) assert.equal(FAST_PATHS.get(op)?.run(5, 0), null);
});

Deno.test("fast paths: the by-opcode array is the table", () => {
  for (let op = 0; op < 256; op++) assert.equal(FAST_PATH_AT[op], FAST_PATHS.get(op));
});

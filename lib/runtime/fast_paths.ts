/**
 * The one description of the safe-integer fast paths of binary operators
 * and comparisons: for two safe ints, the result an operator gives for its
 * base gas plus `extra` gas (the one unit ops.floordiv/ops.mod charge), or
 * null when the general operator must run (a result beyond the safe range,
 * a zero divisor). The interpreter's superinstructions and the compiled
 * tier (tier_codegen.ts) both take their fast paths from this table, and
 * tests/tier_fast_paths_test.ts checks every entry against the general
 * operator, so neither can charge or compute differently.
 */

import { Op } from "../compile/opcodes.ts";
import { smallFloorDiv, smallFloorMod } from "./ops.ts";
import { smallAdd, smallMul, smallSub } from "./small_int.ts";

/** The fast path of one operator on two safe ints. */
export interface FastPath {
  /** Gas charged beyond the operator's base. */
  readonly extra: number;
  /** The result, or null when the general operator must run. */
  readonly run: (left: number, right: number) => number | boolean | null;
}

const floorDiv = (left: number, right: number) => right === 0 ? null : smallFloorDiv(left, right);
const floorMod = (left: number, right: number) => right === 0 ? null : smallFloorMod(left, right);

/** Fast paths by opcode. */
export const FAST_PATHS: ReadonlyMap<number, FastPath> = new Map<number, FastPath>([
  [Op.ADD, { extra: 0, run: smallAdd }],
  [Op.INPLACE_ADD, { extra: 0, run: smallAdd }],
  [Op.SUB, { extra: 0, run: smallSub }],
  [Op.INPLACE_SUB, { extra: 0, run: smallSub }],
  [Op.MUL, { extra: 0, run: smallMul }],
  [Op.INPLACE_MUL, { extra: 0, run: smallMul }],
  [Op.FLOORDIV, { extra: 1, run: floorDiv }],
  [Op.MOD, { extra: 1, run: floorMod }],
  [Op.EQ, { extra: 0, run: (left, right) => left === right }],
  [Op.NE, { extra: 0, run: (left, right) => left !== right }],
  [Op.LT, { extra: 0, run: (left, right) => left < right }],
  [Op.LE, { extra: 0, run: (left, right) => left <= right }],
  [Op.GT, { extra: 0, run: (left, right) => left > right }],
  [Op.GE, { extra: 0, run: (left, right) => left >= right }],
]);

/** FAST_PATHS as an array indexed by opcode (one load in a dispatch loop, not a map lookup). */
export const FAST_PATH_AT: readonly (FastPath | undefined)[] = Array.from(
  { length: 256 },
  (_, op) => FAST_PATHS.get(op),
);

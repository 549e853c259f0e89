/**
 * The block plan of one verified function for the compiled tier: its
 * basic blocks (a block starts at pc 0, at every jump or handler target and
 * after every branch or terminal instruction), each block's static cost
 * (the base gas of its instructions plus the charges fixed by their
 * operands: BUILD_LIST/BUILD_TUPLE n, BUILD_DICT 2n, NEW_EXCEPTION n) and
 * step count, and for each instruction the static gas and steps of the
 * rest of its block (what a block paid in advance and has not used yet when
 * that instruction fails or charges dynamically). Also decides whether a
 * module is compiled at all: generated code names every stack value an
 * instruction pops or pushes, so a function whose instructions move more
 * than MOVED_PER_BYTE values per byte of its code stays interpreted, which
 * keeps generated code proportional to the IR (and so under the code_size
 * cap); and since the engine's cost of compiling and first running a
 * generated function grows with its length, which no gas pays for, a
 * module with a function longer than MAX_COMPILED_INSTRUCTIONS stays
 * interpreted too (RUNTIME.md §7.1).
 */

import { Op, OP_INFO, stackCount } from "../compile/opcodes.ts";
import type { VerifiedFunction, VerifiedModule } from "../compile/verify.ts";

/** Stack values moved per byte of a function's code above which its module stays interpreted. */
export const MOVED_PER_BYTE = 8;
/** Instructions of one function above which its module stays interpreted. */
export const MAX_COMPILED_INSTRUCTIONS = 4096;

/** One basic block: instructions [start, end). */
export interface Block {
  /** First instruction. */
  readonly start: number;
  /** One past the last instruction. */
  readonly end: number;
  /** Static gas of the whole block. */
  readonly gas: number;
  /** Instructions in the block (steps). */
  readonly steps: number;
}

/** A function's blocks and the unused prepayment after each instruction. */
export interface Plan {
  /** Blocks in pc order (reachable code only). */
  readonly blocks: readonly Block[];
  /** Static gas of the instructions after each pc in its block. */
  readonly restGas: Int32Array;
  /** Instructions after each pc in its block. */
  readonly restSteps: Int32Array;
}

function opBase(op: number): number {
  return OP_INFO[op as Op]?.base ?? 0;
}

/** The gas an instruction is charged whatever its operand values: base plus operand-fixed charges. */
export function staticGas(op: number, operands: readonly number[]): number {
  switch (op) {
    case Op.BUILD_LIST:
    case Op.BUILD_TUPLE:
      return opBase(op) + (operands[0] ?? 0);
    case Op.BUILD_DICT:
      return opBase(op) + 2 * (operands[0] ?? 0);
    case Op.NEW_EXCEPTION:
      return opBase(op) + (operands[1] ?? 0);
    default:
      return opBase(op);
  }
}

/** Whether control may go from instruction `op` to a pc other than the next. */
function endsBlock(op: number): boolean {
  const info = OP_INFO[op as Op];
  return info === undefined || info.terminal || info.operands.includes("target");
}

/**
 * Whether `verified` is compiled: every function has at most
 * MAX_COMPILED_INSTRUCTIONS instructions, which together pop and push at
 * most MOVED_PER_BYTE values per byte of its code.
 */
export function compilable(verified: VerifiedModule): boolean {
  return verified.functions.every((fn, index) => {
    if (fn.instructions.length > MAX_COMPILED_INSTRUCTIONS) return false;
    let moved = 0;
    for (const instruction of fn.instructions) {
      const info = OP_INFO[instruction.op as Op];
      if (info === undefined) return false;
      moved += stackCount(info.pops, instruction.operands) +
        stackCount(info.pushes, instruction.operands);
    }
    const bytes = verified.module.functions[index]?.code.length ?? 0;
    return moved <= MOVED_PER_BYTE * bytes;
  });
}

/**
 * Whether every function of `verified` runs straight through: no jump
 * goes back and no contract function is called (functions are not
 * values, so nothing else runs contract code again), so a call runs each
 * instruction at most once.
 */
export function straightLine(verified: VerifiedModule): boolean {
  return verified.functions.every((fn) =>
    fn.instructions.every((instruction, pc) => {
      if (instruction.op === Op.CALL) return false;
      const jumps = OP_INFO[instruction.op as Op]?.operands.includes("target") ?? false;
      return !jumps || (instruction.operands[0] ?? 0) > pc;
    })
  );
}

/** The block plan of `fn` (handlers: its exception table's targets). */
export function planFunction(
  fn: VerifiedFunction,
  handlerTargets: readonly number[],
): Plan {
  const n = fn.instructions.length;
  const leader = new Uint8Array(n + 1);
  leader[0] = 1;
  for (const target of handlerTargets) leader[target] = 1;
  fn.instructions.forEach((instruction, pc) => {
    if (endsBlock(instruction.op)) leader[pc + 1] = 1;
    if (OP_INFO[instruction.op as Op]?.operands.includes("target")) {
      leader[instruction.operands[0] ?? 0] = 1;
    }
  });
  const blocks: Block[] = [];
  const restGas = new Int32Array(n);
  const restSteps = new Int32Array(n);
  for (let start = 0; start < n; start++) {
    if (leader[start] !== 1 || (fn.heights[start] ?? -1) < 0) continue;
    let end = start + 1;
    while (
      end < n && leader[end] !== 1 &&
      !endsBlock(fn.instructions[end - 1]?.op ?? 0)
    ) end++;
    let gas = 0;
    for (let pc = end - 1; pc >= start; pc--) {
      restGas[pc] = gas;
      restSteps[pc] = end - 1 - pc;
      const instruction = fn.instructions[pc];
      gas += instruction === undefined ? 0 : staticGas(instruction.op, instruction.operands);
    }
    blocks.push({ start, end, gas, steps: end - start });
  }
  return { blocks, restGas, restSteps };
}

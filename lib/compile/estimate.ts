/**
 * Static gas bounds per exported function (spec/GAS.md §estimates).
 *
 * Every call first runs the module initialiser, so each estimate includes
 * it. Within a function the bound is the costliest path (code is
 * structured: every jump but a loop's closing one goes forward), each op
 * counted at its largest cost under the caps, each loop at its static
 * iteration count times its costliest iteration, each call at the callee's
 * bound. A function is `exact` when it has one path and no size-dependent
 * cost; `unbounded` names the loop that has no static bound.
 */

import type { CompiledContract } from "./compile.ts";
import type { LoopInfo } from "./emitter.ts";
import type { Instruction } from "./ir.ts";
import {
  BUILTINS,
  type CallableInfo,
  type MethodInfo,
  METHODS,
  Op,
  opInfo,
  sizeDependent,
  STDLIB,
} from "./opcodes.ts";

/** The static gas bound of one call. */
export type GasEstimate =
  | { readonly kind: "exact"; readonly gas: number }
  | { readonly kind: "bounded"; readonly max: number }
  | { readonly kind: "unbounded"; readonly reason: string };

interface Bound {
  readonly max: number;
  readonly exact: boolean;
  readonly unbounded: string | null;
}

const HOST_TABLES: ReadonlyMap<number, readonly (CallableInfo | MethodInfo | null)[]> = new Map<
  number,
  readonly (CallableInfo | MethodInfo | null)[]
>([
  [Op.CALL_BUILTIN, BUILTINS],
  [Op.CALL_METHOD, METHODS],
  [Op.CALL_STDLIB, STDLIB],
  [Op.STDLIB_VALUE, STDLIB],
]);

const BRANCHES = new Set<number>([
  Op.JUMP_IF_FALSE,
  Op.JUMP_IF_TRUE,
  Op.JUMP_IF_FALSE_OR_POP,
  Op.JUMP_IF_TRUE_OR_POP,
  Op.FOR_ITER,
]);

function hostCall(instruction: Instruction): CallableInfo | MethodInfo | null {
  return HOST_TABLES.get(instruction.op)?.[instruction.operands[0] ?? 0] ?? null;
}

/**
 * The most one instruction can charge under the caps, from the table: the
 * op's `maxGas` plus, for a host call, the member's `maxGas` (base + per ×
 * the unit's largest value). A CALL's callee is not included. The estimator
 * counts every instruction at this cost; the soundness test checks that no
 * executed instruction is ever charged more.
 */
export function instructionMaxGas(instruction: Instruction): number {
  return (opInfo(instruction.op)?.maxGas ?? 0) + (hostCall(instruction)?.maxGas ?? 0);
}

class Estimator {
  readonly #compiled: CompiledContract;
  readonly #memo = new Map<number, Bound>();

  constructor(compiled: CompiledContract) {
    this.#compiled = compiled;
  }

  /** Bound of one run of function `index` (without the initialiser). */
  function(index: number): Bound {
    const known = this.#memo.get(index);
    if (known !== undefined) return known;
    const instructions = this.#compiled.verified.functions[index]?.instructions ?? [];
    const loops = new Map((this.#compiled.loops[index] ?? []).map((loop) => [loop.header, loop]));
    const bound = this.#region(instructions, loops, 0, instructions.length, -1);
    this.#memo.set(index, bound);
    return bound;
  }

  #opCost(instruction: Instruction): Bound {
    const max = instructionMaxGas(instruction);
    const info = opInfo(instruction.op);
    const host = hostCall(instruction);
    const exact = info?.maxGas === info?.base && (host === null || !sizeDependent(host));
    if (instruction.op === Op.CALL) {
      const callee = this.function(instruction.operands[0] ?? 0);
      return { max: max + callee.max, exact: exact && callee.exact, unbounded: callee.unbounded };
    }
    return { max, exact, unbounded: null };
  }

  /** Costliest path from `from` to leaving [from, to); `skip` is the loop being measured. */
  #region(
    instructions: readonly Instruction[],
    loops: ReadonlyMap<number, LoopInfo>,
    from: number,
    to: number,
    skip: number,
  ): Bound {
    const best = new Array<number>(to + 1).fill(-1);
    best[from] = 0;
    let exit = -1;
    let exact = true;
    let unbounded: string | null = null;
    const reach = (pc: number, cost: number) => {
      if (pc > from && pc < to) best[pc] = Math.max(best[pc] ?? -1, cost);
      else exit = Math.max(exit, cost);
    };
    for (let pc = from; pc < to; pc++) {
      const here = best[pc] ?? -1;
      if (here < 0) continue;
      const loop = pc !== skip ? loops.get(pc) : undefined;
      if (loop !== undefined) {
        exact = false;
        const iteration = this.#region(
          instructions,
          loops,
          loop.header,
          loop.backJump + 1,
          loop.header,
        );
        unbounded ??= loop.iterations === null ? loop.reason : iteration.unbounded;
        const header = this.#opCost(instructions[loop.header] as Instruction);
        const total = (loop.iterations ?? 0) * iteration.max + header.max;
        reach(loop.backJump + 1, here + total);
        pc = loop.backJump;
        continue;
      }
      const instruction = instructions[pc] as Instruction;
      const info = opInfo(instruction.op);
      const cost = this.#opCost(instruction);
      exact &&= cost.exact && !BRANCHES.has(instruction.op);
      unbounded ??= cost.unbounded;
      const after = here + cost.max;
      if (info?.terminal === true) {
        exit = Math.max(exit, after);
        continue;
      }
      if (info?.operands.includes("target") === true) {
        const target = instruction.operands[0] ?? 0;
        reach(target > pc ? target : to, after);
        if (instruction.op === Op.JUMP) continue;
      }
      reach(pc + 1, after);
    }
    return { max: Math.max(exit, 0), exact, unbounded };
  }
}

/** Static gas bounds of every exported function, by name. */
export function estimateGas(compiled: CompiledContract): Map<string, GasEstimate> {
  const estimator = new Estimator(compiled);
  const init = estimator.function(0);
  const result = new Map<string, GasEstimate>();
  for (const entry of compiled.module.exports) {
    const body = estimator.function(entry.fn);
    const reason = init.unbounded ?? body.unbounded;
    const max = init.max + body.max;
    result.set(
      entry.name,
      reason !== null
        ? { kind: "unbounded", reason }
        : init.exact && body.exact
        ? { kind: "exact", gas: max }
        : { kind: "bounded", max },
    );
  }
  return result;
}

/**
 * Static gas bounds per exported function (spec/GAS.md §estimates).
 *
 * Every call first runs the module initialiser, so each estimate includes
 * it. Within a function the bound is the costliest path (code is
 * structured: every jump but a loop's closing one goes forward), each op
 * counted at its largest cost under the caps, each loop at its static
 * iteration count times its costliest iteration, each call at the callee's
 * bound. An instruction an exception handler covers also reaches the
 * handler, at its own cost plus the most the unwinding can charge
 * ({@link UNWIND_MAX}); a loop that holds such an instruction reaches the
 * handler after all its iterations. A function is `exact` when it has one path and no size-dependent
 * cost; `unbounded` names the loop that has no static bound. An exported
 * function that may return a container also counts the largest walk of its
 * return value (spec/ABI.md §6); one whose every RETURN directly follows an
 * op that always yields a scalar does not. In a module that calls zip(),
 * every call that draws from an iterator is unbounded ({@link makesZips}).
 */

import type { CompiledContract } from "./compile.ts";
import type { LoopInfo } from "./emitter.ts";
import type { Instruction } from "./ir.ts";
import { ABI_LIMITS } from "../abi/limits.ts";
import { maxNodes } from "../abi/codec.ts";
import {
  BUILTINS,
  type CallableInfo,
  CAPS,
  type MethodInfo,
  METHODS,
  Op,
  opInfo,
  sizeDependent,
  STDLIB,
  WALKS,
} from "./opcodes.ts";

/**
 * The most a call's return walk can charge: the typed walk pays abi_encode
 * per node below the root (at most maxNodes − 1), the untyped one
 * return_value per node below the root (each node takes a byte of the
 * canonical size, capped at bytes_length).
 */
export const RETURN_WALK_MAX = Math.max(
  WALKS.abi_encode.node.per * (maxNodes(ABI_LIMITS) - 1),
  WALKS.return_value.node.per * (CAPS.bytes_length - 1),
);

/** The most catching one exception can charge: a frame each for the traceback and the frames popped. */
export const UNWIND_MAX = WALKS.unwind.node.per * 2 * CAPS.call_depth;

/**
 * The most writing the message of a raised object that leaves the call can
 * charge (spec/GAS.md §9): a repr walk held to bytes_length (every item
 * writes at least a byte) after a chain of lone exception args of at most
 * value_depth steps.
 */
export const MESSAGE_MAX = (WALKS.repr.node.per + (WALKS.repr.byte?.per ?? 0)) *
    CAPS.bytes_length + WALKS.repr.node.per * CAPS.value_depth;

/** Whether any function raises an object (whose message may be written as it leaves the call). */
function raisesObjects(compiled: CompiledContract): boolean {
  return compiled.verified.functions.some((fn) =>
    fn.instructions.some((instruction) =>
      instruction.op === Op.RAISE || instruction.op === Op.RERAISE
    )
  );
}

/** Ops whose result is a scalar whatever their operands (constants are int, bytes or str). */
const SCALAR_PUSHES = new Set<number>([
  Op.CONST,
  Op.SMALL_INT,
  Op.NONE,
  Op.TRUE,
  Op.FALSE,
  Op.FLOORDIV,
  Op.MOD,
  Op.POW,
  Op.LSHIFT,
  Op.RSHIFT,
  Op.NEG,
  Op.POS,
  Op.INVERT,
  Op.NOT,
  Op.EQ,
  Op.NE,
  Op.LT,
  Op.LE,
  Op.GT,
  Op.GE,
  Op.IN,
  Op.NOT_IN,
  Op.IS,
  Op.IS_NOT,
  Op.ISINSTANCE,
]);

/** Builtins whose result is never a container (a range is a leaf of the return walk). */
const SCALAR_BUILTINS = new Set([
  "abs",
  "all",
  "any",
  "bool",
  "bytes",
  "chr",
  "hex",
  "int",
  "isinstance",
  "len",
  "ord",
  "pow",
  "range",
  "str",
]);

function yieldsScalar(instruction: Instruction | undefined): boolean {
  if (instruction === undefined) return false;
  if (instruction.op === Op.CALL_BUILTIN) {
    return SCALAR_BUILTINS.has(BUILTINS[instruction.operands[0] ?? 0]?.name ?? "");
  }
  return SCALAR_PUSHES.has(instruction.op);
}

/** True when every RETURN returns what a scalar-yielding op pushed just before it (and is no jump target). */
function returnsScalarsOnly(instructions: readonly Instruction[]): boolean {
  const targets = new Set<number>();
  for (const instruction of instructions) {
    if (opInfo(instruction.op)?.operands.includes("target") === true) {
      targets.add(instruction.operands[0] ?? -1);
    }
  }
  return instructions.every((instruction, pc) =>
    instruction.op !== Op.RETURN ||
    (!targets.has(pc) && yieldsScalar(instructions[pc - 1]))
  );
}

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
 * Ops that may draw items from an iterator (a `for`, unpacking, `+=` and
 * slice assignment from an iterable, and builtin, method and stdlib calls
 * that consume one).
 */
const DRAWS_ITEMS = new Set<number>([
  Op.FOR_ITER,
  Op.UNPACK,
  Op.INPLACE_ADD,
  Op.STORE_SUBSCR,
  Op.CALL_BUILTIN,
  Op.CALL_METHOD,
  Op.CALL_STDLIB,
]);

const ZIP_ID = BUILTINS.findIndex((info) => info?.name === "zip");

/** Why a call of a module that makes zip iterators has no static bound. */
const ZIP_REASON = "zip() is called: each tuple it yields is paid when drawn, by whatever draws it";

/**
 * Whether any function of the module calls zip(). A zip pays for every
 * tuple it yields (per item) when the tuple is drawn, and zips of zips
 * multiply that work, so an instruction that draws from an iterator has no
 * bound of its own in such a module. Only CALL_BUILTIN zip makes one (no
 * call input, stored value or ABI value is an iterator), so a module
 * without it draws only from iterators whose steps cost nothing extra.
 */
export function makesZips(compiled: CompiledContract): boolean {
  return compiled.verified.functions.some((fn) =>
    fn.instructions.some((instruction) =>
      instruction.op === Op.CALL_BUILTIN && instruction.operands[0] === ZIP_ID
    )
  );
}

/**
 * The most one instruction can charge under the caps, from the table: the
 * op's `maxGas` plus, for a host call, the member's `maxGas` (base + per ×
 * the unit's largest value); Infinity for an instruction that draws from
 * an iterator in a module that makes zips ({@link makesZips}). A CALL's
 * callee is not included. The estimator counts every instruction at this
 * cost; the soundness test checks that no executed instruction is ever
 * charged more.
 */
export function instructionMaxGas(instruction: Instruction, zips = false): number {
  if (zips && DRAWS_ITEMS.has(instruction.op)) return Infinity;
  return (opInfo(instruction.op)?.maxGas ?? 0) + (hostCall(instruction)?.maxGas ?? 0);
}

/** One function's code as the estimator walks it. */
interface MeasuredFunction {
  readonly instructions: readonly Instruction[];
  readonly loops: ReadonlyMap<number, LoopInfo>;
  /** The handler target covering a pc, or null. */
  readonly handlerOf: (pc: number) => number | null;
}

class Estimator {
  readonly #compiled: CompiledContract;
  readonly #memo = new Map<number, Bound>();
  readonly #zips: boolean;

  constructor(compiled: CompiledContract) {
    this.#compiled = compiled;
    this.#zips = makesZips(compiled);
  }

  /** Bound of one run of function `index` (without the initialiser). */
  function(index: number): Bound {
    const known = this.#memo.get(index);
    if (known !== undefined) return known;
    const verified = this.#compiled.verified.functions[index];
    const instructions = verified?.instructions ?? [];
    const handlers = this.#compiled.module.functions[index]?.handlers ?? [];
    const handlerOf = (pc: number) => handlers[verified?.handlerAt[pc] ?? -1]?.target ?? null;
    const loops = new Map((this.#compiled.loops[index] ?? []).map((loop) => [loop.header, loop]));
    const bound = this.#region({ instructions, loops, handlerOf }, 0, instructions.length, -1);
    this.#memo.set(index, bound);
    return bound;
  }

  #opCost(instruction: Instruction): Bound {
    const max = instructionMaxGas(instruction, this.#zips);
    if (max === Infinity) return { max: 0, exact: false, unbounded: ZIP_REASON };
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
    fn: MeasuredFunction,
    from: number,
    to: number,
    skip: number,
  ): Bound {
    const best = new Array<number>(to + 1).fill(-1);
    best[from] = 0;
    let exit = -1;
    let exact = true;
    let unbounded: string | null = null;
    const { instructions, loops, handlerOf } = fn;
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
          fn,
          loop.header,
          loop.backJump + 1,
          loop.header,
        );
        unbounded ??= loop.iterations === null ? loop.reason : iteration.unbounded;
        const header = this.#opCost(instructions[loop.header] as Instruction);
        const total = (loop.iterations ?? 0) * iteration.max + header.max;
        reach(loop.backJump + 1, here + total);
        for (let inner = loop.header; inner <= loop.backJump; inner++) {
          const target = handlerOf(inner);
          if (target !== null && (target < loop.header || target > loop.backJump)) {
            reach(target, here + total + UNWIND_MAX);
          }
        }
        pc = loop.backJump;
        continue;
      }
      const instruction = instructions[pc] as Instruction;
      const info = opInfo(instruction.op);
      const cost = this.#opCost(instruction);
      exact &&= cost.exact && !BRANCHES.has(instruction.op);
      unbounded ??= cost.unbounded;
      const after = here + cost.max;
      const handler = handlerOf(pc);
      if (handler !== null) {
        exact = false;
        reach(handler, after + UNWIND_MAX);
      }
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

/** Static gas bounds of every exported function, by name. (the public, guarded form is in ./api.ts). */
export function estimateGas(compiled: CompiledContract): Map<string, GasEstimate> {
  const estimator = new Estimator(compiled);
  const init = estimator.function(0);
  const message = raisesObjects(compiled) ? MESSAGE_MAX : 0;
  const result = new Map<string, GasEstimate>();
  for (const entry of compiled.module.exports) {
    const body = estimator.function(entry.fn);
    const reason = init.unbounded ?? body.unbounded;
    const scalar = returnsScalarsOnly(compiled.verified.functions[entry.fn]?.instructions ?? []);
    const max = init.max + body.max + (scalar ? 0 : RETURN_WALK_MAX) + message;
    result.set(
      entry.name,
      reason !== null
        ? { kind: "unbounded", reason }
        : init.exact && body.exact && scalar && message === 0
        ? { kind: "exact", gas: max }
        : { kind: "bounded", max },
    );
  }
  return result;
}

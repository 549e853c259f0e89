/**
 * Static gas bounds per exported function (spec/GAS.md §4): the driver.
 *
 * Every call first runs the module initialiser, so each estimate includes
 * it. Within a function a forward pass tracks what is known of each value
 * (estimate_values.ts) and prices each instruction by the size rules of
 * estimate_costs.ts, or at its table maximum where none applies; the bound
 * is then the costliest path (code is structured: every jump but a loop's
 * closing one goes forward), each loop at its static iteration count times
 * its costliest iteration, each call at the callee's bound for what is
 * known of its arguments. Storage reads are bounded by the writes the
 * contract's own code can make (a survey of every export first). A
 * function is `exact` when it has one path and no size-dependent cost;
 * `unbounded` names the loop that has no static bound. An exported function
 * that may return a container also counts the largest walk of its return
 * value (spec/ABI.md §6). In a module that calls zip(), every call that
 * draws from an iterator is unbounded ({@link makesZips}).
 *
 * An instruction an exception handler covers also reaches the handler, at
 * its own cost plus the most the unwinding can charge ({@link UNWIND_MAX});
 * a loop that holds such an instruction reaches the handler after all its
 * iterations. The forward pass enters every handler knowing nothing of
 * any value (each stack slot and local may be anything).
 */

import type { CompiledContract } from "./compile.ts";
import type { LoopInfo } from "./emitter.ts";
import type { Instruction, IrExport } from "./ir.ts";
import { ABI_LIMITS } from "../abi/limits.ts";
import { ADDRESS_LENGTH, maxNodes } from "../abi/codec.ts";
import type { Manifest } from "../abi/manifest.ts";
import type { AbiType } from "../abi/types.ts";
import {
  effectOf,
  mayAlias,
  type StorageBound,
  type StoredWrite,
  storedWrite,
} from "./estimate_costs.ts";
import {
  type Abs,
  abs,
  absKey,
  aliased,
  argument,
  isScalar,
  join,
  Kind,
  TOP,
} from "./estimate_values.ts";
import {
  BUILTINS,
  type CallableInfo,
  CAPS,
  type MethodInfo,
  METHODS,
  Op,
  opInfo,
  sizeDependent,
  stackCount,
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
  | {
    readonly kind: "bounded";
    readonly max: number;
    /** The largest size-dependent term ("storage.get of up to 33 bytes"); "" when none. */
    readonly dominant: string;
  }
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

/** The largest single term of a bound, for the report ("storage.get of up to 33 bytes"). */
interface Term {
  readonly gas: number;
  readonly text: string;
}

interface FunctionBound extends Bound {
  /** What the function may return. */
  readonly result: Abs;
  /** Its costliest size-dependent instruction (its callees' included). */
  readonly term: Term;
}

interface FlowState {
  readonly stack: readonly Abs[];
  readonly locals: readonly Abs[];
}

const NO_TERM: Term = { gas: 0, text: "" };

function joinStates(a: FlowState | undefined, b: FlowState): FlowState {
  if (a === undefined) return b;
  return {
    stack: b.stack.map((value, i) => join(a.stack[i] ?? TOP, value)),
    locals: b.locals.map((value, i) => join(a.locals[i] ?? TOP, value)),
  };
}

/** Storage as the estimator bounds it: by the writes the contract's code can make. */
class WrittenStorage implements StorageBound {
  readonly #writes: readonly StoredWrite[] | null;

  /** `writes` null: nothing is known, every read is at the storage_value cap. */
  constructor(writes: readonly StoredWrite[] | null) {
    this.#writes = writes;
  }

  readLength(key: Abs): number {
    if (this.#writes === null) return CAPS.storage_value;
    let longest = 0;
    for (const write of this.#writes) {
      if (mayAlias(key, write.key)) longest = Math.max(longest, write.length);
    }
    return Math.min(longest, CAPS.storage_value);
  }
}

/** One function's code as the estimator walks it. */
interface MeasuredFunction {
  readonly instructions: readonly Instruction[];
  /** Each instruction's bound, from the forward pass. */
  readonly costs: readonly Bound[];
  readonly loops: ReadonlyMap<number, LoopInfo>;
  /** The handler target covering a pc, or null. */
  readonly handlerOf: (pc: number) => number | null;
}

class Estimator {
  readonly #compiled: CompiledContract;
  readonly #memo = new Map<string, FunctionBound>();
  readonly #active = new Set<string>();
  readonly #zips: boolean;
  readonly #storage: StorageBound;
  /** What each global holds (all TOP while the initialiser itself is estimated). */
  #globals: readonly Abs[];
  /** Storage writes met, when collecting them. */
  readonly writes: StoredWrite[] = [];
  /** Per function, the largest bound of each instruction over every estimated call of it. */
  readonly instructionBounds = new Map<number, number[]>();
  /** Distinct argument descriptions a function was estimated for. */
  readonly #contexts = new Map<number, number>();

  constructor(compiled: CompiledContract, storage: StorageBound) {
    this.#compiled = compiled;
    this.#zips = makesZips(compiled);
    this.#storage = storage;
    this.#globals = new Array<Abs>(compiled.verified.module.globals).fill(TOP);
    this.#globals = this.#globalValues();
  }

  /**
   * What each global holds when a function runs: what the initialiser
   * stored (the join of its stores) for a global no other function stores,
   * TOP otherwise.
   */
  #globalValues(): Abs[] {
    const count = this.#compiled.verified.module.globals;
    const stored = new Array<Abs | undefined>(count).fill(undefined);
    const elsewhere = new Set<number>();
    this.#compiled.verified.functions.forEach((fn, index) => {
      for (const instruction of fn.instructions) {
        if (instruction.op === Op.STORE_GLOBAL && index !== 0) {
          elsewhere.add(instruction.operands[0] ?? 0);
        }
      }
    });
    const values: Abs[] = new Array<Abs>(count).fill(TOP);
    this.#flow(0, [], values, (slot, value) => {
      const known = stored[slot];
      stored[slot] = known === undefined ? value : join(known, value);
    });
    return values.map((_, slot) => elsewhere.has(slot) ? TOP : stored[slot] ?? TOP);
  }

  /** Bound of one run of function `index` with arguments `args` (without the initialiser). */
  function(index: number, args: readonly Abs[]): FunctionBound {
    const key = `${index}:${args.map(absKey).join(",")}`;
    const known = this.#memo.get(key);
    if (known !== undefined) return known;
    const contexts = this.#contexts.get(index) ?? 0;
    if (contexts >= MAX_CONTEXTS && !this.#active.has(key) && args.some((arg) => arg !== TOP)) {
      // Past the cap every further call is estimated for arguments that may be anything.
      return this.function(index, args.map(() => TOP));
    }
    if (this.#active.has(key)) {
      return {
        max: 0,
        exact: false,
        unbounded: "a recursive call",
        result: TOP,
        term: NO_TERM,
      };
    }
    this.#active.add(key);
    this.#contexts.set(index, contexts + 1);
    const verified = this.#compiled.verified.functions[index];
    const instructions = verified?.instructions ?? [];
    const handlers = this.#compiled.module.functions[index]?.handlers ?? [];
    const handlerOf = (pc: number) => handlers[verified?.handlerAt[pc] ?? -1]?.target ?? null;
    const loops = new Map((this.#compiled.loops[index] ?? []).map((loop) => [loop.header, loop]));
    const flow = this.#flow(index, args, this.#globals, () => {});
    const measured = { instructions, costs: flow.costs, loops, handlerOf };
    const bound = this.#region(measured, 0, instructions.length, -1);
    const result = { ...bound, result: flow.result, term: flow.term };
    const most = this.instructionBounds.get(index) ?? [];
    flow.costs.forEach((cost, pc) =>
      most[pc] = Math.max(most[pc] ?? 0, cost.unbounded === null ? cost.max : Infinity)
    );
    this.instructionBounds.set(index, most);
    this.#active.delete(key);
    this.#memo.set(key, result);
    return result;
  }

  /**
   * One forward pass over the function's code (structured: every jump but
   * a loop's closing one goes forward), joining what is known at each join
   * point; at a loop header every local the loop stores is forgotten, so
   * one pass over the body holds for every iteration. Gives each
   * instruction's cost under what is known of its operands.
   */
  #flow(
    index: number,
    args: readonly Abs[],
    globals: readonly Abs[],
    onStoreGlobal: (slot: number, value: Abs) => void,
  ): { costs: Bound[]; result: Abs; term: Term } {
    const fn = this.#compiled.verified.functions[index];
    const ir = this.#compiled.verified.module.functions[index];
    const instructions = fn?.instructions ?? [];
    const consts = this.#compiled.verified.module.consts;
    const locals = new Array<Abs>(ir?.locals ?? 0).fill(TOP).map((value, slot) =>
      slot < args.length ? aliased(args[slot] ?? TOP) : value
    );
    const states = new Array<FlowState | undefined>(instructions.length + 1).fill(undefined);
    states[0] = { stack: [], locals };
    // A handler is entered from anywhere in its range, the stack cut to its height and the
    // exception pushed: nothing is known of any value there.
    for (const handler of ir?.handlers ?? []) {
      states[handler.target] = {
        stack: new Array<Abs>(handler.height + 1).fill(TOP),
        locals: locals.map(() => TOP),
      };
    }
    const havoc = this.#loopStores(index, instructions);
    const costs: Bound[] = new Array<Bound>(instructions.length).fill({
      max: 0,
      exact: true,
      unbounded: null,
    });
    let result: Abs | null = null;
    let term = NO_TERM;
    for (let pc = 0; pc < instructions.length; pc++) {
      let state = states[pc];
      if (state === undefined) continue;
      const forget = havoc.get(pc);
      if (forget !== undefined) {
        state = {
          stack: forget.all ? state.stack.map(() => TOP) : state.stack,
          locals: state.locals.map((value, slot) =>
            forget.all || forget.slots.has(slot) ? TOP : value
          ),
        };
      }
      const instruction = instructions[pc] as Instruction;
      const info = opInfo(instruction.op);
      const pops = info === undefined ? 0 : stackCount(info.pops, instruction.operands);
      const pushes = info === undefined ? 0 : stackCount(info.pushes, instruction.operands);
      const below = state.stack.slice(0, state.stack.length - pops);
      const popped = state.stack.slice(state.stack.length - pops);
      let localsAfter = state.locals;
      let pushed: Abs[] = new Array<Abs>(pushes).fill(TOP);
      const cost = this.#cost(instruction, popped, consts);
      costs[pc] = cost.bound;
      if (cost.term.gas > term.gas) term = cost.term;
      const operand = instruction.operands[0] ?? 0;
      switch (instruction.op) {
        case Op.DUP: // x -- x x
        case Op.DUP2: // a b -- a b a b
          pushed = [...popped, ...popped].map(aliased);
          break;
        case Op.ROT2: // a b -- b a
          pushed = [popped[1] ?? TOP, popped[0] ?? TOP];
          break;
        case Op.ROT3: // a b c -- c a b
          pushed = [popped[2] ?? TOP, popped[0] ?? TOP, popped[1] ?? TOP];
          break;
        case Op.LOAD_LOCAL: // -- value
          pushed = [state.locals[operand] ?? TOP];
          break;
        case Op.STORE_LOCAL: // value --
          localsAfter = state.locals.map((value, slot) =>
            slot === operand ? aliased(popped[0] ?? TOP) : value
          );
          break;
        case Op.DELETE_LOCAL: // --
          localsAfter = state.locals.map((value, slot) => slot === operand ? TOP : value);
          break;
        case Op.LOAD_GLOBAL: // -- value
          pushed = [globals[operand] ?? TOP];
          break;
        case Op.STORE_GLOBAL: // value --
          onStoreGlobal(operand, aliased(popped[0] ?? TOP));
          break;
        case Op.RETURN: // value --
          result = result === null ? popped[0] ?? TOP : join(result, popped[0] ?? TOP);
          break;
        default:
          if (pushes === 1) pushed = [cost.result];
      }
      const after: FlowState = { stack: [...below, ...pushed], locals: localsAfter };
      if (info?.terminal === true) continue;
      if (info?.operands.includes("target") === true) {
        const target = instruction.operands[0] ?? 0;
        if (target > pc) {
          const branch = info.branch === null ? after : {
            stack: [
              ...below,
              ...popped.slice(0, info.branch.pushes),
            ],
            locals: localsAfter,
          };
          states[target] = joinStates(states[target], branch);
        }
        if (instruction.op === Op.JUMP) continue;
      }
      states[pc + 1] = joinStates(states[pc + 1], after);
    }
    return { costs, result: result ?? TOP, term };
  }

  /**
   * What to forget at each loop header (the locals the loop stores) and at
   * any other target of a backward jump (everything).
   */
  #loopStores(
    index: number,
    instructions: readonly Instruction[],
  ): Map<number, { all: boolean; slots: Set<number> }> {
    const forget = new Map<number, { all: boolean; slots: Set<number> }>();
    for (const loop of this.#compiled.loops[index] ?? []) {
      const slots = new Set<number>();
      for (let pc = loop.header; pc <= loop.backJump; pc++) {
        const instruction = instructions[pc];
        if (instruction?.op === Op.STORE_LOCAL || instruction?.op === Op.DELETE_LOCAL) {
          slots.add(instruction.operands[0] ?? 0);
        }
      }
      forget.set(loop.header, { all: false, slots });
    }
    instructions.forEach((instruction, pc) => {
      if (opInfo(instruction.op)?.operands.includes("target") !== true) return;
      const target = instruction.operands[0] ?? 0;
      if (target <= pc && !forget.has(target)) forget.set(target, { all: true, slots: new Set() });
    });
    return forget;
  }

  /** The bound of one instruction given what it pops, the value it pushes and its term. */
  #cost(
    instruction: Instruction,
    popped: readonly Abs[],
    consts: CompiledContract["verified"]["module"]["consts"],
  ): { bound: Bound; result: Abs; term: Term } {
    const info = opInfo(instruction.op);
    const host = hostCall(instruction);
    const exact = info?.maxGas === info?.base && (host === null || !sizeDependent(host));
    const max = instructionMaxGas(instruction, this.#zips);
    if (max === Infinity) {
      return { bound: { max: 0, exact: false, unbounded: ZIP_REASON }, result: TOP, term: NO_TERM };
    }
    const write = storedWrite(instruction, popped);
    if (write !== null) this.writes.push(write);
    if (instruction.op === Op.CALL) {
      const callee = this.function(instruction.operands[0] ?? 0, popped.map(argument));
      return {
        bound: { max: max + callee.max, exact: exact && callee.exact, unbounded: callee.unbounded },
        result: callee.result,
        term: callee.term,
      };
    }
    const effect = effectOf(instruction, popped, consts, this.#storage);
    if (effect === null) {
      return {
        bound: { max, exact, unbounded: null },
        result: TOP,
        term: exact ? NO_TERM : { gas: max, text: `${describe(instruction)} at the caps` },
      };
    }
    return {
      bound: { max: effect.gas, exact, unbounded: null },
      result: effect.result,
      term: effect.term === "" ? NO_TERM : { gas: effect.gas, text: effect.term },
    };
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
    const { instructions, costs, loops, handlerOf } = fn;
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
        const header = costs[loop.header] ?? { max: 0, exact: true, unbounded: null };
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
      const cost = costs[pc] ?? { max: 0, exact: true, unbounded: null };
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

/** `OP` or `OP member` of an instruction, for a term of the report. */
function describe(instruction: Instruction): string {
  const name = opInfo(instruction.op)?.name ?? String(instruction.op);
  const host = hostCall(instruction);
  return host === null ? name : host.name;
}

/** What an argument of this ABI type may be (calldata decoding holds the ABI caps). */
function argumentValue(type: AbiType): Abs {
  switch (type.kind) {
    case "int":
      return abs(Kind.INT, { bits: ABI_LIMITS.intBits });
    case "bool":
      return abs(Kind.BOOL, { bits: 1 });
    case "bytes":
      return abs(Kind.BYTES, { len: ABI_LIMITS.bytesLength });
    case "str":
      return abs(Kind.STR, { len: ABI_LIMITS.bytesLength });
    case "address":
      return abs(Kind.BYTES, { len: ADDRESS_LENGTH });
    default:
      return TOP;
  }
}

/** Most argument descriptions one function is estimated for before they are all taken as TOP. */
const MAX_CONTEXTS = 16;

/** Most rounds of the storage survey in {@link estimateGas}. */
const SURVEY_ROUNDS = 4;

const STORAGE_READS = new Set(
  STDLIB.filter((member) => member?.name === "storage.get" || member?.name === "storage.get_int")
    .map((member) => member?.id),
);

/** Whether any function reads storage (else the storage survey has nothing to bound). */
function readsStorage(compiled: CompiledContract): boolean {
  return compiled.verified.functions.some((fn) =>
    fn.instructions.some((instruction) =>
      instruction.op === Op.CALL_STDLIB && STORAGE_READS.has(instruction.operands[0])
    )
  );
}

/** The arguments an export may be called with: by the manifest's types, else anything. */
function exportArguments(
  compiled: CompiledContract,
  name: string,
  fn: number,
  manifest: Manifest | null,
): Abs[] {
  const params = compiled.verified.module.functions[fn]?.params ?? [];
  const declared = manifest?.functions.find((entry) => entry.name === name);
  return params.map((_, i) => {
    const type = declared?.inputs[i]?.type;
    return type === undefined ? TOP : argumentValue(type);
  });
}

function estimateAll(
  compiled: CompiledContract,
  manifest: Manifest | null,
): { estimator: Estimator; calls: { entry: IrExport; args: Abs[] }[] } {
  const calls = compiled.module.exports.map((entry) => ({
    entry,
    args: exportArguments(compiled, entry.name, entry.fn, manifest),
  }));
  // The writes the code can make: first with every read at the storage_value cap, then again
  // with reads bounded by the writes found, while that tightens them. Each round still bounds
  // every reachable state (it starts above them and the rules are monotone), so any round is sound.
  let writes: StoredWrite[] | null = null;
  for (let round = 0; round < (readsStorage(compiled) ? SURVEY_ROUNDS : 0); round++) {
    const survey: Estimator = new Estimator(compiled, new WrittenStorage(writes));
    survey.function(0, []);
    for (const { entry, args } of calls) survey.function(entry.fn, args);
    const before: readonly StoredWrite[] | null = writes;
    const same = before !== null && survey.writes.length === before.length &&
      survey.writes.every((write: StoredWrite, i: number) => write.length === before[i]?.length);
    writes = survey.writes;
    if (same) break;
  }
  const estimator = new Estimator(compiled, new WrittenStorage(writes));
  for (const { entry, args } of calls) estimator.function(entry.fn, args);
  return { estimator, calls };
}

/**
 * Static gas bounds of every exported function, by name (the public,
 * guarded form is in ./api.ts). With a manifest, each argument is bounded
 * by its declared ABI type (calldata decoding holds it to that type and
 * the ABI caps); without one, an argument may be any value. A value read
 * from storage is bounded by the longest value a write of this contract's
 * code may store under a key the read may reach.
 */
export function estimateGas(
  compiled: CompiledContract,
  manifest: Manifest | null = null,
): Map<string, GasEstimate> {
  return estimateDetailed(compiled, manifest).estimates;
}

/**
 * The estimates of {@link estimateGas} and, per function index, the most
 * each instruction can charge over every call of it they cover (a CALL's
 * callee included): what the soundness test checks each executed
 * instruction against.
 */
export function estimateDetailed(
  compiled: CompiledContract,
  manifest: Manifest | null = null,
): {
  estimates: Map<string, GasEstimate>;
  instructionBounds: ReadonlyMap<number, readonly number[]>;
} {
  const { estimator, calls } = estimateAll(compiled, manifest);
  const init = estimator.function(0, []);
  const message = raisesObjects(compiled) ? MESSAGE_MAX : 0;
  const result = new Map<string, GasEstimate>();
  for (const { entry, args } of calls) {
    const body = estimator.function(entry.fn, args);
    const reason = init.unbounded ?? body.unbounded;
    const scalar = isScalar(body.result) ||
      returnsScalarsOnly(compiled.verified.functions[entry.fn]?.instructions ?? []);
    const max = init.max + body.max + (scalar ? 0 : RETURN_WALK_MAX) + message;
    const term = scalar ? (body.term.gas >= init.term.gas ? body.term : init.term) : {
      gas: RETURN_WALK_MAX,
      text: "the walk of a returned container",
    };
    result.set(
      entry.name,
      reason !== null
        ? { kind: "unbounded", reason }
        : init.exact && body.exact && scalar && message === 0
        ? { kind: "exact", gas: max }
        : { kind: "bounded", max, dominant: term.text },
    );
  }
  return { estimates: result, instructionBounds: estimator.instructionBounds };
}

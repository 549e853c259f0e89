/**
 * The interpreter: executes verified IR under gas. One dispatch loop over
 * pre-decoded instructions (with the superinstructions of decode.ts when no
 * step hook watches), explicit call frames (a contract call never recurses
 * in JS), base gas charged before every instruction, dynamic gas through
 * the Meter, caps on steps and call depth. Every failure goes to one
 * place: a catchable exception (exceptions.ts) whose frame, or a caller's,
 * has a handler covering the failing pc is unwound to it (paid per frame,
 * spec/GAS.md §9); anything else leaves with the traceback attached
 * (function, line, column per frame). Host effects go through the `Host`
 * interface only.
 */

import { CallFailure, InternalError, type TraceFrame } from "../errors.ts";
import type { HandlerEntry, IrModule } from "../compile/ir.ts";
import {
  type CallableInfo,
  CAPS,
  type DynamicGas,
  Op,
  OP_INFO,
  WALKS,
} from "../compile/opcodes.ts";
import type { VerifiedModule } from "../compile/verify.ts";
import { toStr } from "./builtins/convert.ts";
import { iterate } from "./iterate.ts";
import type { Metered } from "./meter.ts";
import { BASE_GAS, type Code, decodedCode } from "./decode.ts";
import { limitExceeded, outOfGas, vmError } from "./failure.ts";
import {
  caughtException,
  exceptionArgs,
  exceptionMatches,
  PyRaised,
  raiseValue,
  writeMessage,
} from "./exceptions.ts";
import { buildDisplay } from "./dict_display.ts";
import { FAST_PATH_AT } from "./fast_paths.ts";
import { checkMethod } from "./methods/dispatch.ts";
import {
  binaryOp,
  classBits,
  compareOp,
  constValue,
  type Host,
  hostCall,
  nextItem,
  sourcePosition,
  splitKeywords,
} from "./op_helpers.ts";
import { smallAdd, smallMul, smallSub } from "./small_int.ts";
import * as ops from "./ops.ts";
import { deleteSubscript, storeSubscript, subscript } from "./subscript.ts";
import { type CompiledModule, tierFor, TierRun } from "./tier.ts";
import { deepFreeze } from "./walk.ts";
import { DONE, PyException, PyList, PySlice, PyTuple, truthy, type Value } from "./values.ts";

export type { Host } from "./op_helpers.ts";

/**
 * Called before each instruction (never a superinstruction: a hook turns fusing off) with the
 * gas used so far, the operand stack (`stack[0..sp)`, read only: the hook must not keep or change
 * it) and the number of frames, this one included (traces, profiles, gas checks).
 */
export type StepHook = (
  fn: number,
  pc: number,
  op: number,
  gasUsed: number,
  stack: readonly Value[],
  sp: number,
  depth: number,
) => void;

interface Frame {
  readonly fn: number;
  pc: number;
  readonly locals: (Value | undefined)[];
  readonly base: number;
}

const NO_KEYWORDS: ReadonlyMap<string, Value> = new Map();
const LOAD_LOCAL_GAS = OP_INFO[Op.LOAD_LOCAL].base;
const SMALL_INT_GAS = OP_INFO[Op.SMALL_INT].base;
const STORE_LOCAL_GAS = OP_INFO[Op.STORE_LOCAL].base;
const JUMP_GAS = OP_INFO[Op.JUMP].base;
const FOR_ITER_GAS = OP_INFO[Op.FOR_ITER].base;
const JUMP_IF_FALSE_GAS = OP_INFO[Op.JUMP_IF_FALSE].base;
const UNWIND_GAS = WALKS.unwind.node.per;

/** Where a handler catches: the frame's index in the call stack and the table entry. */
interface Catch {
  readonly depth: number;
  readonly entry: HandlerEntry;
}

/** Executes calls into one verified module. */
export class Machine implements Metered {
  readonly #module: IrModule;
  readonly #code: readonly Code[];
  readonly #consts: readonly (Value | null)[];
  readonly #host: Host;
  /** The most gas this machine's calls may use in total. */
  readonly gasLimit: number;
  readonly #onStep: StepHook | null;
  /** Gas used so far. */
  gasUsed = 0;
  /** Instructions run so far. */
  steps = 0;
  #globals: (Value | undefined)[] = [];
  /** The compiled tier of the module, or null when calls are interpreted. */
  readonly #compiled: CompiledModule | null;

  /** A machine for `verified` with `host` as its stdlib, `gasLimit` gas and an optional step hook. */
  constructor(
    verified: VerifiedModule,
    host: Host,
    gasLimit: number,
    onStep: StepHook | null = null,
  ) {
    this.#onStep = onStep;
    this.#module = verified.module;
    this.#host = host;
    this.gasLimit = gasLimit;
    this.#consts = verified.module.consts.map(constValue);
    this.#code = decodedCode(verified);
    this.#compiled = onStep === null ? tierFor(verified) : null;
  }

  /** Charges gas; fails without side effects when the limit would be passed. */
  charge(amount: number): void {
    const next = this.gasUsed + amount;
    if (next > this.gasLimit) outOfGas(amount, this.gasLimit - this.gasUsed);
    this.gasUsed = next;
  }

  /** Dynamic gas of size-dependent work, at a rate of the generated tables (Meter). */
  pay(cost: DynamicGas | null, units: number): void {
    if (cost === null) throw new InternalError("a dynamic charge without a declared cost");
    this.charge(cost.per * units);
  }

  /** UNPACK's per-item payment, made once (no closure in the dispatch loop). */
  readonly #payUnpack = (count: number): void => this.pay(OP_INFO[Op.UNPACK].dynamic, count);

  /** The running builtin, method or stdlib member (Metered). */
  #callable: CallableInfo | null = null;

  /** Starts a builtin, method or stdlib member: charges its base (Metered). */
  begin(info: CallableInfo): void {
    this.#callable = info;
    this.charge(info.base);
  }

  /** Charges the running callable's declared rate for `count` units (Charge). */
  units(count: number): void {
    const dynamic = this.#callable?.dynamic;
    if (dynamic === null || dynamic === undefined) {
      throw new InternalError(`${this.#callable?.name ?? "?"} declares no dynamic cost`);
    }
    this.pay(dynamic, count);
  }

  /** The gas the call may still use (Charge). */
  gasLeft(): number {
    return this.gasLimit - this.gasUsed;
  }

  /** Runs the module initialiser, then function `fn` with `args`; returns its result. */
  call(fn: number, args: readonly Value[]): Value {
    this.#globals = new Array(this.#module.globals);
    const compiled = this.#compiled;
    const run = compiled === null ? null : new TierRun(this, compiled, this.#globals, this.#host);
    try {
      if (run === null) this.#execute(0, []);
      else run.execute(0, []);
    } catch (error) {
      // The initialiser runs on the way into `fn`: its failures name `fn`'s first line as the caller.
      if (error instanceof CallFailure) {
        error.traceback = [sourcePosition(this.#module, fn, 0), ...error.traceback];
      }
      throw error;
    }
    for (const value of this.#globals) if (value !== undefined) deepFreeze(value);
    return run === null ? this.#execute(fn, args) : run.execute(fn, args);
  }

  /**
   * The dispatch loop. The operand stack is one array for all frames,
   * addressed by `sp` (a frame's slots start at its `base`; the verifier
   * bounds each function's depth); gas used and steps live in locals and are
   * written back to the machine before anything that meters itself runs,
   * and read back after. Safe-integer operands take inline fast paths that
   * charge exactly what the general operators charge.
   */
  #execute(entry: number, args: readonly Value[]): Value {
    const frames: Frame[] = [];
    let stack: Value[] = [...args];
    let sp = args.length;
    let frame = this.#enter(entry, stack, sp - args.length, args.length);
    sp = frame.base;
    stack = this.#reserve(stack, sp, entry);
    frames.push(frame);
    const onStep = this.#onStep;
    // Superinstructions only without a step hook, which must see every instruction.
    const fusing = onStep === null;
    let code = this.#code[entry] as Code;
    let opcodes = fusing ? code.fused : code.ops;
    let operands = code.a;
    let locals = frame.locals;
    let pc = 0;
    // Locals, not imported bindings or fields: V8 reloads and re-checks those on every instruction.
    const baseGas = BASE_GAS;
    const limit = this.gasLimit;
    const maxSteps = CAPS.steps;
    let gas = this.gasUsed;
    let steps = this.steps;
    // The dispatch loop runs inside a try; a failure it catches either resumes it at a handler
    // (the outer loop goes round again) or leaves the call.
    while (true) {
      try {
        while (true) {
          const op = opcodes[pc] ?? 0;
          const a = operands[pc] ?? 0;
          if (onStep !== null) onStep(frame.fn, pc, op, gas, stack, sp, frames.length);
          // `pc` passes the instruction before its charges, so a failure of its own base gas or
          // step is reported at it (the error exit reports `pc - 1`), as every later failure is.
          pc++;
          const base = baseGas[op] ?? 0;
          if (gas + base > limit) outOfGas(base, limit - gas);
          gas += base;
          if (++steps > maxSteps) limitExceeded("steps", "too many instructions executed");
          switch (op) {
            case 0x01: // CONST
              stack[sp++] = this.#consts[a] ?? null;
              break;
            case 0x02: // SMALL_INT
              stack[sp++] = a;
              break;
            case 0x03: // NONE
              stack[sp++] = null;
              break;
            case 0x04: // TRUE
              stack[sp++] = true;
              break;
            case 0x05: // FALSE
              stack[sp++] = false;
              break;
            case 0x06: // POP
              sp--;
              break;
            case 0x07: // DUP
              stack[sp] = stack[sp - 1] as Value;
              sp++;
              break;
            case 0x08: // DUP2
              stack[sp] = stack[sp - 2] as Value;
              stack[sp + 1] = stack[sp - 1] as Value;
              sp += 2;
              break;
            case 0x09: { // ROT2
              const top = stack[sp - 1] as Value;
              stack[sp - 1] = stack[sp - 2] as Value;
              stack[sp - 2] = top;
              break;
            }
            case 0x0a: { // ROT3: a b c -> c a b
              const top = stack[sp - 1] as Value;
              stack[sp - 1] = stack[sp - 2] as Value;
              stack[sp - 2] = stack[sp - 3] as Value;
              stack[sp - 3] = top;
              break;
            }
            case 0x10: { // LOAD_LOCAL
              const value = locals[a];
              if (value === undefined) this.#unbound(frame.fn, a);
              stack[sp++] = value;
              break;
            }
            case 0x11: // STORE_LOCAL
              locals[a] = stack[--sp] as Value;
              break;
            case 0x12: { // LOAD_GLOBAL
              const value = this.#globals[a];
              if (value === undefined) {
                vmError("NameError", `module value #${a} is not defined yet`);
              }
              stack[sp++] = value;
              break;
            }
            case 0x13: // STORE_GLOBAL: value --
              this.#globals[a] = stack[--sp] as Value;
              break;
            case 0x15: { // LOAD_FREE: -- value
              const value = locals[a];
              if (value === undefined) this.#unboundFree(frame.fn, a);
              stack[sp++] = value;
              break;
            }
            case 0x14: // DELETE_LOCAL: --
              locals[a] = undefined;
              break;
            case 0x20: // ADD
            case 0x2f: { // INPLACE_ADD
              const right = stack[sp - 1] as Value;
              const left = stack[sp - 2] as Value;
              if (typeof left === "number" && typeof right === "number") {
                const sum = smallAdd(left, right);
                if (sum !== null) {
                  stack[--sp - 1] = sum;
                  break;
                }
              }
              this.gasUsed = gas;
              stack[--sp - 1] = binaryOp(this, op, left, right);
              gas = this.gasUsed;
              break;
            }
            case 0x21: { // SUB
              const right = stack[sp - 1] as Value;
              const left = stack[sp - 2] as Value;
              if (typeof left === "number" && typeof right === "number") {
                const difference = smallSub(left, right);
                if (difference !== null) {
                  stack[--sp - 1] = difference;
                  break;
                }
              }
              this.gasUsed = gas;
              stack[--sp - 1] = binaryOp(this, op, left, right);
              gas = this.gasUsed;
              break;
            }
            case 0x22: // MUL
            case 0x1a: { // INPLACE_MUL
              const right = stack[sp - 1] as Value;
              const left = stack[sp - 2] as Value;
              if (typeof left === "number" && typeof right === "number") {
                const product = smallMul(left, right);
                if (product !== null) {
                  stack[--sp - 1] = product;
                  break;
                }
              }
              this.gasUsed = gas;
              stack[--sp - 1] = binaryOp(this, op, left, right);
              gas = this.gasUsed;
              break;
            }
            case 0x23: // FLOORDIV
            case 0x24: { // MOD
              const right = stack[sp - 1] as Value;
              const left = stack[sp - 2] as Value;
              if (typeof left === "number" && typeof right === "number" && right !== 0) {
                // ops.floordiv / ops.mod: one unit of dynamic gas for two small ints.
                if (gas + 1 > limit) outOfGas(1, limit - gas);
                gas += 1;
                stack[--sp - 1] = op === 0x24
                  ? ops.smallFloorMod(left, right)
                  : ops.smallFloorDiv(left, right);
                break;
              }
              this.gasUsed = gas;
              stack[--sp - 1] = binaryOp(this, op, left, right);
              gas = this.gasUsed;
              break;
            }
            case 0x25: // POW
            case 0x26: // LSHIFT
            case 0x27: // RSHIFT
            case 0x28: // BITAND
            case 0x29: // BITOR
            case 0x2a: // BITXOR
            case 0x1b: // INPLACE_OR
            case 0x1c: // INPLACE_AND
            case 0x1d: // INPLACE_SUB
            case 0x1e: { // INPLACE_XOR
              const right = stack[sp - 1] as Value;
              const left = stack[sp - 2] as Value;
              this.gasUsed = gas;
              stack[--sp - 1] = binaryOp(this, op, left, right);
              gas = this.gasUsed;
              break;
            }
            case 0x2b: // NEG
              this.gasUsed = gas;
              stack[sp - 1] = ops.neg(this, stack[sp - 1] as Value);
              gas = this.gasUsed;
              break;
            case 0x2c: // POS
              stack[sp - 1] = ops.pos(stack[sp - 1] as Value);
              break;
            case 0x2d: // INVERT
              this.gasUsed = gas;
              stack[sp - 1] = ops.invert(this, stack[sp - 1] as Value);
              gas = this.gasUsed;
              break;
            case 0x2e: // NOT
              stack[sp - 1] = !truthy(stack[sp - 1] as Value);
              break;
            case 0x30: // EQ
            case 0x31: // NE
            case 0x32: // LT
            case 0x33: // LE
            case 0x34: // GT
            case 0x35: // GE
            case 0x36: // IN
            case 0x37: // NOT_IN
            case 0x38: // IS
            case 0x39: { // IS_NOT
              const right = stack[sp - 1] as Value;
              const left = stack[sp - 2] as Value;
              this.gasUsed = gas;
              stack[--sp - 1] = compareOp(this, op, left, right);
              gas = this.gasUsed;
              break;
            }
            case 0x3a: // ISINSTANCE
              stack[sp - 1] = (classBits(stack[sp - 1] as Value) & a) !== 0;
              break;
            case 0x40: // JUMP
              pc = a;
              break;
            case 0x41: { // JUMP_IF_FALSE
              const condition = stack[--sp] as Value;
              if (condition === false || (condition !== true && !truthy(condition))) pc = a;
              break;
            }
            case 0x42: { // JUMP_IF_TRUE
              const condition = stack[--sp] as Value;
              if (condition === true || (condition !== false && truthy(condition))) pc = a;
              break;
            }
            case 0x43: // JUMP_IF_FALSE_OR_POP
              if (!truthy(stack[sp - 1] as Value)) pc = a;
              else sp--;
              break;
            case 0x44: // JUMP_IF_TRUE_OR_POP
              if (truthy(stack[sp - 1] as Value)) pc = a;
              else sp--;
              break;
            case 0x45: { // RETURN
              const result = stack[sp - 1] as Value;
              sp = frame.base;
              frames.pop();
              const caller = frames[frames.length - 1];
              if (caller === undefined) {
                this.gasUsed = gas;
                this.steps = steps;
                return result;
              }
              frame = caller;
              code = this.#code[frame.fn] as Code;
              opcodes = fusing ? code.fused : code.ops;
              operands = code.a;
              locals = frame.locals;
              pc = frame.pc;
              stack[sp++] = result;
              break;
            }
            case 0x46: { // ASSERT_FAIL
              const message = a === 1 ? stack[--sp] as Value : null;
              this.gasUsed = gas;
              vmError("AssertionError", message === null ? "" : toStr(this, message));
              break;
            }
            case 0x49: { // RAISE: exc [cause] --
              const cause = a === 1 ? stack[--sp] as Value : null;
              const raised = stack[--sp] as Value;
              this.gasUsed = gas;
              if (
                raised instanceof PyException && cause !== null && !(cause instanceof PyException)
              ) {
                vmError("TypeError", "exception causes must derive from BaseException");
              }
              raiseValue(raised, false);
              break;
            }
            case 0x4a: // RERAISE: exc --
              this.gasUsed = gas;
              raiseValue(stack[--sp] as Value, true);
              break;
            case 0x4b: // EXC_MATCH: exc -- matched
              stack[sp - 1] = exceptionMatches(stack[sp - 1] as Value, a);
              break;
            case 0x4c: // EXC_ARGS: exc -- exc.args
              stack[sp - 1] = exceptionArgs(stack[sp - 1] as Value);
              break;
            case 0x59: { // NEW_EXCEPTION: x1..xn -- E(x1..xn)
              const count = code.b[pc - 1] ?? 0;
              if (gas + count > limit) outOfGas(count, limit - gas);
              gas += count;
              const items = stack.slice(sp - count, sp);
              sp -= count;
              stack[sp++] = new PyException(a, new PyTuple(items));
              break;
            }
            case 0x47: // GET_ITER
              stack[sp - 1] = iterate(stack[sp - 1] as Value);
              break;
            case 0x48: { // FOR_ITER
              // A step may pay (zip pays per item of the tuple it draws).
              this.gasUsed = gas;
              const item = nextItem(stack[sp - 1] as Value);
              gas = this.gasUsed;
              if (item === DONE) {
                sp--;
                pc = a;
              } else stack[sp++] = item;
              break;
            }
            case 0x50: // BUILD_LIST
            case 0x51: { // BUILD_TUPLE
              if (gas + a > limit) outOfGas(a, limit - gas);
              gas += a;
              const items = stack.slice(sp - a, sp);
              sp -= a;
              stack[sp++] = op === Op.BUILD_LIST ? new PyList(items) : new PyTuple(items);
              break;
            }
            case 0x52: { // BUILD_DICT
              if (gas + 2 * a > limit) outOfGas(2 * a, limit - gas);
              gas += 2 * a;
              this.gasUsed = gas;
              const dict = buildDisplay(this, stack, sp - 2 * a, a);
              gas = this.gasUsed;
              sp -= 2 * a;
              stack[sp++] = dict;
              break;
            }
            case 0x53: { // BUILD_SLICE
              sp -= 2;
              stack[sp - 1] = new PySlice(
                stack[sp - 1] as Value,
                stack[sp] as Value,
                stack[sp + 1] as Value,
              );
              break;
            }
            case 0x54: { // SUBSCR
              const key = stack[sp - 1] as Value;
              const container = stack[sp - 2] as Value;
              this.gasUsed = gas;
              stack[--sp - 1] = subscript(this, container, key);
              gas = this.gasUsed;
              break;
            }
            case 0x55: { // STORE_SUBSCR
              this.gasUsed = gas;
              storeSubscript(
                this,
                stack[sp - 2] as Value,
                stack[sp - 1] as Value,
                stack[sp - 3] as Value,
              );
              gas = this.gasUsed;
              sp -= 3;
              break;
            }
            case 0x56: { // DELETE_SUBSCR
              this.gasUsed = gas;
              deleteSubscript(this, stack[sp - 2] as Value, stack[sp - 1] as Value);
              gas = this.gasUsed;
              sp -= 2;
              break;
            }
            case 0x57: { // UNPACK
              this.gasUsed = gas;
              const items = ops.iterableItems(stack[--sp] as Value, "unpacking", this.#payUnpack);
              gas = this.gasUsed;
              if (items.length > a) {
                vmError("ValueError", `too many values to unpack (expected ${a})`);
              }
              if (items.length < a) {
                vmError(
                  "ValueError",
                  `not enough values to unpack (expected ${a}, got ${items.length})`,
                );
              }
              for (let i = items.length - 1; i >= 0; i--) stack[sp++] = items[i] as Value;
              break;
            }
            case 0x58: { // LIST_APPEND
              const value = stack[--sp] as Value;
              const list = stack[--sp];
              if (!(list instanceof PyList)) vmError("TypeError", "LIST_APPEND needs a list");
              if (list.items.length >= CAPS.container_length) {
                limitExceeded("container_length", "list is too long");
              }
              list.items.push(value);
              break;
            }
            case 0x60: { // CALL
              if (frames.length >= CAPS.call_depth) {
                limitExceeded("call_depth", "calls nested too deeply");
              }
              frame.pc = pc;
              const argc = code.b[pc - 1] ?? 0;
              frame = this.#enter(a, stack, sp - argc, argc);
              sp = frame.base;
              stack = this.#reserve(stack, sp, a);
              frames.push(frame);
              code = this.#code[a] as Code;
              opcodes = fusing ? code.fused : code.ops;
              operands = code.a;
              locals = frame.locals;
              pc = 0;
              break;
            }
            case 0x61: // CALL_BUILTIN
            case 0x62: // CALL_METHOD
            case 0x63: { // CALL_STDLIB
              const count = code.b[pc - 1] ?? 0;
              const kwnames = code.c[pc - 1] ?? 0;
              // Array literals for small counts: V8 allocates them inline, a slice is a builtin call.
              const values = count === 0
                ? []
                : count === 1
                ? [stack[sp - 1] as Value]
                : count === 2
                ? [stack[sp - 2] as Value, stack[sp - 1] as Value]
                : stack.slice(sp - count, sp);
              sp -= count;
              const receiver = op === Op.CALL_METHOD ? stack[--sp] as Value : null;
              this.gasUsed = gas;
              let result: Value;
              if (kwnames === 0) {
                result = hostCall(this, this.#host, op, a, receiver, values, NO_KEYWORDS);
              } else {
                const names = this.#module.consts[kwnames - 1]?.value as readonly string[];
                const { positional, kwargs } = splitKeywords(values, names);
                result = hostCall(this, this.#host, op, a, receiver, positional, kwargs);
              }
              gas = this.gasUsed;
              stack[sp++] = result;
              break;
            }
            case 0x64: { // STDLIB_VALUE: -- value
              this.gasUsed = gas;
              stack[sp++] = this.#host.value(this, a);
              gas = this.gasUsed;
              break;
            }
            case 0x65: // CHECK_METHOD: receiver -- receiver
              checkMethod(a, stack[sp - 1] as Value);
              break;
            // Superinstructions (decode.ts): the first instruction, then the
            // second only when its base gas and step fit; otherwise stop at the
            // second so that the next dispatch runs it alone and fails exactly
            // where the unfused code fails. `pc` passes the second before it
            // runs, so its failures are reported at its own pc.
            case 0x80: { // fused LOAD_LOCAL_LOAD_LOCAL
              const first = locals[a];
              if (first === undefined) this.#unbound(frame.fn, a);
              stack[sp++] = first;
              if (gas + LOAD_LOCAL_GAS > limit || steps >= maxSteps) break;
              gas += LOAD_LOCAL_GAS;
              steps++;
              const slot = operands[pc++] ?? 0;
              const second = locals[slot];
              if (second === undefined) this.#unbound(frame.fn, slot);
              stack[sp++] = second;
              break;
            }
            case 0x81: { // fused LOAD_LOCAL_SMALL_INT
              const value = locals[a];
              if (value === undefined) this.#unbound(frame.fn, a);
              stack[sp++] = value;
              if (gas + SMALL_INT_GAS > limit || steps >= maxSteps) break;
              gas += SMALL_INT_GAS;
              steps++;
              const constant = operands[pc++] ?? 0;
              stack[sp++] = constant;
              // The next instruction runs here only when it is an operator on its fast path.
              if (typeof value !== "number") break;
              const operator = code.ops[pc] ?? 0;
              const fast = FAST_PATH_AT[operator];
              const result = fast === undefined ? null : fast.run(value, constant);
              if (fast === undefined || result === null) break;
              const cost = (baseGas[operator] ?? 0) + fast.extra;
              if (gas + cost > limit || steps >= maxSteps) break;
              gas += cost;
              steps++;
              pc++;
              stack[--sp - 1] = result;
              break;
            }
            case 0x82: { // fused STORE_LOCAL_LOAD_LOCAL
              locals[a] = stack[--sp] as Value;
              if (gas + LOAD_LOCAL_GAS > limit || steps >= maxSteps) break;
              gas += LOAD_LOCAL_GAS;
              steps++;
              const slot = operands[pc++] ?? 0;
              const value = locals[slot];
              if (value === undefined) this.#unbound(frame.fn, slot);
              stack[sp++] = value;
              break;
            }
            case 0x83: // fused STORE_LOCAL_JUMP
              locals[a] = stack[--sp] as Value;
              if (gas + JUMP_GAS > limit || steps >= maxSteps) break;
              gas += JUMP_GAS;
              steps++;
              pc = operands[pc] ?? 0;
              break;
            case 0x84: { // fused FOR_ITER_STORE_LOCAL
              this.gasUsed = gas;
              const item = nextItem(stack[sp - 1] as Value);
              gas = this.gasUsed;
              if (item === DONE) {
                sp--;
                pc = a;
                break;
              }
              if (gas + STORE_LOCAL_GAS > limit || steps >= maxSteps) {
                stack[sp++] = item;
                break;
              }
              gas += STORE_LOCAL_GAS;
              steps++;
              locals[operands[pc++] ?? 0] = item;
              break;
            }
            case 0x85: { // fused JUMP_FOR_ITER
              pc = a;
              if (gas + FOR_ITER_GAS > limit || steps >= maxSteps) break;
              gas += FOR_ITER_GAS;
              steps++;
              pc = a + 1;
              this.gasUsed = gas;
              const item = nextItem(stack[sp - 1] as Value);
              gas = this.gasUsed;
              if (item === DONE) {
                sp--;
                pc = operands[a] ?? 0;
              } else stack[sp++] = item;
              break;
            }
            case 0x86: { // fused COMPARE_JUMP_IF_FALSE
              const right = stack[sp - 1] as Value;
              const left = stack[sp - 2] as Value;
              this.gasUsed = gas;
              const result = compareOp(this, code.ops[pc - 1] ?? 0, left, right);
              gas = this.gasUsed;
              sp -= 2;
              if (gas + JUMP_IF_FALSE_GAS > limit || steps >= maxSteps) {
                stack[sp++] = result;
                break;
              }
              gas += JUMP_IF_FALSE_GAS;
              steps++;
              const target = operands[pc++] ?? 0;
              if (!result) pc = target;
              break;
            }
            case 0x87: { // fused SMALL_INT_COMPARE_JUMP_IF_FALSE
              stack[sp++] = a;
              const left = stack[sp - 2];
              if (typeof left !== "number") break;
              const comparison = code.ops[pc] ?? 0;
              // Both remaining instructions at once: a comparison of two ints can neither fail nor charge more.
              const cost = (baseGas[comparison] ?? 0) + JUMP_IF_FALSE_GAS;
              if (gas + cost > limit || steps + 2 > maxSteps) break;
              gas += cost;
              steps += 2;
              const result = FAST_PATH_AT[comparison]?.run(left, a);
              sp -= 2;
              const target = operands[pc + 1] ?? 0;
              pc = result ? pc + 2 : target;
              break;
            }
            default:
              throw new InternalError(`unknown opcode ${op} reached the interpreter`);
          }
        }
      } catch (thrown) {
        // Helpers only run after `this.gasUsed = gas`, and gas only grows, so
        // the larger of the two is the gas used when the failure was raised.
        this.gasUsed = Math.max(this.gasUsed, gas);
        this.steps = steps;
        frame.pc = pc - 1;
        let error = thrown;
        const exception = caughtException(error);
        const handler = exception === null ? null : this.#handlerFor(frames);
        if (exception !== null && handler !== null) {
          try {
            // The traceback is recorded (a frame each) and the popped frames paid before the jump.
            this.charge(UNWIND_GAS * (2 * frames.length - 1 - handler.depth));
            if (!(error instanceof PyRaised && error.again && exception.traceback.length > 0)) {
              exception.traceback = this.#positions(frames, frame);
            }
            frames.length = handler.depth + 1;
            frame = frames[handler.depth] as Frame;
            code = this.#code[frame.fn] as Code;
            opcodes = fusing ? code.fused : code.ops;
            operands = code.a;
            locals = frame.locals;
            sp = frame.base + handler.entry.height;
            stack[sp++] = exception;
            pc = handler.entry.target;
            gas = this.gasUsed;
            continue;
          } catch (unwinding) {
            error = unwinding;
          }
        }
        if (error instanceof PyRaised) {
          try {
            writeMessage(this, error);
          } catch (writing) {
            error = writing;
          }
        }
        if (error instanceof CallFailure && error.traceback.length === 0) {
          error.traceback = this.#traceback(
            error instanceof PyRaised && error.again && error.exception.traceback.length > 0
              ? error.exception.traceback
              : this.#positions(frames, frame),
          );
        }
        throw error;
      }
    }
  }

  /**
   * The innermost handler covering the failing pc of the top frame or the
   * call pc of a caller (the instruction before its resume pc), or null.
   */
  #handlerFor(frames: readonly Frame[]): Catch | null {
    for (let depth = frames.length - 1; depth >= 0; depth--) {
      const f = frames[depth] as Frame;
      const at = depth === frames.length - 1 ? f.pc : f.pc - 1;
      const code = this.#code[f.fn] as Code;
      const entry = code.handlers[code.handlerAt[at] ?? -1];
      if (entry !== undefined) return { depth, entry };
    }
    return null;
  }

  /** Source positions of frames' failing pcs. */
  #traceback(positions: readonly { fn: number; pc: number }[]): TraceFrame[] {
    return positions.map((position) => sourcePosition(this.#module, position.fn, position.pc));
  }

  /** Each frame's failing pc: the failing instruction for `top`, the CALL for its callers. */
  #positions(frames: readonly Frame[], top: Frame): { fn: number; pc: number }[] {
    // A loop, not a closure over the dispatch loop's `pc` and `frame` (V8 would move them
    // out of registers for the whole loop).
    const positions: { fn: number; pc: number }[] = [];
    for (const f of frames) positions.push({ fn: f.fn, pc: f === top ? f.pc : f.pc - 1 });
    return positions;
  }

  #unbound(fn: number, slot: number): never {
    const name = this.#module.functions[fn]?.params[slot];
    return vmError(
      "UnboundLocalError",
      `cannot access local variable ${
        name === undefined ? `#${slot}` : `'${name}'`
      } where it is not associated with a value`,
    );
  }

  #unboundFree(fn: number, slot: number): never {
    const name = this.#module.functions[fn]?.params[slot];
    return vmError(
      "NameError",
      `cannot access free variable ${
        name === undefined ? `#${slot}` : `'${name}'`
      } where it is not associated with a value in enclosing scope`,
    );
  }

  /** A frame for `fn` whose first `argc` locals are the values at `stack[from..]`. */
  #enter(fn: number, stack: readonly Value[], from: number, argc: number): Frame {
    const locals = new Array<Value | undefined>(this.#module.functions[fn]?.locals ?? 0);
    for (let i = 0; i < argc; i++) locals[i] = stack[from + i];
    return { fn, pc: 0, locals, base: from };
  }

  /** `stack`, grown (filled with None) so that function `fn` has its verified depth above `sp`. */
  #reserve(stack: Value[], sp: number, fn: number): Value[] {
    const needed = sp + (this.#code[fn]?.maxStack ?? 0);
    if (needed <= stack.length) return stack;
    return stack.concat(
      new Array<Value>(Math.max(needed, 2 * stack.length) - stack.length).fill(null),
    );
  }
}

/**
 * The interpreter: executes verified IR under gas. One dispatch loop over
 * pre-decoded instructions, explicit call frames (a contract call never
 * recurses in JS), base gas charged before every instruction, dynamic gas
 * through the Meter, caps on steps and call depth. Every failure leaves
 * through one exit that attaches the traceback (function, line, column per
 * frame). Host effects go through the `Host` interface only.
 */

import { CallFailure, InternalError, type TraceFrame } from "../errors.ts";
import type { IrConst, IrModule } from "../compile/ir.ts";
import { BUILTINS, CAPS, METHODS, Op, OP_INFO, STDLIB } from "../compile/opcodes.ts";
import type { VerifiedModule } from "../compile/verify.ts";
import { BUILTIN_FUNCTIONS, iterate, toStr } from "./builtins.ts";
import { limitExceeded, outOfGas, vmError } from "./failure.ts";
import { callMethod } from "./methods.ts";
import * as ops from "./ops.ts";
import {
  canonicalInt,
  DONE,
  PyDict,
  PyIterator,
  PyList,
  PySlice,
  PyTuple,
  truthy,
  type Value,
} from "./values.ts";

/** The host side of stdlib: members by qualified name (`storage.get`). */
export interface Host {
  call(
    name: string,
    meter: ops.Meter,
    args: readonly Value[],
    kwargs: ReadonlyMap<string, Value>,
  ): Value;
  value(name: string): Value;
}

interface Code {
  readonly ops: Uint8Array;
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly c: Int32Array;
}

/** Called before each instruction with the gas used so far (for traces and gas checks). */
export type StepHook = (fn: number, pc: number, op: number, gasUsed: number) => void;

interface Frame {
  readonly fn: number;
  pc: number;
  readonly locals: (Value | undefined)[];
  readonly base: number;
}

const NO_KEYWORDS: ReadonlyMap<string, Value> = new Map();
const BASE_GAS = new Int32Array(256);
for (const info of Object.values(OP_INFO)) BASE_GAS[info.code] = info.base;

function constValue(value: IrConst): Value {
  switch (value.kind) {
    case "int":
      return canonicalInt(value.value);
    case "bytes":
    case "str":
      return value.value;
    case "names":
      throw new InternalError("a names constant cannot be pushed");
  }
}

function deepFreeze(value: Value): void {
  if (value instanceof PyList) {
    value.frozen = true;
    value.items.forEach(deepFreeze);
  } else if (value instanceof PyDict) {
    value.frozen = true;
    for (const entry of value.entries.values()) deepFreeze(entry.value);
  } else if (value instanceof PyTuple) {
    value.items.forEach(deepFreeze);
  }
}

function isinstanceMask(value: Value, mask: number): boolean {
  if (typeof value === "boolean") return (mask & 0b11) !== 0;
  if (typeof value === "number" || typeof value === "bigint") return (mask & 1) !== 0;
  if (value instanceof Uint8Array) return (mask & 4) !== 0;
  if (typeof value === "string") return (mask & 8) !== 0;
  if (value instanceof PyList) return (mask & 16) !== 0;
  if (value instanceof PyTuple) return (mask & 32) !== 0;
  if (value instanceof PyDict) return (mask & 64) !== 0;
  return false;
}

/** Executes calls into one verified module. */
export class Machine implements ops.Meter {
  readonly #module: IrModule;
  readonly #code: readonly Code[];
  readonly #consts: readonly (Value | null)[];
  readonly #host: Host;
  readonly gasLimit: number;
  readonly #onStep: StepHook | null;
  gasUsed = 0;
  steps = 0;
  #globals: (Value | undefined)[] = [];

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
    this.#consts = verified.module.consts.map((
      value,
    ) => (value.kind === "names" ? null : constValue(value)));
    this.#code = verified.functions.map((fn) => {
      const n = fn.instructions.length;
      const code: Code = {
        ops: new Uint8Array(n),
        a: new Int32Array(n),
        b: new Int32Array(n),
        c: new Int32Array(n),
      };
      fn.instructions.forEach((instruction, pc) => {
        code.ops[pc] = instruction.op;
        code.a[pc] = instruction.operands[0] ?? 0;
        code.b[pc] = instruction.operands[1] ?? 0;
        code.c[pc] = instruction.operands[2] ?? 0;
      });
      return code;
    });
  }

  /** Charges gas; fails without side effects when the limit would be passed. */
  charge(amount: number): void {
    const next = this.gasUsed + amount;
    if (next > this.gasLimit) outOfGas(amount, this.gasLimit - this.gasUsed);
    this.gasUsed = next;
  }

  /** Dynamic gas of size-dependent work (Meter). */
  dynamic(per: number, units: number): void {
    this.charge(per * units);
  }

  /** Runs the module initialiser, then function `fn` with `args`; returns its result. */
  call(fn: number, args: readonly Value[]): Value {
    this.#globals = new Array(this.#module.globals);
    this.#execute(0, []);
    for (const value of this.#globals) if (value !== undefined) deepFreeze(value);
    return this.#execute(fn, args);
  }

  #lineOf(fn: number, pc: number): TraceFrame {
    const ir = this.#module.functions[fn];
    let line = 0;
    let column = 0;
    for (const entry of ir?.lines ?? []) {
      if (entry.pc > pc) break;
      line = entry.line;
      column = entry.column;
    }
    return { function: ir?.name ?? "?", line, column };
  }

  #execute(entry: number, args: readonly Value[]): Value {
    const frames: Frame[] = [];
    const stack: Value[] = [];
    const newFrame = (fn: number, values: readonly Value[]): Frame => {
      const locals = new Array<Value | undefined>(this.#module.functions[fn]?.locals ?? 0);
      values.forEach((value, i) => (locals[i] = value));
      return { fn, pc: 0, locals, base: stack.length };
    };
    let frame = newFrame(entry, args);
    frames.push(frame);
    let code = this.#code[entry] as Code;
    let opcodes = code.ops;
    let firstOperands = code.a;
    let locals = frame.locals;
    let pc = 0;
    const onStep = this.#onStep;
    try {
      while (true) {
        const op = opcodes[pc] ?? 0;
        const a = firstOperands[pc] ?? 0;
        if (onStep !== null) onStep(frame.fn, pc, op, this.gasUsed);
        const base = BASE_GAS[op] ?? 0;
        if (this.gasUsed + base > this.gasLimit) outOfGas(base, this.gasLimit - this.gasUsed);
        this.gasUsed += base;
        if (++this.steps > CAPS.steps) limitExceeded("steps", "too many instructions executed");
        pc++;
        switch (op) {
          case 0x01: // CONST
            stack.push(this.#consts[a] ?? null);
            break;
          case 0x02: // SMALL_INT
            stack.push(a);
            break;
          case 0x03: // NONE
            stack.push(null);
            break;
          case 0x04: // TRUE
            stack.push(true);
            break;
          case 0x05: // FALSE
            stack.push(false);
            break;
          case 0x06: // POP
            stack.pop();
            break;
          case 0x07: // DUP
            stack.push(stack[stack.length - 1] ?? null);
            break;
          case 0x08: // DUP2
            stack.push(stack[stack.length - 2] ?? null, stack[stack.length - 1] ?? null);
            break;
          case 0x09: { // ROT2
            const top = stack.pop() ?? null;
            const below = stack.pop() ?? null;
            stack.push(top, below);
            break;
          }
          case 0x0a: { // ROT3
            const c = stack.pop() ?? null;
            const b = stack.pop() ?? null;
            const first = stack.pop() ?? null;
            stack.push(c, first, b);
            break;
          }
          case 0x10: { // LOAD_LOCAL
            const value = locals[a];
            if (value === undefined) {
              const name = this.#module.functions[frame.fn]?.params[a];
              vmError(
                "UnboundLocalError",
                `local variable ${
                  name === undefined ? `#${a}` : `'${name}'`
                } referenced before assignment`,
              );
            }
            stack.push(value);
            break;
          }
          case 0x11: // STORE_LOCAL
            locals[a] = stack.pop() ?? null;
            break;
          case 0x12: { // LOAD_GLOBAL
            const value = this.#globals[a];
            if (value === undefined) vmError("NameError", `module value #${a} is not defined yet`);
            stack.push(value);
            break;
          }
          case 0x13: // STORE_GLOBAL
            this.#globals[a] = stack.pop() ?? null;
            break;
          case 0x20: // ADD
          case 0x21: // SUB
          case 0x22: // MUL
          case 0x23: // FLOORDIV
          case 0x24: // MOD
          case 0x25: // POW
          case 0x26: // LSHIFT
          case 0x27: // RSHIFT
          case 0x28: // BITAND
          case 0x29: // BITOR
          case 0x2a: // BITXOR
          case 0x2f: // INPLACE_ADD
          case 0x1a: // INPLACE_MUL
          case 0x1b: { // INPLACE_OR
            const right = stack.pop() ?? null;
            const left = stack.pop() ?? null;
            stack.push(this.#binary(op, left, right));
            break;
          }
          case 0x2b: // NEG
            stack.push(ops.neg(this, stack.pop() ?? null));
            break;
          case 0x2c: // POS
            stack.push(ops.pos(stack.pop() ?? null));
            break;
          case 0x2d: // INVERT
            stack.push(ops.invert(this, stack.pop() ?? null));
            break;
          case 0x2e: // NOT
            stack.push(!truthy(stack.pop() ?? null));
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
            const right = stack.pop() ?? null;
            const left = stack.pop() ?? null;
            stack.push(this.#compare(op, left, right));
            break;
          }
          case 0x3a: // ISINSTANCE
            stack.push(isinstanceMask(stack.pop() ?? null, a));
            break;
          case 0x40: // JUMP
            pc = a;
            break;
          case 0x41: { // JUMP_IF_FALSE
            const condition = stack.pop() ?? null;
            if (condition === false || (condition !== true && !truthy(condition))) pc = a;
            break;
          }
          case 0x42: { // JUMP_IF_TRUE
            const condition = stack.pop() ?? null;
            if (condition === true || (condition !== false && truthy(condition))) pc = a;
            break;
          }
          case 0x43: // JUMP_IF_FALSE_OR_POP
            if (!truthy(stack[stack.length - 1] ?? null)) pc = a;
            else stack.pop();
            break;
          case 0x44: // JUMP_IF_TRUE_OR_POP
            if (truthy(stack[stack.length - 1] ?? null)) pc = a;
            else stack.pop();
            break;
          case 0x45: { // RETURN
            const result = stack.pop() ?? null;
            stack.length = frame.base;
            frames.pop();
            const caller = frames[frames.length - 1];
            if (caller === undefined) return result;
            frame = caller;
            code = this.#code[frame.fn] as Code;
            opcodes = code.ops;
            firstOperands = code.a;
            locals = frame.locals;
            pc = frame.pc;
            stack.push(result);
            break;
          }
          case 0x46: { // ASSERT_FAIL
            const message = a === 1 ? stack.pop() ?? null : null;
            vmError("AssertionError", message === null ? "" : toStr(message));
            break;
          }
          case 0x47: // GET_ITER
            stack.push(iterate(stack.pop() ?? null));
            break;
          case 0x48: { // FOR_ITER
            const iterator = stack[stack.length - 1];
            if (!(iterator instanceof PyIterator)) {
              vmError("TypeError", "FOR_ITER needs an iterator");
            }
            const item = iterator.next();
            if (item === DONE) {
              stack.pop();
              pc = a;
            } else stack.push(item);
            break;
          }
          case 0x50: // BUILD_LIST
          case 0x51: { // BUILD_TUPLE
            this.dynamic(1, a);
            const items = stack.splice(stack.length - a, a);
            stack.push(op === Op.BUILD_LIST ? new PyList(items) : new PyTuple(items));
            break;
          }
          case 0x52: { // BUILD_DICT
            this.dynamic(2, a);
            const flat = stack.splice(stack.length - 2 * a, 2 * a);
            const dict = new PyDict();
            for (let i = 0; i < flat.length; i += 2) {
              ops.storeSubscript(this, dict, flat[i] ?? null, flat[i + 1] ?? null);
            }
            stack.push(dict);
            break;
          }
          case 0x53: { // BUILD_SLICE
            const step = stack.pop() ?? null;
            const stop = stack.pop() ?? null;
            const start = stack.pop() ?? null;
            stack.push(new PySlice(start, stop, step));
            break;
          }
          case 0x54: { // SUBSCR
            const key = stack.pop() ?? null;
            const container = stack.pop() ?? null;
            stack.push(ops.subscript(this, container, key));
            break;
          }
          case 0x55: { // STORE_SUBSCR
            const key = stack.pop() ?? null;
            const container = stack.pop() ?? null;
            const value = stack.pop() ?? null;
            ops.storeSubscript(this, container, key, value);
            break;
          }
          case 0x56: { // DELETE_SUBSCR
            const key = stack.pop() ?? null;
            ops.deleteSubscript(this, stack.pop() ?? null, key);
            break;
          }
          case 0x57: { // UNPACK
            const items = ops.iterableItems(this, stack.pop() ?? null, "unpacking");
            if (items.length > a) {
              vmError("ValueError", `too many values to unpack (expected ${a})`);
            }
            if (items.length < a) {
              vmError(
                "ValueError",
                `not enough values to unpack (expected ${a}, got ${items.length})`,
              );
            }
            for (let i = items.length - 1; i >= 0; i--) stack.push(items[i] ?? null);
            break;
          }
          case 0x58: { // LIST_APPEND
            const value = stack.pop() ?? null;
            const list = stack.pop();
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
            const callArgs = stack.splice(stack.length - (code.b[pc - 1] ?? 0));
            frame.pc = pc;
            frame = newFrame(a, callArgs);
            frames.push(frame);
            code = this.#code[a] as Code;
            opcodes = code.ops;
            firstOperands = code.a;
            locals = frame.locals;
            pc = 0;
            break;
          }
          case 0x61: // CALL_BUILTIN
          case 0x62: // CALL_METHOD
          case 0x63: { // CALL_STDLIB
            const count = code.b[pc - 1] ?? 0;
            const kwnames = code.c[pc - 1] ?? 0;
            const values = stack.splice(stack.length - count, count);
            if (kwnames === 0) {
              stack.push(this.#hostCall(op, a, stack, values, NO_KEYWORDS));
              break;
            }
            const names = this.#module.consts[kwnames - 1]?.value as readonly string[];
            const positional = values.slice(0, values.length - names.length);
            const kwargs = new Map(
              names.map((name, i) => [name, values[positional.length + i] ?? null]),
            );
            stack.push(this.#hostCall(op, a, stack, positional, kwargs));
            break;
          }
          case 0x64: { // STDLIB_VALUE
            const member = STDLIB[a];
            this.charge(member?.base ?? 0);
            stack.push(this.#host.value(member?.name ?? ""));
            break;
          }
          default:
            throw new InternalError(`unknown opcode ${op} reached the interpreter`);
        }
      }
    } catch (error) {
      frame.pc = pc - 1;
      if (error instanceof CallFailure) {
        if (error.traceback.length === 0) {
          error.traceback = frames.map((f) => this.#lineOf(f.fn, f === frame ? pc - 1 : f.pc - 1));
        }
        throw error;
      }
      throw error;
    }
  }

  #binary(op: number, left: Value, right: Value): Value {
    if (typeof left === "number" && typeof right === "number") {
      const result = op === Op.ADD || op === Op.INPLACE_ADD
        ? left + right
        : op === Op.SUB
        ? left - right
        : op === Op.MUL || op === Op.INPLACE_MUL
        ? left * right
        : NaN;
      if (Number.isSafeInteger(result)) return result === 0 ? 0 : result;
    }
    switch (op) {
      case 0x20: // ADD
        return ops.add(this, left, right);
      case 0x21: // SUB
        return ops.sub(this, left, right);
      case 0x22: // MUL
        return ops.mul(this, left, right);
      case 0x23: // FLOORDIV
        return ops.floordiv(this, left, right);
      case 0x24: // MOD
        return ops.mod(this, left, right);
      case 0x25: // POW
        return ops.pow(this, left, right);
      case 0x26: // LSHIFT
        return ops.lshift(this, left, right);
      case 0x27: // RSHIFT
        return ops.rshift(this, left, right);
      case 0x28: // BITAND
        return ops.bitwise(this, "&", left, right);
      case 0x29: // BITOR
        return ops.bitwise(this, "|", left, right);
      case 0x2a: // BITXOR
        return ops.bitwise(this, "^", left, right);
      case 0x2f: // INPLACE_ADD
        return ops.inplace(this, "+", left, right);
      case 0x1a: // INPLACE_MUL
        return ops.inplace(this, "*", left, right);
      default:
        return ops.inplace(this, "|", left, right);
    }
  }

  #compare(op: number, left: Value, right: Value): boolean {
    if (typeof left === "number" && typeof right === "number") {
      switch (op) {
        case 0x30: // EQ
          return left === right;
        case 0x31: // NE
          return left !== right;
        case 0x32: // LT
          return left < right;
        case 0x33: // LE
          return left <= right;
        case 0x34: // GT
          return left > right;
        case 0x35: // GE
          return left >= right;
      }
    }
    switch (op) {
      case 0x30: // EQ
        return ops.equals(left, right);
      case 0x31: // NE
        return !ops.equals(left, right);
      case 0x32: // LT
        return ops.compare("<", left, right) < 0;
      case 0x33: // LE
        return ops.compare("<=", left, right) <= 0;
      case 0x34: // GT
        return ops.compare(">", left, right) > 0;
      case 0x35: // GE
        return ops.compare(">=", left, right) >= 0;
      case 0x36: // IN
        return ops.contains(this, right, left);
      case 0x37: // NOT_IN
        return !ops.contains(this, right, left);
      case 0x38: // IS
        return left === right;
      default:
        return left !== right;
    }
  }

  #hostCall(
    op: number,
    id: number,
    stack: Value[],
    args: Value[],
    kwargs: ReadonlyMap<string, Value>,
  ): Value {
    if (op === Op.CALL_BUILTIN) {
      const info = BUILTINS[id];
      this.charge(info?.base ?? 0);
      const builtin = BUILTIN_FUNCTIONS[info?.name ?? ""];
      if (builtin === undefined) {
        throw new InternalError(`builtin ${info?.name ?? id} is not implemented`);
      }
      return builtin(this, args, kwargs);
    }
    if (op === Op.CALL_METHOD) {
      const info = METHODS[id];
      this.charge(info?.base ?? 0);
      const receiver = stack.pop() ?? null;
      return callMethod(this, info?.name ?? "", receiver, args, kwargs);
    }
    const info = STDLIB[id];
    this.charge(info?.base ?? 0);
    return this.#host.call(info?.name ?? "", this, args, kwargs);
  }
}

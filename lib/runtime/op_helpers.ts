/**
 * The general (slow-path) work of instructions, shared by the interpreter
 * and the compiled tier so both run the very same code: binary operators,
 * comparisons, FOR_ITER's step, constant values, ISINSTANCE's class bits
 * and calls of builtins, methods and stdlib members.
 */

import type { TraceFrame } from "../errors.ts";
import type { IrConst, IrModule } from "../compile/ir.ts";
import { ISINSTANCE_BIT, Op } from "../compile/opcodes.ts";
import { callBuiltin } from "./builtins/table.ts";
import { vmError } from "./failure.ts";
import { addInts, floordivInts, modInts, mulInts, powInts, subInts } from "./int_arith.ts";
import type { Metered } from "./meter.ts";
import { callMethod } from "./methods/dispatch.ts";
import * as ops from "./ops.ts";
import { canonicalInt, DONE, PyDict, PyIterator, PyList, PyTuple, type Value } from "./values.ts";

/** The host side of stdlib: members by table id (spec/opcodes_vm_py.yaml). */
export interface Host {
  /** Calls stdlib function `id` (binding its arguments and charging its cost through `meter`). */
  call(
    meter: Metered,
    id: number,
    args: readonly Value[],
    kwargs: ReadonlyMap<string, Value>,
  ): Value;
  /** Reads stdlib value `id` (charging its cost through `meter`). */
  value(meter: Metered, id: number): Value;
}

/** FOR_ITER's step: the next item of an iterator, or DONE. */
export function nextItem(iterator: Value): Value | typeof DONE {
  if (iterator instanceof PyIterator) return iterator.next();
  return vmError("TypeError", "FOR_ITER needs an iterator");
}

/** The runtime value of a pool constant (null for keyword names, which are never pushed). */
export function constValue(value: IrConst): Value | null {
  switch (value.kind) {
    case "int":
      return canonicalInt(value.value);
    case "bytes":
    case "str":
      return value.value;
    case "names":
      return null;
  }
}

/** The ISINSTANCE mask bits of a value's classes (a bool is also an int). */
export function classBits(value: Value): number {
  if (typeof value === "boolean") return ISINSTANCE_BIT.bool | ISINSTANCE_BIT.int;
  if (typeof value === "number" || typeof value === "bigint") return ISINSTANCE_BIT.int;
  if (value instanceof Uint8Array) return ISINSTANCE_BIT.bytes;
  if (typeof value === "string") return ISINSTANCE_BIT.str;
  if (value instanceof PyList) return ISINSTANCE_BIT.list;
  if (value instanceof PyTuple) return ISINSTANCE_BIT.tuple;
  if (value instanceof PyDict) return ISINSTANCE_BIT.dict;
  return 0;
}

/**
 * `left OP right` for a binary or in-place operator, by the general
 * operators of ops.ts; two ints go to the int arithmetic of int_arith.ts
 * at once (where ops.ts would send them too, after its type tests).
 */
export function binaryOp(meter: Metered, op: number, left: Value, right: Value): Value {
  if (
    (typeof left === "bigint" || typeof left === "number") &&
    (typeof right === "bigint" || typeof right === "number")
  ) {
    switch (op) {
      case Op.ADD:
      case Op.INPLACE_ADD:
        return addInts(meter, left, right);
      case Op.SUB:
      case Op.INPLACE_SUB:
        return subInts(meter, left, right);
      case Op.MUL:
      case Op.INPLACE_MUL:
        return mulInts(meter, left, right);
      case Op.MOD:
        return modInts(meter, left, right);
      case Op.FLOORDIV:
        return floordivInts(meter, left, right);
      case Op.POW:
        return powInts(meter, left, right);
    }
  }
  // Two strs go to their concatenation at once (where ops.add would send them, after its tests).
  if (op === Op.ADD && typeof left === "string" && typeof right === "string") {
    return ops.concatTexts(meter, left, right);
  }
  switch (op) {
    case Op.ADD:
      return ops.add(meter, left, right);
    case Op.SUB:
      return ops.sub(meter, left, right);
    case Op.MUL:
      return ops.mul(meter, left, right);
    case Op.FLOORDIV:
      return ops.floordiv(meter, left, right);
    case Op.MOD:
      return ops.mod(meter, left, right);
    case Op.POW:
      return ops.pow(meter, left, right);
    case Op.LSHIFT:
      return ops.lshift(meter, left, right);
    case Op.RSHIFT:
      return ops.rshift(meter, left, right);
    case Op.BITAND:
      return ops.bitwise(meter, "&", left, right);
    case Op.BITOR:
      return ops.bitwise(meter, "|", left, right);
    case Op.BITXOR:
      return ops.bitwise(meter, "^", left, right);
    case Op.INPLACE_ADD:
      return ops.inplace(meter, "+", left, right);
    case Op.INPLACE_MUL:
      return ops.inplace(meter, "*", left, right);
    case Op.INPLACE_AND:
      return ops.inplace(meter, "&", left, right);
    case Op.INPLACE_SUB:
      return ops.inplace(meter, "-", left, right);
    case Op.INPLACE_XOR:
      return ops.inplace(meter, "^", left, right);
    default:
      return ops.inplace(meter, "|", left, right);
  }
}

/** `left OP right` for a comparison, membership or identity test. */
export function compareOp(meter: Metered, op: number, left: Value, right: Value): boolean {
  if (typeof left === "number" && typeof right === "number") {
    switch (op) {
      case Op.EQ:
        return left === right;
      case Op.NE:
        return left !== right;
      case Op.LT:
        return left < right;
      case Op.LE:
        return left <= right;
      case Op.GT:
        return left > right;
      case Op.GE:
        return left >= right;
    }
  }
  switch (op) {
    case Op.EQ:
      return ops.equals(meter, left, right);
    case Op.NE:
      return !ops.equals(meter, left, right);
    case Op.LT:
      return ops.compare(meter, "<", left, right) < 0;
    case Op.LE:
      return ops.compare(meter, "<=", left, right) <= 0;
    case Op.GT:
      return ops.compare(meter, ">", left, right) > 0;
    case Op.GE:
      return ops.compare(meter, ">=", left, right) >= 0;
    case Op.IN:
      return ops.contains(meter, right, left);
    case Op.NOT_IN:
      return !ops.contains(meter, right, left);
    case Op.IS:
      return left === right;
    default:
      return left !== right;
  }
}

/** A CALL_BUILTIN, CALL_METHOD or CALL_STDLIB of table id `id`. */
export function hostCall(
  meter: Metered,
  host: Host,
  op: number,
  id: number,
  receiver: Value,
  args: Value[],
  kwargs: ReadonlyMap<string, Value>,
): Value {
  if (op === Op.CALL_BUILTIN) return callBuiltin(meter, id, args, kwargs);
  if (op === Op.CALL_METHOD) return callMethod(meter, id, receiver, args, kwargs);
  return host.call(meter, id, args, kwargs);
}

/** Splits a call's trailing keyword arguments (named by `names`) from its positional ones. */
export function splitKeywords(
  values: readonly Value[],
  names: readonly string[],
): { positional: Value[]; kwargs: Map<string, Value> } {
  const positional = values.slice(0, values.length - names.length);
  const kwargs = new Map<string, Value>();
  for (let i = 0; i < names.length; i++) {
    kwargs.set(names[i] ?? "", values[positional.length + i] ?? null);
  }
  return { positional, kwargs };
}

/** The traceback frame of instruction `pc` of function `fn`: its name and source position. */
export function sourcePosition(module: IrModule, fn: number, pc: number): TraceFrame {
  const ir = module.functions[fn];
  let line = 0;
  let column = 0;
  for (const entry of ir?.lines ?? []) {
    if (entry.pc > pc) break;
    line = entry.line;
    column = entry.column;
  }
  return { function: ir?.name ?? "?", line, column };
}

/**
 * Types of the opcode table and helpers over it. The table itself lives in
 * opcodes_generated.ts, produced by `deno task gas` from
 * spec/opcodes_vm_py.yaml; the compiler, verifier, disassembler, estimator
 * and runtime all read it, and nothing else defines opcodes.
 */

import { OP_INFO } from "./opcodes_generated.ts";

export {
  type BuiltinName,
  BUILTINS,
  CAPS,
  EXCEPTIONS,
  GAS_VERSION,
  IR_VERSION,
  ISINSTANCE_BIT,
  ISINSTANCE_TYPES,
  type MethodNames,
  METHODS,
  Op,
  OP_INFO,
  STDLIB,
  type StdlibFunctionName,
  type StdlibValueName,
  TX_GAS,
  UNIT_MAX,
  WALKS,
} from "./opcodes_generated.ts";

/** How an operand is encoded and what it indexes (spec/IR.md). */
export type OperandKind =
  | "const"
  | "sint"
  | "local"
  | "global"
  | "target"
  | "count"
  | "function"
  | "builtin"
  | "method"
  | "stdlib"
  | "kwnames"
  | "mask"
  | "flag"
  | "exception"
  | "exceptions";

/** A catchable exception class (spec/opcodes_vm_py.yaml `exceptions`). */
export interface ExceptionClass {
  /** Index in EXCEPTIONS: NEW_EXCEPTION's operand and the class's EXC_MATCH mask bit. */
  readonly id: number;
  /** The Python class name. */
  readonly name: string;
  /** Id of the base class; null for BaseException. */
  readonly parent: number | null;
}

/** A unit of dynamic work (spec/GAS.md). */
export type GasUnit =
  | "int_words"
  | "int_words_product"
  | "modular_steps"
  | "items"
  | "bytes"
  | "sort_steps"
  | "blocks"
  | "nodes";

/** `per` gas for every unit of work; at most `maxUnits` units under the caps. */
export interface DynamicGas {
  /** Gas per unit of work. */
  readonly per: number;
  /** What one unit of work is. */
  readonly unit: GasUnit;
  /** Most units one execution can have under the caps. */
  readonly maxUnits: number;
}

/** A stack count: a constant, or `times * operand + plus` of a count/flag operand. */
export type StackCount = number | {
  readonly times: number;
  readonly operand: number;
  readonly plus: number;
};

/** Everything the toolchain knows about one opcode. */
export interface OpInfo {
  /** Mnemonic (`ADD`, `LOAD_LOCAL`). */
  readonly name: string;
  /** Opcode byte. */
  readonly code: number;
  /** Kinds of the immediate operands, in order. */
  readonly operands: readonly OperandKind[];
  /** Values taken off the operand stack. */
  readonly pops: StackCount;
  /** Values pushed on the operand stack. */
  readonly pushes: StackCount;
  /** Stack picture, `before -- after`. */
  readonly stack: string;
  /** Family in the spec table (`arithmetic`, `control`...). */
  readonly category: string;
  /** Gas charged before the op runs. */
  readonly base: number;
  /** Gas in proportion to the work, when the op has a size-dependent cost. */
  readonly dynamic: DynamicGas | null;
  /** Dynamic cost when the operands are sequences (concatenation, repetition). */
  readonly sequence: DynamicGas | null;
  /** Stack effect when the op jumps, where it differs from falling through. */
  readonly branch: { readonly pops: number; readonly pushes: number } | null;
  /** The op never falls through (RETURN, ASSERT_FAIL). */
  readonly terminal: boolean;
  /** Largest gas the op itself can charge under the caps. */
  readonly maxGas: number;
}

/** How a parameter may be passed (CPython's parameter kinds). */
export type ParamKind = "positional" | "either" | "keyword";

/** One declared parameter of a builtin, method or stdlib function. */
export interface Param {
  /** Parameter name, as keyword arguments spell it. */
  readonly name: string;
  /** How the parameter may be passed. */
  readonly kind: ParamKind;
  /** Whether a call must supply it. */
  readonly required: boolean;
}

/** A parameter list: named parameters, then `*rest` and `**keywords` if any. */
export interface Signature {
  /** Named parameters, in order. */
  readonly params: readonly Param[];
  /** Name of the `*args` parameter collecting extra positional arguments. */
  readonly rest: string | null;
  /** Name of the `**kwargs` parameter collecting extra keyword arguments. */
  readonly keywords: string | null;
  /** How many parameters can be passed by position (those before any keyword-only one). */
  readonly positional: number;
  /** How many of those are required. */
  readonly required: number;
}

/**
 * How CPython 3.11 parses a callable's arguments, which decides the wording
 * of the TypeError for a wrong argument count or keyword (spec/GAS.md §5):
 * `noargs` (METH_NOARGS), `one` (METH_O), `checked`
 * (`_PyArg_CheckPositional`), `tuple` (`PyArg_ParseTuple`), `clinic`
 * (`_PyArg_UnpackKeywords`), `enumerate` (its own vectorcall) and
 * `signature` (a Python function's wording: the stdlib members).
 */
export type ParseStyle =
  | "noargs"
  | "one"
  | "checked"
  | "tuple"
  | "clinic"
  | "enumerate"
  | "signature";

/** A callable's argument parsing as its messages show it. */
export interface ArgumentParsing {
  /** Which of CPython's argument parsers the callable's messages show. */
  readonly style: ParseStyle;
  /** The name the messages give, unqualified (`split` for `str.split`). */
  readonly name: string;
  /** Fewest positional arguments (`checked`): the signature's required ones unless declared. */
  readonly least: number;
  /** The name keyword errors give (`checked` with keyword parameters: `sort` for `sorted`). */
  readonly keywordsAs: string;
}

/** A builtin, stdlib member or one receiver type's method: signature and cost. */
export interface CallableInfo {
  /** Index in its table (BUILTINS, STDLIB or a method's receivers). */
  readonly id: number;
  /** Qualified name (`len`, `str.split`, `storage.get`). */
  readonly name: string;
  /** Null for a stdlib value (read with STDLIB_VALUE). */
  readonly sig: Signature | null;
  /** How its arguments are parsed; null with the signature. */
  readonly parse: ArgumentParsing | null;
  /** Gas charged before the call runs. */
  readonly base: number;
  /** Gas in proportion to the work, when the cost depends on the operands. */
  readonly dynamic: DynamicGas | null;
  /** Largest gas one call can charge under the caps. */
  readonly maxGas: number;
}

/** A receiver type that may have methods. */
export type Receiver =
  | "str"
  | "bytes"
  | "list"
  | "tuple"
  | "dict"
  | "int"
  | "range"
  | "dict_keys"
  | "dict_items";

/** A method id: its name and its callable on each receiver type that has it. */
export interface MethodInfo {
  /** Index in METHODS (the operand of CALL_METHOD). */
  readonly id: number;
  /** Method name (`split`, `append`). */
  readonly name: string;
  /** Largest cost of any receiver's variant. */
  readonly maxGas: number;
  /** The method's callable on each receiver type that has it. */
  readonly on: { readonly [R in Receiver]?: CallableInfo };
}

/** What the compiler and estimator need of any host call: its id, name and largest cost. */
export interface HostCallInfo {
  /** Index in its table. */
  readonly id: number;
  /** Qualified name. */
  readonly name: string;
  /** Largest gas one call can charge under the caps. */
  readonly maxGas: number;
}

/** Whether a host call's cost depends on its operands (some variant has a dynamic term). */
export function sizeDependent(info: CallableInfo | MethodInfo): boolean {
  return "on" in info
    ? Object.values(info.on).some((variant) => variant.dynamic !== null)
    : info.dynamic !== null;
}

/** The info of an opcode byte, or undefined for an unknown one. */
export function opInfo(code: number): OpInfo | undefined {
  return (OP_INFO as Readonly<Record<number, OpInfo>>)[code];
}

/** Resolves a stack count for the given operands. */
export function stackCount(count: StackCount, operands: readonly number[]): number {
  if (typeof count === "number") return count;
  return count.times * (operands[count.operand] ?? 0) + count.plus;
}

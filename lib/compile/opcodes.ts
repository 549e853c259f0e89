/**
 * Types of the opcode table and helpers over it. The table itself lives in
 * opcodes_generated.ts, produced by `deno task gas` from
 * spec/opcodes_vm_py.yaml; the compiler, verifier, disassembler, estimator
 * and runtime all read it, and nothing else defines opcodes.
 */

import { OP_INFO } from "./opcodes_generated.ts";

export {
  BUILTINS,
  CAPS,
  GAS_VERSION,
  IR_VERSION,
  METHODS,
  Op,
  OP_INFO,
  STDLIB,
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
  | "flag";

/** A unit of dynamic work (spec/GAS.md). */
export type GasUnit =
  | "int_words"
  | "int_words_product"
  | "items"
  | "bytes"
  | "sort_steps"
  | "nodes";

/** `per` gas for every unit of work; at most `maxUnits` units under the caps. */
export interface DynamicGas {
  readonly per: number;
  readonly unit: GasUnit;
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
  readonly name: string;
  readonly code: number;
  readonly operands: readonly OperandKind[];
  readonly pops: StackCount;
  readonly pushes: StackCount;
  /** Stack picture, `before -- after`. */
  readonly stack: string;
  readonly category: string;
  readonly base: number;
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

/** A builtin, method or stdlib member with its cost. */
export interface HostCallInfo {
  readonly id: number;
  readonly name: string;
  readonly base: number;
  readonly dynamic: DynamicGas | null;
  readonly maxGas: number;
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

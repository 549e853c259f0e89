/**
 * Pre-decoded code for the interpreter: each verified function's
 * instructions as typed arrays (opcode, three operands), plus a second
 * opcode array in which frequent instruction pairs are replaced, at the
 * first instruction of the pair, by a superinstruction that runs both with
 * one dispatch. The second instruction stays in place, so a jump to it
 * still runs it alone. Superinstruction codes (0x80 and up) exist only in
 * memory: IR bytes never contain them and the verifier rejects them.
 * Decoding is cached per verified module. Gas, steps and failures of a
 * superinstruction are those of its two instructions run in order; the
 * interpreter keeps that promise (see interpreter.ts).
 */

import type { HandlerEntry } from "../compile/ir.ts";
import { Op, OP_INFO } from "../compile/opcodes.ts";
import type { VerifiedModule } from "../compile/verify.ts";
import { InternalError } from "../errors.ts";

/** Superinstruction codes; each names the instructions it runs. */
export const Fused = {
  /** LOAD_LOCAL a; LOAD_LOCAL b */
  LOAD_LOCAL_LOAD_LOCAL: 0x80,
  /**
   * LOAD_LOCAL a; SMALL_INT n; and the next instruction too when it is
   * ADD, SUB, MUL, FLOORDIV, MOD, INPLACE_ADD or a comparison on its
   * safe-integer fast path
   */
  LOAD_LOCAL_SMALL_INT: 0x81,
  /** STORE_LOCAL a; LOAD_LOCAL b */
  STORE_LOCAL_LOAD_LOCAL: 0x82,
  /** STORE_LOCAL a; JUMP t */
  STORE_LOCAL_JUMP: 0x83,
  /** FOR_ITER t; STORE_LOCAL a */
  FOR_ITER_STORE_LOCAL: 0x84,
  /** JUMP t where t holds FOR_ITER: the jump and the FOR_ITER */
  JUMP_FOR_ITER: 0x85,
  /** (EQ | NE | LT | LE | GT | GE); JUMP_IF_FALSE t */
  COMPARE_JUMP_IF_FALSE: 0x86,
  /** SMALL_INT n; (EQ | NE | LT | LE | GT | GE); JUMP_IF_FALSE t */
  SMALL_INT_COMPARE_JUMP_IF_FALSE: 0x87,
} as const;

/** Base gas by opcode, superinstructions included (the base of their first instruction). */
export const BASE_GAS: Int32Array = new Int32Array(256);
for (const info of Object.values(OP_INFO)) BASE_GAS[info.code] = info.base;
BASE_GAS[Fused.LOAD_LOCAL_LOAD_LOCAL] = OP_INFO[Op.LOAD_LOCAL].base;
BASE_GAS[Fused.LOAD_LOCAL_SMALL_INT] = OP_INFO[Op.LOAD_LOCAL].base;
BASE_GAS[Fused.STORE_LOCAL_LOAD_LOCAL] = OP_INFO[Op.STORE_LOCAL].base;
BASE_GAS[Fused.STORE_LOCAL_JUMP] = OP_INFO[Op.STORE_LOCAL].base;
BASE_GAS[Fused.FOR_ITER_STORE_LOCAL] = OP_INFO[Op.FOR_ITER].base;
BASE_GAS[Fused.JUMP_FOR_ITER] = OP_INFO[Op.JUMP].base;
BASE_GAS[Fused.COMPARE_JUMP_IF_FALSE] = OP_INFO[Op.EQ].base;
BASE_GAS[Fused.SMALL_INT_COMPARE_JUMP_IF_FALSE] = OP_INFO[Op.SMALL_INT].base;

const COMPARISONS: ReadonlySet<number> = new Set([Op.EQ, Op.NE, Op.LT, Op.LE, Op.GT, Op.GE]);
/** Operators with a safe-integer fast path after LOAD_LOCAL SMALL_INT. */
const INT_OPERATORS: ReadonlySet<number> = new Set([
  Op.ADD,
  Op.SUB,
  Op.MUL,
  Op.FLOORDIV,
  Op.MOD,
  Op.INPLACE_ADD,
  ...COMPARISONS,
]);
// COMPARE_JUMP_IF_FALSE charges one base for whichever comparison it starts with.
for (const op of COMPARISONS) {
  if (OP_INFO[op as Op].base !== OP_INFO[Op.EQ].base) {
    throw new InternalError("comparisons must share one base cost for COMPARE_JUMP_IF_FALSE");
  }
}

/** One function's code, decoded. */
export interface Code {
  /** Opcodes as in the IR. */
  readonly ops: Uint8Array;
  /** Opcodes with superinstructions. */
  readonly fused: Uint8Array;
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly c: Int32Array;
  /** The verifier's bound on this function's operand stack depth. */
  readonly maxStack: number;
  /** The exception table, and the index of the entry covering each pc (-1: none). */
  readonly handlers: readonly HandlerEntry[];
  readonly handlerAt: Int32Array;
}

function tripleOf(first: number, second: number, third: number): number | null {
  if (first === Op.LOAD_LOCAL && second === Op.SMALL_INT && INT_OPERATORS.has(third)) {
    return Fused.LOAD_LOCAL_SMALL_INT;
  }
  if (first === Op.SMALL_INT && COMPARISONS.has(second) && third === Op.JUMP_IF_FALSE) {
    return Fused.SMALL_INT_COMPARE_JUMP_IF_FALSE;
  }
  return null;
}

function pairOf(first: number, second: number): number | null {
  if (first === Op.LOAD_LOCAL && second === Op.LOAD_LOCAL) return Fused.LOAD_LOCAL_LOAD_LOCAL;
  if (first === Op.LOAD_LOCAL && second === Op.SMALL_INT) return Fused.LOAD_LOCAL_SMALL_INT;
  if (first === Op.STORE_LOCAL && second === Op.LOAD_LOCAL) return Fused.STORE_LOCAL_LOAD_LOCAL;
  if (first === Op.STORE_LOCAL && second === Op.JUMP) return Fused.STORE_LOCAL_JUMP;
  if (first === Op.FOR_ITER && second === Op.STORE_LOCAL) return Fused.FOR_ITER_STORE_LOCAL;
  if (COMPARISONS.has(first) && second === Op.JUMP_IF_FALSE) return Fused.COMPARE_JUMP_IF_FALSE;
  return null;
}

function decodeFunction(
  verified: VerifiedModule["functions"][number],
  handlers: readonly HandlerEntry[],
): Code {
  const n = verified.instructions.length;
  const ops = new Uint8Array(n);
  const a = new Int32Array(n);
  const b = new Int32Array(n);
  const c = new Int32Array(n);
  verified.instructions.forEach((instruction, pc) => {
    ops[pc] = instruction.op;
    a[pc] = instruction.operands[0] ?? 0;
    b[pc] = instruction.operands[1] ?? 0;
    c[pc] = instruction.operands[2] ?? 0;
  });
  const fused = ops.slice();
  const triples = ops.map((op, pc) => tripleOf(op, ops[pc + 1] ?? -1, ops[pc + 2] ?? -1) ?? 0);
  for (let pc = 0; pc < n; pc++) {
    const op = ops[pc] ?? 0;
    if (op === Op.JUMP) {
      if (ops[a[pc] ?? 0] === Op.FOR_ITER) fused[pc] = Fused.JUMP_FOR_ITER;
      continue;
    }
    if (triples[pc] !== 0) {
      fused[pc] = triples[pc] ?? op;
      continue;
    }
    // A pair would swallow the start of a triple at the next instruction; the triple saves more.
    const pair = pc + 1 < n && triples[pc + 1] === 0 ? pairOf(op, ops[pc + 1] ?? 0) : null;
    if (pair !== null) fused[pc] = pair;
  }
  return {
    ops,
    fused,
    a,
    b,
    c,
    maxStack: verified.maxStack,
    handlers,
    handlerAt: verified.handlerAt,
  };
}

const cache = new WeakMap<VerifiedModule, readonly Code[]>();

/** The decoded functions of a verified module (computed once per module object). */
export function decodedCode(verified: VerifiedModule): readonly Code[] {
  let code = cache.get(verified);
  if (code === undefined) {
    code = verified.functions.map((fn, index) =>
      decodeFunction(fn, verified.module.functions[index]?.handlers ?? [])
    );
    cache.set(verified, code);
  }
  return code;
}

/**
 * The IR: a module of functions over a shared constant pool, and the
 * instruction stream of each function (opcode byte, then one LEB128 varint
 * per operand; spec/IR.md). This file owns the in-memory shapes and the
 * instruction-level encoding; module bytes are in ir_codec.ts.
 */

import { IrDecodeError } from "../errors.ts";
import { readUvarint, unzigzag, writeUvarint, zigzag } from "../abi/varint.ts";
import { opInfo } from "./opcodes.ts";

/** A constant of the pool. `names` holds keyword-argument names of a call. */
export type IrConst =
  | { readonly kind: "int"; readonly value: bigint }
  | { readonly kind: "bytes"; readonly value: Uint8Array }
  | { readonly kind: "str"; readonly value: string }
  | { readonly kind: "names"; readonly value: readonly string[] };

/** Source position of the instructions from `pc` on (until the next entry). */
export interface LineEntry {
  /** Index of the first instruction at this position. */
  readonly pc: number;
  /** 1-based source line. */
  readonly line: number;
  /** 1-based source column. */
  readonly column: number;
}

/**
 * An exception handler (spec/IR.md §3.1): an exception raised by an
 * instruction in [start, end) truncates the operand stack to `height`,
 * pushes the exception and continues at `target`. The first entry in table
 * order that covers a pc is the one that applies.
 */
export interface HandlerEntry {
  /** First covered instruction. */
  readonly start: number;
  /** One past the last covered instruction. */
  readonly end: number;
  /** Where the handler's code starts. */
  readonly target: number;
  /** Operand stack height the handler starts at, below the exception it is given. */
  readonly height: number;
}

/** One function. Function 0 is the module initialiser `<module>`. */
export interface IrFunction {
  /** Function name (`<module>` for function 0). */
  readonly name: string;
  /** Parameter names; parameters occupy local slots 0..n-1. */
  readonly params: readonly string[];
  /** Local slots in all (parameters, variables and compiler temporaries). */
  readonly locals: number;
  /** Encoded instructions. */
  readonly code: Uint8Array;
  /** Source positions by instruction index, sorted by `pc`. */
  readonly lines: readonly LineEntry[];
  /** The exception table, innermost entries first. */
  readonly handlers: readonly HandlerEntry[];
}

/** An exported (callable from outside) function. */
export interface IrExport {
  /** Name callers use. */
  readonly name: string;
  /** Index of the function in `functions`. */
  readonly fn: number;
}

/** A compiled module. */
export interface IrModule {
  /** IR format version (IR_VERSION). */
  readonly version: number;
  /** Constant pool, indexed by CONST operands. */
  readonly consts: readonly IrConst[];
  /** Module global slots (constants, then parameter defaults). */
  readonly globals: number;
  /** Functions; 0 is the module initialiser. */
  readonly functions: readonly IrFunction[];
  /** Sorted by name. */
  readonly exports: readonly IrExport[];
  /** sha3-256 of the source bytes. */
  readonly sourceHash: Uint8Array;
}

/** A decoded instruction: opcode, up to three operands, and its byte offset. */
export interface Instruction {
  /** Opcode byte (see OP_INFO). */
  readonly op: number;
  /** Immediate operands, as OP_INFO declares them. */
  readonly operands: readonly number[];
  /** Byte offset in the function's code. */
  readonly offset: number;
}

/** Name of function 0, which sets up module globals before every call. */
export const MODULE_INIT = "<module>";

/** Largest operand value (operands index arrays or count stack items). */
export const MAX_OPERAND = 0x7fffffff;

/** Appends one instruction's bytes. */
export function writeInstruction(out: number[], op: number, operands: readonly number[]): void {
  const info = opInfo(op);
  if (info === undefined) throw new RangeError(`unknown opcode ${op}`);
  out.push(op);
  info.operands.forEach((kind, index) => {
    const value = operands[index] ?? 0;
    writeUvarint(out, kind === "sint" ? zigzag(BigInt(value)) : value);
  });
}

/** Splits code bytes into instructions; unknown opcodes and bad operands are IrDecodeErrors. */
export function decodeInstructions(code: Uint8Array, where: string): Instruction[] {
  const instructions: Instruction[] = [];
  let offset = 0;
  while (offset < code.length) {
    const op = code[offset] ?? 0;
    const info = opInfo(op);
    if (info === undefined) {
      throw new IrDecodeError(
        `${where}: unknown opcode 0x${op.toString(16).padStart(2, "0")} at byte ${offset}`,
      );
    }
    const start = offset;
    offset++;
    const operands: number[] = [];
    for (const kind of info.operands) {
      let raw: bigint;
      try {
        const varint = readUvarint(code, offset);
        raw = varint.value;
        offset = varint.next;
      } catch {
        throw new IrDecodeError(`${where}: bad operand of ${info.name} at byte ${start}`);
      }
      const value = kind === "sint" ? unzigzag(raw) : raw;
      if (value > BigInt(MAX_OPERAND) || value < -BigInt(MAX_OPERAND)) {
        throw new IrDecodeError(
          `${where}: operand of ${info.name} at byte ${start} is out of range`,
        );
      }
      operands.push(Number(value));
    }
    instructions.push({ op, operands, offset: start });
  }
  return instructions;
}

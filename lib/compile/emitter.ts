/**
 * Builds one function's instruction stream: emits instructions, binds jump
 * labels (targets are instruction indices), records the pc -> line:column
 * table (an entry whenever the source position changes), allocates local
 * slots, and records loop bounds for the estimator.
 */

import type { LineEntry } from "./ir.ts";
import { writeInstruction } from "./ir.ts";
import { Op, opInfo } from "./opcodes.ts";

/** A jump target, bound to an instruction index once known. */
export class Label {
  index: number | null = null;
}

/** Statically known iteration count of a loop, for the estimator. */
export interface LoopInfo {
  /** Index of the loop's first instruction (FOR_ITER or the while test). */
  readonly header: number;
  /** Index of the backward JUMP closing an iteration. */
  readonly backJump: number;
  /** Iterations, or null when unknown. */
  readonly iterations: number | null;
  /** Why the bound is unknown (when it is). */
  readonly reason: string;
  /** 1-based source line of the loop statement. */
  readonly line: number;
}

interface PendingInstruction {
  readonly op: number;
  readonly operands: number[];
  readonly label: Label | null;
}

/** Instruction buffer of one function under construction. */
export class FunctionEmitter {
  readonly #instructions: PendingInstruction[] = [];
  readonly #lines: LineEntry[] = [];
  readonly loops: LoopInfo[] = [];
  #line = 1;
  #column = 1;
  locals: number;

  constructor(params: number) {
    this.locals = params;
  }

  /** Index the next instruction will get. */
  get here(): number {
    return this.#instructions.length;
  }

  /** Sets the source position of the instructions emitted from now on. */
  at(line: number, column: number): void {
    this.#line = line;
    this.#column = column;
  }

  emit(op: Op, ...operands: number[]): void {
    const last = this.#lines[this.#lines.length - 1];
    if (last === undefined || last.line !== this.#line || last.column !== this.#column) {
      this.#lines.push({ pc: this.here, line: this.#line, column: this.#column });
    }
    this.#instructions.push({ op, operands, label: null });
  }

  /** Emits a jump whose target is `label` (bound now or later). */
  jump(op: Op, label: Label): void {
    this.emit(op, 0);
    const last = this.#instructions.pop();
    if (last !== undefined) this.#instructions.push({ ...last, label });
  }

  bind(label: Label): void {
    label.index = this.here;
  }

  /** A fresh local slot for a compiler temporary. */
  temp(): number {
    return this.locals++;
  }

  /** Resolves labels and encodes the instructions. */
  finish(): { code: Uint8Array; lines: LineEntry[] } {
    const out: number[] = [];
    for (const instruction of this.#instructions) {
      const operands = instruction.label === null
        ? instruction.operands
        : [instruction.label.index ?? 0];
      if (instruction.label !== null && instruction.label.index === null) {
        throw new RangeError(`unbound label in ${opInfo(instruction.op)?.name ?? instruction.op}`);
      }
      writeInstruction(out, instruction.op, operands);
    }
    return { code: Uint8Array.from(out), lines: this.#lines };
  }
}

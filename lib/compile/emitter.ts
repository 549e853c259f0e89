/**
 * Builds one function's instruction stream: emits instructions, binds jump
 * labels (targets are instruction indices), records the pc -> line:column
 * table (an entry whenever the source position changes), allocates local
 * slots, records loop bounds for the estimator, and builds the exception
 * table from the regions handlers cover.
 */

import type { HandlerEntry, LineEntry } from "./ir.ts";
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

/**
 * Instructions covered by one exception handler: intervals opened and
 * closed as lowering goes (a `return` that runs a `finally` body closes the
 * regions it leaves around that inlined copy).
 */
export class Region {
  readonly handler: Label;
  readonly height: number;
  /** Creation order: an inner region is created after the regions around it. */
  readonly order: number;
  readonly intervals: [number, number][] = [];
  openedAt: number | null;

  constructor(handler: Label, height: number, order: number, at: number) {
    this.handler = handler;
    this.height = height;
    this.order = order;
    this.openedAt = at;
  }
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
  readonly #regions: Region[] = [];
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

  /** Starts covering the instructions emitted from now on by a handler at `handler`, entered at `height`. */
  protect(handler: Label, height: number): Region {
    const region = new Region(handler, height, this.#regions.length, this.here);
    this.#regions.push(region);
    return region;
  }

  /** Stops covering instructions by `region` (until {@link resume}). */
  pause(region: Region): void {
    if (region.openedAt === null) return;
    if (region.openedAt < this.here) region.intervals.push([region.openedAt, this.here]);
    region.openedAt = null;
  }

  /** Covers instructions by `region` again. */
  resume(region: Region): void {
    if (region.openedAt === null) region.openedAt = this.here;
  }

  /**
   * The exception table: every interval of every region, innermost first
   * (shorter first; of two equal ones, the later-created region, which is
   * the inner one), as spec/IR.md §3.1 requires.
   */
  #handlerTable(): HandlerEntry[] {
    const rows: { entry: HandlerEntry; order: number }[] = [];
    for (const region of this.#regions) {
      this.pause(region);
      const target = region.handler.index;
      if (target === null) throw new RangeError("unbound handler label");
      for (const [start, end] of region.intervals) {
        rows.push({ entry: { start, end, target, height: region.height }, order: region.order });
      }
    }
    rows.sort((x, y) =>
      (x.entry.end - x.entry.start) - (y.entry.end - y.entry.start) || y.order - x.order
    );
    return rows.map((row) => row.entry);
  }

  /** A fresh local slot for a compiler temporary. */
  temp(): number {
    return this.locals++;
  }

  /** Resolves labels and encodes the instructions. */
  finish(): { code: Uint8Array; lines: LineEntry[]; handlers: HandlerEntry[] } {
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
    return { code: Uint8Array.from(out), lines: this.#lines, handlers: this.#handlerTable() };
  }
}

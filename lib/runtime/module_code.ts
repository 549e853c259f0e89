/**
 * What traces and profiles look up about a running instruction: a
 * module's functions decoded once (lazily, per function) and the source
 * position of an instruction from the function's line table. Read only;
 * the interpreter has its own decoded form (decode.ts).
 */

import { decodeInstructions, type Instruction, type IrModule } from "../compile/ir.ts";

/** A source position (line 0: the line table gives none). */
export interface CodePosition {
  readonly line: number;
  readonly column: number;
}

/** Instructions and positions of one module's functions. */
export class ModuleCode {
  /** The module looked into. */
  readonly module: IrModule;
  readonly #decoded = new Map<number, readonly Instruction[]>();

  /** Lookups into `module` (which passed verification). */
  constructor(module: IrModule) {
    this.module = module;
  }

  /** Function `fn`'s name. */
  name(fn: number): string {
    return this.module.functions[fn]?.name ?? `#${fn}`;
  }

  /** Instruction `pc` of function `fn`, or undefined past its end. */
  instruction(fn: number, pc: number): Instruction | undefined {
    let decoded = this.#decoded.get(fn);
    if (decoded === undefined) {
      const code = this.module.functions[fn]?.code;
      decoded = code === undefined ? [] : decodeInstructions(code, `function ${fn}`);
      this.#decoded.set(fn, decoded);
    }
    return decoded[pc];
  }

  /** The source position of instruction `pc` of function `fn` (a binary search of its line table). */
  position(fn: number, pc: number): CodePosition {
    const lines = this.module.functions[fn]?.lines ?? [];
    let low = 0;
    let high = lines.length - 1;
    let found: CodePosition = { line: 0, column: 0 };
    while (low <= high) {
      const middle = (low + high) >> 1;
      const entry = lines[middle];
      if (entry === undefined) break;
      if (entry.pc <= pc) {
        found = entry;
        low = middle + 1;
      } else high = middle - 1;
    }
    return { line: found.line, column: found.column };
  }
}

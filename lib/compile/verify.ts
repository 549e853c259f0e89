/**
 * The IR verifier, run on every module before any of its code executes.
 * Checks operand ranges against the module (constants, locals, globals,
 * functions, host-call ids, jump targets), call arities, the line table,
 * the exports, and the operand-stack height at every reachable
 * instruction: never negative, never over the cap, equal on every path
 * into a join, and no path falls off the end of the code. A module that
 * passes cannot make the interpreter index out of bounds. Exception tables
 * (spec/IR.md §3.1) are checked too: ranges and targets inside the code,
 * entries disjoint or nested (the inner one listed first), each handler
 * reached at its height plus one from every covered instruction, whose own
 * height is never below the handler's. The module's
 * encoding must fit the code_size cap, however the module was built.
 */

import { IrVerifyError } from "../errors.ts";
import { codeSizeViolation, encodeModule } from "./ir_codec.ts";
import {
  decodeInstructions,
  type HandlerEntry,
  type Instruction,
  type IrFunction,
  type IrModule,
  MODULE_INIT,
} from "./ir.ts";
import {
  BUILTINS,
  CAPS,
  EXCEPTIONS,
  ISINSTANCE_TYPES,
  METHODS,
  Op,
  type OperandKind,
  opInfo,
  stackCount,
  STDLIB,
} from "./opcodes.ts";

/** A function's decoded instructions and deepest operand stack. */
export interface VerifiedFunction {
  /** Decoded instructions, in order. */
  readonly instructions: readonly Instruction[];
  /** Deepest operand stack any path reaches. */
  readonly maxStack: number;
  /** Index in the function's exception table of the entry that covers each pc, or -1. */
  readonly handlerAt: Int32Array;
  /** Operand stack height before each instruction; -1 where no path reaches it. */
  readonly heights: Int32Array;
}

/** A module that passed verification, with its decoded code. */
export interface VerifiedModule {
  /** The module as decoded. */
  readonly module: IrModule;
  /** Verified functions, indexed like `module.functions`. */
  readonly functions: readonly VerifiedFunction[];
}

const MAX_MASK = (1 << ISINSTANCE_TYPES.length) - 1;
const MAX_EXCEPTION_MASK = 2 ** EXCEPTIONS.length - 1;

/** Verifies a decoded module; throws IrVerifyError naming the function and pc. */
export function verifyModule(module: IrModule): VerifiedModule {
  const first = module.functions[0];
  if (first === undefined || first.name !== MODULE_INIT || first.params.length !== 0) {
    throw new IrVerifyError(`function 0 must be ${MODULE_INIT} without parameters`);
  }
  const oversized = codeSizeViolation(encodeModule(module).length);
  if (oversized !== null) throw new IrVerifyError(oversized);
  verifyExports(module);
  const functions = module.functions.map((fn, index) => verifyFunction(module, fn, index));
  return { module, functions };
}

function verifyExports(module: IrModule): void {
  module.exports.forEach((entry, index) => {
    if (entry.fn < 1 || entry.fn >= module.functions.length) {
      throw new IrVerifyError(
        `export '${entry.name}' names function ${entry.fn}, which does not exist`,
      );
    }
    const previous = module.exports[index - 1];
    if (previous !== undefined && !(previous.name < entry.name)) {
      throw new IrVerifyError("exports must be sorted by name without duplicates");
    }
  });
}

function verifyFunction(module: IrModule, fn: IrFunction, index: number): VerifiedFunction {
  const where = `function ${index} (${fn.name})`;
  if (fn.params.length > fn.locals) {
    throw new IrVerifyError(`${where}: more parameters than local slots`);
  }
  const instructions = decodeInstructions(fn.code, where);
  if (instructions.length === 0) throw new IrVerifyError(`${where}: empty code`);
  instructions.forEach((instruction, pc) =>
    verifyOperands(module, fn, index, instruction, `${where} pc ${pc}`, instructions.length)
  );
  verifyLines(fn, instructions.length, where);
  const handlerAt = verifyHandlers(fn.handlers, instructions.length, where);
  const heights = new Int32Array(instructions.length).fill(-1);
  const maxStack = verifyStack(instructions, fn.handlers, handlerAt, heights, where);
  return { instructions, maxStack, handlerAt, heights };
}

/**
 * Checks an exception table's shape and returns the entry that applies at
 * each pc (the innermost, which is the first in table order). Entries are
 * sorted by start, then by end descending (outer before inner), and swept
 * with a stack of the entries open at each pc, so the check and the map take
 * O(entries log entries + code) whatever the table holds.
 */
function verifyHandlers(
  handlers: readonly HandlerEntry[],
  codeLength: number,
  where: string,
): Int32Array {
  handlers.forEach((entry, index) => {
    const at = `${where} handler ${index}`;
    if (entry.start >= entry.end || entry.end > codeLength) {
      throw new IrVerifyError(`${at}: range ${entry.start}..${entry.end} is not inside the code`);
    }
    if (entry.target >= codeLength) {
      throw new IrVerifyError(`${at}: target ${entry.target} is out of range`);
    }
    if (entry.target >= entry.start && entry.target < entry.end) {
      throw new IrVerifyError(`${at}: target ${entry.target} is inside its own range`);
    }
    if (entry.height >= CAPS.value_stack) {
      throw new IrVerifyError(`${at}: height ${entry.height} is over the value_stack cap`, true);
    }
  });
  const order = handlers.map((_, index) => index).sort((x, y) => {
    const a = handlers[x] as HandlerEntry;
    const b = handlers[y] as HandlerEntry;
    return a.start - b.start || b.end - a.end || y - x;
  });
  const handlerAt = new Int32Array(codeLength).fill(-1);
  const open: number[] = [];
  let next = 0;
  for (let pc = 0; pc < codeLength; pc++) {
    while (open.length > 0 && (handlers[open[open.length - 1] ?? 0] as HandlerEntry).end <= pc) {
      open.pop();
    }
    while (next < order.length && (handlers[order[next] ?? 0] as HandlerEntry).start === pc) {
      const index = order[next++] ?? 0;
      const parent = open[open.length - 1];
      if (parent !== undefined) {
        if ((handlers[index] as HandlerEntry).end > (handlers[parent] as HandlerEntry).end) {
          throw new IrVerifyError(
            `${where} handler ${index}: range overlaps handler ${parent} without nesting in it`,
          );
        }
        if (index > parent) {
          throw new IrVerifyError(
            `${where} handler ${index}: nested in handler ${parent}, so it must be listed first`,
          );
        }
      }
      open.push(index);
    }
    handlerAt[pc] = open[open.length - 1] ?? -1;
  }
  return handlerAt;
}

function verifyOperands(
  module: IrModule,
  fn: IrFunction,
  fnIndex: number,
  instruction: Instruction,
  where: string,
  codeLength: number,
): void {
  const info = opInfo(instruction.op);
  if (info === undefined) throw new IrVerifyError(`${where}: unknown opcode`);
  const fail = (message: string, valueStack = false): never => {
    throw new IrVerifyError(`${where}: ${info.name} ${message}`, valueStack);
  };
  const count = instruction.operands[info.operands.indexOf("count")] ?? 0;
  info.operands.forEach((kind: OperandKind, position) => {
    const value = instruction.operands[position] ?? 0;
    const below = (limit: number, what: string, min = 0, valueStack = false) => {
      if (value < min || value >= limit) fail(`${what} ${value} is out of range`, valueStack);
    };
    switch (kind) {
      case "const":
        return below(module.consts.length, "constant");
      case "local":
        return below(fn.locals, "local slot");
      case "global":
        return below(module.globals, "global slot");
      case "target":
        return below(codeLength, "jump target");
      case "count":
        return below(CAPS.value_stack + 1, "count", 0, true);
      case "function":
        return below(module.functions.length, "function", 1);
      case "builtin":
        return below(BUILTINS.length, "builtin", 1);
      case "method":
        return below(METHODS.length, "method", 1);
      case "stdlib":
        return below(STDLIB.length, "stdlib member", 1);
      case "mask":
        return below(MAX_MASK + 1, "type mask", 1);
      case "flag":
        return below(2, "flag");
      case "exception":
        return below(EXCEPTIONS.length, "exception class");
      case "exceptions":
        return below(MAX_EXCEPTION_MASK + 1, "exception mask", 1);
      case "kwnames": {
        if (value === 0) return;
        const names = module.consts[value - 1];
        if (names === undefined || names.kind !== "names") {
          return fail("keyword names must be a names constant");
        }
        if (names.value.length > count) fail("has more keyword names than arguments");
        return;
      }
      case "sint":
        return;
    }
  });
  if (instruction.op === Op.CALL) {
    const callee = module.functions[instruction.operands[0] ?? 0];
    if (callee !== undefined && callee.params.length !== count) {
      fail(`passes ${count} arguments to ${callee.name}, which takes ${callee.params.length}`);
    }
  }
  if (instruction.op === Op.STORE_GLOBAL && fnIndex !== 0) {
    fail("is only allowed in the module initialiser");
  }
  if (
    instruction.op === Op.CONST && module.consts[instruction.operands[0] ?? 0]?.kind === "names"
  ) {
    fail("cannot push a keyword-names constant");
  }
}

function verifyLines(fn: IrFunction, codeLength: number, where: string): void {
  let previous = -1;
  for (const entry of fn.lines) {
    if (entry.pc <= previous || entry.pc >= codeLength) {
      throw new IrVerifyError(`${where}: line table pcs must increase within the code`);
    }
    if (entry.line < 1 || entry.column < 1) {
      throw new IrVerifyError(`${where}: line table positions start at 1`);
    }
    previous = entry.pc;
  }
}

/**
 * Height checks over every reachable path; fills `heights` (the height
 * before each reachable instruction) and returns the deepest stack.
 */
function verifyStack(
  instructions: readonly Instruction[],
  handlers: readonly HandlerEntry[],
  handlerAt: Int32Array,
  heights: Int32Array,
  where: string,
): number {
  const work: number[] = [0];
  heights[0] = 0;
  let deepest = 0;
  const reach = (pc: number, height: number, from: number) => {
    if (pc >= instructions.length) {
      throw new IrVerifyError(`${where} pc ${from}: control falls off the end of the code`);
    }
    const known = heights[pc] ?? -1;
    if (known === -1) {
      heights[pc] = height;
      work.push(pc);
    } else if (known !== height) {
      throw new IrVerifyError(
        `${where} pc ${pc}: stack height ${height} from pc ${from} differs from ${known}`,
      );
    }
  };
  while (work.length > 0) {
    const pc = work.pop() ?? 0;
    const instruction = instructions[pc];
    const height = heights[pc] ?? 0;
    if (instruction === undefined) continue;
    const info = opInfo(instruction.op);
    if (info === undefined) throw new IrVerifyError(`${where} pc ${pc}: unknown opcode`);
    const pops = stackCount(info.pops, instruction.operands);
    if (height < pops) {
      throw new IrVerifyError(
        `${where} pc ${pc}: ${info.name} needs ${pops} values, the stack has ${height}`,
      );
    }
    const after = height - pops + stackCount(info.pushes, instruction.operands);
    if (after > CAPS.value_stack) {
      throw new IrVerifyError(`${where} pc ${pc}: stack deeper than ${CAPS.value_stack}`, true);
    }
    deepest = Math.max(deepest, after);
    const handler = handlers[handlerAt[pc] ?? -1];
    if (handler !== undefined) {
      if (height < handler.height) {
        throw new IrVerifyError(
          `${where} pc ${pc}: stack height ${height} is below its handler's ${handler.height}`,
        );
      }
      reach(handler.target, handler.height + 1, pc);
      deepest = Math.max(deepest, handler.height + 1);
    }
    if (info.terminal) continue;
    const target = info.operands.includes("target") ? instruction.operands[0] ?? 0 : null;
    if (target !== null) {
      const branchHeight = info.branch === null
        ? after
        : height - info.branch.pops + info.branch.pushes;
      reach(target, branchHeight, pc);
      if (instruction.op === Op.JUMP) continue;
    }
    reach(pc + 1, after, pc);
  }
  return deepest;
}

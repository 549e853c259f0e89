/**
 * Disassembler: a verified module as text (with source lines when the
 * source is given, and each op's base gas) or as JSON. Operands print by
 * kind: constants by value, functions, builtins, methods and stdlib members
 * by name, jump targets as `-> pc`. Output is deterministic, so goldens can
 * pin it.
 */

import { toHex } from "../abi/hex.ts";
import type { SourceText } from "../validate/source.ts";
import type { Instruction, IrConst, IrModule } from "./ir.ts";
import { BUILTINS, EXCEPTIONS, ISINSTANCE_TYPES, METHODS, opInfo, STDLIB } from "./opcodes.ts";
import type { VerifiedModule } from "./verify.ts";
import { codePointAt, strToUtf16, unitWidth } from "../text_units.ts";

/** A str cut after at most its first 40 units (never inside a code point), marked with an ellipsis. */
function shortened(text: string): string {
  if (text.length <= 40) return text;
  let end = 0;
  while (end + unitWidth(codePointAt(text, end)) <= 40) end += unitWidth(codePointAt(text, end));
  return `${text.slice(0, end)}…`;
}

function constText(value: IrConst | undefined): string {
  if (value === undefined) return "?";
  switch (value.kind) {
    case "int":
      return value.value.toString();
    case "bytes":
      return `bytes.fromhex("${toHex(value.value).slice(2)}")`;
    case "str":
      return JSON.stringify(strToUtf16(shortened(value.value)));
    case "names":
      return `(${value.value.join(", ")})`;
  }
}

/** Human annotation of an instruction's operands (also shown by traces). */
export function operandText(module: IrModule, instruction: Instruction): string {
  const info = opInfo(instruction.op);
  if (info === undefined) return "";
  return info.operands.map((kind, index) => {
    const value = instruction.operands[index] ?? 0;
    switch (kind) {
      case "const":
        return `${value} ${constText(module.consts[value])}`;
      case "target":
        return `-> ${value}`;
      case "function":
        return `${value} ${module.functions[value]?.name ?? "?"}`;
      case "builtin":
        return BUILTINS[value]?.name ?? String(value);
      case "method":
        return `.${METHODS[value]?.name ?? String(value)}`;
      case "stdlib":
        return STDLIB[value]?.name ?? String(value);
      case "kwnames":
        return value === 0 ? "" : `kw=${constText(module.consts[value - 1])}`;
      case "mask":
        return ISINSTANCE_TYPES.filter((_, bit) => (value & (1 << bit)) !== 0).join("|");
      case "exception":
        return EXCEPTIONS[value]?.name ?? String(value);
      case "exceptions":
        return EXCEPTIONS.filter((entry) => (value & 2 ** entry.id) !== 0)
          .map((entry) => entry.name).join("|");
      default:
        return String(value);
    }
  }).filter((text) => text !== "").join(" ");
}

/** Text disassembly; with `source`, each new source line is shown above its code. */
export function disassemble(verified: VerifiedModule, source: SourceText | null = null): string {
  const module = verified.module;
  const out: string[] = [
    `; animica IR v${module.version}: ${module.functions.length} functions, ${module.consts.length} constants, ${module.globals} globals`,
    `; source sha3-256 ${toHex(module.sourceHash)}`,
    `; exports ${module.exports.map((entry) => entry.name).join(", ") || "(none)"}`,
  ];
  verified.functions.forEach((fn, index) => {
    const ir = module.functions[index];
    if (ir === undefined) return;
    out.push(
      "",
      `function ${index} ${ir.name}(${
        ir.params.join(", ")
      })  locals=${ir.locals} max_stack=${fn.maxStack}`,
    );
    let lineIndex = 0;
    let shownLine = 0;
    let position = { line: 0, column: 0 };
    fn.instructions.forEach((instruction, pc) => {
      while (lineIndex < ir.lines.length && (ir.lines[lineIndex]?.pc ?? Infinity) <= pc) {
        const entry = ir.lines[lineIndex];
        if (entry !== undefined) position = { line: entry.line, column: entry.column };
        lineIndex++;
      }
      if (source !== null && position.line !== shownLine) {
        shownLine = position.line;
        out.push(
          `  ${String(position.line).padStart(4)} | ${source.lineText(position.line).trim()}`,
        );
      }
      const info = opInfo(instruction.op);
      const name = (info?.name ?? "?").padEnd(20);
      const operands = operandText(module, instruction).padEnd(28);
      const where = `${position.line}:${position.column}`.padEnd(8);
      out.push(`  ${String(pc).padStart(5)}  ${where} ${name} ${operands} gas ${info?.base ?? 0}`);
    });
    for (const entry of ir.handlers) {
      out.push(`  handler ${entry.start}..${entry.end} -> ${entry.target} height ${entry.height}`);
    }
  });
  return out.join("\n") + "\n";
}

/** JSON form of the disassembly. */
export function disassembleJson(verified: VerifiedModule): unknown {
  const module = verified.module;
  return {
    version: module.version,
    sourceHash: toHex(module.sourceHash),
    globals: module.globals,
    exports: module.exports,
    consts: module.consts.map((value) => ({ kind: value.kind, value: constText(value) })),
    functions: verified.functions.map((fn, index) => {
      const ir = module.functions[index];
      return {
        index,
        name: ir?.name,
        params: ir?.params,
        locals: ir?.locals,
        maxStack: fn.maxStack,
        lines: ir?.lines,
        handlers: ir?.handlers,
        instructions: fn.instructions.map((instruction, pc) => ({
          pc,
          op: opInfo(instruction.op)?.name,
          operands: instruction.operands,
          text: operandText(module, instruction),
          gas: opInfo(instruction.op)?.base ?? 0,
        })),
      };
    }),
  };
}

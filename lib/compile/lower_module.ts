/**
 * Lowers a validated module: assigns global slots (constants, then each
 * function's defaults), numbers the functions (0 is the module
 * initialiser, then defs in source order), lowers every body and collects
 * the exports. Deterministic: the same AST always gives the same IR.
 */

import { sha3_256Owned as sha3_256 } from "../keccak_sponge.ts";
import type { FunctionDef, Module } from "../validate/ast.ts";
import { stdlibSubmodule } from "../validate/check_module.ts";
import { collectLocals, parameterNames } from "../validate/check_stmt.ts";
import type { SourceText } from "../validate/source.ts";
import { FunctionEmitter, type LoopInfo } from "./emitter.ts";
import { type IrExport, type IrFunction, type IrModule, MODULE_INIT } from "./ir.ts";
import { FunctionContext, ModuleUnit } from "./lower_context.ts";
import { lowerExpr } from "./lower_expr.ts";
import { lowerBlock } from "./lower_stmt.ts";
import { IR_VERSION, Op } from "./opcodes.ts";

/** The lowered module and, per function, its loops (for the estimator). */
export interface LoweredModule {
  readonly module: IrModule;
  readonly loops: readonly (readonly LoopInfo[])[];
}

function intLiteral(expr: FunctionDef["args"]["defaults"][number]): bigint | null {
  if (expr.kind === "Constant" && expr.value.type === "int") return expr.value.value;
  if (expr.kind === "UnaryOp" && expr.op === "USub") {
    const inner = intLiteral(expr.operand);
    return inner === null ? null : -inner;
  }
  return null;
}

/** Registers globals, functions and imports before any code is lowered. */
function declare(unit: ModuleUnit, module: Module): FunctionDef[] {
  const defs: FunctionDef[] = [];
  for (const stmt of module.body) {
    const submodule = stmt.kind === "ImportFrom" ? stdlibSubmodule(stmt) : null;
    if (stmt.kind === "ImportFrom" && submodule !== null) {
      for (const alias of stmt.names) {
        unit.stdlibMembers.set(alias.asname ?? alias.name, {
          module: submodule,
          member: alias.name,
        });
      }
    } else if (stmt.kind === "ImportFrom" && stmt.module === "stdlib") {
      for (const alias of stmt.names) {
        unit.stdlibImports.set(alias.asname ?? alias.name, alias.name);
      }
    } else if ((stmt.kind === "Assign" || stmt.kind === "AnnAssign") && stmt.value !== null) {
      const target = stmt.kind === "Assign" ? stmt.targets[0] : stmt.target;
      // `__all__` is accepted and ignored (spec/LANGUAGE.md).
      if (target?.kind !== "Name" || target.id === "__all__") continue;
      unit.globals.set(target.id, unit.newGlobal());
      const value = intLiteral(stmt.value);
      if (value !== null) unit.intConstants.set(target.id, value);
    } else if (stmt.kind === "FunctionDef") {
      defs.push(stmt);
    }
  }
  defs.forEach((def, index) => {
    const args = def.args;
    const firstDefault = args.args.length - args.defaults.length;
    // Slots in CPython's evaluation order: positional defaults, then keyword-only ones.
    const positional = args.args.map((_, i) => i >= firstDefault ? unit.newGlobal() : null);
    const keywordOnly = args.kwDefaults.map((value) => value === null ? null : unit.newGlobal());
    unit.functions.set(def.name, {
      index: index + 1,
      def,
      params: parameterNames(def),
      defaultSlots: [...positional, ...keywordOnly],
    });
  });
  return defs;
}

function finishFunction(name: string, params: readonly string[], e: FunctionEmitter): IrFunction {
  e.emit(Op.NONE);
  e.emit(Op.RETURN);
  const { code, lines, handlers } = e.finish();
  return { name, params, locals: e.locals, code, lines, handlers };
}

function lowerInitialiser(unit: ModuleUnit, module: Module): { fn: IrFunction; loops: LoopInfo[] } {
  const e = new FunctionEmitter(0);
  const c = new FunctionContext(unit, e, null);
  for (const stmt of module.body) {
    if ((stmt.kind === "Assign" || stmt.kind === "AnnAssign") && stmt.value !== null) {
      const target = stmt.kind === "Assign" ? stmt.targets[0] : stmt.target;
      const slot = target?.kind === "Name" ? unit.globals.get(target.id) : undefined;
      if (slot === undefined) continue;
      lowerExpr(c, stmt.value);
      c.at(stmt);
      e.emit(Op.STORE_GLOBAL, slot);
    } else if (stmt.kind === "FunctionDef") {
      const entry = unit.functions.get(stmt.name);
      const values = [
        ...stmt.args.args.map((_, i) =>
          stmt.args.defaults[i - stmt.args.args.length + stmt.args.defaults.length] ?? null
        ),
        ...stmt.args.kwDefaults,
      ];
      values.forEach((value, index) => {
        const slot = entry?.defaultSlots[index];
        if (value === null || slot === null || slot === undefined) return;
        lowerExpr(c, value);
        e.emit(Op.STORE_GLOBAL, slot);
      });
    }
  }
  return { fn: finishFunction(MODULE_INIT, [], e), loops: e.loops };
}

function lowerFunction(unit: ModuleUnit, def: FunctionDef): { fn: IrFunction; loops: LoopInfo[] } {
  const params = parameterNames(def);
  const locals = new Map(params.map((name, slot) => [name, slot]));
  for (const name of collectLocals(def)) if (!locals.has(name)) locals.set(name, locals.size);
  const e = new FunctionEmitter(locals.size);
  const c = new FunctionContext(unit, e, locals, params.length);
  lowerBlock(c, def.body);
  const end = unit.source.position(def.end);
  e.at(end.line, end.column);
  return { fn: finishFunction(def.name, params, e), loops: e.loops };
}

/**
 * Lowers `module`. Exports are `exportNames` (the manifest's functions)
 * when given, else every function whose name does not start with `_`.
 */
export function lowerModule(
  source: SourceText,
  module: Module,
  sourceBytes: Uint8Array,
  exportNames: readonly string[] | null,
): LoweredModule {
  const unit = new ModuleUnit(source);
  const defs = declare(unit, module);
  const lowered = [lowerInitialiser(unit, module), ...defs.map((def) => lowerFunction(unit, def))];
  const names = exportNames ?? defs.map((def) => def.name).filter((name) => !name.startsWith("_"));
  const exports: IrExport[] = [...new Set(names)].sort().flatMap((name) => {
    const entry = unit.functions.get(name);
    return entry === undefined ? [] : [{ name, fn: entry.index }];
  });
  return {
    module: {
      version: IR_VERSION,
      consts: unit.consts,
      globals: unit.globalCount,
      functions: lowered.map((item) => item.fn),
      exports,
      sourceHash: sha3_256(sourceBytes),
    },
    loops: lowered.map((item) => item.loops),
  };
}

/**
 * Validator rules for the module level: only a docstring, imports from
 * stdlib/typing/__future__, constants and plain defs may appear; each
 * module name is bound once; constant initialisers and defaults are pure
 * and use only names defined above them. Function bodies are checked after
 * all module names are bound (a body may call a function defined below it).
 */

import type { Arg, Expr, FunctionDef, ImportFrom, Module, Stmt } from "./ast.ts";
import { ALLOWED_BUILTINS, ALLOWED_FUTURE, EXCEPTION_CLASSES, STDLIB } from "./allowlist.ts";
import { checkCallGraph } from "./call_graph.ts";
import { type Checker, headSpan, isDunder, type ModuleBinding, type Scope } from "./checker.ts";
import { checkAnnotation, checkExpr } from "./check_expr.ts";
import { bannedStatement, checkFunctionBody } from "./check_stmt.ts";
import type { Span } from "./diagnostic.ts";
import { asciiLowercase } from "../text_units.ts";

/** Runs every module-level and function-level rule over `module`. */
export function checkModule(k: Checker, module: Module): void {
  const statements = module.body.filter((stmt) => !isDocstring(stmt));
  const orderOf = new Map(module.body.map((stmt, order) => [stmt, order]));
  checkFutureImportsFirst(k, module.body.filter((stmt, order) => order > 0 || !isDocstring(stmt)));
  for (const stmt of statements) bindStatement(k, stmt, orderOf.get(stmt) ?? 0);
  for (const stmt of statements) {
    const order = orderOf.get(stmt) ?? 0;
    const scope: Scope = { locals: null, comprehensions: [], moduleOrder: order, caller: null };
    checkModuleStatement(k, scope, stmt);
  }
  const functions = statements.filter((stmt): stmt is FunctionDef => stmt.kind === "FunctionDef");
  for (const def of functions) checkFunctionBody(k, def);
  checkCallGraph(k, functions);
}

/** A bare string statement: a no-op anywhere at module level (a docstring, an informal note). */
export function isDocstring(stmt: Stmt): boolean {
  return stmt.kind === "Expr" && stmt.value.kind === "Constant" && stmt.value.value.type === "str";
}

function checkFutureImportsFirst(k: Checker, statements: readonly Stmt[]): void {
  let onlyFutureSoFar = true;
  for (const stmt of statements) {
    const isFuture = stmt.kind === "ImportFrom" && stmt.module === "__future__";
    if (isFuture && !onlyFutureSoFar) {
      k.report(
        "import-not-allowed",
        stmt,
        "from __future__ imports must occur at the beginning of the file",
      );
    }
    if (!isFuture) onlyFutureSoFar = false;
  }
}

/** First pass: binds the names a module statement defines. */
function bindStatement(k: Checker, stmt: Stmt, order: number): void {
  switch (stmt.kind) {
    case "ImportFrom": {
      const submodule = stdlibSubmodule(stmt);
      if (submodule !== null) {
        for (const alias of stmt.names) {
          if (STDLIB[submodule]?.[alias.name] === undefined) continue;
          bind(k, alias.asname ?? alias.name, alias, {
            kind: "stdlib_member",
            order,
            module: submodule,
            member: alias.name,
          });
        }
        return;
      }
      if (stmt.level > 0 || (stmt.module !== "stdlib" && stmt.module !== "typing")) return;
      for (const alias of stmt.names) {
        if (alias.name === "*") continue;
        if (stmt.module === "stdlib" && STDLIB[alias.name] === undefined) continue;
        const binding: ModuleBinding = stmt.module === "stdlib"
          ? { kind: "stdlib", order, module: alias.name }
          : { kind: "typing", order };
        bind(k, alias.asname ?? alias.name, alias, binding);
      }
      return;
    }
    case "FunctionDef":
      bind(k, stmt.name, { start: stmt.nameStart, end: stmt.nameStart + stmt.name.length }, {
        kind: "function",
        order,
        def: stmt,
      });
      return;
    case "Assign": {
      const target = stmt.targets[0];
      if (isDunderAll(stmt)) return;
      if (stmt.targets.length === 1 && target?.kind === "Name") {
        bind(k, target.id, target, { kind: "constant", order });
      }
      return;
    }
    case "AnnAssign":
      if (stmt.target.kind === "Name" && stmt.value !== null) {
        bind(k, stmt.target.id, stmt.target, { kind: "constant", order });
      }
      return;
    default:
      return;
  }
}

/** Second pass: the rules of one module statement. */
function checkModuleStatement(k: Checker, scope: Scope, stmt: Stmt): void {
  switch (stmt.kind) {
    case "ImportFrom":
      checkImportFrom(k, stmt);
      return;
    case "Import":
      k.report(
        "import-not-allowed",
        headSpan(stmt, 6),
        "`import` statements are not allowed",
        "write `from stdlib import storage` (or `from typing import ...`)",
      );
      return;
    case "FunctionDef":
      checkFunctionHeader(k, scope, stmt);
      return;
    case "Assign": {
      const target = stmt.targets[0];
      if (isDunderAll(stmt)) {
        checkDunderAll(k, stmt.value);
        return;
      }
      checkExpr(k, scope, stmt.value);
      if (stmt.targets.length !== 1 || target === undefined || target.kind !== "Name") {
        k.report(
          "assign-target",
          stmt.targets[0] ?? stmt,
          "a module constant is assigned to a single name: NAME = value",
        );
      }
      return;
    }
    case "AnnAssign":
      checkAnnotation(k, scope, stmt.annotation);
      if (stmt.value !== null) checkExpr(k, scope, stmt.value);
      if (stmt.target.kind !== "Name" || stmt.value === null) {
        k.report(
          "assign-target",
          stmt.target,
          "a module constant is a single name with a value: NAME: T = value",
        );
      }
      return;
    default: {
      const banned = bannedStatement(stmt);
      if (banned !== null) k.report(banned.rule, banned.span, banned.message);
      else {k.report(
          "module-statement",
          moduleStatementSpan(stmt),
          `${describeStatement(stmt)} is not allowed at module level`,
        );}
    }
  }
}

function moduleStatementSpan(stmt: Stmt): Span {
  switch (stmt.kind) {
    case "If":
    case "For":
    case "While":
      return headSpan(stmt, stmt.kind === "If" ? 2 : stmt.kind === "For" ? 3 : 5);
    default:
      return stmt;
  }
}

function describeStatement(stmt: Stmt): string {
  switch (stmt.kind) {
    case "Expr":
      return "an expression statement";
    case "If":
      return "an if statement";
    case "For":
      return "a for loop";
    case "While":
      return "a while loop";
    case "AugAssign":
      return "an augmented assignment";
    case "Return":
      return "return";
    case "Delete":
      return "del";
    case "Assert":
      return "assert";
    default:
      return `'${asciiLowercase(stmt.kind)}'`;
  }
}

/** Binds a module-level name once; builtins of the subset cannot be hidden. */
function bind(k: Checker, name: string, span: Span, binding: ModuleBinding): void {
  if (isDunder(name)) {
    k.report("dunder-name", span, `'${name}' is not available in contracts`);
    return;
  }
  const existing = k.bindings.get(name);
  if (existing !== undefined) {
    k.report("duplicate-definition", span, `'${name}' is already defined at module level`);
    return;
  }
  if (ALLOWED_BUILTINS.has(name) || EXCEPTION_CLASSES.has(name)) {
    k.report("shadowed-name", span, `'${name}' would hide the builtin of the same name`);
  }
  k.bindings.set(name, binding);
}

function checkImportFrom(k: Checker, stmt: ImportFrom): void {
  const module = stmt.module;
  if (stmt.level > 0) {
    k.report("import-not-allowed", stmt, "relative imports are not allowed");
    return;
  }
  if (module === "__future__") {
    for (const alias of stmt.names) {
      if (alias.name !== ALLOWED_FUTURE) {
        k.report(
          "import-not-allowed",
          alias,
          `only 'from __future__ import annotations' is allowed`,
        );
      }
    }
    return;
  }
  if (module === "stdlib" || module === "typing") {
    for (const alias of stmt.names) {
      if (alias.name === "*") {
        k.report(
          "import-not-allowed",
          alias,
          "`import *` is not allowed",
          `name each import: from ${module} import a, b`,
        );
      } else if (module === "stdlib" && STDLIB[alias.name] === undefined) {
        k.report("unknown-stdlib-module", alias, `stdlib has no module '${alias.name}'`);
      }
    }
    return;
  }
  const submodule = stdlibSubmodule(stmt);
  if (submodule !== null) {
    checkMemberImport(k, stmt, submodule);
    return;
  }
  const hint = module?.startsWith("stdlib.") === true
    ? `stdlib provides ${Object.keys(STDLIB).join(", ")}`
    : undefined;
  k.report("import-not-allowed", stmt, `module '${module ?? ""}' cannot be imported`, hint);
}

/** The stdlib module of `from stdlib.<module> import ...`, or null for any other import. */
export function stdlibSubmodule(stmt: ImportFrom): string | null {
  const module = stmt.module;
  if (stmt.level > 0 || module === null || !module.startsWith("stdlib.")) return null;
  const name = module.slice("stdlib.".length);
  return Object.hasOwn(STDLIB, name) ? name : null;
}

/** `from stdlib.storage import get, set as sset`: each name a member of that module. */
function checkMemberImport(k: Checker, stmt: ImportFrom, module: string): void {
  const members = STDLIB[module] ?? {};
  for (const alias of stmt.names) {
    if (alias.name === "*") {
      k.report(
        "import-not-allowed",
        alias,
        "`import *` is not allowed",
        `name each import: from stdlib.${module} import ${Object.keys(members)[0] ?? "a"}`,
      );
    } else if (members[alias.name] === undefined) {
      k.report(
        "unknown-attribute",
        alias,
        `stdlib module '${module}' has no member '${alias.name}'`,
        `${module} provides ${Object.keys(members).join(", ")}`,
      );
    }
  }
}

/** `__all__ = [...]` (or a tuple): the export list of Python tools, accepted and ignored. */
function isDunderAll(stmt: Stmt): boolean {
  if (stmt.kind !== "Assign" || stmt.targets.length !== 1) return false;
  const target = stmt.targets[0];
  return target?.kind === "Name" && target.id === "__all__";
}

/** `__all__` holds a list or tuple display of str literals, nothing else. */
function checkDunderAll(k: Checker, value: Expr): void {
  const names = value.kind === "List" || value.kind === "Tuple" ? value.elts : null;
  const literal = names?.every((elt) => elt.kind === "Constant" && elt.value.type === "str");
  if (literal !== true) {
    k.report(
      "module-statement",
      value,
      "__all__ must be a list of str literals",
      'write __all__ = ["name", ...] (it is accepted and has no effect)',
    );
  }
}

/** A module-level def: parameters, defaults, annotations and decorators. */
function checkFunctionHeader(k: Checker, scope: Scope, def: FunctionDef): void {
  for (const decorator of def.decoratorList) {
    k.report(
      "no-decorator",
      { start: decorator.start - 1, end: decorator.end },
      "decorators are not supported",
    );
  }
  const args = def.args;
  const special: [Arg | null, string][] = [
    [args.vararg, "*args parameters are not supported"],
    [args.kwarg, "**kwargs parameters are not supported"],
    ...args.posonlyargs.map((
      arg,
    ): [Arg, string] => [arg, "positional-only parameters are not supported"]),
  ];
  for (const [arg, message] of special) if (arg !== null) k.report("no-star-args", arg, message);
  const seen = new Set<string>();
  const all = [...args.posonlyargs, ...args.args, ...args.kwonlyargs, args.vararg, args.kwarg];
  for (const arg of all) {
    if (arg === null) continue;
    if (seen.has(arg.arg)) {
      k.report(
        "duplicate-parameter",
        arg,
        `duplicate argument '${arg.arg}' in function definition`,
      );
    }
    seen.add(arg.arg);
    if (isDunder(arg.arg)) {
      k.report("dunder-name", arg, `'${arg.arg}' is not available in contracts`);
    }
    if (arg.annotation !== null) checkAnnotation(k, scope, arg.annotation);
  }
  for (const value of [...args.defaults, ...args.kwDefaults]) {
    if (value !== null) checkExpr(k, scope, value);
  }
  if (def.returns !== null) checkAnnotation(k, scope, def.returns);
}

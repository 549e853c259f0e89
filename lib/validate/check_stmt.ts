/**
 * Validator rules for statements inside function bodies: which statements
 * exist in the subset, assignment and deletion targets, loops and
 * break/continue, and the locals of a function (Python's rule: a name bound
 * anywhere in the body is local throughout it). Also the banned-statement
 * table that the module pass shares.
 */

import type { Expr, FunctionDef, Stmt } from "./ast.ts";
import { type Checker, headSpan, isDunder, type Scope } from "./checker.ts";
import { checkAnnotation, checkExceptType, checkExpr, checkRaised } from "./check_expr.ts";
import type { Span } from "./diagnostic.ts";
import type { RuleId } from "./rules.ts";

/** A statement kind the subset bans everywhere, with its diagnostic. */
export interface BannedStatement {
  readonly rule: RuleId;
  readonly span: Span;
  readonly message: string;
}

/** The diagnostic for a statement banned in every position, or null. */
export function bannedStatement(stmt: Stmt): BannedStatement | null {
  switch (stmt.kind) {
    case "AsyncFunctionDef":
    case "AsyncFor":
    case "AsyncWith":
      return { rule: "no-async", span: headSpan(stmt, 5), message: "async is not supported" };
    case "ClassDef":
      return { rule: "no-class", span: headSpan(stmt, 5), message: "classes are not supported" };
    case "TryStar":
      return {
        rule: "no-try",
        span: headSpan(stmt, 3),
        message: "except* (exception groups) is not supported",
      };
    case "With":
      return {
        rule: "no-with",
        span: headSpan(stmt, 4),
        message: "with statements are not supported",
      };
    case "Global":
    case "Nonlocal": {
      const keyword = stmt.kind === "Global" ? "global" : "nonlocal";
      return {
        rule: "no-global",
        span: headSpan(stmt, keyword.length),
        message: `${keyword} is not supported`,
      };
    }
    case "Match":
      return {
        rule: "no-match",
        span: headSpan(stmt, 5),
        message: "match statements are not supported",
      };
    default:
      return null;
  }
}

/** Parameter names of a def, in order. */
export function parameterNames(def: FunctionDef): string[] {
  const args = def.args;
  return [
    ...args.posonlyargs,
    ...args.args,
    ...(args.vararg === null ? [] : [args.vararg]),
    ...args.kwonlyargs,
    ...(args.kwarg === null ? [] : [args.kwarg]),
  ].map((arg) => arg.arg);
}

/** Names local to a function: parameters and every name bound in its body. */
export function collectLocals(def: FunctionDef): Set<string> {
  const locals = new Set(parameterNames(def));
  const bindTarget = (target: Expr): void => {
    if (target.kind === "Name") locals.add(target.id);
    else if (target.kind === "Tuple" || target.kind === "List") target.elts.forEach(bindTarget);
    else if (target.kind === "Starred") bindTarget(target.value);
  };
  const visit = (body: readonly Stmt[]): void => {
    for (const stmt of body) {
      switch (stmt.kind) {
        case "Assign":
          stmt.targets.forEach(bindTarget);
          break;
        case "AugAssign":
        case "AnnAssign":
          bindTarget(stmt.target);
          break;
        case "For":
        case "AsyncFor":
          bindTarget(stmt.target);
          visit(stmt.body);
          visit(stmt.orelse);
          break;
        case "While":
        case "If":
          visit(stmt.body);
          visit(stmt.orelse);
          break;
        case "Try":
        case "TryStar":
          visit(stmt.body);
          for (const handler of stmt.handlers) {
            if (handler.name !== null) locals.add(handler.name);
            visit(handler.body);
          }
          visit(stmt.orelse);
          visit(stmt.finalbody);
          break;
        case "Delete":
          stmt.targets.forEach(bindTarget);
          break;
        case "FunctionDef":
        case "AsyncFunctionDef":
        case "ClassDef":
          locals.add(stmt.name);
          break;
        case "Import":
        case "ImportFrom":
          for (const alias of stmt.names) {
            locals.add(alias.asname ?? alias.name.split(".")[0] ?? "");
          }
          break;
        default:
          break;
      }
    }
  };
  visit(def.body);
  return locals;
}

/** Checks the body of a module-level function. */
export function checkFunctionBody(k: Checker, def: FunctionDef): void {
  const scope: Scope = {
    locals: collectLocals(def),
    comprehensions: [],
    moduleOrder: null,
    caller: def,
  };
  checkBlock(k, scope, def.body, false, false);
}

/**
 * Checks statements; `inLoop` allows break/continue, `inHandler` a bare
 * `raise` (lexically inside an except body, where the exception it
 * re-raises is known; in a finally body or a function called from a
 * handler, CPython's answer depends on the caller's state at run time).
 */
function checkBlock(
  k: Checker,
  scope: Scope,
  body: readonly Stmt[],
  inLoop: boolean,
  inHandler: boolean,
): void {
  for (const stmt of body) checkStatement(k, scope, stmt, inLoop, inHandler);
}

function checkStatement(
  k: Checker,
  scope: Scope,
  stmt: Stmt,
  inLoop: boolean,
  inHandler: boolean,
): void {
  const banned = bannedStatement(stmt);
  if (banned !== null) {
    k.report(banned.rule, banned.span, banned.message);
    return;
  }
  switch (stmt.kind) {
    case "Expr":
      checkExpr(k, scope, stmt.value);
      return;
    case "Assign":
      for (const target of stmt.targets) checkTarget(k, scope, target);
      checkExpr(k, scope, stmt.value);
      return;
    case "AugAssign":
      if (stmt.op === "Div") {
        k.report("no-true-division", stmt, "true division `/=` is not supported");
      }
      if (stmt.op === "MatMult") {
        k.report("no-matmul", stmt, "matrix multiplication `@=` is not supported");
      }
      checkTarget(k, scope, stmt.target);
      checkExpr(k, scope, stmt.value);
      return;
    case "AnnAssign":
      checkTarget(k, scope, stmt.target);
      checkAnnotation(k, scope, stmt.annotation);
      if (stmt.value !== null) checkExpr(k, scope, stmt.value);
      return;
    case "Return":
      if (stmt.value !== null) checkExpr(k, scope, stmt.value);
      return;
    case "Delete":
      for (const target of stmt.targets) checkDeleteTarget(k, scope, target);
      return;
    case "Assert":
      checkExpr(k, scope, stmt.test);
      if (stmt.msg !== null) checkExpr(k, scope, stmt.msg);
      return;
    case "If":
      checkExpr(k, scope, stmt.test);
      checkBlock(k, scope, stmt.body, inLoop, inHandler);
      checkBlock(k, scope, stmt.orelse, inLoop, inHandler);
      return;
    case "While":
      checkExpr(k, scope, stmt.test);
      checkBlock(k, scope, stmt.body, true, inHandler);
      checkBlock(k, scope, stmt.orelse, inLoop, inHandler);
      return;
    case "For":
      checkTarget(k, scope, stmt.target);
      checkExpr(k, scope, stmt.iter);
      checkBlock(k, scope, stmt.body, true, inHandler);
      checkBlock(k, scope, stmt.orelse, inLoop, inHandler);
      return;
    case "Break":
    case "Continue":
      if (!inLoop) {
        const keyword = stmt.kind === "Break" ? "break" : "continue";
        k.report("break-outside-loop", stmt, `'${keyword}' outside loop`);
      }
      return;
    case "Try":
      checkBlock(k, scope, stmt.body, inLoop, inHandler);
      stmt.handlers.forEach((handler, index) => {
        if (handler.type === null && index < stmt.handlers.length - 1) {
          k.report("syntax-error", headSpan(handler, 6), "default 'except:' must be last");
        }
        if (handler.type !== null) checkExceptType(k, scope, handler.type);
        if (handler.name !== null && isDunder(handler.name)) {
          k.report(
            "dunder-name",
            headSpan(handler, 6),
            `'${handler.name}' is not available in contracts`,
          );
        }
        checkBlock(k, scope, handler.body, inLoop, true);
      });
      checkBlock(k, scope, stmt.orelse, inLoop, inHandler);
      checkBlock(k, scope, stmt.finalbody, inLoop, inHandler);
      return;
    case "Raise":
      if (stmt.exc === null) {
        if (!inHandler) {
          k.report(
            "bare-raise",
            headSpan(stmt, 5),
            "a bare raise re-raises the exception being handled, so it belongs in an except block",
          );
        }
        return;
      }
      checkRaised(k, scope, stmt.exc);
      if (stmt.cause !== null) checkRaised(k, scope, stmt.cause);
      return;
    case "Pass":
      return;
    case "FunctionDef":
      k.report(
        "no-nested-def",
        { start: stmt.start, end: stmt.nameStart + stmt.name.length },
        `function '${stmt.name}' is defined inside a function`,
      );
      return;
    case "Import":
    case "ImportFrom":
      k.report(
        "import-in-function",
        headSpan(stmt, stmt.kind === "Import" ? 6 : 4),
        "imports must be at module level",
      );
      return;
    default:
      return;
  }
}

/** Assignment targets: names, subscripts, and tuples/lists of them. */
export function checkTarget(k: Checker, scope: Scope, target: Expr): void {
  switch (target.kind) {
    case "Name":
      if (isDunder(target.id)) {
        k.report("dunder-name", target, `'${target.id}' is not available in contracts`);
      }
      return;
    case "Subscript":
      checkExpr(k, scope, target.value);
      checkExpr(k, scope, target.slice);
      return;
    case "Attribute":
      k.report("no-attribute-assignment", target, "attributes cannot be assigned");
      return;
    case "Tuple":
    case "List":
      for (const elt of target.elts) checkTarget(k, scope, elt);
      return;
    case "Starred":
      k.report("no-star-expression", target, "starred assignment is not supported");
      checkTarget(k, scope, target.value);
      return;
    default:
      k.report("assign-target", target, "cannot assign to this expression");
  }
}

function checkDeleteTarget(k: Checker, scope: Scope, target: Expr): void {
  if (target.kind === "Subscript") {
    checkExpr(k, scope, target.value);
    checkExpr(k, scope, target.slice);
  } else if (target.kind === "Attribute") {
    k.report("no-attribute-assignment", target, "attributes cannot be deleted");
  } else if (target.kind === "Tuple" || target.kind === "List") {
    for (const elt of target.elts) checkDeleteTarget(k, scope, elt);
  } else {
    k.report("del-target", target, "del can only remove items: del container[key]");
  }
}

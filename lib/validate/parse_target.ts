/**
 * Turns an expression parsed in Load form into an assignment or deletion
 * target (Store/Del context), rejecting what cannot be assigned exactly
 * where CPython does ("cannot assign to function call", ...).
 */

import type { Expr, ExprContext } from "./ast.ts";
import type { Cursor } from "./cursor.ts";
import { asciiLowercase } from "../text_units.ts";

/** What CPython calls each non-assignable expression in its messages. */
function describe(expr: Expr): string {
  switch (expr.kind) {
    case "Call":
      return "function call";
    case "Constant":
      switch (expr.value.type) {
        case "None":
          return "None";
        case "bool":
          return expr.value.value ? "True" : "False";
        case "Ellipsis":
          return "ellipsis";
        default:
          return "literal";
      }
    case "BinOp":
    case "UnaryOp":
      return "expression";
    case "BoolOp":
      return "expression";
    case "Compare":
      return "comparison";
    case "IfExp":
      return "conditional expression";
    case "Lambda":
      return "lambda";
    case "NamedExpr":
      return "named expression";
    case "JoinedStr":
      return "f-string expression";
    case "Await":
      return "await expression";
    case "Yield":
    case "YieldFrom":
      return "yield expression";
    case "Dict":
      return "dict literal";
    case "Set":
      return "set display";
    case "ListComp":
      return "list comprehension";
    case "SetComp":
      return "set comprehension";
    case "DictComp":
      return "dict comprehension";
    case "GeneratorExp":
      return "generator expression";
    default:
      return asciiLowercase(expr.kind);
  }
}

/** Re-labels `expr` as a target with context `ctx`, or stops with a diagnostic. */
export function toTarget(c: Cursor, expr: Expr, ctx: "Store" | "Del"): Expr {
  switch (expr.kind) {
    case "Name":
    case "Attribute":
    case "Subscript":
      return { ...expr, ctx };
    case "Starred":
      if (ctx === "Del") break;
      return { ...expr, value: toTarget(c, expr.value, ctx), ctx };
    case "Tuple":
    case "List":
      return { ...expr, elts: expr.elts.map((elt) => toTarget(c, elt, ctx)), ctx };
    default:
      break;
  }
  const verb = ctx === "Del" ? "delete" : "assign to";
  return c.failAt(expr, `cannot ${verb} ${describe(expr)}`);
}

/** Targets of augmented and annotated assignment: a single name, attribute or subscript. */
export function toSingleTarget(
  c: Cursor,
  expr: Expr,
  statement: "augmented assignment" | "annotation",
): Expr {
  if (expr.kind === "Name" || expr.kind === "Attribute" || expr.kind === "Subscript") {
    return { ...expr, ctx: "Store" as ExprContext };
  }
  if (statement === "annotation" && (expr.kind === "Tuple" || expr.kind === "List")) {
    return c.failAt(expr, `only single target (not ${asciiLowercase(expr.kind)}) can be annotated`);
  }
  return c.failAt(expr, `'${describe(expr)}' is an illegal expression for ${statement}`);
}

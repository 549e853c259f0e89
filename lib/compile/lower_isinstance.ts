/**
 * Lowering of isinstance calls, where type names (int, str, ...) may be
 * written as arguments though they are not values (spec/LANGUAGE.md §3).
 *
 * `isinstance(obj, types)` with the types written out (a name or nested
 * tuple displays of them, at any depth) flattens at compile time to one
 * ISINSTANCE mask; `()` is False. When some leaf of the tuple tree is an
 * expression instead, the leaves are checked in CPython's order (left to
 * right, depth first), after every one has been evaluated: a run of type
 * names is one ISINSTANCE, an expression leaf is a CALL_BUILTIN isinstance
 * (False for a computed tuple of tuples, TypeError for anything else), and
 * the first True ends the check. Any other call shape evaluates its
 * arguments and lets the binder raise CPython's TypeError. A type name
 * evaluated as a value becomes None, which is an instance of no subset
 * type, as a type object is not. `bytearray` and `memoryview` name classes
 * no VM value belongs to: their leaves are dropped (False, as CPython says
 * for bytes and every other VM value). Must not lower anything but isinstance.
 */

import type { Call, Expr } from "../validate/ast.ts";
import { TYPE_NAMES, VALUELESS_TYPE_NAMES } from "../validate/allowlist.ts";
import { Label } from "./emitter.ts";
import type { FunctionContext } from "./lower_context.ts";
import { keywordNames, lowerExpr } from "./lower_expr.ts";
import { ISINSTANCE_BIT, Op } from "./opcodes.ts";

const TYPE_MASKS: Readonly<Record<string, number>> = ISINSTANCE_BIT;

/** One leaf of isinstance's type tree: a run of type names (as a mask) or an expression. */
type Leaf = { readonly mask: number } | { readonly expr: Expr };

/**
 * The mask bit of `expr` when it names a builtin type, else null; 0 for a
 * class no VM value is an instance of (bytearray, memoryview).
 */
function typeBit(c: FunctionContext, expr: Expr): number | null {
  if (expr.kind !== "Name") return null;
  if (!TYPE_NAMES.has(expr.id) && !VALUELESS_TYPE_NAMES.has(expr.id)) return null;
  if (c.resolve(expr.id).kind !== "builtin") return null;
  return TYPE_MASKS[expr.id] ?? 0;
}

/** The leaves of a type tree in CPython's checking order, consecutive type names merged. */
function leaves(c: FunctionContext, types: Expr): Leaf[] {
  const out: Leaf[] = [];
  const pending: Expr[] = [types];
  for (let expr = pending.pop(); expr !== undefined; expr = pending.pop()) {
    if (expr.kind === "Tuple") {
      pending.push(...[...expr.elts].reverse());
      continue;
    }
    const bit = typeBit(c, expr);
    const last = out[out.length - 1];
    if (bit === 0) continue; // a class without instances in the VM: never True, nothing to evaluate
    if (bit === null) out.push({ expr });
    else if (last !== undefined && "mask" in last) out[out.length - 1] = { mask: last.mask | bit };
    else out.push({ mask: bit });
  }
  return out;
}

/** Lowers `expr` as a value, a type name (at any tuple depth) as None. */
function lowerTypeTree(c: FunctionContext, expr: Expr): void {
  if (typeBit(c, expr) !== null) {
    c.e.emit(Op.NONE);
  } else if (expr.kind === "Tuple") {
    for (const elt of expr.elts) lowerTypeTree(c, elt);
    c.e.emit(Op.BUILD_TUPLE, expr.elts.length);
  } else {
    lowerExpr(c, expr);
  }
}

/** Lowers a call of the isinstance builtin (`builtinId` is its table id). */
export function lowerIsinstance(
  c: FunctionContext,
  call: Call,
  builtinId: number,
): void {
  const [obj, types] = call.args;
  if (
    obj === undefined || types === undefined || call.args.length > 2 || call.keywords.length > 0
  ) {
    for (const arg of call.args) lowerTypeTree(c, arg);
    for (const keyword of call.keywords) lowerTypeTree(c, keyword.value);
    c.at(call);
    const argc = call.args.length + call.keywords.length;
    c.e.emit(Op.CALL_BUILTIN, builtinId, argc, keywordNames(c, call.keywords));
    return;
  }
  const tree = leaves(c, types);
  const first = tree[0];
  lowerTypeTree(c, obj);
  if (first === undefined || (tree.length === 1 && "mask" in first)) {
    if (first === undefined) {
      c.e.emit(Op.POP);
      c.e.emit(Op.FALSE);
    } else {
      c.e.emit(Op.ISINSTANCE, first.mask);
    }
    return;
  }
  // Evaluate everything first (CPython builds the tuple before checking), then check in order.
  const objSlot = c.e.temp();
  c.e.emit(Op.STORE_LOCAL, objSlot);
  const slots = tree.map((leaf) => {
    if ("mask" in leaf) return -1;
    lowerExpr(c, leaf.expr);
    const slot = c.e.temp();
    c.e.emit(Op.STORE_LOCAL, slot);
    return slot;
  });
  const end = new Label();
  tree.forEach((leaf, index) => {
    c.e.emit(Op.LOAD_LOCAL, objSlot);
    if ("mask" in leaf) {
      c.e.emit(Op.ISINSTANCE, leaf.mask);
    } else {
      c.e.emit(Op.LOAD_LOCAL, slots[index] ?? 0);
      c.at(call);
      c.e.emit(Op.CALL_BUILTIN, builtinId, 2, 0);
    }
    if (index < tree.length - 1) c.e.jump(Op.JUMP_IF_TRUE_OR_POP, end);
  });
  c.e.bind(end);
}

/**
 * Lowering of statements: assignments (names, subscripts, unpacking,
 * augmented), control flow with `else` clauses, break/continue, return,
 * assert and del. Loops record their static bounds for the estimator.
 * try/raise are in lower_try.ts; break, continue and return leave the
 * blocks around them through it.
 */

import { InternalError } from "../errors.ts";
import type { Expr, For, Stmt, While } from "../validate/ast.ts";
import { Label } from "./emitter.ts";
import type { FunctionContext, LoopTargets } from "./lower_context.ts";
import { INPLACE, lowerExpr, lowerSubscriptKey, staticIterations } from "./lower_expr.ts";
import { Op } from "./opcodes.ts";
import { leaveBlocks, lowerRaise, lowerTry } from "./lower_try.ts";

/** Lowers a block of statements. */
export function lowerBlock(c: FunctionContext, body: readonly Stmt[]): void {
  for (const stmt of body) lowerStatement(c, stmt);
}

/** Stores the value on top of the stack into `target`. */
export function storeTarget(c: FunctionContext, target: Expr): void {
  c.at(target);
  switch (target.kind) {
    case "Name": {
      const resolved = c.resolve(target.id);
      if (resolved.kind === "local") return c.e.emit(Op.STORE_LOCAL, resolved.slot);
      if (resolved.kind === "global") return c.e.emit(Op.STORE_GLOBAL, resolved.slot);
      throw new InternalError(`compiler: cannot store to '${target.id}'`);
    }
    case "Subscript":
      lowerExpr(c, target.value);
      lowerSubscriptKey(c, target.slice);
      c.at(target);
      return c.e.emit(Op.STORE_SUBSCR);
    case "Tuple":
    case "List":
      c.e.emit(Op.UNPACK, target.elts.length);
      for (const elt of target.elts) storeTarget(c, elt);
      return;
    default:
      throw new InternalError(`compiler: ${target.kind} target reached the compiler`);
  }
}

function lowerStatement(c: FunctionContext, stmt: Stmt): void {
  c.at(stmt);
  switch (stmt.kind) {
    case "Expr":
      if (stmt.value.kind === "Constant") return;
      lowerExpr(c, stmt.value);
      return c.e.emit(Op.POP);
    case "Assign":
      lowerExpr(c, stmt.value);
      stmt.targets.forEach((target, index) => {
        if (index < stmt.targets.length - 1) c.e.emit(Op.DUP);
        storeTarget(c, target);
      });
      return;
    case "AnnAssign":
      if (stmt.value === null) return;
      lowerExpr(c, stmt.value);
      return storeTarget(c, stmt.target);
    case "AugAssign":
      return lowerAugAssign(c, stmt);
    case "If": {
      const orElse = new Label();
      const end = new Label();
      lowerExpr(c, stmt.test);
      c.e.jump(Op.JUMP_IF_FALSE, orElse);
      lowerBlock(c, stmt.body);
      if (stmt.orelse.length > 0) c.e.jump(Op.JUMP, end);
      c.e.bind(orElse);
      lowerBlock(c, stmt.orelse);
      return c.e.bind(end);
    }
    case "While":
      return lowerWhile(c, stmt);
    case "For":
      return lowerFor(c, stmt);
    case "Break":
    case "Continue": {
      const loop = c.loops[c.loops.length - 1];
      if (loop === undefined) throw new InternalError("compiler: break outside a loop");
      const left = leaveBlocks(c, c.loops.length - 1);
      if (stmt.kind === "Continue") c.e.jump(Op.JUMP, loop.continueLabel);
      else {
        if (loop.popsIterator) c.e.emit(Op.POP);
        c.e.jump(Op.JUMP, loop.breakLabel);
      }
      return left.resume();
    }
    case "Return": {
      if (stmt.value === null) c.e.emit(Op.NONE);
      else lowerExpr(c, stmt.value);
      c.at(stmt);
      if (c.tries.length === 0) return c.e.emit(Op.RETURN);
      // The value is computed first, then each finally body runs (CPython's order).
      const slot = c.e.temp();
      c.e.emit(Op.STORE_LOCAL, slot);
      const left = leaveBlocks(c, -1);
      c.at(stmt);
      c.e.emit(Op.LOAD_LOCAL, slot);
      c.e.emit(Op.RETURN);
      return left.resume();
    }
    case "Try":
      return lowerTry(c, stmt);
    case "Raise":
      return lowerRaise(c, stmt);
    case "Delete":
      for (const target of stmt.targets) lowerDelete(c, target);
      return;
    case "Assert": {
      const ok = new Label();
      lowerExpr(c, stmt.test);
      c.e.jump(Op.JUMP_IF_TRUE, ok);
      if (stmt.msg !== null) lowerExpr(c, stmt.msg);
      c.at(stmt);
      c.e.emit(Op.ASSERT_FAIL, stmt.msg === null ? 0 : 1);
      return c.e.bind(ok);
    }
    case "Pass":
      return;
    default:
      throw new InternalError(
        `compiler: ${stmt.kind} reached the compiler although the validator refuses it`,
      );
  }
}

function lowerAugAssign(c: FunctionContext, stmt: Stmt & { kind: "AugAssign" }): void {
  const op = INPLACE[stmt.op];
  if (op === undefined) throw new InternalError(`compiler: no in-place opcode for ${stmt.op}`);
  const target = stmt.target;
  if (target.kind === "Name") {
    lowerExpr(c, target);
    lowerExpr(c, stmt.value);
    c.at(stmt);
    c.e.emit(op);
    return storeTarget(c, target);
  }
  if (target.kind !== "Subscript") {
    throw new InternalError("compiler: bad augmented-assignment target");
  }
  lowerExpr(c, target.value);
  lowerSubscriptKey(c, target.slice);
  c.e.emit(Op.DUP2);
  c.at(target);
  c.e.emit(Op.SUBSCR);
  lowerExpr(c, stmt.value);
  c.at(stmt);
  c.e.emit(op);
  c.e.emit(Op.ROT3);
  c.e.emit(Op.STORE_SUBSCR);
}

function lowerDelete(c: FunctionContext, target: Expr): void {
  if (target.kind === "Tuple" || target.kind === "List") {
    for (const elt of target.elts) lowerDelete(c, elt);
    return;
  }
  if (target.kind !== "Subscript") throw new InternalError("compiler: del of a non-subscript");
  lowerExpr(c, target.value);
  lowerSubscriptKey(c, target.slice);
  c.at(target);
  c.e.emit(Op.DELETE_SUBSCR);
}

/** Lowers a loop's body and closing jump, and records the loop for the estimator. */
function loopBody(
  c: FunctionContext,
  stmt: While | For,
  targets: LoopTargets,
  header: number,
  iterations: number | null,
): void {
  c.loops.push(targets);
  lowerBlock(c, stmt.body);
  c.loops.pop();
  const backJump = c.e.here;
  c.e.jump(Op.JUMP, targets.continueLabel);
  const line = c.unit.source.position(stmt.start).line;
  const reason = stmt.kind === "While"
    ? `while loop at line ${line}`
    : iterations === null
    ? `for loop at line ${line} iterates over a value of unknown size`
    : "";
  c.e.loops.push({ header, backJump, iterations, reason, line });
}

// while test: body [else: orelse]
//   top:  test; JUMP_IF_FALSE else; body; JUMP top; else: orelse; end:
function lowerWhile(c: FunctionContext, stmt: While): void {
  const top = new Label();
  const orElse = new Label();
  const end = new Label();
  c.e.bind(top);
  const header = c.e.here;
  lowerExpr(c, stmt.test);
  c.e.jump(Op.JUMP_IF_FALSE, orElse);
  loopBody(c, stmt, { breakLabel: end, continueLabel: top, popsIterator: false }, header, null);
  c.e.bind(orElse);
  lowerBlock(c, stmt.orelse);
  c.e.bind(end);
}

// for target in iter: body [else: orelse]
//   iter; GET_ITER; top: FOR_ITER else; store; body; JUMP top; else: orelse; end:
function lowerFor(c: FunctionContext, stmt: For): void {
  const top = new Label();
  const orElse = new Label();
  const end = new Label();
  const iterations = staticIterations(c, stmt.iter);
  lowerExpr(c, stmt.iter);
  c.at(stmt);
  c.e.emit(Op.GET_ITER);
  c.e.bind(top);
  const header = c.e.here;
  c.e.jump(Op.FOR_ITER, orElse);
  storeTarget(c, stmt.target);
  loopBody(
    c,
    stmt,
    { breakLabel: end, continueLabel: top, popsIterator: true },
    header,
    iterations,
  );
  c.e.bind(orElse);
  lowerBlock(c, stmt.orelse);
  c.e.bind(end);
}

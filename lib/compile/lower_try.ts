/**
 * Lowering of try/except/else/finally and raise (spec/IR.md §5), and of
 * leaving such blocks early. The exception table comes from the regions
 * each try opens (emitter.ts):
 *
 *   try body       covered by the except handler and the finally handler
 *   else body      covered by the finally handler only
 *   except bodies  covered by the finally handler and, for `as name`, by a
 *                  clean-up handler that unbinds the name and re-raises
 *   except:        STORE t; per clause: LOAD t; EXC_MATCH mask;
 *                  JUMP_IF_FALSE next; [LOAD t; STORE name]; body;
 *                  [DELETE name]; JUMP after; next: ...; LOAD t; RERAISE
 *   finally:       inline on the normal path; as the handler: STORE f;
 *                  body; LOAD f; RERAISE
 *
 * A return, break or continue that leaves a try runs the finally bodies
 * (and except-name clean-ups) it leaves, innermost first, with the regions
 * of those blocks paused around each copy, and pops the iterators of the
 * loops it leaves on the way. Handlers start at the height of the operand
 * stack between statements: one iterator per enclosing `for`.
 */

import { InternalError } from "../errors.ts";
import type { Expr, Raise, Try } from "../validate/ast.ts";
import { Label, type Region } from "./emitter.ts";
import type { FunctionContext, TryFrame } from "./lower_context.ts";
import { lowerExpr } from "./lower_expr.ts";
import { lowerBlock } from "./lower_stmt.ts";
import { Op } from "./opcodes.ts";

/** Regions paused while leaving blocks; resumed once the jump or return is emitted. */
export interface LeftBlocks {
  resume(): void;
}

/** The operand stack height between statements: the iterators of the enclosing `for` loops. */
function statementHeight(c: FunctionContext): number {
  return c.loops.filter((loop) => loop.popsIterator).length;
}

/**
 * Emits what leaving the blocks inside loop `target` (-1: the function)
 * runs: each try's clean-up, innermost first, and the POP of each `for`
 * iterator left (not the target loop's: break pops that itself).
 */
export function leaveBlocks(c: FunctionContext, target: number): LeftBlocks {
  const tries = c.tries;
  const paused: Region[] = [];
  let t = tries.length - 1;
  for (let l = c.loops.length - 1; l >= target; l--) {
    for (; t >= 0 && (tries[t] as TryFrame).loopDepth > l; t--) {
      const frame = tries[t] as TryFrame;
      for (const region of frame.regions) {
        c.e.pause(region);
        paused.push(region);
      }
      if (frame.leave === null) continue;
      // The clean-up runs where its block stands: outside the blocks and loops inside it.
      const inner = c.loops.splice(frame.loopDepth);
      c.tries = tries.slice(0, t);
      frame.leave();
      c.tries = tries;
      for (const loop of inner) c.loops.push(loop);
    }
    if (l > target && c.loops[l]?.popsIterator === true) c.e.emit(Op.POP);
  }
  return {
    resume: () => {
      for (const region of paused.reverse()) c.e.resume(region);
    },
  };
}

/** The EXC_MATCH mask of an except clause's class names. */
function exceptMask(c: FunctionContext, type: Expr): number {
  const names = type.kind === "Tuple" ? type.elts : [type];
  let mask = 0;
  for (const name of names) {
    const resolved = name.kind === "Name" ? c.resolve(name.id) : null;
    if (resolved?.kind !== "exception") {
      throw new InternalError("compiler: an except clause names a non-exception");
    }
    mask |= 2 ** resolved.id;
  }
  return mask;
}

function localSlot(c: FunctionContext, name: string): number {
  const resolved = c.resolve(name);
  if (resolved.kind !== "local") throw new InternalError(`compiler: '${name}' is not a local`);
  return resolved.slot;
}

/** Lowers a try statement (see the file header for its shape). */
export function lowerTry(c: FunctionContext, stmt: Try): void {
  const height = statementHeight(c);
  const loopDepth = c.loops.length;
  const hasFinally = stmt.finalbody.length > 0;
  const finallyHandler = new Label();
  const finallyRegion = hasFinally ? c.e.protect(finallyHandler, height) : null;
  if (finallyRegion !== null) {
    c.tries.push({
      regions: [finallyRegion],
      leave: () => lowerBlock(c, stmt.finalbody),
      exception: null,
      loopDepth,
    });
  }
  if (stmt.handlers.length > 0) lowerExcept(c, stmt, height, loopDepth);
  else lowerBlock(c, stmt.body);
  if (finallyRegion === null) return;
  c.tries.pop();
  c.e.pause(finallyRegion);
  const end = new Label();
  lowerBlock(c, stmt.finalbody);
  c.e.jump(Op.JUMP, end);
  c.e.bind(finallyHandler);
  const slot = c.e.temp();
  c.e.emit(Op.STORE_LOCAL, slot);
  c.tries.push({ regions: [], leave: null, exception: slot, loopDepth });
  lowerBlock(c, stmt.finalbody);
  c.tries.pop();
  c.at(stmt);
  c.e.emit(Op.LOAD_LOCAL, slot);
  c.e.emit(Op.RERAISE);
  c.e.bind(end);
}

/** The body, else and except clauses of a try with handlers. */
function lowerExcept(c: FunctionContext, stmt: Try, height: number, loopDepth: number): void {
  const handler = new Label();
  const after = new Label();
  const region = c.e.protect(handler, height);
  c.tries.push({ regions: [region], leave: null, exception: null, loopDepth });
  lowerBlock(c, stmt.body);
  c.tries.pop();
  c.e.pause(region);
  lowerBlock(c, stmt.orelse);
  c.e.jump(Op.JUMP, after);
  c.e.bind(handler);
  const slot = c.e.temp();
  c.e.emit(Op.STORE_LOCAL, slot);
  for (const clause of stmt.handlers) {
    c.at(clause);
    const next = new Label();
    if (clause.type !== null) {
      const mask = exceptMask(c, clause.type);
      if (mask === 0) {
        // `except ():` matches nothing.
        c.e.jump(Op.JUMP, next);
      } else {
        c.e.emit(Op.LOAD_LOCAL, slot);
        c.e.emit(Op.EXC_MATCH, mask);
        c.e.jump(Op.JUMP_IF_FALSE, next);
      }
    }
    if (clause.name === null) {
      c.tries.push({ regions: [], leave: null, exception: slot, loopDepth });
      lowerBlock(c, clause.body);
      c.tries.pop();
    } else {
      const name = localSlot(c, clause.name);
      c.e.emit(Op.LOAD_LOCAL, slot);
      c.e.emit(Op.STORE_LOCAL, name);
      // `except E as name` unbinds name however its body ends, as CPython does.
      const cleanup = new Label();
      const bound = c.e.protect(cleanup, height);
      const unbind = () => c.e.emit(Op.DELETE_LOCAL, name);
      c.tries.push({ regions: [bound], leave: unbind, exception: slot, loopDepth });
      lowerBlock(c, clause.body);
      c.tries.pop();
      c.e.pause(bound);
      unbind();
      c.e.jump(Op.JUMP, after);
      c.e.bind(cleanup);
      unbind();
      c.e.emit(Op.RERAISE);
    }
    if (clause.name === null) c.e.jump(Op.JUMP, after);
    c.e.bind(next);
  }
  c.at(stmt);
  c.e.emit(Op.LOAD_LOCAL, slot);
  c.e.emit(Op.RERAISE);
  c.e.bind(after);
}

/** An exception expression of a raise: a class name makes an instance without args. */
function lowerRaised(c: FunctionContext, expr: Expr): void {
  const resolved = expr.kind === "Name" ? c.resolve(expr.id) : null;
  if (resolved?.kind === "exception") {
    c.at(expr);
    c.e.emit(Op.NEW_EXCEPTION, resolved.id, 0);
  } else lowerExpr(c, expr);
}

/** Lowers raise, raise X [from Y] and bare raise (the innermost exception being handled). */
export function lowerRaise(c: FunctionContext, stmt: Raise): void {
  if (stmt.exc === null) {
    const handled = c.tries.findLast((frame) => frame.exception !== null)?.exception ?? null;
    c.at(stmt);
    if (handled !== null) {
      c.e.emit(Op.LOAD_LOCAL, handled);
      c.e.emit(Op.RERAISE);
      return;
    }
    // The validator allows a bare raise only inside an except body.
    throw new InternalError("compiler: a bare raise outside an except body");
  }
  lowerRaised(c, stmt.exc);
  if (stmt.cause !== null) lowerRaised(c, stmt.cause);
  c.at(stmt);
  c.e.emit(Op.RAISE, stmt.cause === null ? 0 : 1);
}

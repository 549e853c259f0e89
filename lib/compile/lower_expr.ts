/**
 * Lowering of expressions to stack code, in CPython's evaluation order
 * (left to right; a chained comparison evaluates each operand once;
 * `and`/`or` short-circuit and yield an operand). Calls to contract
 * functions have keywords and defaults resolved here, at compile time.
 * Only what the validator accepts reaches this file.
 */

import { InternalError } from "../errors.ts";
import type { Call, Compare, Comprehension, Expr, Keyword } from "../validate/ast.ts";
import { Label } from "./emitter.ts";
import type { FunctionContext, FunctionEntry } from "./lower_context.ts";
import { lowerIsinstance } from "./lower_isinstance.ts";
import { METHODS, Op, type Receiver } from "./opcodes.ts";

/** Displays longer than this are built incrementally, to keep the stack small. */
const MAX_DISPLAY_ON_STACK = 256;
const SMALL_INT_LIMIT = 0x7fffffffn;

const BINARY: Readonly<Record<string, Op>> = {
  Add: Op.ADD,
  Sub: Op.SUB,
  Mult: Op.MUL,
  FloorDiv: Op.FLOORDIV,
  Mod: Op.MOD,
  Pow: Op.POW,
  LShift: Op.LSHIFT,
  RShift: Op.RSHIFT,
  BitAnd: Op.BITAND,
  BitOr: Op.BITOR,
  BitXor: Op.BITXOR,
};

/** In-place forms with their own semantics (lists and dicts change in place). */
export const INPLACE: Readonly<Record<string, Op>> = {
  ...BINARY,
  Add: Op.INPLACE_ADD,
  Mult: Op.INPLACE_MUL,
  BitOr: Op.INPLACE_OR,
  BitAnd: Op.INPLACE_AND,
  Sub: Op.INPLACE_SUB,
  BitXor: Op.INPLACE_XOR,
};

const UNARY: Readonly<Record<string, Op>> = {
  USub: Op.NEG,
  UAdd: Op.POS,
  Invert: Op.INVERT,
  Not: Op.NOT,
};

const COMPARE: Readonly<Record<string, Op>> = {
  Eq: Op.EQ,
  NotEq: Op.NE,
  Lt: Op.LT,
  LtE: Op.LE,
  Gt: Op.GT,
  GtE: Op.GE,
  In: Op.IN,
  NotIn: Op.NOT_IN,
  Is: Op.IS,
  IsNot: Op.IS_NOT,
};

function opFor(table: Readonly<Record<string, Op>>, name: string): Op {
  const op = table[name];
  if (op === undefined) throw new InternalError(`compiler: no opcode for operator ${name}`);
  return op;
}

/** Pushes an integer literal. */
export function pushInt(c: FunctionContext, value: bigint): void {
  if (value <= SMALL_INT_LIMIT && value >= -SMALL_INT_LIMIT) c.e.emit(Op.SMALL_INT, Number(value));
  else c.e.emit(Op.CONST, c.unit.constant({ kind: "int", value }));
}

/** Lowers `expr`, leaving its value on the stack. */
export function lowerExpr(c: FunctionContext, expr: Expr): void {
  c.at(expr);
  switch (expr.kind) {
    case "Constant":
      switch (expr.value.type) {
        case "int":
          return pushInt(c, expr.value.value);
        case "bool":
          return c.e.emit(expr.value.value ? Op.TRUE : Op.FALSE);
        case "None":
          return c.e.emit(Op.NONE);
        case "str":
          return c.e.emit(Op.CONST, c.unit.constant({ kind: "str", value: expr.value.value }));
        case "bytes":
          return c.e.emit(Op.CONST, c.unit.constant({ kind: "bytes", value: expr.value.value }));
        default:
          throw new InternalError(
            `compiler: constant of type ${expr.value.type} reached the compiler`,
          );
      }
    case "Name": {
      const target = c.resolve(expr.id);
      if (target.kind === "local") {
        // A parameter is always assigned: its plain load keeps the interpreter's fast pairs.
        const free = target.free && target.slot >= c.parameterCount;
        return c.e.emit(free ? Op.LOAD_FREE : Op.LOAD_LOCAL, target.slot);
      }
      if (target.kind === "global") return c.e.emit(Op.LOAD_GLOBAL, target.slot);
      if (target.kind === "stdlib_member") {
        return c.e.emit(Op.STDLIB_VALUE, c.unit.stdlibId(target.module, target.member));
      }
      throw new InternalError(`compiler: '${expr.id}' is not a value`);
    }
    case "BinOp":
      lowerExpr(c, expr.left);
      lowerExpr(c, expr.right);
      c.at(expr);
      return c.e.emit(opFor(BINARY, expr.op));
    case "UnaryOp":
      lowerExpr(c, expr.operand);
      c.at(expr);
      return c.e.emit(opFor(UNARY, expr.op));
    case "BoolOp": {
      const end = new Label();
      const jump = expr.op === "And" ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP;
      expr.values.forEach((value, index) => {
        lowerExpr(c, value);
        if (index < expr.values.length - 1) c.e.jump(jump, end);
      });
      return c.e.bind(end);
    }
    case "Compare":
      return lowerCompare(c, expr);
    case "IfExp": {
      const orElse = new Label();
      const end = new Label();
      lowerExpr(c, expr.test);
      c.e.jump(Op.JUMP_IF_FALSE, orElse);
      lowerExpr(c, expr.body);
      c.e.jump(Op.JUMP, end);
      c.e.bind(orElse);
      lowerExpr(c, expr.orelse);
      return c.e.bind(end);
    }
    case "Call":
      return lowerCall(c, expr);
    case "Attribute": {
      const receiver = expr.value;
      const target = receiver.kind === "Name" ? c.resolve(receiver.id) : null;
      if (target?.kind !== "stdlib" && expr.attr === "args") {
        lowerExpr(c, receiver);
        c.at(expr);
        return c.e.emit(Op.EXC_ARGS);
      }
      if (target?.kind !== "stdlib") {
        throw new InternalError("compiler: attribute read outside stdlib values");
      }
      return c.e.emit(Op.STDLIB_VALUE, c.unit.stdlibId(target.module, expr.attr));
    }
    case "Subscript":
      lowerExpr(c, expr.value);
      lowerSubscriptKey(c, expr.slice);
      c.at(expr);
      return c.e.emit(Op.SUBSCR);
    case "Slice":
      return lowerSlice(c, expr);
    case "List":
    case "Tuple":
      return lowerSequenceDisplay(c, expr.elts, expr.kind === "List");
    case "Dict":
      return lowerDictDisplay(c, expr.keys, expr.values);
    case "ListComp":
      return lowerListComp(c, expr.elt, expr.generators);
    default:
      throw new InternalError(
        `compiler: ${expr.kind} reached the compiler although the validator refuses it`,
      );
  }
}

/** A subscript key: slices become slice values. */
export function lowerSubscriptKey(c: FunctionContext, key: Expr): void {
  if (key.kind === "Slice") lowerSlice(c, key);
  else lowerExpr(c, key);
}

function lowerSlice(c: FunctionContext, slice: Expr & { kind: "Slice" }): void {
  for (const part of [slice.lower, slice.upper, slice.step]) {
    if (part === null) c.e.emit(Op.NONE);
    else lowerExpr(c, part);
  }
  c.at(slice);
  c.e.emit(Op.BUILD_SLICE);
}

function lowerCompare(c: FunctionContext, compare: Compare): void {
  lowerExpr(c, compare.left);
  const last = compare.ops.length - 1;
  if (last === 0) {
    lowerExpr(c, compare.comparators[0] as Expr);
    c.at(compare);
    c.e.emit(opFor(COMPARE, compare.ops[0] ?? ""));
    return;
  }
  const cleanup = new Label();
  const end = new Label();
  compare.ops.forEach((op, index) => {
    lowerExpr(c, compare.comparators[index] as Expr);
    c.at(compare);
    if (index < last) {
      c.e.emit(Op.DUP);
      c.e.emit(Op.ROT3);
      c.e.emit(opFor(COMPARE, op));
      c.e.jump(Op.JUMP_IF_FALSE_OR_POP, cleanup);
    } else {
      c.e.emit(opFor(COMPARE, op));
      c.e.jump(Op.JUMP, end);
    }
  });
  c.e.bind(cleanup);
  c.e.emit(Op.ROT2);
  c.e.emit(Op.POP);
  c.e.bind(end);
}

/** Builds a list or tuple from elements, incrementally when long. */
function lowerSequenceDisplay(c: FunctionContext, elts: readonly Expr[], isList: boolean): void {
  if (elts.length <= MAX_DISPLAY_ON_STACK) {
    for (const elt of elts) lowerExpr(c, elt);
    c.e.emit(isList ? Op.BUILD_LIST : Op.BUILD_TUPLE, elts.length);
    return;
  }
  const slot = c.e.temp();
  c.e.emit(Op.BUILD_LIST, 0);
  c.e.emit(Op.STORE_LOCAL, slot);
  for (const elt of elts) {
    c.e.emit(Op.LOAD_LOCAL, slot);
    lowerExpr(c, elt);
    c.e.emit(Op.LIST_APPEND);
  }
  c.e.emit(Op.LOAD_LOCAL, slot);
  if (!isList) c.e.emit(Op.CALL_BUILTIN, c.unit.builtinId("tuple"), 1, 0);
}

function lowerDictDisplay(
  c: FunctionContext,
  keys: readonly (Expr | null)[],
  values: readonly Expr[],
): void {
  const entries = keys.map((key, index) => {
    const value = values[index];
    if (key === null || value === undefined) {
      throw new InternalError("compiler: dict unpacking reached the compiler");
    }
    return { key, value };
  });
  if (entries.length <= MAX_DISPLAY_ON_STACK / 2) {
    for (const { key, value } of entries) {
      lowerExpr(c, key);
      lowerExpr(c, value);
    }
    c.e.emit(Op.BUILD_DICT, entries.length);
    return;
  }
  const slot = c.e.temp();
  c.e.emit(Op.BUILD_DICT, 0);
  c.e.emit(Op.STORE_LOCAL, slot);
  for (const { key, value } of entries) {
    c.e.emit(Op.LOAD_LOCAL, slot);
    lowerExpr(c, key);
    lowerExpr(c, value);
    c.e.emit(Op.ROT3);
    c.e.emit(Op.STORE_SUBSCR);
  }
  c.e.emit(Op.LOAD_LOCAL, slot);
}

/** Iteration count of `range(...)` over literal ints and int-literal constants, or null. */
export function staticIterations(c: FunctionContext, iter: Expr): number | null {
  const literal = (expr: Expr): bigint | null => {
    if (expr.kind === "Constant" && expr.value.type === "int") return expr.value.value;
    if (expr.kind === "UnaryOp" && expr.op === "USub") {
      const inner = literal(expr.operand);
      return inner === null ? null : -inner;
    }
    if (expr.kind === "Name") {
      const target = c.resolve(expr.id);
      return target.kind === "global" ? c.unit.intConstants.get(expr.id) ?? null : null;
    }
    return null;
  };
  if (iter.kind === "List" || iter.kind === "Tuple") return iter.elts.length;
  if (iter.kind === "Constant" && (iter.value.type === "str" || iter.value.type === "bytes")) {
    return iter.value.type === "bytes"
      ? iter.value.value.length
      : Array.from(iter.value.value).length;
  }
  if (
    iter.kind !== "Call" || iter.func.kind !== "Name" || iter.func.id !== "range" ||
    iter.keywords.length > 0
  ) return null;
  if (c.resolve("range").kind !== "builtin") return null;
  const args = iter.args.map(literal);
  if (args.some((arg) => arg === null) || args.length < 1 || args.length > 3) return null;
  const [a, b, s] = args as bigint[];
  const [start, stop, step] = args.length === 1 ? [0n, a ?? 0n, 1n] : [a ?? 0n, b ?? 0n, s ?? 1n];
  if (step === 0n) return 0;
  const span = step > 0n ? stop - start : start - stop;
  const magnitude = step > 0n ? step : -step;
  const count = span <= 0n ? 0n : (span + magnitude - 1n) / magnitude;
  return count > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(count);
}

/** `[elt for target in iter if cond ...]` with the comprehension's own variables. */
function lowerListComp(c: FunctionContext, elt: Expr, generators: readonly Comprehension[]): void {
  const result = c.e.temp();
  // Python 3: the variables of every clause belong to the comprehension's own scope, unbound
  // each time it starts; only the first iterable is evaluated outside it.
  const scope = new Map<string, number>();
  for (const generator of generators) bindComprehensionNames(c, generator.target, scope);
  for (const slot of readBeforeBound(generators, scope)) c.e.emit(Op.DELETE_LOCAL, slot);
  c.e.emit(Op.BUILD_LIST, 0);
  c.e.emit(Op.STORE_LOCAL, result);
  const ends: {
    next: Label;
    end: Label;
    header: number;
    iterations: number | null;
    line: number;
  }[] = [];
  generators.forEach((generator, index) => {
    if (index > 0) c.comprehensions.push(scope);
    const iterations = staticIterations(c, generator.iter);
    lowerExpr(c, generator.iter);
    if (index > 0) c.comprehensions.pop();
    c.e.emit(Op.GET_ITER);
    const next = new Label();
    const end = new Label();
    c.e.bind(next);
    const header = c.e.here;
    c.e.jump(Op.FOR_ITER, end);
    c.comprehensions.push(scope);
    storeComprehensionTarget(c, generator.target, scope);
    for (const condition of generator.ifs) {
      lowerExpr(c, condition);
      c.e.jump(Op.JUMP_IF_FALSE, next);
    }
    c.comprehensions.pop();
    ends.push({
      next,
      end,
      header,
      iterations,
      line: c.unit.source.position(generator.iter.start).line,
    });
  });
  c.comprehensions.push(scope);
  c.e.emit(Op.LOAD_LOCAL, result);
  lowerExpr(c, elt);
  c.e.emit(Op.LIST_APPEND);
  c.comprehensions.pop();
  for (let i = ends.length - 1; i >= 0; i--) {
    const loop = ends[i];
    if (loop === undefined) continue;
    const backJump = c.e.here;
    c.e.jump(Op.JUMP, loop.next);
    c.e.bind(loop.end);
    c.e.loops.push({
      header: loop.header,
      backJump,
      iterations: loop.iterations,
      reason: loop.iterations === null ? "comprehension over a value of unknown size" : "",
      line: loop.line,
    });
  }
  c.e.emit(Op.LOAD_LOCAL, result);
}

/**
 * Slots of the comprehension's variables that a clause may read before
 * the clause binding them first has run (`[x for x in xs if y for y in
 * ys]`): each run of the comprehension must start with them unbound
 * (UnboundLocalError), whatever an earlier run left there. Every name
 * inside such a clause counts, nested comprehensions included (a name they
 * rebind costs a needless DELETE_LOCAL, never a wrong result).
 */
function readBeforeBound(
  generators: readonly Comprehension[],
  scope: ReadonlyMap<string, number>,
): number[] {
  const firstBinder = new Map<string, number>();
  generators.forEach((generator, index) => {
    const names = new Set<string>();
    namesIn(generator.target, names);
    for (const name of names) if (!firstBinder.has(name)) firstBinder.set(name, index);
  });
  const early = new Set<number>();
  const check = (expr: Expr, boundBefore: number) => {
    const names = new Set<string>();
    namesIn(expr, names);
    for (const name of names) {
      const binder = firstBinder.get(name);
      const slot = scope.get(name);
      if (binder !== undefined && binder >= boundBefore && slot !== undefined) early.add(slot);
    }
  };
  generators.forEach((generator, index) => {
    if (index > 0) check(generator.iter, index);
    for (const condition of generator.ifs) check(condition, index + 1);
  });
  return [...early].sort((a, b) => a - b);
}

/** Adds every name that occurs in `expr` (read or bound, at any depth) to `into`. */
function namesIn(expr: Expr, into: Set<string>): void {
  const pending: unknown[] = [expr];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== "object" || node === null || ArrayBuffer.isView(node)) continue;
    if (Array.isArray(node)) pending.push(...node);
    else if (
      "kind" in node && node.kind === "Name" && "id" in node && typeof node.id === "string"
    ) {
      into.add(node.id);
    } else pending.push(...Object.values(node));
  }
}

function bindComprehensionNames(
  c: FunctionContext,
  target: Expr,
  scope: Map<string, number>,
): void {
  if (target.kind === "Name") {
    if (!scope.has(target.id)) scope.set(target.id, c.e.temp());
  } else if (target.kind === "Tuple" || target.kind === "List") {
    for (const elt of target.elts) bindComprehensionNames(c, elt, scope);
  }
}

function storeComprehensionTarget(
  c: FunctionContext,
  target: Expr,
  scope: Map<string, number>,
): void {
  if (target.kind === "Name") {
    c.e.emit(Op.STORE_LOCAL, scope.get(target.id) ?? 0);
    return;
  }
  if (target.kind !== "Tuple" && target.kind !== "List") {
    throw new InternalError("compiler: bad comprehension target");
  }
  c.e.emit(Op.UNPACK, target.elts.length);
  for (const elt of target.elts) storeComprehensionTarget(c, elt, scope);
}

/** Index + 1 of the names constant for keyword arguments, or 0 without any. */
export function keywordNames(c: FunctionContext, keywords: readonly Keyword[]): number {
  if (keywords.length === 0) return 0;
  const names = keywords.map((keyword) => keyword.arg ?? "");
  return c.unit.constant({ kind: "names", value: names }) + 1;
}

function lowerArguments(c: FunctionContext, call: Call): void {
  for (const arg of call.args) lowerExpr(c, arg);
  for (const keyword of call.keywords) lowerExpr(c, keyword.value);
}

function lowerCall(c: FunctionContext, call: Call): void {
  const func = call.func;
  const argc = call.args.length + call.keywords.length;
  if (func.kind === "Name") {
    const target = c.resolve(func.id);
    if (target.kind === "function") return lowerContractCall(c, call, target.entry);
    if (target.kind === "exception") {
      for (const arg of call.args) lowerExpr(c, arg);
      c.at(call);
      return c.e.emit(Op.NEW_EXCEPTION, target.id, call.args.length);
    }
    if (target.kind === "stdlib_member") {
      lowerArguments(c, call);
      c.at(call);
      c.e.emit(
        Op.CALL_STDLIB,
        c.unit.stdlibId(target.module, target.member),
        argc,
        keywordNames(c, call.keywords),
      );
      return;
    }
    if (target.kind !== "builtin") {
      throw new InternalError(`compiler: '${func.id}' is not callable`);
    }
    if (func.id === "isinstance") return lowerIsinstance(c, call, c.unit.builtinId(func.id));
    lowerArguments(c, call);
    c.at(call);
    c.e.emit(Op.CALL_BUILTIN, c.unit.builtinId(func.id), argc, keywordNames(c, call.keywords));
    return;
  }
  if (func.kind !== "Attribute") {
    throw new InternalError("compiler: call of a non-callable expression");
  }
  const receiver = func.value;
  const target = receiver.kind === "Name" ? c.resolve(receiver.id) : null;
  if (target?.kind === "stdlib") {
    lowerArguments(c, call);
    c.at(call);
    c.e.emit(
      Op.CALL_STDLIB,
      c.unit.stdlibId(target.module, func.attr),
      argc,
      keywordNames(c, call.keywords),
    );
    return;
  }
  if (target?.kind === "builtin" && receiver.kind === "Name") {
    lowerArguments(c, call);
    c.at(call);
    c.e.emit(
      Op.CALL_BUILTIN,
      c.unit.builtinId(`${receiver.id}.${func.attr}`),
      argc,
      keywordNames(c, call.keywords),
    );
    return;
  }
  const method = c.unit.methodId(func.attr);
  lowerExpr(c, receiver);
  const inertArguments = [...call.args, ...call.keywords.map((keyword) => keyword.value)]
    .every(isInert);
  const receiverType = displayedType(receiver);
  const found = receiverType !== null && METHODS[method]?.on[receiverType] !== undefined;
  if (!inertArguments && !found) {
    c.at(call);
    c.e.emit(Op.CHECK_METHOD, method);
  }
  lowerArguments(c, call);
  c.at(call);
  c.e.emit(Op.CALL_METHOD, method, argc, keywordNames(c, call.keywords));
}

/**
 * True for an argument whose evaluation can neither fail nor have an
 * effect (a literal, a signed int literal, a list or tuple display of
 * them). CPython looks a method up before its arguments run (CHECK_METHOD);
 * after such arguments, CALL_METHOD's own lookup is indistinguishable
 * from it, so the check is left out.
 */
function isInert(expr: Expr): boolean {
  switch (expr.kind) {
    case "Constant":
      return true;
    case "UnaryOp":
      return (expr.op === "USub" || expr.op === "UAdd") && expr.operand.kind === "Constant" &&
        expr.operand.value.type === "int";
    case "List":
    case "Tuple":
      return expr.elts.every(isInert);
    default:
      return false;
  }
}

/** The method table's receiver type of a literal or display, or null when it is not one. */
function displayedType(expr: Expr): Receiver | null {
  switch (expr.kind) {
    case "Constant": {
      const type = expr.value.type;
      if (type === "int" || type === "bool") return "int";
      return type === "str" || type === "bytes" ? type : null;
    }
    case "List":
    case "ListComp":
      return "list";
    case "Tuple":
      return "tuple";
    case "Dict":
      return "dict";
    default:
      return null;
  }
}

/**
 * A call of a contract function: keywords are mapped to parameters and
 * missing parameters take their default (a module global evaluated when
 * the module was set up). Arguments are evaluated in the order written.
 */
/**
 * A call of a contract function, bound at compile time (the validator
 * checked the arity): positional arguments, then each remaining parameter
 * (positional or keyword-only) from its keyword or its default.
 */
function lowerContractCall(c: FunctionContext, call: Call, entry: FunctionEntry): void {
  const params = entry.params;
  const positions = call.keywords.map((keyword) => params.indexOf(keyword.arg ?? ""));
  const inOrder = positions.every((position, i) =>
    position >= call.args.length && (i === 0 || position > (positions[i - 1] ?? 0))
  );
  for (const arg of call.args) lowerExpr(c, arg);
  const slots = inOrder ? [] : call.keywords.map((keyword) => {
    lowerExpr(c, keyword.value);
    const slot = c.e.temp();
    c.e.emit(Op.STORE_LOCAL, slot);
    return slot;
  });
  for (let index = call.args.length; index < params.length; index++) {
    const at = positions.indexOf(index);
    const keyword = call.keywords[at];
    if (keyword !== undefined && inOrder) lowerExpr(c, keyword.value);
    else if (at >= 0) c.e.emit(Op.LOAD_LOCAL, slots[at] ?? 0);
    else c.e.emit(Op.LOAD_GLOBAL, entry.defaultSlots[index] ?? 0);
  }
  c.at(call);
  c.e.emit(Op.CALL, entry.index, params.length);
}

/**
 * Derives the ABI part of a manifest from a validated contract: one
 * function per public module-level def (parameter names and types from its
 * annotations, outputs from its return annotation), one event per literal
 * `events.emit(NAME, {KEY: value, ...})` call (argument types from the
 * values where they are evident), and the caps of the `syscalls.*` members
 * it calls. What cannot be derived is a problem with its line and column,
 * never a guess. The result is manifest JSON in our form (spec/ABI.md §7.3).
 */

import { type AbiType, canonicalType } from "../abi/types.ts";
import type { Expr, FunctionDef, Module } from "../validate/ast.ts";
import type { SourceText } from "../validate/source.ts";

/** Something the deriver could not decide, at a place in the source. */
export interface DeriveProblem {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** What to write so it can be derived. */
  readonly message: string;
}

/** A derived parameter or event argument: `{name, type}` as manifest JSON. */
export interface ParamJson {
  /** Parameter or argument name. */
  readonly name: string;
  /** ABI type string, canonical. */
  readonly type: string;
}

/** The derived ABI as manifest JSON, the caps used, and what could not be derived. */
export interface DerivedAbi {
  /** `abi` of the manifest (functions and events). */
  readonly abi: {
    readonly functions: readonly {
      readonly name: string;
      readonly inputs: readonly ParamJson[];
      readonly outputs: readonly { readonly type: string }[];
    }[];
    readonly events: readonly { readonly name: string; readonly inputs: readonly ParamJson[] }[];
  };
  /** Syscall capabilities the source calls, sorted. */
  readonly caps: readonly string[];
  /** Problems, in source order. */
  readonly problems: readonly DeriveProblem[];
}

/** Syscall members that need a manifest capability (spec/RUNTIME.md). */
const CAPABILITIES: ReadonlySet<string> = new Set([
  "blob_pin",
  "ai_enqueue",
  "quantum_enqueue",
  "read_result",
  "zk_verify",
]);

/** Annotation names that are ABI scalars. */
const SCALARS: Readonly<Record<string, AbiType>> = {
  int: { kind: "int" },
  bool: { kind: "bool" },
  bytes: { kind: "bytes" },
  str: { kind: "str" },
};

/** Deepest annotation nesting followed (the ABI's own cap is 16). */
const MAX_ANNOTATION_DEPTH = 16;

/** Derives the ABI of `module` (validated source text `source`). */
export function deriveAbi(module: Module, source: SourceText): DerivedAbi {
  const problems: { offset: number; message: string }[] = [];
  const functions: DerivedAbi["abi"]["functions"][number][] = [];
  const events = new Map<string, { name: string; inputs: ParamJson[] }>();
  const caps = new Set<string>();
  const results = new Map<string, AbiType>();
  for (const stmt of module.body) {
    if (stmt.kind !== "FunctionDef" || stmt.returns === null) continue;
    const type = annotationType(stmt.returns, 0);
    if (type !== null) results.set(`${stmt.name}()`, type);
  }
  for (const stmt of module.body) {
    if (stmt.kind !== "FunctionDef") continue;
    const types = new Map([...results, ...parameterTypes(stmt)]);
    if (!stmt.name.startsWith("_")) {
      const inputs: ParamJson[] = [];
      for (const arg of stmt.args.args) {
        const type = arg.annotation === null ? null : annotationType(arg.annotation, 0);
        if (type === null) {
          problems.push({
            offset: arg.start,
            message: `parameter '${arg.arg}' of ${stmt.name} needs an ABI type annotation ` +
              "(int, bool, bytes, str, list[T], tuple[T, ...])",
          });
        } else inputs.push({ name: arg.arg, type: canonicalType(type) });
      }
      const outputs = returnTypes(stmt, problems);
      functions.push({ name: stmt.name, inputs, outputs });
    }
    collectCalls(stmt, types, events, caps, problems);
  }
  problems.sort((a, b) => a.offset - b.offset);
  return {
    abi: { functions, events: [...events.values()] },
    caps: [...caps].sort(),
    problems: problems.map(({ offset, message }) => {
      const { line, column } = source.position(offset);
      return { line, column, message };
    }),
  };
}

/** `-> T` as outputs: `[]` for `-> None`, one output otherwise; a problem when missing. */
function returnTypes(
  def: FunctionDef,
  problems: { offset: number; message: string }[],
): { type: string }[] {
  const returns = def.returns;
  if (returns !== null && returns.kind === "Constant" && returns.value.type === "None") return [];
  const type = returns === null ? null : annotationType(returns, 0);
  if (type !== null) return [{ type: canonicalType(type) }];
  problems.push({
    offset: returns?.start ?? def.start,
    message: `${def.name} needs a return annotation the ABI can carry (-> None, -> int, ...)`,
  });
  return [];
}

/** The ABI type an annotation names, or null when it names none. */
function annotationType(expr: Expr, depth: number): AbiType | null {
  if (depth > MAX_ANNOTATION_DEPTH) return null;
  if (expr.kind === "Name") return SCALARS[expr.id] ?? null;
  if (expr.kind === "Constant" && expr.value.type === "str") {
    return SCALARS[expr.value.value] ?? null;
  }
  if (expr.kind !== "Subscript" || expr.value.kind !== "Name") return null;
  const items = expr.slice.kind === "Tuple" ? expr.slice.elts : [expr.slice];
  if (expr.value.id === "list" && items.length === 1 && items[0] !== undefined) {
    const item = annotationType(items[0], depth + 1);
    return item === null ? null : { kind: "list", item };
  }
  if (expr.value.id !== "tuple") return null;
  const types: AbiType[] = [];
  for (const item of items) {
    const type = annotationType(item, depth + 1);
    if (type === null) return null;
    types.push(type);
  }
  return { kind: "tuple", items: types };
}

/** Annotated parameters of a def, by name (to type event arguments that pass them on). */
function parameterTypes(def: FunctionDef): Map<string, AbiType> {
  const types = new Map<string, AbiType>();
  for (const arg of def.args.args) {
    const type = arg.annotation === null ? null : annotationType(arg.annotation, 0);
    if (type !== null) types.set(arg.arg, type);
  }
  return types;
}

/** Calls to storage getters and builtins whose result type is fixed. */
const RESULT_TYPES: Readonly<Record<string, AbiType>> = {
  "storage.get_int": { kind: "int" },
  "storage.get_bytes": { kind: "bytes" },
  "storage.get": { kind: "bytes" },
  "len": { kind: "int" },
  "int": { kind: "int" },
  "str": { kind: "str" },
  "bytes": { kind: "bytes" },
  "bool": { kind: "bool" },
  "treasury.balance": { kind: "int" },
};

/** Fields of `context` (spec/RUNTIME.md): addresses are bytes values. */
const CONTEXT_TYPES: Readonly<Record<string, AbiType>> = {
  sender: { kind: "bytes" },
  address: { kind: "bytes" },
  tx_hash: { kind: "bytes" },
  value: { kind: "int" },
  block_height: { kind: "int" },
  block_time: { kind: "int" },
  chain_id: { kind: "int" },
};

/** The type of an event argument's value when it is evident, else null. */
function valueType(expr: Expr, locals: ReadonlyMap<string, AbiType>): AbiType | null {
  switch (expr.kind) {
    case "Constant":
      switch (expr.value.type) {
        case "int":
          return { kind: "int" };
        case "str":
          return { kind: "str" };
        case "bytes":
          return { kind: "bytes" };
        case "bool":
          return { kind: "bool" };
        default:
          return null;
      }
    case "Name":
      return locals.get(expr.id) ?? null;
    case "Attribute":
      return expr.value.kind === "Name" && expr.value.id === "context"
        ? CONTEXT_TYPES[expr.attr] ?? null
        : null;
    case "Call": {
      const name = calleeName(expr.func);
      if (name === null) return null;
      return RESULT_TYPES[name] ?? locals.get(`${name}()`) ??
        (name.startsWith("hash.") ? { kind: "bytes" } : null);
    }
    case "Compare":
      return { kind: "bool" };
    case "BinOp": {
      // An int operand makes the result int (bytes or str with an int would not run).
      const left = valueType(expr.left, locals);
      const right = valueType(expr.right, locals);
      if (left?.kind === "int" || right?.kind === "int") {
        return left === null || right === null || left.kind === right.kind ? { kind: "int" } : null;
      }
      return left !== null && right !== null && left.kind === right.kind ? left : null;
    }
    default:
      return null;
  }
}

/** `f` or `module.f` as text, or null for other callees. */
function calleeName(func: Expr): string | null {
  if (func.kind === "Name") return func.id;
  if (func.kind === "Attribute" && func.value.kind === "Name") {
    return `${func.value.id}.${func.attr}`;
  }
  return null;
}

/** Whether `value` is an AST node (an object with a string `kind`). */
function isNode(value: unknown): value is { readonly kind: string } {
  return typeof value === "object" && value !== null && "kind" in value &&
    typeof value.kind === "string";
}

/**
 * Walks a def's body iteratively: records `events.emit` calls and
 * `syscalls.*` capabilities; names assigned once from a value of evident
 * type (or annotated) type later event arguments.
 */
function collectCalls(
  def: FunctionDef,
  parameters: ReadonlyMap<string, AbiType>,
  events: Map<string, { name: string; inputs: ParamJson[] }>,
  caps: Set<string>,
  problems: { offset: number; message: string }[],
): void {
  const locals = new Map(parameters);
  const pending: unknown[] = [...def.body].reverse();
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) pending.push(node[i]);
      continue;
    }
    if (!isNode(node)) continue;
    const stmt = node as Expr | Module["body"][number];
    if (stmt.kind === "Assign" && stmt.targets.length === 1 && stmt.targets[0]?.kind === "Name") {
      const type = valueType(stmt.value, locals);
      if (type !== null) locals.set(stmt.targets[0].id, type);
    } else if (stmt.kind === "AnnAssign" && stmt.target.kind === "Name") {
      const type = annotationType(stmt.annotation, 0);
      if (type !== null) locals.set(stmt.target.id, type);
    } else if (stmt.kind === "Call") {
      const name = calleeName(stmt.func);
      if (name === "events.emit") recordEvent(stmt.args, locals, events, problems, stmt.start);
      if (name !== null && name.startsWith("syscalls.")) {
        const member = name.slice("syscalls.".length);
        if (CAPABILITIES.has(member)) caps.add(member);
      }
    }
    for (const [key, child] of Object.entries(node).reverse()) {
      if (key !== "kind" && typeof child === "object" && child !== null) pending.push(child);
    }
  }
}

/** One `events.emit(NAME, {KEY: value})` call: its declaration, or a problem. */
function recordEvent(
  args: readonly Expr[],
  locals: ReadonlyMap<string, AbiType>,
  events: Map<string, { name: string; inputs: ParamJson[] }>,
  problems: { offset: number; message: string }[],
  offset: number,
): void {
  const [nameExpr, fields] = args;
  const name = nameExpr?.kind === "Constant" &&
      (nameExpr.value.type === "bytes" || nameExpr.value.type === "str")
    ? literalText(nameExpr.value)
    : null;
  if (name === null || fields === undefined || fields.kind !== "Dict") {
    problems.push({
      offset,
      message: "events.emit with a name or arguments that are not literal: declare this event " +
        "in the manifest by hand",
    });
    return;
  }
  const inputs: ParamJson[] = [];
  fields.keys.forEach((key, i) => {
    const keyText = key?.kind === "Constant" &&
        (key.value.type === "str" || key.value.type === "bytes")
      ? literalText(key.value)
      : null;
    const value = fields.values[i];
    if (keyText === null || value === undefined) {
      problems.push({
        offset: key?.start ?? fields.start,
        message: "event argument name is not a literal",
      });
      return;
    }
    const type = valueType(value, locals);
    if (type === null) {
      problems.push({
        offset: value.start,
        message: `cannot tell the type of argument '${keyText}' of event ${name}: pass a ` +
          "parameter or a name assigned from a literal or annotated (x: int = ...)",
      });
      return;
    }
    inputs.push({ name: keyText, type: canonicalType(type) });
  });
  const earlier = events.get(name);
  if (earlier === undefined) events.set(name, { name, inputs });
  else if (JSON.stringify(earlier.inputs) !== JSON.stringify(inputs)) {
    problems.push({
      offset,
      message: `event ${name} is emitted with other arguments than at its first emit`,
    });
  }
}

/** The text of a str or bytes literal (bytes as Latin-1, which identifiers are within). */
function literalText(
  value: { readonly type: "str"; readonly value: string } | {
    readonly type: "bytes";
    readonly value: Uint8Array;
  },
): string {
  return value.type === "str" ? value.value : String.fromCharCode(...value.value);
}

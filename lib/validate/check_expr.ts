/**
 * Validator rules for expressions: name resolution (local, comprehension
 * variable, module binding, exception class, builtin), what may be called
 * and how (exception classes: positional arguments only), methods
 * and stdlib members, annotations, and the expression forms the subset
 * bans. Reports every problem and keeps walking; never throws.
 */

import type { Attribute, Call, Comprehension, Expr, FunctionDef, Name } from "./ast.ts";
import {
  ALLOWED_BUILTINS,
  BANNED_BUILTINS,
  EXCEPTION_CLASSES,
  METHOD_NAMES,
  METHODS,
  OTHER_PYTHON_BUILTINS,
  PURE_STDLIB,
  STDLIB,
  TYPE_METHODS,
  TYPE_NAMES,
  UNCONSTRUCTIBLE_EXCEPTIONS,
  VALUELESS_TYPE_NAMES,
} from "./allowlist.ts";
import { type Checker, isDunder, type ModuleBinding, type Scope } from "./checker.ts";
import type { Span } from "./diagnostic.ts";

/** How a name is used, which decides whether a callable may appear there. */
type NameUse = "value" | "callee" | "receiver" | "type-argument" | "raised";

/** What a name refers to in a scope. */
type Resolution =
  | { readonly kind: "variable" }
  | { readonly kind: "module"; readonly binding: ModuleBinding }
  | { readonly kind: "exception" }
  | { readonly kind: "builtin" }
  | { readonly kind: "unresolved" };

function resolve(k: Checker, scope: Scope, id: string): Resolution {
  if (scope.comprehensions.some((names) => names.has(id))) return { kind: "variable" };
  if (scope.locals?.has(id) === true) return { kind: "variable" };
  const binding = k.bindings.get(id);
  if (binding !== undefined) return { kind: "module", binding };
  if (EXCEPTION_CLASSES.has(id)) return { kind: "exception" };
  if (ALLOWED_BUILTINS.has(id)) return { kind: "builtin" };
  return { kind: "unresolved" };
}

/** Checks an expression evaluated in `scope`. */
export function checkExpr(k: Checker, scope: Scope, expr: Expr): void {
  switch (expr.kind) {
    case "Name":
      checkName(k, scope, expr, "value");
      return;
    case "Constant":
      if (expr.value.type === "float" || expr.value.type === "imaginary") {
        k.report("no-float", expr, "float and complex numbers are not supported");
      } else if (expr.value.type === "Ellipsis") {
        k.report("no-ellipsis", expr, "Ellipsis is not supported");
      }
      return;
    case "JoinedStr":
      k.report("no-f-string", expr, "f-strings are not supported");
      return;
    case "Call":
      checkCall(k, scope, expr);
      return;
    case "Attribute":
      checkAttribute(k, scope, expr, false);
      return;
    case "BinOp":
      if (expr.op === "Div") {
        k.report(
          "no-true-division",
          operatorSpan(k, expr.left, expr.right, "/"),
          "true division `/` is not supported",
        );
      } else if (expr.op === "MatMult") {
        k.report(
          "no-matmul",
          operatorSpan(k, expr.left, expr.right, "@"),
          "matrix multiplication `@` is not supported",
        );
      }
      checkExpr(k, scope, expr.left);
      checkExpr(k, scope, expr.right);
      return;
    case "UnaryOp":
      checkExpr(k, scope, expr.operand);
      return;
    case "BoolOp":
      for (const value of expr.values) checkExpr(k, scope, value);
      return;
    case "Compare":
      checkCompare(k, scope, expr.left, expr.ops, expr.comparators);
      return;
    case "IfExp":
      checkExpr(k, scope, expr.test);
      checkExpr(k, scope, expr.body);
      checkExpr(k, scope, expr.orelse);
      return;
    case "Subscript":
      checkExpr(k, scope, expr.value);
      checkExpr(k, scope, expr.slice);
      return;
    case "Slice":
      for (const part of [expr.lower, expr.upper, expr.step]) {
        if (part !== null) checkExpr(k, scope, part);
      }
      return;
    case "List":
    case "Tuple":
      for (const elt of expr.elts) checkExpr(k, scope, elt);
      return;
    case "Dict":
      expr.keys.forEach((key, index) => {
        const value = expr.values[index];
        if (key === null && value !== undefined) {
          k.report(
            "no-star-expression",
            { start: value.start - 2, end: value.end },
            "dict unpacking `**` is not supported",
          );
        } else if (key !== null) checkExpr(k, scope, key);
        if (value !== undefined) checkExpr(k, scope, value);
      });
      return;
    case "Set":
      k.report("no-set", expr, "sets are not supported");
      for (const elt of expr.elts) checkExpr(k, scope, elt);
      return;
    case "Starred":
      k.report("no-star-expression", expr, "unpacking with `*` is not supported");
      checkExpr(k, scope, expr.value);
      return;
    case "ListComp":
      checkComprehension(k, scope, expr.generators, [expr.elt]);
      return;
    case "SetComp":
      k.report("no-set", expr, "set comprehensions are not supported");
      checkComprehension(k, scope, expr.generators, [expr.elt]);
      return;
    case "DictComp":
      k.report("no-dict-comprehension", expr, "dict comprehensions are not supported");
      checkComprehension(k, scope, expr.generators, [expr.key, expr.value]);
      return;
    case "GeneratorExp":
      k.report("no-generator-expression", expr, "generator expressions are not supported");
      checkComprehension(k, scope, expr.generators, [expr.elt]);
      return;
    case "Lambda":
      k.report("no-lambda", { start: expr.start, end: expr.start + 6 }, "lambda is not supported");
      return;
    case "NamedExpr":
      k.report("no-walrus", expr, "assignment expressions `:=` are not supported");
      checkExpr(k, scope, expr.value);
      return;
    case "Await":
      k.report("no-async", { start: expr.start, end: expr.start + 5 }, "await is not supported");
      checkExpr(k, scope, expr.value);
      return;
    case "Yield":
    case "YieldFrom":
      k.report("no-yield", { start: expr.start, end: expr.start + 5 }, "yield is not supported");
      if (expr.value !== null) checkExpr(k, scope, expr.value);
      return;
  }
}

/** The span of a binary operator token between two operands. */
function operatorSpan(k: Checker, left: Span, right: Span, op: string): Span {
  const at = k.source.text.indexOf(op, left.end);
  if (at < 0 || at >= right.start) return { start: left.start, end: right.end };
  return { start: at, end: at + op.length };
}

function checkName(k: Checker, scope: Scope, node: Name, use: NameUse): void {
  const id = node.id;
  const resolution = resolve(k, scope, id);
  switch (resolution.kind) {
    case "variable":
      if (use === "callee") k.report("not-callable", node, `'${id}' is a variable, not a function`);
      return;
    case "module":
      checkModuleName(k, scope, node, resolution.binding, use);
      return;
    case "exception":
      if (use === "callee" || use === "raised") return;
      k.report(
        "exception-class",
        node,
        `exception class '${id}' can only be called, raised or named in an except clause`,
      );
      return;
    case "builtin":
      if (use === "callee") return;
      if (use === "type-argument" && TYPE_NAMES.has(id)) return;
      if (use === "receiver" && TYPE_METHODS[id] !== undefined) return;
      k.report("callable-as-value", node, `builtin '${id}' can only be called`);
      return;
    case "unresolved":
      reportUnresolved(k, node);
  }
}

function checkModuleName(
  k: Checker,
  scope: Scope,
  node: Name,
  binding: ModuleBinding,
  use: NameUse,
): void {
  const id = node.id;
  if (scope.moduleOrder !== null && binding.order >= scope.moduleOrder) {
    k.report("forward-reference", node, `'${id}' is used before its definition`);
    return;
  }
  switch (binding.kind) {
    case "constant":
      if (use === "callee") k.report("not-callable", node, `'${id}' is a constant, not a function`);
      return;
    case "function":
      if (use !== "callee") {
        k.report("callable-as-value", node, `function '${id}' can only be called`);
      }
      return;
    case "stdlib":
      if (use !== "receiver") {
        k.report(
          "callable-as-value",
          node,
          `stdlib module '${id}' can only be used as ${id}.<member>`,
        );
      }
      return;
    case "stdlib_member":
      checkImportedMember(k, scope, node, binding.module, binding.member, use);
      return;
    case "typing":
      k.report(
        "typing-name",
        node,
        `'${id}' is imported from typing and can only be used in annotations`,
      );
  }
}

/** A name bound by `from stdlib.<module> import <member>`: used as the member itself would be. */
function checkImportedMember(
  k: Checker,
  scope: Scope,
  node: Name,
  module: string,
  member: string,
  use: NameUse,
): void {
  const qualified = `${module}.${member}`;
  const kind = STDLIB[module]?.[member];
  if (kind === "function" && use !== "callee") {
    k.report("callable-as-value", node, `stdlib function '${qualified}' can only be called`);
  } else if (kind === "value" && use === "callee") {
    k.report(
      "not-callable",
      node,
      `'${qualified}' is a value, not a function`,
      `read it without parentheses: ${node.id}`,
    );
  }
  if (scope.moduleOrder !== null && !(use === "callee" && PURE_STDLIB.has(qualified))) {
    k.report("impure-constant", node, `module-level values cannot use '${qualified}'`);
  }
}

/** Hints for the banned builtins that real contracts reach for, where a subset form exists. */
const BANNED_HINTS: Readonly<Record<string, string>> = {
  getattr: "name the attribute directly (x.name), or keep the choices in a dict: d[key]",
  setattr: "keep mutable fields in a dict and assign d[key] = value",
  hasattr: "keep optional fields in a dict and test `key in d`",
  globals: "read module constants by name; keep a table of values in a module-level dict",
  locals: "name each local directly, or collect the values in a dict",
  vars: "collect the values in a dict",
};

function reportUnresolved(k: Checker, node: Name): void {
  const id = node.id;
  if (VALUELESS_TYPE_NAMES.has(id)) {
    k.report(
      "builtin-not-allowed",
      node,
      `'${id}' can only name a class in isinstance: the VM has no ${id} values`,
      `use bytes, or test isinstance(x, (bytes, ${id}))`,
    );
  } else if (BANNED_BUILTINS.has(id)) {
    k.report("banned-builtin", node, `'${id}' is not available in contracts`, BANNED_HINTS[id]);
  } else if (isDunder(id)) {
    k.report("dunder-name", node, `'${id}' is not available in contracts`);
  } else if (OTHER_PYTHON_BUILTINS.has(id)) {
    k.report("builtin-not-allowed", node, `builtin '${id}' is not part of the animica subset`);
  } else {
    k.report("unknown-name", node, `name '${id}' is not defined`);
  }
}

function checkCall(k: Checker, scope: Scope, call: Call): void {
  const func = call.func;
  let isinstanceCall = false;
  if (func.kind === "Name") {
    checkName(k, scope, func, "callee");
    const resolution = resolve(k, scope, func.id);
    if (resolution.kind === "module" && resolution.binding.kind === "function") {
      const def = resolution.binding.def;
      if (scope.moduleOrder !== null) {
        if (resolution.binding.order < scope.moduleOrder) {
          k.report(
            "impure-constant",
            call,
            `module-level values cannot call function '${func.id}'`,
          );
        }
      } else if (scope.caller !== null) {
        k.addCall(scope.caller, { callee: def, span: call });
      }
      checkArity(k, call, def);
    }
    isinstanceCall = resolution.kind === "builtin" && func.id === "isinstance";
    if (resolution.kind === "exception") checkExceptionCall(k, scope, call, func.id);
  } else if (func.kind === "Attribute") {
    checkAttribute(k, scope, func, true);
  } else {
    k.report(
      "not-callable",
      func,
      "only functions, builtins, methods and stdlib functions can be called",
    );
    checkExpr(k, scope, func);
  }
  call.args.forEach((arg) => {
    if (arg.kind === "Starred") {
      k.report("no-star-expression", arg, "argument unpacking `*` is not supported");
      checkExpr(k, scope, arg.value);
    } else if (isinstanceCall) {
      checkTypeArgument(k, scope, arg);
    } else {
      checkExpr(k, scope, arg);
    }
  });
  const seen = new Set<string>();
  for (const keyword of call.keywords) {
    if (keyword.arg === null) {
      k.report("no-star-expression", keyword, "argument unpacking `**` is not supported");
    } else if (seen.has(keyword.arg)) {
      k.report("duplicate-parameter", keyword, `keyword argument repeated: '${keyword.arg}'`);
    }
    if (keyword.arg !== null) seen.add(keyword.arg);
    if (isinstanceCall) checkTypeArgument(k, scope, keyword.value);
    else checkExpr(k, scope, keyword.value);
  }
}

/** A call of an exception class: positional arguments, inside a function, a class that can be built. */
function checkExceptionCall(k: Checker, scope: Scope, call: Call, id: string): void {
  if (scope.moduleOrder !== null) {
    k.report("impure-constant", call, `module-level values cannot make exceptions ('${id}')`);
  } else if (UNCONSTRUCTIBLE_EXCEPTIONS.has(id)) {
    k.report("exception-class", call, `'${id}' cannot be constructed in a contract`);
  } else if (call.keywords.length > 0) {
    k.report("exception-class", call, `${id}() takes no keyword arguments`);
  }
}

/**
 * The exception of a `raise` (or its `from` cause): an exception class
 * name (raised as an instance) or any expression.
 */
export function checkRaised(k: Checker, scope: Scope, expr: Expr): void {
  if (expr.kind === "Name") checkName(k, scope, expr, "raised");
  else checkExpr(k, scope, expr);
}

/** The class of an `except` clause: an exception class name or a tuple of them. */
export function checkExceptType(k: Checker, scope: Scope, expr: Expr): void {
  const names = expr.kind === "Tuple" ? expr.elts : [expr];
  for (const name of names) {
    if (name.kind === "Name" && resolve(k, scope, name.id).kind === "exception") continue;
    k.report(
      "except-type",
      name,
      "an except clause names exception classes: except ValueError or except (KeyError, IndexError)",
    );
  }
}

/**
 * A call of a contract function must match its parameters exactly, as
 * CPython binds them: positional ones by position or name, keyword-only
 * ones (after `*`) by name only.
 */
function checkArity(k: Checker, call: Call, def: FunctionDef): void {
  const params = def.args;
  const hasVariadic = params.vararg !== null || params.kwarg !== null ||
    params.posonlyargs.length > 0;
  if (hasVariadic || call.args.some((arg) => arg.kind === "Starred")) return;
  if (call.keywords.some((keyword) => keyword.arg === null)) return;
  const names = params.args.map((arg) => arg.arg);
  const keywordOnly = params.kwonlyargs.map((arg) => arg.arg);
  const given = call.args.length;
  if (given > names.length) {
    const kw = call.keywords.filter((keyword) => keywordOnly.includes(keyword.arg ?? "")).length;
    const extra = kw === 0
      ? ""
      : ` positional argument${given === 1 ? "" : "s"} (and ${kw} keyword-only argument${
        kw === 1 ? "" : "s"
      })`;
    k.report(
      "call-arity",
      call,
      `${def.name}() takes ${names.length} positional argument${
        names.length === 1 ? "" : "s"
      } but ${given}${extra} ${given === 1 && extra === "" ? "was" : "were"} given`,
    );
    return;
  }
  const filled = new Set(names.slice(0, given));
  for (const keyword of call.keywords) {
    if (keyword.arg === null) continue;
    if (!names.includes(keyword.arg) && !keywordOnly.includes(keyword.arg)) {
      k.report(
        "call-arity",
        keyword,
        `${def.name}() got an unexpected keyword argument '${keyword.arg}'`,
      );
    } else if (filled.has(keyword.arg) && names.indexOf(keyword.arg) < given) {
      k.report(
        "call-arity",
        keyword,
        `${def.name}() got multiple values for argument '${keyword.arg}'`,
      );
    }
    filled.add(keyword.arg);
  }
  const required = names.slice(0, names.length - params.defaults.length);
  const missing = required.filter((name) => !filled.has(name));
  if (missing.length > 0) {
    k.report(
      "call-arity",
      call,
      `${def.name}() missing ${missing.length} required positional argument${
        missing.length === 1 ? "" : "s"
      }: ${quotedList(missing)}`,
    );
    return;
  }
  const requiredKeywords = keywordOnly.filter((_, i) => params.kwDefaults[i] === null);
  const missingKeywords = requiredKeywords.filter((name) => !filled.has(name));
  if (missingKeywords.length > 0) {
    k.report(
      "call-arity",
      call,
      `${def.name}() missing ${missingKeywords.length} required keyword-only argument${
        missingKeywords.length === 1 ? "" : "s"
      }: ${quotedList(missingKeywords)}`,
    );
  }
}

/** CPython's list of names in arity messages: 'a', 'a' and 'b', 'a', 'b', and 'c'. */
function quotedList(names: readonly string[]): string {
  const quoted = names.map((name) => `'${name}'`);
  if (quoted.length <= 1) return quoted.join("");
  if (quoted.length === 2) return `${quoted[0]} and ${quoted[1]}`;
  return `${quoted.slice(0, -1).join(", ")}, and ${quoted[quoted.length - 1]}`;
}

/** Span of the attribute name at the end of `node`. */
function attributeNameSpan(node: Attribute): Span {
  return { start: node.end - node.attr.length, end: node.end };
}

function checkAttribute(k: Checker, scope: Scope, node: Attribute, called: boolean): void {
  const attr = node.attr;
  const at = attributeNameSpan(node);
  if (isDunder(attr)) {
    k.report("dunder-attribute", at, `attribute '${attr}' is not available in contracts`);
    checkExpr(k, scope, node.value);
    return;
  }
  const receiver = node.value;
  if (receiver.kind === "Name") {
    const resolution = resolve(k, scope, receiver.id);
    if (resolution.kind === "module" && resolution.binding.kind === "stdlib") {
      checkName(k, scope, receiver, "receiver");
      checkStdlibMember(k, scope, node, resolution.binding.module, called);
      return;
    }
    const typeMethods = resolution.kind === "builtin" ? TYPE_METHODS[receiver.id] : undefined;
    if (typeMethods !== undefined) {
      if (!typeMethods.includes(attr)) {
        // `str.upper(s)`: a method of the type's values is called on a value (`s.upper()`).
        const instanceMethod = METHODS[receiver.id]?.includes(attr) === true;
        k.report(
          "unknown-attribute",
          at,
          instanceMethod
            ? `'${receiver.id}.${attr}' is not available through the type; call it on a value: x.${attr}(...)`
            : `'${receiver.id}.${attr}' is not available; use ${
              typeMethods.map((m) => `${receiver.id}.${m}`).join(", ")
            }`,
        );
      } else if (!called) {
        k.report("attribute-not-called", at, `'${receiver.id}.${attr}' can only be called`);
      }
      return;
    }
  }
  checkExpr(k, scope, receiver);
  // An exception's `args` is the one attribute read without a call (AttributeError on other values).
  if (attr === "args" && !called) return;
  if (!METHOD_NAMES.has(attr)) {
    k.report("unknown-attribute", at, `no value in the subset has an attribute '${attr}'`);
  } else if (!called) {
    k.report("attribute-not-called", at, `method '${attr}' can only be called`);
  }
}

function checkStdlibMember(
  k: Checker,
  scope: Scope,
  node: Attribute,
  module: string,
  called: boolean,
): void {
  const at = attributeNameSpan(node);
  const members = STDLIB[module] ?? {};
  const member = members[node.attr];
  const qualified = `${module}.${node.attr}`;
  if (member === undefined) {
    const known = Object.keys(members).map((name) => `${module}.${name}`).join(", ");
    k.report(
      "unknown-attribute",
      at,
      `stdlib module '${module}' has no member '${node.attr}'`,
      `${module} provides ${known}`,
    );
    return;
  }
  if (member === "function" && !called) {
    k.report("attribute-not-called", at, `'${qualified}' is a function; call it`);
  } else if (member === "value" && called) {
    k.report(
      "not-callable",
      node,
      `'${qualified}' is a value, not a function`,
      `read it without parentheses: ${qualified}`,
    );
  }
  if (scope.moduleOrder !== null && !(called && PURE_STDLIB.has(qualified))) {
    k.report("impure-constant", node, `module-level values cannot use '${qualified}'`);
  }
}

function checkCompare(
  k: Checker,
  scope: Scope,
  left: Expr,
  ops: readonly string[],
  comparators: readonly Expr[],
): void {
  checkExpr(k, scope, left);
  let previous = left;
  ops.forEach((op, index) => {
    const right = comparators[index];
    if (right === undefined) return;
    if ((op === "Is" || op === "IsNot") && !isNone(previous) && !isNone(right)) {
      k.report(
        "identity-comparison",
        { start: previous.start, end: right.end },
        "`is` can only compare with None",
      );
    }
    checkExpr(k, scope, right);
    previous = right;
  });
}

function isNone(expr: Expr): boolean {
  return expr.kind === "Constant" && expr.value.type === "None";
}

/**
 * An argument of isinstance: a builtin type name, a tuple display of them
 * and of expressions (at any depth), or an expression (compile/lower_isinstance.ts).
 */
function checkTypeArgument(k: Checker, scope: Scope, expr: Expr): void {
  if (expr.kind === "Tuple") {
    for (const elt of expr.elts) checkTypeArgument(k, scope, elt);
  } else if (expr.kind === "Name") {
    if (VALUELESS_TYPE_NAMES.has(expr.id) && resolve(k, scope, expr.id).kind === "unresolved") {
      return;
    }
    checkName(k, scope, expr, "type-argument");
  } else {
    checkExpr(k, scope, expr);
  }
}

function checkComprehension(
  k: Checker,
  scope: Scope,
  generators: readonly Comprehension[],
  elements: readonly Expr[],
): void {
  // As in Python 3, the comprehension is a scope of its own whose variables are the targets of all
  // its clauses; only the first iterable is evaluated in the enclosing scope.
  const names = new Set<string>();
  for (const generator of generators) bindComprehensionTarget(k, generator.target, names);
  const inner = { ...scope, comprehensions: [...scope.comprehensions, names] };
  generators.forEach((generator, index) => {
    if (generator.isAsync) {
      k.report("no-async", generator.target, "async comprehensions are not supported");
    }
    checkExpr(k, index === 0 ? scope : inner, generator.iter);
    for (const condition of generator.ifs) checkExpr(k, inner, condition);
  });
  for (const element of elements) checkExpr(k, inner, element);
}

function bindComprehensionTarget(k: Checker, target: Expr, names: Set<string>): void {
  if (target.kind === "Name") {
    if (isDunder(target.id)) {
      k.report("dunder-name", target, `'${target.id}' is not available in contracts`);
    }
    names.add(target.id);
  } else if (target.kind === "Tuple" || target.kind === "List") {
    for (const elt of target.elts) bindComprehensionTarget(k, elt, names);
  } else {
    k.report("assign-target", target, "comprehension variables must be names or tuples of names");
  }
}

/**
 * An annotation: type names, names imported from typing, string and None
 * constants, subscripts, tuples/lists of annotations and `|` unions.
 */
export function checkAnnotation(k: Checker, scope: Scope, expr: Expr): void {
  switch (expr.kind) {
    case "Name": {
      const resolution = resolve(k, scope, expr.id);
      if (resolution.kind === "builtin" && TYPE_NAMES.has(expr.id)) return;
      if (resolution.kind === "module" && resolution.binding.kind === "typing") {
        if (scope.moduleOrder !== null && resolution.binding.order >= scope.moduleOrder) {
          k.report("forward-reference", expr, `'${expr.id}' is used before its definition`);
        }
        return;
      }
      if (resolution.kind === "unresolved") reportUnresolved(k, expr);
      else k.report("bad-annotation", expr, `'${expr.id}' is not a type`);
      return;
    }
    case "Constant":
      if (
        expr.value.type === "str" || expr.value.type === "None" || expr.value.type === "Ellipsis"
      ) return;
      k.report("bad-annotation", expr, "a literal is not a type");
      return;
    case "Subscript":
      checkAnnotation(k, scope, expr.value);
      checkAnnotation(k, scope, expr.slice);
      return;
    case "Tuple":
    case "List":
      for (const elt of expr.elts) checkAnnotation(k, scope, elt);
      return;
    case "BinOp":
      if (expr.op === "BitOr") {
        checkAnnotation(k, scope, expr.left);
        checkAnnotation(k, scope, expr.right);
        return;
      }
      break;
    default:
      break;
  }
  k.report(
    "bad-annotation",
    expr,
    "annotations may only use type names, typing names, subscripts and `|`",
  );
}

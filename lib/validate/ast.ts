/**
 * Abstract syntax tree of Python 3.11 source.
 *
 * Node kinds and field names follow CPython's `ast` module (camelCase where
 * CPython uses snake_case), so that the tree can be compared with CPython's
 * own parser and Python authors meet familiar names. Every node that CPython
 * gives a location has `start`/`end` offsets into the decoded source; a
 * node's span covers exactly the tokens its grammar rule consumed. Absent
 * optional children are `null`. This file holds types only.
 */

import type { BinaryOperator, CompareOperator } from "./tokens.ts";

export type { BinaryOperator, CompareOperator };

/** Offsets of a positioned node. */
export interface Located {
  /** Offset of the first character in the decoded source. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
}

/** How an expression is used: read, assigned or deleted. */
export type ExprContext = "Load" | "Store" | "Del";

/** Boolean operators of BoolOp. */
export type BoolOperator = "And" | "Or";
/** Unary operators of UnaryOp. */
export type UnaryOperator = "Invert" | "Not" | "UAdd" | "USub";

/** The value of a literal. */
export type ConstantValue =
  | { readonly type: "int"; readonly value: bigint }
  | { readonly type: "float"; readonly value: number }
  | { readonly type: "imaginary"; readonly value: number }
  | { readonly type: "str"; readonly value: string }
  | { readonly type: "bytes"; readonly value: Uint8Array }
  | { readonly type: "bool"; readonly value: boolean }
  | { readonly type: "None" }
  | { readonly type: "Ellipsis" };

// ---- expressions -------------------------------------------------------

/** `a and b`, `a or b or c`. */
export interface BoolOp extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "BoolOp";
  /** `And` or `Or`. */
  readonly op: BoolOperator;
  /** The operands, in order. */
  readonly values: readonly Expr[];
}
/** `target := value`. */
export interface NamedExpr extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "NamedExpr";
  /** The name assigned. */
  readonly target: Name;
  /** The assigned value. */
  readonly value: Expr;
}
/** `left op right` (`a + b`). */
export interface BinOp extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "BinOp";
  /** Left operand. */
  readonly left: Expr;
  /** The operator. */
  readonly op: BinaryOperator;
  /** Right operand. */
  readonly right: Expr;
}
/** `op operand` (`-x`, `not x`). */
export interface UnaryOp extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "UnaryOp";
  /** The operator. */
  readonly op: UnaryOperator;
  /** The operand. */
  readonly operand: Expr;
}
/** `lambda args: body`. */
export interface Lambda extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Lambda";
  /** Parameters. */
  readonly args: Arguments;
  /** The returned expression. */
  readonly body: Expr;
}
/** `body if test else orelse`. */
export interface IfExp extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "IfExp";
  /** The condition. */
  readonly test: Expr;
  /** Value when the test is true. */
  readonly body: Expr;
  /** Value when the test is false. */
  readonly orelse: Expr;
}
/** `{k: v, **m}`. */
export interface Dict extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Dict";
  /** `null` key: a `**mapping` entry. */
  readonly keys: readonly (Expr | null)[];
  /** Values, one per key. */
  readonly values: readonly Expr[];
}
/** `{a, b}` (CPython's `ast.Set`). */
export interface SetDisplay extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Set";
  /** Elements, in order. */
  readonly elts: readonly Expr[];
}
/** `[elt for ...]`. */
export interface ListComp extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "ListComp";
  /** The element expression. */
  readonly elt: Expr;
  /** The `for` clauses, outermost first. */
  readonly generators: readonly Comprehension[];
}
/** `{elt for ...}`. */
export interface SetComp extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "SetComp";
  /** The element expression. */
  readonly elt: Expr;
  /** The `for` clauses, outermost first. */
  readonly generators: readonly Comprehension[];
}
/** `{key: value for ...}`. */
export interface DictComp extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "DictComp";
  /** The key expression. */
  readonly key: Expr;
  /** The value expression. */
  readonly value: Expr;
  /** The `for` clauses, outermost first. */
  readonly generators: readonly Comprehension[];
}
/** `(elt for ...)`. */
export interface GeneratorExp extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "GeneratorExp";
  /** The element expression. */
  readonly elt: Expr;
  /** The `for` clauses, outermost first. */
  readonly generators: readonly Comprehension[];
}
/** `await value`. */
export interface Await extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Await";
  /** The awaited value. */
  readonly value: Expr;
}
/** `yield value`. */
export interface Yield extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Yield";
  /** Yielded value, or null. */
  readonly value: Expr | null;
}
/** `yield from value`. */
export interface YieldFrom extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "YieldFrom";
  /** The delegated iterable. */
  readonly value: Expr;
}
/** `left op1 c1 op2 c2 ...` (`a < b <= c`). */
export interface Compare extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Compare";
  /** Left operand. */
  readonly left: Expr;
  /** Comparison operators, one per comparator. */
  readonly ops: readonly CompareOperator[];
  /** Right-hand operands, in order. */
  readonly comparators: readonly Expr[];
}
/** `func(args, keywords)`. */
export interface Call extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Call";
  /** The callee. */
  readonly func: Expr;
  /** Positional arguments. */
  readonly args: readonly Expr[];
  /** Keyword arguments. */
  readonly keywords: readonly Keyword[];
}
/** An f-string. Its replacement fields are not parsed (f-strings are banned). */
export interface JoinedStr extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "JoinedStr";
}
/** A literal: number, string, bytes, `True`, `False`, `None` or `...`. */
export interface Constant extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Constant";
  /** The literal value. */
  readonly value: ConstantValue;
}
/** `value.attr`. */
export interface Attribute extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Attribute";
  /** The object. */
  readonly value: Expr;
  /** Attribute name. */
  readonly attr: string;
  /** Whether the expression is read, assigned or deleted. */
  readonly ctx: ExprContext;
}
/** `value[slice]`. */
export interface Subscript extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Subscript";
  /** The container. */
  readonly value: Expr;
  /** Index or slice. */
  readonly slice: Expr;
  /** Whether the expression is read, assigned or deleted. */
  readonly ctx: ExprContext;
}
/** `*value`. */
export interface Starred extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Starred";
  /** The unpacked value. */
  readonly value: Expr;
  /** Whether the expression is read, assigned or deleted. */
  readonly ctx: ExprContext;
}
/** A name: `x`. */
export interface Name extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Name";
  /** The identifier. */
  readonly id: string;
  /** Whether the expression is read, assigned or deleted. */
  readonly ctx: ExprContext;
}
/** `[a, b]`. */
export interface List extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "List";
  /** Elements, in order. */
  readonly elts: readonly Expr[];
  /** Whether the expression is read, assigned or deleted. */
  readonly ctx: ExprContext;
}
/** `(a, b)` or `a, b`. */
export interface Tuple extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Tuple";
  /** Elements, in order. */
  readonly elts: readonly Expr[];
  /** Whether the expression is read, assigned or deleted. */
  readonly ctx: ExprContext;
}
/** `lower:upper:step` inside a subscript. */
export interface Slice extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Slice";
  /** Start, or null. */
  readonly lower: Expr | null;
  /** Stop, or null. */
  readonly upper: Expr | null;
  /** Step, or null. */
  readonly step: Expr | null;
}

/** Any expression node. */
export type Expr =
  | BoolOp
  | NamedExpr
  | BinOp
  | UnaryOp
  | Lambda
  | IfExp
  | Dict
  | SetDisplay
  | ListComp
  | SetComp
  | DictComp
  | GeneratorExp
  | Await
  | Yield
  | YieldFrom
  | Compare
  | Call
  | JoinedStr
  | Constant
  | Attribute
  | Subscript
  | Starred
  | Name
  | List
  | Tuple
  | Slice;

// ---- helper nodes ------------------------------------------------------

/** One `for ... in ... if ...` clause of a comprehension (no location). */
export interface Comprehension {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "comprehension";
  /** Loop target. */
  readonly target: Expr;
  /** The iterable. */
  readonly iter: Expr;
  /** `if` filters, in order. */
  readonly ifs: readonly Expr[];
  /** Whether this is an `async for` clause. */
  readonly isAsync: boolean;
}
/** One parameter of a def or lambda. */
export interface Arg extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "arg";
  /** Parameter name. */
  readonly arg: string;
  /** Type annotation, or null. */
  readonly annotation: Expr | null;
}
/** Parameters of a def or lambda (no location). */
export interface Arguments {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "arguments";
  /** Parameters before `/`. */
  readonly posonlyargs: readonly Arg[];
  /** Positional-or-keyword parameters. */
  readonly args: readonly Arg[];
  /** The `*args` parameter, or null. */
  readonly vararg: Arg | null;
  /** Parameters after `*` or `*args`. */
  readonly kwonlyargs: readonly Arg[];
  /** One entry per keyword-only parameter; `null` where it has no default. */
  readonly kwDefaults: readonly (Expr | null)[];
  /** The `**kwargs` parameter, or null. */
  readonly kwarg: Arg | null;
  /** Defaults of the last positional parameters. */
  readonly defaults: readonly Expr[];
}
/** `arg=value` in a call. */
export interface Keyword extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "keyword";
  /** `null` for `**mapping`. */
  readonly arg: string | null;
  /** The argument. */
  readonly value: Expr;
}
/** `name as asname` in an import. */
export interface Alias extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "alias";
  /** Imported (dotted) name. */
  readonly name: string;
  /** The `as` name, or null. */
  readonly asname: string | null;
}
/** `contextExpr as optionalVars` in a with statement (no location). */
export interface WithItem {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "withitem";
  /** The context manager expression. */
  readonly contextExpr: Expr;
  /** The `as` target, or null. */
  readonly optionalVars: Expr | null;
}
/** `except type as name:` with its body. */
export interface ExceptHandler extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "ExceptHandler";
  /** Exception type, or null for a bare `except`. */
  readonly type: Expr | null;
  /** The `as` name, or null. */
  readonly name: string | null;
  /** The body. */
  readonly body: readonly Stmt[];
}
/** `case pattern if guard:` with its body (no location). */
export interface MatchCase {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "match_case";
  /** The pattern. */
  readonly pattern: Pattern;
  /** The `if` guard, or null. */
  readonly guard: Expr | null;
  /** The body. */
  readonly body: readonly Stmt[];
}

// ---- patterns (match statement) ----------------------------------------

/** A value pattern: `case 1:`, `case x.y:`. */
export interface MatchValue extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "MatchValue";
  /** The value compared with `==`. */
  readonly value: Expr;
}
/** `case None:`, `case True:`. */
export interface MatchSingleton extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "MatchSingleton";
  /** `None`, `True` or `False`. */
  readonly value: ConstantValue;
}
/** `case [a, b]:`. */
export interface MatchSequence extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "MatchSequence";
  /** Sub-patterns, in order. */
  readonly patterns: readonly Pattern[];
}
/** `case {"k": p, **rest}:`. */
export interface MatchMapping extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "MatchMapping";
  /** The keys, one per pattern. */
  readonly keys: readonly Expr[];
  /** Sub-patterns, in order. */
  readonly patterns: readonly Pattern[];
  /** Name bound to the remaining items, or null. */
  readonly rest: string | null;
}
/** `case Cls(p, kw=q):`. */
export interface MatchClass extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "MatchClass";
  /** The class being matched. */
  readonly cls: Expr;
  /** Sub-patterns, in order. */
  readonly patterns: readonly Pattern[];
  /** Keyword attribute names. */
  readonly kwdAttrs: readonly string[];
  /** Patterns of the keyword attributes, in order. */
  readonly kwdPatterns: readonly Pattern[];
}
/** `*name` in a sequence pattern. */
export interface MatchStar extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "MatchStar";
  /** The bound name, or null for `*_`. */
  readonly name: string | null;
}
/** `case p as name:` or a capture `case name:`. */
export interface MatchAs extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "MatchAs";
  /** The sub-pattern, or null for a capture. */
  readonly pattern: Pattern | null;
  /** The bound name, or null for `_`. */
  readonly name: string | null;
}
/** `case p | q:`. */
export interface MatchOr extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "MatchOr";
  /** Sub-patterns, in order. */
  readonly patterns: readonly Pattern[];
}

/** Any pattern of a `case` clause. */
export type Pattern =
  | MatchValue
  | MatchSingleton
  | MatchSequence
  | MatchMapping
  | MatchClass
  | MatchStar
  | MatchAs
  | MatchOr;

// ---- statements --------------------------------------------------------

/** `def name(args) -> returns:` with its body. */
export interface FunctionDef extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "FunctionDef" | "AsyncFunctionDef";
  /** Function name. */
  readonly name: string;
  /** Span of the function name, for diagnostics. */
  readonly nameStart: number;
  /** Parameters. */
  readonly args: Arguments;
  /** The body. */
  readonly body: readonly Stmt[];
  /** Decorators, outermost first. */
  readonly decoratorList: readonly Expr[];
  /** Return annotation, or null. */
  readonly returns: Expr | null;
}
/** `class name(bases):` with its body. */
export interface ClassDef extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "ClassDef";
  /** Class name. */
  readonly name: string;
  /** Base classes. */
  readonly bases: readonly Expr[];
  /** Keyword arguments of the class statement. */
  readonly keywords: readonly Keyword[];
  /** The body. */
  readonly body: readonly Stmt[];
  /** Decorators, outermost first. */
  readonly decoratorList: readonly Expr[];
}
/** `return value`. */
export interface Return extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Return";
  /** Returned value, or null. */
  readonly value: Expr | null;
}
/** `del targets`. */
export interface Delete extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Delete";
  /** The targets, in order. */
  readonly targets: readonly Expr[];
}
/** `t1 = t2 = value`. */
export interface Assign extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Assign";
  /** The targets, in order. */
  readonly targets: readonly Expr[];
  /** The assigned value. */
  readonly value: Expr;
}
/** `target op= value`. */
export interface AugAssign extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "AugAssign";
  /** What is assigned to. */
  readonly target: Expr;
  /** The operator before `=`. */
  readonly op: BinaryOperator;
  /** The right operand. */
  readonly value: Expr;
}
/** `target: annotation = value`. */
export interface AnnAssign extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "AnnAssign";
  /** What is assigned to. */
  readonly target: Expr;
  /** The annotation. */
  readonly annotation: Expr;
  /** Assigned value, or null for a bare annotation. */
  readonly value: Expr | null;
  /** True when the target is a bare name, not parenthesised. */
  readonly simple: boolean;
}
/** `for target in iter:` with body and `else`. */
export interface For extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "For" | "AsyncFor";
  /** Loop target. */
  readonly target: Expr;
  /** The iterable. */
  readonly iter: Expr;
  /** The body. */
  readonly body: readonly Stmt[];
  /** The `else` branch. */
  readonly orelse: readonly Stmt[];
}
/** `while test:` with body and `else`. */
export interface While extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "While";
  /** The condition. */
  readonly test: Expr;
  /** The body. */
  readonly body: readonly Stmt[];
  /** The `else` branch. */
  readonly orelse: readonly Stmt[];
}
/** `if test:` with body and `else` (an `elif` is a nested If). */
export interface If extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "If";
  /** The condition. */
  readonly test: Expr;
  /** The body. */
  readonly body: readonly Stmt[];
  /** The `else` branch. */
  readonly orelse: readonly Stmt[];
}
/** `with items:` with its body. */
export interface With extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "With" | "AsyncWith";
  /** The context managers. */
  readonly items: readonly WithItem[];
  /** The body. */
  readonly body: readonly Stmt[];
}
/** `match subject:` with its cases. */
export interface Match extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Match";
  /** The value matched. */
  readonly subject: Expr;
  /** The `case` clauses, in order. */
  readonly cases: readonly MatchCase[];
}
/** `raise exc from cause`. */
export interface Raise extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Raise";
  /** The exception, or null for a bare `raise`. */
  readonly exc: Expr | null;
  /** The `from` cause, or null. */
  readonly cause: Expr | null;
}
/** `try:` with handlers, `else` and `finally`. */
export interface Try extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Try" | "TryStar";
  /** The body. */
  readonly body: readonly Stmt[];
  /** The `except` clauses, in order. */
  readonly handlers: readonly ExceptHandler[];
  /** The `else` branch. */
  readonly orelse: readonly Stmt[];
  /** The `finally` body. */
  readonly finalbody: readonly Stmt[];
}
/** `assert test, msg`. */
export interface Assert extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Assert";
  /** The condition. */
  readonly test: Expr;
  /** The message, or null. */
  readonly msg: Expr | null;
}
/** `import a.b as c`. */
export interface Import extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Import";
  /** The imported names. */
  readonly names: readonly Alias[];
}
/** `from module import names`. */
export interface ImportFrom extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "ImportFrom";
  /** Module name, or null for `from . import x`. */
  readonly module: string | null;
  /** The imported names. */
  readonly names: readonly Alias[];
  /** Number of leading dots (relative import level). */
  readonly level: number;
}
/** `global names` (also `nonlocal`). */
export interface Global extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Global" | "Nonlocal";
  /** The declared names. */
  readonly names: readonly string[];
}
/** An expression used as a statement (CPython's `ast.Expr`). */
export interface ExprStmt extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Expr";
  /** The expression. */
  readonly value: Expr;
}
/** `pass`, `break` or `continue`. */
export interface Simple extends Located {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Pass" | "Break" | "Continue";
}

/** Any statement node. */
export type Stmt =
  | FunctionDef
  | ClassDef
  | Return
  | Delete
  | Assign
  | AugAssign
  | AnnAssign
  | For
  | While
  | If
  | With
  | Match
  | Raise
  | Try
  | Assert
  | Import
  | ImportFrom
  | Global
  | ExprStmt
  | Simple;

/** A parsed source file. */
export interface Module {
  /** Node kind: the CPython `ast` class name. */
  readonly kind: "Module";
  /** Statements of the file, in order. */
  readonly body: readonly Stmt[];
}

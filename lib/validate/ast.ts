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
  readonly start: number;
  readonly end: number;
}

/** How an expression is used: read, assigned or deleted. */
export type ExprContext = "Load" | "Store" | "Del";

export type BoolOperator = "And" | "Or";
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

export interface BoolOp extends Located {
  readonly kind: "BoolOp";
  readonly op: BoolOperator;
  readonly values: readonly Expr[];
}
export interface NamedExpr extends Located {
  readonly kind: "NamedExpr";
  readonly target: Name;
  readonly value: Expr;
}
export interface BinOp extends Located {
  readonly kind: "BinOp";
  readonly left: Expr;
  readonly op: BinaryOperator;
  readonly right: Expr;
}
export interface UnaryOp extends Located {
  readonly kind: "UnaryOp";
  readonly op: UnaryOperator;
  readonly operand: Expr;
}
export interface Lambda extends Located {
  readonly kind: "Lambda";
  readonly args: Arguments;
  readonly body: Expr;
}
export interface IfExp extends Located {
  readonly kind: "IfExp";
  readonly test: Expr;
  readonly body: Expr;
  readonly orelse: Expr;
}
export interface Dict extends Located {
  readonly kind: "Dict";
  /** `null` key: a `**mapping` entry. */
  readonly keys: readonly (Expr | null)[];
  readonly values: readonly Expr[];
}
export interface SetDisplay extends Located {
  readonly kind: "Set";
  readonly elts: readonly Expr[];
}
export interface ListComp extends Located {
  readonly kind: "ListComp";
  readonly elt: Expr;
  readonly generators: readonly Comprehension[];
}
export interface SetComp extends Located {
  readonly kind: "SetComp";
  readonly elt: Expr;
  readonly generators: readonly Comprehension[];
}
export interface DictComp extends Located {
  readonly kind: "DictComp";
  readonly key: Expr;
  readonly value: Expr;
  readonly generators: readonly Comprehension[];
}
export interface GeneratorExp extends Located {
  readonly kind: "GeneratorExp";
  readonly elt: Expr;
  readonly generators: readonly Comprehension[];
}
export interface Await extends Located {
  readonly kind: "Await";
  readonly value: Expr;
}
export interface Yield extends Located {
  readonly kind: "Yield";
  readonly value: Expr | null;
}
export interface YieldFrom extends Located {
  readonly kind: "YieldFrom";
  readonly value: Expr;
}
export interface Compare extends Located {
  readonly kind: "Compare";
  readonly left: Expr;
  readonly ops: readonly CompareOperator[];
  readonly comparators: readonly Expr[];
}
export interface Call extends Located {
  readonly kind: "Call";
  readonly func: Expr;
  readonly args: readonly Expr[];
  readonly keywords: readonly Keyword[];
}
/** An f-string. Its replacement fields are not parsed (f-strings are banned). */
export interface JoinedStr extends Located {
  readonly kind: "JoinedStr";
}
export interface Constant extends Located {
  readonly kind: "Constant";
  readonly value: ConstantValue;
}
export interface Attribute extends Located {
  readonly kind: "Attribute";
  readonly value: Expr;
  readonly attr: string;
  readonly ctx: ExprContext;
}
export interface Subscript extends Located {
  readonly kind: "Subscript";
  readonly value: Expr;
  readonly slice: Expr;
  readonly ctx: ExprContext;
}
export interface Starred extends Located {
  readonly kind: "Starred";
  readonly value: Expr;
  readonly ctx: ExprContext;
}
export interface Name extends Located {
  readonly kind: "Name";
  readonly id: string;
  readonly ctx: ExprContext;
}
export interface List extends Located {
  readonly kind: "List";
  readonly elts: readonly Expr[];
  readonly ctx: ExprContext;
}
export interface Tuple extends Located {
  readonly kind: "Tuple";
  readonly elts: readonly Expr[];
  readonly ctx: ExprContext;
}
export interface Slice extends Located {
  readonly kind: "Slice";
  readonly lower: Expr | null;
  readonly upper: Expr | null;
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
  readonly kind: "comprehension";
  readonly target: Expr;
  readonly iter: Expr;
  readonly ifs: readonly Expr[];
  readonly isAsync: boolean;
}
export interface Arg extends Located {
  readonly kind: "arg";
  readonly arg: string;
  readonly annotation: Expr | null;
}
/** Parameters of a def or lambda (no location). */
export interface Arguments {
  readonly kind: "arguments";
  readonly posonlyargs: readonly Arg[];
  readonly args: readonly Arg[];
  readonly vararg: Arg | null;
  readonly kwonlyargs: readonly Arg[];
  /** One entry per keyword-only parameter; `null` where it has no default. */
  readonly kwDefaults: readonly (Expr | null)[];
  readonly kwarg: Arg | null;
  /** Defaults of the last positional parameters. */
  readonly defaults: readonly Expr[];
}
export interface Keyword extends Located {
  readonly kind: "keyword";
  /** `null` for `**mapping`. */
  readonly arg: string | null;
  readonly value: Expr;
}
export interface Alias extends Located {
  readonly kind: "alias";
  readonly name: string;
  readonly asname: string | null;
}
export interface WithItem {
  readonly kind: "withitem";
  readonly contextExpr: Expr;
  readonly optionalVars: Expr | null;
}
export interface ExceptHandler extends Located {
  readonly kind: "ExceptHandler";
  readonly type: Expr | null;
  readonly name: string | null;
  readonly body: readonly Stmt[];
}
export interface MatchCase {
  readonly kind: "match_case";
  readonly pattern: Pattern;
  readonly guard: Expr | null;
  readonly body: readonly Stmt[];
}

// ---- patterns (match statement) ----------------------------------------

export interface MatchValue extends Located {
  readonly kind: "MatchValue";
  readonly value: Expr;
}
export interface MatchSingleton extends Located {
  readonly kind: "MatchSingleton";
  readonly value: ConstantValue;
}
export interface MatchSequence extends Located {
  readonly kind: "MatchSequence";
  readonly patterns: readonly Pattern[];
}
export interface MatchMapping extends Located {
  readonly kind: "MatchMapping";
  readonly keys: readonly Expr[];
  readonly patterns: readonly Pattern[];
  readonly rest: string | null;
}
export interface MatchClass extends Located {
  readonly kind: "MatchClass";
  readonly cls: Expr;
  readonly patterns: readonly Pattern[];
  readonly kwdAttrs: readonly string[];
  readonly kwdPatterns: readonly Pattern[];
}
export interface MatchStar extends Located {
  readonly kind: "MatchStar";
  readonly name: string | null;
}
export interface MatchAs extends Located {
  readonly kind: "MatchAs";
  readonly pattern: Pattern | null;
  readonly name: string | null;
}
export interface MatchOr extends Located {
  readonly kind: "MatchOr";
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

export interface FunctionDef extends Located {
  readonly kind: "FunctionDef" | "AsyncFunctionDef";
  readonly name: string;
  /** Span of the function name, for diagnostics. */
  readonly nameStart: number;
  readonly args: Arguments;
  readonly body: readonly Stmt[];
  readonly decoratorList: readonly Expr[];
  readonly returns: Expr | null;
}
export interface ClassDef extends Located {
  readonly kind: "ClassDef";
  readonly name: string;
  readonly bases: readonly Expr[];
  readonly keywords: readonly Keyword[];
  readonly body: readonly Stmt[];
  readonly decoratorList: readonly Expr[];
}
export interface Return extends Located {
  readonly kind: "Return";
  readonly value: Expr | null;
}
export interface Delete extends Located {
  readonly kind: "Delete";
  readonly targets: readonly Expr[];
}
export interface Assign extends Located {
  readonly kind: "Assign";
  readonly targets: readonly Expr[];
  readonly value: Expr;
}
export interface AugAssign extends Located {
  readonly kind: "AugAssign";
  readonly target: Expr;
  readonly op: BinaryOperator;
  readonly value: Expr;
}
export interface AnnAssign extends Located {
  readonly kind: "AnnAssign";
  readonly target: Expr;
  readonly annotation: Expr;
  readonly value: Expr | null;
  /** True when the target is a bare name, not parenthesised. */
  readonly simple: boolean;
}
export interface For extends Located {
  readonly kind: "For" | "AsyncFor";
  readonly target: Expr;
  readonly iter: Expr;
  readonly body: readonly Stmt[];
  readonly orelse: readonly Stmt[];
}
export interface While extends Located {
  readonly kind: "While";
  readonly test: Expr;
  readonly body: readonly Stmt[];
  readonly orelse: readonly Stmt[];
}
export interface If extends Located {
  readonly kind: "If";
  readonly test: Expr;
  readonly body: readonly Stmt[];
  readonly orelse: readonly Stmt[];
}
export interface With extends Located {
  readonly kind: "With" | "AsyncWith";
  readonly items: readonly WithItem[];
  readonly body: readonly Stmt[];
}
export interface Match extends Located {
  readonly kind: "Match";
  readonly subject: Expr;
  readonly cases: readonly MatchCase[];
}
export interface Raise extends Located {
  readonly kind: "Raise";
  readonly exc: Expr | null;
  readonly cause: Expr | null;
}
export interface Try extends Located {
  readonly kind: "Try" | "TryStar";
  readonly body: readonly Stmt[];
  readonly handlers: readonly ExceptHandler[];
  readonly orelse: readonly Stmt[];
  readonly finalbody: readonly Stmt[];
}
export interface Assert extends Located {
  readonly kind: "Assert";
  readonly test: Expr;
  readonly msg: Expr | null;
}
export interface Import extends Located {
  readonly kind: "Import";
  readonly names: readonly Alias[];
}
export interface ImportFrom extends Located {
  readonly kind: "ImportFrom";
  readonly module: string | null;
  readonly names: readonly Alias[];
  readonly level: number;
}
export interface Global extends Located {
  readonly kind: "Global" | "Nonlocal";
  readonly names: readonly string[];
}
export interface ExprStmt extends Located {
  readonly kind: "Expr";
  readonly value: Expr;
}
export interface Simple extends Located {
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
  readonly kind: "Module";
  readonly body: readonly Stmt[];
}

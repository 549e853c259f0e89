/**
 * Token kinds, keywords and operators of Python 3.11, as data.
 *
 * The tokenizer reads these tables; the parser matches tokens by kind and
 * text. Nothing here depends on the animica subset: the subset is enforced
 * later, by the validator, so that banned constructs still parse and get a
 * precise diagnostic.
 */

/** Kind of a token. Comments and non-logical newlines produce no token. */
export type TokenKind =
  | "name"
  | "number"
  | "string"
  | "op"
  | "newline"
  | "indent"
  | "dedent"
  | "end";

/** A token with its source span (offsets into the decoded text). */
export interface Token {
  readonly kind: TokenKind;
  /**
   * name: the NFKC-normalised identifier; op: the operator; number and
   * string: the exact source text (prefix and quotes included); others: "".
   */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Hard keywords: never usable as names. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  "False",
  "None",
  "True",
  "and",
  "as",
  "assert",
  "async",
  "await",
  "break",
  "class",
  "continue",
  "def",
  "del",
  "elif",
  "else",
  "except",
  "finally",
  "for",
  "from",
  "global",
  "if",
  "import",
  "in",
  "is",
  "lambda",
  "nonlocal",
  "not",
  "or",
  "pass",
  "raise",
  "return",
  "try",
  "while",
  "with",
  "yield",
]);

/** Operators and delimiters, grouped by length for longest-match scanning. */
export const OPERATORS_BY_LENGTH: readonly ReadonlySet<string>[] = [
  new Set(["**=", "//=", ">>=", "<<=", "..."]),
  new Set([
    "**",
    "//",
    ">>",
    "<<",
    "<=",
    ">=",
    "==",
    "!=",
    "->",
    "+=",
    "-=",
    "*=",
    "/=",
    "%=",
    "&=",
    "|=",
    "^=",
    "@=",
    ":=",
  ]),
  new Set("+-*/%@&|^~<>()[]{},:.;=".split("")),
];

/** Augmented assignment operators mapped to their binary operator. */
export const AUGMENTED_ASSIGN: ReadonlyMap<string, BinaryOperator> = new Map([
  ["+=", "Add"],
  ["-=", "Sub"],
  ["*=", "Mult"],
  ["/=", "Div"],
  ["//=", "FloorDiv"],
  ["%=", "Mod"],
  ["@=", "MatMult"],
  ["&=", "BitAnd"],
  ["|=", "BitOr"],
  ["^=", "BitXor"],
  [">>=", "RShift"],
  ["<<=", "LShift"],
  ["**=", "Pow"],
]);

/** Binary operator names (as in CPython's ast module). */
export type BinaryOperator =
  | "Add"
  | "Sub"
  | "Mult"
  | "MatMult"
  | "Div"
  | "Mod"
  | "Pow"
  | "LShift"
  | "RShift"
  | "BitOr"
  | "BitXor"
  | "BitAnd"
  | "FloorDiv";

/** A binary operator token's AST operator and binding power. */
export interface BinaryOperatorInfo {
  readonly op: BinaryOperator;
  /** Higher binds tighter; `**` is handled separately (right-associative). */
  readonly precedence: number;
}

/** Left-associative binary operators, loosest (`|`) to tightest (`*`). */
export const BINARY_OPERATORS: ReadonlyMap<string, BinaryOperatorInfo> = new Map([
  ["|", { op: "BitOr", precedence: 1 }],
  ["^", { op: "BitXor", precedence: 2 }],
  ["&", { op: "BitAnd", precedence: 3 }],
  ["<<", { op: "LShift", precedence: 4 }],
  [">>", { op: "RShift", precedence: 4 }],
  ["+", { op: "Add", precedence: 5 }],
  ["-", { op: "Sub", precedence: 5 }],
  ["*", { op: "Mult", precedence: 6 }],
  ["/", { op: "Div", precedence: 6 }],
  ["//", { op: "FloorDiv", precedence: 6 }],
  ["%", { op: "Mod", precedence: 6 }],
  ["@", { op: "MatMult", precedence: 6 }],
]);

/** Comparison operator names (as in CPython's ast module). */
export type CompareOperator =
  | "Eq"
  | "NotEq"
  | "Lt"
  | "LtE"
  | "Gt"
  | "GtE"
  | "Is"
  | "IsNot"
  | "In"
  | "NotIn";

/** Single-token comparison operators; `not in` and `is not` take two tokens. */
export const COMPARE_OPERATORS: ReadonlyMap<string, CompareOperator> = new Map([
  ["==", "Eq"],
  ["!=", "NotEq"],
  ["<", "Lt"],
  ["<=", "LtE"],
  [">", "Gt"],
  [">=", "GtE"],
]);

/** Keywords after which a number literal may directly follow (`1if x else 2`). */
export const KEYWORDS_AFTER_NUMBER: readonly string[] = [
  "and",
  "else",
  "for",
  "if",
  "in",
  "is",
  "not",
  "or",
];

/** Valid string prefixes, lower-cased. */
export const STRING_PREFIXES: ReadonlySet<string> = new Set([
  "r",
  "u",
  "f",
  "b",
  "br",
  "rb",
  "fr",
  "rf",
]);

/** Tokenizer limits, as in CPython (deeper input is rejected, never crashes). */
export const MAX_BRACKET_DEPTH = 200;
export const MAX_INDENT_DEPTH = 100;

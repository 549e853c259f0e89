/**
 * Recursive-descent parser for Python 3.11 expressions.
 *
 * One function per grammar rule, named after the rule in CPython's
 * Grammar/python.gram, with the rule written above it. Binary operators use
 * precedence climbing over BINARY_OPERATORS. Every recursion that the input
 * can drive goes through `cursor.enter()`, and left-leaning chains through
 * `cursor.checkChain()`, so hostile nesting is a diagnostic, never a stack
 * overflow. Statements live in parse_stmt.ts, targets in parse_target.ts.
 */

import type {
  Arg,
  Arguments,
  Comprehension,
  Expr,
  Keyword,
  Lambda,
  Name,
  Yield,
  YieldFrom,
} from "./ast.ts";
import type { Cursor } from "./cursor.ts";
import { numberValue, stringValue } from "./literals.ts";
import { toTarget } from "./parse_target.ts";
import { BINARY_OPERATORS, COMPARE_OPERATORS, KEYWORDS, type Token } from "./tokens.ts";

const UNARY = new Map([["-", "USub"], ["+", "UAdd"], ["~", "Invert"]] as const);
const EXPRESSION_KEYWORDS = new Set(["not", "lambda", "await", "None", "True", "False"]);
const EXPRESSION_OPS = new Set(["(", "[", "{", "-", "+", "~", "..."]);

/** True when `token` can begin an expression. */
export function startsExpression(token: Token): boolean {
  switch (token.kind) {
    case "name":
      return !KEYWORDS.has(token.text) || EXPRESSION_KEYWORDS.has(token.text);
    case "number":
    case "string":
      return true;
    case "op":
      return EXPRESSION_OPS.has(token.text);
    default:
      return false;
  }
}

// star_expressions: star_expression (',' star_expression)* [',']
/** A comma list that becomes a Tuple when it has a comma (statement level). */
export function parseStarExpressions(c: Cursor): Expr {
  return parseCommaList(c, parseStarExpression);
}

/** `element (',' element)* [',']`, a Tuple when there is a comma. */
function parseCommaList(c: Cursor, element: (c: Cursor) => Expr): Expr {
  const start = c.here;
  const first = element(c);
  if (!c.isOp(",")) return first;
  const elts = [first];
  while (c.eatOp(",")) {
    if (!startsExpression(c.peek()) && !c.isOp("*")) break;
    elts.push(element(c));
  }
  return { kind: "Tuple", elts, ctx: "Load", start, end: c.lastEnd };
}

/** True at `for` or `async for`: the start of comprehension clauses. */
function atComprehension(c: Cursor): boolean {
  return c.isKeyword("for") || (c.isKeyword("async") && c.isKeyword("for", 1));
}

// star_expression: '*' bitwise_or | expression
function parseStarExpression(c: Cursor): Expr {
  if (c.isOp("*")) return parseStarred(c);
  return parseExpression(c);
}

/** '*' bitwise_or */
function parseStarred(c: Cursor): Expr {
  const start = c.advance().start;
  const value = parseBitOr(c);
  return { kind: "Starred", value, ctx: "Load", start, end: c.lastEnd };
}

// star_named_expression: '*' bitwise_or | named_expression
function parseStarNamedExpression(c: Cursor): Expr {
  if (c.isOp("*")) return parseStarred(c);
  return parseNamedExpression(c);
}

// named_expression: NAME ':=' expression | expression !':='
/** An expression that may be an assignment expression `x := value`. */
export function parseNamedExpression(c: Cursor): Expr {
  if (c.isName() && c.isOp(":=", 1)) {
    const nameToken = c.advance();
    c.advance();
    const target: Name = {
      kind: "Name",
      id: nameToken.text,
      ctx: "Store",
      start: nameToken.start,
      end: nameToken.end,
    };
    const value = parseExpression(c);
    return { kind: "NamedExpr", target, value, start: nameToken.start, end: c.lastEnd };
  }
  return parseExpression(c);
}

// expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
/** A full expression: conditional expression or lambda included. */
export function parseExpression(c: Cursor): Expr {
  c.enter();
  const start = c.here;
  let result: Expr;
  if (c.isKeyword("lambda")) {
    result = parseLambda(c);
  } else {
    result = parseDisjunction(c);
    if (c.eatKeyword("if")) {
      const test = parseDisjunction(c);
      c.expectKeyword("else");
      const orelse = parseExpression(c);
      result = { kind: "IfExp", test, body: result, orelse, start, end: c.lastEnd };
    }
  }
  c.leave();
  return result;
}

// lambdef: 'lambda' [lambda_params] ':' expression
function parseLambda(c: Cursor): Lambda {
  const start = c.advance().start;
  const args = parseParameters(c, ":", false);
  c.expectOp(":");
  const body = parseExpression(c);
  return { kind: "Lambda", args, body, start, end: c.lastEnd };
}

// disjunction: conjunction ('or' conjunction)+ | conjunction
/** `a or b or c`, or a single conjunction. */
export function parseDisjunction(c: Cursor): Expr {
  const start = c.here;
  const first = parseConjunction(c);
  if (!c.isKeyword("or")) return first;
  const values = [first];
  while (c.eatKeyword("or")) values.push(parseConjunction(c));
  return { kind: "BoolOp", op: "Or", values, start, end: c.lastEnd };
}

// conjunction: inversion ('and' inversion)+ | inversion
function parseConjunction(c: Cursor): Expr {
  const start = c.here;
  const first = parseInversion(c);
  if (!c.isKeyword("and")) return first;
  const values = [first];
  while (c.eatKeyword("and")) values.push(parseInversion(c));
  return { kind: "BoolOp", op: "And", values, start, end: c.lastEnd };
}

// inversion: 'not' inversion | comparison
function parseInversion(c: Cursor): Expr {
  if (!c.isKeyword("not")) return parseComparison(c);
  const start = c.advance().start;
  c.enter();
  const operand = parseInversion(c);
  c.leave();
  return { kind: "UnaryOp", op: "Not", operand, start, end: c.lastEnd };
}

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
function parseComparison(c: Cursor): Expr {
  const start = c.here;
  const left = parseBitOr(c);
  const ops: ("Eq" | "NotEq" | "Lt" | "LtE" | "Gt" | "GtE" | "Is" | "IsNot" | "In" | "NotIn")[] =
    [];
  const comparators: Expr[] = [];
  while (true) {
    const token = c.peek();
    const simple = token.kind === "op" ? COMPARE_OPERATORS.get(token.text) : undefined;
    if (simple !== undefined) {
      c.advance();
      ops.push(simple);
    } else if (c.isKeyword("in")) {
      c.advance();
      ops.push("In");
    } else if (c.isKeyword("not") && c.isKeyword("in", 1)) {
      c.advance();
      c.advance();
      ops.push("NotIn");
    } else if (c.isKeyword("is")) {
      c.advance();
      ops.push(c.eatKeyword("not") ? "IsNot" : "Is");
    } else break;
    comparators.push(parseBitOr(c));
  }
  if (ops.length === 0) return left;
  return { kind: "Compare", left, ops, comparators, start, end: c.lastEnd };
}

// bitwise_or .. term: left-associative binary operators by precedence
/** Binary operators from `|` down to `*` (a "bitwise_or" in the grammar). */
export function parseBitOr(c: Cursor): Expr {
  return parseBinary(c, 1);
}

function parseBinary(c: Cursor, minPrecedence: number): Expr {
  const start = c.here;
  let left = parseFactor(c);
  let links = 0;
  while (true) {
    const token = c.peek();
    const info = token.kind === "op" ? BINARY_OPERATORS.get(token.text) : undefined;
    if (info === undefined || info.precedence < minPrecedence) return left;
    c.advance();
    c.checkChain(++links);
    const right = parseBinary(c, info.precedence + 1);
    left = { kind: "BinOp", left, op: info.op, right, start, end: c.lastEnd };
  }
}

// factor: '+' factor | '-' factor | '~' factor | power
function parseFactor(c: Cursor): Expr {
  const token = c.peek();
  const op = token.kind === "op" ? UNARY.get(token.text as "-") : undefined;
  if (op === undefined) return parsePower(c);
  c.advance();
  c.enter();
  const operand = parseFactor(c);
  c.leave();
  return { kind: "UnaryOp", op, operand, start: token.start, end: c.lastEnd };
}

// power: await_primary '**' factor | await_primary
function parsePower(c: Cursor): Expr {
  const start = c.here;
  const base = parseAwaitPrimary(c);
  if (!c.eatOp("**")) return base;
  c.enter();
  const exponent = parseFactor(c);
  c.leave();
  return { kind: "BinOp", left: base, op: "Pow", right: exponent, start, end: c.lastEnd };
}

// await_primary: AWAIT primary | primary
function parseAwaitPrimary(c: Cursor): Expr {
  if (!c.isKeyword("await")) return parsePrimary(c);
  const start = c.advance().start;
  const value = parsePrimary(c);
  return { kind: "Await", value, start, end: c.lastEnd };
}

// primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
//        | primary '[' slices ']' | atom
/** An atom followed by any number of `.name`, `(...)` and `[...]` trailers. */
export function parsePrimary(c: Cursor): Expr {
  const start = c.here;
  let node = parseAtom(c);
  let links = 0;
  while (true) {
    if (c.isOp(".")) {
      c.advance();
      const attr = c.expectName();
      node = { kind: "Attribute", value: node, attr: attr.text, ctx: "Load", start, end: attr.end };
    } else if (c.isOp("(")) {
      const { args, keywords } = parseCallArguments(c);
      node = { kind: "Call", func: node, args, keywords, start, end: c.lastEnd };
    } else if (c.isOp("[")) {
      c.advance();
      c.enter();
      const slice = parseSlices(c);
      c.leave();
      c.expectOp("]");
      node = { kind: "Subscript", value: node, slice, ctx: "Load", start, end: c.lastEnd };
    } else {
      return node;
    }
    c.checkChain(++links);
  }
}

// arguments: (starred_expression | (assignment_expression | expression !':=') !'=')
//            | kwarg_or_starred | kwarg_or_double_starred) ... [','] &')'
/** The parenthesised argument list of a call or class header. */
export function parseCallArguments(c: Cursor): { args: Expr[]; keywords: Keyword[] } {
  const open = c.expectOp("(");
  c.enter();
  const args: Expr[] = [];
  const keywords: Keyword[] = [];
  let sawKeyword = false;
  let sawDoubleStar = false;
  while (!c.isOp(")")) {
    const start = c.here;
    if (c.isOp("**")) {
      c.advance();
      const value = parseExpression(c);
      keywords.push({ kind: "keyword", arg: null, value, start, end: c.lastEnd });
      sawDoubleStar = true;
    } else if (c.isOp("*")) {
      if (sawDoubleStar) c.fail("iterable argument unpacking follows keyword argument unpacking");
      c.advance();
      const value = parseExpression(c);
      args.push({ kind: "Starred", value, ctx: "Load", start, end: c.lastEnd });
    } else if (c.isName() && c.isOp("=", 1)) {
      const name = c.advance();
      c.advance();
      const value = parseExpression(c);
      keywords.push({ kind: "keyword", arg: name.text, value, start, end: c.lastEnd });
      sawKeyword = true;
    } else {
      if (sawDoubleStar) c.fail("positional argument follows keyword argument unpacking");
      if (sawKeyword) c.fail("positional argument follows keyword argument");
      let value = parseNamedExpression(c);
      if (atComprehension(c)) {
        const generators = parseComprehensionClauses(c);
        const sole = args.length === 0 && keywords.length === 0 && c.isOp(")");
        if (!sole) {
          c.failAt({ start, end: c.lastEnd }, "Generator expression must be parenthesized");
        }
        value = {
          kind: "GeneratorExp",
          elt: value,
          generators,
          start: open.start,
          end: c.here + 1,
        };
      }
      args.push(value);
    }
    if (!c.eatOp(",")) break;
  }
  c.leave();
  c.expectOp(")");
  return { args, keywords };
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
function parseSlices(c: Cursor): Expr {
  const start = c.here;
  const first = parseSliceItem(c);
  if (!c.isOp(",")) {
    if (first.kind !== "Starred") return first;
    return { kind: "Tuple", elts: [first], ctx: "Load", start, end: c.lastEnd };
  }
  const elts = [first];
  while (c.eatOp(",")) {
    if (c.isOp("]")) break;
    elts.push(parseSliceItem(c));
  }
  return { kind: "Tuple", elts, ctx: "Load", start, end: c.lastEnd };
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
function parseSliceItem(c: Cursor): Expr {
  const start = c.here;
  if (c.isOp("*")) return parseStarred(c);
  let lower: Expr | null = null;
  if (!c.isOp(":")) {
    lower = parseNamedExpression(c);
    if (!c.isOp(":")) return lower;
  }
  c.advance();
  const endsPart = () => c.isOp(":") || c.isOp(",") || c.isOp("]");
  const upper = endsPart() ? null : parseExpression(c);
  let step: Expr | null = null;
  if (c.eatOp(":")) step = c.isOp(",") || c.isOp("]") ? null : parseExpression(c);
  return { kind: "Slice", lower, upper, step, start, end: c.lastEnd };
}

// atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER
//     | (tuple | group | genexp) | (list | listcomp) | (dict | set | dictcomp | setcomp) | '...'
function parseAtom(c: Cursor): Expr {
  const token = c.peek();
  const at = { start: token.start, end: token.end };
  switch (token.kind) {
    case "number":
      c.advance();
      return { kind: "Constant", value: numberValue(c.source, token, c.limits), ...at };
    case "string":
      return parseAtomString(c);
    case "name":
      if (token.text === "True" || token.text === "False") {
        c.advance();
        return { kind: "Constant", value: { type: "bool", value: token.text === "True" }, ...at };
      }
      if (token.text === "None") {
        c.advance();
        return { kind: "Constant", value: { type: "None" }, ...at };
      }
      if (KEYWORDS.has(token.text)) break;
      c.advance();
      return { kind: "Name", id: token.text, ctx: "Load", ...at };
    case "op":
      if (token.text === "(") return parseParenthesised(c);
      if (token.text === "[") return parseListDisplay(c);
      if (token.text === "{") return parseBraceDisplay(c);
      if (token.text === "...") {
        c.advance();
        return { kind: "Constant", value: { type: "Ellipsis" }, ...at };
      }
      break;
    default:
      break;
  }
  return c.fail(
    token.kind === "newline" ? "invalid syntax: expression expected" : "invalid syntax",
  );
}

// strings: STRING+
/** One or more adjacent string literals, concatenated. */
export function parseAtomString(c: Cursor): Expr {
  const start = c.here;
  let text = "";
  const bytes: number[] = [];
  let isBytes: boolean | null = null;
  let isFormatted = false;
  while (c.peek().kind === "string") {
    const token = c.advance();
    const piece = stringValue(c.source, token);
    const pieceIsBytes = piece.type === "bytes";
    if (isBytes !== null && isBytes !== pieceIsBytes) {
      c.failAt(token, "cannot mix bytes and nonbytes literals");
    }
    isBytes = pieceIsBytes;
    if (piece.type === "fstring") isFormatted = true;
    else if (piece.type === "bytes") bytes.push(...piece.value);
    else text += piece.value;
  }
  const span = { start, end: c.lastEnd };
  if (isFormatted) return { kind: "JoinedStr", ...span };
  if (isBytes === true) {
    return { kind: "Constant", value: { type: "bytes", value: Uint8Array.from(bytes) }, ...span };
  }
  return { kind: "Constant", value: { type: "str", value: text }, ...span };
}

// tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
// group: '(' (yield_expr | named_expression) ')'
// genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
function parseParenthesised(c: Cursor): Expr {
  const open = c.advance();
  c.enter();
  let result: Expr;
  if (c.isOp(")")) {
    result = { kind: "Tuple", elts: [], ctx: "Load", start: open.start, end: c.peek().end };
  } else if (c.isKeyword("yield")) {
    result = parseYield(c);
  } else {
    const first = parseStarNamedExpression(c);
    if (atComprehension(c)) {
      const generators = parseComprehensionClauses(c);
      result = {
        kind: "GeneratorExp",
        elt: first,
        generators,
        start: open.start,
        end: c.peek().end,
      };
    } else if (c.isOp(",")) {
      const elts = [first];
      while (c.eatOp(",") && !c.isOp(")")) elts.push(parseStarNamedExpression(c));
      result = { kind: "Tuple", elts, ctx: "Load", start: open.start, end: c.peek().end };
    } else {
      if (first.kind === "Starred") c.failAt(first, "cannot use starred expression here");
      result = first;
    }
  }
  c.leave();
  c.expectOp(")");
  return result;
}

// list: '[' [star_named_expressions] ']'
// listcomp: '[' named_expression for_if_clauses ']'
function parseListDisplay(c: Cursor): Expr {
  const open = c.advance();
  c.enter();
  const elts: Expr[] = [];
  let result: Expr | null = null;
  if (!c.isOp("]")) {
    const first = parseStarNamedExpression(c);
    if (atComprehension(c)) {
      const generators = parseComprehensionClauses(c);
      result = { kind: "ListComp", elt: first, generators, start: open.start, end: c.peek().end };
    } else {
      elts.push(first);
      while (c.eatOp(",") && !c.isOp("]")) elts.push(parseStarNamedExpression(c));
    }
  }
  c.leave();
  const close = c.expectOp("]");
  return result ?? { kind: "List", elts, ctx: "Load", start: open.start, end: close.end };
}

// dict: '{' [double_starred_kvpairs] '}'     set: '{' star_named_expressions '}'
// dictcomp: '{' kvpair for_if_clauses '}'     setcomp: '{' named_expression for_if_clauses '}'
function parseBraceDisplay(c: Cursor): Expr {
  const open = c.advance();
  c.enter();
  let result: Expr;
  if (c.isOp("}")) {
    result = { kind: "Dict", keys: [], values: [], start: open.start, end: c.peek().end };
  } else if (c.isOp("**")) {
    result = parseDictEntries(c, open.start, null);
  } else {
    const first = parseStarNamedExpression(c);
    if (c.eatOp(":")) {
      const value = parseExpression(c);
      if (atComprehension(c)) {
        const generators = parseComprehensionClauses(c);
        result = {
          kind: "DictComp",
          key: first,
          value,
          generators,
          start: open.start,
          end: c.peek().end,
        };
      } else {
        result = parseDictEntries(c, open.start, { key: first, value });
      }
    } else if (atComprehension(c)) {
      const generators = parseComprehensionClauses(c);
      result = { kind: "SetComp", elt: first, generators, start: open.start, end: c.peek().end };
    } else {
      const elts = [first];
      while (c.eatOp(",") && !c.isOp("}")) elts.push(parseStarNamedExpression(c));
      result = { kind: "Set", elts, start: open.start, end: c.peek().end };
    }
  }
  c.leave();
  c.expectOp("}");
  return result;
}

// double_starred_kvpair: '**' bitwise_or | expression ':' expression
function parseDictEntries(
  c: Cursor,
  start: number,
  first: { key: Expr; value: Expr } | null,
): Expr {
  const keys: (Expr | null)[] = [];
  const values: Expr[] = [];
  if (first !== null) {
    keys.push(first.key);
    values.push(first.value);
    if (!c.eatOp(",")) return { kind: "Dict", keys, values, start, end: c.peek().end };
  }
  while (!c.isOp("}")) {
    if (c.eatOp("**")) {
      keys.push(null);
      values.push(parseBitOr(c));
    } else {
      keys.push(parseExpression(c));
      c.expectOp(":");
      values.push(parseExpression(c));
    }
    if (!c.eatOp(",")) break;
  }
  return { kind: "Dict", keys, values, start, end: c.peek().end };
}

// for_if_clauses: (['async'] 'for' star_targets 'in' disjunction ('if' disjunction)*)+
function parseComprehensionClauses(c: Cursor): Comprehension[] {
  const clauses: Comprehension[] = [];
  while (atComprehension(c)) {
    const isAsync = c.eatKeyword("async");
    c.advance();
    const target = toTarget(c, parseTargetList(c), "Store");
    c.expectKeyword("in");
    const iter = parseDisjunction(c);
    const ifs: Expr[] = [];
    while (c.eatKeyword("if")) ifs.push(parseDisjunction(c));
    clauses.push({ kind: "comprehension", target, iter, ifs, isAsync });
  }
  return clauses;
}

// star_targets: star_target !',' | star_target (',' star_target)* [',']
/** Assignment targets of `for`, comprehensions and `del`, still in Load form. */
export function parseTargetList(c: Cursor): Expr {
  return parseCommaList(c, parseTargetElement);
}

// star_target: '*' (!'*' star_target) | target_with_star_atom
/** One target: a starred or plain operand, parsed below comparisons. */
export function parseTargetElement(c: Cursor): Expr {
  if (c.isOp("*")) return parseStarred(c);
  return parseBitOr(c);
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
/** A yield expression (the caller has checked for the keyword). */
export function parseYield(c: Cursor): Yield | YieldFrom {
  const start = c.advance().start;
  if (c.eatKeyword("from")) {
    const value = parseExpression(c);
    return { kind: "YieldFrom", value, start, end: c.lastEnd };
  }
  const value = startsExpression(c.peek()) || c.isOp("*") ? parseStarExpressions(c) : null;
  return { kind: "Yield", value, start, end: c.lastEnd };
}

// params: [posonly '/' ','] [args] ['*' [vararg] (',' kwonly)*] [',' '**' kwarg] [',']
/** Parameters up to (not including) `closer`; annotations only for def. */
export function parseParameters(c: Cursor, closer: string, annotations: boolean): Arguments {
  let posonlyargs: Arg[] = [];
  let args: Arg[] = [];
  const defaults: Expr[] = [];
  const kwonlyargs: Arg[] = [];
  const kwDefaults: (Expr | null)[] = [];
  let vararg: Arg | null = null;
  let kwarg: Arg | null = null;
  let keywordOnly = false;
  let bareStar: Token | null = null;
  while (!c.isOp(closer)) {
    if (kwarg !== null) c.fail("arguments cannot follow var-keyword argument");
    if (c.isOp("/")) {
      if (keywordOnly || posonlyargs.length > 0 || args.length === 0) c.fail("invalid syntax");
      c.advance();
      posonlyargs = args;
      args = [];
    } else if (c.isOp("*")) {
      if (keywordOnly) c.fail("* argument may appear only once");
      const star = c.advance();
      keywordOnly = true;
      if (c.isName()) vararg = parseArg(c, annotations);
      else bareStar = star;
    } else if (c.eatOp("**")) {
      kwarg = parseArg(c, annotations);
    } else {
      const arg = parseArg(c, annotations);
      const value = c.eatOp("=") ? parseExpression(c) : null;
      if (keywordOnly) {
        kwonlyargs.push(arg);
        kwDefaults.push(value);
        bareStar = null;
      } else {
        args.push(arg);
        if (value !== null) defaults.push(value);
        else if (defaults.length > 0) {
          c.failAt(arg, "non-default argument follows default argument");
        }
      }
    }
    if (!c.eatOp(",")) break;
  }
  if (bareStar !== null) c.fail("named arguments must follow bare *", "syntax-error", bareStar);
  return { kind: "arguments", posonlyargs, args, vararg, kwonlyargs, kwDefaults, kwarg, defaults };
}

function parseArg(c: Cursor, annotations: boolean): Arg {
  const name = c.expectName();
  const annotation = annotations && c.eatOp(":") ? parseExpression(c) : null;
  return { kind: "arg", arg: name.text, annotation, start: name.start, end: c.lastEnd };
}

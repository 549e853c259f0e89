/**
 * Recursive-descent parser for Python 3.11 statements, and the entry point
 * `parseModule`.
 *
 * Covers the whole statement grammar, including what the animica subset
 * bans (class, try, with, async, decorators, match, ...), so that the
 * validator can name the banned construct instead of reporting a syntax
 * error. Stops at the first error. Block nesting is bounded by the
 * tokenizer's indentation limit.
 */

import type {
  Alias,
  ExceptHandler,
  Expr,
  FunctionDef,
  MatchCase,
  Module,
  Stmt,
  WithItem,
} from "./ast.ts";
import { Cursor } from "./cursor.ts";
import { ValidationError } from "../errors.ts";
import {
  parseCallArguments,
  parseExpression,
  parseNamedExpression,
  parseParameters,
  parseStarExpressions,
  parseTargetElement,
  parseTargetList,
  parseYield,
  startsExpression,
} from "./parse_expr.ts";
import { parsePatterns } from "./parse_pattern.ts";
import { toSingleTarget, toTarget } from "./parse_target.ts";
import type { SourceLimits } from "./limits.ts";
import type { SourceText } from "./source.ts";
import { tokenize } from "./tokenizer.ts";
import { AUGMENTED_ASSIGN, type Token } from "./tokens.ts";

/**
 * Parses a whole source file; throws ValidationError on the first syntax
 * error (or literal over a cap of `limits`).
 */
export function parseModule(source: SourceText, limits: SourceLimits): Module {
  const c = new Cursor(source, tokenize(source), limits);
  const body: Stmt[] = [];
  while (c.peek().kind !== "end") body.push(...parseStatement(c));
  return { kind: "Module", body };
}

// statement: compound_stmt | simple_stmts
function parseStatement(c: Cursor): Stmt[] {
  const token = c.peek();
  if (token.kind === "indent") c.fail("unexpected indent");
  if (token.kind === "op" && token.text === "@") return [parseDecorated(c)];
  if (token.kind === "name") {
    switch (token.text) {
      case "def":
        return [parseFunctionDef(c, [], null)];
      case "class":
        return [parseClassDef(c, [])];
      case "if":
        return [parseIf(c)];
      case "while":
        return [parseWhile(c)];
      case "for":
        return [parseFor(c, null)];
      case "try":
        return [parseTry(c)];
      case "with":
        return [parseWith(c, null)];
      case "async":
        return [parseAsync(c, [])];
      case "match": {
        const match = tryParseMatch(c);
        if (match !== null) return [match];
        break;
      }
    }
  }
  return parseSimpleStatements(c);
}

// simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE
function parseSimpleStatements(c: Cursor): Stmt[] {
  const statements = [parseSimpleStatement(c)];
  while (c.eatOp(";")) {
    if (c.peek().kind === "newline") break;
    statements.push(parseSimpleStatement(c));
  }
  if (c.peek().kind !== "newline") c.fail("invalid syntax");
  c.advance();
  return statements;
}

// simple_stmt: assignment | star_expressions | return_stmt | import_stmt | raise_stmt
//            | 'pass' | del_stmt | yield_stmt | assert_stmt | 'break' | 'continue'
//            | global_stmt | nonlocal_stmt
function parseSimpleStatement(c: Cursor): Stmt {
  const token = c.peek();
  const start = token.start;
  if (token.kind === "name") {
    switch (token.text) {
      case "pass":
      case "break":
      case "continue": {
        c.advance();
        const kind = token.text === "pass" ? "Pass" : token.text === "break" ? "Break" : "Continue";
        return { kind, start, end: token.end };
      }
      case "return": {
        c.advance();
        const value = startsExpression(c.peek()) || c.isOp("*") ? parseStarExpressions(c) : null;
        return { kind: "Return", value, start, end: c.lastEnd };
      }
      case "raise":
        return parseRaise(c);
      case "global":
      case "nonlocal":
        return parseGlobal(c);
      case "del":
        return parseDel(c);
      case "assert": {
        c.advance();
        const test = parseExpression(c);
        const msg = c.eatOp(",") ? parseExpression(c) : null;
        return { kind: "Assert", test, msg, start, end: c.lastEnd };
      }
      case "import":
        return parseImport(c);
      case "from":
        return parseImportFrom(c);
    }
  }
  return parseExpressionStatement(c);
}

/** Right-hand side of an assignment: a yield expression or star_expressions. */
function parseAssignedValue(c: Cursor): Expr {
  return c.isKeyword("yield") ? parseYield(c) : parseStarExpressions(c);
}

// assignment: NAME ':' expression ['=' annotated_rhs]
//           | ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
//           | (star_targets '=')+ (yield_expr | star_expressions) !'='
//           | single_target augassign (yield_expr | star_expressions)
function parseExpressionStatement(c: Cursor): Stmt {
  const start = c.here;
  const startsWithParen = c.isOp("(");
  const first = parseAssignedValue(c);
  if (c.eatOp(":")) {
    const target = toSingleTarget(c, first, "annotation");
    const annotation = parseExpression(c);
    const value = c.eatOp("=") ? parseAssignedValue(c) : null;
    const simple = first.kind === "Name" && !startsWithParen;
    return { kind: "AnnAssign", target, annotation, value, simple, start, end: c.lastEnd };
  }
  const token = c.peek();
  const augmented = token.kind === "op" ? AUGMENTED_ASSIGN.get(token.text) : undefined;
  if (augmented !== undefined) {
    const target = toSingleTarget(c, first, "augmented assignment");
    c.advance();
    const value = parseAssignedValue(c);
    return { kind: "AugAssign", target, op: augmented, value, start, end: c.lastEnd };
  }
  if (!c.isOp("=")) return { kind: "Expr", value: first, start, end: c.lastEnd };
  const chain = [first];
  while (c.eatOp("=")) chain.push(parseAssignedValue(c));
  const value = chain.pop() ?? first;
  const targets = chain.map((target) => toTarget(c, target, "Store"));
  return { kind: "Assign", targets, value, start, end: c.lastEnd };
}

// raise_stmt: 'raise' expression ['from' expression] | 'raise'
function parseRaise(c: Cursor): Stmt {
  const start = c.advance().start;
  if (!startsExpression(c.peek())) {
    return { kind: "Raise", exc: null, cause: null, start, end: c.lastEnd };
  }
  const exc = parseExpression(c);
  const cause = c.eatKeyword("from") ? parseExpression(c) : null;
  return { kind: "Raise", exc, cause, start, end: c.lastEnd };
}

// global_stmt: 'global' ','.NAME+     nonlocal_stmt: 'nonlocal' ','.NAME+
function parseGlobal(c: Cursor): Stmt {
  const keyword = c.advance();
  const names = [c.expectName().text];
  while (c.eatOp(",")) names.push(c.expectName().text);
  const kind = keyword.text === "global" ? "Global" : "Nonlocal";
  return { kind, names, start: keyword.start, end: c.lastEnd };
}

// del_stmt: 'del' del_targets &(';' | NEWLINE)
function parseDel(c: Cursor): Stmt {
  const start = c.advance().start;
  const targets: Expr[] = [];
  do {
    if (c.peek().kind === "newline" || c.isOp(";")) break;
    targets.push(toTarget(c, parseTargetElement(c), "Del"));
  } while (c.eatOp(","));
  if (targets.length === 0) c.fail("invalid syntax");
  return { kind: "Delete", targets, start, end: c.lastEnd };
}

// dotted_name: dotted_name '.' NAME | NAME
function parseDottedName(c: Cursor): string {
  let name = c.expectName().text;
  while (c.eatOp(".")) name += "." + c.expectName().text;
  return name;
}

// import_name: 'import' dotted_as_names
function parseImport(c: Cursor): Stmt {
  const start = c.advance().start;
  const names: Alias[] = [];
  do {
    const aliasStart = c.here;
    const name = parseDottedName(c);
    const asname = c.eatKeyword("as") ? c.expectName().text : null;
    names.push({ kind: "alias", name, asname, start: aliasStart, end: c.lastEnd });
  } while (c.eatOp(","));
  return { kind: "Import", names, start, end: c.lastEnd };
}

// import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//            | 'from' ('.' | '...')+ 'import' import_from_targets
function parseImportFrom(c: Cursor): Stmt {
  const start = c.advance().start;
  let level = 0;
  while (c.isOp(".") || c.isOp("...")) level += c.advance().text.length;
  const module = level > 0 && c.isKeyword("import") ? null : parseDottedName(c);
  c.expectKeyword("import");
  const names: Alias[] = [];
  if (c.isOp("*")) {
    const star = c.advance();
    names.push({ kind: "alias", name: "*", asname: null, start: star.start, end: star.end });
  } else {
    const parenthesised = c.eatOp("(");
    do {
      if (parenthesised && c.isOp(")")) break;
      const name = c.expectName();
      const asname = c.eatKeyword("as") ? c.expectName().text : null;
      names.push({ kind: "alias", name: name.text, asname, start: name.start, end: c.lastEnd });
    } while (c.eatOp(","));
    if (parenthesised) c.expectOp(")");
    if (names.length === 0) c.fail("invalid syntax");
  }
  return { kind: "ImportFrom", module, names, level, start, end: c.lastEnd };
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts
function parseBlock(c: Cursor, opener: Token): Stmt[] {
  c.expectOp(":");
  if (c.peek().kind !== "newline") return parseSimpleStatements(c);
  c.advance();
  if (c.peek().kind !== "indent") {
    const line = c.source.position(opener.start).line;
    c.fail(
      `expected an indented block after '${opener.text}' statement on line ${line}`,
      "indentation-error",
    );
  }
  c.advance();
  const body: Stmt[] = [];
  while (c.peek().kind !== "dedent" && c.peek().kind !== "end") body.push(...parseStatement(c));
  c.advance();
  return body;
}

// decorators: ('@' named_expression NEWLINE)+
function parseDecorated(c: Cursor): Stmt {
  const decorators: Expr[] = [];
  while (c.eatOp("@")) {
    decorators.push(parseNamedExpression(c));
    if (c.peek().kind !== "newline") c.fail("invalid syntax");
    c.advance();
  }
  if (c.isKeyword("def")) return parseFunctionDef(c, decorators, null);
  if (c.isKeyword("class")) return parseClassDef(c, decorators);
  if (c.isKeyword("async")) return parseAsync(c, decorators);
  return c.fail("expected 'def' or 'class' after a decorator");
}

// 'async' (function_def | for_stmt | with_stmt)
function parseAsync(c: Cursor, decorators: Expr[]): Stmt {
  const asyncToken = c.advance();
  if (c.isKeyword("def")) return parseFunctionDef(c, decorators, asyncToken);
  if (decorators.length === 0 && c.isKeyword("for")) return parseFor(c, asyncToken);
  if (decorators.length === 0 && c.isKeyword("with")) return parseWith(c, asyncToken);
  return c.fail("invalid syntax");
}

// function_def_raw: ['async'] 'def' NAME '(' [params] ')' ['->' expression] ':' block
function parseFunctionDef(c: Cursor, decoratorList: Expr[], asyncToken: Token | null): FunctionDef {
  const keyword = c.advance();
  const name = c.expectName();
  c.expectOp("(");
  const args = parseParameters(c, ")", true);
  c.expectOp(")");
  const returns = c.eatOp("->") ? parseExpression(c) : null;
  const body = parseBlock(c, keyword);
  return {
    kind: asyncToken === null ? "FunctionDef" : "AsyncFunctionDef",
    name: name.text,
    nameStart: name.start,
    args,
    body,
    decoratorList,
    returns,
    start: (asyncToken ?? keyword).start,
    end: c.lastEnd,
  };
}

// class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block
function parseClassDef(c: Cursor, decoratorList: Expr[]): Stmt {
  const keyword = c.advance();
  const name = c.expectName();
  const { args: bases, keywords } = c.isOp("(")
    ? parseCallArguments(c)
    : { args: [], keywords: [] };
  const body = parseBlock(c, keyword);
  return {
    kind: "ClassDef",
    name: name.text,
    bases,
    keywords,
    body,
    decoratorList,
    start: keyword.start,
    end: c.lastEnd,
  };
}

// if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
// elif_stmt: 'elif' named_expression ':' block (elif_stmt | [else_block])
// `elifs` counts the elif links above this one: the chain is capped (MAX_CHAIN).
function parseIf(c: Cursor, elifs = 0): Stmt {
  const keyword = c.advance();
  const test = parseNamedExpression(c);
  const body = parseBlock(c, keyword);
  let orelse: Stmt[] = [];
  if (c.isKeyword("elif")) {
    c.checkChain(elifs + 1, "elif chain");
    orelse = [parseIf(c, elifs + 1)];
  } else if (c.isKeyword("else")) orelse = parseBlock(c, c.advance());
  return { kind: "If", test, body, orelse, start: keyword.start, end: c.lastEnd };
}

// while_stmt: 'while' named_expression ':' block [else_block]
function parseWhile(c: Cursor): Stmt {
  const keyword = c.advance();
  const test = parseNamedExpression(c);
  const body = parseBlock(c, keyword);
  const orelse = c.isKeyword("else") ? parseBlock(c, c.advance()) : [];
  return { kind: "While", test, body, orelse, start: keyword.start, end: c.lastEnd };
}

// for_stmt: ['async'] 'for' star_targets 'in' star_expressions ':' block [else_block]
function parseFor(c: Cursor, asyncToken: Token | null): Stmt {
  const keyword = c.advance();
  const target = toTarget(c, parseTargetList(c), "Store");
  c.expectKeyword("in");
  const iter = parseStarExpressions(c);
  const body = parseBlock(c, keyword);
  const orelse = c.isKeyword("else") ? parseBlock(c, c.advance()) : [];
  return {
    kind: asyncToken === null ? "For" : "AsyncFor",
    target,
    iter,
    body,
    orelse,
    start: (asyncToken ?? keyword).start,
    end: c.lastEnd,
  };
}

// try_stmt: 'try' ':' block finally_block
//         | 'try' ':' block except_block+ [else_block] [finally_block]
//         | 'try' ':' block except_star_block+ [else_block] [finally_block]
function parseTry(c: Cursor): Stmt {
  const keyword = c.advance();
  const body = parseBlock(c, keyword);
  const handlers: ExceptHandler[] = [];
  let star: boolean | null = null;
  while (c.isKeyword("except")) {
    const except = c.advance();
    const isStar = c.eatOp("*");
    if (star !== null && star !== isStar) {
      c.failAt(except, "cannot have both 'except' and 'except*' on the same 'try'");
    }
    star = isStar;
    let type: Expr | null = null;
    let name: string | null = null;
    if (!c.isOp(":")) {
      type = parseExpression(c);
      if (c.isOp(",")) c.fail("multiple exception types must be parenthesized");
      if (c.eatKeyword("as")) name = c.expectName().text;
    }
    const handlerBody = parseBlock(c, except);
    handlers.push({
      kind: "ExceptHandler",
      type,
      name,
      body: handlerBody,
      start: except.start,
      end: c.lastEnd,
    });
  }
  const orelse = handlers.length > 0 && c.isKeyword("else") ? parseBlock(c, c.advance()) : [];
  const finalbody = c.isKeyword("finally") ? parseBlock(c, c.advance()) : [];
  if (handlers.length === 0 && finalbody.length === 0) {
    c.fail("expected 'except' or 'finally' block");
  }
  return {
    kind: star === true ? "TryStar" : "Try",
    body,
    handlers,
    orelse,
    finalbody,
    start: keyword.start,
    end: c.lastEnd,
  };
}

// with_stmt: ['async'] 'with' '(' ','.with_item+ ','? ')' ':' block
//          | ['async'] 'with' ','.with_item+ ':' block
function parseWith(c: Cursor, asyncToken: Token | null): Stmt {
  const keyword = c.advance();
  const items = tryParseParenthesisedWithItems(c) ?? parseWithItems(c);
  const body = parseBlock(c, keyword);
  return {
    kind: asyncToken === null ? "With" : "AsyncWith",
    items,
    body,
    start: (asyncToken ?? keyword).start,
    end: c.lastEnd,
  };
}

function tryParseParenthesisedWithItems(c: Cursor): WithItem[] | null {
  if (!c.isOp("(")) return null;
  const mark = c.mark();
  try {
    c.advance();
    const items: WithItem[] = [];
    do {
      if (items.length > 0 && c.isOp(")")) break;
      items.push(parseWithItem(c));
    } while (c.eatOp(","));
    c.expectOp(")");
    if (c.isOp(":")) return items;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
  }
  c.reset(mark);
  return null;
}

function parseWithItems(c: Cursor): WithItem[] {
  const items = [parseWithItem(c)];
  while (c.eatOp(",")) items.push(parseWithItem(c));
  return items;
}

// with_item: expression 'as' star_target &(',' | ')' | ':') | expression
function parseWithItem(c: Cursor): WithItem {
  const contextExpr = parseExpression(c);
  const optionalVars = c.eatKeyword("as") ? toTarget(c, parseTargetElement(c), "Store") : null;
  return { kind: "withitem", contextExpr, optionalVars };
}

/**
 * A `match` statement, or null when `match` is an ordinary name here. The
 * soft keyword opens a match statement exactly when its logical line ends
 * with ':' and the next line is an indented `case`.
 */
function tryParseMatch(c: Cursor): Stmt | null {
  if (!startsExpression(c.peek(1)) && !c.isOp("*", 1)) return null;
  if (!headerOpensCaseBlock(c)) return null;
  const start = c.advance().start;
  const subject = parseMatchSubject(c);
  c.expectOp(":");
  c.advance();
  c.advance();
  const cases: MatchCase[] = [];
  while (c.isKeyword("case")) {
    const caseToken = c.advance();
    const pattern = parsePatterns(c);
    const guard = c.eatKeyword("if") ? parseNamedExpression(c) : null;
    const body = parseBlock(c, caseToken);
    cases.push({ kind: "match_case", pattern, guard, body });
  }
  if (c.peek().kind !== "dedent") c.fail("expected 'case'");
  c.advance();
  return { kind: "Match", subject, cases, start, end: c.lastEnd };
}

function headerOpensCaseBlock(c: Cursor): boolean {
  let offset = 1;
  while (c.peek(offset).kind !== "newline" && c.peek(offset).kind !== "end") offset++;
  const last = c.peek(offset - 1);
  return last.kind === "op" && last.text === ":" && c.peek(offset + 1).kind === "indent" &&
    c.isKeyword("case", offset + 2);
}

// subject_expr: star_named_expression ',' star_named_expressions? | named_expression
function parseMatchSubject(c: Cursor): Expr {
  const start = c.here;
  const first = c.isOp("*") ? parseTargetElement(c) : parseNamedExpression(c);
  if (!c.isOp(",")) return first;
  const elts = [first];
  while (c.eatOp(",") && !c.isOp(":")) {
    elts.push(c.isOp("*") ? parseTargetElement(c) : parseNamedExpression(c));
  }
  return { kind: "Tuple", elts, ctx: "Load", start, end: c.lastEnd };
}

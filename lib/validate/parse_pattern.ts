/**
 * Parser for the patterns of `case` clauses (Python 3.10+ structural
 * pattern matching). The match statement itself is parsed in
 * parse_stmt.ts; the subset bans it, but it is parsed completely so the
 * diagnostic can name it. Nesting goes through `cursor.enter()`.
 */

import type { ConstantValue, Expr, Pattern } from "./ast.ts";
import type { Cursor } from "./cursor.ts";
import { numberValue } from "./literals.ts";
import { parseAtomString } from "./parse_expr.ts";

// patterns: open_sequence_pattern | pattern
/** The pattern of one `case` clause (an open sequence becomes MatchSequence). */
export function parsePatterns(c: Cursor): Pattern {
  const start = c.here;
  const first = parseMaybeStarPattern(c);
  if (!c.isOp(",")) {
    if (first.kind === "MatchStar") c.failAt(first, "invalid syntax");
    return first;
  }
  const patterns = [first];
  while (c.eatOp(",")) {
    if (c.isOp(":") || c.isKeyword("if")) break;
    patterns.push(parseMaybeStarPattern(c));
  }
  return { kind: "MatchSequence", patterns, start, end: c.lastEnd };
}

// maybe_star_pattern: star_pattern | pattern
// star_pattern: '*' NAME
function parseMaybeStarPattern(c: Cursor): Pattern {
  if (!c.isOp("*")) return parsePattern(c);
  const start = c.advance().start;
  const name = c.expectName().text;
  return { kind: "MatchStar", name: name === "_" ? null : name, start, end: c.lastEnd };
}

// pattern: or_pattern 'as' NAME | or_pattern
function parsePattern(c: Cursor): Pattern {
  c.enter();
  const start = c.here;
  let pattern = parseOrPattern(c);
  if (c.eatKeyword("as")) {
    const name = c.expectName();
    if (name.text === "_") c.failAt(name, "cannot use '_' as a target");
    pattern = { kind: "MatchAs", pattern, name: name.text, start, end: c.lastEnd };
  }
  c.leave();
  return pattern;
}

// or_pattern: '|'.closed_pattern+
function parseOrPattern(c: Cursor): Pattern {
  const start = c.here;
  const first = parseClosedPattern(c);
  if (!c.isOp("|")) return first;
  const patterns = [first];
  while (c.eatOp("|")) patterns.push(parseClosedPattern(c));
  return { kind: "MatchOr", patterns, start, end: c.lastEnd };
}

// closed_pattern: literal_pattern | capture_pattern | wildcard_pattern | value_pattern
//               | group_pattern | sequence_pattern | mapping_pattern | class_pattern
function parseClosedPattern(c: Cursor): Pattern {
  const token = c.peek();
  const start = token.start;
  const singleton = parseSingleton(c);
  if (singleton !== null) {
    return { kind: "MatchSingleton", value: singleton, start, end: token.end };
  }
  if (token.kind === "number" || token.kind === "string" || c.isOp("-")) {
    return { kind: "MatchValue", value: parseLiteralExpr(c), start, end: c.lastEnd };
  }
  if (c.isName()) return parseNamePattern(c);
  if (c.isOp("(")) return parseGroupOrSequence(c);
  if (c.isOp("[")) {
    c.advance();
    const patterns = parseSequenceItems(c, "]");
    c.expectOp("]");
    return { kind: "MatchSequence", patterns, start, end: c.lastEnd };
  }
  if (c.isOp("{")) return parseMappingPattern(c);
  return c.fail("invalid pattern");
}

/** `None`, `True` or `False`, consumed; null (nothing consumed) otherwise. */
function parseSingleton(c: Cursor): ConstantValue | null {
  const token = c.peek();
  if (token.kind !== "name") return null;
  if (token.text === "None") {
    c.advance();
    return { type: "None" };
  }
  if (token.text !== "True" && token.text !== "False") return null;
  c.advance();
  return { type: "bool", value: token.text === "True" };
}

// signed_number ['+' | '-' NUMBER] | strings
function parseLiteralExpr(c: Cursor): Expr {
  const start = c.here;
  if (c.peek().kind === "string") return parseAtomString(c);
  let value = parseSignedNumber(c);
  if (c.isOp("+") || c.isOp("-")) {
    const op = c.advance().text === "+" ? "Add" : "Sub";
    const right = parseSignedNumber(c, false);
    value = { kind: "BinOp", left: value, op, right, start, end: c.lastEnd };
  }
  return value;
}

function parseSignedNumber(c: Cursor, allowSign = true): Expr {
  const start = c.here;
  const negative = allowSign && c.eatOp("-");
  if (c.peek().kind !== "number") c.fail("invalid pattern: number expected");
  const token = c.advance();
  const constant: Expr = {
    kind: "Constant",
    value: numberValue(c.source, token, c.limits),
    start: token.start,
    end: token.end,
  };
  if (!negative) return constant;
  return { kind: "UnaryOp", op: "USub", operand: constant, start, end: token.end };
}

// capture_pattern | wildcard_pattern | value_pattern | class_pattern
function parseNamePattern(c: Cursor): Pattern {
  const start = c.here;
  const first = c.advance();
  let cls: Expr = { kind: "Name", id: first.text, ctx: "Load", start, end: first.end };
  let dotted = false;
  while (c.eatOp(".")) {
    const attr = c.expectName();
    cls = { kind: "Attribute", value: cls, attr: attr.text, ctx: "Load", start, end: attr.end };
    dotted = true;
  }
  if (c.isOp("(")) return parseClassPattern(c, cls, start);
  if (dotted) return { kind: "MatchValue", value: cls, start, end: c.lastEnd };
  const name = first.text === "_" ? null : first.text;
  return { kind: "MatchAs", pattern: null, name, start, end: first.end };
}

// class_pattern: name_or_attr '(' [positional_patterns] [keyword_patterns] [','] ')'
function parseClassPattern(c: Cursor, cls: Expr, start: number): Pattern {
  c.advance();
  c.enter();
  const patterns: Pattern[] = [];
  const kwdAttrs: string[] = [];
  const kwdPatterns: Pattern[] = [];
  while (!c.isOp(")")) {
    if (c.isName() && c.isOp("=", 1)) {
      kwdAttrs.push(c.advance().text);
      c.advance();
      kwdPatterns.push(parsePattern(c));
    } else {
      if (kwdAttrs.length > 0) c.fail("positional patterns follow keyword patterns");
      patterns.push(parsePattern(c));
    }
    if (!c.eatOp(",")) break;
  }
  c.leave();
  c.expectOp(")");
  return { kind: "MatchClass", cls, patterns, kwdAttrs, kwdPatterns, start, end: c.lastEnd };
}

// group_pattern: '(' pattern ')'     sequence_pattern: '(' [open_sequence_pattern] ')'
function parseGroupOrSequence(c: Cursor): Pattern {
  const start = c.advance().start;
  c.enter();
  let result: Pattern;
  if (c.isOp(")")) {
    result = { kind: "MatchSequence", patterns: [], start, end: c.peek().end };
  } else {
    const first = parseMaybeStarPattern(c);
    if (c.isOp(",") || first.kind === "MatchStar") {
      const patterns = [first];
      while (c.eatOp(",") && !c.isOp(")")) patterns.push(parseMaybeStarPattern(c));
      result = { kind: "MatchSequence", patterns, start, end: c.peek().end };
    } else {
      result = first;
    }
  }
  c.leave();
  c.expectOp(")");
  return result;
}

function parseSequenceItems(c: Cursor, closer: string): Pattern[] {
  c.enter();
  const patterns: Pattern[] = [];
  while (!c.isOp(closer)) {
    patterns.push(parseMaybeStarPattern(c));
    if (!c.eatOp(",")) break;
  }
  c.leave();
  return patterns;
}

// mapping_pattern: '{' [items_pattern] [',' '**' NAME] [','] '}'
function parseMappingPattern(c: Cursor): Pattern {
  const start = c.advance().start;
  c.enter();
  const keys: Expr[] = [];
  const patterns: Pattern[] = [];
  let rest: string | null = null;
  while (!c.isOp("}")) {
    if (rest !== null) c.fail("invalid syntax");
    if (c.eatOp("**")) {
      rest = c.expectName().text;
    } else {
      keys.push(parseMappingKey(c));
      c.expectOp(":");
      patterns.push(parsePattern(c));
    }
    if (!c.eatOp(",")) break;
  }
  c.leave();
  c.expectOp("}");
  return { kind: "MatchMapping", keys, patterns, rest, start, end: c.lastEnd };
}

// key_value_pattern: (literal_expr | attr) ':' pattern
function parseMappingKey(c: Cursor): Expr {
  const token = c.peek();
  const singleton = parseSingleton(c);
  if (singleton !== null) {
    return { kind: "Constant", value: singleton, start: token.start, end: token.end };
  }
  if (c.isName()) {
    const pattern = parseNamePattern(c);
    if (pattern.kind !== "MatchValue") return c.failAt(pattern, "invalid mapping key");
    return pattern.value;
  }
  return parseLiteralExpr(c);
}

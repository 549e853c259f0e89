/**
 * The parser's position in the token list: lookahead, matching, expecting,
 * backtracking marks, the nesting guard and the first-error exit.
 *
 * Spans follow one convention: a node starts at the first token its rule
 * consumed and ends at `lastEnd`, the end of the last significant token
 * consumed (NEWLINE, INDENT and DEDENT do not move it).
 */

import { reject } from "./diagnostic.ts";
import type { SourceLimits } from "./limits.ts";
import type { RuleId } from "./rules.ts";
import type { SourceText } from "./source.ts";
import { KEYWORDS, type Token } from "./tokens.ts";

/**
 * Deepest expression nesting the parser follows (recursion guard); CPython
 * refuses deeper input too. Deeper input is a `too-deep` diagnostic.
 */
export const MAX_NESTING = 200;
/**
 * Longest left-leaning chain (`a+b+c...`, `a.b.c...`) in one expression,
 * and longest `elif` chain of one `if` (each `elif` is a nested If that
 * later passes walk recursively, so the chain is bounded like nesting).
 */
export const MAX_CHAIN = 1000;

/** A saved position to backtrack to. */
export interface Mark {
  readonly pos: number;
  readonly lastEnd: number;
}

/** Cursor over a token list ending with an `end` token. */
export class Cursor {
  readonly source: SourceText;
  readonly tokens: readonly Token[];
  readonly limits: SourceLimits;
  pos = 0;
  lastEnd = 0;
  depth = 0;

  constructor(source: SourceText, tokens: readonly Token[], limits: SourceLimits) {
    this.source = source;
    this.tokens = tokens;
    this.limits = limits;
  }

  /** Token `offset` places ahead (the `end` token past the end). */
  peek(offset = 0): Token {
    const tokens = this.tokens;
    return tokens[Math.min(this.pos + offset, tokens.length - 1)] ?? endToken(this.source);
  }

  /** Start offset of the current token. */
  get here(): number {
    return this.peek(0).start;
  }

  advance(): Token {
    const token = this.peek(0);
    if (this.pos < this.tokens.length - 1) this.pos++;
    if (token.kind !== "newline" && token.kind !== "indent" && token.kind !== "dedent") {
      this.lastEnd = token.end;
    }
    return token;
  }

  mark(): Mark {
    return { pos: this.pos, lastEnd: this.lastEnd };
  }

  reset(mark: Mark): void {
    this.pos = mark.pos;
    this.lastEnd = mark.lastEnd;
  }

  isOp(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === "op" && token.text === text;
  }

  isKeyword(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === "name" && token.text === word;
  }

  /** A name token that is not a hard keyword. */
  isName(offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === "name" && !KEYWORDS.has(token.text);
  }

  eatOp(text: string): boolean {
    if (!this.isOp(text)) return false;
    this.advance();
    return true;
  }

  eatKeyword(word: string): boolean {
    if (!this.isKeyword(word)) return false;
    this.advance();
    return true;
  }

  expectOp(text: string): Token {
    if (!this.isOp(text)) this.fail(`expected '${text}'`);
    return this.advance();
  }

  expectKeyword(word: string): Token {
    if (!this.isKeyword(word)) this.fail(`expected '${word}'`);
    return this.advance();
  }

  expectName(): Token {
    if (!this.isName()) this.fail("expected a name");
    return this.advance();
  }

  /** Enters one level of nesting; deeper than MAX_NESTING is rejected. */
  enter(): void {
    if (++this.depth > MAX_NESTING) {
      this.fail("expression is nested too deeply", "too-deep");
    }
  }

  leave(): void {
    this.depth--;
  }

  /** Rejects a left-leaning chain (or an `elif` chain) that has grown past MAX_CHAIN links. */
  checkChain(links: number, what = "expression chain"): void {
    if (links > MAX_CHAIN) this.fail(`${what} is too long`, "too-deep");
  }

  /** Stops parsing with a diagnostic at `token` (the current token by default). */
  fail(message: string, rule: RuleId = "syntax-error", token: Token = this.peek()): never {
    if (rule === "syntax-error" && token.kind === "indent") {
      reject(this.source, "indentation-error", token, "unexpected indent");
    }
    const text = message === "" ? "invalid syntax" : message;
    const span = token.kind === "end" || token.end === token.start
      ? { start: token.start, end: token.start + 1 }
      : token;
    reject(this.source, rule, span, token.kind === "end" ? `${text} (at end of file)` : text);
  }

  /** Stops parsing with a diagnostic over an explicit span. */
  failAt(
    span: { start: number; end: number },
    message: string,
    rule: RuleId = "syntax-error",
  ): never {
    reject(this.source, rule, span, message);
  }
}

function endToken(source: SourceText): Token {
  const end = source.text.length;
  return { kind: "end", text: "", start: end, end };
}

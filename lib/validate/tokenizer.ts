/**
 * Tokenizer for the Python 3.11 lexical grammar.
 *
 * Produces NAME/NUMBER/STRING/OP tokens plus NEWLINE, INDENT and DEDENT,
 * following CPython's rules: tabs advance to the next multiple of 8 and
 * must agree with a tab size of 1 (else TabError), blank and comment-only
 * lines are ignored, newlines inside brackets and after a backslash join
 * lines. It stops at the first error with a diagnostic. String and number
 * values are decoded later (literals.ts); here only their extent is found.
 * The scan is linear in the input and never recurses.
 */

import { reject } from "./diagnostic.ts";
import type { SourceText } from "./source.ts";
import { isAsciiText } from "../text_units.ts";
import {
  KEYWORDS_AFTER_NUMBER,
  MAX_BRACKET_DEPTH,
  MAX_INDENT_DEPTH,
  OPERATORS_BY_LENGTH,
  STRING_PREFIXES,
  type Token,
  type TokenKind,
} from "./tokens.ts";

const TAB_SIZE = 8;
const IDENTIFIER = /[\p{ID_Start}_][\p{ID_Continue}]*/uy;
const IDENTIFIER_CHAR = /[\p{ID_Continue}]/u;
const HEX_INT = /0[xX](?:_?[0-9a-fA-F])+/y;
const OCTAL_INT = /0[oO](?:_?[0-7])+/y;
const BINARY_INT = /0[bB](?:_?[01])+/y;
const DIGIT_PART = /[0-9](?:_?[0-9])*/y;
const EXPONENT = /[eE][+-]?[0-9](?:_?[0-9])*/y;
const CLOSING: Readonly<Record<string, string>> = { ")": "(", "]": "[", "}": "{" };

/** Splits decoded source into tokens, ending with an `end` token. */
export function tokenize(source: SourceText): Token[] {
  return new Tokenizer(source).run();
}

class Tokenizer {
  readonly #source: SourceText;
  readonly #text: string;
  #pos = 0;
  readonly #tokens: Token[] = [];
  readonly #brackets: { char: string; start: number }[] = [];
  readonly #indents: number[] = [0];
  readonly #altIndents: number[] = [0];
  #atLineStart = true;

  constructor(source: SourceText) {
    this.#source = source;
    this.#text = source.text;
  }

  run(): Token[] {
    const text = this.#text;
    while (true) {
      if (this.#atLineStart && this.#brackets.length === 0) {
        if (!this.#readIndentation()) break;
      }
      if (this.#pos >= text.length) break;
      const code = text.charCodeAt(this.#pos);
      if (code === 0x20 || code === 0x09 || code === 0x0c) {
        this.#pos++;
      } else if (code === 0x23) {
        this.#skipComment();
      } else if (code === 0x0a || code === 0x0d) {
        this.#readNewline();
      } else if (code === 0x5c) {
        this.#readContinuation();
      } else if (isDigit(code) || (code === 0x2e && isDigit(text.charCodeAt(this.#pos + 1)))) {
        this.#readNumber();
      } else if (code === 0x22 || code === 0x27) {
        this.#readString(this.#pos, this.#pos);
      } else if (!this.#readNameOrPrefixedString() && !this.#readOperator()) {
        this.#rejectCharacter();
      }
    }
    this.#finish();
    return this.#tokens;
  }

  #push(kind: TokenKind, text: string, start: number, end: number): void {
    this.#tokens.push({ kind, text, start, end });
  }

  /**
   * Measures the indentation of a new logical line and emits INDENT/DEDENT.
   * Blank and comment-only lines are consumed whole. Returns false at EOF.
   */
  #readIndentation(): boolean {
    const text = this.#text;
    while (true) {
      const lineStart = this.#pos;
      let column = 0;
      let altColumn = 0;
      while (this.#pos < text.length) {
        const code = text.charCodeAt(this.#pos);
        if (code === 0x20) {
          column++;
          altColumn++;
        } else if (code === 0x09) {
          column = (Math.floor(column / TAB_SIZE) + 1) * TAB_SIZE;
          altColumn++;
        } else if (code === 0x0c) {
          column = 0;
          altColumn = 0;
        } else break;
        this.#pos++;
      }
      if (this.#pos >= text.length) return false;
      const code = text.charCodeAt(this.#pos);
      if (code === 0x23) {
        this.#skipComment();
        if (this.#pos >= text.length) return false;
      }
      const next = text.charCodeAt(this.#pos);
      if (next === 0x0a || next === 0x0d) {
        this.#pos += next === 0x0d && text.charCodeAt(this.#pos + 1) === 0x0a ? 2 : 1;
        continue;
      }
      this.#applyIndentation(lineStart, column, altColumn);
      this.#atLineStart = false;
      return true;
    }
  }

  #applyIndentation(lineStart: number, column: number, altColumn: number): void {
    const indents = this.#indents;
    const alts = this.#altIndents;
    const here = { start: lineStart, end: this.#pos };
    const top = indents[indents.length - 1] ?? 0;
    const altTop = alts[alts.length - 1] ?? 0;
    if (column === top) {
      if (altColumn !== altTop) this.#tabError(here);
    } else if (column > top) {
      if (altColumn <= altTop) this.#tabError(here);
      if (indents.length > MAX_INDENT_DEPTH) {
        reject(this.#source, "too-deep", here, "too many levels of indentation");
      }
      indents.push(column);
      alts.push(altColumn);
      this.#push("indent", "", lineStart, this.#pos);
    } else {
      while (column < (indents[indents.length - 1] ?? 0)) {
        indents.pop();
        alts.pop();
        this.#push("dedent", "", this.#pos, this.#pos);
      }
      if (column !== (indents[indents.length - 1] ?? 0)) {
        reject(
          this.#source,
          "indentation-error",
          here,
          "unindent does not match any outer indentation level",
        );
      }
      if (altColumn !== (alts[alts.length - 1] ?? 0)) this.#tabError(here);
    }
  }

  #tabError(span: { start: number; end: number }): never {
    reject(this.#source, "tab-error", span, "inconsistent use of tabs and spaces in indentation");
  }

  #skipComment(): void {
    const text = this.#text;
    while (this.#pos < text.length) {
      const code = text.charCodeAt(this.#pos);
      if (code === 0x0a || code === 0x0d) return;
      this.#pos++;
    }
  }

  #readNewline(): void {
    const start = this.#pos;
    const text = this.#text;
    this.#pos += text.charCodeAt(start) === 0x0d && text.charCodeAt(start + 1) === 0x0a ? 2 : 1;
    if (this.#brackets.length > 0) return;
    this.#push("newline", "", start, this.#pos);
    this.#atLineStart = true;
  }

  #readContinuation(): void {
    const start = this.#pos;
    const text = this.#text;
    const next = text.charCodeAt(start + 1);
    if (next === 0x0a || next === 0x0d) {
      this.#pos += next === 0x0d && text.charCodeAt(start + 2) === 0x0a ? 3 : 2;
      if (this.#pos >= text.length) {
        reject(
          this.#source,
          "syntax-error",
          { start, end: start + 1 },
          "unexpected EOF while parsing",
        );
      }
      return;
    }
    reject(
      this.#source,
      "syntax-error",
      { start, end: start + 1 },
      "unexpected character after line continuation character",
    );
  }

  #readNumber(): void {
    const text = this.#text;
    const start = this.#pos;
    let end = matchAt(HEX_INT, text, start) ?? matchAt(OCTAL_INT, text, start) ??
      matchAt(BINARY_INT, text, start);
    let kind = "decimal";
    if (end !== null) {
      kind = text[start + 1]?.toLowerCase() === "x"
        ? "hexadecimal"
        : text[start + 1]?.toLowerCase() === "o"
        ? "octal"
        : "binary";
    } else if (/[xXoObB]/.test(text[start + 1] ?? "") && text[start] === "0") {
      const name = /[xX]/.test(text[start + 1] ?? "")
        ? "hexadecimal"
        : /[oO]/.test(text[start + 1] ?? "")
        ? "octal"
        : "binary";
      reject(this.#source, "syntax-error", { start, end: start + 2 }, `invalid ${name} literal`);
    } else {
      end = this.#scanDecimal(start);
    }
    this.#checkNumberEnd(start, end, kind);
    this.#pos = end;
    this.#push("number", text.slice(start, end), start, end);
  }

  /** Decimal integer, float or imaginary literal starting at `start`. */
  #scanDecimal(start: number): number {
    const text = this.#text;
    let end = matchAt(DIGIT_PART, text, start) ?? start;
    let isInteger = true;
    if (text.charCodeAt(end) === 0x2e) {
      isInteger = false;
      end = matchAt(DIGIT_PART, text, end + 1) ?? end + 1;
    }
    const exponentEnd = matchAt(EXPONENT, text, end);
    if (exponentEnd !== null) {
      isInteger = false;
      end = exponentEnd;
    }
    if (text[end] === "j" || text[end] === "J") return end + 1;
    if (isInteger && /^0[0_]*[1-9]/.test(text.slice(start, end))) {
      reject(
        this.#source,
        "syntax-error",
        { start, end },
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
      );
    }
    return end;
  }

  /** A number may not run into a name, except a few keywords (`1if`). */
  #checkNumberEnd(start: number, end: number, kind: string): void {
    const text = this.#text;
    const next = text.codePointAt(end);
    if (next === undefined || !IDENTIFIER_CHAR.test(String.fromCodePoint(next))) return;
    if (KEYWORDS_AFTER_NUMBER.some((keyword) => text.startsWith(keyword, end))) return;
    reject(this.#source, "syntax-error", { start, end: end + 1 }, `invalid ${kind} literal`);
  }

  /** A name, or a string with a prefix such as b"..." or rb'...'. */
  #readNameOrPrefixedString(): boolean {
    const text = this.#text;
    const start = this.#pos;
    const end = matchAt(IDENTIFIER, text, start);
    if (end === null) return false;
    const raw = text.slice(start, end);
    const quote = text.charCodeAt(end);
    if ((quote === 0x22 || quote === 0x27) && STRING_PREFIXES.has(raw.toLowerCase())) {
      this.#readString(start, end);
      return true;
    }
    this.#pos = end;
    const name = isAsciiText(raw) ? raw : raw.normalize("NFKC");
    this.#push("name", name, start, end);
    return true;
  }

  /** A string literal whose prefix starts at `start` and quote at `quoteAt`. */
  #readString(start: number, quoteAt: number): void {
    const text = this.#text;
    const quote = text[quoteAt] ?? "";
    const triple = text[quoteAt + 1] === quote && text[quoteAt + 2] === quote;
    let pos = quoteAt + (triple ? 3 : 1);
    while (true) {
      if (pos >= text.length) this.#unterminatedString(start, triple);
      const char = text[pos];
      if (char === "\\") {
        pos += text[pos + 1] === "\r" && text[pos + 2] === "\n" ? 3 : 2;
      } else if (char === quote) {
        if (!triple) {
          pos++;
          break;
        }
        if (text[pos + 1] === quote && text[pos + 2] === quote) {
          pos += 3;
          break;
        }
        pos++;
      } else if ((char === "\n" || char === "\r") && !triple) {
        this.#unterminatedString(start, triple);
      } else {
        pos++;
      }
    }
    this.#pos = pos;
    this.#push("string", text.slice(start, pos), start, pos);
  }

  #unterminatedString(start: number, triple: boolean): never {
    const lastLine = this.#source.position(this.#text.length).line;
    const what = triple
      ? "unterminated triple-quoted string literal"
      : "unterminated string literal";
    const detectedAt = triple ? lastLine : this.#source.position(start).line;
    reject(
      this.#source,
      "syntax-error",
      { start, end: start + 1 },
      `${what} (detected at line ${detectedAt})`,
    );
  }

  #readOperator(): boolean {
    const text = this.#text;
    const start = this.#pos;
    for (let length = 3; length >= 1; length--) {
      const candidate = text.slice(start, start + length);
      if (!(OPERATORS_BY_LENGTH[3 - length]?.has(candidate) ?? false)) continue;
      this.#trackBracket(candidate, start);
      this.#pos = start + length;
      this.#push("op", candidate, start, this.#pos);
      return true;
    }
    return false;
  }

  #trackBracket(op: string, start: number): void {
    const span = { start, end: start + 1 };
    if (op === "(" || op === "[" || op === "{") {
      if (this.#brackets.length >= MAX_BRACKET_DEPTH) {
        reject(this.#source, "too-deep", span, "too many nested parentheses");
      }
      this.#brackets.push({ char: op, start });
      return;
    }
    const opening = CLOSING[op];
    if (opening === undefined) return;
    const top = this.#brackets.pop();
    if (top === undefined) reject(this.#source, "syntax-error", span, `unmatched '${op}'`);
    if (top.char !== opening) {
      reject(
        this.#source,
        "syntax-error",
        span,
        `closing parenthesis '${op}' does not match opening parenthesis '${top.char}'`,
      );
    }
  }

  #rejectCharacter(): never {
    const start = this.#pos;
    const code = this.#text.codePointAt(start) ?? 0;
    const char = String.fromCodePoint(code);
    const hex = code.toString(16).toUpperCase().padStart(4, "0");
    const span = { start, end: start + char.length };
    if (char === "!") {
      reject(this.#source, "syntax-error", span, "invalid syntax: '!' is only valid in '!='");
    }
    const printable = /[\p{L}\p{N}\p{P}\p{S}]/u.test(char);
    const message = printable
      ? `invalid character '${char}' (U+${hex})`
      : `invalid non-printable character U+${hex}`;
    reject(this.#source, "syntax-error", span, message);
  }

  #finish(): void {
    const end = this.#text.length;
    const open = this.#brackets[this.#brackets.length - 1];
    if (open !== undefined) {
      reject(
        this.#source,
        "syntax-error",
        { start: open.start, end: open.start + 1 },
        `'${open.char}' was never closed`,
      );
    }
    const last = this.#tokens[this.#tokens.length - 1];
    if (last !== undefined && last.kind !== "newline" && last.kind !== "dedent") {
      this.#push("newline", "", end, end);
    }
    while (this.#indents.length > 1) {
      this.#indents.pop();
      this.#push("dedent", "", end, end);
    }
    this.#push("end", "", end, end);
  }
}

function matchAt(pattern: RegExp, text: string, at: number): number | null {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex : null;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

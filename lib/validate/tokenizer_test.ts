import assert from "node:assert/strict";
import { ValidationError } from "../errors.ts";
import { SourceText } from "./source.ts";
import { tokenize } from "./tokenizer.ts";

/** Tokens as one line: operator and name texts, other kinds by name. */
function kinds(text: string): string {
  return tokenize(new SourceText("t.py", text))
    .map((t) => t.kind === "op" || t.kind === "name" ? t.text : t.kind.toUpperCase())
    .join(" ");
}

function failure(text: string): string {
  try {
    tokenize(new SourceText("t.py", text));
  } catch (error) {
    if (error instanceof ValidationError) {
      const d = error.diagnostics[0];
      return `${d?.rule}@${d?.line}:${d?.column}: ${d?.message}`;
    }
    throw error;
  }
  return "accepted";
}

Deno.test("tokenizer: indentation produces INDENT and DEDENT, blank lines and comments none", () => {
  assert.equal(
    kinds("if x:\n    y\n\n    # c\n    z\nw\n"),
    "if x : NEWLINE INDENT y NEWLINE z NEWLINE DEDENT w NEWLINE END",
  );
});

Deno.test("tokenizer: brackets and backslashes join lines", () => {
  assert.equal(
    kinds("x = (1,\n  2)\ny = 1 + \\\n  2\n"),
    "x = ( NUMBER , NUMBER ) NEWLINE y = NUMBER + NUMBER NEWLINE END",
  );
});

Deno.test("tokenizer: longest-match operators", () => {
  assert.equal(
    kinds("a **= b // c ... -> := != <<= >>"),
    "a **= b // c ... -> := != <<= >> NEWLINE END",
  );
});

Deno.test("tokenizer: identifiers are NFKC-normalised", () => {
  const tokens = tokenize(new SourceText("t.py", "ﬁle = 1\n"));
  assert.equal(tokens[0]?.text, "file");
});

Deno.test("tokenizer: a final line without newline still ends with NEWLINE and DEDENTs", () => {
  assert.equal(kinds("if x:\n  y"), "if x : NEWLINE INDENT y NEWLINE DEDENT END");
});

Deno.test("tokenizer: errors carry rule, position and CPython's wording", () => {
  assert.equal(
    failure("x = 0777\n"),
    "syntax-error@1:5: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
  );
  assert.equal(failure("x = 1abc\n"), "syntax-error@1:5: invalid decimal literal");
  assert.equal(failure("x = 0b12\n"), "syntax-error@1:5: invalid binary literal");
  assert.equal(
    failure("x = (]\n"),
    "syntax-error@1:6: closing parenthesis ']' does not match opening parenthesis '('",
  );
  assert.equal(failure("x = [1\n"), "syntax-error@1:5: '[' was never closed");
  assert.equal(failure("x = $\n"), "syntax-error@1:5: invalid character '$' (U+0024)");
  assert.equal(
    failure("if x:\n    a\n  b\n"),
    "indentation-error@3:1: unindent does not match any outer indentation level",
  );
  assert.equal(
    failure("x = 'abc\n"),
    "syntax-error@1:5: unterminated string literal (detected at line 1)",
  );
  assert.equal(
    failure("x = 1 \\ 2\n"),
    "syntax-error@1:7: unexpected character after line continuation character",
  );
});

Deno.test("tokenizer: a number may run into a keyword, as in CPython", () => {
  assert.equal(kinds("1if x else 2"), "NUMBER if x else NUMBER NEWLINE END");
});

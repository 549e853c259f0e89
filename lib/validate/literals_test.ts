import assert from "node:assert/strict";
import type { ConstantValue } from "./ast.ts";
import { numberValue, stringValue } from "./literals.ts";
import { ValidationError } from "../errors.ts";
import { SourceText } from "./source.ts";
import type { Token } from "./tokens.ts";

const SOURCE = new SourceText("t.py", "");
const LIMITS = { intBits: 4096 };

function token(kind: "number" | "string", text: string): Token {
  return { kind, text, start: 0, end: text.length };
}

function str(text: string): unknown {
  const piece = stringValue(new SourceText("t.py", text), token("string", text));
  return piece.type === "bytes"
    ? Array.from(piece.value)
    : piece.type === "str"
    ? piece.value
    : piece.type;
}

Deno.test("literals: integers of every form, up to the cap", () => {
  const cases: [string, ConstantValue][] = [
    ["0", { type: "int", value: 0n }],
    ["1_000", { type: "int", value: 1000n }],
    ["0x_fF", { type: "int", value: 255n }],
    ["0o17", { type: "int", value: 15n }],
    ["0B101", { type: "int", value: 5n }],
    ["123456789012345678901234567890", { type: "int", value: 123456789012345678901234567890n }],
    [(2n ** 4096n - 1n).toString(), { type: "int", value: 2n ** 4096n - 1n }],
    ["0x" + "f".repeat(1024), { type: "int", value: 2n ** 4096n - 1n }],
    ["0b" + "0".repeat(9000) + "1", { type: "int", value: 1n }],
    ["1.5e3", { type: "float", value: 1500 }],
    ["2j", { type: "imaginary", value: 2 }],
  ];
  for (const [text, value] of cases) {
    assert.deepEqual(numberValue(SOURCE, token("number", text), LIMITS), value, text);
  }
});

Deno.test("literals: str escapes decode as in CPython", () => {
  assert.equal(str(String.raw`"a\tb\n\x41\101\u00e9\U0001F600\\\'"`), "a\tb\nAAé😀\\'");
  assert.equal(str(String.raw`"\d\q"`), "\\d\\q");
  assert.equal(str(String.raw`r"\n\x41"`), "\\n\\x41");
  assert.equal(str("'''a\r\nb'''"), "a\nb");
  assert.equal(str("'a\\\nb'"), "ab");
  assert.equal(str(String.raw`"\777"`), "\u01ff");
});

Deno.test("literals: bytes escapes, octal wrap-around and raw bytes", () => {
  assert.deepEqual(str(String.raw`b"\x00\xff\777A"`), [0, 255, 255, 65]);
  assert.deepEqual(str(String.raw`rb"\x41"`), [92, 120, 52, 49]);
  assert.deepEqual(str(String.raw`b"\u0041"`), [92, 117, 48, 48, 52, 49]);
});

Deno.test("literals: f-strings are recognised, not decoded", () => {
  assert.equal(str('f"{x}"'), "fstring");
  assert.equal(str('Rf"{x}"'), "fstring");
});

Deno.test("literals: an int literal at or over 2**int_bits is int-too-large", () => {
  const over = [
    (2n ** 4096n).toString(),
    "0x1" + "0".repeat(1024),
    "0o1" + "0".repeat(1366),
    "0b1" + "0".repeat(4096),
    "9".repeat(900_000),
    "1_" + "0".repeat(5000),
  ];
  for (const text of over) {
    assert.throws(
      () => numberValue(SOURCE, token("number", text), LIMITS),
      (error: unknown) =>
        error instanceof ValidationError && error.diagnostics[0]?.rule === "int-too-large",
      text.slice(0, 20),
    );
  }
});

/**
 * Hostile source never escapes as a JS exception or a stack overflow:
 * every input ends as a validated module or typed diagnostics. Covers the
 * cases named in the foundation issue, then 10,000 seeded mutations of the
 * example contracts.
 */

import assert from "node:assert/strict";
import { formatDiagnostic, MemoryState, ValidationError } from "../mod.ts";
import { compileContract } from "../ir.ts";
import { executeCall } from "../runtime.ts";
import { validate, type ValidationResult } from "../validate.ts";
import { MAX_CHAIN } from "../lib/validate/cursor.ts";
import { TEST_CONTEXT } from "./support/runtime.ts";
import { concatBytes } from "../abi.ts";
import { listFiles } from "./support/chunks.ts";
import { SeededRandom } from "./support/random.ts";

const encoder = new TextEncoder();

function outcome(input: Uint8Array | string): ValidationResult {
  const result = validate(input, "hostile.py");
  if (result.ok) {
    assert.equal(result.diagnostics.length, 0);
  } else {
    assert.ok(result.diagnostics.length > 0, "a rejection carries diagnostics");
    for (const diagnostic of result.diagnostics) {
      assert.ok(diagnostic.line >= 1 && diagnostic.column >= 1, "positions are 1-based");
      assert.equal(typeof formatDiagnostic(diagnostic, result.source), "string");
    }
  }
  return result;
}

function rules(result: ValidationResult): string[] {
  return result.diagnostics.map((d) => `${d.rule}@${d.line}:${d.column}`);
}

Deno.test("invalid UTF-8 is reported with its position", () => {
  const bytes = Uint8Array.from([
    ...encoder.encode("x = 1\ny = '"),
    0xc3,
    0x28,
    ...encoder.encode("'\n"),
  ]);
  assert.deepEqual(rules(outcome(bytes)), ["invalid-utf8@2:6"]);
  assert.deepEqual(rules(outcome(Uint8Array.from([0xed, 0xa0, 0x80]))), ["invalid-utf8@1:1"]);
  assert.deepEqual(rules(outcome(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]))), ["invalid-utf8@1:1"]);
});

Deno.test("NUL bytes are rejected", () => {
  assert.deepEqual(rules(outcome("x = 1\n\0\n")), ["null-byte@2:1"]);
});

Deno.test("a 1 MB single line is handled", () => {
  const long = "x" + "a".repeat(1_000_000);
  assert.equal(outcome(`X = "${long}"\n`).ok, true);
  assert.equal(outcome(`X = [${"1,".repeat(500_000)}]\n`).ok, true);
  assert.deepEqual(
    outcome(`X = ${"1+".repeat(500_000)}1\n`).diagnostics.map((d) => d.rule),
    ["too-deep"],
  );
  assert.deepEqual(outcome(`X = "${long}\n`).diagnostics.map((d) => d.rule), ["syntax-error"]);
});

Deno.test("10,000 nested brackets are rejected, not overflowed", () => {
  const pairs: [string, string][] = [["(", ")"], ["[", "]"], ["{", "}"]];
  for (const [open, close] of pairs) {
    const text = `X = ${open.repeat(10_000)}1${close.repeat(10_000)}\n`;
    assert.deepEqual(outcome(text).diagnostics.map((d) => d.rule), ["too-deep"]);
  }
});

Deno.test("10,000 nested if blocks are rejected, not overflowed", () => {
  const lines = ["def f(x):"];
  for (let depth = 1; depth <= 10_000; depth++) lines.push(`${" ".repeat(depth)}if x:`);
  lines.push(`${" ".repeat(10_001)}pass`);
  assert.deepEqual(outcome(lines.join("\n")).diagnostics.map((d) => d.rule), ["too-deep"]);
});

/** A function whose `if` has `links` elif branches; it returns its argument's branch. */
function elifChain(links: number): string {
  const lines = ["def main(x):", "    if x == 0:", "        return 0"];
  for (let i = 1; i <= links; i++) lines.push(`    elif x == ${i}:`, `        return ${i}`);
  return lines.join("\n") + "\n    return -1\n";
}

Deno.test("an elif chain is capped before the passes that recurse on it overflow", () => {
  // Each elif is a nested If that the checker and the compiler walk
  // recursively: 20,000 links used to overflow the JS stack (RangeError).
  assert.deepEqual(outcome(elifChain(20_000)).diagnostics.map((d) => d.rule), ["too-deep"]);
  assert.deepEqual(outcome(elifChain(MAX_CHAIN + 1)).diagnostics.map((d) => d.rule), [
    "too-deep",
  ]);
  const compiled = compileContract(elifChain(MAX_CHAIN));
  const result = executeCall({
    verified: compiled.verified,
    manifest: null,
    function: "main",
    args: [BigInt(MAX_CHAIN)],
    gasLimit: 1_000_000,
    context: TEST_CONTEXT,
    state: new MemoryState(),
  });
  assert.equal(result.value, MAX_CHAIN);
});

Deno.test("code needing more operand stack than value_stack is a diagnostic, not an internal error", () => {
  const names = (n: number) => Array.from({ length: n }, (_, i) => `a${i}`).join(", ");
  const ones = (n: number) => Array(n).fill("1").join(", ");
  const sources = [
    `def main():\n    ${names(1025)} = [1] * 1025\n    return a0\n`,
    `def main():\n    for ${names(2000)} in [[1] * 2000]:\n        return a0\n`,
    `def main():\n    return max(${ones(2000)})\n`,
    `def main():\n    return max(${ones(600)}, max(${ones(600)}))\n`,
  ];
  for (const source of sources) {
    assert.throws(
      () => compileContract(source),
      (error: unknown) =>
        error instanceof ValidationError && error.diagnostics.every((d) => d.rule === "too-deep"),
      source.slice(0, 40),
    );
  }
  compileContract(`def main():\n    ${names(1024)} = [1] * 1024\n    return a0\n`);
});

Deno.test("deep expressions without brackets are rejected, not overflowed", () => {
  const cases = [
    `X = ${"-".repeat(10_000)}1`,
    `X = ${"not ".repeat(10_000)}1`,
    `X = ${"~+".repeat(5_000)}1`,
    `X = ${"2**".repeat(10_000)}2`,
    `X = ${"1 if 1 else ".repeat(10_000)}1`,
    `X = ${"lambda: ".repeat(10_000)}1`,
    `X = a${".b".repeat(10_000)}`,
    `X = f${"()".repeat(10_000)}`,
    `X = a${"[0]".repeat(10_000)}`,
    `X = ${"await ".repeat(10_000)}1`,
  ];
  for (const text of cases) {
    const result = outcome(text + "\n");
    assert.equal(result.ok, false, text.slice(0, 20));
    assert.ok(
      result.diagnostics.some((d) => d.rule === "too-deep" || d.rule === "syntax-error"),
      text.slice(0, 20),
    );
  }
});

Deno.test("unterminated strings are syntax errors with their line", () => {
  assert.deepEqual(rules(outcome('x = 1\ny = "abc\n')), ["syntax-error@2:5"]);
  assert.deepEqual(rules(outcome("x = '''abc\n\n")), ["syntax-error@1:5"]);
  assert.match(
    outcome("x = '''abc\n\n").diagnostics[0]?.message ?? "",
    /unterminated triple-quoted/,
  );
  assert.deepEqual(rules(outcome('x = b"\\')), ["syntax-error@1:5"]);
});

Deno.test("mixed tabs and spaces are a TabError", () => {
  assert.deepEqual(rules(outcome("def f():\n    x = 1\n\tif x:\n\t\tpass\n")), ["tab-error@3:1"]);
  assert.equal(outcome("def f():\n\tx = 1\n\treturn x\n").ok, true);
});

Deno.test("empty and whitespace-only sources are accepted", () => {
  for (const text of ["", "\n", "   \n\t\n", "# only a comment", "\ufeff\n"]) {
    assert.equal(outcome(text).ok, true, JSON.stringify(text));
  }
});

const ALPHABET = [
  ..."()[]{}:;,.'\"\\#=+-*/%@&|^~<>!? \t\n\r\f0123456789abcdefxyzjJ_".split(""),
  "def ",
  "if ",
  "else:",
  "lambda",
  "return",
  "    ",
  '"""',
  "é",
  "😀",
  "\u00a0",
  "\0",
];

function mutate(random: SeededRandom, base: Uint8Array, pieces: Uint8Array[]): Uint8Array {
  let bytes = base;
  const rounds = 1 + random.below(4);
  for (let round = 0; round < rounds; round++) {
    const at = random.below(bytes.length + 1);
    const length = random.below(Math.min(40, bytes.length - at) + 1);
    switch (random.below(5)) {
      case 0: // delete a range
        bytes = concatBytes(bytes.subarray(0, at), bytes.subarray(at + length));
        break;
      case 1: // insert a token-like piece
        bytes = concatBytes(bytes.subarray(0, at), random.pick(pieces), bytes.subarray(at));
        break;
      case 2: // duplicate a range
        bytes = concatBytes(
          bytes.subarray(0, at + length),
          bytes.subarray(at, at + length),
          bytes.subarray(at + length),
        );
        break;
      case 3: // overwrite one byte with anything
        bytes = Uint8Array.from(bytes);
        if (at < bytes.length) bytes[at] = random.below(256);
        break;
      default: // truncate
        bytes = bytes.subarray(0, at);
    }
  }
  return bytes;
}

Deno.test("10,000 seeded mutations of the examples end as ASTs or typed diagnostics", () => {
  const examples = new URL("../examples/", import.meta.url);
  const bases: Uint8Array[] = [];
  for (const entry of Deno.readDirSync(examples)) {
    if (entry.isDirectory) {
      for (const file of listFiles(new URL(`${entry.name}/`, examples), ".py")) {
        bases.push(Deno.readFileSync(file));
      }
    }
  }
  assert.ok(bases.length >= 3);
  const pieces = ALPHABET.map((piece) => encoder.encode(piece));
  const random = new SeededRandom(0x5eed);
  let accepted = 0;
  for (let i = 0; i < 10_000; i++) {
    const input = mutate(random, random.pick(bases), pieces);
    if (outcome(input).ok) accepted++;
  }
  assert.ok(accepted > 0 && accepted < 10_000, `accepted ${accepted} of 10,000`);
});

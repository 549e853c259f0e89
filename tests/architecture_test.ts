/**
 * Layering and purity rules of lib/ (DESIGN §1, STYLE.md): lib/ never
 * imports cli.ts, chain/ sits on top (nothing below imports it), runtime/
 * never imports the compiler's lowering, validate/
 * imports nothing above it, and no lib/ file touches Deno, the clock,
 * randomness, performance counters or locale-dependent APIs.
 */

import assert from "node:assert/strict";
import { Op } from "../lib/compile/opcodes.ts";
import { Fused } from "../lib/runtime/decode.ts";
import { sourceFiles, staticImports } from "./support/sources.ts";

/** The .ts files of lib/, each with its path from lib/. */
function libFiles(): { path: string; text: string }[] {
  return sourceFiles("lib/").map((file) => ({
    path: file.path.slice("lib/".length),
    text: file.text,
  }));
}

const FORBIDDEN: [RegExp, string][] = [
  [/\bDeno\./, "Deno.*"],
  [/\bDate\b/, "Date"],
  [/\bMath\.random\b/, "Math.random"],
  [/\bperformance\b/, "performance"],
  [/\btoLocale\w*\(/, "toLocale*"],
  [/\blocaleCompare\(/, "localeCompare"],
  [/\bIntl\./, "Intl"],
  [/\bcrypto\.getRandomValues\b/, "crypto.getRandomValues"],
  [/\bfetch\(/, "fetch"],
];

Deno.test("lib/ stays pure: no I/O, clock, randomness or locale", () => {
  const files = libFiles().filter((file) => !file.path.endsWith("_test.ts"));
  assert.ok(files.length > 10);
  const violations: string[] = [];
  for (const file of files) {
    const code = file.text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    for (const [pattern, name] of FORBIDDEN) {
      if (pattern.test(code)) violations.push(`${file.path} uses ${name}`);
    }
  }
  assert.deepEqual(violations, []);
});

Deno.test("lib/ layering: validate <- compile <- runtime; nothing imports cli.ts", () => {
  const violations: string[] = [];
  for (const file of libFiles()) {
    for (const target of staticImports(file.text)) {
      if (target.includes("cli.ts")) violations.push(`${file.path} imports ${target}`);
      if (file.path.startsWith("validate/") && /\/(compile|runtime|abi)\//.test(`/${target}`)) {
        violations.push(`${file.path} (validate) imports ${target}`);
      }
      if (file.path.startsWith("compile/") && target.includes("runtime/")) {
        violations.push(`${file.path} (compile) imports ${target}`);
      }
      if (!file.path.startsWith("chain/") && target.includes("/chain/")) {
        violations.push(`${file.path} imports the chain layer above it: ${target}`);
      }
      if (file.path.startsWith("runtime/") && /compile\/(lower|_lower)/.test(target)) {
        violations.push(`${file.path} (runtime) imports the compiler's lowering ${target}`);
      }
    }
  }
  assert.deepEqual(violations, []);
});

Deno.test("interpreter: every case label is a hex literal; superinstruction labels match decode.ts", () => {
  // V8 compiles a switch to a jump table only when every label is a literal;
  // one `case Op.X:` turns the whole dispatch into a chain of comparisons.
  const source = Deno.readTextFileSync(new URL("../lib/runtime/interpreter.ts", import.meta.url));
  const labels = [...source.matchAll(/^\s*case ([^:]+):/gm)].map((m) => m[1] ?? "");
  assert.ok(labels.length > 80, `${labels.length} labels`);
  assert.deepEqual(labels.filter((label) => !/^(0x[0-9a-f]{2}|"[a-z]+")$/.test(label)), []);
  const fused = [...source.matchAll(/case (0x[0-9a-f]{2}):(?: \{)? \/\/ fused ([A-Z_]+)/g)];
  assert.equal(fused.length, Object.keys(Fused).length);
  const wrong = fused.filter(([, code, name]) =>
    Fused[name as keyof typeof Fused] !== Number(code)
  );
  assert.deepEqual(wrong.map(([label]) => label), []);
});

Deno.test("interpreter: the dispatch loop creates no closures", () => {
  // A closure over the loop's locals (pc, frame, sp, gas) makes V8 keep them
  // in a heap context instead of registers, for every instruction.
  const source = Deno.readTextFileSync(new URL("../lib/runtime/interpreter.ts", import.meta.url));
  const start = source.indexOf("  #execute(");
  const end = source.indexOf("\n  }\n", start);
  assert.ok(start > 0 && end > start);
  const body = source.slice(start, end).replace(/\/\/.*$/gm, "");
  assert.deepEqual([...body.matchAll(/=>|\bfunction\b/g)].map((m) => m[0]), []);
});

Deno.test("interpreter: every `case 0xNN: // NAME` label is the table's code for NAME", () => {
  const source = Deno.readTextFileSync(new URL("../lib/runtime/interpreter.ts", import.meta.url));
  const labels = [...source.matchAll(/case (0x[0-9a-f]{2}):(?: \{)? \/\/ ([A-Z_0-9]+)/g)];
  assert.ok(labels.length > 50, `${labels.length} labels`);
  const wrong = labels.filter(([, code, name]) => Op[name as keyof typeof Op] !== Number(code)).map(
    ([label]) => label,
  );
  assert.deepEqual(wrong, []);
  const handled = new Set(labels.map(([, code]) => Number(code)));
  const unhandled = Object.values(Op).filter((code) => !handled.has(code));
  assert.deepEqual(unhandled, [], "opcodes the interpreter has no case for");
});

Deno.test("runtime: every dynamic charge names a cost of the generated tables", () => {
  const problems: string[] = [];
  for (const { path, text } of libFiles()) {
    if (!path.startsWith("runtime/") || path.endsWith("_test.ts")) continue;
    // A rate written at a call site: pay() with an object literal or a number, or a raw charge.
    for (const match of text.matchAll(/\.pay\(\s*(\{|\d)/g)) problems.push(`${path}: ${match[0]}`);
    for (const match of text.matchAll(/\.charge\(\s*\d/g)) problems.push(`${path}: ${match[0]}`);
    if (/\bper:\s*\d/.test(text)) problems.push(`${path}: a literal per-unit rate`);
  }
  assert.deepEqual(problems, []);
});

/**
 * The JS engine's Unicode data (case mapping, normalisation, property
 * escapes) changes with its Unicode version; str semantics must come from
 * CPython 3.11's tables (lib/runtime/unicode.ts, case.ts) or ASCII helpers
 * (lib/text_units.ts). The tokenizer's identifier rules still read the
 * engine's ID_Start/ID_Continue and NFKC (a known gap, outside str values).
 */
const ENGINE_UNICODE: [RegExp, string][] = [
  [/\.toUpperCase\(/, "toUpperCase"],
  [/\.toLowerCase\(/, "toLowerCase"],
  [/\.normalize\(/, "normalize"],
  [/\\[pP]\{/, "a \\p{...} property escape"],
  [/\blocaleCompare\b/, "localeCompare"],
];
const ENGINE_UNICODE_EXEMPT: ReadonlySet<string> = new Set(["validate/tokenizer.ts"]);

Deno.test("lib/ never uses the engine's Unicode tables (case mapping, normalize, \\p{...})", () => {
  const violations: string[] = [];
  for (const file of libFiles()) {
    if (file.path.endsWith("_test.ts") || ENGINE_UNICODE_EXEMPT.has(file.path)) continue;
    const code = file.text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    for (const [pattern, name] of ENGINE_UNICODE) {
      if (pattern.test(code)) violations.push(`${file.path} uses ${name}`);
    }
  }
  assert.deepEqual(violations, []);
});

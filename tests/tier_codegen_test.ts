/**
 * The compiled tier's generated code: no contract data is ever part of its
 * source (constants, names, numbers and strings reach it through arrays),
 * its size stays proportional to the IR (a module whose instructions move
 * too many stack values per byte is interpreted), and where code generation
 * from strings is forbidden every call runs on the interpreter with the
 * same outcome.
 */

import assert from "node:assert/strict";
import { compileContract, type IrModule, verifyModule } from "../ir.ts";
import { writeInstruction } from "../lib/compile/ir.ts";
import { Op } from "../lib/compile/opcodes.ts";
import { generateContract } from "../bench/generated_contract.ts";
import { compiledTier, withTier } from "../lib/runtime/tier.ts";
import { generateFunction } from "../lib/runtime/tier_codegen.ts";
import { compilable, MAX_COMPILED_INSTRUCTIONS } from "../lib/runtime/tier_plan.ts";
import { repr } from "../lib/runtime/repr.ts";
import { OUTPUT_METER } from "../lib/runtime/walk.ts";
import { callOn, onBothTiers } from "./support/tier_compare.ts";

const HOSTILE = [
  '"); throw new Error("pwned"); //',
  "${globalThis.pwned = 1}`",
  "*/ pwned() /*",
  "\\u0027; pwned(); \\u0027",
  "</script>",
];

const NUMBERS = ["987654321", "123456789123456789123", "31415926", "271828"];

const SOURCE = `
def zq_hostile_helper(zq_param_name, other):
    return [zq_param_name, other]

def main():
    values = [${HOSTILE.map((text) => JSON.stringify(text)).join(", ")}]
    n = 987654321
    big = 123456789123456789123
    d = {"__proto__": 31415926, "constructor": -271828}
    b = b"*/ pwned() /*"
    s = sorted([3, 1, 2], reverse=True)
    return [values, n, big, d, b, s, zq_hostile_helper(zq_param_name=n, other="kw_zq_name")]
`;

Deno.test("generated source holds no contract constant, name, string or number", () => {
  const verified = compileContract(SOURCE).verified;
  const sources = verified.functions.map((fn, index) =>
    generateFunction(verified.module, fn, index).source
  );
  const text = sources.join("\n");
  const forbidden = [
    ...HOSTILE,
    ...NUMBERS,
    "pwned",
    "zq_hostile_helper",
    "zq_param_name",
    "kw_zq_name",
    "__proto__",
    "constructor",
  ];
  for (const needle of forbidden) assert.ok(!text.includes(needle), `source contains ${needle}`);
  const [compiled, interpreted] = onBothTiers(verified, "main", [], 1_000_000);
  assert.equal(compiled, interpreted);
  assert.match(compiled, /987654321/);
});

Deno.test("generated source is proportional to the IR", () => {
  const source = `${generateContract(400)}\ndef main() -> int:\n    return helper_2(9, {})\n`;
  const verified = compileContract(source).verified;
  assert.notEqual(compiledTier(verified), null);
  verified.functions.forEach((fn, index) => {
    const generated = generateFunction(verified.module, fn, index).source.length;
    const bytes = verified.module.functions[index]?.code.length ?? 0;
    assert.ok(
      generated <= 600 * bytes + 2_000,
      `function ${index}: ${generated} chars, ${bytes} bytes`,
    );
  });
});

Deno.test("a module whose instructions move too many stack values per byte is interpreted", () => {
  const base = compileContract("def main():\n    return 1\n").verified.module;
  const code: number[] = [];
  for (let i = 0; i < 1_000; i++) writeInstruction(code, Op.NONE, []);
  for (let i = 0; i < 300; i++) {
    writeInstruction(code, Op.BUILD_LIST, [1_000]);
    writeInstruction(code, Op.UNPACK, [1_000]);
  }
  writeInstruction(code, Op.BUILD_TUPLE, [1_000]);
  writeInstruction(code, Op.RETURN, []);
  const main = base.functions[1];
  assert.ok(main !== undefined);
  const module: IrModule = {
    ...base,
    functions: [base.functions[0] ?? main, { ...main, code: Uint8Array.from(code), lines: [] }],
  };
  const verified = verifyModule(module);
  assert.equal(compilable(verified), false);
  assert.equal(compiledTier(verified), null);
  assert.equal(callOn(verified, "main", [], 10_000_000).ok, true);
});

Deno.test("a module with a function too long for the engine to compile cheaply is interpreted", () => {
  const lines = (n: number) => `def main():\n${"    x = 1\n".repeat(n)}    return 0\n`;
  const short = compileContract(lines(MAX_COMPILED_INSTRUCTIONS / 2 - 8)).verified;
  const long = compileContract(lines(MAX_COMPILED_INSTRUCTIONS / 2 + 8)).verified;
  assert.notEqual(compiledTier(short), null);
  assert.equal(compiledTier(long), null);
  assert.equal(callOn(long, "main", [], 10_000_000).ok, true);
});

Deno.test("without code generation from strings, calls run on the interpreter with the same outcome", async () => {
  const command = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-read",
      "--v8-flags=--disallow-code-generation-from-strings",
      new URL("./support/tier_fallback_child.ts", import.meta.url).pathname,
    ],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  });
  const child = command.spawn();
  const writer = child.stdin.getWriter();
  await writer.write(compileContract(SOURCE).bytes);
  await writer.close();
  const output = await child.output();
  assert.equal(output.code, 0, new TextDecoder().decode(output.stderr));
  const report = JSON.parse(new TextDecoder().decode(output.stdout));
  assert.equal(report.allowed, false);
  assert.equal(report.compiled, false);
  const verified = compileContract(SOURCE).verified;
  const expected = withTier("interpreter", () => callOn(verified, "main", [], 1_000_000));
  assert.equal(report.gas, expected.gasUsed);
  assert.equal(report.value, repr(OUTPUT_METER, expected.value));
  assert.equal(report.failure, null);
});

Deno.test("a loop of one body block runs as a JS loop, exactly as the interpreter at every gas limit", () => {
  const verified = compileContract(`
def main():
    total = 0
    for x in [3, 1, 4, 1, 5]:
        total += x
    i = 0
    while i < 6:
        i += 1
    return total + i
`).verified;
  const main = verified.module.functions.findIndex((fn) => fn.name === "main");
  const fn = verified.functions[main];
  assert.ok(fn !== undefined);
  const source = generateFunction(verified.module, fn, main).source;
  assert.equal(
    source.match(/case \d+: case \d+: loop\d+: for \(;;\) \{/g)?.length,
    2,
    "both loops rotated",
  );
  const full = callOn(verified, "main", [], 1_000_000);
  assert.ok(full.ok);
  for (let limit = 0; limit <= full.gasUsed; limit++) {
    const [compiled, interpreted] = onBothTiers(verified, "main", [], limit);
    assert.equal(compiled, interpreted, `gas limit ${limit}`);
  }
});

Deno.test("a loop of several body blocks runs as a JS loop, exactly as the interpreter at every gas limit", () => {
  const verified = compileContract(`
def main():
    total = 0
    for i in range(12):
        if i % 3 == 0:
            total += i * i
        elif i % 3 == 1:
            continue
        else:
            total -= i
    evens = [v for v in range(10) if v % 2 == 0]
    j = 0
    while j < 20:
        j += 1
        if j == 7:
            break
        try:
            total += 10 // (j - 4)
        except ZeroDivisionError:
            total += 1000
    for a in range(3):
        for b in range(a):
            total += b
    return total, evens, j
`).verified;
  const main = verified.module.functions.findIndex((fn) => fn.name === "main");
  const fn = verified.functions[main];
  assert.ok(fn !== undefined);
  const source = generateFunction(verified.module, fn, main).source;
  const rotated = source.match(/case \d+: case \d+: loop\d+: for \(;;\) \{/g)?.length ?? 0;
  assert.ok(rotated >= 4, `${rotated} loops rotated`);
  assert.match(source, /break to\d+;/, "a forward jump leaves a labeled block");
  const full = callOn(verified, "main", [], 1_000_000);
  assert.ok(full.ok);
  for (let limit = 0; limit <= full.gasUsed; limit++) {
    const [compiled, interpreted] = onBothTiers(verified, "main", [], limit);
    assert.equal(compiled, interpreted, `gas limit ${limit}`);
  }
});

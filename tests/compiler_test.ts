/**
 * The compiler (issue: stack IR, canonical encoding, verifier,
 * disassembler, static gas bounds): the opcode table is current and agrees
 * with the language surface; goldens pin bytes and disassembly; encoding
 * round-trips byte for byte; compilation is reproducible across processes;
 * every accepted program compiles; the estimator matches hand counts.
 */

import { Fused } from "../lib/runtime/decode.ts";
import assert from "node:assert/strict";
import { Chain, IrDecodeError, IrVerifyError } from "../mod.ts";
import { validate } from "../validate.ts";
import { toHex } from "../abi.ts";
import {
  BUILTINS,
  compileContract,
  decodeModule,
  encodeModule,
  estimateGas,
  METHODS,
  Op,
  STDLIB,
  verifyModule,
} from "../ir.ts";
import {
  ALLOWED_BUILTINS,
  METHOD_NAMES,
  STDLIB as STDLIB_SURFACE,
  TYPE_METHODS,
} from "../lib/validate/allowlist.ts";
import { RETURN_WALK_MAX } from "../lib/compile/estimate.ts";
import { renderOpcodeTable } from "../tools/opcode_table.ts";
import { generateContract } from "../bench/generated_contract.ts";
import { listFiles, readChunks } from "./support/chunks.ts";
import { corpusLines, goldenFiles, receiptLines } from "./support/golden.ts";

Deno.test("opcode table: lib/compile/opcodes_generated.ts is current (run `deno task gas`)", () => {
  const spec = Deno.readTextFileSync(new URL("../spec/opcodes_vm_py.yaml", import.meta.url));
  const committed = Deno.readTextFileSync(
    new URL("../lib/compile/opcodes_generated.ts", import.meta.url),
  );
  assert.equal(committed, renderOpcodeTable(spec));
});

Deno.test("opcode table: builtins, methods and stdlib match the language surface", () => {
  const names = (table: readonly ({ readonly name: string } | null)[]) =>
    table.flatMap((entry) => (entry === null ? [] : [entry.name])).sort();
  const builtins = [
    ...ALLOWED_BUILTINS,
    ...Object.entries(TYPE_METHODS).flatMap(([type, methods]) =>
      methods.map((m) => `${type}.${m}`)
    ),
  ];
  assert.deepEqual(names(BUILTINS), builtins.sort());
  assert.deepEqual(names(METHODS), [...METHOD_NAMES].sort());
  const stdlib = Object.entries(STDLIB_SURFACE).flatMap(([module, members]) =>
    Object.keys(members).map((m) => `${module}.${m}`)
  );
  assert.deepEqual(names(STDLIB), stdlib.sort());
});

Deno.test("goldens: each example's IR bytes and disassembly are unchanged (`deno task golden:update` to rewrite)", () => {
  const goldens = goldenFiles();
  assert.ok(goldens.length >= 3);
  for (const golden of goldens) {
    assert.equal(golden.hex, Deno.readTextFileSync(golden.hexPath), `${golden.name}.ir.hex`);
    assert.equal(golden.disassembly, Deno.readTextFileSync(golden.disPath), `${golden.name}.dis`);
  }
});

function acceptedPrograms(): string[] {
  const sources = [generateContract(300)];
  for (const file of listFiles(new URL("./conformance/validate/", import.meta.url), ".py")) {
    for (const chunk of readChunks(Deno.readTextFileSync(file))) {
      if (!chunk.hasRawBytes) sources.push(chunk.text);
    }
  }
  for (const file of listFiles(new URL("./corpus/syntax/", import.meta.url), ".py")) {
    sources.push(...Deno.readTextFileSync(file).split(/^# ---.*\n/m));
  }
  for (const golden of goldenFiles()) {
    sources.push(Deno.readTextFileSync(`examples/${golden.name}/${golden.name}.py`));
  }
  return sources.filter((source) => validate(source).ok);
}

Deno.test("every accepted program compiles, verifies and round-trips byte for byte", () => {
  const programs = acceptedPrograms();
  assert.ok(programs.length >= 100, `${programs.length} programs`);
  for (const program of programs) {
    const compiled = compileContract(program);
    const again = encodeModule(decodeModule(compiled.bytes));
    assert.equal(toHex(again), toHex(compiled.bytes));
  }
});

Deno.test("a str led by U+FEFF round-trips, and its contract runs from stored code", () => {
  // cborg's text decoder dropped a leading U+FEFF, so such IR failed its re-encoding check once
  // stored, and the contract could be deployed but not called.
  const source = 'def f() -> str:\n    return "\\ufeffhi" + "a\\ufeff"\n';
  const compiled = compileContract(source);
  assert.equal(toHex(encodeModule(decodeModule(compiled.bytes))), toHex(compiled.bytes));
  const manifest = {
    name: "bom",
    version: "1.0.0",
    entry: "bom.py",
    abi: { functions: [{ name: "f", inputs: [], outputs: [{ type: "str" }] }], events: [] },
  };
  const chain = new Chain();
  const deployed = chain.deploy({ manifest, source });
  const receipt = chain.at(deployed.address).call("f");
  assert.equal(receipt.ok, true);
  assert.equal(receipt.value, "\ufeffhia\ufeff");
});

Deno.test("compiling the same source in two processes gives identical bytes", async () => {
  const script = `import { compileContract } from "${new URL("../mod.ts", import.meta.url).href}";
import { toHex } from "${new URL("../abi.ts", import.meta.url).href}";
console.log(toHex(compileContract(Deno.readFileSync("examples/token/token.py")).bytes));`;
  const run = async () => {
    const output = await new Deno.Command(Deno.execPath(), {
      args: ["eval", script],
      stdout: "piped",
      stderr: "piped",
    })
      .output();
    assert.ok(output.success, new TextDecoder().decode(output.stderr));
    return new TextDecoder().decode(output.stdout).trim();
  };
  const [first, second] = await Promise.all([run(), run()]);
  assert.match(first, /^0x[0-9a-f]+$/);
  assert.equal(first, second);
});

Deno.test("estimator: hand-counted bounds", () => {
  // Initialiser: NONE 1 + RETURN 2 = 3 gas, charged before every call.
  const compiled = compileContract(`def one():
    return 1

def pick(a):
    if a:
        return 1
    return 2

def flip():
    t = False
    for i in range(3):
        t = not t
    return t

def spin(n):
    while n:
        n = not n
    return n
`);
  const estimates = estimateGas(compiled);
  // one: SMALL_INT 1 + RETURN 2
  assert.deepEqual(estimates.get("one"), { kind: "exact", gas: 3 + 3 });
  // pick: LOAD_LOCAL 1 + JUMP_IF_FALSE 2 + SMALL_INT 1 + RETURN 2 on either path
  assert.deepEqual(estimates.get("pick"), { kind: "bounded", max: 3 + 6, dominant: "" });
  // flip: FALSE 1, STORE 1, SMALL_INT 1, CALL_BUILTIN range 3, GET_ITER 2,
  //   3 x (FOR_ITER 2, STORE 1, LOAD 1, NOT 1, STORE 1, JUMP 1) + final FOR_ITER 2,
  //   LOAD 1, RETURN 2; it returns a local, which could be a container: plus the largest return walk
  assert.deepEqual(estimates.get("flip"), {
    kind: "bounded",
    max: 3 + (1 + 1 + 1 + 3 + 2) + 3 * 7 + 2 + (1 + 2) + RETURN_WALK_MAX,
    dominant: "the walk of a returned container",
  });
  assert.deepEqual(estimates.get("spin"), { kind: "unbounded", reason: "while loop at line 16" });
});

Deno.test("golden receipts: gas used and receipt hashes of the example scenarios are unchanged", () => {
  const committed = JSON.parse(
    Deno.readTextFileSync(new URL("./golden/receipts.json", import.meta.url)),
  );
  const lines = receiptLines();
  assert.deepEqual(lines, committed);
  assert.ok(lines.some((line) => !line.ok) && lines.some((line) => line.ok));
});

Deno.test("golden corpus: gas used, values and failures of every corpus program are unchanged", () => {
  const committed = JSON.parse(
    Deno.readTextFileSync(new URL("./golden/corpus.json", import.meta.url)),
  );
  const lines = corpusLines();
  assert.ok(lines.length > 200, `only ${lines.length} corpus programs`);
  assert.deepEqual(lines, committed);
  assert.ok(lines.some((line) => !line.ok) && lines.some((line) => line.ok));
});

Deno.test("verifier: the interpreter's superinstruction codes are unknown opcodes in IR", () => {
  const base = decodeModule(compileContract("def f(a):\n    return a\n").bytes);
  for (const code of Object.values(Fused)) {
    const bytes = [Op.LOAD_LOCAL, 0, code, 0, Op.RETURN];
    assert.throws(
      () =>
        verifyModule({
          ...base,
          functions: base.functions.map((f, i) =>
            i === 1 ? { ...f, code: Uint8Array.from(bytes), lines: [] } : f
          ),
        }),
      (error: unknown) =>
        error instanceof IrDecodeError &&
        error.message.includes(`unknown opcode 0x${code.toString(16)}`),
    );
  }
});

Deno.test("verifier: rejects bad operands, calls and stack heights with typed errors", () => {
  const base = decodeModule(compileContract("X = 1\ndef f(a):\n    return len(a, k=X)\n").bytes);
  const fn = base.functions[1];
  assert.ok(fn !== undefined);
  const names = base.consts.findIndex((c) => c.kind === "names");
  const withCode = (code: number[]) => ({
    ...base,
    functions: base.functions.map((
      f,
      i,
    ) => (i === 1 ? { ...f, code: Uint8Array.from(code), lines: [] } : f)),
  });
  const cases: [number[], RegExp][] = [
    [[Op.CONST, names, Op.RETURN], /cannot push a keyword-names constant/],
    [[Op.LOAD_LOCAL, 9, Op.RETURN], /local slot 9 is out of range/],
    [[Op.LOAD_FREE, 9, Op.RETURN], /local slot 9 is out of range/],
    [[Op.DELETE_LOCAL, 9, Op.NONE, Op.RETURN], /local slot 9 is out of range/],
    [[Op.NONE, Op.CHECK_METHOD, 120, Op.RETURN], /method 120 is out of range/],
    [[Op.CHECK_METHOD, 1, Op.RETURN], /needs 1 values, the stack has 0/],
    [[Op.POP, Op.NONE, Op.RETURN], /needs 1 values, the stack has 0/],
    [[Op.NONE], /falls off the end/],
    [[Op.JUMP, 7], /jump target 7 is out of range/],
    [[Op.STORE_GLOBAL, 0, Op.NONE, Op.RETURN], /only allowed in the module initialiser/],
    [[Op.TRUE, Op.JUMP_IF_TRUE, 4, Op.NONE, Op.NONE, Op.RETURN], /stack height/],
  ];
  for (const [code, pattern] of cases) {
    assert.throws(
      () => verifyModule(withCode(code)),
      (error: unknown) => error instanceof IrVerifyError && pattern.test(error.message),
      pattern.source,
    );
  }
});

/**
 * Caps the compiler and the IR loader enforce (issue 9, findings 6 and 9):
 * compile time is linear in line length, `code_size` is refused by the
 * compiler, the decoder and the verifier (and so by `compile`, `inspect`
 * and `run`), int literals and IR constants respect `int_bits`.
 */

import assert from "node:assert/strict";
import { IrDecodeError, IrVerifyError, ValidationError } from "../mod.ts";
import {
  compileContract,
  decodeModule,
  encodeModule,
  type IrModule,
  loadModule,
  verifyModule,
} from "../ir.ts";
import { CAPS } from "../lib/compile/opcodes.ts";
import { runCli } from "./support/cli.ts";
import { HANG_CEILING_MS, HANG_CEILING_TEXT } from "./support/hang_ceiling.ts";

/** A one-line list display of `items` ones: about 2 bytes of source per item. */
function oneLineList(items: number): string {
  return `X = [${"1,".repeat(items)}]\ndef f() -> int:\n    return len(X)\n`;
}

function ruleOf(error: unknown): string | undefined {
  return error instanceof ValidationError ? error.diagnostics[0]?.rule : undefined;
}

/** A small compiled module with `consts` appended to its constant pool. */
function withConsts(consts: IrModule["consts"]): IrModule {
  const { module } = compileContract("def f() -> int:\n    return 1\n");
  return { ...module, consts: [...module.consts, ...consts] };
}

/** Best of three wall-clock times of compiling `source`. */
function bestCompileMs(source: string): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    compileContract(source);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

Deno.test("compile: a 700 KB one-line list is refused by code_size, after lowering in linear time", () => {
  const source = oneLineList(350_000);
  assert.ok(source.length > 700_000);
  const started = performance.now();
  assert.throws(
    () => compileContract(source),
    (error: unknown) => {
      assert.equal(ruleOf(error), "code-size");
      assert.ok(error instanceof ValidationError);
      const diagnostic = error.diagnostics[0];
      assert.deepEqual([diagnostic?.line, diagnostic?.column], [1, 1]);
      assert.match(diagnostic?.message ?? "", /over the 1048576-byte code_size cap/);
      return true;
    },
  );
  // Ten times the line, about ten times the time: a ratio, not a wall-clock
  // ceiling, so a loaded machine slows both sides alike. Quadratic position
  // lookups made it ~100 (over 300 s for this line); linear ones make it ~10.
  const ratio = (performance.now() - started) / bestCompileMs(oneLineList(35_000));
  assert.ok(ratio < 30, `10x the line took ${ratio.toFixed(1)}x the time`);
});

Deno.test("compile: a long line under code_size compiles and loads back", () => {
  const fits = compileContract(oneLineList(1_000));
  assert.ok(fits.bytes.length <= CAPS.code_size);
  assert.equal(loadModule(fits.bytes).module.functions.length, 2);
});

Deno.test("decode and verify: a module over code_size is refused however it was built", () => {
  const module = withConsts([{ kind: "bytes", value: new Uint8Array(CAPS.code_size) }]);
  const bytes = encodeModule(module);
  assert.ok(bytes.length > CAPS.code_size);
  assert.throws(() => decodeModule(bytes), IrDecodeError);
  assert.throws(() => loadModule(bytes), /code_size cap/);
  assert.throws(() => verifyModule(module), IrVerifyError);
  assert.throws(() => verifyModule(module), /code_size cap/);
});

Deno.test("compile: a 900,000-digit int literal is int-too-large at its line and column, at once", () => {
  const source = `def f() -> int:\n    return 1 + ${"9".repeat(900_000)}\n`;
  const started = performance.now();
  assert.throws(
    () => compileContract(source, { file: "big.py" }),
    (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      const [diagnostic] = error.diagnostics;
      assert.equal(diagnostic?.rule, "int-too-large");
      assert.deepEqual([diagnostic?.line, diagnostic?.column], [2, 16]);
      assert.match(diagnostic?.hint ?? "", /2\*\*4096/);
      return true;
    },
  );
  assert.ok(
    performance.now() - started < HANG_CEILING_MS,
    `rejecting the literal took over ${HANG_CEILING_TEXT}`,
  );
});

Deno.test("compile: int literals up to 2**4096 - 1 in every base compile; 2**4096 does not", () => {
  const largest = 2n ** 4096n - 1n;
  for (
    const literal of [largest.toString(), `0x${largest.toString(16)}`, `0o${largest.toString(8)}`]
  ) {
    const { module } = compileContract(`X = -${literal}\n`);
    assert.ok(module.consts.some((c) => c.kind === "int" && c.value === largest));
  }
  for (
    const literal of [(largest + 1n).toString(), `0b1${"0".repeat(4096)}`, `0o1${"0".repeat(1366)}`]
  ) {
    assert.throws(
      () => compileContract(`X = ${literal}\n`),
      (e: unknown) => ruleOf(e) === "int-too-large",
    );
  }
});

Deno.test("decode: IR int constants at or over 2**int_bits are refused, the huge ones before decoding", () => {
  const limit = 2n ** BigInt(CAPS.int_bits);
  for (const value of [limit - 1n, -(limit - 1n)]) {
    const decoded = decodeModule(encodeModule(withConsts([{ kind: "int", value }])));
    assert.deepEqual(decoded.consts.at(-1), { kind: "int", value });
  }
  for (const value of [limit, -limit, 2n ** 6_300_000n]) {
    const bytes = encodeModule(withConsts([{ kind: "int", value }]));
    const started = performance.now();
    assert.throws(() => decodeModule(bytes), IrDecodeError);
    assert.throws(() => decodeModule(bytes), /4096-bit int cap/);
    assert.ok(performance.now() - started < HANG_CEILING_MS);
  }
});

Deno.test("cli: compile refuses an IR over code_size (exit 1, nothing written); inspect and run refuse too", async () => {
  const directory = await Deno.makeTempDir();
  try {
    const source = `${directory}/big.py`;
    Deno.writeTextFileSync(source, oneLineList(100_000));
    const out = `${directory}/big.ir`;
    const compiled = await runCli(["compile", source, "--out", out]);
    assert.equal(compiled.code, 1, compiled.stderr);
    assert.match(compiled.stdout, /big\.py:1:1: code-size: module is \d+ bytes of encoded IR/);
    assert.deepEqual([...Deno.readDirSync(directory)].map((entry) => entry.name), ["big.py"]);

    const hostile = `${directory}/hostile.ir`;
    Deno.writeFileSync(
      hostile,
      encodeModule(withConsts([{ kind: "bytes", value: new Uint8Array(CAPS.code_size) }])),
    );
    const inspected = await runCli(["inspect", hostile]);
    assert.equal(inspected.code, 2);
    assert.match(inspected.stderr, /code_size cap/);

    Deno.writeTextFileSync(
      `${directory}/manifest.json`,
      JSON.stringify({
        name: "big",
        version: "1.0.0",
        entry: "big.py",
        abi: { functions: [{ name: "f", inputs: [], outputs: [{ type: "int" }] }], events: [] },
      }),
    );
    const ran = await runCli([
      "run",
      "--manifest",
      `${directory}/manifest.json`,
      "--call",
      "f",
      "--state",
      `${directory}/state.json`,
    ]);
    assert.equal(ran.code, 2, ran.stdout);
    assert.match(ran.stderr, /code-size/);
  } finally {
    await Deno.remove(directory, { recursive: true });
  }
});

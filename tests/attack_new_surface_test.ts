/**
 * Attacks on the surface added with sets, the Animica dialect and the
 * profiler: work a contract can make the VM do that was not paid in
 * proportion, caps and errors on hostile values, and hashes that must stay
 * CPython's after being made fast. Each cost case repeats an operation under
 * a gas limit and expects a deterministic failure (bound by gas, with a
 * generous hang ceiling, tests/support/hang_ceiling.ts).
 */

import assert from "node:assert/strict";
import { GasProfiler, MAX_STACKS, OTHER_STACKS } from "../lib/runtime/profile.ts";
import { previewValue } from "../lib/runtime/preview.ts";
import { pyHash } from "../lib/runtime/py_hash.ts";
import { PyList, PyTuple, type Value } from "../lib/runtime/values.ts";
import { HANG_CEILING_MS, HANG_CEILING_TEXT } from "./support/hang_ceiling.ts";
import { runFamilies, statementsCase } from "./support/conformance_sweep.ts";
import { pythonUnavailableReason } from "./support/python.ts";
import { SeededRandom } from "./support/random.ts";
import { runCli } from "./support/cli.ts";
import { callCompiled, runSource } from "./support/runtime.ts";
import { compileContract } from "../ir.ts";

/** [name, program (a `main`), expected failure kind, gas limit]. */
type Case = readonly [string, string, string, number];

const CASES: readonly Case[] = [
  [
    // A keys view's elements were paid as keys when they entered the dict; their hash must pay
    // the big ints it reduces (each was 1 gas for 512 bytes of work).
    "a tuple key of big ints is hashed at its size by every set made from the keys",
    [
      "def main():",
      "    x = (1 << 4094) + 12345",
      "    d = {tuple([x + i for i in range(2000)]): 1}",
      "    for i in range(20):",
      "        r = d.keys() | []",
      "    return 0",
    ].join("\n"),
    "out-of-gas",
    10_000_000,
  ],
];

for (const [name, source, kind, gasLimit] of CASES) {
  Deno.test(`new surface: ${name} (${kind} within ${HANG_CEILING_TEXT})`, () => {
    const started = performance.now();
    const result = runSource(`${source}\n`, { gasLimit });
    const elapsed = performance.now() - started;
    assert.equal(result.failure?.kind, kind, result.failure?.message ?? "the call succeeded");
    assert.ok(elapsed < HANG_CEILING_MS, `${name} took ${elapsed.toFixed(0)} ms`);
  });
}

/** Tuples whose hashes exercise every carry of the 64-bit arithmetic (negative, big, nested). */
const HASHED: readonly { readonly python: string; readonly value: Value }[] = (() => {
  const out: { python: string; value: Value }[] = [];
  const ints: (number | bigint)[] = [
    0,
    1,
    -1,
    -2,
    2 ** 31,
    2 ** 32 - 1,
    2 ** 32,
    -(2 ** 32),
    2 ** 53 - 1,
    -(2 ** 53 - 1),
    (1n << 61n) - 2n,
    (1n << 61n) - 1n,
    1n << 64n,
    -(1n << 100n) - 7n,
    (1n << 4094n) + 12345n,
  ];
  for (const a of ints) out.push({ python: `(${a},)`, value: new PyTuple([a]) });
  for (let i = 0; i < ints.length; i++) {
    const a = ints[i] as number | bigint;
    const b = ints[(i * 7 + 3) % ints.length] as number | bigint;
    out.push({ python: `(${a}, ${b})`, value: new PyTuple([a, b]) });
    out.push({
      python: `((${a}, ${b}), (${b},), ())`,
      value: new PyTuple([new PyTuple([a, b]), new PyTuple([b]), new PyTuple([])]),
    });
  }
  out.push({ python: "tuple(range(1000))", value: new PyTuple([...Array(1000).keys()]) });
  out.push({
    python: "(True, False, b'ab', 'x')",
    value: new PyTuple([true, false, Uint8Array.of(97, 98), "x"]),
  });
  return out;
})();

const FREE_METER = { pay: (): void => {} };

Deno.test({
  name: "new surface: tuple hashes in 32-bit halves equal CPython's hash()",
  ignore: pythonUnavailableReason() !== null,
  fn: async () => {
    const script = "import sys\nfor line in sys.stdin:\n    print(hash(eval(line)) % (1 << 64))\n";
    const child = new Deno.Command("python3", {
      args: ["-c", script],
      env: { PYTHONHASHSEED: "0" },
      stdin: "piped",
      stdout: "piped",
    }).spawn();
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(HASHED.map((h) => h.python).join("\n") + "\n"));
    await writer.close();
    const output = await child.output();
    const expected = new TextDecoder().decode(output.stdout).trim().split("\n");
    assert.equal(expected.length, HASHED.length);
    HASHED.forEach((h, i) => {
      const got = pyHash(FREE_METER, h.value);
      const word = (BigInt(got.hi) << 32n) | BigInt(got.lo);
      assert.equal(word.toString(), expected[i], h.python);
    });
  },
});

/**
 * Iterating a set that an in-place operator changes: CPython's iterator
 * reads the table live from its position, so an operator that keeps the
 * size shows the elements it placed after the position (and a rebuild
 * moves them); a change of size fails for good.
 */
function mutatedIterationCases(
  random: SeededRandom,
  count: number,
): ReturnType<typeof statementsCase>[] {
  const ops = ["^=", "|=", "-=", "&="];
  const pool = [
    0,
    1,
    2,
    3,
    5,
    8,
    9,
    13,
    16,
    17,
    100,
    -1,
    -8,
    2 ** 40,
    "'a'",
    "'b'",
    "(1, 2)",
    "b'x'",
  ];
  const pick = (n: number): string[] => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(String(pool[random.below(pool.length)]));
    return out;
  };
  const cases = [];
  for (let i = 0; i < count; i++) {
    const start = pick(2 + random.below(8));
    const other = pick(1 + random.below(4));
    const at = start[random.below(start.length)];
    const op = ops[random.below(ops.length)];
    const keys = (items: string[]) =>
      `{${items.map((item) => `${item}: 0`).join(", ")}}.keys() | []`;
    cases.push(statementsCase([
      `s = ${keys(start)}`,
      "r = []",
      "for x in s:",
      "    r.append(x)",
      `    if x == ${at}:`,
      `        s ${op} (${keys(other)})`,
      "return [r, s]",
    ]));
  }
  return cases;
}

Deno.test({
  name: "new surface: a set changed in place while iterated iterates as CPython's",
  ignore: pythonUnavailableReason() !== null,
  async fn() {
    const report = await runFamilies([
      ["mutated iteration", mutatedIterationCases(new SeededRandom(20261203), 300)],
    ]);
    assert.deepEqual(report.mismatches, []);
  },
});

const COUNTER = new URL("../examples/counter/manifest.json", import.meta.url).pathname;

Deno.test("new surface: --trace-file and profile --out refuse the files the command reads (the SQLite state was truncated while open)", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    const state = `${dir}/s.sqlite`;
    const call = ["run", "--manifest", COUNTER, "--call", "inc", "--state", state];
    assert.equal((await runCli(call)).code, 0);
    const before = Deno.readFileSync(state);
    for (
      const args of [
        [...call, "--trace-file", state],
        [...call, "--trace-file", `${dir}/./s.sqlite`],
        [...call, "--trace-file", `${state}-wal`],
        [...call, "--trace-file", COUNTER],
        ["profile", "--manifest", COUNTER, "--call", "get", "--state", state, "--out", state],
        [
          "profile",
          "--manifest",
          COUNTER,
          "--call",
          "get",
          "--state",
          state,
          "--out",
          COUNTER.replace(/manifest\.json$/, "counter.py"),
        ],
      ]
    ) {
      const result = await runCli(args);
      assert.equal(result.code, 2, args.join(" "));
      assert.match(result.stderr, /would overwrite '.*', which the command reads/);
    }
    const directory = await runCli([...call, "--trace-file", dir]);
    assert.equal(directory.code, 2);
    assert.match(directory.stderr, /cannot write the trace to '.*': is a directory/);
    assert.deepEqual(Deno.readFileSync(state), before);
    const get = await runCli(["run", "--manifest", COUNTER, "--call", "get", "--state", state]);
    assert.equal(JSON.parse(get.stdout).return, 1);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

/** `f0` calls `a0` and `b0`, each calls `f1`, ...: 2^depth distinct call paths to `f{depth}`. */
function pathsProgram(depth: number, pad: string): string {
  const out: string[] = [`def f${depth}${pad}(n: int) -> int:\n    return n\n`];
  for (let i = depth - 1; i >= 0; i--) {
    for (const side of ["a", "b"]) {
      out.push(`def ${side}${i}${pad}(n: int) -> int:\n    return f${i + 1}${pad}(n)\n`);
    }
    out.push(`def f${i}${pad}(n: int) -> int:\n    return a${i}${pad}(n) + b${i}${pad}(n)\n`);
  }
  out.push(`def main() -> int:\n    return f0${pad}(1)\n`);
  return out.join("\n");
}

Deno.test("new surface: a profile keeps at most MAX_STACKS folded stacks, however many call paths a contract makes", () => {
  // 2^13 paths of 27 frames (the profile held every one: with long names, 7.6 GB and 100 s for a
  // 10M-gas call).
  const compiled = compileContract(pathsProgram(13, "_" + "x".repeat(40)));
  const profiler = new GasProfiler(compiled.module);
  const result = callCompiled(compiled, { ...profiler.start("main") });
  profiler.end(result.gasUsed);
  assert.equal(result.failure, null);
  const main = profiler.profile().functions[0];
  assert.ok(main !== undefined);
  assert.equal(main.stacks.size, MAX_STACKS + 1);
  assert.ok((main.stacks.get(OTHER_STACKS) ?? 0) > 0);
  const total = [...main.stacks.values()].reduce((sum, gas) => sum + gas, 0);
  assert.equal(total, result.gasUsed);
  const first = [...main.stacks.keys()].find((name) => name.split(";").length === 28);
  assert.ok(first?.startsWith("main;f0_x"), first);
  // The same call unprofiled uses the same gas.
  assert.equal(callCompiled(compiled).gasUsed, result.gasUsed);
});

Deno.test("new surface: a trace preview reads only what it shows (a 7x7x7 value read 258 items at every step)", () => {
  let reads = 0;
  const counted = (items: Value[]): Value[] =>
    new Proxy(items, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
  const text = "\u202e".repeat(100);
  const leaf = new PyList(counted(Array(7).fill(text)));
  const middle = new PyList(counted(Array(7).fill(leaf)));
  const top = new PyList(counted(Array(7).fill(middle)));
  const preview = previewValue(top);
  assert.ok(preview.startsWith("[[['\\u202e"), preview);
  assert.ok(preview.endsWith("..."), preview);
  assert.ok(reads <= 18, `${reads} items read for a preview of ${preview.length} characters`);
});

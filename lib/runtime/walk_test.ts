/**
 * Hostile walks and operators at the default gas limit (10M): each case
 * ends with its typed outcome (a value, a Python exception type, or a
 * failure kind), within a bounded number of steps and a generous time
 * ceiling. Covers repetition by huge counts, nesting past the depth cap,
 * aliasing that makes a small value exponential to walk, self-referential
 * containers, bytes dict keys, printf widths, slice assignment, and caps of
 * operators that build containers or ints. The outcomes that need no cap
 * are checked against CPython 3.11, and deep nesting against itself, warm
 * and in a fresh process.
 */

import assert from "node:assert/strict";
import { cpythonOutcomes, vmOutcome } from "../../tests/support/differential.ts";
import { pythonUnavailableReason } from "../../tests/support/python.ts";
import { HANG_CEILING_MS } from "../../tests/support/hang_ceiling.ts";
import { runSource } from "../../tests/support/runtime.ts";

/** What a case must end with: a returned value, a VmError type, or a failure kind. */
type Expected = { value: string | number | boolean } | { error: string } | {
  kind: "limit" | "out-of-gas";
};

/** A nested value `depth` levels deep built by `x = wrap(x)` in a loop, bound to `x` and `y`. */
function nested(depth: number, wrap = "[x]", leaf = "0"): string {
  return `    x = ${leaf}\n    y = ${leaf}\n    for i in range(${depth}):\n        x = ${wrap}\n        y = ${
    wrap.replaceAll("x", "y")
  }\n`;
}

const deep = (expression: string, wrap = "[x]") =>
  `def main():\n${nested(5000, wrap)}    return ${expression}\n`;
const shallow = (expression: string, wrap = "[x]") =>
  `def main():\n${nested(800, wrap)}    return ${expression}\n`;

const SELF_LIST = "    a = [1]\n    a.append(a)\n    b = [1]\n    b.append(b)\n";

export const HOSTILE_WALKS: [string, string, Expected][] = [
  // Repetition never loops over a count (CPython: OverflowError from 2**63 on).
  ['b"" * 2**60', 'def main():\n    return len(b"" * 2**60)\n', { value: 0 }],
  ["[] * 2**60", "def main():\n    return len([] * 2**60)\n", { value: 0 }],
  ["() * 10**40", "def main():\n    return len(() * 10**40)\n", { error: "OverflowError" }],
  ['"" * 10**30', 'def main():\n    return len("" * 10**30)\n', { error: "OverflowError" }],
  ["2**63 * []", "def main():\n    return len(2**63 * [])\n", { error: "OverflowError" }],
  ["[] * -(2**63)", "def main():\n    return len([] * -(2**63))\n", { value: 0 }],
  ["() * (2**63 - 1)", "def main():\n    return len(() * (2**63 - 1))\n", { value: 0 }],
  ["xs = []; xs *= 2**60", "def main():\n    xs = []\n    xs *= 2**60\n    return len(xs)\n", {
    value: 0,
  }],
  ['s = b""; s *= 2**60', 'def main():\n    s = b""\n    s *= 2**60\n    return len(s)\n', {
    value: 0,
  }],
  ["xs = []; xs *= 2**63", "def main():\n    xs = []\n    xs *= 2**63\n    return len(xs)\n", {
    error: "OverflowError",
  }],
  [
    "[] * 2**60 in a loop",
    "def main():\n    n = 0\n    for i in range(100000):\n        n += len([] * 2**60)\n    return n\n",
    { value: 0 },
  ],
  // Nesting past the depth cap: RecursionError, as CPython.
  ["== of 5000-deep lists", deep("x == y"), { error: "RecursionError" }],
  ["!= of 5000-deep lists", deep("x != y"), { error: "RecursionError" }],
  ["< of 5000-deep lists", deep("x < y"), { error: "RecursionError" }],
  ["str of a 5000-deep list", deep("len(str(x))"), { error: "RecursionError" }],
  ["str of a 5000-deep dict", deep("len(str(x))", "{1: x}"), { error: "RecursionError" }],
  ["in of a 5000-deep list", deep("x in [y]"), { error: "RecursionError" }],
  ["5000-deep tuple as a dict key", deep("len({x: 1})", "(x,)"), { error: "RecursionError" }],
  ["== of 5000-deep tuples", deep("x == y", "(x,)"), { error: "RecursionError" }],
  ["== of 5000-deep dicts", deep("x == y", "{1: x}"), { error: "RecursionError" }],
  ["a 5000-deep list equals itself", deep("x == x"), { value: true }],
  // Below the cap, the same as CPython.
  ["== of 800-deep lists", shallow("x == y"), { value: true }],
  ["< of 800-deep lists", shallow("x < y"), { value: false }],
  ["str of an 800-deep list", shallow("len(str(x))"), { value: 1601 }],
  ["800-deep tuple as a dict key", shallow("len({x: 1})", "(x,)"), { value: 1 }],
  // Aliasing: cheap to build, exponential to walk.
  [
    "4-level (t,)*256 tuple as a dict key",
    "def main():\n    t = 0\n    for i in range(4):\n        t = (t,) * 256\n    return len({t: 1})\n",
    { kind: "out-of-gas" },
  ],
  [
    "two 4-level (t,)*256 tuples compared",
    "def main():\n    t = 0\n    u = 0\n    for i in range(4):\n        t = (t,) * 256\n        u = (u,) * 256\n    return t == u\n",
    { kind: "out-of-gas" },
  ],
  [
    "str of [[[[0]*128]*128]*128]*128",
    "def main():\n    return len(str([[[[0] * 128] * 128] * 128] * 128))\n",
    { kind: "limit" },
  ],
  [
    "module-level aliased list frozen",
    "X = [[[[0] * 128] * 128] * 128] * 128\n\ndef main():\n    return len(X)\n",
    { value: 128 },
  ],
  // Self-referential containers.
  ["str of a list that holds itself", `def main():\n${SELF_LIST}    return str(a)\n`, {
    value: "[1, [...]]",
  }],
  [
    "str of a dict that holds itself",
    "def main():\n    d = {}\n    d[1] = d\n    return str(d)\n",
    { value: "{1: {...}}" },
  ],
  [
    "repr of a tuple inside a list inside it",
    "def main():\n    t = ([],)\n    t[0].append(t)\n    return str(t)\n",
    { value: "([(...)],)" },
  ],
  ["a self-referential list equals itself", `def main():\n${SELF_LIST}    return a == a\n`, {
    value: true,
  }],
  ["two self-referential lists", `def main():\n${SELF_LIST}    return a == b\n`, {
    error: "RecursionError",
  }],
  ["two self-referential lists ordered", `def main():\n${SELF_LIST}    return a < b\n`, {
    error: "RecursionError",
  }],
  ["a self-referential list in a list", `def main():\n${SELF_LIST}    return a in [b]\n`, {
    error: "RecursionError",
  }],
  // Bytes dict keys pay per byte on every lookup.
  [
    "1 MB bytes key looked up in a loop",
    'def main():\n    k = b"a" * 1000000\n    d = {k: 1}\n    n = 0\n    for i in range(100000):\n        n += d[k]\n    return n\n',
    { kind: "out-of-gas" },
  ],
  // printf width and precision are checked before the text is built.
  ['"%.600000000d" % 1', 'def main():\n    return "%.600000000d" % 1\n', { kind: "limit" }],
  ['"%.100000000x" % 1', 'def main():\n    return "%.100000000x" % 1\n', { kind: "limit" }],
  ['b"%.100000000x" % 1', 'def main():\n    return b"%.100000000x" % 1\n', { kind: "limit" }],
  ['"%0600000000d" % 1', 'def main():\n    return "%0600000000d" % 1\n', { kind: "limit" }],
  ['"%.*d" % (10**9, 1)', 'def main():\n    return "%.*d" % (10**9, 1)\n', { kind: "limit" }],
  [
    '"%.1s" % a 1 MB str in a loop',
    'def main():\n    s = "\u00e9" * 500000\n    for i in range(100000):\n        t = "%.1s" % s\n    return t\n',
    { value: "\u00e9" },
  ],
  ['"%.5000000s" % "a"', 'def main():\n    return "%.5000000s" % "a"\n', { value: "a" }],
  // Slice assignment works in place, paying for what it moves.
  [
    "one-item slice assignment into a long list in a loop",
    "def main():\n    xs = [0] * 65000\n    for i in range(100000):\n        xs[65000:65000] = [i]\n        xs.pop()\n    return len(xs)\n",
    { value: 65000 },
  ],
  [
    "slice assignment at the front of a long list in a loop",
    "def main():\n    xs = [0] * 65000\n    for i in range(1000000):\n        xs[0:0] = [i]\n        xs.pop()\n    return len(xs)\n",
    { kind: "out-of-gas" },
  ],
  // Operators that build a container or an int check the cap first.
  [
    "dict | dict past container_length",
    "def main():\n    a = {}\n    b = {}\n    for i in range(60000):\n        a[i] = 0\n        b[-1 - i] = 0\n    return len(a | b)\n",
    { kind: "limit" },
  ],
  [
    "dict |= dict past container_length",
    "def main():\n    a = {}\n    b = {}\n    for i in range(60000):\n        a[i] = 0\n        b[-1 - i] = 0\n    a |= b\n    return len(a)\n",
    { kind: "limit" },
  ],
  ["2**2050", "def main():\n    return (2**2050).bit_length()\n", { value: 2051 }],
  ["2**4095", "def main():\n    return (2**4095).bit_length()\n", { value: 4096 }],
  ["(-2)**4095", "def main():\n    return ((-2)**4095).bit_length()\n", { value: 4096 }],
  ["2**4096", "def main():\n    return 2**4096\n", { kind: "limit" }],
  ["3**2584", "def main():\n    return (3**2584).bit_length()\n", { value: 4096 }],
  ["3**2585", "def main():\n    return 3**2585\n", { kind: "limit" }],
  ["1 << 4095", "def main():\n    return (1 << 4095).bit_length()\n", { value: 4096 }],
  ["1 << 4096", "def main():\n    return 1 << 4096\n", { kind: "limit" }],
  [
    "2**4096 - 1 built by * and +",
    "def main():\n    return ((2**4095 - 1) * 2 + 1).bit_length()\n",
    { value: 4096 },
  ],
  ["(2**4095) * 2", "def main():\n    return (2**4095) * 2\n", { kind: "limit" }],
  ["-(2**4095) - 2**4095", "def main():\n    return -(2**4095) - 2**4095\n", { kind: "limit" }],
  // Element comparisons inside `in` are paid.
  [
    "in over a list of long equal-length bytes in a loop",
    'def main():\n    xs = [b"a" * 100000] * 60000\n    y = b"a" * 99999 + b"b"\n    n = 0\n    for i in range(1000):\n        n += y in xs\n    return n\n',
    { kind: "out-of-gas" },
  ],
  [
    "in over dict values of long strs in a loop",
    'def main():\n    d = {}\n    for i in range(60000):\n        d[i] = "a" * 100000\n    y = "a" * 99999 + "b"\n    n = 0\n    for i in range(1000):\n        n += y in d.values()\n    return n\n',
    { kind: "out-of-gas" },
  ],
  [
    "dict keys views of long tuple keys compared in a loop",
    "def main():\n    t = tuple(range(60000))\n    a = {t: 1}\n    b = {t: 2}\n    n = 0\n    for i in range(100000):\n        n += a.keys() == b.keys()\n    return n\n",
    { kind: "out-of-gas" },
  ],
  [
    "dict items views compared",
    'def main():\n    a = {1: "x", 2: [3]}\n    b = {2: [3], 1: "x"}\n    return str((a.items() == b.items(), a.keys() == b.keys(), a.items() == {1: "y", 2: [3]}.items()))\n',
    { value: "(True, True, False)" },
  ],
];

function outcome(result: ReturnType<typeof runSource>): string {
  if (result.failure === null) return `value ${String(result.value)}`;
  return result.failure.kind === "error"
    ? `error ${result.failure.type}`
    : `kind ${result.failure.kind}`;
}

function expectedOutcome(expected: Expected): string {
  if ("value" in expected) return `value ${String(expected.value)}`;
  if ("error" in expected) return `error ${expected.error}`;
  return `kind ${expected.kind}`;
}

for (const [name, source, expected] of HOSTILE_WALKS) {
  Deno.test(`hostile walk: ${name} -> ${expectedOutcome(expected)} at 10M gas`, () => {
    const started = performance.now();
    const result = runSource(source);
    const elapsed = performance.now() - started;
    assert.equal(outcome(result), expectedOutcome(expected), result.failure?.message);
    assert.ok(elapsed < HANG_CEILING_MS, `${name} took ${elapsed.toFixed(0)} ms`);
  });
}

/** Cases whose outcome does not depend on gas or caps, so CPython 3.11 must agree. */
const AGREES_WITH_CPYTHON = HOSTILE_WALKS.filter(([name, , expected]) =>
  !("kind" in expected) && name !== "5000-deep tuple as a dict key"
);

Deno.test("hostile walks: every outcome that needs no cap is CPython 3.11's", async (t) => {
  const unavailable = pythonUnavailableReason();
  if (unavailable !== null) {
    console.log(`skipped: ${unavailable}`);
    return;
  }
  const sources = AGREES_WITH_CPYTHON.map(([, source]) => source);
  const expected = await cpythonOutcomes(sources);
  for (const [i, [name, source]] of AGREES_WITH_CPYTHON.entries()) {
    await t.step(name, () => assert.equal(vmOutcome(source), expected[i]));
  }
});

/** Calls whose outcome must not depend on the engine's state: nesting at, past and far past the cap. */
const DEEP_CALLS = [
  deep("x == y"),
  deep("x < y"),
  deep("len(str(x))"),
  deep("len({x: 1})", "(x,)"),
  `def main():\n${nested(900)}    return (x == y, len(str(x)))\n`,
  `def main():\n${nested(901)}    return x == y\n`,
  `def main():\n${nested(50000)}    return str(x)\n`,
];

function fingerprint(result: ReturnType<typeof runSource>): string {
  const failure = result.failure;
  return `${result.gasUsed} ${
    failure === null ? String(result.ok) : `${failure.kind} ${failure.type} ${failure.message}`
  }`;
}

Deno.test("deep nesting: the same outcome warm (8 runs in one process) and cold (a fresh process)", async () => {
  const warm = DEEP_CALLS.map((source) => {
    const outcomes = new Set<string>();
    for (let run = 0; run < 8; run++) outcomes.add(fingerprint(runSource(source)));
    assert.equal(outcomes.size, 1, [...outcomes].join("\n"));
    return [...outcomes][0];
  });
  const runtime = new URL("../../tests/support/runtime.ts", import.meta.url).href;
  const script = `import { runSource } from ${JSON.stringify(runtime)};
const sources = ${JSON.stringify(DEEP_CALLS)};
console.log(JSON.stringify(sources.map((source) => {
  const result = runSource(source);
  const failure = result.failure;
  return \`\${result.gasUsed} \${failure === null ? String(result.ok) : \`\${failure.kind} \${failure.type} \${failure.message}\`}\`;
})));
`;
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["eval", script],
    cwd: new URL("../../", import.meta.url).pathname,
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.ok(output.success, new TextDecoder().decode(output.stderr));
  assert.deepEqual(JSON.parse(new TextDecoder().decode(output.stdout)), warm);
  assert.ok(warm.slice(0, 4).every((outcome) => outcome?.includes("RecursionError")), warm[0]);
  assert.ok(warm[4]?.endsWith(" true"), warm[4]);
  assert.ok(warm[5]?.includes("RecursionError"), warm[5]);
});

/**
 * Attacks on the cost model of builtins and methods: inputs whose work was
 * not paid in proportion (an unpaid needle, prefix or comparison), a
 * result over a cap (parts of a split, items of list(), a case mapping or
 * hex that grows), and int() parsing that was quadratic in its regex. Each repeats the operation a fixed number of times under
 * a gas limit (10M unless given) and expects a deterministic failure, well within a generous
 * hang ceiling (tests/support/hang_ceiling.ts).
 */

import assert from "node:assert/strict";
import { runSource } from "./support/runtime.ts";
import { HANG_CEILING_MS, HANG_CEILING_TEXT } from "./support/hang_ceiling.ts";

/**
 * [name, setup lines, one statement repeated `times` times (0: forever),
 * expected failure kind, gas limit (10M unless given)]
 */
type Case = [string, string, string, number, string, number?];

const BIG_STR = 's = "a" * 1000000';
const NEEDLE = 'n = "a" * 1000000';
/** A list and one that differs from it only in its last item. */
const NEAR_MISS = "b = list(range(60000))\nn = list(range(59999))\nn.append(-1)";
const EQUAL_LISTS = "b = list(range(60000))\nxs = [b, list(range(60000))] * 32";

const CASES: Case[] = [
  // Work on an argument that was not paid for.
  ["str.removeprefix scans the receiver", BIG_STR, 'x = s.removeprefix("b")', 20, "out-of-gas"],
  ["str.find reads the needle", NEEDLE, 'x = "b".find(n)', 20, "out-of-gas"],
  ["str.rfind reads the needle", NEEDLE, 'x = "b".rfind(n)', 20, "out-of-gas"],
  ["str.count reads the needle", NEEDLE, 'x = "b".count(n)', 20, "out-of-gas"],
  ["str.startswith reads the prefix", NEEDLE, 'x = "b".startswith(n)', 20, "out-of-gas"],
  [
    "bytes.endswith reads the suffix",
    'n = b"a" * 1000000',
    'x = b"b".endswith(n)',
    20,
    "out-of-gas",
  ],
  [
    "str.startswith reads every prefix of a tuple",
    `${NEEDLE}\nt = (n, n, n, n, n, n, n, n)`,
    'x = "b".startswith(t)',
    20,
    "out-of-gas",
  ],
  ["str.split reads the separator", NEEDLE, 'x = "b".split(n)', 20, "out-of-gas"],
  ["str.replace reads the replacement", NEEDLE, 'x = "b".replace("x", n)', 20, "out-of-gas"],
  // Comparisons of large items, paid per item compared.
  ["min compares large lists", EQUAL_LISTS, "x = min(xs)", 20, "out-of-gas"],
  [
    "max compares large strs",
    's = "a" * 500000\nxs = [s + "a", s + "b"] * 32',
    "x = max(xs)",
    20,
    "out-of-gas",
  ],
  [
    "sorted compares large tuples",
    "b = tuple(range(60000))\nxs = [b, tuple(range(60000))] * 32",
    "x = sorted(xs)",
    20,
    "out-of-gas",
  ],
  [
    "list.count compares large lists",
    EQUAL_LISTS,
    "x = xs.count(list(range(60000)))",
    20,
    "out-of-gas",
  ],
  [
    "list.remove compares large lists",
    `${NEAR_MISS}\nxs = [b] * 64`,
    "xs.append(n)\nxs.remove(n)",
    20,
    "out-of-gas",
  ],
  [
    "tuple.count compares large lists",
    `${NEAR_MISS}\nt = tuple([b] * 64)`,
    "x = t.count(n)",
    20,
    "out-of-gas",
  ],
  // list.index built its error message (a repr of the needle) before searching.
  [
    "list.index does not repr its needle up front",
    "b = list(range(60000))\nxs = [b] * 64",
    "x = xs.index(b)",
    0,
    "out-of-gas",
  ],
  // Results over a cap.
  [
    "str.split into more parts than a list holds",
    's = "a," * 100000',
    'x = s.split(",")',
    1,
    "limit",
  ],
  [
    "str.split() into more parts than a list holds",
    's = "a " * 100000',
    "x = s.split()",
    1,
    "limit",
  ],
  [
    "bytes.split into more parts than a list holds",
    's = b"a," * 100000',
    'x = s.split(b",")',
    1,
    "limit",
  ],
  ["list() of a str longer than a list holds", 's = "a" * 100000', "x = list(s)", 1, "limit"],
  ["tuple() of bytes longer than a tuple holds", 's = b"a" * 100000', "x = tuple(s)", 1, "limit"],
  ["sorted() of a str longer than a list holds", 's = "a" * 100000', "x = sorted(s)", 1, "limit"],
  ["str.upper that grows past bytes_length", 's = "\\u0390" * 400000', "x = s.upper()", 1, "limit"],
  ["bytes.hex past bytes_length", 's = b"a" * 600000', "x = s.hex()", 1, "limit"],
  [
    "str.zfill past bytes_length in UTF-8",
    's = "\\u00e9" * 500000',
    "x = s.zfill(1000000)",
    1,
    "limit",
  ],
  [
    "str.join past bytes_length in UTF-8",
    's = "\\u00e9" * 300000',
    'x = "".join([s, s])',
    1,
    "limit",
  ],
  [
    "str.replace past bytes_length in UTF-8",
    's = "\\u00e9" * 300000 + "ab"',
    'x = s.replace("a", s)',
    1,
    "limit",
  ],
  // int() parsing: a whitespace-trimming regex that backtracked quadratically (ValueError, as CPython).
  ["int() of a long run of inner spaces", 's = "1" + " " * 50000 + "1"', "x = int(s)", 1, "error"],
  // Sets from dict-view operators: every slot a probe looks at is paid.
  [
    "a set of ints that all hash alike probes per slot",
    "d = dict(zip([i * (2**61 - 1) for i in range(20000)], range(20000)))",
    "x = d.keys() | []",
    20,
    "out-of-gas",
  ],
  [
    "a set of tuples that all hash alike probes per slot",
    "d = dict(zip([(i * (2**61 - 1),) for i in range(20000)], range(20000)))",
    "x = d.keys() & d.keys()",
    20,
    "out-of-gas",
  ],
  [
    "a set emptied by ^ iterates and copies without scanning its slots",
    "d = dict(zip(range(60000), range(60000)))\ns = d.keys() ^ d.keys()",
    "x = list(s) + list(s | s)",
    0,
    "out-of-gas",
  ],
  [
    // 60,000 keys, all but one deleted, then churn until the table is compacted: the one-key dict
    // must not keep (and hand each copy) the buckets of 60,000 (1.8 ms a copy; 10M gas: minutes).
    "a dict compacted after mass deletion copies at its new size",
    [
      "d = {}",
      "for k in range(60000):",
      "    d[k] = k",
      "for k in range(1, 60000):",
      "    del d[k]",
      "for k in range(1000000, 1027994):",
      "    d[k] = 0",
      "    del d[k]",
    ].join("\n"),
    "x = d.copy()",
    0,
    "out-of-gas",
  ],
  [
    "long str elements are hashed per byte",
    's = "a" * 1000000\nd = {s: 1}',
    "x = d.keys() | []",
    100,
    "out-of-gas",
  ],
];

function program(setup: string, body: string, times: number): string {
  const indent = (text: string, by: string) => text.split("\n").map((line) => by + line).join("\n");
  const loop = times === 0 ? "while True:" : `for i in range(${times}):`;
  return `def main():\n${indent(setup, "    ")}\n    ${loop}\n${
    indent(body, "        ")
  }\n    return 0\n`;
}

for (const [name, setup, body, times, kind, gasLimit = 10_000_000] of CASES) {
  Deno.test(`cost model: ${name} fails with ${kind} within ${HANG_CEILING_TEXT}`, () => {
    const started = performance.now();
    const result = runSource(program(setup, body, times), { gasLimit });
    const elapsed = performance.now() - started;
    assert.equal(result.failure?.kind, kind, result.failure?.message ?? "the call succeeded");
    assert.ok(elapsed < HANG_CEILING_MS, `${name} took ${elapsed.toFixed(0)} ms`);
  });
}

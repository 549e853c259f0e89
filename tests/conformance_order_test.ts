/**
 * Evaluation order against CPython 3.11: generated programs
 * (tests/support/order_programs.ts) log each operand as it is evaluated,
 * so the log, the result and the exception that wins all show the order;
 * regression cases for the method lookup made before the arguments
 * (CHECK_METHOD, `(5).strip(1 // 0)` is AttributeError); and CPython's
 * messages for unpacking errors. One python3 process per test.
 */

import assert from "node:assert/strict";
import { compileContract } from "../ir.ts";
import { cpythonOutcomeClasses, vmOutcomeClass } from "./support/bind_sweep.ts";
import { orderPrograms } from "./support/order_programs.ts";
import { pythonUnavailableReason, runPythonText } from "./support/python.ts";
import { callCompiled } from "./support/runtime.ts";

const GENERATED = 3_000;

function main(body: string): string {
  return `def t(log, tag, value):\n    log.append(tag)\n    return value\n\n\n` +
    `def main():\n    log = []\n    ${body.replaceAll("\n", "\n    ")}\n`;
}

/** A method is looked up on its receiver before its arguments run. */
const METHOD_LOOKUP: readonly string[] = [
  "return (5).strip(1 // 0)",
  'return "a,ba".append(1 // 0)',
  'return b"a,ba".encode(1 // 0)',
  "return [3, 1, 2, 1].split(1 // 0)",
  "return (3, 1, 2, 1).get(1 // 0)",
  'return {"a": 1, "b": 2}.index(1 // 0)',
  "x = 5\nreturn x.strip(t(log, 1, [][0]))",
  "xs = [1]\nreturn xs.get(xs.pop(), xs.pop())",
  "d = {}\nreturn d.append(d[1])",
  "n = None\nreturn n.append(1 // 0)",
  "b = True\nreturn b.bit_length(), b.strip(1 // 0)",
  // The receiver runs first, then the lookup, then the arguments in order.
  "return t(log, 1, 5).strip(t(log, 2, 1 // 0))",
  "xs = []\nxs.append(t(log, 1, 2))\nreturn xs, log",
  "return t(log, 1, [1]).index(t(log, 2, 1)), log",
  // Where the method exists, an argument's failure is the one raised.
  "xs = [1]\nreturn xs.index(1 // 0)",
  'return "ab".join(1 // 0)',
  // Without arguments, or with literal ones, the lookup is all that can fail.
  "return (5).strip()",
  'return (5).strip("a")',
  "x = [1]\nreturn x.strip(-1)",
];

/** Order of other forms, by hand. */
const ORDER: readonly string[] = [
  "xs = [0, 0]\nt(log, 'a', xs)[t(log, 'i', 1)] = t(log, 'v', 5)\nreturn log, xs",
  "xs = [0, 0]\nt(log, 'a', xs)[t(log, 'i', 1)] += t(log, 'v', 5)\nreturn log, xs",
  "d = {}\nd[t(log, 'k', 1)] = d[t(log, 'j', 2)] = t(log, 'v', 3)\nreturn log, d",
  "return {t(log, 1, 'a'): t(log, 2, 1), t(log, 3, 'b'): t(log, 4, 2)}, log",
  "return t(log, 1, 1) < t(log, 2, 2) < t(log, 3, 0) < t(log, 4, 5), log",
  "return (t(log, 1, 0) and t(log, 2, 1)) or t(log, 3, 2), log",
  "return t(log, 1, 'y') if t(log, 2, 0) else t(log, 3, 'n'), log",
  "return sorted(t(log, 1, [2, 1]), reverse=t(log, 2, True)), log",
  "a, b = t(log, 1, 1), t(log, 2, 2)\nreturn a, b, log",
  "xs = [0, 0]\nt(log, 'x', xs)[t(log, 'i', 0)], t(log, 'y', xs)[t(log, 'j', 1)] = " +
  "t(log, 'v', 1), t(log, 'w', 2)\nreturn log, xs",
  "xs = [1, 2, 3]\ndel t(log, 'a', xs)[t(log, 'i', 0)]\nreturn log, xs",
  "assert t(log, 1, 1), t(log, 2, 'never')\nreturn log",
  "assert t(log, 1, 0), t(log, 2, 'message')\nreturn log",
];

/** Unpacking errors, whose messages CPython fixes. */
const UNPACKING: readonly string[] = [
  "a, b = [1, 2, 3]\nreturn a",
  "a, b, c = [1, 2]\nreturn a",
  "a, b = (1,)\nreturn a",
  "a, b = []\nreturn a",
  "a, b = 'abc'\nreturn a",
  "a, b = range(5)\nreturn a",
  "a, (b, c) = 1, [2]\nreturn a",
  "a, b = 1\nreturn a",
  "a, b = {1: 2, 3: 4, 5: 6}\nreturn a",
  "return [x for x, y in [(1, 2, 3)]]",
];

const skip = pythonUnavailableReason();
if (skip !== null) console.log(`conformance_order_test skipped: ${skip}`);

async function compareClasses(sources: readonly string[]): Promise<string[]> {
  const expected = await cpythonOutcomeClasses(sources);
  return sources.flatMap((source, i) => {
    const vm = vmOutcomeClass(source);
    return vm === expected[i] ? [] : [`${source}\n  vm: ${vm}\n  cpython: ${expected[i]}`];
  });
}

Deno.test({
  name: "evaluation order: generated programs match CPython 3.11",
  ignore: skip !== null,
  fn: async () => {
    const mismatches = await compareClasses(orderPrograms(0x0dde, GENERATED));
    assert.deepEqual(mismatches.slice(0, 5), [], `${mismatches.length} mismatches`);
  },
});

Deno.test({
  name: "evaluation order: a method is looked up before its arguments, and other forms by hand",
  ignore: skip !== null,
  fn: async () => {
    const mismatches = await compareClasses([...METHOD_LOOKUP, ...ORDER].map(main));
    assert.deepEqual(mismatches, []);
  },
});

Deno.test({
  name: "evaluation order: unpacking errors carry CPython's messages",
  ignore: skip !== null,
  fn: async () => {
    const sources = UNPACKING.map(main);
    const oracle = new URL("./support/bind_oracle.py", import.meta.url);
    const expected: { error?: string; message?: string }[] = JSON.parse(
      await runPythonText(oracle, JSON.stringify(sources)),
    );
    sources.forEach((source, i) => {
      const failure = callCompiled(compileContract(source)).failure;
      assert.equal(
        `${failure?.type}: ${failure?.message}`,
        `${expected[i]?.error}: ${expected[i]?.message}`,
        source,
      );
    });
  },
});

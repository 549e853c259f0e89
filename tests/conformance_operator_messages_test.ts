/**
 * Generated conformance sweep of what operators say when their operands do
 * not support them: every pair of operand kinds (int, bool, str, bytes,
 * list, tuple, dict, None, range, a dict's keys) under `+ - * | & ^ // %
 * ** << >>`, divmod() and pow(), and the in-place forms `+= -= *= |= &=
 * ^=` on a local; and what a subscript, a store or deletion through one,
 * a slice assignment or an int argument says of an operand of the wrong
 * type. Each case is compared with CPython 3.11 by
 * outcome and, for an exception, by its message (`can only concatenate str
 * (not "int") to str`, `unsupported operand type(s) for -=: ...`, `'int'
 * object is not iterable` for `list += int`, `string indices must be
 * integers, not 'str'`, `'str' object cannot be interpreted as an
 * integer`). The other in-place forms (`//= %= **= <<= >>=`) run as their
 * plain operator and name it so (LANGUAGE.md §7, item 12).
 */

import assert from "node:assert/strict";
import { runFamilies, type SweepCase } from "./support/conformance_sweep.ts";
import { pythonUnavailableReason } from "./support/python.ts";

const skipReason = pythonUnavailableReason();
if (skipReason !== null) console.log(`operator message sweep skipped: ${skipReason}`);

const OPERANDS = [
  "1",
  "True",
  "'a'",
  "b'a'",
  "[1]",
  "(1,)",
  "{1: 2}",
  "None",
  "range(2)",
  "{1: 2}.keys()",
];
const BINARY = ["+", "-", "*", "|", "&", "^", "//", "%", "**", "<<", ">>"];
const IN_PLACE = ["+", "-", "*", "|", "&", "^"];

function binaryCases(): SweepCase[] {
  const cases: SweepCase[] = [];
  const forms = [...BINARY.map((op) => (l: string, r: string) => `${l} ${op} ${r}`), (
    l: string,
    r: string,
  ) => `divmod(${l}, ${r})`, (l: string, r: string) => `pow(${l}, ${r})`];
  for (const form of forms) {
    for (const left of OPERANDS) {
      for (const right of OPERANDS) {
        const expr = form(left, right);
        cases.push({ label: expr, source: `def main():\n    return ${expr}\n`, message: true });
      }
    }
  }
  return cases;
}

function inPlaceCases(): SweepCase[] {
  const cases: SweepCase[] = [];
  for (const op of IN_PLACE) {
    for (const left of OPERANDS) {
      for (const right of OPERANDS) {
        const label = `x = ${left}; x ${op}= ${right}`;
        const source = `def main():\n    x = ${left}\n    x ${op}= ${right}\n    return x\n`;
        cases.push({ label, source, message: true });
      }
    }
  }
  return cases;
}

/** Subscripts and int parameters given operands of every kind. */
function wrongTypeCases(): SweepCase[] {
  const containers = ["'abc'", "b'abc'", "[1, 2]", "(1, 2)", "range(3)", "{1: 2}"];
  const calls = [
    "range(X)",
    "hex(X)",
    "chr(X)",
    "int('7', X)",
    "list(enumerate([1], X))",
    "[1].pop(X)",
    "[1].insert(X, 0)",
    "'a'.center(X)",
    "'a b'.split(' ', X)",
    "'ab'.replace('a', 'b', X)",
    "'a'.expandtabs(X)",
    "'a'.splitlines(X)",
    "b'ab'.hex(':', X)",
    "(1).to_bytes(X, 'big')",
  ];
  const cases: SweepCase[] = [];
  for (const operand of OPERANDS) {
    for (const container of containers) {
      const expr = `${container}[${operand}]`;
      cases.push({ label: expr, source: `def main():\n    return ${expr}\n`, message: true });
    }
    for (const call of calls) {
      const expr = call.replace("X", operand);
      cases.push({ label: expr, source: `def main():\n    return ${expr}\n`, message: true });
    }
    const stores = [
      `x[${operand}] = 1`,
      `del x[${operand}]`,
      `x[0:1] = ${operand}`,
      `x[::2] = ${operand}`,
      `x[::-1] = ${operand}`,
    ];
    for (const store of stores) {
      const label = `x = [1, 2]; ${store}`;
      const source = `def main():\n    x = [1, 2]\n    ${store}\n    return x\n`;
      cases.push({ label, source, message: true });
    }
  }
  return cases;
}

Deno.test({
  name: "operator messages: unsupported operands say what CPython 3.11 says",
  ignore: skipReason !== null,
  async fn() {
    const report = await runFamilies([
      ["binary operators", binaryCases()],
      ["in-place operators", inPlaceCases()],
      ["wrong operand types", wrongTypeCases()],
    ]);
    assert.deepEqual(report.mismatches.slice(0, 10), [], `${report.mismatches.length} mismatches`);
  },
});

/**
 * Generated conformance sweep of what binary and in-place operators say
 * when their operands do not support them: every pair of operand kinds
 * (int, bool, str, bytes, list, tuple, dict, None, range, a dict's keys)
 * under `+ - * | & ^ // % ** << >>`, and the in-place forms `+= -= *= |=
 * &= ^=` on a local, each compared with CPython 3.11 by outcome and, for
 * an exception, by its message (`can only concatenate str (not "int") to
 * str`, `unsupported operand type(s) for -=: ...`, `'int' object is not
 * iterable` for `list += int`). The other in-place forms (`//= %= **= <<=
 * >>=`) run as their plain operator and name it so (LANGUAGE.md §7, item 12).
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
  for (const op of BINARY) {
    for (const left of OPERANDS) {
      for (const right of OPERANDS) {
        const expr = `${left} ${op} ${right}`;
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

Deno.test({
  name: "operator messages: unsupported operands say what CPython 3.11 says",
  ignore: skipReason !== null,
  async fn() {
    const report = await runFamilies([
      ["binary operators", binaryCases()],
      ["in-place operators", inPlaceCases()],
    ]);
    assert.deepEqual(report.mismatches.slice(0, 10), [], `${report.mismatches.length} mismatches`);
  },
});

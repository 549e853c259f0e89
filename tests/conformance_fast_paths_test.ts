/**
 * The number-arithmetic slice bounds and the engine-search str.split
 * (lib/runtime/subscript.ts, lib/runtime/methods/text_split.ts) against
 * CPython 3.11: every pair of bounds and every step below, on a list, a
 * tuple, a str and bytes; split of strs with and without surrogates and
 * astral characters by every separator and maxsplit below, errors
 * included. Skipped with a printed reason where python3 is absent.
 */

import assert from "node:assert/strict";
import { cpythonOutcomes, vmOutcome } from "./support/differential.ts";
import { pythonUnavailableReason } from "./support/python.ts";

const skipReason = pythonUnavailableReason();
if (skipReason !== null) console.log(`fast path conformance tests skipped: ${skipReason}`);

const BOUNDS = ["None", "0", "1", "-1", "3", "-3", "7", "-7", "100", "-100", "2 ** 70", "True"];
const STEPS = ["None", "1", "2", "-1", "-2", "3", "-100", "2 ** 70", "-(2 ** 70)", "True"];

function slicePrograms(): string[] {
  return STEPS.map((step) => {
    const lines = [
      "def main():",
      "    xs = [0, 1, 2, 3, 4, 5, 6]",
      "    t = (9, 8, 7)",
      "    out = []",
    ];
    for (const a of BOUNDS) {
      for (const b of BOUNDS) {
        const s = `[${a}:${b}:${step}]`;
        lines.push(`    out.append((xs${s}, t${s}, "abcdef"${s}, b"xyz"${s}))`);
      }
    }
    return [...lines, "    return str(out)", ""].join("\n");
  });
}

const TEXTS = ['""', '","', '"a,b,,c,"', '"aaa"', '"abcabcab"', '"x\\u00e9y\\u00e9"'];
const MORE_TEXTS = ['"\\U0001F600,\\U0001F600"', '"a\\ud800,b"', '"  a  b "'];
const SEPARATORS = ['","', '"a"', '"aa"', '"\\u00e9"', '"\\U0001F600"', '"\\ud800"', '""', "None"];
const MAXSPLITS = ["", ", -1", ", 0", ", 1", ", 2", ", 2 ** 70", ", True"];

function splitPrograms(): string[] {
  return [...TEXTS, ...MORE_TEXTS].map((text) => {
    const lines = ["def main():", "    out = []"];
    for (const sep of SEPARATORS) {
      for (const maxsplit of MAXSPLITS) {
        lines.push(
          "    try:",
          `        out.append(${text}.split(${sep}${maxsplit}))`,
          "    except Exception as e:",
          '        out.append("E:" + str(e))',
        );
      }
    }
    return [...lines, "    return str(out)", ""].join("\n");
  });
}

Deno.test({
  name: "slices and str.split on their fast paths agree with CPython 3.11",
  ignore: skipReason !== null,
  async fn() {
    const programs = [...slicePrograms(), ...splitPrograms()];
    const expected = await cpythonOutcomes(programs);
    programs.forEach((program, i) => {
      assert.equal(vmOutcome(program), expected[i], program.split("\n")[2]);
    });
  },
});

/**
 * The sort sweep: sorted() and list.sort over seeded lists of mostly one
 * kind with occasional items of another (ints, strs, tuples, lists, bytes,
 * None), ascending, reversed and presorted, compared with CPython 3.11 by
 * value and by the exact TypeError message. The message names the first
 * pair the sort finds incomparable, so it pins the comparison order that
 * spec/GAS.md §7 fixes (runs as CPython cuts them, a later item compared
 * with an earlier one).
 */

import assert from "node:assert/strict";
import { messageCase, runFamilies, type SweepCase } from "./support/conformance_sweep.ts";
import { pythonUnavailableReason } from "./support/python.ts";
import { SeededRandom } from "./support/random.ts";

const skipReason = pythonUnavailableReason();
if (skipReason !== null) console.log(`sort sweep skipped: ${skipReason}`);

const CASES = 1500;
const SEED = 20261202;

/** Items of one kind, mostly drawn by the generated lists. */
const KINDS: readonly (readonly string[])[] = [
  ["1", "5", "3", "2", "-7", "2 ** 70"],
  ["'a'", "'c'", "'b'", "''", "'\\u00e9'"],
  ["(1,)", "(0,)", "(2, 1)", "(1, 'x')"],
  ["[2]", "[1, 5]", "[]", "[1]"],
];
/** Occasional items, often of another kind. */
const ODD = ["1", "'a'", "(1,)", "[2]", "None", "b'q'", "True", "(0, 'x')", "[1, 'z']"];

function pick<T>(random: SeededRandom, items: readonly T[]): T {
  return items[random.below(items.length)] as T;
}

function sortCases(random: SeededRandom, count: number): SweepCase[] {
  const cases: SweepCase[] = [];
  for (let c = 0; c < count; c++) {
    const kind = KINDS[c % KINDS.length] ?? [];
    const n = 1 + random.below(40);
    const items = Array.from(
      { length: n },
      () => pick(random, random.below(16) === 0 ? ODD : kind),
    );
    const list = `[${items.join(", ")}]`;
    const form = c % 4;
    if (form === 0) cases.push(messageCase(`sorted(${list})`));
    else if (form === 1) cases.push(messageCase(`sorted(${list}, reverse=True)`));
    else if (form === 2) cases.push(messageCase(`sorted(sorted(${list}) + ${list})`));
    else cases.push(messageCase(`sorted(${list}[::-1] + [${pick(random, ODD)}])`));
  }
  return cases;
}

Deno.test({
  name: "sorts: values and TypeError messages match CPython over mixed-kind lists",
  ignore: skipReason !== null,
  async fn() {
    const report = await runFamilies([["generated", sortCases(new SeededRandom(SEED), CASES)]]);
    assert.deepEqual(report.mismatches, []);
    assert.ok(report.values > CASES / 4, `only ${report.values} cases returned a value`);
  },
});

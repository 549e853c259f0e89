/**
 * The set sweep (issue 10, family 15): the dict-view set operators make
 * sets (spec/LANGUAGE.md §7.9), compared with CPython 3.11 run with
 * PYTHONHASHSEED=0 by outcome class — the value's repr included, so the
 * iteration order of every set must be CPython's — over seeded cases
 * (tests/support/set_programs.ts), plus the error messages CPython gives
 * for what sets refuse.
 */

import assert from "node:assert/strict";
import { messageCase, runFamilies, statementsCase } from "./support/conformance_sweep.ts";
import { pythonUnavailableReason } from "./support/python.ts";
import { SeededRandom } from "./support/random.ts";
import { setCases } from "./support/set_programs.ts";

const skipReason = pythonUnavailableReason();
if (skipReason !== null) console.log(`set sweep skipped: ${skipReason}`);

const CASES = 4000;
const SEED = 20261202;

/** What sets refuse, with CPython's exact messages. */
const MESSAGES = [
  messageCase("{1: 2}.keys() & 5"),
  messageCase("{1: 2}.keys() | [[1]]"),
  messageCase("{1: 2}.items() - [1]"),
  messageCase("{1: [2]}.items() & [(1, [2])]"),
  messageCase("({1: 2}.keys() | [3]) & [4]"),
  messageCase("({1: 2}.keys() | [3]) - {4: 5}"),
  messageCase("({1: 2}.keys() | [3]) < [1]"),
  messageCase("({1: 2}.keys() | [3]) <= {3: 4}.values()"),
  messageCase("[1] in ({1: 2}.keys() | [3])"),
  messageCase("{({1: 2}.keys() | [3]): 1}"),
  messageCase("({1: 2}.keys() | [3]) | [7]"),
  messageCase("({1: 2}.keys() | [3])[0]"),
  messageCase("reversed({1: 2}.keys() | [3])"),
  statementsCase([
    "s = {1: 2}.keys() | [3]",
    "r = []",
    "for x in s:",
    "    r.append(x)",
    "    s |= {x + 10: 0}.keys() | []",
    "return r",
  ]),
  statementsCase([
    "s = {1: 2}.keys() | [3]",
    "t = s",
    "s |= {5: 0}.keys() | [6]",
    "u = s | {7: 0}.keys()",
    "return [t == s, s, u, len(t), sorted(u, reverse=True), max(s), sum(s), 3 in t, str(t)]",
  ]),
];

Deno.test({
  name: "sets: the dict-view set operators and the sets they make match CPython, order included",
  ignore: skipReason !== null,
  async fn() {
    const report = await runFamilies([
      ["generated", setCases(new SeededRandom(SEED), CASES)],
      ["messages", MESSAGES],
    ]);
    assert.deepEqual(report.mismatches, []);
    assert.ok(report.values > CASES / 3, `only ${report.values} cases returned a value`);
  },
});

/**
 * Indexing a list, tuple, str or bytes with every kind of index around its
 * ends (negative, past either end, bools, ints beyond the safe range and
 * beyond an index-sized int, on empty sequences too) gives CPython 3.11's
 * item or its IndexError / TypeError message: the safe-int fast path of
 * the subscript normaliser and its general path agree at their boundary.
 */

import assert from "node:assert/strict";
import { cpythonOutcomes, vmOutcome } from "./support/differential.ts";
import { pythonUnavailableReason } from "./support/python.ts";

const skipReason = pythonUnavailableReason();
if (skipReason !== null) console.log(`index sweep skipped: ${skipReason}`);

const INDEXES = [
  "-4",
  "-3",
  "-2",
  "-1",
  "0",
  "1",
  "2",
  "3",
  "4",
  "True",
  "False",
  "2**70",
  "-(2**70)",
];

function program(sequence: string, index: string): string {
  return `def main():
    try:
        return str(${sequence}[${index}])
    except IndexError as e:
        return "IndexError: " + str(e)
    except TypeError as e:
        return "TypeError: " + str(e)
`;
}

Deno.test({
  name: "indexes around a sequence's ends: items and messages as CPython's",
  ignore: skipReason !== null,
  async fn() {
    const sources: string[] = [];
    for (const n of [0, 1, 3]) {
      for (
        const sequence of [
          `list(range(${n}))`,
          `tuple(range(${n}))`,
          `"abc"[:${n}]`,
          `b"abc"[:${n}]`,
        ]
      ) {
        for (const index of INDEXES) sources.push(program(sequence, index));
      }
    }
    const expected = await cpythonOutcomes(sources);
    const mismatches = sources.filter((source, i) => vmOutcome(source) !== expected[i]);
    assert.deepEqual(
      mismatches.slice(0, 2),
      [],
      `${mismatches.length} of ${sources.length} differ`,
    );
  },
});

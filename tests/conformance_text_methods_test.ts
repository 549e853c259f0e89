/**
 * The str and bytes method sweep (issue 10, families 1 to 5): every method
 * of both types, called in the shapes of tests/support/text_method_shapes.ts
 * (receivers empty, ASCII, whitespace-heavy, non-ASCII; arguments of wrong
 * types, None, negative and huge ints, empty separators, keyword forms),
 * gives CPython 3.11's outcome class in the VM: the same value, or the
 * same exception type. CPython runs every shape in one python3 process.
 */

import assert from "node:assert/strict";
import {
  cpythonOutcomeClasses,
  cpythonOutcomes,
  vmOutcome,
  vmOutcomeClass,
} from "./support/bind_sweep.ts";
import { pythonUnavailableReason } from "./support/python.ts";
import { ISSUE_EXAMPLES, shapeSource, textShapes } from "./support/text_method_shapes.ts";

const skipReason = pythonUnavailableReason();
if (skipReason !== null) console.log(`str/bytes method sweep skipped: ${skipReason}`);

Deno.test("text methods: the issue's examples have CPython 3.11's results", () => {
  const expected = [
    'ok ["a","b  "]',
    'ok ["0x618562"]',
    'ok "01:02"',
    "ok true",
    'ok "0x303037"',
    "ok 1",
    "ValueError",
    "ValueError",
  ];
  assert.deepEqual(ISSUE_EXAMPLES.map((shape) => vmOutcomeClass(shapeSource(shape))), expected);
});

Deno.test({
  name: "text methods: every shape has CPython's outcome class",
  ignore: skipReason !== null,
  async fn() {
    const shapes = textShapes();
    const expected = await cpythonOutcomeClasses(shapes.map(shapeSource));
    const mismatches: string[] = [];
    const counts = new Map<string, number>();
    let succeeded = 0;
    shapes.forEach((shape, i) => {
      counts.set(shape.family, (counts.get(shape.family) ?? 0) + 1);
      const ours = vmOutcomeClass(shapeSource(shape));
      const theirs = expected[i];
      if (theirs?.startsWith("ok ")) succeeded++;
      if (ours !== theirs) {
        mismatches.push(`${shape.expr}\n    VM:      ${ours}\n    CPython: ${theirs}`);
      }
    });
    console.log(`text method shapes by family: ${JSON.stringify(Object.fromEntries(counts))}`);
    assert.deepEqual(mismatches.slice(0, 40), [], `${mismatches.length} shapes differ`);
    assert.ok(shapes.length >= 5000, `${shapes.length} shapes`);
    assert.ok(succeeded > shapes.length / 3, `${succeeded} of ${shapes.length} succeed`);
  },
});

/**
 * find, rfind, index, rindex, count, startswith and endswith check their
 * arguments in CPython's order, the [start, end) window before the needle,
 * so a call wrong in both reports what CPython reports, message and all.
 */
function searchOrderShapes(): string[] {
  const receivers = ['"abc"', '"a\\ud800b"', 'b"abc"'];
  const methods = ["find", "rfind", "index", "rindex", "count", "startswith", "endswith"];
  const needles = ["1", "300", '"a"', 'b"a"', "(1,)", '("z", 1)', '(b"z", 1)', "None", '"x"'];
  const bounds = [[], ['"a"'], ["0", '"a"'], ["None", "2**70"], ["-1"], ["0", "None"], [
    "True",
    "[]",
  ]];
  return receivers.flatMap((receiver) =>
    methods.flatMap((method) =>
      needles.flatMap((needle) =>
        bounds.map((bound) => `${receiver}.${method}(${[needle, ...bound].join(", ")})`)
      )
    )
  );
}

Deno.test({
  name: "text methods: search methods check the window before the needle, as CPython does",
  ignore: skipReason !== null,
  async fn() {
    const exprs = searchOrderShapes();
    const sources = exprs.map((expr) => `def main():\n    return ${expr}\n`);
    const expected = await cpythonOutcomes(sources);
    const mismatches = sources.flatMap((source, i) => {
      const ours = JSON.stringify(vmOutcome(source));
      const theirs = JSON.stringify(expected[i]);
      return ours === theirs ? [] : [`${exprs[i]}\n    VM:      ${ours}\n    CPython: ${theirs}`];
    });
    assert.deepEqual(mismatches.slice(0, 20), [], `${mismatches.length} of ${exprs.length} differ`);
    const failures = expected.filter((outcome) => outcome.error !== undefined).length;
    assert.ok(failures > exprs.length / 3, `${failures} of ${exprs.length} fail`);
  },
});

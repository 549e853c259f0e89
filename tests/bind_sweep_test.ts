/**
 * The argument-binding sweep: every builtin and every method variant of
 * the generated tables (lib/compile/opcodes_generated.ts), called in the
 * shapes its signature makes interesting (tests/support/bind_shapes.ts),
 * gives CPython 3.11's outcome class in the VM: the same value, or the same
 * exception type, with a TypeError of argument binding told apart from any
 * other. Shapes that differ for a reason other than binding are listed,
 * with the reason, in tests/support/bind_sweep.ts.
 */

import assert from "node:assert/strict";
import { bindShapes } from "./support/bind_shapes.ts";
import {
  cpythonOutcomeClasses,
  cpythonSignatures,
  KNOWN_DIFFERENCES,
  signatureText,
  tableCallables,
  vmOutcomeClass,
} from "./support/bind_sweep.ts";
import { pythonUnavailableReason } from "./support/python.ts";

const skipReason = pythonUnavailableReason();
if (skipReason !== null) console.log(`argument-binding sweep skipped: ${skipReason}`);

Deno.test("bind sweep: the shapes cover every family, and enough of them bind", () => {
  const shapes = bindShapes();
  const families = new Map<string, number>();
  for (const shape of shapes) families.set(shape.family, (families.get(shape.family) ?? 0) + 1);
  for (const family of ["builtin", "str", "bytes", "list", "tuple", "dict", "int"]) {
    assert.ok((families.get(family) ?? 0) >= 50, `${family}: ${families.get(family)} shapes`);
  }
  const known = KNOWN_DIFFERENCES.flatMap((difference) => difference.calls);
  const calls = new Set(shapes.map((shape) => shape.call));
  assert.deepEqual(known.filter((call) => !calls.has(call)), [], "known differences not swept");
});

Deno.test({
  name: "bind sweep: every shape has CPython's outcome class",
  ignore: skipReason !== null,
  async fn() {
    const shapes = bindShapes();
    const expected = await cpythonOutcomeClasses(shapes.map((shape) => shape.source));
    const known = new Set(KNOWN_DIFFERENCES.flatMap((difference) => difference.calls));
    const mismatches: string[] = [];
    const stale: string[] = [];
    let succeeded = 0;
    shapes.forEach((shape, i) => {
      const ours = vmOutcomeClass(shape.source);
      const theirs = expected[i];
      if (theirs?.startsWith("ok ")) succeeded++;
      if (known.has(shape.call)) {
        if (ours === theirs) stale.push(shape.call);
      } else if (ours !== theirs) {
        mismatches.push(`${shape.call}\n    VM:      ${ours}\n    CPython: ${theirs}`);
      }
    });
    assert.deepEqual(mismatches.slice(0, 10), [], `${mismatches.length} shapes differ`);
    assert.deepEqual(stale, [], "known differences that no longer differ");
    // A sweep of refusals would prove little: a good share of the shapes must succeed.
    assert.ok(succeeded > shapes.length / 5, `${succeeded} of ${shapes.length} succeed`);
  },
});

Deno.test({
  name: "bind sweep: every signature CPython publishes is the table's",
  ignore: skipReason !== null,
  async fn() {
    const callables = tableCallables();
    const theirs = await cpythonSignatures(callables.map((info) => info.name));
    const differ: string[] = [];
    let compared = 0;
    callables.forEach((info, i) => {
      const published = theirs[i];
      if (published === null || published === undefined || info.sig === null) return;
      compared++;
      const ours = signatureText(info.sig);
      if (ours !== published) differ.push(`${info.name}: table ${ours}, CPython ${published}`);
    });
    assert.deepEqual(differ, []);
    // CPython publishes no signature for most types and some methods; the shapes cover those.
    assert.ok(compared >= callables.length / 2, `${compared} of ${callables.length} compared`);
  },
});

/**
 * The wording of argument-binding TypeErrors: every call shape of the
 * argument-binding sweep (tests/support/bind_shapes.ts: each builtin and
 * method variant with 0 to n+2 positional arguments, each parameter by
 * keyword, an unknown keyword, a keyword repeating a positional…) that
 * CPython 3.11 or the VM refuses in argument binding raises the same type
 * with the same message in the VM, as each callable's parsing style
 * (spec/opcodes_vm_py.yaml `parse`, lib/runtime/arity.ts) words it.
 */

import assert from "node:assert/strict";
import { bindShapes } from "./support/bind_shapes.ts";
import { cpythonOutcomes, type Outcome, outcomeClass, vmOutcome } from "./support/bind_sweep.ts";
import { pythonUnavailableReason } from "./support/python.ts";
import { renderOpcodeTable } from "../tools/opcode_table.ts";

const skipReason = pythonUnavailableReason();
if (skipReason !== null) console.log(`binding-message comparison skipped: ${skipReason}`);

const BINDING = "TypeError (binding)";

function text(outcome: Outcome): string {
  return outcome.ok !== undefined ? `ok ${outcome.ok}` : `${outcome.error}: ${outcome.message}`;
}

Deno.test({
  name: "bind messages: every refusal in binding has CPython's type and message",
  ignore: skipReason !== null,
  async fn() {
    const shapes = bindShapes();
    const expected = await cpythonOutcomes(shapes.map((shape) => shape.source));
    const mismatches: string[] = [];
    const callables = new Set<string>();
    let compared = 0;
    shapes.forEach((shape, i) => {
      const theirs = expected[i];
      const ours = vmOutcome(shape.source);
      // The test subset refuses some shapes at compile time; the sweep checks those are few.
      if (theirs === undefined || ours === null) return;
      if (outcomeClass(theirs) !== BINDING && outcomeClass(ours) !== BINDING) return;
      compared++;
      callables.add(shape.call.slice(0, shape.call.indexOf("(")));
      if (text(ours) !== text(theirs)) {
        mismatches.push(`${shape.call}\n    VM:      ${text(ours)}\n    CPython: ${text(theirs)}`);
      }
    });
    assert.deepEqual(mismatches.slice(0, 10), [], `${mismatches.length} of ${compared} differ`);
    assert.ok(compared >= 800, `only ${compared} refusals compared`);
    assert.ok(callables.size >= 120, `only ${callables.size} callables refused`);
  },
});

Deno.test("bind messages: every builtin and method declares a known parsing style", () => {
  const spec = Deno.readTextFileSync(new URL("../spec/opcodes_vm_py.yaml", import.meta.url));
  const len = 'name: len, sig: "(obj, /)", parse: one,';
  assert.ok(spec.includes(len));
  assert.throws(
    () => renderOpcodeTable(spec.replace(len, 'name: len, sig: "(obj, /)",')),
    /builtins\.len: missing parse/,
  );
  assert.throws(
    () => renderOpcodeTable(spec.replace(len, 'name: len, sig: "(obj, /)", parse: o,')),
    /builtins\.len: unknown parse 'o'/,
  );
  assert.throws(
    () => renderOpcodeTable(spec.replace(len, `${len.slice(0, -5)}{ style: one, lest: 1 },`)),
    /builtins\.len: unknown parse field 'lest'/,
  );
});

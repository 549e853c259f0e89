/**
 * Differential test of the runtime against CPython 3.11: every program of
 * tests/conformance/runtime/ (one-line expressions and multi-statement
 * programs) runs under python3, with a small Python model of stdlib
 * (tests/support/cpython_run.py), and through the VM; the return value (or
 * exception type name, or revert reason) and the events must be identical.
 * Known differences are listed with a reason in known_failures.json.
 */

import assert from "node:assert/strict";
import { validate } from "../validate.ts";
import { cpythonOutcomes, vmOutcome } from "./support/differential.ts";
import { pythonUnavailableReason } from "./support/python.ts";
import { runtimeCorpus } from "./support/runtime.ts";

const DIRECTORY = new URL("./conformance/runtime/", import.meta.url);

const skipReason = pythonUnavailableReason();
if (skipReason !== null) console.log(`runtime differential tests skipped: ${skipReason}`);

Deno.test("runtime corpus: every program is accepted by the validator", () => {
  const rejected = runtimeCorpus().filter(({ source }) => !validate(source).ok).map(({ label }) =>
    label
  );
  assert.deepEqual(rejected, []);
});

Deno.test({
  name: "runtime differential: the VM matches CPython on every corpus program",
  ignore: skipReason !== null,
  async fn() {
    const corpus = runtimeCorpus();
    assert.ok(corpus.length >= 150, `${corpus.length} programs`);
    const expected = await cpythonOutcomes(corpus.map((c) => c.source));
    const known = new Map(
      (JSON.parse(Deno.readTextFileSync(new URL("known_failures.json", DIRECTORY))).cases as {
        label: string;
        reason: string;
      }[])
        .map((entry) => [entry.label, entry.reason]),
    );
    const mismatches: string[] = [];
    const stillKnown: string[] = [];
    corpus.forEach(({ label, source }, i) => {
      const ours = vmOutcome(source);
      const differs = ours !== expected[i];
      if (known.has(label)) {
        if (differs) stillKnown.push(label);
        return;
      }
      if (differs) mismatches.push(`${label}\n    VM:      ${ours}\n    CPython: ${expected[i]}`);
    });
    assert.deepEqual(mismatches, [], `${mismatches.length} of ${corpus.length} programs differ`);
    assert.deepEqual(
      stillKnown.sort(),
      [...known.keys()].sort(),
      "a known failure now passes: remove it from the list",
    );
  },
});

/**
 * Conformance corpus of the validator: every chunk of
 * tests/conformance/validate/*.py must produce exactly the diagnostics it
 * marks (rule, line and column), and every rule must have at least one
 * rejected snippet and one accepted look-alike.
 */

import assert from "node:assert/strict";
import { RULE_IDS, validate } from "../validate.ts";
import { COMPILE_RULES, RETIRED_RULES } from "../lib/validate/rules.ts";
import { listFiles, readChunks } from "./support/chunks.ts";

const DIRECTORY = new URL("./conformance/validate/", import.meta.url);
const files = listFiles(DIRECTORY, ".py");

for (const file of files) {
  const name = file.pathname.split("/").pop() ?? "";
  Deno.test(`validator conformance: ${name}`, () => {
    const chunks = readChunks(Deno.readTextFileSync(file));
    assert.ok(chunks.length > 0, `${name} has no chunks`);
    for (const chunk of chunks) {
      const where = `${name}:${chunk.fileLine}`;
      assert.ok(
        chunk.expected.length > 0 || chunk.okFor.length > 0,
        `${where}: chunk marks neither expectations nor '# ok:'`,
      );
      const result = validate(chunk.bytes, name);
      const actual = result.diagnostics.map((d) => `${d.rule}@${d.line}:${d.column}`).sort();
      assert.deepEqual(actual, chunk.expected, `${where}: diagnostics differ`);
    }
  });
}

Deno.test("validator conformance: every rule has a rejected and an accepted snippet", () => {
  const rejected = new Set<string>();
  const accepted = new Set<string>();
  for (const file of files) {
    for (const chunk of readChunks(Deno.readTextFileSync(file))) {
      for (const expectation of chunk.expected) rejected.add(expectation.split("@")[0] ?? "");
      for (const rule of chunk.okFor) accepted.add(rule);
    }
  }
  // Compile-only rules are covered by tests/compile_caps_test.ts.
  const checked = RULE_IDS.filter((rule) =>
    !COMPILE_RULES.includes(rule) && !RETIRED_RULES.includes(rule)
  );
  const missingRejected = checked.filter((rule) => !rejected.has(rule));
  const missingAccepted = checked.filter((rule) => !accepted.has(rule));
  assert.deepEqual(missingRejected, [], "rules without a rejected snippet");
  assert.deepEqual(missingAccepted, [], "rules without an accepted look-alike");
});

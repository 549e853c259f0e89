/** The specs stay true: every rule is documented (VALIDATION.md) and the ABI selector table is exact (ABI.md). */

import assert from "node:assert/strict";
import { RULES } from "../validate.ts";
import { selectorOf, toHex } from "../abi.ts";

Deno.test("spec/VALIDATION.md lists every rule with its summary", () => {
  const spec = Deno.readTextFileSync(new URL("../spec/VALIDATION.md", import.meta.url));
  const documented = new Map(
    [...spec.matchAll(/^\|\s*`([a-z0-9-]+)`\s*\|\s*([^|]+?)\s*\|/gm)].map((
      m,
    ) => [m[1] ?? "", (m[2] ?? "").trim()]),
  );
  const expected = new Map(Object.entries(RULES).map(([id, info]) => [id, info.summary]));
  assert.deepEqual(documented, expected);
});

Deno.test("spec/ABI.md: the selector table matches the implementation", () => {
  const spec = Deno.readTextFileSync(new URL("../spec/ABI.md", import.meta.url));
  const rows = [
    ...spec.matchAll(/^\|\s*`([a-z_]+\([a-z,<>()]*\))`\s*\|\s*`([0-9a-f]{16})`\s*\|/gm),
  ];
  assert.ok(rows.length >= 4);
  for (const [, signatureText, selector] of rows) {
    assert.equal(toHex(selectorOf(signatureText ?? "")), `0x${selector}`, signatureText);
  }
});

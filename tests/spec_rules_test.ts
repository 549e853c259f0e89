/** spec/VALIDATION.md documents every rule of lib/validate/rules.ts, with the same summary. */

import assert from "node:assert/strict";
import { RULES } from "../mod.ts";

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

/**
 * What the validator says of an attribute read through a builtin type name
 * (`str.upper`, `int.parse`): a method of the type's values points at the
 * call on a value, anything else lists the type-level methods there are.
 */

import assert from "node:assert/strict";
import { validate } from "../api.ts";

function message(source: string): string {
  const result = validate(source);
  return result.diagnostics.map((diagnostic) => diagnostic.message).join("\n");
}

Deno.test("type attributes: a value's method read through its type points at the call on a value", () => {
  assert.equal(
    message("def f(s):\n    return str.upper(s)\n"),
    "'str.upper' is not available through the type; call it on a value: x.upper(...)",
  );
  assert.equal(
    message("def f():\n    return int.to_bytes(1, 2, 'big')\n"),
    "'int.to_bytes' is not available through the type; call it on a value: x.to_bytes(...)",
  );
});

Deno.test("type attributes: any other name lists the type's own methods", () => {
  assert.equal(
    message("def f(x):\n    return int.parse(x)\n"),
    "'int.parse' is not available; use int.from_bytes",
  );
  assert.equal(
    message("def f(x):\n    return bytes.upper(x)\n"),
    "'bytes.upper' is not available through the type; call it on a value: x.upper(...)",
  );
});

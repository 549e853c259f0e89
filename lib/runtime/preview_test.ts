/** Trace previews stay short, printable and cheap on hostile values (cycles, depth, width, text). */

import assert from "node:assert/strict";
import { asciiSafe, PREVIEW_LENGTH, previewValue } from "./preview.ts";
import { PyDict, PyList, PyTuple, type Value } from "./values.ts";

const PRINTABLE = /^[\x20-\x7e]*$/;

Deno.test("preview: Python-like text for small values", () => {
  const cases: [Value, string][] = [
    [null, "None"],
    [true, "True"],
    [-7, "-7"],
    [2n ** 70n, "1180591620717411303424"],
    ["it's", "'it\\'s'"],
    [Uint8Array.from([0, 65, 0x27, 255]), "b'\\x00A\\'\\xff'"],
    [new PyList([1, "a"]), "[1, 'a']"],
    [new PyTuple([1]), "(1,)"],
  ];
  for (const [value, text] of cases) assert.equal(previewValue(value), text);
});

Deno.test("preview: hostile values stay bounded and printable", () => {
  const cyclic = new PyList([]);
  cyclic.items.push(cyclic, cyclic);
  let deep: Value = 0;
  for (let i = 0; i < 100_000; i++) deep = new PyList([deep]);
  const wide = new PyList(new Array(65_536).fill("x".repeat(1000)));
  const dict = new PyDict();
  const values: Value[] = [
    cyclic,
    deep,
    wide,
    dict,
    "\x1b[2J\u202e\u0000" + "é".repeat(5000),
    new Uint8Array(1 << 20),
    2n ** 4095n,
  ];
  for (const value of values) {
    const text = previewValue(value);
    assert.ok(text.length <= PREVIEW_LENGTH + 3, text);
    assert.match(text, PRINTABLE);
  }
  assert.equal(previewValue(deep), "[[[[...]]]]");
  assert.match(previewValue("\x1b[2J\u202e"), /^'\\x1b\[2J\\u202e'$/);
  assert.match(previewValue(wide), /\.\.\.\(65536 items\)\]$|\.\.\.$/);
  assert.equal(asciiSafe("a\u202eb\n"), "a\\u202eb\\n");
});

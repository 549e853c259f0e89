import assert from "node:assert/strict";
import { firstInvalidUtf8, SourceText } from "./source.ts";

Deno.test("source: positions are 1-based lines and code-point columns", () => {
  const source = new SourceText("t.py", "ab\r\n😀x\ry\n");
  assert.deepEqual(source.position(0), { line: 1, column: 1 });
  assert.deepEqual(source.position(4), { line: 2, column: 1 });
  assert.deepEqual(source.position(6), { line: 2, column: 2 });
  assert.deepEqual(source.position(8), { line: 3, column: 1 });
  assert.equal(source.lineText(2), "😀x");
  assert.equal(source.lineText(9), "");
});

Deno.test("source: UTF-8 validation rejects overlongs, surrogates and truncation", () => {
  assert.equal(firstInvalidUtf8(new TextEncoder().encode("héllo 😀")), -1);
  assert.equal(firstInvalidUtf8(Uint8Array.from([0x41, 0xc0, 0x80])), 1);
  assert.equal(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80])), 0);
  assert.equal(firstInvalidUtf8(Uint8Array.from([0x41, 0x42, 0xe2, 0x82])), 2);
  assert.equal(firstInvalidUtf8(Uint8Array.from([0xf5, 0x80, 0x80, 0x80])), 0);
});

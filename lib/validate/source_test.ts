import assert from "node:assert/strict";
import { countCodePoints, firstInvalidUtf8, SourceText } from "./source.ts";
import { HANG_CEILING_MS, HANG_CEILING_TEXT } from "../../tests/support/hang_ceiling.ts";

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

Deno.test("source: columns agree with a code-point count from the line start", () => {
  const pieces = ["a", "\n", "\r", "\r\n", "😀", "\ud83d", "\ude00", "é", " "];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let round = 0; round < 200; round++) {
    let text = "";
    for (let i = next() % 40; i > 0; i--) text += pieces[next() % pieces.length];
    const source = new SourceText("t.py", text);
    for (let offset = 0; offset <= text.length + 1; offset++) {
      const clamped = Math.min(offset, text.length);
      const line = source.lineStarts.filter((start) => start <= clamped).length;
      const lineStart = source.lineStarts[line - 1] ?? 0;
      const column = countCodePoints(text, lineStart, clamped) + 1;
      assert.deepEqual(source.position(offset), { line, column }, JSON.stringify([text, offset]));
    }
  }
});

Deno.test("source: resolving every offset of a 700 KB line is linear", () => {
  const text = "x = [" + "1,".repeat(350_000) + "😀]\n";
  const source = new SourceText("t.py", text);
  const started = performance.now();
  let columns = 0;
  for (let offset = 0; offset < text.length; offset += 2) columns += source.position(offset).column;
  assert.ok(
    performance.now() - started < HANG_CEILING_MS,
    `700 KB of positions took over ${HANG_CEILING_TEXT}`,
  );
  assert.ok(columns > 0);
  assert.deepEqual(source.position(text.indexOf("]")), { line: 1, column: 700_007 });
});

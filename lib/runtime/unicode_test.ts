/** The character classes: known answers, and the generated tables are current against CPython 3.11. */

import assert from "node:assert/strict";
import { unicodeTables } from "../../tools/unicode_tables.ts";
import { pythonUnavailableReason } from "../../tests/support/python.ts";
import {
  decimalValue,
  isAlnum,
  isAlpha,
  isDecimal,
  isDigit,
  isIdentifierContinue,
  isIdentifierStart,
  isNumeric,
  isPrintable,
  isSpace,
} from "./unicode.ts";
import * as generated from "./unicode_generated.ts";

Deno.test("unicode: known answers of CPython 3.11", () => {
  const cases: [(codePoint: number) => boolean, number, boolean][] = [
    [isPrintable, 0x41, true],
    [isPrintable, 0x20, true],
    [isPrintable, 0xa0, false],
    [isPrintable, 0xad, false],
    [isPrintable, 0xe000, false],
    [isPrintable, 0x1f600, true],
    [isPrintable, 0xd800, false],
    [isPrintable, 0x10ffff, false],
    [isSpace, 0x1c, true],
    [isSpace, 0x85, true],
    [isSpace, 0xfeff, false],
    [isSpace, 0x3000, true],
    [isDigit, 0xb2, true],
    [isDigit, 0x661, true],
    [isDigit, 0xbd, false],
    [isAlpha, 0x1c5, true],
    [isAlpha, 0x5f, false],
    [isAlnum, 0x216b, true],
    [isAlnum, 0xbd, true],
    [isNumeric, 0xbd, true],
    [isNumeric, 0x41, false],
    [isDecimal, 0xb2, false],
    [isIdentifierStart, 0x5f, true],
    [isIdentifierStart, 0x30, false],
    [isIdentifierContinue, 0x30, true],
    [isIdentifierContinue, 0x2d, false],
  ];
  assert.deepEqual(
    [0x30, 0x39, 0x663, 0xff11, 0x1d7ce, 0xb2, 0x41].map(decimalValue),
    [0, 9, 3, 1, 0, null, null],
  );
  const wrong = cases.filter(([test, codePoint, expected]) => test(codePoint) !== expected)
    .map(([test, codePoint]) => `${test.name}(0x${codePoint.toString(16)})`);
  assert.deepEqual(wrong, []);
});

const skipReason = pythonUnavailableReason();
Deno.test({
  name: "unicode: lib/runtime/unicode_generated.ts is current (run `deno task unicode`)",
  ignore: skipReason !== null,
  async fn() {
    const tables = await unicodeTables();
    assert.equal(generated.UNICODE_VERSION, tables.unicode);
    for (const [name, ranges] of Object.entries(tables.classes)) {
      assert.deepEqual(Reflect.get(generated, `${name.toUpperCase()}_RANGES`), ranges, name);
    }
  },
});

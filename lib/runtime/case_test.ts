/** The case tables: known answers, and the generated tables are current against CPython 3.11. */

import assert from "node:assert/strict";
import { caseTables } from "../../tools/case_tables.ts";
import { pythonUnavailableReason } from "../../tests/support/python.ts";
import {
  isCased,
  isCaseIgnorable,
  isLowercase,
  isTitlecase,
  isUppercase,
  lowerInto,
  titleInto,
  upperInto,
} from "./case.ts";
import * as generated from "./case_generated.ts";

function mapped(map: (codePoint: number, out: number[]) => void, codePoint: number): number[] {
  const out: number[] = [];
  map(codePoint, out);
  return out;
}

Deno.test("case: known mappings and flags of CPython 3.11", () => {
  assert.deepEqual(mapped(upperInto, 0xdf), [0x53, 0x53]);
  assert.deepEqual(mapped(upperInto, 0x101), [0x100]);
  assert.deepEqual(mapped(upperInto, 0x100), [0x100]);
  assert.deepEqual(mapped(upperInto, 0x19b), [0x19b]);
  assert.deepEqual(mapped(lowerInto, 0x130), [0x69, 0x307]);
  assert.deepEqual(mapped(titleInto, 0x1c6), [0x1c5]);
  assert.deepEqual(mapped(lowerInto, 0xd800), [0xd800]);
  assert.deepEqual(
    [0x41, 0x345, 0x2b0, 0x27, 0x20].map(isCased),
    [true, true, true, false, false],
  );
  assert.deepEqual([0x27, 0x345, 0xad, 0x41].map(isCaseIgnorable), [true, true, true, false]);
  assert.deepEqual([0x1c5, 0x1c4, 0x41].map(isTitlecase), [true, false, false]);
  assert.deepEqual([0x61, 0xaa, 0x41].map(isLowercase), [true, true, false]);
  assert.deepEqual([0x41, 0x1c5].map(isUppercase), [true, false]);
});

const skipReason = pythonUnavailableReason();
Deno.test({
  name: "case: lib/runtime/case_generated.ts is current (run `deno task unicode`)",
  ignore: skipReason !== null,
  async fn() {
    const tables = await caseTables();
    assert.equal(generated.CASE_UNICODE_VERSION, tables.unicode);
    for (const [name, mapping] of Object.entries(tables.maps)) {
      assert.deepEqual(Reflect.get(generated, `${name.toUpperCase()}_RUNS`), mapping.runs, name);
      assert.deepEqual(
        Reflect.get(generated, `${name.toUpperCase()}_SPECIAL`),
        mapping.special,
        name,
      );
    }
    for (const [name, ranges] of Object.entries(tables.flags)) {
      assert.deepEqual(Reflect.get(generated, `${name.toUpperCase()}_RANGES`), ranges, name);
    }
  },
});

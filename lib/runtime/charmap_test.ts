/**
 * The charmap codecs' byte tables are current against CPython 3.11: every
 * byte decodes as CPython decodes it, and every code point below 0x10000
 * (plus astral samples) encodes, or fails to, as CPython encodes it.
 */

import assert from "node:assert/strict";
import { CHARMAP_MODULES, charmapTables } from "../../tools/charmap_tables.ts";
import { pythonUnavailableReason } from "../../tests/support/python.ts";
import { CHARMAP_CODECS, CHARMAP_DECODE } from "./charmap_generated.ts";
import { encodeText } from "./codecs.ts";
import { strFromCodePoint } from "../text_units.ts";

const skipReason = pythonUnavailableReason();
Deno.test({
  name: "charmap: lib/runtime/charmap_generated.ts is current (run `deno task charmaps`)",
  ignore: skipReason !== null,
  async fn() {
    const tables = await charmapTables();
    assert.deepEqual([...CHARMAP_CODECS], [...CHARMAP_MODULES]);
    assert.deepEqual(Object.keys(CHARMAP_DECODE), [...CHARMAP_MODULES]);
    const free = () => {};
    for (const codec of CHARMAP_MODULES) {
      assert.deepEqual(CHARMAP_DECODE[codec], tables.decode[codec], codec);
      const expected = new Map<number, number>();
      const pairs = tables.encode[codec];
      for (let i = 0; i < pairs.length; i += 2) expected.set(pairs[i] ?? -1, pairs[i + 1] ?? -1);
      const actual = new Map<number, number>();
      const probes = [...Array(0x10000).keys(), 0x10000, 0x1f600, 0x10ffff];
      for (const code of probes) {
        const [byte] = encodeText(free, strFromCodePoint(code), codec, "ignore");
        if (byte !== undefined) actual.set(code, byte);
      }
      assert.deepEqual(actual, expected, codec);
    }
  },
});

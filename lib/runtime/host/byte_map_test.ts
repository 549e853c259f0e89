/** ByteMap finds a value exactly by its key's bytes, at every key length class and float bit pattern. */

import assert from "node:assert/strict";
import { binaryKey } from "../binary_key.ts";
import { SeededRandom } from "../../../tests/support/random.ts";
import { ByteMap } from "./byte_map.ts";

/** Keys whose bytes spell floats a Map could confuse (zeros, NaNs, infinities, denormals), in both byte orders. */
function floatPatterns(): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const value of [0, -0, NaN, Infinity, -Infinity, 5e-324, -5e-324, 1, -1]) {
    for (const little of [false, true]) {
      const bytes = new Uint8Array(8);
      new DataView(bytes.buffer).setFloat64(0, value, little);
      out.push(bytes, bytes.subarray(0, 7), bytes.subarray(1));
    }
  }
  for (const head of [[0x7f, 0xf0], [0xff, 0xf8], [0x7f, 0xff], [0x80, 0]]) {
    for (const tail of [[0, 1], [0, 0], [0xff, 0xff]]) {
      out.push(Uint8Array.from([...head, 0, 0, 0, 0, ...tail]));
      out.push(Uint8Array.from([...tail, 0, 0, 0, 0, ...head.reverse()]));
    }
  }
  return out;
}

Deno.test("ByteMap: two keys share an entry exactly when their bytes are equal", () => {
  const random = new SeededRandom(15);
  const keys: Uint8Array[] = [new Uint8Array(0), ...floatPatterns()];
  for (const length of [1, 2, 5, 6, 7, 8, 9, 12, 13, 33, 256]) {
    for (let i = 0; i < 40; i++) {
      keys.push(
        Uint8Array.from({ length }, () => random.pick([0, 0x7f, 0x80, 0xff, random.below(256)])),
      );
    }
  }
  const map = new ByteMap<number>();
  const reference = new Map<string, number>();
  keys.forEach((key, i) => {
    assert.equal(map.get(key), reference.get(binaryKey(key)), `key ${i} before its write`);
    map.set(key, i);
    reference.set(binaryKey(key), i);
  });
  for (const key of keys) {
    assert.equal(map.get(key), reference.get(binaryKey(key)));
    assert.equal(
      map.get(key.slice()),
      reference.get(binaryKey(key)),
      "a copy finds the same entry",
    );
  }
  assert.equal(new Set(keys.map((key) => map.get(key))).size, reference.size);
});

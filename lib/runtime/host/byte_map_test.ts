/** ByteMap finds a value exactly by its key's bytes, for zero-padded and other keys of every length class. */

import assert from "node:assert/strict";
import { binaryKey } from "../binary_key.ts";
import { SeededRandom } from "../../../tests/support/random.ts";
import { ByteMap } from "./byte_map.ts";

/** Keys that differ only in their length or in one byte (on either side of the last 6, or the last). */
function edgeKeys(): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const length of [1, 5, 6, 7, 8, 9, 32, 256]) {
    for (const at of [0, length - 7, length - 6, length - 1]) {
      for (const byte of [0, 1, 0xff]) {
        const key = new Uint8Array(length);
        if (at >= 0) key[at] = byte;
        const last = key.slice();
        last[length - 1] = (last[length - 1] ?? 0) ^ 1;
        out.push(key, last);
      }
    }
  }
  return out;
}

Deno.test("ByteMap: two keys share an entry exactly when their bytes are equal", () => {
  const random = new SeededRandom(15);
  const keys: Uint8Array[] = [new Uint8Array(0), ...edgeKeys()];
  for (const length of [1, 2, 5, 6, 7, 8, 9, 12, 13, 33, 256]) {
    for (let i = 0; i < 40; i++) {
      const key = Uint8Array.from(
        { length },
        () => random.pick([0, 0, 0, 0xff, random.below(256)]),
      );
      keys.push(key, Uint8Array.from([...new Uint8Array(length), ...key.subarray(0, 6)]));
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

/** binaryKey is injective, keyBytes inverts it, and its order is the bytes' order, at every length class. */

import assert from "node:assert/strict";
import { toHex } from "../abi/hex.ts";
import { binaryKey, keyBytes } from "./binary_key.ts";
import { SeededRandom } from "../../tests/support/random.ts";

Deno.test("binaryKey: keyBytes inverts it, and keys sort as the bytes' hex does", () => {
  const random = new SeededRandom(12);
  const samples: Uint8Array[] = [new Uint8Array(0)];
  for (const length of [1, 2, 12, 13, 33, 256, 4096, 4097, 9000]) {
    for (let i = 0; i < 6; i++) {
      samples.push(
        Uint8Array.from({ length }, () => random.pick([0, 0x7f, 0x80, 0xff, random.below(256)])),
      );
    }
  }
  for (const bytes of samples) {
    const key = binaryKey(bytes);
    assert.equal(key.length, bytes.length);
    assert.deepEqual(keyBytes(key), bytes);
  }
  const byKey = [...samples].sort((a, b) => {
    const [x, y] = [binaryKey(a), binaryKey(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const byHex = [...samples].sort((a, b) => {
    const [x, y] = [toHex(a), toHex(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  assert.deepEqual(byKey, byHex);
});

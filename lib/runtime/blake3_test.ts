/** BLAKE3 (./blake3.ts) against @noble/hashes at every length over a few chunks, chunk and tree edges, and known answers. */

import assert from "node:assert/strict";
import { blake3 as nobleBlake3 } from "npm:@noble/hashes@2.4.0/blake3.js";
import { toHex } from "../abi/hex.ts";
import { blake3 } from "./blake3.ts";

function message(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed * 2654435761 + 1;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

Deno.test("blake3: matches @noble/hashes at every length up to 3 chunks, and at tree edges", () => {
  const lengths = Array.from({ length: 3 * 1024 + 2 }, (_, i) => i);
  for (const chunks of [4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 64, 100]) {
    lengths.push(chunks * 1024 - 1, chunks * 1024, chunks * 1024 + 1);
  }
  lengths.push(1 << 20);
  for (const length of lengths) {
    const input = message(length, length);
    assert.equal(toHex(blake3(input)), toHex(nobleBlake3(input)), `${length} bytes`);
  }
});

Deno.test("blake3: known answers (the empty input, and 'abc')", () => {
  assert.equal(
    toHex(blake3(new Uint8Array())),
    "0xaf1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
  );
  assert.equal(
    toHex(blake3(new TextEncoder().encode("abc"))),
    "0x6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85",
  );
});

/** The WebAssembly Keccak sponge (SHAKE256 too) against @noble/hashes, known answers, and freshness of the embedded module. */

import assert from "node:assert/strict";
import {
  keccak_256 as nobleKeccak,
  sha3_256 as noble256,
  sha3_512 as noble512,
  shake256 as nobleShake,
} from "npm:@noble/hashes@2.4.0/sha3.js";
import { toHex } from "../abi/hex.ts";
import { keccak256, sha3_256 as wasm256, sha3_512 as wasm512 } from "./keccak.ts";
import { KECCAK_SOURCE_DIGEST } from "../keccak_wasm_generated.ts";
import { shake256, SHAKE256_MAX_OUTPUT } from "../keccak_sponge.ts";

const VARIANTS = [
  ["sha3_256", wasm256, noble256],
  ["sha3_512", wasm512, noble512],
  ["keccak256", keccak256, nobleKeccak],
] as const;

function message(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed * 2654435761 + 1;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

Deno.test("keccak: the WebAssembly sponge matches @noble/hashes at every length up to 3 blocks and beyond", () => {
  const lengths = [
    ...Array.from({ length: 3 * 136 + 2 }, (_, i) => i),
    4096,
    65535,
    65536,
    200_001,
  ];
  for (const [name, ours, reference] of VARIANTS) {
    for (const length of lengths) {
      const input = message(length, length);
      assert.equal(toHex(ours(input)), toHex(reference(input)), `${name} of ${length} bytes`);
    }
  }
});

Deno.test("keccak: SHAKE256 matches @noble/hashes at every output length it gives, over 3 blocks", () => {
  for (let length = 0; length <= 3 * 136 + 2; length++) {
    const input = message(length, length + 3);
    for (const out of [0, 1, 32, 48, 63, SHAKE256_MAX_OUTPUT]) {
      const digest = shake256(input, out);
      assert.equal(toHex(digest), toHex(nobleShake(input, { dkLen: out })), `${out} of ${length}`);
      assert.equal(digest.buffer.byteLength, out, "an array of its own");
    }
  }
  for (const out of [-1, 1.5, SHAKE256_MAX_OUTPUT + 1]) {
    assert.throws(() => shake256(new Uint8Array(), out), RangeError);
  }
});

Deno.test("keccak: bytes a longer earlier message left past the end do not reach the digest", () => {
  const earlier = new Uint8Array(3 * 136 + 16).fill(0xff);
  for (const [name, ours, reference] of VARIANTS) {
    for (let length = 3 * 136 + 2; length >= 0; length--) {
      ours(earlier);
      const input = message(length, length + 7);
      assert.equal(toHex(ours(input)), toHex(reference(input)), `${name} of ${length} bytes`);
    }
  }
});

Deno.test("keccak: known answers from FIPS 202 and Keccak", () => {
  const empty = new Uint8Array();
  assert.equal(
    toHex(wasm256(empty)),
    "0xa7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a",
  );
  assert.equal(
    toHex(keccak256(empty)),
    "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
  );
  assert.equal(
    toHex(wasm256(new TextEncoder().encode("abc"))),
    "0x3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532",
  );
});

Deno.test("keccak: digests are fresh copies (a later call does not change an earlier result)", () => {
  const first = wasm256(message(10, 1));
  const copy = first.slice();
  wasm256(message(20, 2));
  assert.deepEqual(first, copy);
});

Deno.test("keccak: the embedded module was generated from the current tools/wasm/keccak.c", () => {
  const source = Deno.readFileSync(new URL("../../tools/wasm/keccak.c", import.meta.url));
  assert.equal(
    KECCAK_SOURCE_DIGEST,
    toHex(noble256(source)),
    "tools/wasm/keccak.c changed: run `deno task wasm`",
  );
});

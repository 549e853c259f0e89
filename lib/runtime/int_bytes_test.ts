/**
 * The number paths of int_bytes.ts agree with the BigInt ones they
 * shortcut: smallIntFits and smallIntToBytes with the two's-complement
 * definition, encodeStoredInt of a safe int with that of its bigint, and
 * smallIntFromBytes with intFromBytes, over edge values (0, ±1, powers of
 * two ±1 up to 2^53) and seeded random ones, every length 0..10 and both
 * byte orders.
 */

import assert from "node:assert/strict";
import {
  encodeStoredInt,
  intFromBytes,
  intToBytes,
  smallIntFits,
  smallIntFromBytes,
  smallIntToBytes,
} from "./int_bytes.ts";
import { bitLength } from "./ops.ts";
import { SeededRandom } from "../../tests/support/random.ts";

function safeInts(): number[] {
  const values = [0, 1, -1, 2, -2, 127, 128, -128, -129, 255, 256, -256, -257];
  for (let k = 1; k <= 53; k++) {
    for (const v of [2 ** k - 1, 2 ** k, 2 ** k + 1]) {
      if (Number.isSafeInteger(v)) values.push(v, -v);
    }
  }
  const random = new SeededRandom(15);
  for (let i = 0; i < 400; i++) {
    const bits = 1 + random.below(53);
    const v = Math.floor((random.nextU32() * 2 ** 21 + random.below(2 ** 21)) / 2 ** (53 - bits));
    values.push(v, -v);
  }
  return values;
}

function fitsReference(value: bigint, length: number, signed: boolean): boolean {
  const bits = BigInt(8 * length);
  if (!signed) return value >= 0n && value < 1n << bits;
  if (length === 0) return value === 0n || value === -1n;
  return value >= -(1n << (bits - 1n)) && value < 1n << (bits - 1n);
}

function reversed(bytes: Uint8Array): Uint8Array {
  return Uint8Array.from(bytes).reverse();
}

Deno.test("smallIntFits and smallIntToBytes agree with the BigInt definition", () => {
  const wrong: string[] = [];
  for (const value of safeInts()) {
    for (let length = 0; length <= 10; length++) {
      for (const signed of [false, true]) {
        const big = BigInt(value);
        const fits = fitsReference(big, length, signed);
        if (smallIntFits(value, length, signed) !== fits) wrong.push(`fits ${value} ${length}`);
        if (!fits) continue;
        const expected = intToBytes(big, length);
        assert.deepEqual(smallIntToBytes(value, length, false), expected, `${value} ${length}`);
        assert.deepEqual(smallIntToBytes(value, length, true), reversed(expected));
      }
    }
  }
  assert.deepEqual(wrong, []);
});

Deno.test("encodeStoredInt of a safe int is that of its bigint", () => {
  for (const value of safeInts()) {
    const big = BigInt(value);
    assert.deepEqual(encodeStoredInt(value, bitLength(big)), encodeStoredInt(big, bitLength(big)));
  }
});

Deno.test("smallIntFromBytes agrees with intFromBytes, or declines past 6 significant bytes", () => {
  const random = new SeededRandom(16);
  const fills = [0x00, 0xff, 0x80, 0x7f, 0x01];
  let declined = 0;
  for (let i = 0; i < 4000; i++) {
    const length = random.below(11);
    const bytes = new Uint8Array(length);
    // Leading runs of 0x00 or 0xff, then random bytes: the pad scan's edges.
    const run = random.below(length + 1);
    const fill = random.pick(fills);
    for (let j = 0; j < length; j++) bytes[j] = j < run ? fill : random.below(256);
    for (const signed of [false, true]) {
      for (const little of [false, true]) {
        const small = smallIntFromBytes(bytes, signed, little);
        const exact = intFromBytes(little ? reversed(bytes) : bytes, signed);
        if (small === null) {
          declined++;
          assert.ok(exact > BigInt(2 ** 47) || exact < -BigInt(2 ** 47), `${bytes} ${signed}`);
        } else assert.equal(BigInt(small), exact, `${bytes} ${signed} ${little}`);
      }
    }
  }
  assert.ok(declined > 0);
});

/** bitLength and bitsOf are exact at every power-of-two boundary, where rounding to a double misleads. */

import assert from "node:assert/strict";
import { bitLength, bitsOf, intWords } from "./ops.ts";
import { SeededRandom } from "../../tests/support/random.ts";

function reference(value: bigint): number {
  const magnitude = value < 0n ? -value : value;
  return magnitude === 0n ? 0 : magnitude.toString(2).length;
}

Deno.test("bitLength: exact around every power of two up to 4200 bits, both signs", () => {
  const wrong: string[] = [];
  for (let k = 0; k < 4200; k++) {
    const power = 1n << BigInt(k);
    const offsets = [-3n, -1n, 0n, 1n, 3n, power >> 53n, power >> 54n, (power >> 53n) - 1n];
    for (const offset of offsets) {
      for (const value of [power + offset, -(power + offset), power - offset]) {
        if (bitLength(value) !== reference(value)) wrong.push(`2^${k} + ${offset}`);
      }
    }
  }
  assert.deepEqual(wrong.slice(0, 5), []);
  assert.equal(bitLength(0n), 0);
});

Deno.test("bitsOf agrees with bitLength for safe integers at every power-of-two boundary", () => {
  const wrong: number[] = [];
  for (let k = 0; k <= 53; k++) {
    for (const value of [2 ** k - 1, 2 ** k, 2 ** k + 1, -(2 ** k), 1 - 2 ** k]) {
      if (!Number.isSafeInteger(value)) continue;
      if (bitsOf(value) !== bitLength(BigInt(value))) wrong.push(value);
    }
  }
  assert.deepEqual(wrong, []);
});

Deno.test("intWords is max(1, ceil(bitLength / 64)) at every word boundary and random sizes", () => {
  const old = (value: number | bigint) =>
    typeof value === "number" ? 1 : Math.max(1, Math.ceil(reference(value) / 64));
  const values: (number | bigint)[] = [0, 1, -1, 2 ** 53 - 1, 1 - 2 ** 53];
  for (let k = 53; k <= 4200; k++) {
    const power = 1n << BigInt(k);
    for (const value of [power - 1n, power, power + 1n]) values.push(value, -value);
  }
  const random = new SeededRandom(64);
  for (let i = 0; i < 2000; i++) {
    let value = 1n;
    const bits = 54 + random.below(4100);
    while (value < 1n << BigInt(bits)) value = (value << 32n) | BigInt(random.nextU32());
    values.push(value >> BigInt(random.below(32)), -value);
  }
  const wrong = values.filter((value) => intWords(value) !== old(value));
  assert.deepEqual(wrong.slice(0, 5), []);
});

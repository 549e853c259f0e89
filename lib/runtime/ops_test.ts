/**
 * bitLength and bitsOf are exact at every power-of-two boundary, where rounding to a double
 * misleads; `**` pays and refuses exactly at the int_bits cap.
 */

import assert from "node:assert/strict";
import { bitLength, bitsOf, intWords, pow } from "./ops.ts";
import { CAPS, type DynamicGas, Op, OP_INFO } from "../compile/opcodes.ts";
import { CallFailure } from "../errors.ts";
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

Deno.test("pow: value, gas and the int_bits refusal around the cap, safe and bigint bases", () => {
  const per = OP_INFO[Op.POW].dynamic?.per ?? 0;
  const cap = CAPS.int_bits;
  const wrong: string[] = [];
  const bases: (number | bigint | boolean)[] = [
    0,
    1,
    -1,
    true,
    false,
    2,
    -2,
    3,
    -3,
    255,
    2 ** 53 - 1,
    1 - 2 ** 53,
  ];
  for (const power of [64n, 100n, 1000n]) {
    bases.push(1n << power, -(1n << power), (1n << power) + 1n);
  }
  for (const base of bases) {
    const bits = reference(BigInt(base));
    const edge = bits > 1 ? Math.floor((cap - 1) / (bits - 1)) : 5;
    const exponents: (number | bigint | boolean)[] = [0, 1, 2, edge - 1, edge, edge + 1, cap];
    exponents.push(2n ** 70n, 2n ** 70n + 1n, -1, -(2n ** 70n), true, false);
    for (const exponent of exponents) {
      let gas = 0;
      const meter = {
        pay: (cost: DynamicGas | null, units: number) => gas += (cost?.per ?? 0) * units,
      };
      let got: string;
      try {
        got = String(pow(meter, base, exponent));
      } catch (error) {
        if (!(error instanceof CallFailure)) throw error;
        got = error.message;
      }
      const y = BigInt(exponent);
      let want: string;
      let wantGas = 0;
      if (y < 0n) {
        want = bits === 0
          ? "0.0 cannot be raised to a negative power"
          : "negative exponent gives a float, which contracts do not support";
      } else if (bits <= 1) {
        [want, wantGas] = [String(BigInt(base) ** y), per];
      } else if (y === 0n) {
        [want, wantGas] = ["1", per * Math.max(1, Math.ceil(0 / 64)) * intWordsOf(base)];
      } else if (BigInt(bits - 1) * y + 1n > BigInt(cap)) {
        want = "power result is too large (cap int_bits)";
      } else {
        wantGas = per * intWordsOf(base) * Math.max(1, Math.ceil((bits * Number(y)) / 64));
        const value = BigInt(base) ** y;
        want = reference(value) > cap
          ? "integer result is too large (cap int_bits)"
          : String(value);
      }
      if (got !== want || gas !== wantGas) wrong.push(`${base} ** ${exponent}: ${got} ${gas}`);
    }
  }
  assert.deepEqual(wrong, []);
});

function intWordsOf(value: number | bigint | boolean): number {
  return typeof value === "bigint" ? Math.max(1, Math.ceil(reference(value) / 64)) : 1;
}

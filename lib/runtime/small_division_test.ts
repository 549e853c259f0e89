/**
 * Python's `%` and `//` on two safe ints (smallFloorMod, smallFloorDiv)
 * against BigInt arithmetic: random operands of every magnitude up to
 * 2^53, and dividends one off a multiple of the divisor (where a rounded
 * quotient is most likely to be one off), in all four sign combinations;
 * never a negative zero.
 */

import assert from "node:assert/strict";
import { smallFloorDiv, smallFloorMod } from "./ops.ts";
import { SeededRandom } from "../../tests/support/random.ts";

const MAX = 2 ** 53 - 1;

function check(a: number, b: number): void {
  const [x, y] = [BigInt(a), BigInt(b)];
  let remainder = x % y;
  let quotient = x / y;
  if (remainder !== 0n && (remainder < 0n) !== (y < 0n)) {
    remainder += y;
    quotient -= 1n;
  }
  const mod = smallFloorMod(a, b);
  const div = smallFloorDiv(a, b);
  assert.equal(BigInt(mod), remainder, `${a} % ${b}`);
  assert.equal(BigInt(div), quotient, `${a} // ${b}`);
  assert.ok(!Object.is(mod, -0) && !Object.is(div, -0), `negative zero from ${a}, ${b}`);
}

function magnitude(random: SeededRandom): number {
  const bits = random.below(54);
  const value = Math.floor((random.nextU32() / 2 ** 32) * 2 ** bits) + (random.below(5) - 2);
  const signed = random.below(2) === 0 ? value : -value;
  return Math.max(-MAX, Math.min(MAX, signed));
}

Deno.test("% and // of safe ints: random operands of every size agree with BigInt", () => {
  const random = new SeededRandom(53);
  for (let i = 0; i < 200_000; i++) {
    const a = magnitude(random);
    const b = magnitude(random) || 1;
    check(a, b);
  }
});

Deno.test("% and // of safe ints: dividends one off a multiple of the divisor", () => {
  for (let b = 1; b < 3000; b += 7) {
    for (
      const multiple of [1, 3, 2 ** 20, 2 ** 31, Math.floor((2 ** 52 - 1) / b), Math.floor(MAX / b)]
    ) {
      for (const offset of [-1, 0, 1]) {
        const a = multiple * b + offset;
        if (a > MAX) continue;
        for (const [x, y] of [[a, b], [-a, b], [a, -b], [-a, -b]] as const) check(x, y);
      }
    }
  }
});

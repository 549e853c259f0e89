/**
 * The ASCII case helpers of text_units.ts against a unit-by-unit model:
 * only A-Z (or a-z) move, every other unit, surrogates included, stays,
 * at lengths across the chunk the helpers write at a time; a str with
 * nothing to move comes back as it is. And isAsciiText at its edges.
 */

import assert from "node:assert/strict";
import { asciiLowercase, asciiUppercase, isAsciiText } from "./text_units.ts";
import { SeededRandom } from "../tests/support/random.ts";

const UNITS = [0x41, 0x5a, 0x61, 0x7a, 0x40, 0x5b, 0x60, 0x7b, 0x30, 0xe9, 0x3a3, 0xd83d, 0xde00];

function model(text: string, low: number, high: number, shift: number): string {
  return Array.from(
    { length: text.length },
    (_, i) => {
      const unit = text.charCodeAt(i);
      return String.fromCharCode(unit >= low && unit <= high ? unit + shift : unit);
    },
  ).join("");
}

Deno.test("asciiLowercase and asciiUppercase move A-Z and a-z only, at every length", () => {
  const random = new SeededRandom(41);
  for (const length of [0, 1, 2, 7, 100, 4095, 4096, 4097, 9000]) {
    for (let trial = 0; trial < 5; trial++) {
      const text = String.fromCharCode(
        ...Array.from({ length }, () => UNITS[random.nextU32() % UNITS.length] as number),
      );
      assert.equal(asciiLowercase(text), model(text, 0x41, 0x5a, 32), `lower ${length}`);
      assert.equal(asciiUppercase(text), model(text, 0x61, 0x7a, -32), `upper ${length}`);
    }
  }
  assert.equal(asciiLowercase("already lower 123 é"), "already lower 123 é");
  assert.equal(asciiUppercase("HEX 0F"), "HEX 0F");
});

Deno.test("isAsciiText is true below 0x80 only", () => {
  assert.equal(isAsciiText(""), true);
  assert.equal(isAsciiText("\u0000abc\u007f"), true);
  assert.equal(isAsciiText("abc\u0080"), false);
  assert.equal(isAsciiText("\ud83d\ude00"), false);
});
